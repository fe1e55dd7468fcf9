/* The compiled form of the rule language, shared by its compiler
 * (rulec.c) and its matcher (rulematch.c). */
#ifndef WS_RULEPROG_H
#define WS_RULEPROG_H

#include <stdint.h>

#include "buf.h"
#include "rowindex.h"
#include "rules.h"

/* What a test looks at. */
enum ws_rtest_kind {
	RT_TEXT,	/* the token's bytes equal lit */
	RT_LOWER,	/* the token's bytes equal lit, ASCII case ignored */
	RT_SHAPE,	/* ival == enum ws_shape */
	RT_KIND,	/* ival == enum ws_tok_kind */
	RT_FLAG,	/* ival is a WS_TF_* bit that is set */
	RT_ANNOT,	/* an annotation of type starts here (with feature tests) */
	RT_LITSET,	/* one of set's text and lower tests holds (rulec.c makes it
			 * of an alternation of such one-test elements) */
};

/* A feature test on an annotation: key == value, or key != value (which
 * also holds when the feature is absent). */
struct ws_rfeat {
	const char *key, *value;
	uint8_t neq;
};

struct ws_rtest {
	uint8_t kind;		/* enum ws_rtest_kind */
	uint8_t neg;		/* the test must fail */
	int ival;
	char *lit;
	size_t litlen;
	const char *type;	/* RT_ANNOT */
	struct ws_rfeat *feats;
	uint32_t nfeats;
	struct ws_rtest *set;	/* RT_LITSET */
	uint32_t nset;
	uint32_t bit;		/* its bit in ws_rbits (tests equal but for neg share one) */
};

/* One pattern element: its tests all hold on the same token. When span is
 * set, the element consumes a whole annotation: the test at index span
 * (an RT_ANNOT test) chooses it, and the others hold on its first token. */
struct ws_relem {
	struct ws_rtest *tests;
	uint32_t ntests;
	int32_t span;		/* index of the spanning test, -1: one token */
	uint32_t mask;		/* its need bits in ws_rbits.masks, forbid bits after,
				 * in its phase's bit space (ws_rspace) */
	uint32_t spanbit;	/* the bit of the spanning test */
	uint32_t lspanbit;	/* the same in its phase's bit space */
};

enum ws_rop { OP_ELEM, OP_SPLIT, OP_JMP, OP_SAVE, OP_MATCH };

struct ws_rinst {
	uint8_t op;
	uint8_t one;	/* ELEM: its element consumes one token, no more (span
			 * -1), set by ws_rclosure_build(), so that the matcher
			 * steps such a thread without reading the element */
	uint32_t x, y;	/* ELEM: elem, next; SPLIT: x preferred, y; JMP: x;
			 * SAVE: slot, next; MATCH: rule */
};

/* A feature value on the right-hand side: a constant, or the value of a
 * feature of the first annotation of type inside a labelled span. */
struct ws_rval {
	const char *key;
	const char *value;	/* constant, or NULL for a reference */
	int32_t slot;		/* the label's slot pair, for a reference */
	const char *type, *fkey;
};

struct ws_raction {
	const char *type;	/* the annotation made */
	int32_t slot;		/* label slot pair, or -1 for the whole match */
	struct ws_rval *vals;
	uint32_t nvals;
	uint32_t cls;		/* class of what it makes when every value is constant */
};

/* One set of elements one of which holds in every match of a rule: its
 * elements are the rule's must[first .. first + n). Their masks, as in
 * ws_rbits.masks with each spanning test's bit in need, are at mmask in
 * ws_rbits.mustmasks (ws_rbits_build); sets of a phase with the same
 * masks share a group, and the matcher looks ahead once per group. */
struct ws_rneed {
	uint32_t first, n;
	uint32_t mmask, group;
	uint32_t reach;		/* a match holds one of them this many tokens
				 * from its start (see ws_rule.rebased) or
				 * fewer; UINT32_MAX: any */
};

struct ws_rule {
	const char *name;	/* interned "phase/rule" */
	int priority;
	unsigned line;
	struct ws_raction *actions;
	uint32_t nactions;
	/* Sets of elements one of each of which holds somewhere in every
	 * match, in match order, but for a set every match starts with (none:
	 * nneeds 0); their elements are in must. Where one set holds nowhere
	 * within reach of a start (from the start on), the matcher does not
	 * try the rule there. */
	uint32_t *must;
	struct ws_rneed *needs;
	uint32_t nneeds;
	/* The needs' reaches count from the start (0), or from the token
	 * after the first element, which every match starts with and which
	 * is one token (1) or may span an annotation (2); 0 as well when no
	 * reach is bounded. */
	uint8_t rebased;
	/* 1 when the needs leave out a set every match starts with: then
	 * they hold from the token after the start on, whatever their reach */
	uint8_t after_first;
	/* A rule that is one element and labels around it (straight code:
	 * saves, the element, saves, match) is matched without the VM: single
	 * is the element, -1 for other rules; its label slots are
	 * ws_rphase.single_slots[sfirst ..], each slot * 2 + 1 when it is set
	 * after the element. */
	int32_t single;
	uint32_t sfirst, scount;
	uint32_t part;		/* the file of its phase it comes from (ws_rphase.nparts) */
};

/* A leaf of an empty-move closure: an instruction and the label slots
 * set to the current position on the way to it. */
struct ws_rleaf {
	uint32_t pc;
	uint32_t slots;		/* first in leaf_slots */
	uint32_t nslots;
	uint32_t elem;		/* an ELEM's element; for a MATCH the phase's
				 * number of elements, a bit the matcher's rows
				 * of elements have at every token (rulematch.c),
				 * so that it tests both kinds alike */
};

enum ws_rcontrol { RC_APPELT, RC_ALL };
enum ws_rscope { RS_SENTENCE, RS_PARAGRAPH };

struct ws_rphase {
	char *name;
	char *file;
	uint8_t control;
	uint8_t scope;
	/* The files compiled into the phase, 1 but for phases that run as
	 * one (rulefuse.c): their annotations are kept apart while it runs,
	 * then appended file by file, as if each had run on its own. */
	uint32_t nparts;
	WS_VEC(struct ws_rinst) prog;
	WS_VEC(struct ws_relem) elems;
	WS_VEC(struct ws_rule) rules;
	uint32_t nslots;	/* 2 per label */
	uint32_t entry;		/* first instruction of the phase */
	WS_VEC(uint32_t) rule_of;	/* per instruction: its rule, UINT32_MAX: the entry */
	WS_VEC(uint32_t) firsts;	/* elements a match can start with */
	/* The empty moves worked out once (ruleclosure.c): for each
	 * instruction a thread is sent to, the ELEM and MATCH instructions it
	 * reaches without consuming a token, in the order a depth-first walk
	 * meets them, each with the label slots it passes on the way. Empty
	 * (clo_first NULL) when too large: the matcher then walks. */
	uint32_t *clo_first;		/* per instruction: first leaf, UINT32_MAX: none */
	uint32_t *clo_count;
	/* per instruction, clo_words words: the elements of its leaves, a
	 * bit each, then a word that is 1 when a leaf is a MATCH; a thread
	 * sent there dies at a token where none of those elements holds,
	 * which one AND a word tells */
	uint64_t *clo_mask;
	uint32_t clo_words;
	WS_VEC(struct ws_rleaf) leaves;
	WS_VEC(uint32_t) leaf_slots;
	WS_VEC(uint32_t) single_slots;
};

/* An atom of the annotation tests: a feature test's type, key and value. */
struct ws_ratom {
	const char *type, *key, *value;	/* type NULL: empty slot */
	uint32_t atom;
};

/* A class by the type index and atoms of the annotations it is of. */
struct ws_rcmemo {
	uint64_t atoms;
	uint32_t type, cls;
};

/* A type some annotation test names. */
struct ws_rtype {
	const char *type;
};

/* An annotation test through its atoms: it holds when all eq atoms are
 * present and no neq atom is. */
struct ws_ramask {
	uint64_t eq, neq;
	uint32_t bit;
};

/* A literal of text and lower tests, by its lower-cased bytes. */
struct ws_rlit {
	char *key;		/* lower-cased, NULL: empty slot */
	uint32_t len;
	uint32_t alts;		/* first of its tests in ws_rbits.alts */
};

/* One text or lower test of a literal; lit is NULL for lower. */
struct ws_rlitalt {
	const char *lit;
	uint64_t exact;		/* lit packed (ws_pack_short) when 8 bytes or fewer */
	uint32_t bit, next;	/* next: index + 1 of the next one, 0: none */
};

/* An ASCII literal of 8 bytes or fewer, lower-cased and packed in a word:
 * an ASCII token that short is looked up without a pass over its bytes. */
struct ws_rpacked {
	uint64_t key;
	uint32_t len;		/* 0: empty slot */
	uint32_t alts;		/* as ws_rlit.alts */
};

/* A phase's own numbering of the tests its elements use (rulespace.c):
 * the matcher tests a phase's elements against the tokens' bits in this
 * space, one word for a phase of up to 64 tests however many the rule set
 * has. Tests that the same elements forbid, and nothing needs, share one
 * bit: forbidding each is forbidding that any holds. */
struct ws_rspace {
	uint32_t words;		/* 64-bit words in one of its bit sets */
	uint32_t nbits;
	uint64_t *used;		/* the rule set's bits the phase reads (ws_rbits.words) */
	uint16_t *local;	/* per bit of the rule set: its bit here */
	/* The elements that hold at a set are all of the phase's but those
	 * needing a bit it lacks (a spanning test's bit included) and those
	 * forbidding one it has. kill holds them by four bits at a time: for
	 * bits 4i to 4i + 3 of a set (nibble i) and each of their 16 values,
	 * the elements that value rules out, ewords words a row, at
	 * (i * 16 + value) * ewords; so a set's elements cost a pass over its
	 * nibbles, however many elements (ws_rspace_elems). */
	uint32_t ewords;
	uint64_t *kill;
};

/* Projects the set g of the rule set's bits onto the phase's space: out
 * (sp->words long) gets the bit of each test of the phase that holds. */
static inline void ws_rspace_project(const struct ws_rspace *sp, const uint64_t *g, size_t W,
				     uint64_t *out)
{
	for (size_t w = 0; w < sp->words; w++)
		out[w] = 0;
	for (size_t w = 0; w < W; w++)
		for (uint64_t m = g[w] & sp->used[w]; m; m &= m - 1) {
			uint32_t l = sp->local[w * 64 + (size_t)__builtin_ctzll(m)];
			out[l >> 6] |= 1ULL << (l & 63);
		}
}

/* Sets out (sp->ewords words) to the elements of the phase of n elements
 * that hold at x, a set in its space: each element's tests, and its
 * spanning test when it has one. */
static inline void ws_rspace_elems(const struct ws_rspace *sp, size_t n, const uint64_t *x,
				   uint64_t *out)
{
	size_t EW = sp->ewords;
	for (size_t w = 0; w < EW; w++)
		out[w] = ~0ULL;
	if (n % 64)
		out[EW - 1] = (1ULL << (n % 64)) - 1;
	for (uint32_t i = 0; i * 4 < sp->nbits; i++) {
		const uint64_t *k = sp->kill + ((size_t)i * 16 + (x[i >> 4] >> (i * 4 & 63) & 15)) * EW;
		for (size_t w = 0; w < EW; w++)
			out[w] &= ~k[w];
	}
}

/* Every distinct test of the rule set as one bit (rulebits.c). A token's
 * bit set says which tests hold there, an annotation test meaning that
 * some annotation starting there passes it; an element then holds when
 * its need bits are all set and its forbid bits all clear. */
struct ws_rbits {
	uint32_t words;			/* 64-bit words in one bit set */
	uint32_t nbits;
	uint64_t serial;		/* new with each build: what a matcher's
					 * scratch keeps from one is for it only */
	struct ws_rspace *spaces;	/* per phase */
	size_t nspaces;
	WS_VEC(uint64_t) masks;		/* per element, in its phase's space: need,
					 * then forbid */
	uint64_t *kind;			/* per token kind: its kind tests */
	uint64_t *shape;		/* per shape, for tokens not punctuation */
	uint64_t *flags;		/* per flags byte: its flag tests */
	unsigned flagbits;		/* the WS_TF_* bits flag tests name: a
					 * token's tests hold alike whatever its
					 * other flags */
	struct ws_rlit *lits;		/* open addressing, litcap slots */
	size_t litcap;
	uint64_t litlens;		/* bit n: some literal has n bytes (n < 64) */
	size_t maxlit;
	WS_VEC(struct ws_rlitalt) alts;
	struct ws_rpacked *packed;	/* open addressing, packcap slots */
	size_t packcap;
	WS_VEC(const struct ws_rtest *) atests;	/* annotation tests, by type */
	WS_VEC(uint32_t) abit;			/* their bits */
	/* Annotation tests by atoms: each distinct (type, key, value) of a
	 * feature test is an atom; an annotation's atoms are found with one
	 * probe per feature, and only the tests naming one of them need
	 * evaluating (natoms > 64: every test is evaluated). */
	uint32_t natoms;
	struct ws_ratom *atoms;			/* open addressing, atomcap slots */
	size_t atomcap;
	WS_VEC(struct ws_rtype) types;
	WS_VEC(struct ws_ramask) amasks;	/* per atom, the tests naming it */
	WS_VEC(uint32_t) atom_first;		/* per atom: first in amasks; natoms + 1 */
	uint64_t *none;				/* per type: bits that hold with no atom */
	uint64_t *lead;				/* 256 bits: lower-cased first bytes of literals */
	WS_VEC(uint64_t) mustmasks;		/* see ws_rule.mmask, in the phase's space */
	WS_VEC(uint32_t) ngroups;		/* per phase: groups of needed elements */
	WS_VEC(uint64_t) classes;		/* class k's bits at (k - 1) * words */
	uint32_t nclasses;
	/* The classes found again fast (ws_rules_classify): by their bits,
	 * open addressing (chash: class or 0), and by what the bits come
	 * from, an annotation's type and atoms (cmemo, cmemocap slots, a
	 * class of 0: empty), as the gazetteer has many entries alike. */
	ws_rowindex chash;
	struct ws_rcmemo *cmemo;
	size_t cmemocap, ncmemo;
};

struct ws_ruleset {
	WS_VEC(struct ws_rphase) phases;
	size_t nfiles;		/* the phases as written, some run as one */
	struct ws_rbits bits;
};

/* How many phases from phase from on run as one: 1, or more when each is
 * of control all and the same scope and none tests or copies from an
 * annotation type an earlier one of them makes, so that none of them
 * sees what the others make and running them at once, each keeping its
 * annotations apart, is the same as running them in turn (rulefuse.c). */
size_t ws_rfuse_run(const struct ws_ruleset *rs, size_t from);

/* Works out the phase's empty-move closures (clo_first ...). */
void ws_rclosure_build(struct ws_rphase *ph);
void ws_rclosure_release(struct ws_rphase *ph);

/* Gives each phase of rs its bit space (rs->bits.spaces) and fills the
 * elements' masks in it (rulespace.c). */
void ws_rspace_build(struct ws_ruleset *rs);
void ws_rspace_release(struct ws_rbits *b);

/* Numbers every test of rs and fills rs->bits and each element's masks;
 * run again after a phase is added. */
void ws_rbits_build(struct ws_ruleset *rs);
void ws_rbits_release(struct ws_rbits *b);

/* The token tests of token k (annotation bits not included) into out
 * (words long); the text is readable up to end. Returns whether a text
 * or lower test holds: when none does, the bits follow from the token's
 * kind, shape and flags alone. */
int ws_rbits_token(const struct ws_rbits *b, const char *text, const struct ws_token *k,
		   const char *end, uint64_t *out);

/* Whether annotation a passes the annotation test t (its type and
 * feature tests; t->neg not applied). */
int ws_rbits_passes(const struct ws_annot *a, const struct ws_rtest *t);

/* Sets out (words long) to the bits of the annotation tests a passes. */
void ws_rbits_annot(const struct ws_rbits *b, const struct ws_annot *a, uint64_t *out);

#endif
