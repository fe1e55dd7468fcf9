/* The rule matcher: a Pike VM over tokens and annotations (see rules.h).
 * From each start token it runs every rule of a phase at once; threads
 * that reach the same instruction at the same token are merged, so a
 * start costs at most WS_RULE_MAX_SPAN steps over the program, and the
 * whole document is linear in its tokens. */
#include "ruleprog.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct thread {
	uint32_t pc;
	uint32_t caps;	/* offset of its capture array in capbuf */
};

typedef WS_VEC(struct thread) thread_vec;

struct cand {
	uint32_t end;	/* token after the match; 0: no match yet */
	uint32_t caps;
	uint32_t gen;
};

#define FEAT_BLOCK 4096
#define KEEP_TOKENS (1u << 18)

struct featblock {
	struct featblock *next;
	size_t used;
	struct ws_feat f[FEAT_BLOCK];
};

/* How far a scan for a group of needed elements got: none of them holds
 * from where it started to at, and at is where one holds when found. */
struct needscan {
	uint32_t at;
	uint8_t found;
};

/* What a phase asks of each distinct set of tests (classify_sets). */
struct phase_sets {
	WS_VEC(uint64_t) celems;	/* elwords each: the elements that hold at
					 * such a token, a spanning one when an
					 * annotation of its test starts there,
					 * and bit elems.n, a match's (ws_rleaf.elem) */
	WS_VEC(uint64_t) cpast;		/* elwords: the row past the reach, where
					 * only a match lives */
	WS_VEC(uint64_t) cgroups;	/* gwords each: needed groups that hold */
	WS_VEC(uint64_t) centry;	/* ewords each: the entry's leaves (ws_rphase.
					 * clo_first) whose element holds */
	WS_VEC(uint64_t) crules;	/* rwords each: the rules one of whose
					 * first elements holds, none where no
					 * element a match starts with holds */
	/* For a phase whose groups and rules fit in one word together
	 * (packed): per set its groups' bits, then its crules shifted past
	 * them, so that a scope's scan (scope_groups) ORs one word a token */
	WS_VEC(uint64_t) cgr;
	int packed;
	size_t gwords, ewords, elwords;
	size_t done;			/* sets worked out so far */
	/* Sets that differ only in tests the phase does not read ask the
	 * same of it: the distinct projections (lwords each) and, for each,
	 * the first set that had it, found by open addressing (lhash: index
	 * in lsets + 1, or 0), so that a new set with a known projection
	 * copies its answers rather than testing every element again. */
	WS_VEC(uint64_t) lsets;
	WS_VEC(uint32_t) lrep;
	ws_rowindex lhash;
	/* The rules that can take their second step at a token of each set
	 * (cnext, rwords each): a thread of such a rule that has taken a
	 * one-token first element goes on there, one of the elements its
	 * first elements lead to holding. rfree: the rules this says nothing
	 * of (a spanning first element, or a match after the first), which
	 * every set has. follow: per rule, elwords, those elements. */
	WS_VEC(uint64_t) cnext;
	WS_VEC(uint64_t) rfree;
	WS_VEC(uint64_t) follow;
	/* The rules with a spanning first element (rwords): what cnext says
	 * of them holds after an annotation of one token; where a longer one
	 * starts, they are free (long_at). */
	WS_VEC(uint64_t) sfree;
	/* The elements a match can start with (elwords), and those of each
	 * group of needed elements (elwords each): a set holds the group, or
	 * can start a match, when one of them holds there, the masks of
	 * ws_rbits.mustmasks being the elements' own (ws_rbits_build). */
	WS_VEC(uint64_t) felems;
	WS_VEC(uint64_t) gelems;
	int fdone;
	/* The phase's rules as run_phase() sorts them, worked out once
	 * (rdone): those matched apart (single, rwords) and those any scope
	 * can match (always, rwords); per rule its first in the scratch's
	 * mustnext (needbase) and its needed groups (rneeds, gwords each);
	 * the rules that need some and are not matched apart (needy). */
	WS_VEC(uint64_t) single;
	WS_VEC(uint64_t) always;
	WS_VEC(uint32_t) needbase;
	WS_VEC(uint64_t) rneeds;
	WS_VEC(uint32_t) needy;
	size_t nneeds;
	int rdone;
	/* possible_rules() of a phase of up to 64 rules and 64 groups, by
	 * the groups a scope holds, direct-mapped: scopes hold few distinct
	 * sets of groups */
	uint64_t phave[64], pposs[64];
	uint8_t pfull[64];
};

/* A cache of the sets of short tokens (8 bytes or fewer), direct-mapped:
 * a token's set depends on its bytes, kind, shape and flags only, and the
 * sets outlive a document, so most tokens find theirs here without their
 * literals being looked up or their set interned again. A token with a
 * word key (ws_rules_word_keys()) is found by the key instead of its bytes
 * (keyed_tag()), whatever its length: its bytes are not read at all. */
#define TCACHE_BITS 16

struct tcache {
	uint64_t bytes;	/* or a word key (ws_rules_word_keys()) */
	uint32_t tag;	/* the length, kind, shape and flags; 0: empty */
	uint32_t set;
};

/* The same for tokens of 9 to LONG_TOKEN bytes, in three words; a
 * cache of its own, so that the long words do not push the short ones
 * out. */
#define LCACHE_BITS 13
#define LONG_TOKEN 24

struct lcache {
	uint64_t bytes[3];
	uint32_t tag;	/* as tcache.tag; 0: empty */
	uint32_t set;
};

/* The sets of tokens no text or lower test holds at, by their kind,
 * shape and flags, direct-mapped; key 0: empty. */
#define BCACHE_BITS 8

struct bcache {
	uint32_t key, set;
};

/* A cache of the union of a token's set and an annotation's class
 * (ws_annot.cls), direct-mapped; key 0 is no entry (classes count from 1). */
#define UCACHE_BITS 12

struct unioncache {
	uint64_t key;	/* the set << 32 | the class */
	uint32_t set;
};

/* A cache of the set a token gets from an annotation without a class
 * (one a rule made with a feature copied from another), by its set
 * before and the annotation's type and features, direct-mapped: the
 * tests it passes follow from those pointers alone, the strings tests
 * name being interned. For annotations of up to FCACHE_FEATS features;
 * type NULL: empty. */
#define FCACHE_BITS 10
#define FCACHE_FEATS 4

struct featcache {
	const char *type;
	const char *kv[2 * FCACHE_FEATS];	/* key, value, ... */
	uint32_t nfeat;
	uint32_t in, out;	/* the token's set before and after */
};

/* Past this many distinct sets the sets are forgotten at the next
 * document: a thread's memory stays bounded whatever it reads. */
#define MAX_SETS (1u << 15)

struct ws_rules_scratch {
	/* per offset, the threads there: each instruction at most once (the
	 * marks in seen), so room for bucket_room of them in each is room
	 * for a phase of fewer instructions (add_thread tests none); all
	 * empty between runs (run_vm empties each as it goes over it) */
	thread_vec bucket[WS_RULE_MAX_SPAN + 2];
	size_t bucket_room;
	uint32_t *seen;
	size_t seen_cap;
	uint32_t gen;
	WS_VEC(int32_t) capbuf;
	WS_VEC(struct thread) stack;
	WS_VEC(uint32_t) idx_start;	/* per token: first entry in idx */
	WS_VEC(uint32_t) idx;		/* annotation indices by first token */
	/* the annotations made after the index was built (from nbase on),
	 * chained per first token in the order made: chead and ctail per
	 * token, UINT32_MAX: none; cnext per annotation from nbase */
	WS_VEC(uint32_t) chead, ctail, cnext;
	size_t nbase;
	WS_VEC(struct cand) cands;	/* per rule */
	/* per token, the tests that hold (ws_rbits) as a class: tokens share
	 * few distinct sets, so a token costs 4 bytes however many tests */
	WS_VEC(uint32_t) tcls;		/* per token: its set in pats */
	WS_VEC(uint64_t) pats;		/* the distinct sets, words each */
	/* The sets are kept from one document to the next (up to MAX_SETS),
	 * and with them what each phase asks of them: a word's set is worked
	 * out once per thread, not once per document. */
	struct phase_sets *psets;	/* per phase */
	size_t npsets;
	uint64_t serial;		/* the rule set they belong to (ws_rbits.serial) */
	struct tcache *tc;		/* 1 << TCACHE_BITS */
	/* the word keys' epoch the cache's keyed entries belong to, and
	 * the tokens of the run the keys in tcls are for (0: none) */
	uint64_t kepoch;
	size_t keyed;
	struct lcache *lc;		/* 1 << LCACHE_BITS, NULL until a long token */
	struct unioncache *uc;		/* 1 << UCACHE_BITS */
	struct featcache *fc;		/* 1 << FCACHE_BITS, NULL until needed */
	struct bcache bc[1 << BCACHE_BITS];
	ws_rowindex phash;		/* the sets in pats */
	WS_VEC(uint64_t) block;		/* one token's bits, worked out */
	WS_VEC(uint64_t) abits;		/* one annotation's bits */
	WS_VEC(uint64_t) lbits;		/* a set in a phase's space */
	WS_VEC(struct needscan) mustnext;	/* per needed set of each rule */
	/* bits per rule of the running phase, rwords each: the rules the VM
	 * runs at this start, those with a candidate, those matched apart
	 * (ws_rule.single) */
	WS_VEC(uint64_t) rbits;
	size_t rwords;
	uint64_t scope_can;	/* the rules one of which can start at a token of
				 * the running scope (scope_groups), all when
				 * not worked out */
	WS_VEC(uint64_t) rposs;		/* rwords: the rules the running scope can
					 * match, its tokens holding all their
					 * needed groups */
	/* the groups of needed elements one of the running scope's tokens
	 * holds (scope_groups), gwords: a rule that needs one its scope lacks
	 * is not scanned for */
	WS_VEC(uint64_t) rgroups;
	struct featblock *pool;		/* features of new annotations */
	/* the annotations of each file of a phase of several (ws_rphase.
	 * nparts) while it runs */
	ws_annot_vec *parts;
	size_t nparts;
};

/* The tests that hold at token tok: W words. */
#define TOKBITS(s, tok, W) ((s)->pats.v + (size_t)(s)->tcls.v[tok] * (W))

/* The index of the set w in s->pats, added when new. */
static uint32_t pat_intern(struct ws_rules_scratch *s, const uint64_t *w, size_t W)
{
	size_t np = s->pats.n / W, slot = 0;
	size_t k = ws_row_find(&s->phash, s->pats.v, np, W, w, 1024, &slot);
	if (k < np)
		return (uint32_t)k;
	WS_VEC_RESERVE(s->pats, s->pats.n + W);
	memcpy(s->pats.v + s->pats.n, w, W * sizeof(uint64_t));
	s->pats.n += W;
	s->phash.v[slot] = (uint32_t)np + 1;
	return (uint32_t)np;
}

static void sets_free(struct ws_rules_scratch *s)
{
	for (size_t p = 0; p < s->npsets; p++) {
		WS_VEC_FREE(s->psets[p].celems);
		WS_VEC_FREE(s->psets[p].cpast);
		WS_VEC_FREE(s->psets[p].cgroups);
		WS_VEC_FREE(s->psets[p].centry);
		WS_VEC_FREE(s->psets[p].crules);
		WS_VEC_FREE(s->psets[p].cgr);
		WS_VEC_FREE(s->psets[p].lsets);
		WS_VEC_FREE(s->psets[p].lrep);
		WS_VEC_FREE(s->psets[p].lhash);
		WS_VEC_FREE(s->psets[p].cnext);
		WS_VEC_FREE(s->psets[p].rfree);
		WS_VEC_FREE(s->psets[p].follow);
		WS_VEC_FREE(s->psets[p].sfree);
		WS_VEC_FREE(s->psets[p].felems);
		WS_VEC_FREE(s->psets[p].gelems);
		WS_VEC_FREE(s->psets[p].single);
		WS_VEC_FREE(s->psets[p].always);
		WS_VEC_FREE(s->psets[p].needbase);
		WS_VEC_FREE(s->psets[p].rneeds);
		WS_VEC_FREE(s->psets[p].needy);
	}
	free(s->psets);
	s->psets = NULL;
	s->npsets = 0;
}

/* Forgets the sets, and what phases ask of them, when there are too many
 * or they belong to another rule set. */
static void sets_check(const struct ws_ruleset *rs, struct ws_rules_scratch *s)
{
	size_t W = rs->bits.words;
	if (s->serial == rs->bits.serial && s->npsets == rs->phases.n &&
	    s->pats.n / W <= MAX_SETS)
		return;
	sets_free(s);
	s->psets = ws_xcalloc(rs->phases.n + 1, sizeof(*s->psets));
	s->npsets = rs->phases.n;
	s->serial = rs->bits.serial;
	s->pats.n = 0;
	s->phash.n = 0;
	/* new caches come zeroed from calloc, whose fresh pages cost no
	 * pass: only caches in use are cleared */
	if (!s->tc)
		s->tc = ws_xcalloc((size_t)1 << TCACHE_BITS, sizeof(*s->tc));
	else
		memset(s->tc, 0, sizeof(*s->tc) << TCACHE_BITS);
	if (s->lc)
		memset(s->lc, 0, sizeof(*s->lc) << LCACHE_BITS);
	if (s->fc)
		memset(s->fc, 0, sizeof(*s->fc) << FCACHE_BITS);
	memset(s->bc, 0, sizeof(s->bc));
	if (!s->uc)
		s->uc = ws_xcalloc((size_t)1 << UCACHE_BITS, sizeof(*s->uc));
	else
		memset(s->uc, 0, sizeof(*s->uc) << UCACHE_BITS);
}

struct ws_rules_scratch *ws_rules_scratch_new(void)
{
	return ws_xcalloc(1, sizeof(struct ws_rules_scratch));
}

void ws_rules_scratch_free(struct ws_rules_scratch *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < WS_RULE_MAX_SPAN + 2; i++)
		WS_VEC_FREE(s->bucket[i]);
	free(s->seen);
	WS_VEC_FREE(s->capbuf);
	WS_VEC_FREE(s->stack);
	WS_VEC_FREE(s->idx_start);
	WS_VEC_FREE(s->idx);
	WS_VEC_FREE(s->chead);
	WS_VEC_FREE(s->ctail);
	WS_VEC_FREE(s->cnext);
	WS_VEC_FREE(s->cands);
	WS_VEC_FREE(s->tcls);
	WS_VEC_FREE(s->pats);
	sets_free(s);
	free(s->tc);
	free(s->lc);
	free(s->uc);
	free(s->fc);
	WS_VEC_FREE(s->phash);
	WS_VEC_FREE(s->block);
	WS_VEC_FREE(s->abits);
	WS_VEC_FREE(s->lbits);
	WS_VEC_FREE(s->mustnext);
	WS_VEC_FREE(s->rbits);
	WS_VEC_FREE(s->rposs);
	WS_VEC_FREE(s->rgroups);
	for (size_t i = 0; i < s->nparts; i++)
		WS_VEC_FREE(s->parts[i]);
	free(s->parts);
	struct featblock *b = s->pool;
	while (b) {
		struct featblock *nx = b->next;
		free(b);
		b = nx;
	}
	free(s);
}

/* Features for one new annotation; they stay valid until the next run. */
static struct ws_feat *feat_alloc(struct ws_rules_scratch *s, size_t n)
{
	if (n == 0)
		return NULL;
	if (n > FEAT_BLOCK)
		n = FEAT_BLOCK;	/* an action has far fewer values than this */
	struct featblock *b = s->pool;
	if (!b || FEAT_BLOCK - b->used < n) {
		b = ws_xmalloc(sizeof(*b));
		b->next = s->pool;
		b->used = 0;
		s->pool = b;
	}
	struct ws_feat *f = b->f + b->used;
	b->used += n;
	return f;
}

static void pool_reset(struct ws_rules_scratch *s)
{
	/* keep one block, free the rest */
	struct featblock *b = s->pool;
	if (!b)
		return;
	struct featblock *rest = b->next;
	b->next = NULL;
	b->used = 0;
	while (rest) {
		struct featblock *nx = rest->next;
		free(rest);
		rest = nx;
	}
}

/* Annotations by first token, by a counting sort: linear. Those made
 * later are chained on (extend_index); the chains start empty. */
static void build_index(struct ws_rules_scratch *s, const ws_annot_vec *an, size_t ntok)
{
	WS_VEC_RESERVE(s->chead, ntok + 1);
	WS_VEC_RESERVE(s->ctail, ntok + 1);
	memset(s->chead.v, 0xFF, ntok * sizeof(uint32_t));
	s->nbase = an->n;
	WS_VEC_RESERVE(s->idx_start, ntok + 2);
	memset(s->idx_start.v, 0, (ntok + 2) * sizeof(uint32_t));
	for (size_t i = 0; i < an->n; i++)
		if (an->v[i].first < ntok)
			s->idx_start.v[an->v[i].first + 1]++;
	for (size_t t = 0; t < ntok; t++)
		s->idx_start.v[t + 1] += s->idx_start.v[t];
	s->idx_start.v[ntok + 1] = s->idx_start.v[ntok];
	WS_VEC_RESERVE(s->idx, an->n + 1);
	s->idx.n = s->idx_start.v[ntok];
	/* place with the token's start as a moving cursor */
	for (size_t i = 0; i < an->n; i++) {
		uint32_t t = an->v[i].first;
		if (t >= ntok)
			continue;
		s->idx.v[s->idx_start.v[t]++] = (uint32_t)i;
	}
	/* each cursor now stands at its token's end, the next one's start */
	for (size_t t = ntok; t > 0; t--)
		s->idx_start.v[t] = s->idx_start.v[t - 1];
	s->idx_start.v[0] = 0;
}

/* Chains the annotations from from on to the index, by first token. */
static void extend_index(struct ws_rules_scratch *s, const ws_annot_vec *an, size_t from,
			 size_t ntok)
{
	WS_VEC_RESERVE(s->cnext, an->n - s->nbase + 1);
	for (size_t i = from; i < an->n; i++) {
		uint32_t t = an->v[i].first;
		s->cnext.v[i - s->nbase] = UINT32_MAX;
		if (t >= ntok)
			continue;
		if (s->chead.v[t] == UINT32_MAX)
			s->chead.v[t] = (uint32_t)i;
		else
			s->cnext.v[s->ctail.v[t] - s->nbase] = (uint32_t)i;
		s->ctail.v[t] = (uint32_t)i;
	}
}

/* A cursor over the annotations starting at a token, in the order they
 * were made: the index's, then the chain's. */
struct atcursor {
	uint32_t k, end, chain;
};

static inline void at_begin(const struct ws_rules_scratch *s, uint32_t tok, struct atcursor *it)
{
	it->k = s->idx_start.v[tok];
	it->end = s->idx_start.v[tok + 1];
	it->chain = s->chead.v[tok];
}

/* The next annotation's index, UINT32_MAX after the last. */
static inline uint32_t at_next(const struct ws_rules_scratch *s, struct atcursor *it)
{
	if (it->k < it->end)
		return s->idx.v[it->k++];
	uint32_t i = it->chain;
	if (i != UINT32_MAX)
		it->chain = s->cnext.v[i - s->nbase];
	return i;
}

struct ctx {
	const struct ws_rphase *ph;
	struct ws_rules_scratch *s;
	const char *text;
	const struct ws_tokens *tk;
	const ws_annot_vec *an;
	const struct ws_rbits *b;
	const struct phase_sets *ps;
	uint32_t pos, limit;
	uint32_t scope;		/* the index of pos's sentence or paragraph */
	uint32_t maxoff;	/* the furthest offset a thread was added at */
	size_t phase;
	uint32_t maxend;	/* the furthest end of an annotation at pos, from
				 * pos + 1; 0: not yet known */
};

static int has_bit(const uint64_t *w, uint32_t bit)
{
	return (int)(w[bit >> 6] >> (bit & 63) & 1);
}

/* The elements of the phase that hold at tok (phase_sets.celems). */
static inline const uint64_t *elems_at(const struct ctx *c, uint32_t tok)
{
	return c->ps->celems.v + (size_t)c->s->tcls.v[tok] * c->ps->elwords;
}

/* Whether annotation a passes the element's spanning test: from its class
 * when it has one, else worked out. */
static inline int span_passes(const struct ctx *c, const struct ws_annot *a,
			      const struct ws_relem *e)
{
	const struct ws_rbits *b = c->b;
	if (a->cls - 1u < b->nclasses)	/* 0 wraps round: no class */
		return has_bit(b->classes.v + (size_t)(a->cls - 1) * b->words, e->spanbit);
	return ws_rbits_passes(a, &e->tests[e->span]);
}

/* The longest the element, which holds at tok, can consume there, up to
 * span tokens; 0: nothing. */
static uint32_t longest_at(const struct ctx *c, uint32_t ei, uint32_t tok, uint32_t span)
{
	const struct ws_relem *e = &c->ph->elems.v[ei];
	if (e->span < 0)
		return span >= 1;
	uint32_t best = 0;
	struct atcursor it;
	at_begin(c->s, tok, &it);
	for (uint32_t i; (i = at_next(c->s, &it)) != UINT32_MAX;) {
		const struct ws_annot *a = &c->an->v[i];
		if (a->last > tok && a->last - tok <= span && a->last - tok > best &&
		    span_passes(c, a, e))
			best = a->last - tok;
	}
	return best;
}

/* A new capture array: a copy of the one at from, or all -1 (from is
 * UINT32_MAX). */
static inline __attribute__((always_inline)) uint32_t caps_new(struct ws_rules_scratch *s,
							     uint32_t nslots, uint32_t from)
{
	uint32_t at = (uint32_t)s->capbuf.n;
	WS_VEC_RESERVE(s->capbuf, s->capbuf.n + nslots + 1);
	s->capbuf.n += nslots;
	int32_t *to = s->capbuf.v + at;
	if (from == UINT32_MAX) {
		for (uint32_t i = 0; i < nslots; i++)
			to[i] = -1;
	} else {
		const int32_t *src = s->capbuf.v + from;
		for (uint32_t i = 0; i < nslots; i++)	/* a few slots: no memcpy call */
			to[i] = src[i];
	}
	return at;
}

static void walk_thread(struct ctx *c, uint32_t off, uint32_t pc, uint32_t caps);

/* The captures of a thread at leaf lf, at offset off, from one with
 * caps, its slots set to its token. Not inlined: add_thread()'s loop over the leaves keeps fewer
 * values in registers without it. */
static __attribute__((noinline)) uint32_t leaf_caps(struct ctx *c, const struct ws_rleaf *lf,
						    uint32_t caps, uint32_t off)
{
	uint32_t tok = c->pos + off;
	struct ws_rules_scratch *s = c->s;
	const struct ws_rphase *ph = c->ph;
	uint32_t at = caps_new(s, ph->nslots, caps);
	for (uint32_t k = 0; k < lf->nslots; k++)
		s->capbuf.v[at + ph->leaf_slots.v[lf->slots + k]] = (int32_t)tok;
	return at;
}

/* Adds a thread at offset off and follows its empty moves, from the
 * phase's closure lists: the leaves come in the order walk_thread() would
 * meet them, and one already at this offset holds the thread the walk
 * would have stopped at (whatever reaches an instruction reaches all its
 * leaves), so both give the same threads with the same captures. Inlined
 * into its callers, whatever the compiler would choose: the call's setup
 * was a good part of its cost. lists: whether the phase has the lists,
 * a constant where inlined (run_vm). */
static inline __attribute__((always_inline)) void add_thread(struct ctx *c, uint32_t off,
							     uint32_t pc, uint32_t caps, int lists)
{
	struct ws_rules_scratch *s = c->s;
	const struct ws_rphase *ph = c->ph;
	if (c->maxoff < off)
		c->maxoff = off;
	if (!lists) {
		walk_thread(c, off, pc, caps);
		return;
	}
	/* a thread whose element fails at its token would die there, and
	 * past the reach only matches count: neither is queued */
	const struct ws_rleaf *lf = ph->leaves.v + ph->clo_first[pc];
	uint32_t *seen = s->seen + (size_t)off * ph->prog.n;
	/* a closure added here before has left each of its leaves queued or
	 * failing (as the walk stops at a marked instruction): its root is
	 * marked after its leaves, a leaf root's mark changing nothing, as
	 * its element fails at this token again if it failed */
	if (seen[pc] == s->gen)
		return;
	const uint64_t *ok = c->pos + off < c->limit ? elems_at(c, c->pos + off) : c->ps->cpast.v;
	/* room for every instruction (run_phase): a bucket holds each once */
	uint32_t n = ph->clo_count[pc];
	thread_vec *b = &s->bucket[off];
	struct thread *to = b->v + b->n;
	for (uint32_t i = 0; i < n; i++, lf++) {
		if (!has_bit(ok, lf->elem))	/* a match's bit is in every row */
			continue;
		if (seen[lf->pc] == s->gen)
			continue;
		seen[lf->pc] = s->gen;
		struct thread nt = { lf->pc, caps };
		if (lf->nslots)
			nt.caps = leaf_caps(c, lf, caps, off);
		*to++ = nt;
	}
	seen[pc] = s->gen;
	b->n = (size_t)(to - b->v);
}

/* add_thread() without the closure lists: a walk over the program. */
static void walk_thread(struct ctx *c, uint32_t off, uint32_t pc, uint32_t caps)
{
	struct ws_rules_scratch *s = c->s;
	const struct ws_rphase *ph = c->ph;
	size_t ninst = ph->prog.n;
	struct thread t0 = { pc, caps };
	s->stack.n = 0;
	WS_VEC_PUSH(s->stack, t0);
	while (s->stack.n) {
		struct thread t = s->stack.v[--s->stack.n];
		uint32_t *seen = &s->seen[(size_t)off * ninst + t.pc];
		if (*seen == s->gen)
			continue;
		*seen = s->gen;
		const struct ws_rinst *in = &ph->prog.v[t.pc];
		struct thread nt = t;
		switch (in->op) {
		case OP_JMP:
			nt.pc = in->x;
			WS_VEC_PUSH(s->stack, nt);
			break;
		case OP_SPLIT:
			nt.pc = in->y;
			WS_VEC_PUSH(s->stack, nt);
			nt.pc = in->x;
			WS_VEC_PUSH(s->stack, nt);
			break;
		case OP_SAVE:
			nt.caps = caps_new(s, ph->nslots, t.caps);
			s->capbuf.v[nt.caps + in->x] = (int32_t)(c->pos + off);
			nt.pc = in->y;
			WS_VEC_PUSH(s->stack, nt);
			break;
		default:
			WS_VEC_PUSH(s->bucket[off], t);
			break;
		}
	}
}

/* A new start: earlier marks, candidates and captures no longer count. */
static void new_start(struct ws_rules_scratch *s)
{
	s->gen++;
	if (s->gen == 0) {	/* wrapped: forget every old mark */
		memset(s->seen, 0, s->seen_cap * sizeof(uint32_t));
		s->gen = 1;
	}
	s->capbuf.n = 0;
}

/* The rules matched without the VM (ws_rule.single): each one's longest
 * match at c->pos is its element's longest length there, with its labels
 * around the element, which is what the VM's threads would give. Such a
 * rule's only entry leaf is its element, so its crules bit says that the
 * element holds at c->pos (classify_sets). */
static void match_singles(struct ctx *c)
{
	struct ws_rules_scratch *s = c->s;
	const struct ws_rphase *ph = c->ph;
	uint32_t span = c->limit - c->pos;
	size_t RW = s->rwords;
	const uint64_t *can = c->ps->crules.v + (size_t)s->tcls.v[c->pos] * RW;
	const uint64_t *single = s->rbits.v + 2 * RW;
	for (size_t w = 0; w < RW; w++)
	for (uint64_t m = can[w] & single[w]; m; m &= m - 1) {
		size_t r = w * 64 + (size_t)__builtin_ctzll(m);
		const struct ws_rule *ru = &ph->rules.v[r];
		uint32_t best = longest_at(c, (uint32_t)ru->single, c->pos, span);
		if (!best)
			continue;
		struct cand *cd = &s->cands.v[r];
		cd->gen = s->gen;
		cd->end = c->pos + best;
		s->rbits.v[RW + w] |= 1ULL << (r & 63);
		cd->caps = caps_new(s, ph->nslots, UINT32_MAX);
		for (uint32_t k = 0; k < ru->scount; k++) {
			uint32_t x = ph->single_slots.v[ru->sfirst + k];
			s->capbuf.v[cd->caps + x / 2] = (int32_t)(x & 1 ? cd->end : c->pos);
		}
	}
}

/* Sends a thread at the ELEM instruction in, at offset off, on to next
 * past each length its element consumes there. Inlined into its two
 * callers, as add_thread() into it. */
static inline __attribute__((always_inline)) void step(struct ctx *c, const struct ws_rinst *in,
						       uint32_t caps, uint32_t off, uint32_t span,
						       int lists)
{
	struct ws_rules_scratch *s = c->s;
	uint32_t tok = c->pos + off;
	/* with the closure lists, a thread is queued only where its element
	 * holds (add_thread, start_threads) */
	if (!lists && !has_bit(elems_at(c, tok), in->x))
		return;
	if (in->one) {
		add_thread(c, off + 1, in->y, caps, lists);	/* off < span */
		return;
	}
	const struct ws_relem *e = &c->ph->elems.v[in->x];
	struct atcursor it;
	at_begin(s, tok, &it);
	for (uint32_t i; (i = at_next(s, &it)) != UINT32_MAX;) {
		const struct ws_annot *a = &c->an->v[i];
		if (a->last > tok && off + (a->last - tok) <= span && span_passes(c, a, e))
			add_thread(c, off + (a->last - tok), in->y, caps, lists);
	}
}

/* The bits of the entry's closure leaves whose element holds at token tok
 * (the centry row of its token set). */
static inline const uint64_t *entry_holds(const struct ctx *c, uint32_t tok)
{
	return c->ps->centry.v + (size_t)c->s->tcls.v[tok] * c->ps->ewords;
}

/* Whether leaf l's rule is one to run in this sentence; rules are
 * separate code: leaving one out changes no other. */
static inline int leaf_runs(const struct ctx *c, const struct ws_rleaf *l)
{
	return has_bit(c->s->rbits.v, c->ph->rule_of.v[l->pc]);
}

/* Whether a thread sent to pc at offset off lives on there: a leaf of its
 * closure is a MATCH, or its element holds at the token. Inlined into
 * start_threads(), which asks it for each first step. */
static inline __attribute__((always_inline)) int leads_on(const struct ctx *c, uint32_t pc,
							  uint32_t off)
{
	const struct ws_rphase *ph = c->ph;
	if (!ph->clo_mask) {	/* a phase too large for the masks */
		const struct ws_rleaf *lf = ph->leaves.v + ph->clo_first[pc];
		const uint64_t *ok = c->pos + off < c->limit ? elems_at(c, c->pos + off)
							      : c->ps->cpast.v;
		for (uint32_t i = 0, n = ph->clo_count[pc]; i < n; i++, lf++)
			if (has_bit(ok, lf->elem))
				return 1;
		return 0;
	}
	size_t EL = ph->clo_words - 1;
	const uint64_t *m = ph->clo_mask + (size_t)pc * ph->clo_words;
	if (m[EL])
		return 1;
	if (c->pos + off >= c->limit)
		return 0;
	const uint64_t *ok = elems_at(c, c->pos + off);
	for (size_t w = 0; w < EL; w++)
		if (m[w] & ok[w])
			return 1;
	return 0;
}

/* The captures of a thread of entry leaf l at the start: *root, all
 * unset, made when first needed, or for a leaf with slots an array of its
 * own, all unset but the leaf's slots, set to the start (as a copy of the
 * root would be: arrays are never changed once made). */
static uint32_t start_caps(struct ctx *c, const struct ws_rleaf *l, uint32_t *root)
{
	struct ws_rules_scratch *s = c->s;
	const struct ws_rphase *ph = c->ph;
	if (!l->nslots) {
		if (*root == UINT32_MAX)
			*root = caps_new(s, ph->nslots, UINT32_MAX);
		return *root;
	}
	uint32_t caps = caps_new(s, ph->nslots, UINT32_MAX);
	for (uint32_t i = 0; i < l->nslots; i++)
		s->capbuf.v[caps + ph->leaf_slots.v[l->slots + i]] = (int32_t)c->pos;
	return caps;
}

/* The threads of the entry's closure at offset 0, stepped at once: only
 * those whose element holds at the start (from its set's centry bits),
 * in the order add_thread() would queue them, so the threads after them
 * are the same. A step that leads on nowhere (leads_on) would queue
 * nothing: it is left out before its captures are made, and as most
 * starts die in their first step, most cost no more than that test. */
static void start_threads(struct ctx *c, uint32_t span)
{
	struct ws_rules_scratch *s = c->s;
	const struct ws_rphase *ph = c->ph;
	const struct ws_rleaf *lf = ph->leaves.v + ph->clo_first[ph->entry];
	uint32_t tok = c->pos;
	const uint64_t *holds = entry_holds(c, tok);
	uint32_t root = UINT32_MAX;
	for (size_t w = 0; w < c->ps->ewords; w++)
		for (uint64_t m = holds[w]; m; m &= m - 1) {
			const struct ws_rleaf *l = lf + w * 64 + (size_t)__builtin_ctzll(m);
			if (!leaf_runs(c, l))
				continue;
			const struct ws_rinst *in = &ph->prog.v[l->pc];
			if (in->one) {	/* span >= 1 */
				if (leads_on(c, in->y, 1))
					add_thread(c, 1, in->y, start_caps(c, l, &root), 1);
				continue;
			}
			const struct ws_relem *e = &ph->elems.v[in->x];
			uint32_t caps = UINT32_MAX;
			struct atcursor it;
			at_begin(s, tok, &it);
			for (uint32_t i; (i = at_next(s, &it)) != UINT32_MAX;) {
				const struct ws_annot *a = &c->an->v[i];
				uint32_t len = a->last - tok;
				if (a->last > tok && len <= span && span_passes(c, a, e) &&
				    leads_on(c, in->y, len)) {
					if (caps == UINT32_MAX)
						caps = start_caps(c, l, &root);
					add_thread(c, len, in->y, caps, 1);
				}
			}
		}
}

/* Runs the phase's VM from c->pos (after new_start) for the rules not
 * skipped; fills s->cands with each rule's longest match (end > 0).
 * Inlined twice into simulate(), with and without the closure lists
 * (lists), so that the code of the one kind has none of the other's. */
static inline __attribute__((always_inline)) void run_vm(struct ctx *c, int lists)
{
	struct ws_rules_scratch *s = c->s;
	const struct ws_rphase *ph = c->ph;
	uint32_t span = c->limit - c->pos;
	c->maxoff = 0;
	if (span == 0)
		return;		/* no token to consume, and an empty match counts not */
	if (lists)
		start_threads(c, span);
	else
		add_thread(c, 0, ph->entry, caps_new(s, ph->nslots, UINT32_MAX), 0);
	/* threads are added at offsets up to span only, so this goes over
	 * every bucket that has any, and empties it for the next run */
	for (uint32_t off = 0; off <= span && off <= c->maxoff; off++) {
		for (size_t ti = 0; ti < s->bucket[off].n; ti++) {
			struct thread t = s->bucket[off].v[ti];
			const struct ws_rinst *in = &ph->prog.v[t.pc];
			if (in->op == OP_MATCH) {
				if (in->x == UINT32_MAX)
					continue;
				struct cand *cd = &s->cands.v[in->x];
				uint32_t end = c->pos + off;
				if (off > 0 && (cd->gen != s->gen || end > cd->end)) {
					cd->gen = s->gen;
					cd->end = end;
					cd->caps = t.caps;
					s->rbits.v[s->rwords + (in->x >> 6)] |= 1ULL << (in->x & 63);
				}
				continue;
			}
			if (off < span)
				step(c, in, t.caps, off, span, lists);
		}
		s->bucket[off].n = 0;
	}
}

static void simulate(struct ctx *c)
{
	if (c->ph->clo_first)
		run_vm(c, 1);
	else
		run_vm(c, 0);
}

static void apply(struct ctx *c, const struct ws_rule *r, const struct cand *cd, ws_annot_vec *out)
{
	struct ws_rules_scratch *s = c->s;
	if (c->ph->nparts > 1)
		out = &s->parts[r->part];	/* kept apart (ws_rphase.nparts) */
	const int32_t *caps = s->capbuf.v + cd->caps;
	for (uint32_t i = 0; i < r->nactions; i++) {
		const struct ws_raction *a = &r->actions[i];
		int32_t first = (int32_t)c->pos, last = (int32_t)cd->end;
		if (a->slot >= 0) {
			first = caps[a->slot * 2];
			last = caps[a->slot * 2 + 1];
		}
		if (first < 0 || last <= first)
			continue;	/* the label took no part in this match */
		struct ws_feat *f = feat_alloc(s, a->nvals);
		uint32_t nf = 0;
		for (uint32_t k = 0; k < a->nvals; k++) {
			const struct ws_rval *v = &a->vals[k];
			const char *val = v->value;
			if (!val) {
				int32_t f0 = caps[v->slot * 2], f1 = caps[v->slot * 2 + 1];
				for (int32_t t = f0; t >= 0 && t < f1 && !val; t++) {
					struct atcursor it;
					at_begin(s, (uint32_t)t, &it);
					for (uint32_t x; !val && (x = at_next(s, &it)) != UINT32_MAX;) {
						const struct ws_annot *o = &c->an->v[x];
						if (o->type == v->type)
							val = ws_annot_get(o, v->fkey);
					}
				}
			}
			if (val) {
				f[nf].key = v->key;
				f[nf].value = val;
				nf++;
			}
		}
		WS_VEC_RESERVE(*out, out->n + 1);
		out->v[out->n++] = (struct ws_annot){ .first = (uint32_t)first, .last = (uint32_t)last,
						      .type = a->type, .feat = f, .nfeat = nf,
						      .cls = a->cls, .rule = r->name };
	}
}

/* The first token from pos on, before limit, where an element of group g
 * (ws_rneed.group) holds; limit: none. The scan goes on from where the
 * last one for the same set stopped (its starts only move forward) and
 * not past limit, so a phase spends time at most linear in the tokens on
 * each set, and none after its last start. */
static uint32_t needed_from(const struct ctx *c, uint32_t g, struct needscan *ns, uint32_t pos,
			    uint32_t limit)
{
	if (ns->found && ns->at >= pos)
		return ns->at < limit ? ns->at : limit;
	uint32_t t = ns->found || ns->at < pos ? pos : ns->at;
	size_t GW = c->ps->gwords;
	const uint64_t *cg = c->ps->cgroups.v + (g >> 6), bit = 1ULL << (g & 63);
	const uint32_t *cls = c->s->tcls.v;
	if (GW == 1) {	/* up to 64 groups: no multiply in the loop */
		/* four tokens a test while none of them holds */
		if (t < limit)
			while (limit - t >= 4 && !((cg[cls[t]] | cg[cls[t + 1]] | cg[cls[t + 2]] |
						    cg[cls[t + 3]]) & bit))
				t += 4;
		while (t < limit && !(cg[cls[t]] & bit))
			t++;
	} else
		while (t < limit && !(cg[(size_t)cls[t] * GW] & bit))
			t++;
	ns->at = t;
	ns->found = t < limit;
	return t;
}

/* The groups one of the tokens of c->pos's scope holds (rgroups); each
 * scope is asked once per phase, as its starts only move forward. */
static const uint64_t *scope_groups(const struct ctx *c)
{
	struct ws_rules_scratch *s = c->s;
	size_t GW = c->ps->gwords;
	uint64_t *m = s->rgroups.v;
	const struct ws_range *r = c->ph->scope == RS_PARAGRAPH ? &c->tk->para.v[c->scope]
								 : &c->tk->sent.v[c->scope];
	const uint32_t *cls = s->tcls.v;
	const uint64_t *cg = c->ps->cgroups.v;
	s->scope_can = ~0ULL;
	if (c->ps->packed) {
		const uint64_t *cgr = c->ps->cgr.v;
		uint64_t x = 0;
		uint32_t t = r->first;
		for (; t + 4 <= r->last; t += 4)	/* four tokens a round */
			x |= cgr[cls[t]] | cgr[cls[t + 1]] | cgr[cls[t + 2]] | cgr[cls[t + 3]];
		for (; t < r->last; t++)
			x |= cgr[cls[t]];
		size_t groups = c->b->ngroups.v[c->phase];
		*m = x & ((1ULL << groups) - 1);
		s->scope_can = x >> groups;
		return m;
	}
	if (GW == 1 && s->rwords == 1) {
		/* up to 64 groups and 64 rules: no inner loops, and the rules
		 * that can start at one of the tokens on the way */
		const uint64_t *cr = c->ps->crules.v;
		uint64_t x = 0, y = 0;
		for (uint32_t t = r->first; t < r->last; t++) {
			x |= cg[cls[t]];
			y |= cr[cls[t]];
		}
		*m = x;
		s->scope_can = y;
		return m;
	}
	memset(m, 0, GW * sizeof(uint64_t));
	for (uint32_t t = r->first; t < r->last; t++)
		for (size_t w = 0; w < GW; w++)
			m[w] |= cg[(size_t)cls[t] * GW + w];
	return m;
}

/* Where an element that spans an annotation at c->pos may end at the
 * furthest (c->maxend, worked out once a start): the reaches of a rule
 * that starts with one count from there at the earliest. */
static uint32_t max_end(struct ctx *c)
{
	if (c->maxend)
		return c->maxend;
	uint32_t end = c->pos + 1;
	struct atcursor it;
	at_begin(c->s, c->pos, &it);
	for (uint32_t i; (i = at_next(c->s, &it)) != UINT32_MAX;)
		if (c->an->v[i].last > end)
			end = c->an->v[i].last;
	return c->maxend = end;
}

/* Whether the rule's needed sets hold in their order within reach: each
 * one after where the one before first holds (a match holds each later,
 * one element at least apart). The rule is one its scope can match
 * (possible_rules): a scan for a group no token of the scope holds would
 * only walk to the limit. */
static int needs_hold(struct ctx *c, const struct ws_rule *ru, struct needscan *ns)
{
	uint32_t from = c->pos + ru->after_first, base = c->pos;
	if (ru->rebased == 1)
		base = c->pos + 1;
	else if (ru->rebased == 2)
		base = max_end(c);
	for (uint32_t n = 0; n < ru->nneeds; n++) {
		uint32_t g = ru->needs[n].group;
		uint32_t t = needed_from(c, g, &ns[n], from, c->limit);
		if (t >= c->limit || (t > base && t - base > ru->needs[n].reach))
			return 0;
		from = t + 1;
	}
	return 1;
}

/* The rules c->scope can match into s->rposs: those that need nothing or
 * are matched apart (always, RW words), and those of the phase's needy
 * whose needed groups its tokens all hold. */
static void possible_rules(const struct ctx *c, const uint64_t *always)
{
	struct ws_rules_scratch *s = c->s;
	size_t RW = s->rwords, GW = c->ps->gwords;
	uint64_t *poss = s->rposs.v;
	for (size_t w = 0; w < RW; w++)
		poss[w] = always[w];
	s->scope_can = ~0ULL;
	struct phase_sets *ps = &s->psets[c->phase];
	if (ps->needy.n == 0)
		return;
	const uint64_t *have = scope_groups(c);
	size_t h = 0;
	if (RW == 1 && GW == 1) {
		h = (size_t)((have[0] * 0x9E3779B97F4A7C15ULL) >> 58);
		if (ps->pfull[h] && ps->phave[h] == have[0]) {
			poss[0] = ps->pposs[h] & s->scope_can;
			return;
		}
	}
	if (RW == 1 && GW == 1) {
		/* one word each: no branch a rule */
		uint64_t x = poss[0], hv = have[0];
		const uint64_t *want = ps->rneeds.v;
		for (size_t k = 0; k < ps->needy.n; k++) {
			uint32_t r = ps->needy.v[k];
			x |= (uint64_t)!(want[r] & ~hv) << r;
		}
		poss[0] = x;
	} else
		for (size_t k = 0; k < ps->needy.n; k++) {
			uint32_t r = ps->needy.v[k];
			const uint64_t *want = ps->rneeds.v + (size_t)r * GW;
			size_t w = 0;
			while (w < GW && !(want[w] & ~have[w]))
				w++;
			if (w == GW)
				poss[r >> 6] |= 1ULL << (r & 63);
		}
	if (RW == 1 && GW == 1) {
		ps->pfull[h] = 1;
		ps->phave[h] = have[0];
		ps->pposs[h] = poss[0];
	}
	if (RW == 1)
		poss[0] &= s->scope_can;
}

/* The first token from pos on, before n, where a rule of poss can start
 * (crules, RW words per set); n: none. A function of its own, so that its
 * loop keeps all it needs in registers. */
static uint32_t next_start(const uint64_t *crules, size_t RW, const uint64_t *poss,
			   const uint32_t *cls, uint32_t pos, uint32_t n)
{
	if (RW == 1) {
		uint64_t p = poss[0];
		/* four tokens a test while none of them can start */
		while (n - pos >= 4 && !((crules[cls[pos]] | crules[cls[pos + 1]] |
					   crules[cls[pos + 2]] | crules[cls[pos + 3]]) & p))
			pos += 4;
		while (pos < n && !(crules[cls[pos]] & p))
			pos++;
		return pos;
	}
	for (; pos < n; pos++)
		for (size_t w = 0; w < RW; w++)
			if (crules[(size_t)cls[pos] * RW + w] & poss[w])
				return pos;
	return pos;
}

/* The phase's rules sorted (phase_sets.single ... needy); single-element
 * rules are matched apart: the VM leaves them out. */
static void sort_rules(const struct ws_rphase *ph, struct phase_sets *ps, size_t RW)
{
	size_t nr = ph->rules.n, GW = ps->gwords;
	WS_VEC_ZEROED(ps->single, RW);
	WS_VEC_ZEROED(ps->always, RW);
	WS_VEC_RESERVE(ps->needbase, nr + 1);
	WS_VEC_ZEROED(ps->rneeds, nr * GW);
	ps->needy.n = 0;
	size_t base = 0;
	for (size_t r = 0; r < nr; base += ph->rules.v[r++].nneeds) {
		const struct ws_rule *ru = &ph->rules.v[r];
		int one = ph->clo_first && ru->single >= 0;
		ps->single.v[r >> 6] |= (uint64_t)one << (r & 63);
		ps->needbase.v[r] = (uint32_t)base;
		for (uint32_t n = 0; n < ru->nneeds; n++) {
			uint32_t g = ru->needs[n].group;
			ps->rneeds.v[r * GW + (g >> 6)] |= 1ULL << (g & 63);
		}
		if (one || ru->nneeds == 0)
			ps->always.v[r >> 6] |= 1ULL << (r & 63);
		else
			WS_VEC_PUSH(ps->needy, (uint32_t)r);
	}
	ps->nneeds = base;
	ps->rdone = 1;
}

/* Whether one of the rules can (RW words) of a spanning first element has
 * no second step at the next token by nx: long_at() may free it. */
static inline int spanfree(const struct phase_sets *ps, const uint64_t *can, const uint64_t *nx,
			   size_t RW)
{
	for (size_t w = 0; w < RW; w++)
		if (can[w] & ps->sfree.v[w] & ~nx[w])
			return 1;
	return 0;
}

/* Whether an annotation the phase sees of two tokens or more starts at
 * tok: a spanning element that consumes it takes its second step past
 * the next token. */
static int long_at(const struct ctx *c, uint32_t tok)
{
	struct atcursor it;
	at_begin(c->s, tok, &it);
	for (uint32_t i; (i = at_next(c->s, &it)) != UINT32_MAX;)
		if (c->an->v[i].last - tok >= 2)
			return 1;
	return 0;
}

static void run_phase(const struct ws_ruleset *rs, size_t phase, struct ws_rules_scratch *s,
		      const char *text, const struct ws_tokens *tk, ws_annot_vec *annots)
{
	const struct ws_rphase *ph = &rs->phases.v[phase];
	size_t ntok = tk->tok.n;
	size_t need = (size_t)(WS_RULE_MAX_SPAN + 1) * ph->prog.n;
	if (need > s->seen_cap) {
		free(s->seen);
		s->seen = ws_xcalloc(need, sizeof(uint32_t));
		s->seen_cap = need;
		s->gen = 0;
	}
	if (ph->prog.n + 1 > s->bucket_room) {
		for (size_t i = 0; i < WS_RULE_MAX_SPAN + 2; i++)
			WS_VEC_RESERVE(s->bucket[i], ph->prog.n + 1);
		s->bucket_room = ph->prog.n + 1;
	}
	WS_VEC_RESERVE(s->cands, ph->rules.n + 1);
	s->cands.n = ph->rules.n;
	memset(s->cands.v, 0, ph->rules.n * sizeof(struct cand));
	/* new annotations are appended to annots as they are made: the index
	 * holds the indices of the older ones only, so this phase does not see
	 * its own, and nothing keeps a pointer into annots across a push */
	ws_annot_vec *made = annots;
	if (ph->nparts > s->nparts) {
		s->parts = ws_xrealloc(s->parts, ph->nparts * sizeof(*s->parts));
		memset(s->parts + s->nparts, 0, (ph->nparts - s->nparts) * sizeof(*s->parts));
		s->nparts = ph->nparts;
	}
	struct ctx c = { ph, s, text, tk, annots, &rs->bits, &s->psets[phase], 0, 0, 0, 0,
			 phase, 0 };
	uint32_t pos = 0;
	struct phase_sets *ps = &s->psets[phase];
	size_t RW = (ph->rules.n + 63) / 64;
	if (!ps->rdone)
		sort_rules(ph, ps, RW);
	size_t nneeds = ps->nneeds;
	WS_VEC_RESERVE(s->mustnext, nneeds + 1);
	memset(s->mustnext.v, 0, nneeds * sizeof(*s->mustnext.v));
	WS_VEC_RESERVE(s->rgroups, c.ps->gwords + 1);
	s->rwords = RW;
	WS_VEC_RESERVE(s->rbits, 5 * RW + 1);
	WS_VEC_RESERVE(s->rposs, RW + 1);
	uint64_t *run = s->rbits.v, *matched = run + RW, *single = run + 2 * RW;
	uint64_t *always = run + 3 * RW;	/* the rules any scope can match */
	uint64_t *wide = run + 4 * RW;		/* nx with the rules sfree frees */
	uint64_t *poss = s->rposs.v;
	for (size_t w = 0; w < RW; w++) {
		single[w] = ps->single.v[w];
		always[w] = ps->always.v[w];
	}
	const uint32_t *needbase = ps->needbase.v;
	const uint64_t *crules = c.ps->crules.v;
	const uint32_t *cls = s->tcls.v;
	uint32_t send = 0;	/* where the scan in pos's scope ends */
	uint32_t slast = 0;	/* where the scope ends */
	while (pos < ntok) {
		if (pos >= send) {
			/* a new scope: the rules it can match, a rule needing
			 * what none of its tokens holds being none of them */
			const struct ws_token *k = &tk->tok.v[pos];
			c.scope = ph->scope == RS_PARAGRAPH ? k->para : k->sent;
			slast = ph->scope == RS_PARAGRAPH ? tk->para.v[c.scope].last
							  : tk->sent.v[c.scope].last;
			send = slast > pos ? slast : pos + 1;
			possible_rules(&c, always);
			size_t w = 0;
			while (w < RW && !poss[w])
				w++;
			if (w == RW) {	/* it can match none */
				pos = send;
				continue;
			}
		}
		/* most tokens start nothing: skip them in a tight loop */
		pos = next_start(crules, RW, poss, cls, pos, send);
		if (pos == send)
			continue;
		c.pos = pos;
		/* a match ends by its scope's end, at most
		 * WS_RULE_MAX_SPAN tokens on */
		c.limit = slast - pos > WS_RULE_MAX_SPAN ? pos + WS_RULE_MAX_SPAN : slast;
		/* the VM runs the rules one of whose first elements holds here
		 * and whose needed elements hold within reach */
		const uint64_t *can = crules + (size_t)cls[pos] * RW;
		c.maxend = 0;
		/* ... and whose threads can take a second step */
		const uint64_t *nx = pos + 1 < c.limit ? c.ps->cnext.v + (size_t)cls[pos + 1] * RW
						       : c.ps->rfree.v;
		if (pos + 1 < c.limit && spanfree(c.ps, can, nx, RW) && long_at(&c, pos)) {
			/* a rule with a spanning first element may go on past
			 * pos + 1 */
			for (size_t w = 0; w < RW; w++)
				wide[w] = nx[w] | c.ps->sfree.v[w];
			nx = wide;
		}
		uint64_t any = 0, vmany = 0, sany = 0;
		for (size_t w = 0; w < RW; w++) {
			run[w] = 0;
			matched[w] = 0;
			for (uint64_t m = can[w] & ~single[w] & poss[w] & nx[w]; m; m &= m - 1) {
				size_t r = w * 64 + (size_t)__builtin_ctzll(m);
				if (needs_hold(&c, &ph->rules.v[r], s->mustnext.v + needbase[r]))
					run[w] |= m & -m;
			}
			vmany |= run[w];
			sany |= can[w] & single[w];
		}
		any = vmany | sany;
		if (!any) {	/* no rule can match here */
			pos++;
			continue;
		}
		new_start(s);
		if (sany)	/* a rule matched apart can start here */
			match_singles(&c);
		if (vmany)	/* some rule for the VM to run */
			simulate(&c);
		if (ph->control == RC_ALL) {
			for (size_t w = 0; w < RW; w++)
				for (uint64_t m = matched[w]; m; m &= m - 1) {
					size_t r = w * 64 + (size_t)__builtin_ctzll(m);
					apply(&c, &ph->rules.v[r], &s->cands.v[r], made);
				}
			pos++;
			continue;
		}
		size_t best = SIZE_MAX;
		for (size_t w = 0; w < RW; w++)
		for (uint64_t m = matched[w]; m; m &= m - 1) {
			size_t r = w * 64 + (size_t)__builtin_ctzll(m);
			const struct cand *cd = &s->cands.v[r];
			if (best == SIZE_MAX || cd->end > s->cands.v[best].end ||
			    (cd->end == s->cands.v[best].end &&
			     ph->rules.v[r].priority > ph->rules.v[best].priority))
				best = r;
		}
		if (best == SIZE_MAX) {
			pos++;
			continue;
		}
		apply(&c, &ph->rules.v[best], &s->cands.v[best], made);
		pos = s->cands.v[best].end;
	}
	for (uint32_t i = 0; ph->nparts > 1 && i < ph->nparts; i++) {
		ws_annot_vec *pv = &s->parts[i];
		if (!pv->n)
			continue;
		WS_VEC_RESERVE(*made, made->n + pv->n);
		memcpy(made->v + made->n, pv->v, pv->n * sizeof(*pv->v));
		made->n += pv->n;
		pv->n = 0;
	}
}

/* The slot of s->fc for annotation a, made when first needed; NULL for
 * an annotation of too many features. */
static struct featcache *feat_slot(struct ws_rules_scratch *s, const struct ws_annot *a)
{
	if (a->nfeat > FCACHE_FEATS)
		return NULL;
	if (!s->fc)
		s->fc = ws_xcalloc((size_t)1 << FCACHE_BITS, sizeof(*s->fc));
	uint64_t h = ((uint64_t)(uintptr_t)a->type ^ s->tcls.v[a->first]) * 0x9E3779B97F4A7C15ULL;
	for (uint32_t k = 0; k < a->nfeat; k++)
		h = (h ^ (uint64_t)(uintptr_t)a->feat[k].value) * 0xBF58476D1CE4E5B9ULL;
	return &s->fc[h >> (64 - FCACHE_BITS)];
}

/* The bits of the annotations made since the last call, ORed into their
 * first tokens' bits: a phase sees those of earlier phases only. */
static void add_annot_bits(const struct ws_rbits *b, struct ws_rules_scratch *s,
			   const ws_annot_vec *an, size_t from, size_t ntok)
{
	size_t W = b->words;
	WS_VEC_RESERVE(s->abits, W);
	uint64_t *ab = s->abits.v;
	for (size_t i = from; i < an->n; i++) {
		const struct ws_annot *a = &an->v[i];
		if (a->first >= ntok)
			continue;
		struct unioncache *u = NULL;
		struct featcache *f = NULL;
		uint64_t key = 0;
		uint32_t before = s->tcls.v[a->first];
		if (a->cls && a->cls <= b->nclasses) {
			/* the union of a set and a class, as the sets, outlives
			 * the document */
			key = (uint64_t)s->tcls.v[a->first] << 32 | a->cls;
			u = &s->uc[(key * 0x9E3779B97F4A7C15ULL) >> (64 - UCACHE_BITS)];
			if (u->key == key) {
				s->tcls.v[a->first] = u->set;
				continue;
			}
			memcpy(ab, b->classes.v + (size_t)(a->cls - 1) * W, W * sizeof(uint64_t));
		} else {
			f = feat_slot(s, a);
			if (f && f->type == a->type && f->in == s->tcls.v[a->first] &&
			    f->nfeat == a->nfeat) {
				uint32_t k = 0;
				while (k < a->nfeat && f->kv[2 * k] == a->feat[k].key &&
				       f->kv[2 * k + 1] == a->feat[k].value)
					k++;
				if (k == a->nfeat) {
					s->tcls.v[a->first] = f->out;
					continue;
				}
			}
			ws_rbits_annot(b, a, ab);
		}
		const uint64_t *tb = TOKBITS(s, a->first, W);
		size_t w = 0;
		while (w < W && (tb[w] | ab[w]) == tb[w])
			w++;
		if (w < W) {	/* something new for the token */
			for (w = 0; w < W; w++)
				ab[w] |= tb[w];
			s->tcls.v[a->first] = pat_intern(s, ab, W);
		}
		if (u) {
			u->key = key;
			u->set = s->tcls.v[a->first];
		}
		if (f) {
			f->type = a->type;
			f->nfeat = a->nfeat;
			for (uint32_t k = 0; k < a->nfeat; k++) {
				f->kv[2 * k] = a->feat[k].key;
				f->kv[2 * k + 1] = a->feat[k].value;
			}
			f->in = before;
			f->out = s->tcls.v[a->first];
		}
	}
}

/* Row to = row from in rows of n words: a few words, no memcpy call. */
static inline void copy_row(uint64_t *rows, size_t to, size_t from, size_t n)
{
	for (size_t w = 0; w < n; w++)
		rows[to * n + w] = rows[from * n + w];
}

/* The index in ps->lrep of the projection x (LW words), added with set i
 * as the first to have it when new (*isnew set). */
static uint32_t local_class(struct phase_sets *ps, const uint64_t *x, size_t LW, uint32_t i,
			    int *isnew)
{
	*isnew = 0;
	size_t nl = ps->lrep.n, slot = 0;
	size_t k = ws_row_find(&ps->lhash, ps->lsets.v, nl, LW, x, 256, &slot);
	if (k < nl)
		return (uint32_t)k;
	WS_VEC_RESERVE(ps->lsets, ps->lsets.n + LW);
	memcpy(ps->lsets.v + ps->lsets.n, x, LW * sizeof(uint64_t));
	ps->lsets.n += LW;
	WS_VEC_PUSH(ps->lrep, i);
	ps->lhash.v[slot] = (uint32_t)nl + 1;
	*isnew = 1;
	return (uint32_t)nl;
}

/* The phase's follow and rfree (phase_sets): from each entry leaf, the
 * leaves its element leads to. Without the closure lists every rule is
 * free. Also its felems and gelems. */
static void find_follow(const struct ws_rphase *ph, struct phase_sets *ps, size_t RW, size_t EL,
			size_t groups)
{
	size_t nr = ph->rules.n;
	WS_VEC_ZEROED(ps->felems, EL);
	WS_VEC_ZEROED(ps->gelems, groups * EL);
	for (size_t k = 0; k < ph->firsts.n; k++)
		ps->felems.v[ph->firsts.v[k] >> 6] |= 1ULL << (ph->firsts.v[k] & 63);
	for (size_t r = 0; r < nr; r++) {
		const struct ws_rule *ru = &ph->rules.v[r];
		for (uint32_t n = 0; n < ru->nneeds; n++) {
			uint64_t *g = ps->gelems.v + (size_t)ru->needs[n].group * EL;
			for (uint32_t k = 0; k < ru->needs[n].n; k++) {
				uint32_t e = ru->must[ru->needs[n].first + k];
				g[e >> 6] |= 1ULL << (e & 63);
			}
		}
	}
	WS_VEC_ZEROED(ps->rfree, RW);
	WS_VEC_ZEROED(ps->sfree, RW);
	WS_VEC_ZEROED(ps->follow, nr * EL);
	ps->fdone = 1;
	if (!ph->clo_first) {
		for (size_t r = 0; r < nr; r++)
			ps->rfree.v[r >> 6] |= 1ULL << (r & 63);
		return;
	}
	const struct ws_rleaf *entry = ph->leaves.v + ph->clo_first[ph->entry];
	for (uint32_t k = 0; k < ph->clo_count[ph->entry]; k++) {
		const struct ws_rleaf *l = &entry[k];
		uint32_t r = ph->rule_of.v[l->pc];
		if (r >= nr)
			continue;	/* the entry's own code */
		uint64_t *f = ps->follow.v + (size_t)r * EL;
		const struct ws_rinst *in = &ph->prog.v[l->pc];
		if (l->elem == ph->elems.n || ph->clo_first[in->y] == UINT32_MAX) {
			ps->rfree.v[r >> 6] |= 1ULL << (r & 63);
			continue;
		}
		if (ph->elems.v[l->elem].span >= 0)
			ps->sfree.v[r >> 6] |= 1ULL << (r & 63);
		const struct ws_rleaf *lf = ph->leaves.v + ph->clo_first[in->y];
		for (uint32_t i = 0; i < ph->clo_count[in->y]; i++, lf++)
			if (lf->elem == ph->elems.n)
				ps->rfree.v[r >> 6] |= 1ULL << (r & 63);
			else
				f[lf->elem >> 6] |= 1ULL << (lf->elem & 63);
	}
}

/* What the phase to run asks of each distinct set of the tokens, once per
 * set rather than once per token: the set in the phase's space, whether an
 * element a match can start with holds (its spanning test's bit included)
 * and the groups of needed elements (ws_rneed.group) one of which holds. */
static void classify_sets(const struct ws_ruleset *rs, size_t phase, struct ws_rules_scratch *s)
{
	const struct ws_rbits *b = &rs->bits;
	const struct ws_rphase *ph = &rs->phases.v[phase];
	const struct ws_rspace *sp = &b->spaces[phase];
	struct phase_sets *ps = &s->psets[phase];
	size_t W = b->words, np = s->pats.n / W, LW = sp->words;
	size_t groups = b->ngroups.v[phase], GW = (groups + 63) / 64;
	size_t EL = ph->elems.n / 64 + 1;	/* with bit elems.n */
	WS_VEC_RESERVE(ps->celems, np * EL + 1);
	ps->elwords = EL;
	if (!ps->cpast.n) {
		WS_VEC_RESERVE(ps->cpast, EL);
		memset(ps->cpast.v, 0, EL * sizeof(uint64_t));
		ps->cpast.n = EL;
		ps->cpast.v[ph->elems.n >> 6] = 1ULL << (ph->elems.n & 63);
	}
	memset(ps->celems.v + ps->done * EL, 0, (np - ps->done) * EL * sizeof(uint64_t));
	WS_VEC_RESERVE(s->lbits, LW);
	uint64_t *x = s->lbits.v;	/* a set in the phase's space */
	WS_VEC_RESERVE(ps->cgroups, np * GW + 1);
	ps->gwords = GW;
	memset(ps->cgroups.v + ps->done * GW, 0, (np - ps->done) * GW * sizeof(uint64_t));
	size_t nentry = ph->clo_first ? ph->clo_count[ph->entry] : 0, EW = (nentry + 63) / 64;
	const struct ws_rleaf *entry = ph->clo_first ? ph->leaves.v + ph->clo_first[ph->entry] : NULL;
	WS_VEC_RESERVE(ps->centry, np * EW + 1);
	size_t RW = (ph->rules.n + 63) / 64;
	WS_VEC_RESERVE(ps->crules, np * RW + 1);
	ps->ewords = EW;
	memset(ps->centry.v + ps->done * EW, 0, (np - ps->done) * EW * sizeof(uint64_t));
	if (!ps->fdone)
		find_follow(ph, ps, RW, EL, groups);
	WS_VEC_RESERVE(ps->cnext, np * RW + 1);
	ps->packed = RW == 1 && groups >= 1 && groups + ph->rules.n <= 64;
	if (ps->packed)
		WS_VEC_RESERVE(ps->cgr, np + 1);
	for (size_t i = ps->done; i < np; i++) {
		ws_rspace_project(sp, s->pats.v + i * W, W, x);
		int isnew;
		uint32_t lc = local_class(ps, x, LW, (uint32_t)i, &isnew);
		if (!isnew) {	/* asks what an earlier set asks */
			size_t rep = ps->lrep.v[lc];
			copy_row(ps->celems.v, i, rep, EL);
			copy_row(ps->centry.v, i, rep, EW);
			copy_row(ps->crules.v, i, rep, RW);
			copy_row(ps->cgroups.v, i, rep, GW);
			copy_row(ps->cnext.v, i, rep, RW);
			if (ps->packed)
				ps->cgr.v[i] = ps->cgr.v[rep];
			continue;
		}
		uint64_t *el = ps->celems.v + i * EL;
		if (ph->elems.n)
			ws_rspace_elems(sp, ph->elems.n, x, el);	/* up to bit elems.n */
		el[ph->elems.n >> 6] |= 1ULL << (ph->elems.n & 63);
		uint64_t *nx = ps->cnext.v + i * RW;
		memcpy(nx, ps->rfree.v, RW * sizeof(uint64_t));
		for (size_t r = 0; r < ph->rules.n; r++) {
			const uint64_t *f = ps->follow.v + r * EL;
			for (size_t w = 0; w < EL; w++)
				if (f[w] & el[w]) {
					nx[r >> 6] |= 1ULL << (r & 63);
					break;
				}
		}
		uint8_t start = 0;
		for (size_t w = 0; w < EL; w++)
			start |= (ps->felems.v[w] & el[w]) != 0;
		uint64_t *ce = ps->centry.v + i * EW, *can = ps->crules.v + i * RW;
		memset(can, 0, RW * sizeof(uint64_t));
		for (size_t r = 0; start && !entry && r < ph->rules.n; r++)
			can[r >> 6] |= 1ULL << (r & 63);	/* without the lists: every rule */
		for (size_t k = 0; k < nentry; k++) {
			uint32_t r = ph->rule_of.v[entry[k].pc];
			if (entry[k].elem < ph->elems.n && has_bit(el, entry[k].elem)) {
				ce[k >> 6] |= 1ULL << (k & 63);
				can[r >> 6] |= (uint64_t)start << (r & 63);
			}
		}
		uint64_t *cg = ps->cgroups.v + i * GW;
		for (size_t g = 0; g < groups; g++) {
			const uint64_t *ge = ps->gelems.v + g * EL;
			for (size_t w = 0; w < EL; w++)
				if (ge[w] & el[w]) {
					cg[g >> 6] |= 1ULL << (g & 63);
					break;
				}
		}
		if (ps->packed)
			ps->cgr.v[i] = cg[0] | can[0] << groups;
	}
	ps->done = np;
}

uint32_t *ws_rules_word_keys(struct ws_rules_scratch *s, size_t ntok)
{
	WS_VEC_RESERVE(s->tcls, ntok);
	s->keyed = ntok;
	return s->tcls.v;
}

void ws_rules_keys_epoch(struct ws_rules_scratch *s, uint64_t epoch)
{
	if (epoch != s->kepoch && s->tc)	/* the keys name other words now */
		memset(s->tc, 0, sizeof(*s->tc) << TCACHE_BITS);
	s->kepoch = epoch;
}

/* A token's length (up to LONG_TOKEN), kind, shape and flags in one word,
 * never 0, for the caches of sets: kind, shape, quote and flags lie side
 * by side in the token, so one load brings them all; the quote's byte
 * gives way to a mark, and the length goes above the kind's three bits.
 * The byte masks are made from bytes, so that either byte order works. */
static inline uint32_t token_tag(const struct ws_token *k, size_t n)
{
	_Static_assert(WS_TOK_UNKNOWN < 8 && LONG_TOKEN < 32, "a token tag's fields overlap");
	_Static_assert(offsetof(struct ws_token, shape) == offsetof(struct ws_token, kind) + 1 &&
		       offsetof(struct ws_token, quote) == offsetof(struct ws_token, kind) + 2 &&
		       offsetof(struct ws_token, flags) == offsetof(struct ws_token, kind) + 3,
		       "a token's kind, shape, quote and flags are not side by side");
	uint32_t w, quote, kind;
	memcpy(&w, &k->kind, sizeof(w));
	memcpy(&quote, (const uint8_t[4]){ 0, 0, 0xFF, 0 }, sizeof(quote));
	memcpy(&kind, (const uint8_t[4]){ 1, 0, 0, 0 }, sizeof(kind));
	return (w & ~quote) | (quote & 0x01010101u) | (uint32_t)(n << 3) * kind;
}

/* The mask keyed_tag() keeps of a token's kind, shape, quote and flags:
 * the kind, the shape and the flags some test names (ws_rbits.flagbits),
 * so that a word after a line break shares the entry of the same word
 * after a space. */
static uint32_t keyed_keep(const struct ws_rbits *b)
{
	uint32_t keep;
	memcpy(&keep, (const uint8_t[4]){ 0xFF, 0xFF, 0, (uint8_t)b->flagbits }, sizeof(keep));
	return keep;
}

/* The tag of a token with a word key, which stands for its bytes and so
 * its length: what keep (keyed_keep()) keeps of the token, and a mark in
 * the quote's byte other than token_tag()'s, so that no tag of
 * token_tag() is one. */
static inline uint32_t keyed_tag(const struct ws_token *k, uint32_t keep)
{
	uint32_t w, mark;
	memcpy(&w, &k->kind, sizeof(w));
	memcpy(&mark, (const uint8_t[4]){ 0, 0, 2, 0 }, sizeof(mark));
	return (w & keep) | mark;
}

/* The entry of the token cache for a word key and its keyed tag. */
static inline struct tcache *keyed_slot(struct tcache *tc, uint32_t wkey, uint32_t tag)
{
	uint64_t h = ((uint64_t)wkey << 32 ^ tag) * 0x9E3779B97F4A7C15ULL;
	return &tc[h >> (64 - TCACHE_BITS)];
}

/* The set of the tests that hold at token k, from the caches or worked
 * out and interned (then cached); wkey is its word key, 0 for none, which
 * the keyed cache entries were just looked in for. Out of line: the loop
 * of ws_rules_run() keeps its registers for the keys' hits. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t token_set(const struct ws_ruleset *rs, struct ws_rules_scratch *s,
			  const char *text, const struct ws_token *k, const char *end,
			  uint32_t wkey)
{
	size_t n = k->end - k->start, W = rs->bits.words;
	struct tcache *e = NULL;
	struct lcache *le = NULL;
	uint64_t v = 0, lb[3] = { 0, 0, 0 };
	uint32_t tag, set;
	if (wkey) {
		v = wkey;
		tag = keyed_tag(k, keyed_keep(&rs->bits));
		e = keyed_slot(s->tc, wkey, tag);
	} else if (n <= 8) {
		tag = token_tag(k, n);
		v = ws_pack_short(text + k->start, n, end);
		uint64_t h = (v ^ tag) * 0x9E3779B97F4A7C15ULL;
		e = &s->tc[h >> (64 - TCACHE_BITS)];
		if (e->tag == tag && e->bytes == v)
			return e->set;
	} else if (n <= LONG_TOKEN) {
		tag = token_tag(k, n);
		if (!s->lc)	/* made when first needed */
			s->lc = ws_xcalloc((size_t)1 << LCACHE_BITS, sizeof(*s->lc));
		const char *p = text + k->start;
		lb[0] = ws_pack_short(p, 8, end);
		lb[1] = ws_pack_short(p + 8, n - 8 < 8 ? n - 8 : 8, end);
		lb[2] = n > 16 ? ws_pack_short(p + 16, n - 16, end) : 0;
		uint64_t h = ((lb[0] * 0xBF58476D1CE4E5B9ULL ^ lb[1]) * 0x94D049BB133111EBULL ^
			      lb[2] ^ tag) * 0x9E3779B97F4A7C15ULL;
		le = &s->lc[h >> (64 - LCACHE_BITS)];
		if (le->tag == tag && le->bytes[0] == lb[0] && le->bytes[1] == lb[1] &&
		    le->bytes[2] == lb[2])
			return le->set;
	} else {
		tag = 0;
	}
	if (ws_rbits_token(&rs->bits, text, k, end, s->block.v)) {
		set = pat_intern(s, s->block.v, W);
	} else {
		/* no text test holds: the set of its kind, shape and
		 * flags, as many words have */
		uint32_t key = 1u << 31 | (uint32_t)k->kind | (uint32_t)k->shape << 8 |
			       (uint32_t)k->flags << 16;
		struct bcache *bc = &s->bc[(key * 0x9E3779B9u) >> (32 - BCACHE_BITS)];
		if (bc->key != key) {
			bc->key = key;
			bc->set = pat_intern(s, s->block.v, W);
		}
		set = bc->set;
	}
	if (e) {
		e->bytes = v;
		e->tag = tag;
		e->set = set;
	}
	if (le) {
		memcpy(le->bytes, lb, sizeof(lb));
		le->tag = tag;
		le->set = set;
	}
	return set;
}

void ws_rules_run(const struct ws_ruleset *rs, struct ws_rules_scratch *s, const char *text,
		  const struct ws_tokens *tk, ws_annot_vec *annots)
{
	pool_reset(s);
	int keyed = s->keyed == tk->tok.n;	/* the keys are for this run only */
	s->keyed = 0;
	if (!rs || tk->tok.n == 0 || rs->phases.n == 0)
		return;
	size_t ntok = tk->tok.n, W = rs->bits.words;
	/* the tokens' sets: from the cache, or worked out and interned */
	sets_check(rs, s);
	WS_VEC_RESERVE(s->tcls, ntok);
	WS_VEC_RESERVE(s->block, W);
	const char *end = text + tk->tok.v[ntok - 1].end;
	const struct ws_token *tok = tk->tok.v;
	uint32_t *tcls = s->tcls.v;
	if (keyed) {
		/* most tokens: a word the gazetteer's lookup knew, whose key
		 * stands for its bytes */
		struct tcache *tc = s->tc;	/* no store here moves it */
		uint32_t keep = keyed_keep(&rs->bits);
		for (size_t i = 0; i < ntok; i++) {
			uint32_t wkey = tcls[i];
			uint32_t tag = keyed_tag(&tok[i], keep);
			const struct tcache *e = keyed_slot(tc, wkey, tag);
			/* (key 0 is none, which no keyed entry holds) */
			if (e->tag == tag && e->bytes == wkey)
				tcls[i] = e->set;
			else
				tcls[i] = token_set(rs, s, text, &tok[i], end, wkey);
		}
	} else {
		for (size_t i = 0; i < ntok; i++)
			tcls[i] = token_set(rs, s, text, &tok[i], end, 0);
	}
	size_t done = 0;
	build_index(s, annots, ntok);
	for (size_t i = 0; i < rs->phases.n; i++) {
		add_annot_bits(&rs->bits, s, annots, done, ntok);
		classify_sets(rs, i, s);
		extend_index(s, annots, done > s->nbase ? done : s->nbase, ntok);
		done = annots->n;
		run_phase(rs, i, s, text, tk, annots);
	}
	/* the per-token arrays of a huge document are not kept for the next:
	 * the later stages of this one need the memory more */
	if (ntok > KEEP_TOKENS) {
		WS_VEC_FREE(s->tcls);
		WS_VEC_FREE(s->idx_start);
		WS_VEC_FREE(s->idx);
		WS_VEC_FREE(s->chead);
		WS_VEC_FREE(s->ctail);
		WS_VEC_FREE(s->cnext);
	}
}
