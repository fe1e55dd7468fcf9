/* Attribution's word tests (see attrib_int.h): a token against a word
 * list (kept as hash sets per thread), the gazetteer's lookups at a token,
 * capitals, plurals and possessives, and a cue's span with its
 * auxiliaries. */
#include "attrib_int.h"

#include <stdlib.h>
#include <string.h>

/* word_in() asks the same few word lists about most tokens. Each thread
 * gives every list it meets a bit (in its entry of wordsets[]) and keeps
 * one table of all their words of 1 to 8 bytes (ASCII letters folded,
 * packed in a word) and one of their longer words, each with the bits of
 * the lists that hold it: a question is then one probe and a bit test,
 * whatever the list. A list whose words do not fit the tables, or that
 * holds an empty word, is compared one by one. */
#define WSET_LISTS 1024	/* entries for lists, by address: 2^WSET_SHIFT */
#define WSET_SHIFT 10
#define WSET_MET 96	/* lists met at most; more are compared one by one */
#define WSET_BITS 63	/* lists kept at most (bit 63: WBITS_KNOWN) */
#define WTAB_SLOTS 4096	/* a power of two; kept at most 3/4 full */
#define LTAB_SLOTS 1024	/* the same, for words of more than 8 bytes */

struct wordset {
	const char *const *list;	/* NULL: a free entry */
	uint8_t kept;			/* 0: not in the tables, compared one by one */
	uint8_t others;			/* some word is empty: compared one by one */
	uint8_t fast;			/* kept and no empty word: the bit answers */
	uint8_t bit;			/* the list's bit, when kept */
};

struct wordtab {
	uint64_t key[WTAB_SLOTS];
	uint64_t lists[WTAB_SLOTS];	/* the bits of the lists that hold the word */
	uint8_t len[WTAB_SLOTS];	/* 0: an empty slot */
	size_t n;
	unsigned nbits;			/* lists kept so far */
};

/* The words of more than 8 bytes, by fold_slot(): found by a compare
 * with the word, letters folded. */
struct longtab {
	const char *word[LTAB_SLOTS];	/* NULL: an empty slot */
	size_t len[LTAB_SLOTS];
	uint64_t lists[LTAB_SLOTS];
	size_t n;
};

static _Thread_local struct wordset wordsets[WSET_LISTS];
/* Every list met has the entry its address hashes to (by wset_mul):
 * word_in() looks there only, so a list never takes the slow path for
 * where the linker put it beside another. When a list's entry is taken,
 * a multiplier under which all the lists met have entries of their own
 * replaces this one (wordset_rehome()). */
static _Thread_local uint64_t wset_mul = 0x9E3779B97F4A7C15ULL;
static _Thread_local size_t wset_n;		/* lists met */
static _Thread_local size_t wset_slow;		/* word_in_slow() calls */
static _Thread_local struct wordtab wordtab;
static _Thread_local struct longtab longtab;

/* A token's bits in the tables, as c->wbits keeps them (attrib_int.h):
 * this bit marks them found, so that 0 is "not asked yet". */
#define WBITS_KNOWN (1ULL << 63)

static uint64_t fold_pack(const unsigned char *s, size_t n)
{
	uint64_t v = 0;
	for (size_t k = 0; k < n; k++)
		v |= (uint64_t)ascii_lower(s[k]) << (8 * k);
	return v;
}

/* The eight bytes of v with ASCII 'A'..'Z' lowered, all at once (a
 * byte's low seven bits plus 0x3f reach 0x80 from 'A' on, plus 0x25 from
 * past 'Z'; no byte carries into the next, and bytes >= 0x80 are left
 * alone). */
static inline uint64_t fold8(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101ULL, hi = ones * 0x80;
	uint64_t x = v & ~hi;
	uint64_t upper = (x + ones * 0x3f) & ~(x + ones * 0x25) & ~v & hi;
	return v | upper >> 2;
}

/* fold_pack() of a token's n <= 8 bytes, the bytes up to end readable:
 * one load and fold8(). */
static inline uint64_t fold_token(const char *s, size_t n, const char *end)
{
	return fold8(ws_pack_short(s, n, end));
}

static size_t wordtab_slot(uint64_t v, size_t n)
{
	return (size_t)(((v ^ n) * 0x9E3779B97F4A7C15ULL) >> 52) & (WTAB_SLOTS - 1);
}

/* The bits of the lists that hold the packed word v of n bytes. */
static inline uint64_t wordtab_get(uint64_t v, size_t n)
{
	const struct wordtab *t = &wordtab;
	for (size_t x = wordtab_slot(v, n); t->len[x]; x = (x + 1) & (WTAB_SLOTS - 1))
		if (t->len[x] == n && t->key[x] == v)
			return t->lists[x];
	return 0;
}

static void wordtab_add(uint64_t v, size_t n, uint64_t bit)
{
	struct wordtab *t = &wordtab;
	size_t x = wordtab_slot(v, n);
	for (; t->len[x]; x = (x + 1) & (WTAB_SLOTS - 1))
		if (t->len[x] == n && t->key[x] == v) {
			t->lists[x] |= bit;
			return;
		}
	t->key[x] = v;
	t->len[x] = (uint8_t)n;
	t->lists[x] = bit;
	t->n++;
}

/* The slot of a word of n > 8 bytes: its first and last eight bytes,
 * folded, and its length (no pass over its bytes). */
static size_t fold_slot(const char *s, size_t n)
{
	uint64_t a, b;
	memcpy(&a, s, 8);
	memcpy(&b, s + n - 8, 8);
	uint64_t h = (fold8(a) * 0x9E3779B97F4A7C15ULL) ^ ((fold8(b) + n) * 0xC2B2AE3D27D4EB4FULL);
	return (size_t)((h * 0x9E3779B97F4A7C15ULL) >> 54) & (LTAB_SLOTS - 1);
}

static int fold_eq(const char *a, const char *b, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (ascii_lower((unsigned char)a[k]) != ascii_lower((unsigned char)b[k]))
			return 0;
	return 1;
}

/* The bits of the lists that hold the word s of n > 8 bytes. */
static uint64_t longtab_get(const char *s, size_t n)
{
	const struct longtab *t = &longtab;
	for (size_t x = fold_slot(s, n); t->word[x]; x = (x + 1) & (LTAB_SLOTS - 1))
		if (t->len[x] == n && fold_eq(t->word[x], s, n))
			return t->lists[x];
	return 0;
}

static void longtab_add(const char *s, size_t n, uint64_t bit)
{
	struct longtab *t = &longtab;
	size_t x = fold_slot(s, n);
	for (; t->word[x]; x = (x + 1) & (LTAB_SLOTS - 1))
		if (t->len[x] == n && fold_eq(t->word[x], s, n)) {
			t->lists[x] |= bit;
			return;
		}
	t->word[x] = s;
	t->len[x] = n;
	t->lists[x] = bit;
	t->n++;
}

/* Gives list its entry w: a bit and its words in the tables, when there
 * is room. Once a list, so out of line. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void wordset_add(const struct actx *c, struct wordset *w, const char *const *list)
{
	w->list = list;
	size_t count = 0, nlong = 0;
	for (; list[count]; count++)
		nlong += strlen(list[count]) > 8;
	if ((wordtab.n + count) * 4 > WTAB_SLOTS * 3 ||
	    (longtab.n + nlong) * 4 > LTAB_SLOTS * 3 || wordtab.nbits == WSET_BITS)
		return;	/* not kept */
	w->kept = 1;
	w->bit = (uint8_t)wordtab.nbits++;
	for (size_t j = 0; j < count; j++) {
		size_t n = strlen(list[j]);
		if (n == 0)
			w->others = 1;
		else if (n > 8)
			longtab_add(list[j], n, 1ULL << w->bit);
		else
			wordtab_add(fold_pack((const unsigned char *)list[j], n), n, 1ULL << w->bit);
	}
	w->fast = !w->others;
	/* the bits found so far lack the new list's */
	memset(c->wbits, 0, c->ntok * sizeof(c->wbits[0]));
}

static size_t wordset_hash(const char *const *list)
{
	/* the lists are static arrays near each other: their addresses
	 * differ in a few low bits, which the product spreads to the top */
	return (size_t)(((uintptr_t)list * wset_mul) >> (64 - WSET_SHIFT));
}

/* A multiplier under which the lists met and list have entries of their
 * own, and the entries moved there; 0 when none was found. With at most
 * WSET_MET lists in WSET_LISTS entries a few hundred tries find one (at
 * 96 lists about one try in 90 does); once per list at most. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int wordset_rehome(const char *const *list)
{
	static _Thread_local struct wordset met[WSET_MET];
	size_t n = 0;
	for (size_t k = 0; k < WSET_LISTS; k++)
		if (wordsets[k].list)
			met[n++] = wordsets[k];
	uint64_t mul = wset_mul;
	for (int tries = 0; tries < 100000; tries++) {
		/* the next odd multiplier of a Weyl sequence: spread out */
		mul = (mul + 0x6A09E667F3BCC908ULL) | 1;
		uint64_t used[WSET_LISTS / 64] = { 0 };
		size_t k, h = (size_t)(((uintptr_t)list * mul) >> (64 - WSET_SHIFT));
		used[h >> 6] |= 1ULL << (h & 63);
		for (k = 0; k < n; k++) {
			h = (size_t)(((uintptr_t)met[k].list * mul) >> (64 - WSET_SHIFT));
			if (used[h >> 6] >> (h & 63) & 1)
				break;
			used[h >> 6] |= 1ULL << (h & 63);
		}
		if (k < n)
			continue;
		wset_mul = mul;
		memset(wordsets, 0, sizeof(wordsets));
		for (k = 0; k < n; k++)
			wordsets[wordset_hash(met[k].list)] = met[k];
		return 1;
	}
	return 0;
}

/* The list's entry, made on first use; NULL when more lists than
 * WSET_MET have been met. */
static const struct wordset *wordset_of(const struct actx *c, const char *const *list)
{
	struct wordset *w = &wordsets[wordset_hash(list)];
	if (w->list == list)
		return w;
	if (wset_n == WSET_MET)
		return NULL;
	if (w->list) {
		if (!wordset_rehome(list))
			return NULL;
		w = &wordsets[wordset_hash(list)];
	}
	wset_n++;
	wordset_add(c, w, list);
	return w;
}

size_t word_in_slow_calls(void)
{
	return wset_slow;
}

/* token_bits() for a token not asked about yet: found and kept in
 * c->wbits. Out of line, so that the kept answers save no registers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint64_t token_bits_find(const struct actx *c, size_t i)
{
	size_t n = tok_len(c, i);
	uint64_t bits = n - 1 < 8 ? wordtab_get(fold_token(tok_text(c, i), n, c->d->text + c->d->len), n)
			: n ? longtab_get(tok_text(c, i), n) : 0;
	c->wbits[i] = bits | WBITS_KNOWN;
	if (c->wfound->n < WFOUND)
		c->wfound->tok[c->wfound->n] = (uint32_t)i;
	c->wfound->n++;
	return bits | WBITS_KNOWN;
}

/* The tables' bits of token i < c->ntok (none for an empty token: no kept
 * list without an empty word holds it), and WBITS_KNOWN. */
static inline uint64_t token_bits(const struct actx *c, size_t i)
{
	uint64_t b = c->wbits[i];
	return b ? b : token_bits_find(c, i);
}

/* word_in() for a list not yet met or not kept, or holding an empty word:
 * the list made and kept, or the words compared one by one. Out of line,
 * so that word_in() saves no registers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int word_in_slow(const struct actx *c, size_t i, const char *const *list)
{
	wset_slow++;
	size_t n = tok_len(c, i);
	const struct wordset *w = wordset_of(c, list);
	if (w && w->fast)
		return (int)(token_bits(c, i) >> w->bit & 1);
	const unsigned char *t = (const unsigned char *)tok_text(c, i);
	unsigned char first = n ? ascii_lower(t[0]) : 0;
	for (int k = 0; list[k]; k++) {
		const unsigned char *lit = (const unsigned char *)list[k];
		if (ascii_lower(lit[0]) != first || (!lit[0] && n))
			continue;
		if (!n)
			return 1;	/* both empty */
		size_t j = 1;
		while (j < n && lit[j] && ascii_lower(t[j]) == ascii_lower(lit[j]))
			j++;
		if (j == n && !lit[j])
			return 1;
	}
	return 0;
}

/* Lists asked about together, as one (word_in_any()): the bits of its
 * lists in the tables, when all of them are kept there and none holds an
 * empty word (ok); by address, as the lists' entries. */
#define WGROUPS 32	/* a power of two */

struct wgroup {
	const char *const *const *lists;	/* NULL: a free entry */
	uint64_t mask;
	int ok;
};

static _Thread_local struct wgroup wgroups[WGROUPS];

static size_t wgroup_hash(const char *const *const *lists)
{
	return (size_t)(((uintptr_t)lists * 0x9E3779B97F4A7C15ULL) >> 59);
}

/* The group's entry, made on first use (its lists too); NULL when there
 * is no room. Once a group, so out of line. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static const struct wgroup *wgroup_of(const struct actx *c, const char *const *const *lists)
{
	size_t h = wgroup_hash(lists);
	for (size_t k = 0; k < WGROUPS; k++) {
		struct wgroup *g = &wgroups[(h + k) & (WGROUPS - 1)];
		if (g->lists == lists)
			return g;
		if (g->lists)
			continue;
		g->lists = lists;
		g->ok = 1;
		for (size_t j = 0; lists[j]; j++) {
			const struct wordset *w = wordset_of(c, lists[j]);
			if (!w || !w->fast)
				g->ok = 0;
			else
				g->mask |= 1ULL << w->bit;
		}
		return g;
	}
	return NULL;
}

int word_in_any(const struct actx *c, size_t i, const char *const *const *lists)
{
	if (i >= c->ntok)
		return 0;
	const struct wgroup *g = &wgroups[wgroup_hash(lists)];
	if (g->lists != lists)
		g = wgroup_of(c, lists);
	if (g && g->ok)
		return (token_bits(c, i) & g->mask) != 0;
	for (size_t j = 0; lists[j]; j++)
		if (word_in(c, i, lists[j]))
			return 1;
	return 0;
}

/* Whether the token is one of list, as lower_is() compares: the token's
 * bits (c->wbits, else a probe of the tables) and a bit test when the
 * list is kept. */
int word_in(const struct actx *c, size_t i, const char *const *list)
{
	if (i >= c->ntok)
		return 0;
	const struct wordset *w = &wordsets[wordset_hash(list)];
	if (w->list == list && w->fast)
		return (int)(token_bits(c, i) >> w->bit & 1);
	return word_in_slow(c, i, list);
}

/* A lookup of major/minor (minor may be NULL) that starts at first and ends
 * at last (0: any end); returns it or NULL. */
const struct ws_annot *lookup_at(const struct actx *c, size_t first, size_t last,
				 const char *major, const char *minor)
{
	if (first >= c->ntok)
		return NULL;
	int32_t lo = ws_tokmap_get(&c->lookup_map, first);
	if (lo < 0)
		return NULL;
	for (size_t k = (size_t)lo; k < c->nlookups && c->d->gaz.v[k].first == first; k++) {
		const struct ws_annot *a = &c->d->gaz.v[k];
		if (last && a->last != last)
			continue;
		if (ws_annot_get(a, c->nm.major) != major)
			continue;
		if (minor && ws_annot_get(a, c->nm.minor) != minor)
			continue;
		return a;
	}
	return NULL;
}

int lookup_at_any(const struct actx *c, size_t first, size_t last, const char *const (*pairs)[2],
		  size_t npairs)
{
	if (first >= c->ntok)
		return 0;
	int32_t lo = ws_tokmap_get(&c->lookup_map, first);
	if (lo < 0)
		return 0;
	for (size_t k = (size_t)lo; k < c->nlookups && c->d->gaz.v[k].first == first; k++) {
		const struct ws_annot *a = &c->d->gaz.v[k];
		if (last && a->last != last)
			continue;
		const char *major = ws_annot_get(a, c->nm.major);
		for (size_t p = 0; p < npairs; p++)
			if (major == pairs[p][0] &&
			    (!pairs[p][1] || ws_annot_get(a, c->nm.minor) == pairs[p][1]))
				return 1;
	}
	return 0;
}

/* A lookup of major/minor that ends at token last - 1 (searching starts up
 * to 8 tokens back). */
const struct ws_annot *lookup_ending(const struct actx *c, size_t last, const char *major,
				     const char *minor)
{
	/* the bits of the lookups asked about, where attribution keeps them */
	const uint64_t *ends = c->lookup_end;
	if (!major)
		;
	else if (major == c->nm.time && !minor)
		ends = c->time_end;
	else if (major == c->nm.source && minor && minor == c->nm.anonymous)
		ends = c->anon_end;
	else if (major == c->nm.person && minor && minor == c->nm.group)
		ends = c->group_end;
	if (last > c->ntok || !(ends[last >> 6] >> (last & 63) & 1))
		return NULL;	/* most tokens: no such lookup ends there */
	for (size_t f = last; f-- > 0 && last - f <= 8;) {
		if (!(c->lookup_map.bits[f >> 6] >> (f & 63) & 1))
			continue;	/* no lookup starts there: lookup_at() says no */
		const struct ws_annot *a = lookup_at(c, f, last, major, minor);
		if (a)
			return a;
	}
	return NULL;
}

const struct ws_word *pronoun_at(const struct actx *c, size_t i)
{
	if (i >= c->ntok || tok(c, i)->kind != WS_TOK_WORD)
		return NULL;
	return ws_wordlist_get(c->d->eng->pronouns, tok_text(c, i), tok_len(c, i));
}

int is_particle(const struct actx *c, size_t i)
{
	return tok(c, i)->kind == WS_TOK_WORD &&
	       ws_wordlist_get(c->d->eng->particles, tok_text(c, i), tok_len(c, i));
}

int is_starter(const struct actx *c, size_t i)
{
	return ws_wordlist_get(c->d->eng->starters, tok_text(c, i), tok_len(c, i)) !=
	       NULL;
}

/* We've, You'll, I'd, They're: a pronoun with a verb, never a name. The
 * tails 'll 've 're 'd 'm, with a straight or curly apostrophe; the last
 * byte tells which tail a word may have. */
int is_contraction(const struct actx *c, size_t i)
{
	const unsigned char *s = (const unsigned char *)tok_text(c, i);
	size_t n = tok_len(c, i), tl;
	if (n < 2)
		return 0;
	switch (s[n - 1]) {
	case 'l':
		if (s[n - 2] != 'l')
			return 0;
		tl = 2;
		break;
	case 'e':
		if (s[n - 2] != 'v' && s[n - 2] != 'r')
			return 0;
		tl = 2;
		break;
	case 'd':
	case 'm':
		tl = 1;
		break;
	default:
		return 0;	/* most words */
	}
	return n > tl + 1 &&
	       (s[n - tl - 1] == '\'' ||
		(n > tl + 3 && s[n - tl - 3] == 0xE2 && s[n - tl - 2] == 0x80 && s[n - tl - 1] == 0x99));
}

int is_cap(const struct actx *c, size_t i)
{
	return capital_word(tok(c, i)) &&	/* (most words fail here) */
	       !is_contraction(c, i) && !pronoun_at(c, i) && CUE_AT(c, i) < 0;
}

/* A capitalised word that may stand in a name, cue words included ("The
 * Washington Post"). */
int name_word(const struct actx *c, size_t i)
{
	const struct ws_token *t = tok(c, i);
	return t->kind == WS_TOK_WORD && t->shape != WS_SHAPE_LOWER && t->shape != WS_SHAPE_DIGITS &&
	       !pronoun_at(c, i) && !is_contraction(c, i);
}

/* "members", "officials": a plural by its final s ("press" is not). */
int plural_word(const struct actx *c, size_t i)
{
	const char *w = tok_text(c, i);
	size_t n = tok_len(c, i);
	return n >= 2 && w[n - 1] == 's' && w[n - 2] != 's';
}

/* ---- cues ---- */

const char *const determiners[] = {
	"the", "a", "an", "this", "that", "these", "those", "his", "her", "their",
	"its", "our", "my", "your", "whose", "every", "each", "any", "no", NULL
};

int is_determiner(const struct actx *c, size_t i)
{
	return word_in(c, i, determiners);
}

/* Clinton's, Trump’s, the candidates' */
const char *const quantifiers[] = {
	"some", "many", "most", "several", "few", "both", "all", "other", "two", "three", NULL
};

/* A plural noun reading of a cue word: "advocates", "critics", not "says". */
int noun_plural(const struct actx *c, size_t i)
{
	return tok(c, i)->shape == WS_SHAPE_LOWER && tok_ends(c, i, "s", 4) &&
	       !tok_ends(c, i, "ss", 4) && !lower_is(c, i, "says");
}

int is_possessive(const struct actx *c, size_t i)
{
	const char *s = tok_text(c, i);
	size_t n = tok_len(c, i);
	if (tok(c, i)->kind != WS_TOK_WORD || n < 2)
		return 0;
	return (n > 2 && (memcmp(s + n - 2, "'s", 2) == 0 || memcmp(s + n - 2, "'S", 2) == 0)) ||
	       (n > 4 && memcmp(s + n - 4, "\xE2\x80\x99s", 4) == 0) ||
	       s[n - 1] == '\'' || (n > 3 && memcmp(s + n - 3, "\xE2\x80\x99", 3) == 0);
}

void cue_decode(const struct actx *c, const struct ws_annot *cue, struct cue_feats *e)
{
	const struct names *nm = &c->nm;
	memset(e, 0, sizeof(*e));
	e->feat = cue->feat;
	e->nfeat = cue->nfeat;
	/* backwards: the first of a key, as ws_annot_get() finds, is set last */
	for (uint32_t k = cue->nfeat; k-- > 0;) {
		const char *key = cue->feat[k].key, *v = cue->feat[k].value;
		if (key == nm->lemma)
			e->lemma = v;
		else if (key == nm->category)
			e->category = v;
		else if (key == nm->speaker)
			e->speaker = v;
		else if (key == nm->object)
			e->object = v;
		else if (key == nm->nonresponse)
			e->nonresponse = v;
		else if (key == nm->ambiguous)
			e->ambiguous = v;
		else if (key == nm->infinitive)
			e->infinitive = v;
		else if (key == nm->canonical)
			e->canonical = v;
	}
}

/* The cue at token i, with the auxiliaries and adverbs before it that belong
 * to it ("has said", "was also quoted as saying"): [*c0, *c1). */
const struct ws_annot *cue_span(const struct actx *c, size_t i, size_t *c0, size_t *c1)
{
	if (CUE_AT(c, i) < 0)
		return NULL;
	/* "States", "Press": a capitalised word inside a sentence is a name */
	if (tok(c, i)->shape != WS_SHAPE_LOWER && !(tok(c, i)->flags & WS_TF_SENT_START))
		return NULL;
	const struct ws_annot *a = &c->d->gaz.v[CUE_AT(c, i)];
	static const char *const aux[] = {
		"has", "have", "had", "is", "was", "were", "are", "been", "will", "would", "also",
		"later", "previously", "repeatedly", "reportedly", "then", "again", "once",
		"publicly", "privately", "recently", "already", "still", "further", "not", "never",
		"did", "does", "do", "apparently", "probably", "actually", "long", "since", "just",
		"often", "earlier", "first", "initially", "always", "ever", "even", "now",
		"doesn't", "don't", "didn't", "hasn't", "haven't", "hadn't", "won't", "wouldn't",
		"doesn\xE2\x80\x99t", "don\xE2\x80\x99t", "didn\xE2\x80\x99t", "hasn\xE2\x80\x99t",
		"haven\xE2\x80\x99t", "hadn\xE2\x80\x99t", "won\xE2\x80\x99t", "wouldn\xE2\x80\x99t",
		NULL
	};
	size_t s = i;
	for (int steps = 0; s > 0 && steps < 3 && same_sent(c, s - 1, i); steps++) {
		int hit = word_in(c, s - 1, aux);
		/* "are quietly saying": an adverb inside the verb group, when
		 * an auxiliary stands before it */
		if (!hit && s > 1 && tok(c, s - 1)->shape == WS_SHAPE_LOWER && tok_ends(c, s - 1, "ly", 5) &&
		    CUE_AT(c, s - 1) < 0 && same_sent(c, s - 2, i))
			hit = word_in(c, s - 2, aux);
		if (!hit)
			break;
		s--;
	}
	/* "Trump's tweet", "That comment", "the remarks": a noun, not a verb;
	 * so is a plural after a quantifier ("Some advocates for ...") */
	if (s > 0 && same_sent(c, s - 1, i) && (is_determiner(c, s - 1) || is_possessive(c, s - 1)))
		return NULL;
	if (s == i && s > 0 && same_sent(c, s - 1, i) && word_in(c, s - 1, quantifiers) &&
	    noun_plural(c, i))
		return NULL;
	*c0 = s;
	*c1 = a->last;
	return a;
}
