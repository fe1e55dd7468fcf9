/* Entities (see entities.h). Mentions come from annotations; clustering is
 * by the last word of a name with particles stripped (al-Assad ~ Assad),
 * the fullest mention without its title naming the cluster. */
#include "entities.h"
#include "doc.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Documents of up to this many tokens leave the builder's tables to the
 * next; a bigger one frees them. */
#define ENT_KEEP_TOKENS 65536

struct names {
	const char *person, *org, *title, *gender, *female, *male, *apposition, *determiner;
	const char *modifier, *major, *place, *minor, *first_name, *surname;
};

/* The engine's names entities compare with: looked up at the document's
 * first build and kept in d->enames, as the engine never changes. */
static void find_names(struct ws_doc *d, struct names *out)
{
	if (d->enames) {
		*out = *(const struct names *)d->enames;
		return;
	}
	struct names *n = d->enames = ws_xmalloc(sizeof(*n));
	const struct ws_symtab *st = d->eng->syms;
	n->person = ws_sym_find(st, "Person", 6);
	n->org = ws_sym_find(st, "Organization", 12);
	n->title = ws_sym_find(st, "PersonTitle", 11);
	n->gender = ws_sym_find(st, "gender", 6);
	n->female = ws_sym_find(st, "female", 6);
	n->male = ws_sym_find(st, "male", 4);
	n->apposition = ws_sym_find(st, "Apposition", 10);
	n->determiner = ws_sym_find(st, "Determiner", 10);
	n->modifier = ws_sym_find(st, "Modifier", 8);
	n->major = ws_sym_find(st, "major", 5);
	n->place = ws_sym_find(st, "place", 5);
	n->minor = ws_sym_find(st, "minor", 5);
	n->first_name = ws_sym_find(st, "first_name", 10);
	n->surname = ws_sym_find(st, "surname", 7);
	*out = *n;
}

/* The clustering key of a name's last token: without a particle prefix or
 * a possessive ending (Trump's is Trump). */
static inline __attribute__((always_inline)) void key_of(const struct ws_doc *d, uint32_t tok,
							 const char **k, size_t *kn)
{
	const char *s = ws_tok_text(d, tok);
	size_t n = ws_possessive_len(s, ws_tok_len(d, tok));
	/* most keys: a word of at most eight bytes and no hyphen, which one
	 * load tells (the bytes past the word are none of them) */
	const char *h = NULL;
	if (n > 8) {
		h = memchr(s, '-', n);
	} else {
		const uint64_t ones = 0x0101010101010101ULL;
		uint64_t x = ws_pack_short(s, n, d->text + d->len) ^ ones * '-';
		if ((x - ones) & ~x & ones * 0x80)
			h = memchr(s, '-', n);
	}
	if (h && ws_wordlist_get(d->eng->particles, s, (size_t)(h - s))) {
		n -= (size_t)(h + 1 - s);
		s = h + 1;
	}
	*k = s;
	*kn = n;
}

/* The type is left out of the hash: an entity's type may change (an
 * unknown speaker turns out to be a person), its key never does. No
 * table's order reaches the output: a key's chain is searched from its
 * start, so any hash will do, and ws_hash_bytes() takes eight bytes a
 * round. */
static uint64_t hash_key(const char *s, size_t n)
{
	return ws_hash_bytes(s, n);
}

/* An entity's clustering key: a person's (or an unknown speaker's) last
 * name word, an organisation's whole name. */
static void entity_key(const struct ws_doc *d, size_t e, const char **k, size_t *n)
{
	const struct ws_entity *en = &d->ents.v[e];
	if (en->type == WS_SP_ORGANIZATION || en->type == WS_SP_PLACE) {
		*k = d->text + en->name.start;
		*n = en->name.end - en->name.start;
	} else {
		key_of(d, d->ent_key.v[e], k, n);
	}
}

static void ekey_put(struct ws_doc *d, int32_t e)
{
	const char *k;
	size_t n;
	entity_key(d, (size_t)e, &k, &n);
	size_t mask = d->ekey.n - 1;
	size_t i = (size_t)hash_key(k, n) & mask;
	while (d->ekey.v[i] >= 0)
		i = (i + 1) & mask;
	d->ekey.v[i] = e;
}

/* Keeps the key table at most half full: rebuilt when the entities grow. */
static void ekey_grow(struct ws_doc *d)
{
	if (d->ekey.n && d->ents.n * 2 < d->ekey.n)
		return;
	size_t cap = 64;
	while (cap <= d->ents.n * 2)
		cap *= 2;
	WS_VEC_RESERVE(d->ekey, cap);
	d->ekey.n = cap;
	for (size_t i = 0; i < cap; i++)
		d->ekey.v[i] = -1;
	for (size_t e = 0; e < d->ents.n; e++)
		ekey_put(d, (int32_t)e);
}

int32_t ws_entity_find(const struct ws_doc *d, enum ws_speaker_type type, const char *k,
		       size_t n)
{
	if (d->ekey.n == 0)
		return -1;
	size_t mask = d->ekey.n - 1;
	size_t i = (size_t)hash_key(k, n) & mask;
	for (; d->ekey.v[i] >= 0; i = (i + 1) & mask) {
		int32_t e = d->ekey.v[i];
		if (d->ents.v[e].type != type)
			continue;
		const char *ek;
		size_t en;
		entity_key(d, (size_t)e, &ek, &en);
		if (en == n && memcmp(ek, k, n) == 0)
			return e;
	}
	return -1;
}

void ws_entities_compact(struct ws_doc *d)
{
	size_t n = d->ents.n;
	if (n == 0)
		return;
	WS_VEC_RESERVE(d->emap, n);
	int32_t *map = d->emap.v;
	memset(map, 0, n * sizeof(int32_t));
	for (size_t i = 0; i < d->ments.n; i++)
		if (d->ments.v[i].entity >= 0)
			map[d->ments.v[i].entity] = 1;
	for (size_t i = 0; i < d->stmts.n; i++)
		if (d->stmts.v[i].entity >= 0)
			map[d->stmts.v[i].entity] = 1;
	size_t k = 0;
	for (size_t e = 0; e < n; e++) {
		if (!map[e]) {
			map[e] = -1;
			continue;
		}
		map[e] = (int32_t)k;
		d->ents.v[k] = d->ents.v[e];
		d->ent_key.v[k] = d->ent_key.v[e];
		k++;
	}
	if (k < n) {
		d->ents.n = d->ent_key.n = k;
		for (size_t i = 0; i < d->ments.n; i++)
			if (d->ments.v[i].entity >= 0)
				d->ments.v[i].entity = map[d->ments.v[i].entity];
		for (size_t i = 0; i < d->stmts.n; i++)
			if (d->stmts.v[i].entity >= 0)
				d->stmts.v[i].entity = map[d->stmts.v[i].entity];
		d->ekey.n = 0;	/* rebuilt by the next ws_entity_new */
	}
	if (d->emap.cap > ENT_KEEP_TOKENS)
		WS_VEC_FREE(d->emap);
}

int32_t ws_entity_new(struct ws_doc *d, enum ws_speaker_type type, struct ws_span sp,
		      uint32_t keytok)
{
	struct ws_entity en;
	memset(&en, 0, sizeof(en));
	en.type = type;
	en.name = sp;
	en.first = sp;
	WS_VEC_PUSH(d->ents, en);
	WS_VEC_PUSH(d->ent_key, keytok);
	int32_t e = (int32_t)(d->ents.n - 1);
	if (d->ents.n * 2 >= d->ekey.n)
		ekey_grow(d);
	else
		ekey_put(d, e);
	return e;
}

void ws_entity_rename(struct ws_doc *d, int32_t e, struct ws_span sp, uint32_t keytok)
{
	/* the key stays the same (same last word), so the table stays valid;
	 * organisations, keyed by their whole name, are never renamed */
	d->ents.v[e].name = sp;
	d->ent_key.v[e] = keytok;
}

static void push_mention(struct ws_doc *d, struct ws_span sp, int32_t ent, const char *rule,
			 uint32_t first, uint32_t last, int wide)
{
	struct ws_mention m = { sp, ent, rule, 0, wide, WS_SP_UNKNOWN };
	WS_VEC_PUSH(d->ments, m);
	WS_VEC_PUSH(d->ment_tok, first);
	WS_VEC_PUSH(d->ment_tok, last);
}

static void add_mention(struct ws_doc *d, struct ws_span sp, int32_t ent, const char *rule,
			uint32_t first, uint32_t last)
{
	push_mention(d, sp, ent, rule, first, last, 0);
	d->ents.v[ent].mentions++;
}

static struct ws_span span_of(const struct ws_doc *d, uint32_t first, uint32_t last)
{
	struct ws_span sp = { d->tk.tok.v[first].start, d->tk.tok.v[last - 1].end };
	return sp;
}

static int is_comma(const struct ws_doc *d, uint32_t tok)
{
	const struct ws_token *t = &d->tk.tok.v[tok];
	return t->end - t->start == 1 && d->text[t->start] == ',';
}



/* The end of the run of items in order that starts at a. */
static size_t run_end(const struct ws_order_item *v, size_t a, size_t n)
{
	size_t b = a + 1;
	while (b < n && v[b - 1].first <= v[b].first)
		b++;
	return b;
}

/* Sorts items by first token, then index (the indices grow in the order
 * items were added, so a stable sort by first token does). They come in
 * a few runs in order (annotations of one kind, or of one pass, by first
 * token): the runs are merged two by two, a pass at a time, and one run
 * is left as it is. */
static void sort_by_first(struct ws_doc *d, struct ws_order_item *v, size_t n)
{
	if (n < 2 || run_end(v, 0, n) == n)
		return;
	WS_VEC_RESERVE(d->etmp, n);
	struct ws_order_item *tmp = d->etmp.v, *src = v, *dst = tmp;
	for (;;) {
		size_t runs = 0;
		for (size_t a = 0; a < n; runs++) {
			size_t b = run_end(src, a, n), e = b < n ? run_end(src, b, n) : b;
			size_t x = a, y = b, o = a;
			while (x < b && y < e)	/* on a tie the earlier run's first */
				dst[o++] = src[y].first < src[x].first ? src[y++] : src[x++];
			while (x < b)
				dst[o++] = src[x++];
			while (y < e)
				dst[o++] = src[y++];
			a = e;
		}
		struct ws_order_item *sw = src;
		src = dst;
		dst = sw;
		if (runs == 1)
			break;
	}
	if (src != v)
		memcpy(v, src, n * sizeof(*v));
}

/* Sorting buffers of more items than this give their memory back when
 * done with, as a huge document's tables do. */
#define SORT_KEEP_ITEMS 65536

static void sort_buffers_done(struct ws_doc *d)
{
	if (d->eorder.cap > SORT_KEEP_ITEMS || d->etmp.cap > SORT_KEEP_ITEMS ||
	    d->emoved.cap > SORT_KEEP_ITEMS) {
		WS_VEC_FREE(d->eorder);
		WS_VEC_FREE(d->etmp);
		WS_VEC_FREE(d->emoved);
		WS_VEC_FREE(d->emoved_tok);
	}
}

/* For each token, the mention that ends there (the first made), so that
 * finding a speaker's entity costs O(1). */
static void index_mentions(struct ws_doc *d)
{
	size_t n = d->tk.tok.n, had = d->ment_end.cap;
	for (size_t k = 0; k < d->ment_set.n; k++)
		d->ment_end.v[d->ment_set.v[k]] = -1;
	d->ment_set.n = 0;
	WS_VEC_RESERVE(d->ment_end, n + 1);
	for (size_t i = had; i < d->ment_end.cap; i++)
		d->ment_end.v[i] = -1;
	d->ment_end.n = n;
	for (size_t m = 0; m < d->ments.n; m++) {
		uint32_t l = d->ment_tok.v[2 * m + 1];
		if (l > 0 && d->ment_end.v[l - 1] < 0) {
			d->ment_end.v[l - 1] = (int32_t)m;
			WS_VEC_PUSH(d->ment_set, l - 1);
		}
	}
}

/* Token tok's text stands as a whole word inside span sp. */
static int word_in(const struct ws_doc *d, uint32_t tok, struct ws_span sp)
{
	const char *w = ws_tok_text(d, tok);
	size_t n = ws_tok_len(d, tok);
	const char *p = d->text + sp.start, *end = d->text + sp.end;
	while (p + n <= end) {
		const char *hit = memchr(p, w[0], (size_t)(end - p));
		if (!hit || hit + n > end)
			return 0;
		if (memcmp(hit, w, n) == 0 && (hit == d->text + sp.start || hit[-1] == ' ') &&
		    (hit + n == end || hit[n] == ' '))
			return 1;
		p = hit + 1;
	}
	return 0;
}

/* Name keys (a surname, a first name) and the entity each names: open
 * addressing in the document's kept slots (no allocation per document
 * once they are big enough), at most half full, with the keys' lengths
 * (bit 63: 63 or more) and first bytes as a filter: most capitalised
 * words fail it before any hashing. */
struct keytab {
	struct ws_doc *d;
	struct ws_keyslot *slot;
	size_t mask, used;
	uint64_t lens, firsts[4];
};

/* Tables of more slots than this give their memory back when done. */
#define KEYTAB_KEEP 65536

static void keytab_init(struct keytab *kt, struct ws_doc *d, size_t cap)
{
	memset(kt, 0, sizeof(*kt));
	size_t n = 16;
	while (n < 2 * (cap + 1))
		n *= 2;
	WS_VEC_RESERVE(d->eslots, n);
	memset(d->eslots.v, 0, n * sizeof(*d->eslots.v));
	kt->d = d;
	kt->slot = d->eslots.v;
	kt->mask = n - 1;
}

/* The slot of key k[0..n): its own, or the empty one where it would go. */
static struct ws_keyslot *keytab_slot(const struct keytab *kt, const char *k, size_t n)
{
	size_t i = (size_t)hash_key(k, n) & kt->mask;
	for (; kt->slot[i].k; i = (i + 1) & kt->mask)
		if (kt->slot[i].n == n && memcmp(kt->slot[i].k, k, n) == 0)
			break;
	return &kt->slot[i];
}

/* Adds key k[0..n) for entity e, unless a key alike is there: returns
 * that entry, or NULL when k was added. At most the cap keytab_init() was
 * given. */
static struct ws_keyslot *keytab_add(struct keytab *kt, const char *k, size_t n, int32_t e)
{
	struct ws_keyslot *ks = keytab_slot(kt, k, n);
	if (ks->k)
		return ks;
	ks->k = k;
	ks->n = (uint32_t)n;
	ks->ent = e;
	kt->used++;
	unsigned char b0 = n ? (unsigned char)k[0] : 0;
	kt->lens |= 1ULL << (n < 63 ? n : 63);
	kt->firsts[b0 >> 6] |= 1ULL << (b0 & 63);
	return NULL;
}

static inline __attribute__((always_inline)) struct ws_keyslot *
keytab_find(const struct keytab *kt, const char *k, size_t n)
{
	unsigned char b0 = n ? (unsigned char)k[0] : 0;
	if (!(kt->lens >> (n < 63 ? n : 63) & 1) || !(kt->firsts[b0 >> 6] >> (b0 & 63) & 1))
		return NULL;
	struct ws_keyslot *ks = keytab_slot(kt, k, n);
	return ks->k ? ks : NULL;
}

static void keytab_release(struct keytab *kt)
{
	if (kt->mask + 1 > KEYTAB_KEEP)
		WS_VEC_FREE(kt->d->eslots);
}

/* A byte per token, and one more: 1 where a mention covers the token. In
 * the document's kept bytes, until covered_done(). */
static uint8_t *covered_tokens(struct ws_doc *d)
{
	WS_VEC_RESERVE(d->ecovered, d->tk.tok.n + 1);
	uint8_t *covered = d->ecovered.v;
	memset(covered, 0, d->tk.tok.n + 1);
	for (size_t m = 0; m < d->ments.n; m++)
		for (uint32_t t = d->ment_tok.v[2 * m]; t < d->ment_tok.v[2 * m + 1]; t++)
			covered[t] = 1;
	return covered;
}

/* Done with covered_tokens()' bytes: a huge document's go back. */
static void covered_done(struct ws_doc *d)
{
	if (d->ecovered.cap > ENT_KEEP_TOKENS + 1)
		WS_VEC_FREE(d->ecovered);
}

/* In the byte per token of covered_tokens(): a token no mention covers
 * that is a capitalised word (WS_SHAPE_CAP), which first_name_mentions()
 * looks at. */
#define UNCOVERED_CAP 2

/* A lone capitalised word that is a known person's surname is a mention
 * of that person ("Assad said", "Muallem, for his part"). Linear: one
 * pass to mark covered tokens, one hash of surnames. Returns the covered
 * tokens after it, the uncovered capitalised words marked UNCOVERED_CAP
 * (covered_tokens()' bytes), or NULL when no one has a surname. */
static uint8_t *surname_mentions(struct ws_doc *d)
{
	size_t nent = d->ents.n;
	uint8_t *covered = NULL;
	struct keytab kt;
	keytab_init(&kt, d, nent);
	for (size_t e = 0; e < nent; e++) {
		if (d->ents.v[e].type != WS_SP_PERSON)
			continue;
		const char *k;
		size_t kn;
		key_of(d, d->ent_key.v[e], &k, &kn);
		keytab_add(&kt, k, kn, (int32_t)e);
	}
	if (kt.used) {
		covered = covered_tokens(d);
		size_t had = d->ments.n;
		const struct ws_token *tk = d->tk.tok.v;
		/* the capitalised and mixed-case words, as the tokenizer
		 * marked them: no pass over the other tokens */
		const uint64_t *caps = d->tk.caps.v;
		for (size_t w = 0, nw = d->tk.caps.n; w < nw; w++)
		for (uint64_t bits = caps[w]; bits; bits &= bits - 1) {
			uint32_t i = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(bits));
			if (covered[i])
				continue;
			const struct ws_token *t = &tk[i];
			if (t->shape == WS_SHAPE_CAP)
				covered[i] = UNCOVERED_CAP;	/* (this pass reads it as 0) */
			const char *k;
			size_t kn;
			key_of(d, i, &k, &kn);
			struct ws_keyslot *ke = keytab_find(&kt, k, kn);
			if (!ke)
				continue;
			/* "Jaberi Ansari": earlier words of the same name join in */
			uint32_t f = i;
			const struct ws_span full = d->ents.v[ke->ent].name;
			while (f > 0 && covered[f - 1] != 1 && tk[f - 1].kind == WS_TOK_WORD &&
			       tk[f - 1].shape == WS_SHAPE_CAP && tk[f - 1].sent == t->sent &&
			       word_in(d, f - 1, full))
				f--;
			add_mention(d, span_of(d, f, i + 1), ke->ent, "entities:surname", f, i + 1);
		}
		/* what these cover, as covered_tokens() would mark it now */
		for (size_t m = had; m < d->ments.n; m++)
			memset(covered + d->ment_tok.v[2 * m], 1,
			       d->ment_tok.v[2 * m + 1] - d->ment_tok.v[2 * m]);
	}
	keytab_release(&kt);
	return covered;
}

/* Whether a lookup with that feature value starts at token i (a place's
 * name is no one's first name: "Florida", "China"). The lookups come
 * first in d->gaz (d->nlookup of them), sorted by first token. */
static int lookup_starts(const struct ws_doc *d, uint32_t i, const char *key, const char *value)
{
	size_t nl = d->nlookup, lo = 0, hi = nl;
	while (lo < hi) {	/* the first lookup at or after i */
		size_t mid = lo + (hi - lo) / 2;
		if (d->gaz.v[mid].first < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < nl && d->gaz.v[lo].first == i; lo++)
		if (ws_annot_get(&d->gaz.v[lo], key) == value)
			return 1;
	return 0;
}

/* Whether a headline's capitalised words fill paragraph para: four words
 * or more, and of those longer than three letters eight in ten or more
 * capitalised ("Jo Roe Sides With Ann Poe On Taxes"). */
static int title_case(const struct ws_doc *d, uint32_t para)
{
	const struct ws_range *p = &d->tk.para.v[para];
	size_t words = 0, caps = 0;
	for (uint32_t t = p->first; t < p->last && t < p->first + 40; t++) {
		const struct ws_token *k = &d->tk.tok.v[t];
		if (k->kind != WS_TOK_WORD || k->end - k->start <= 3)
			continue;
		words++;
		caps += k->shape != WS_SHAPE_LOWER;
	}
	return words >= 4 && caps * 10 >= words * 8;
}

/* A lone first name that opens exactly one known person's name is a
 * mention of that person ("Hillary said", "what Bernie is talking about"
 * in an article that names Hillary Clinton and Bernie Sanders): a person
 * the lists gave a gender, so the word is a first name; not when a
 * capitalised word follows (another name), nor when two people share it.
 * covered: the covered tokens and the uncovered capitalised words, as
 * surname_mentions() returns them, or NULL. */
static void first_name_mentions(struct ws_doc *d, const struct names *nm, uint8_t *covered)
{
	size_t n = d->tk.tok.n, nent = d->ents.n;
	struct keytab kt;
	keytab_init(&kt, d, nent);
	for (size_t e = 0; e < nent; e++) {
		const struct ws_entity *en = &d->ents.v[e];
		if (en->type != WS_SP_PERSON || !en->gender)
			continue;
		const char *s = d->text + en->name.start, *end = d->text + en->name.end;
		const char *sp = memchr(s, ' ', (size_t)(end - s));
		if (!sp || sp - s < 3 || !(*s >= 'A' && *s <= 'Z'))
			continue;
		int word = 1;
		for (const char *p = s + 1; p < sp && word; p++)
			word = *p >= 'a' && *p <= 'z';
		if (!word)
			continue;
		struct ws_keyslot *old = keytab_add(&kt, s, (size_t)(sp - s), (int32_t)e);
		if (old && old->ent != (int32_t)e)
			old->ent = -1;	/* two people of that first name */
	}
	if (kt.used) {
		const uint64_t *caps = d->tk.caps.v;
		size_t nw = d->tk.caps.n;
		if (!covered) {
			covered = covered_tokens(d);
			for (size_t w = 0; w < nw; w++)
				for (uint64_t bits = caps[w]; bits; bits &= bits - 1) {
					size_t i = w * 64 + (size_t)__builtin_ctzll(bits);
					if (!covered[i] && d->tk.tok.v[i].shape == WS_SHAPE_CAP)
						covered[i] = UNCOVERED_CAP;
				}
		}
		/* the uncovered capitalised words, among those the tokenizer
		 * marked */
		for (size_t w = 0; w < nw; w++)
		for (uint64_t bits = caps[w]; bits; bits &= bits - 1) {
			uint32_t i = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(bits));
			if (covered[i] != UNCOVERED_CAP)
				continue;
			const struct ws_token *t = &d->tk.tok.v[i];
			const char *k;
			size_t kn;
			key_of(d, i, &k, &kn);
			struct ws_keyslot *ke = keytab_find(&kt, k, kn);
			if (!ke || ke->ent < 0 || lookup_starts(d, i, nm->major, nm->place))
				continue;
			const struct ws_token *nx = i + 1 < n ? &d->tk.tok.v[i + 1] : NULL;
			if (nx && nx->sent == t->sent && nx->kind == WS_TOK_WORD &&
			    nx->shape != WS_SHAPE_LOWER && k + kn == d->text + t->end)
				continue;	/* "Hillary Rodham": another name */
			add_mention(d, span_of(d, i, i + 1), ke->ent, "entities:first_name", i, i + 1);
		}
	}
	keytab_release(&kt);
}

/* An Apposition (rules/50-mentions.rules) joined to the person or
 * organisation mention that ends right before it: "Jane Roe, a lawyer for
 * the club," is a second, wider mention of Jane Roe as written, made by the
 * Apposition's rule; it does not count as another mention of her. Chains
 * join in text order: "Rep. Jane Roe (D-Ore.), a lawyer, said". Only the
 * entities marked in only, when it is not NULL. apps: the napps Appositions
 * among the annotations (their first token and index), put in order here.
 * Needs the mentions indexed (ws_mentions_sort); returns whether it added
 * any, and then they must be sorted again (the index holds the new ones out
 * of order). */
static int apposition_mentions(struct ws_doc *d, struct ws_order_item *apps, size_t napps,
			       const uint8_t *only)
{
	if (!napps)
		return 0;
	sort_by_first(d, apps, napps);
	size_t added = 0;
	/* the index of the mentions by last token, kept up to date with the
	 * wide mentions made, so that they chain; the caller sorts them and
	 * index_mentions() then clears every entry set (ment_set) */
	int32_t *ends = d->ment_end.v;
	for (size_t k = 0; k < napps; k++) {
		const struct ws_annot *a = &d->gaz.v[apps[k].idx];
		int32_t m = ends[a->first - 1];
		if (m < 0 || d->ments.v[m].entity < 0 || (only && !only[d->ments.v[m].entity]))
			continue;
		enum ws_speaker_type t = d->ents.v[d->ments.v[m].entity].type;
		if (t != WS_SP_PERSON && t != WS_SP_ORGANIZATION)
			continue;
		uint32_t first = d->ment_tok.v[2 * (size_t)m];
		push_mention(d, span_of(d, first, a->last), d->ments.v[m].entity, a->rule, first,
			     a->last, 1);
		if (ends[a->last - 1] < 0)
			WS_VEC_PUSH(d->ment_set, a->last - 1);
		if (ends[a->last - 1] < 0 ||
		    d->ment_tok.v[2 * (size_t)ends[a->last - 1]] > first)
			ends[a->last - 1] = (int32_t)(d->ments.n - 1);
		added++;
	}
	sort_buffers_done(d);
	return added > 0;
}

/* "the party chairman, Jane Roe, said": a description's wide mention
 * takes the comma that closes the name set off by it, as an apposition
 * does ("Jane Roe, a lawyer,"); not when an apposition carries the mention
 * on ("the party chairman, Jane Roe, a lawyer, said"). desc marks the
 * tokens where a description's wide mention starts. Returns whether it
 * changed any. */
static int close_descriptions(struct ws_doc *d, const uint8_t *desc)
{
	size_t n = d->ments.n, ntok = d->tk.tok.n;
	int changed = 0;
	for (size_t m = 0; m < n; m++) {
		uint32_t f = d->ment_tok.v[2 * m], l = d->ment_tok.v[2 * m + 1];
		if (!d->ments.v[m].wide || !desc[f] || l >= ntok || !is_comma(d, l) ||
		    is_comma(d, l - 1) || d->tk.tok.v[l].sent != d->tk.tok.v[f].sent)
			continue;
		int wider = 0;
		for (size_t k = m; k-- > 0 && d->ment_tok.v[2 * k] == f && !wider;)
			wider = d->ment_tok.v[2 * k + 1] > l;
		for (size_t k = m + 1; k < n && d->ment_tok.v[2 * k] == f && !wider; k++)
			wider = d->ment_tok.v[2 * k + 1] > l;
		if (wider)
			continue;
		d->ment_tok.v[2 * m + 1] = l + 1;
		d->ments.v[m].span.end = d->tk.tok.v[l].end;
		d->ments_indexed = SIZE_MAX;
		changed = 1;
	}
	return changed;
}


/* The builder's tables for nt tokens (at most ENT_KEEP_TOKENS + 1): 3 * nt
 * entries of d->eends, all -1, and nt bytes of d->ebytes, all 0 (as they
 * are left after each document). */
static void tables_reserve(struct ws_doc *d, size_t nt)
{
	/* the size asked for, not a vector's growth: a huge document's
	 * tables are as big as before they were kept */
	if (d->eends.n < 3 * nt) {
		d->eends.v = ws_xrealloc(d->eends.v, 3 * nt * sizeof(*d->eends.v));
		d->eends.cap = 3 * nt;
		for (size_t i = d->eends.n; i < 3 * nt; i++)
			d->eends.v[i] = -1;
		d->eends.n = 3 * nt;
	}
	if (d->ebytes.n < nt) {
		d->ebytes.v = ws_xrealloc(d->ebytes.v, nt);
		d->ebytes.cap = nt;
		memset(d->ebytes.v + d->ebytes.n, 0, nt - d->ebytes.n);
		d->ebytes.n = nt;
	}
}

void ws_entities_build(struct ws_doc *d)
{
	struct names nm;
	find_names(d, &nm);
	if (!nm.person && !nm.org)
		return;
	/* annotations are appended phase by phase: visit them in text order */
	d->eorder.n = d->eapps.n = 0;
	size_t ntok = d->tk.tok.n, nt = ntok + 1;
	/* per token: the title, the longest determiner and the longest
	 * modifier ending there (indices into d->gaz, or -1), and where a
	 * description's wide mention starts; in the document's tables, of
	 * which only the entries set are put back, not the whole; a huge
	 * document has its own, given back as soon as it is done with them */
	int huge = ntok > ENT_KEEP_TOKENS;
	int32_t *title_end, *det_end, *mod_end;
	uint8_t *desc_first;
	if (huge) {
		title_end = ws_xmalloc(nt * sizeof(int32_t));
		det_end = ws_xmalloc(nt * sizeof(int32_t));
		mod_end = ws_xmalloc(nt * sizeof(int32_t));
		desc_first = ws_xcalloc(nt, 1);
		for (size_t i = 0; i < nt; i++)
			title_end[i] = det_end[i] = mod_end[i] = -1;
	} else {
		tables_reserve(d, nt);
		title_end = d->eends.v;
		desc_first = d->ebytes.v;
		det_end = title_end + nt;
		mod_end = det_end + nt;
	}
	size_t ndesc = 0;	/* descriptions' wide mentions made */
	/* (the lookups are none of these) */
	for (size_t i = d->nlookup; i < d->gaz.n; i++) {
		const struct ws_annot *a = &d->gaz.v[i];
		if (a->type && (a->type == nm.person || a->type == nm.org)) {
			struct ws_order_item it = { a->first, (uint32_t)i };
			WS_VEC_PUSH(d->eorder, it);
		}
		else if (a->type && a->type == nm.title && a->last > 0) {
			title_end[a->last - 1] = (int32_t)i;
			WS_VEC_PUSH(d->titles, (uint32_t)i);
			if (!huge)
				WS_VEC_PUSH(d->eset, a->last - 1);
		} else if (a->type && a->type == nm.determiner && a->last > 0 &&
			   (det_end[a->last - 1] < 0 ||
			    d->gaz.v[det_end[a->last - 1]].first > a->first)) {
			det_end[a->last - 1] = (int32_t)i;	/* the longest */
			if (!huge)
				WS_VEC_PUSH(d->eset, a->last - 1);
		} else if (a->type && a->type == nm.modifier && a->last > 0 &&
			   (mod_end[a->last - 1] < 0 ||
			    d->gaz.v[mod_end[a->last - 1]].first > a->first)) {
			mod_end[a->last - 1] = (int32_t)i;	/* the longest */
			if (!huge)
				WS_VEC_PUSH(d->eset, a->last - 1);
		} else if (a->type && a->type == nm.apposition && a->first > 0) {
			struct ws_order_item it = { a->first, (uint32_t)i };
			WS_VEC_PUSH(d->eapps, it);
		}
	}
	d->titles_listed = 1;
	sort_by_first(d, d->eorder.v, d->eorder.n);
	for (size_t oi = 0; oi < d->eorder.n; oi++) {
		const struct ws_annot *a = &d->gaz.v[d->eorder.v[oi].idx];
		/* a name does not run on over a line break: "... A Sign Of
		 * Leadership" then a line "Marco Rubio defended ..." names Marco
		 * Rubio, and what stood before the break is no title of his */
		struct ws_annot cut;
		int broken = 0, tail = 0;
		for (uint32_t t = a->first + 1; a->type == nm.person && t < a->last; t++)
			if (d->tk.tok.v[t].flags & WS_TF_NL_BEFORE) {
				if (!broken)
					cut = *a;
				cut.first = t;
				broken = 1;
			}
		/* a headline's verb is no part of the name before it: "Jo
		 * Roe Sides With Ann Poe" names Jo Roe, up to the last word the
		 * name lists know */
		if (a->type == nm.person && a->last - a->first >= 3 &&
		    title_case(d, d->tk.tok.v[a->first].para)) {
			uint32_t k = a->last - 1;
			while (k > a->first + 1 &&
			       !lookup_starts(d, k, nm.minor, nm.surname) &&
			       !lookup_starts(d, k, nm.minor, nm.first_name))
				k--;
			/* after a line break the name starts there: a word the
			 * lists know before it ends no name */
			if (k > a->first && k + 1 < a->last && (!broken || k >= cut.first) &&
			    (lookup_starts(d, k, nm.minor, nm.surname) ||
			     lookup_starts(d, k, nm.minor, nm.first_name))) {
				if (!broken && !tail)
					cut = *a;
				cut.last = k + 1;
				tail = 1;
			}
		}
		if (broken || tail)
			a = &cut;
		struct ws_span sp = span_of(d, a->first, a->last);
		int32_t ent;
		if (a->type == nm.person) {
			const char *k;
			size_t kn;
			key_of(d, a->last - 1, &k, &kn);
			/* the name without its possessive: "Hillary Clinton's" is
			 * Hillary Clinton */
			sp.end = (uint32_t)(k + kn - d->text);
			ent = ws_entity_find(d, WS_SP_PERSON, k, kn);
			if (ent < 0)
				ent = ws_entity_new(d, WS_SP_PERSON, sp, a->last - 1);
			struct ws_entity *en = &d->ents.v[ent];
			if (sp.end - sp.start > en->name.end - en->name.start)
				ws_entity_rename(d, ent, sp, a->last - 1);
			en = &d->ents.v[ent];
			const char *g = ws_annot_get(a, nm.gender);
			if (!en->gender && g && (g == nm.female || g == nm.male))
				en->gender = g == nm.female ? "female" : "male";
			int32_t ti = a->first > 0 && !broken ? title_end[a->first - 1] : -1;
			if (ti < 0 && a->first > 1 && !broken)
				ti = title_end[a->first - 2];	/* "President Barack Obama" */
			if (ti >= 0 && d->gaz.v[ti].rule == a->rule) {
				struct ws_span ts = span_of(d, d->gaz.v[ti].first, d->gaz.v[ti].last);
				if (ts.end - ts.start > en->title.end - en->title.start)
					en->title = ts;
			}
		} else {
			/* the name without its possessive: "Press TV's" is Press TV */
			uint32_t lt = a->last - 1;
			sp.end = d->tk.tok.v[lt].start +
				 (uint32_t)ws_possessive_len(ws_tok_text(d, lt), ws_tok_len(d, lt));
			ent = ws_entity_find(d, WS_SP_ORGANIZATION, d->text + sp.start,
					     sp.end - sp.start);
			if (ent < 0)
				ent = ws_entity_new(d, WS_SP_ORGANIZATION, sp, a->last - 1);
		}
		/* the mention as written holds its title: "Syrian President
		 * Bashar al-Assad", "Mr. Obama"; the entity's name does not */
		uint32_t mfirst = a->first;
		if (a->type == nm.org && a->first > 0 && det_end[a->first - 1] >= 0 &&
		    !is_comma(d, a->first - 1))
			/* "some Republicans", "72 percent of the Greens" */
			mfirst = d->gaz.v[det_end[a->first - 1]].first;
		else if (a->type == nm.org && a->first > 0 &&
			 d->tk.tok.v[a->first - 1].sent == d->tk.tok.v[a->first].sent &&
			 ws_tok_len(d, a->first - 1) == 3 &&
			 strncasecmp(ws_tok_text(d, a->first - 1), "the", 3) == 0)
			mfirst = a->first - 1;	/* "the Pentagon", "The Times" */
		if (a->type == nm.person && a->first > 0 && !broken) {
			int32_t ti = title_end[a->first - 1];
			if (ti >= 0 && d->gaz.v[ti].rule == a->rule)
				mfirst = d->gaz.v[ti].first;
			/* "CNN's Jane Roe": an organisation or place in the
			 * possessive before the name or its title; "the party
			 * chairman, Jane Roe": a description and a comma */
			int32_t di = mfirst > 0 ? det_end[mfirst - 1] : -1;
			const struct ws_token *bt = mfirst > 0 ? &d->tk.tok.v[mfirst - 1] : NULL;
			/* "election law expert Jane Roe": what she is, before
			 * her title (it keeps its article, below); of it and an
			 * affiliation as long, it ("Acme Jerusalem editor Jane
			 * Roe" needs no possessive) */
			int32_t mi = mfirst > 0 && mfirst != a->first ? mod_end[mfirst - 1] : -1;
			int modifier = mi >= 0 && (di < 0 || d->gaz.v[mi].first <= d->gaz.v[di].first);
			if (modifier)
				di = mi;
			int took = di >= 0 && (modifier || (bt->flags & WS_TF_POSSESSIVE)) &&
				   d->tk.tok.v[d->gaz.v[di].first].sent == d->tk.tok.v[mfirst].sent;
			if (took)
				mfirst = d->gaz.v[di].first;
			/* "the conservative writer Jane Roe": the title keeps
			 * its article, as an organisation does; an affiliation
			 * holds its own ("The Post's Jo Hoe") */
			if ((!took || modifier) && mfirst != a->first && mfirst > 0 &&
			    d->tk.tok.v[mfirst - 1].sent == d->tk.tok.v[mfirst].sent &&
			    ws_tok_len(d, mfirst - 1) == 3 &&
			    strncasecmp(ws_tok_text(d, mfirst - 1), "the", 3) == 0)
				mfirst--;
		}
		add_mention(d, span_of(d, mfirst, a->last), ent, a->rule, mfirst, a->last);
		/* "the party chairman, Jane Roe": a description and a comma
		 * before the name make a wide mention */
		int32_t de = mfirst > 0 ? det_end[mfirst - 1] : -1;
		if (de >= 0 && is_comma(d, mfirst - 1) &&
		    d->tk.tok.v[d->gaz.v[de].first].sent == d->tk.tok.v[mfirst].sent) {
			push_mention(d, span_of(d, d->gaz.v[de].first, a->last), ent,
				     d->gaz.v[de].rule, d->gaz.v[de].first, a->last, 1);
			desc_first[d->gaz.v[de].first] = 1;
			ndesc++;
		}
	}
	sort_buffers_done(d);
	/* the titles, determiners and modifiers are done with: a huge
	 * document gives their memory back before the passes below take
	 * theirs, others put the entries set back */
	if (huge) {
		free(title_end);
		free(det_end);
		free(mod_end);
	} else
		for (size_t k = 0; k < d->eset.n; k++) {
			uint32_t t = d->eset.v[k];
			title_end[t] = det_end[t] = mod_end[t] = -1;
		}
	d->eset.n = 0;
	if (d->eset.cap > SORT_KEEP_ITEMS)
		WS_VEC_FREE(d->eset);
	uint8_t *covered = surname_mentions(d);
	first_name_mentions(d, &nm, covered);
	covered_done(d);
	ws_mentions_sort(d);
	if (apposition_mentions(d, d->eapps.v, d->eapps.n, NULL))
		ws_mentions_sort(d);
	if (d->eapps.cap > SORT_KEEP_ITEMS)
		WS_VEC_FREE(d->eapps);
	if (ndesc && close_descriptions(d, desc_first))
		ws_mentions_sort(d);
	if (huge) {
		free(desc_first);
		return;
	}
	for (size_t i = d->nlookup; i < d->gaz.n && ndesc; i++)
		desc_first[d->gaz.v[i].first] = 0;
}

void ws_entities_appositions(struct ws_doc *d, const uint8_t *only)
{
	struct names nm;
	find_names(d, &nm);
	if (!nm.apposition)
		return;
	d->eorder.n = 0;
	for (size_t i = d->nlookup; i < d->gaz.n; i++)	/* (lookups are no Apposition) */
		if (d->gaz.v[i].type == nm.apposition && d->gaz.v[i].first > 0) {
			struct ws_order_item it = { d->gaz.v[i].first, (uint32_t)i };
			WS_VEC_PUSH(d->eorder, it);
		}
	if (apposition_mentions(d, d->eorder.v, d->eorder.n, only))
		ws_mentions_sort(d);
}

/* Sorts the mentions into text order and indexes them by last token (the
 * entity rules, the surname pass and attribution each append their own). */
static void mentions_sort(struct ws_doc *d);

/* The same span of the same entity twice (the entity rules' "Jane Roe"
 * and attribution's, when a wider mention ends at the same token) is one
 * mention: the later one goes. The mentions are in order of start. */
static void drop_duplicates(struct ws_doc *d)
{
	size_t w = 0;
	for (size_t i = 0; i < d->ments.n; i++) {
		const struct ws_mention *a = &d->ments.v[i];
		int dup = 0;
		for (size_t j = w; j-- > 0 && d->ments.v[j].span.start == a->span.start && !dup;)
			dup = d->ments.v[j].span.end == a->span.end && d->ments.v[j].entity == a->entity;
		if (dup) {
			if (a->entity >= 0)
				d->ents.v[a->entity].mentions--;
			continue;
		}
		if (w != i) {	/* (most often none dropped before it) */
			d->ments.v[w] = *a;
			d->ment_tok.v[2 * w] = d->ment_tok.v[2 * i];
			d->ment_tok.v[2 * w + 1] = d->ment_tok.v[2 * i + 1];
		}
		w++;
	}
	d->ments.n = w;
	d->ment_tok.n = 2 * w;
}

void ws_mentions_sort(struct ws_doc *d)
{
	size_t n = d->ments.n;
	/* no mention added, dropped or changed since the last time (mentions
	 * are only appended, but where close_descriptions() widens one):
	 * sorted, without duplicates and indexed still */
	if (n == d->ments_indexed)
		return;
	mentions_sort(d);
	d->ments_indexed = d->ments.n;
}

static void mentions_sort(struct ws_doc *d)
{
	size_t n = d->ments.n;
	if (n < 2) {
		index_mentions(d);
		return;
	}
	/* the mentions are in runs in order (each pass appends its own to
	 * sorted ones), mostly one */
	size_t k = 1;
	while (k < n && d->ments.v[k - 1].span.start <= d->ments.v[k].span.start)
		k++;
	if (k == n) {
		drop_duplicates(d);
		index_mentions(d);
		return;
	}
	/* by start, on a tie the older first; in the document's kept
	 * buffers */
	WS_VEC_RESERVE(d->eorder, n);
	WS_VEC_RESERVE(d->emoved, n);
	WS_VEC_RESERVE(d->emoved_tok, 2 * n);
	struct ws_order_item *p = d->eorder.v;
	for (size_t i = 0; i < n; i++) {
		p[i].first = d->ments.v[i].span.start;
		p[i].idx = (uint32_t)i;
	}
	sort_by_first(d, p, n);
	struct ws_mention *m = d->emoved.v;
	uint32_t *t = d->emoved_tok.v;
	for (size_t i = 0; i < n; i++) {
		m[i] = d->ments.v[p[i].idx];
		t[2 * i] = d->ment_tok.v[2 * p[i].idx];
		t[2 * i + 1] = d->ment_tok.v[2 * p[i].idx + 1];
	}
	memcpy(d->ments.v, m, n * sizeof(*m));
	memcpy(d->ment_tok.v, t, 2 * n * sizeof(*t));
	sort_buffers_done(d);
	drop_duplicates(d);
	index_mentions(d);
}

/* The first mention that starts at or after byte off (entities.h). */
size_t ws_mention_from(const struct ws_doc *d, uint32_t off)
{
	size_t lo = 0, hi = d->ments.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->ments.v[mid].span.start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

