/* Attribution's internals, shared by its files (attrib*.c; the stage is
 * described in attrib.c): one document's context, the speakers and contents
 * the sieves pass around, the helpers every file calls per token (inline,
 * here), and the functions one file offers the others. Not public API. */
#ifndef WS_ATTRIB_INT_H
#define WS_ATTRIB_INT_H

#include "attrib.h"
#include "doc.h"
#include "tokmap.h"

#include <stdint.h>
#include <string.h>

/* The sieves, in the order of ws_sieve_names (attrib.c). */
enum sieve {
	S_SUBJECT, S_INVERTED, S_ACCORDING, S_LEADIN, S_LABEL, S_HEADLINE, S_PRONOUN, S_DESCRIPTION, S_GROUP,
	S_ANONYMOUS, S_NOMINAL, S_AGENTLESS, S_CONTINUATION, S_FALLBACK,
};

/* Names the sieves compare annotations' types, features and values
 * with, interned once per document (find_names() in attrib.c). */
struct names {
	const char *lookup, *ptitle, *major, *minor, *lemma, *category, *speaker, *gender;
	const char *cue, *person, *role, *group, *title, *head, *modifier, *portfolio, *honorific;
	const char *source, *anonymous, *place, *demonym, *org, *institution, *after;
	const char *canonical, *object, *recipient, *topic, *time, *ambiguous, *infinitive, *nonresponse;
};

/* A cue's features that the sieves ask about, each as ws_annot_get()
 * gives it, found in one pass over its features (cue_feats()): a cue is
 * asked about again and again, mostly for features it does not have. A
 * lookup's features are its gazetteer entry's, in the engine, which a
 * document never changes: so they are kept by the entry's features, for
 * every later document too. */
struct cue_feats {
	const struct ws_feat *feat;	/* the features found; NULL: a free entry */
	uint32_t nfeat;
	const char *lemma, *category, *speaker, *object, *nonresponse, *ambiguous, *infinitive,
		*canonical;
};

#define CUE_FEATS_SHIFT 10
#define CUE_FEATS (1u << CUE_FEATS_SHIFT)	/* entries, by the features' address */

/* The tokens whose word_in() bits a document found (struct actx). */
#define WFOUND 1024

struct wfound {
	size_t n;		/* how many; over WFOUND, only the first are listed */
	uint32_t tok[WFOUND];
};

/* One document's attribution: the document, its tokens' cues, titles
 * and quotes, and what the sieves have used so far. */
struct actx {
	struct ws_doc *d;
	const struct ws_token *tokv;	/* d->tk.tok.v, d->text: read at every */
	const char *text;		/* token test, one load away */
	struct names nm;
	size_t ntok;
	/* per token, sparse (tokmap.h): ... or -1 */
	struct ws_tokmap cue_map;	/* the longest cue lookup starting there */
	struct ws_tokmap title_map;	/* a PersonTitle ending there */
	struct ws_tokmap qopen_map;	/* the top-level quote opening there */
	struct ws_tokmap qclose_map;	/* the top-level quote closing there */
	size_t nlookups;	/* the lookups are d->gaz.v[0 .. nlookups), by first token */
	struct ws_tokmap lookup_map;	/* the first lookup starting there */
	uint64_t *lookup_end;	/* a bit per token: some lookup ends before it */
	/* ... and one of these that lookup_ending() is asked about, most
	 * often in vain: a time (any minor), an anonymous source, a group */
	uint64_t *time_end, *anon_end, *group_end;
	uint64_t *time_start;	/* a bit per token: a time lookup starts there */
	size_t nanon;		/* the anonymous sources' lookups */
	uint8_t *claimed;	/* per quote: a statement uses it */
	uint8_t *cue_used;	/* per token: a cue there made a frame */
	/* per token: the bits of the word lists word_in() keeps in its
	 * tables (attrib_words.c) that hold it, found when first asked; 0
	 * before. All 0 at the start of a document, and again at its end:
	 * the tokens found are listed in wfound (all of them, when at most
	 * WFOUND), so that only they need clearing */
	uint64_t *wbits;
	struct wfound *wfound;
	struct cue_feats *cuef;	/* CUE_FEATS of them: d->acues */
	int32_t last_speaker;	/* entity of the last attributed statement */
	size_t nents0;		/* the entities the entity rules made: d->ents.v[0 .. nents0) */
};

struct speaker {
	uint32_t m0, m1;	/* the mention's tokens */
	int32_t entity;
	enum ws_speaker_type type;
	enum sieve sieve;
	int found;
};

/* A speaker not (yet) found: no mention, no entity, type unknown. */
static inline struct speaker no_speaker(enum sieve sv)
{
	struct speaker sp = { .entity = -1, .type = WS_SP_UNKNOWN, .sieve = sv };
	return sp;
}

/* The per-token maps, read like arrays. */
#define CUE_AT(c, t) ws_tokmap_get(&(c)->cue_map, (t))
#define TITLE_END(c, t) ws_tokmap_get(&(c)->title_map, (t))
#define QUOTE_OPEN(c, t) ws_tokmap_get(&(c)->qopen_map, (t))
#define QUOTE_CLOSE(c, t) ws_tokmap_get(&(c)->qclose_map, (t))

/* The first token from i on whose bit is set in bits, or n (bits holds
 * a bit for each token below n). */
static inline size_t next_bit(const uint64_t *bits, size_t i, size_t n)
{
	if (i >= n)
		return n;
	size_t w = i >> 6;
	uint64_t x = bits[w] & (~0ULL << (i & 63));
	while (!x) {
		if (++w > (n - 1) >> 6)
			return n;
		x = bits[w];
	}
	size_t t = (w << 6) + (size_t)__builtin_ctzll(x);
	return t < n ? t : n;
}

/* The first token of [i, n) where a top-level quote opens, or n (n at
 * most c->ntok + 1): a content's quotes found without a test per token. */
#define QUOTE_NEXT(c, i, n) next_bit((c)->qopen_map.bits, (i), (n))

static inline const struct ws_token *tok(const struct actx *c, size_t i)
{
	return &c->tokv[i];
}

static inline size_t tok_len(const struct actx *c, size_t i)
{
	return c->tokv[i].end - c->tokv[i].start;
}

static inline const char *tok_text(const struct actx *c, size_t i)
{
	return c->text + c->tokv[i].start;
}

/* A word written with a capital (is_cap() asks more of it). */
static inline int capital_word(const struct ws_token *t)
{
	return t->kind == WS_TOK_WORD &&
	       (t->shape == WS_SHAPE_CAP || t->shape == WS_SHAPE_UPPER ||
		t->shape == WS_SHAPE_INITIAL || t->shape == WS_SHAPE_ACRONYM ||
		t->shape == WS_SHAPE_MIXED);
}

/* The token is exactly the ASCII literal lit (as ws_tok_eq()). */
static inline int tok_eq(const struct actx *c, size_t i, const char *lit)
{
	size_t n = strlen(lit);
	return tok_len(c, i) == n && memcmp(tok_text(c, i), lit, n) == 0;
}

static inline int is_punct(const struct actx *c, size_t i, const char *lit)
{
	return i < c->ntok && tok(c, i)->kind == WS_TOK_PUNCT && tok_eq(c, i, lit);
}

static inline unsigned char ascii_lower(unsigned char c)
{
	return (unsigned char)(c - 'A') < 26u ? (unsigned char)(c + 32) : c;
}

/* The token is lit, ASCII letters compared without case (as strncasecmp
 * in the C locale). Inline, so that strlen of a literal folds away; most
 * calls differ at the first byte and stop there. */
static inline int lower_is(const struct actx *c, size_t i, const char *lit)
{
	if (i >= c->ntok)
		return 0;
	size_t n = tok_len(c, i);
	if (strlen(lit) != n)	/* most calls: one compare, no byte read */
		return 0;
	const unsigned char *t = (const unsigned char *)tok_text(c, i);
	for (size_t k = 0; k < n; k++)
		if (ascii_lower(t[k]) != ascii_lower((unsigned char)lit[k]))
			return 0;
	return 1;
}

/* Whether token i has at least min bytes and ends with suffix suf.
 * Inline, so that a literal suffix's length folds away. */
static inline int tok_ends(const struct actx *c, size_t i, const char *suf, size_t min)
{
	size_t n = tok_len(c, i), k = strlen(suf);
	return n >= min && n >= k && memcmp(tok_text(c, i) + n - k, suf, k) == 0;
}

/* a equals the literal lit; most compared strings differ at the first
 * byte, and then no strcmp is called. */
static inline int streq(const char *a, const char *lit)
{
	return a[0] == lit[0] && strcmp(a, lit) == 0;
}

static inline int same_sent(const struct actx *c, size_t a, size_t b)
{
	return tok(c, a)->sent == tok(c, b)->sent;
}

/* A statement spans at most this many tokens: a "sentence" of a whole
 * document (no punctuation) must not make every frame cost O(n). */
#define MAX_CONTENT 200

struct content {
	struct ws_span span;
	size_t t0, t1;		/* its tokens */
	int32_t quote;		/* the quote span that is the content, or -1 */
	int has_quote;		/* holds a quote span */
	int joined;		/* two quotes around their frame: direct */
};

/* attrib_statements.c: statements */
void add_statement(struct actx *c, const struct content *ct, const struct speaker *sp,
		   const struct ws_annot *cue, size_t c0, size_t c1);
int overlaps_statement(const struct actx *c, struct ws_span sp);
size_t first_from(const struct ws_doc *d, size_t from, size_t to, uint32_t off);
int overlaps_sorted(const struct actx *c, struct ws_span sp, size_t n);
int overlaps_since(const struct actx *c, struct ws_span sp, size_t nsorted);
void sort_statements(struct ws_doc *d);

/* attrib_words.c: word tests */
extern const char *const quantifiers[];
extern const char *const determiners[];
int word_in(const struct actx *c, size_t i, const char *const *list);
/* Whether the token is one of any of lists (NULL-terminated), as word_in()
 * of each would say: one probe for them all. */
int word_in_any(const struct actx *c, size_t i, const char *const *const *lists);
/* How often this thread's word_in() and word_in_any() have compared a
 * token the slow way (a list met for the first time, or not kept in the
 * tables): for tests. */
size_t word_in_slow_calls(void);
const struct ws_annot *lookup_at(const struct actx *c, size_t first, size_t last,
				 const char *major, const char *minor);
const struct ws_annot *lookup_ending(const struct actx *c, size_t last, const char *major,
				     const char *minor);
/* lookup_at(c, first, 0, c->nm.time, NULL), asked first of the bits of
 * where times start: most tokens asked about start none. */
static inline const struct ws_annot *time_at(const struct actx *c, size_t first)
{
	if (first >= c->ntok || !(c->time_start[first >> 6] >> (first & 63) & 1))
		return NULL;
	return lookup_at(c, first, 0, c->nm.time, NULL);
}
/* Whether lookup_at(c, first, last, major, minor) finds one of the npairs
 * pairs { major, minor }, in one pass over the lookups. */
int lookup_at_any(const struct actx *c, size_t first, size_t last, const char *const (*pairs)[2],
		  size_t npairs);
const struct ws_word *pronoun_at(const struct actx *c, size_t i);
int is_particle(const struct actx *c, size_t i);
int is_starter(const struct actx *c, size_t i);
int is_contraction(const struct actx *c, size_t i);
int is_cap(const struct actx *c, size_t i);
int name_word(const struct actx *c, size_t i);
int plural_word(const struct actx *c, size_t i);
int is_determiner(const struct actx *c, size_t i);
int noun_plural(const struct actx *c, size_t i);
int is_possessive(const struct actx *c, size_t i);
const struct ws_annot *cue_span(const struct actx *c, size_t i, size_t *c0, size_t *c1);
/* Fills e with the features of cue, a gazetteer lookup. */
void cue_decode(const struct actx *c, const struct ws_annot *cue, struct cue_feats *e);

/* The features of cue, a gazetteer lookup, kept in c->cuef by the address
 * of its features. */
static inline const struct cue_feats *cue_feats(const struct actx *c, const struct ws_annot *cue)
{
	size_t h = (size_t)(((uintptr_t)cue->feat * 0x9E3779B97F4A7C15ULL) >> (64 - CUE_FEATS_SHIFT));
	struct cue_feats *e = &c->cuef[h];
	if (e->feat != cue->feat || e->nfeat != cue->nfeat)
		cue_decode(c, cue, e);
	return e;
}

/* attrib_speakers.c: speakers */
extern const char *const np_stop[];
extern const char *const prepositions[];
int32_t resolve_pronoun(const struct actx *c, const char *g, uint32_t pos);
int description_starting(const struct actx *c, size_t start, size_t *m1, size_t *head);
size_t run_forward(const struct actx *c, size_t i);
void set_entity(const struct actx *c, struct speaker *s, int32_t e, enum sieve sv);
void unknown_speakers(struct actx *c);
int32_t fallback_entity(struct ws_doc *d, size_t m0, size_t m1);
int np_head(const struct actx *c, size_t h);
int numberish(const struct actx *c, size_t k);
struct speaker speaker_before(struct actx *c, size_t end, enum sieve named);
struct speaker speaker_after(struct actx *c, size_t start, enum sieve named);
struct speaker speaker_at(struct actx *c, size_t start, enum sieve named, int at_sent_start);
/* What speaker_after(c, start, named) leaves in the document (entities
 * made or renamed, places retyped), for a frame that makes no statement
 * whatever speaker it finds: the document ends as if it had searched. */
void speaker_after_effects(struct actx *c, size_t start, enum sieve named);

/* attrib_contents.c: contents */
extern const char *const interjections[];
extern const char *const subordinators[];
size_t skip_recipient(const struct actx *c, const struct ws_annot *cue, size_t t);
size_t sentence_content_end(const struct actx *c, size_t s);
void fill_content(const struct actx *c, size_t t0, size_t t1, struct content *ct);
size_t time_phrase_before(const struct actx *c, size_t end);
size_t time_phrase_after(const struct actx *c, size_t t);
size_t content_after_end(const struct actx *c, size_t from);
int is_adjunct(const struct actx *c, size_t t);
int has_aux(const struct actx *c, size_t t0, size_t t1);
int finite_clause(const struct actx *c, size_t t0, size_t t1);
int content_after(const struct actx *c, size_t c1, const struct ws_annot *cue,
		  int needs_clause, struct content *ct);
int content_before(const struct actx *c, size_t m0, size_t after, struct content *ct);
/* Where the frame whose mention starts at m0 starts (past a title before
 * the mention, or an "as"), when a content can end before it: a quote
 * closes or a comma stands there, in the paragraph and the sentence; 0
 * when none can. content_before(c, m0, ...) is 0 whatever the frame's
 * end, when this is. */
size_t content_before_frame(const struct actx *c, size_t m0);

/* attrib_frames.c: frames */
int speech_verb(const struct actx *c, const struct ws_annot *cue);
size_t skip_before_cue(const struct actx *c, size_t c0);
struct speaker sentence_subject(struct actx *c, size_t t);
size_t clause_start(const struct actx *c, size_t t);
void frame_at(struct actx *c, size_t i);

/* attrib_nominal.c: the nominal sieve */
void nominal_cues(struct actx *c);

/* attrib_quotes.c: quote and paragraph sieves */
size_t tok_at_byte(const struct actx *c, uint32_t off);
void loose_quotes(struct actx *c);
size_t label_at(struct actx *c, size_t first);
size_t headline_at(struct actx *c, size_t first);
int is_heading(const struct actx *c, uint32_t para);

#endif
