/* The gazetteer loader and lookup (see gazetteer.h). Every word of every
 * form gets an id in one vocabulary; each match mode (exact, folded,
 * stemmed) is a trie over word ids whose first level hangs off the
 * vocabulary and whose edges live in one open-addressing hash table. A
 * lookup turns each token into word ids once, then walks the tries from
 * every token, so the work is bounded by tokens x longest form. */
#include "gazetteer.h"
#include "buf.h"
#include "text.h"

#include <errno.h>
#include <libstemmer.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

enum { M_EXACT, M_FOLD, M_STEM, MODES };
_Static_assert(M_FOLD == M_EXACT + 1, "the lookup loads both roots at once");

/* Trie nodes are named by handles: the node's index with two flag bits,
 * so a walk reads a node only where an entry ends. */
#define H_ACC  0x80000000u	/* entries end here */
#define H_KIDS 0x40000000u	/* edges leave it */
#define H_NODE 0x3FFFFFFFu

struct word {
	uint32_t root[MODES];	/* handle of the depth-1 node in each mode, 0 for none */
	uint32_t fold;		/* the word of this key case folded, 0 when none */
	uint32_t follows;	/* bit m: some form of mode m has the word after
				 * its first, so a walk of that mode can go on
				 * along it */
};

struct wkey {
	uint32_t off, len;	/* the key in g->wtext */
};

/* A slot of the vocabulary table holds the start of its key, so that a
 * probe usually reads one cache line and not the word and its text too. */
#define SLOT_KEY 11
struct wslot {
	uint32_t id;		/* 0: empty */
	uint8_t len;		/* key length, 255 for 255 and longer */
	char key[SLOT_KEY];	/* the key's first bytes, zero padded */
};

struct edge {
	uint32_t node, word;
	uint32_t child;		/* 0: empty */
};

struct node {
	uint32_t acc;		/* first accepted entry in g->acc (while loading: chain head) */
	uint16_t nacc;
	uint16_t kids;		/* 1 when the node has outgoing edges */
};

struct entry {
	uint32_t feat;		/* first feature in g->feat */
	uint16_t nfeat;
	uint16_t list;
	uint32_t line;		/* for duplicate diagnostics */
	uint32_t cls;		/* ws_annot.cls of its annotations */
	uint32_t nocmp;		/* bit i: no rule names feature i's key, so its
				 * value cannot change cls (see ws_gaz_classify) */
};

/* An entry accepted at a node, with what its annotation needs: a match
 * reads these, side by side for one node, and not the entries, which lie
 * all over memory. */
struct accrec {
	const char *rule;		/* its list's, read here for every annotation */
	const struct ws_feat *feat;	/* in g->feat, which no longer changes once
					 * the records are filled (fill_acc()) */
	uint32_t entry;
	uint32_t nfeat;
	uint32_t cls;
};

/* While loading: accepted entries of a node as a chain. */
struct chain {
	uint32_t entry, next;
	const char *form;	/* as written, in the list file still loaded */
	size_t len;
};

struct ws_gaz {
	WS_VEC(struct ws_gaz_list) lists;
	struct ws_gaz_names names;
	struct ws_buf wtext;			/* every word key, back to back */
	WS_VEC(struct word) words;		/* [0] unused */
	WS_VEC(struct wkey) wkeys;		/* parallel to words */
	uint64_t *filter;			/* one bit per hash of a word: most
						 * tokens are no word and stop here */
	size_t fmask;
	struct wslot *wslot;
	size_t wcap;
	struct edge *edges;
	size_t ecap, nedges;
	WS_VEC(struct node) nodes;		/* [0] unused */
	WS_VEC(struct entry) entries;
	WS_VEC(struct ws_feat) feat;
	struct accrec *acc;			/* accepted entries, per node */
	size_t nacc;
	unsigned modes;				/* 1 << M_* of modes some list uses */
	size_t max_tokens;			/* the longest form, in tokens */
	size_t max_word;			/* the longest word key, in bytes */
	size_t forms;
	WS_VEC(char *) numbers;			/* blocks of numeric values not interned */
	size_t numbers_left;			/* free bytes in the last block */
	unsigned nocmp_fixed;			/* bit i: no rule names the key
						 * fixed_keys[i] */
};

/* The keys every entry has (and "ambiguous", which some get), in the
 * order of the bits of ws_gaz.nocmp_fixed. */
static const char *const fixed_keys[] = { "major", "minor", "canonical", "list", "ambiguous" };

struct cand {
	uint32_t len, entry;
	const struct accrec *rec;
};

/* Where the lookup keeps a token's words (T_WORDS of them): the exact and
 * folded word ids, then their trie roots, then the stem mode's id and
 * root. A lookup without the stem mode, the one that remembers words,
 * reads and copies the first T_CACHED only. */
enum { T_ID = 0, T_ROOT = 2, T_CACHED = 4, T_STEM_ID = 4, T_STEM_ROOT = 5, T_WORDS = 6 };

static inline size_t id_at(int m)
{
	return m == M_STEM ? T_STEM_ID : T_ID + (size_t)m;
}

static inline size_t root_at(int m)
{
	return m == M_STEM ? T_STEM_ROOT : T_ROOT + (size_t)m;
}

/* An ASCII word of up to 16 bytes looked up before: its ids and trie
 * roots in the exact and folded modes. News text repeats its words, and
 * the vocabulary, the roots and the Bloom filter are megabytes away in
 * memory. */
struct tcache {
	uint64_t key[2];	/* the word's bytes 0-7 and 8-15 packed (ws_pack_short) */
	uint32_t len;		/* 0: empty */
	uint32_t slot[T_CACHED];	/* its ids and roots as the lookup keeps
					 * them for a token (no stem mode) */
	uint32_t wordkey;	/* its word key (ws_gaz_keys_into()), new each time a
				 * word comes into the cache; in the struct's padding */
};
_Static_assert(sizeof(struct tcache) == 40, "a word cache slot outgrows its 40 bytes");

/* 65536 slots of 40 bytes (2.5 MB a thread): 400 BBC articles hold some
 * 12,500 distinct words, and a quarter as many slots missed 2,000 more
 * times there, half as many 570 more, for a slot another word had taken
 * (a miss costs some 250 instructions and a walk through the
 * vocabulary's megabytes); on corpus/ repeated, where every word has been
 * seen, half as many slots missed 460 times a copy, these 220. A word
 * lies in its slot or in the other of the pair (token_slot()): a slot
 * taken by one word then no longer sends another away. */
#define TCACHE_BITS 16

/* The slot of a word of at most 16 bytes packed as v and v2 (bytes 8-15,
 * 0 for a shorter word): its length is left out, as the slot holds it and
 * the bytes tell most words of other lengths apart, so a word of at most
 * eight bytes costs one multiply. */
static inline size_t tcache_slot(uint64_t v, uint64_t v2)
{
	return (size_t)(((v * 0x9E3779B97F4A7C15ULL) ^ v2) * 0xC4CEB9FE1A85EC53ULL >>
			(64 - TCACHE_BITS));
}

struct ws_gaz_scratch {
	/* per token, its T_WORDS ids and trie roots, for a chunk of
	 * tokens and the longest form after it (LOOKUP_CHUNK): memory stays
	 * small and hot however long the text */
	WS_VEC(uint32_t) ids;
	struct ws_buf key;
	WS_VEC(struct cand) cand;
	struct sb_stemmer *stemmer;
	struct tcache *tc;	/* 1 << TCACHE_BITS slots; the engine never changes */
	/* where the next lookup writes the tokens' word keys, NULL: nowhere
	 * (they go to kspare, room for one chunk's); the last key given to
	 * a word and the epoch the keys belong to */
	uint32_t *keys;
	WS_VEC(uint32_t) kspare;
	uint32_t nkeys;
	uint64_t epoch;
};

/* The epochs of word keys, over all scratches: keys of one epoch come
 * from one scratch's cache and name one word each. */
static atomic_uint_fast64_t key_epochs;

/* ---- hashing and the two tables --------------------------------------- */

static uint64_t hash_edge(uint32_t node, uint32_t word)
{
	uint64_t h = ((uint64_t)node << 32 | word) * 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 31);
}

static int slot_is(const struct ws_gaz *g, const struct wslot *sl, const char *s, size_t n)
{
	if (sl->len != (n < 255 ? n : 255))
		return 0;
	if (n <= SLOT_KEY)
		return memcmp(sl->key, s, n) == 0;
	const struct wkey *w = &g->wkeys.v[sl->id];
	return w->len == n && memcmp(sl->key, s, SLOT_KEY) == 0 &&
	       memcmp(g->wtext.data + w->off + SLOT_KEY, s + SLOT_KEY, n - SLOT_KEY) == 0;
}

/* word_find() of a word whose ws_hash_bytes() is h. */
static uint32_t word_find_hashed(const struct ws_gaz *g, const char *s, size_t n, uint64_t h)
{
	size_t bit = (size_t)(h >> 40) & g->fmask;
	if (!(g->filter[bit >> 6] >> (bit & 63) & 1))
		return 0;
	size_t mask = g->wcap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		const struct wslot *sl = &g->wslot[i];
		if (!sl->id)
			return 0;
		if (slot_is(g, sl, s, n))
			return sl->id;
	}
}

static uint32_t word_find(const struct ws_gaz *g, const char *s, size_t n)
{
	return word_find_hashed(g, s, n, ws_hash_bytes(s, n));
}

/* word_find() for an ASCII word of n < 8 bytes packed in v (zero above):
 * no pass over bytes, and the slot's zero-padded key compares in one go. */
static uint32_t word_find_short(const struct ws_gaz *g, uint64_t v, size_t n)
{
	uint64_t h = ws_hash_tail(WS_HASH_SEED ^ (uint64_t)n, v);
	size_t bit = (size_t)(h >> 40) & g->fmask;
	if (!(g->filter[bit >> 6] >> (bit & 63) & 1))
		return 0;
	size_t mask = g->wcap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		const struct wslot *sl = &g->wslot[i];
		if (!sl->id)
			return 0;
		uint64_t k;
		memcpy(&k, sl->key, 8);
		if (sl->len == n && k == v)
			return sl->id;
	}
}

static void slot_put(struct wslot *t, size_t cap, uint32_t id, const char *s, size_t n,
		     uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);
	while (t[i].id)
		i = (i + 1) & (cap - 1);
	t[i].id = id;
	t[i].len = (uint8_t)(n < 255 ? n : 255);
	memcpy(t[i].key, s, n < SLOT_KEY ? n : SLOT_KEY);
}

static void word_rehash(struct ws_gaz *g, size_t cap)
{
	struct wslot *t = ws_xcalloc(cap, sizeof(*t));
	for (size_t id = 1; id < g->words.n; id++) {
		const struct wkey *w = &g->wkeys.v[id];
		const char *k = g->wtext.data + w->off;
		slot_put(t, cap, (uint32_t)id, k, w->len, ws_hash_bytes(k, w->len));
	}
	free(g->wslot);
	g->wslot = t;
	g->wcap = cap;
}

static uint32_t word_add(struct ws_gaz *g, const char *s, size_t n)
{
	/* one hash for the probe, the slot and the filter */
	uint64_t h = ws_hash_bytes(s, n);
	uint32_t id = word_find_hashed(g, s, n, h);
	if (id)
		return id;
	/* at most 3/4 full: probes stay short and the table small */
	if ((g->words.n + 1) * 4 > g->wcap * 3)
		word_rehash(g, g->wcap * 2);
	struct word w = { { 0, 0, 0 }, 0, 0 };
	struct wkey wk = { (uint32_t)g->wtext.len, (uint32_t)n };
	ws_buf_add(&g->wtext, s, n);
	id = (uint32_t)g->words.n;
	WS_VEC_PUSH(g->words, w);
	WS_VEC_PUSH(g->wkeys, wk);
	slot_put(g->wslot, g->wcap, id, s, n, h);
	size_t bit = (size_t)(h >> 40) & g->fmask;
	g->filter[bit >> 6] |= 1ULL << (bit & 63);
	if (n > g->max_word)
		g->max_word = n;
	return id;
}

static inline __attribute__((always_inline)) uint32_t edge_find(const struct ws_gaz *g, uint32_t node, uint32_t word)
{
	size_t mask = g->ecap - 1;
	for (size_t i = (size_t)hash_edge(node, word) & mask;; i = (i + 1) & mask) {
		const struct edge *e = &g->edges[i];
		if (!e->child)
			return 0;
		if (e->node == node && e->word == word)
			return e->child;
	}
}

static void edge_put(struct edge *t, size_t cap, struct edge e)
{
	size_t i = (size_t)hash_edge(e.node, e.word) & (cap - 1);
	while (t[i].child)
		i = (i + 1) & (cap - 1);
	t[i] = e;
}

static uint32_t new_node(struct ws_gaz *g)
{
	struct node nd = { 0, 0, 0 };
	WS_VEC_PUSH(g->nodes, nd);
	return (uint32_t)(g->nodes.n - 1);
}

/* The child of node along word in the trie, made if missing. */
static uint32_t child_add(struct ws_gaz *g, uint32_t node, uint32_t word)
{
	if (g->ecap) {
		uint32_t c = edge_find(g, node, word);
		if (c)
			return c;
	}
	if ((g->nedges + 1) * 2 > g->ecap) {
		size_t cap = g->ecap ? g->ecap * 2 : 4096;
		struct edge *t = ws_xcalloc(cap, sizeof(*t));
		for (size_t i = 0; i < g->ecap; i++)
			if (g->edges[i].child)
				edge_put(t, cap, g->edges[i]);
		free(g->edges);
		g->edges = t;
		g->ecap = cap;
	}
	uint32_t c = new_node(g);
	struct edge e = { node, word, c };
	edge_put(g->edges, g->ecap, e);
	g->nedges++;
	g->nodes.v[node].kids = 1;
	return c;
}

/* ---- keys: what a token must equal to match --------------------------- */

static int is_apos(uint32_t cp)
{
	return cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

static int is_hyphen(uint32_t cp)
{
	return cp == 0x2010 || cp == 0x2011;
}

/* The high bit of every byte of v that is an ASCII capital: adding 0x3f
 * to a byte's low seven bits reaches 0x80 from 'A' on, adding 0x25 from
 * past 'Z'; bytes of 0x80 and above are left out. */
static uint64_t upper_bits(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101ULL, hi = ones * 0x80;
	uint64_t x = v & ~hi;
	return (x + ones * 0x3f) & ~(x + ones * 0x25) & ~v & hi;
}

/* ORs the whole eight-byte words of s[0, n) into *all and their capitals'
 * bits into *upper; returns where the tail of fewer than eight begins. */
static inline size_t scan_words8(const char *s, size_t n, uint64_t *all, uint64_t *upper)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		*all |= v;
		*upper |= upper_bits(v);
	}
	return i;
}

/* Writes the key of a token with non-ASCII bytes into b: curly
 * apostrophes become ', Unicode hyphens -, invisible characters go, and
 * with fold every character is case folded. Invalid bytes stay as they
 * are (they can never equal a list word, which is valid UTF-8). */
static void slow_key(const char *s, size_t n, int fold, struct ws_buf *b)
{
	const unsigned char *u = (const unsigned char *)s;
	ws_buf_grow(b, n * 3 + 8);
	size_t i = 0;
	while (i < n) {
		if (u[i] < 0x80) {
			char c = s[i++];
			if (fold && c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			b->data[b->len++] = c;
			continue;
		}
		uint32_t cp;
		size_t k = ws_utf8_next(u, n, i, &cp);
		if (cp == WS_CP_INVALID) {
			b->data[b->len++] = s[i];
		} else if (is_apos(cp)) {
			b->data[b->len++] = '\'';
		} else if (is_hyphen(cp)) {
			b->data[b->len++] = '-';
		} else if (ws_cclass(cp) == WS_C_IGNORE) {
			/* soft hyphens and zero-width characters */
		} else if (!fold) {
			memcpy(b->data + b->len, s + i, k);
			b->len += k;
		} else {
			utf8proc_int32_t out[8];
			int last = 0;
			utf8proc_ssize_t m = utf8proc_decompose_char((utf8proc_int32_t)cp, out, 8,
								     UTF8PROC_CASEFOLD, &last);
			if (m < 0 || m > 8) {
				memcpy(b->data + b->len, s + i, k);
				b->len += k;
			} else {
				ws_buf_grow(b, (size_t)m * 4);
				for (utf8proc_ssize_t j = 0; j < m; j++)
					b->len += ws_utf8_put((uint32_t)out[j], b->data + b->len);
			}
		}
		i += k;
	}
}

/* The key of s[0..n) in the exact (fold = 0) or folded (fold = 1) mode:
 * s itself for ASCII that needs no change, else a copy in b. */
static const char *make_key(const char *s, size_t n, int fold, struct ws_buf *b, size_t *klen)
{
	/* eight bytes at a time: the loader makes a key of every word of
	 * every form, and links every word to its folded word */
	const uint64_t ones = 0x0101010101010101ULL, hi = ones * 0x80;
	uint64_t all = 0, upper = 0;
	size_t i = scan_words8(s, n, &all, &upper);
	uint64_t tail = ws_pack_short(s + i, n - i, s + i);
	all |= tail;
	upper |= upper_bits(tail);
	if (!(all & hi)) {
		if (!fold || !upper) {
			*klen = n;
			return s;
		}
		b->len = 0;
		ws_buf_grow(b, n + 8);
		for (i = 0; i + 8 <= n; i += 8) {
			uint64_t v;
			memcpy(&v, s + i, 8);
			v |= upper_bits(v) >> 2;
			memcpy(b->data + i, &v, 8);
		}
		tail |= upper_bits(tail) >> 2;
		memcpy(b->data + i, &tail, 8);	/* zero above the key: room was made */
		b->len = n;
		b->data[n] = '\0';
	} else {
		ws_buf_reset(b);
		slow_key(s, n, fold, b);
	}
	*klen = b->len;
	return b->data;
}

static const char *stem_key(struct sb_stemmer *st, const char *s, size_t n, size_t *klen)
{
	const sb_symbol *r = sb_stemmer_stem(st, (const sb_symbol *)s, (int)n);
	if (!r) {
		*klen = n;
		return s;
	}
	*klen = (size_t)sb_stemmer_length(st);
	return (const char *)r;
}

/* ---- loading ---------------------------------------------------------- */

/* A feature field "key=value" seen before and its interned halves: most
 * features repeat (country=US, gender=male), and the interner hashes byte
 * by byte. */
struct memo {
	uint64_t hash;
	const char *key, *value;
	uint32_t klen, vlen;
	int compared;		/* a rule names the key */
};

#define MEMO_SIZE 4096

struct keypolicy {
	const char *key;
	size_t len;
	int compared;	/* interned before the lists: a rule names it */
};

struct loader {
	struct ws_gaz *g;
	struct ws_symtab *syms;
	const struct ws_seglists *seg;
	struct ws_diag *d;
	struct ws_tokens tk;
	struct ws_buf key, path;
	struct sb_stemmer *stemmer;
	WS_VEC(struct chain) chain;
	struct memo *memo;		/* recent features, to intern each once */
	WS_VEC(struct keypolicy) keys;	/* feature keys met, and whether rules use them */
	size_t key_last;		/* the key key_met() found last */
	const char *diagname;		/* dir/FILE of the list being read */
	unsigned lineno;
};

static int is_ident(const char *s, size_t n)
{
	if (n == 0 || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

/* 1-based column in characters of p within line. */
static unsigned col_of(const char *line, const char *p)
{
	unsigned c = 1;
	for (const char *q = line; q < p; q++)
		c += ((unsigned char)*q & 0xC0) != 0x80;
	return c;
}

#define LERR(ld, line, p, ...) \
	ws_diag_error((ld)->d, (ld)->diagname, (ld)->lineno, col_of((line), (p)), __VA_ARGS__)

/* Whether the form f[0..n) is simple: ASCII letters and digits with
 * single spaces between them (most forms: "Barack Obama", "G20"); 1 for
 * one word, 2 for more, 0 for a form that is not simple. */
static int simple_form(const char *f, size_t n)
{
	/* per byte: 1 a letter or digit, 2 a space, 0 anything else */
	static const unsigned char cls[256] = {
		[' '] = 2,
		['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
		['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
		['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
		['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
		['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
		['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
		['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
		['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
		['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
		['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
	};
	unsigned all = 0, prev = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = cls[(unsigned char)f[i]];
		if (!c || (c & prev & 2))
			return 0;	/* not a letter, digit or space; two spaces */
		all |= c;
		prev = c;
	}
	return all & 2 ? 2 : 1;
}

/* The tokens of a simple form (simple_form()) are its words, as
 * ws_tokenize() would make them: no period, hyphen or apostrophe for a
 * word rule to look at. Only their spans are needed. */
static void split_simple(const char *f, size_t n, int simple, struct ws_tokens *tk)
{
	tk->tok.n = tk->sent.n = tk->para.n = 0;
	if (simple == 1) {	/* one word */
		struct ws_token t = { .start = 0, .end = (uint32_t)n };
		WS_VEC_PUSH(tk->tok, t);
		return;
	}
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && f[j] != ' ')
			j++;
		struct ws_token t = { .start = (uint32_t)i, .end = (uint32_t)j };
		WS_VEC_PUSH(tk->tok, t);
		i = j + 1;
	}
}

/* Adds one form of entry `entry` to the trie of mode m; simple: what
 * simple_form() says of it. */
static void add_form(struct loader *ld, const char *line, const char *form, size_t n,
		     int simple, uint32_t entry, int mode)
{
	struct ws_gaz *g = ld->g;
	if (simple)
		split_simple(form, n, simple, &ld->tk);
	else if (ws_tokenize(ld->seg, form, n, &ld->tk) < 0 || ld->tk.tok.n == 0) {
		LERR(ld, line, form, "form '%.*s' has no words", (int)n, form);
		return;
	}
	if (g->nodes.n + ld->tk.tok.n > H_NODE) {
		LERR(ld, line, form, "too many forms: the index holds %u words of forms", H_NODE);
		return;
	}
	uint32_t node = 0;
	for (size_t t = 0; t < ld->tk.tok.n; t++) {
		const struct ws_token *tok = &ld->tk.tok.v[t];
		size_t klen = tok->end - tok->start;
		/* a word of a simple form is ASCII: its exact key is itself */
		const char *k = simple && mode == M_EXACT ? form + tok->start :
				make_key(form + tok->start, klen, mode != M_EXACT, &ld->key, &klen);
		if (mode == M_STEM)
			k = stem_key(ld->stemmer, k, klen, &klen);
		uint32_t w = word_add(g, k, klen);
		if (t == 0) {
			node = g->words.v[w].root[mode];
			if (!node) {
				node = new_node(g);
				g->words.v[w].root[mode] = node;
			}
		} else {
			node = child_add(g, node, w);
			g->words.v[w].follows |= 1u << mode;
		}
	}
	if (ld->tk.tok.n > g->max_tokens)
		g->max_tokens = ld->tk.tok.n;
	const struct entry *e = &g->entries.v[entry];
	for (uint32_t c = g->nodes.v[node].acc; c; c = ld->chain.v[c - 1].next) {
		const struct chain *oc = &ld->chain.v[c - 1];
		const struct entry *o = &g->entries.v[oc->entry];
		if (o->list != e->list)
			continue;
		if (o == e)
			return;	/* the same entry twice after folding: harmless */
		/* Written alike: a mistake. Alike only once apostrophes and
		 * hyphens are normalised: both entries match. */
		if (oc->len == n && (mode == M_EXACT ? memcmp(oc->form, form, n) == 0 :
				     strncasecmp(oc->form, form, n) == 0)) {
			LERR(ld, line, form, "duplicate form '%.*s' (first at line %u)", (int)n,
			     form, o->line);
			return;
		}
	}
	struct chain ch = { entry, g->nodes.v[node].acc, form, n };
	WS_VEC_PUSH(ld->chain, ch);
	g->nodes.v[node].acc = (uint32_t)ld->chain.n;
	g->nodes.v[node].nacc++;
	g->forms++;
}

static void push_feat(struct ws_gaz *g, const char *key, const char *value)
{
	struct ws_feat f = { key, value };
	WS_VEC_PUSH(g->feat, f);
}

static int is_number(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/* Whether a rule compares the values of a feature key: the rules are
 * compiled before the gazetteers, so their keys are interned already; the
 * loader notes, the first time it meets a key, whether it was.
 *
 * key_met() is the key s[0..n) as met before (and so well formed), or
 * NULL: the lists use a few dozen keys, and a scan of them is cheaper
 * than the interner. */
static const struct keypolicy *key_met(struct loader *ld, const char *s, size_t n)
{
	/* the fields that miss the memo are mostly of one key in a list
	 * (rank=16981): the last key found first */
	if (ld->keys.n) {
		const struct keypolicy *k = &ld->keys.v[ld->key_last];
		if (k->len == n && memcmp(k->key, s, n) == 0)
			return k;
	}
	for (size_t i = 0; i < ld->keys.n; i++) {
		const struct keypolicy *k = &ld->keys.v[i];
		if (k->len == n && k->key[0] == s[0] && memcmp(k->key, s, n) == 0) {
			ld->key_last = i;
			return k;
		}
	}
	return NULL;
}

/* The key s[0..n), recorded when new; k: key_met() of it. */
static const struct keypolicy *key_policy(struct loader *ld, const char *s, size_t n,
					  const struct keypolicy *k)
{
	if (k)
		return k;
	const char *known = ws_sym_find(ld->syms, s, n);
	struct keypolicy kp = { ws_intern(ld->syms, s, n), n, known != NULL };
	WS_VEC_PUSH(ld->keys, kp);
	return &ld->keys.v[ld->keys.n - 1];
}

/* A numeric value no rule compares (rank=16981, population=1569394) is
 * kept as a plain string: interning tens of thousands of unique numbers
 * was a fifth of the load time, and only equal pointers need interning. */
static const char *keep_number(struct ws_gaz *g, const char *s, size_t n)
{
	if (g->numbers_left < n + 1) {
		size_t size = n + 1 > 65536 ? n + 1 : 65536;
		WS_VEC_PUSH(g->numbers, ws_xmalloc(size));
		g->numbers_left = size;
	}
	char *blk = g->numbers.v[g->numbers.n - 1];
	size_t used = (n + 1 > 65536 ? n + 1 : 65536) - g->numbers_left;
	char *p = blk + used;
	memcpy(p, s, n);
	p[n] = '\0';
	g->numbers_left -= n + 1;
	return p;
}

/* The feature field f[0..n) (its key f[0..klen)) when it was met before,
 * and so is well formed: its interned key and value and whether a rule
 * names the key; NULL when it was not. */
static const struct memo *recall_feature(const struct loader *ld, const char *f, size_t klen,
					 size_t n, uint64_t h)
{
	const struct memo *m = &ld->memo[h & (MEMO_SIZE - 1)];
	size_t vlen = n - klen - 1;
	if (m->hash == h && m->key && m->klen == klen && m->vlen == vlen &&
	    memcmp(m->key, f, klen) == 0 && memcmp(m->value, f + klen + 1, vlen) == 0)
		return m;
	return NULL;
}

/* Interns the key (f[0..klen)) and value of the well-formed feature field
 * f[0..n) of hash h and remembers them; returns whether a rule names the
 * key. */
static int intern_feature(struct loader *ld, const char *f, size_t klen, size_t n, uint64_t h,
			  const struct keypolicy *met, const char **key, const char **value)
{
	struct memo *m = &ld->memo[h & (MEMO_SIZE - 1)];
	size_t vlen = n - klen - 1;
	const struct keypolicy *kp = key_policy(ld, f, klen, met);
	*key = kp->key;
	int compared = kp->compared;
	if (is_number(f + klen + 1, vlen) && !compared)
		*value = keep_number(ld->g, f + klen + 1, vlen);
	else
		*value = ws_intern(ld->syms, f + klen + 1, vlen);
	m->hash = h;
	m->key = *key;
	m->value = *value;
	m->klen = (uint32_t)klen;
	m->vlen = (uint32_t)vlen;
	m->compared = compared;
	return compared;
}

/* Checks one form; returns 1 when it is well formed. simple: what
 * simple_form() says of it. */
static int check_form(struct loader *ld, const char *line, const char *f, size_t n, int first,
		      int simple)
{
	if (n == 0) {
		LERR(ld, line, f, first ? "empty canonical form" : "empty variant");
		return 0;
	}
	int ok = 1;
	if (f[0] == ' ' || f[n - 1] == ' ') {
		const char *p = f[0] == ' ' ? f : f + n - 1;
		LERR(ld, line, p, "stray space %s form '%.*s'", f[0] == ' ' ? "before" : "after",
		     (int)n, f);
		ok = 0;
	}
	for (size_t i = 0; i < n && !simple; i++) {
		if (f[i] == ' ' && i + 1 < n && f[i + 1] == ' ') {
			LERR(ld, line, f + i, "two spaces in form '%.*s': use one", (int)n, f);
			return 0;
		}
		if (f[i] == '#') {
			LERR(ld, line, f + i, "'#' in form '%.*s'", (int)n, f);
			return 0;
		}
	}
	return ok;
}

/* Checks and adds one entry line; every mistake in it is reported. */
static void parse_entry(struct loader *ld, char *line, size_t len, uint16_t li)
{
	struct ws_gaz *g = ld->g;
	const struct ws_gaz_list *L = &g->lists.v[li];
	char *end = line + len;
	char *tab = memchr(line, '\t', len);
	char *fend = tab ? tab : end;
	int ok = 1;
	/* forms, the first few kept for adding them */
	struct {
		const char *f;
		size_t n;
		int simple;
	} kept[16];
	unsigned nforms = 0;
	for (char *f = line;;) {
		char *bar = memchr(f, '|', (size_t)(fend - f));
		char *e = bar ? bar : fend;
		size_t n = (size_t)(e - f);
		int simple = simple_form(f, n);
		ok &= check_form(ld, line, f, n, nforms == 0, simple);
		if (nforms < 16) {
			kept[nforms].f = f;
			kept[nforms].n = n;
			kept[nforms].simple = simple;
		}
		nforms++;
		if (!bar)
			break;
		f = bar + 1;
	}
	/* features */
	size_t feat0 = g->feat.n;
	WS_VEC_RESERVE(g->feat, feat0 + 8);
	struct ws_feat *fixed = g->feat.v + feat0;
	fixed[0].key = g->names.major;
	fixed[0].value = L->major;
	fixed[1].key = g->names.minor;
	fixed[1].value = L->minor;
	fixed[2].key = g->names.canonical;
	fixed[2].value = NULL;
	fixed[3].key = g->names.list;
	fixed[3].value = L->file;
	g->feat.n = feat0 + 4;
	int has_ambig = 0;
	uint32_t nocmp = g->nocmp_fixed & 0xF;	/* major, minor, canonical, list */
	for (char *f = tab; f;) {
		f++;
		char *nt = memchr(f, '\t', (size_t)(end - f));
		char *e = nt ? nt : end;
		size_t n = (size_t)(e - f);
		char *eq = memchr(f, '=', n);
		/* most fields repeat one met before (gender=male), which was
		 * well formed then */
		uint64_t h = eq ? ws_hash_bytes(f, n) : 0;
		const struct memo *seen = eq ? recall_feature(ld, f, (size_t)(eq - f), n, h) : NULL;
		const char *key = NULL, *value = NULL;
		const struct keypolicy *met = NULL;
		int compared = 0;
		if (seen) {
			key = seen->key;
			value = seen->value;
			compared = seen->compared;
		} else if (n == 0) {
			LERR(ld, line, e == end ? f - 1 : f,
			     "stray TAB: features are key=value between single TABs");
			ok = 0;
		} else if (!eq) {
			LERR(ld, line, f, "malformed feature '%.*s': use key=value", (int)n, f);
			ok = 0;
		} else if (!(met = key_met(ld, f, (size_t)(eq - f))) && !is_ident(f, (size_t)(eq - f))) {
			LERR(ld, line, f, "bad feature key '%.*s': use [a-z][a-z0-9_]*",
			     (int)(eq - f), f);
			ok = 0;
		} else if (eq + 1 == e) {
			LERR(ld, line, f, "empty value of feature '%.*s'", (int)(eq - f), f);
			ok = 0;
		} else if (memchr(eq + 1, '|', (size_t)(e - eq - 1))) {
			LERR(ld, line, f, "'|' in value of feature '%.*s'", (int)(eq - f), f);
			ok = 0;
		} else if (eq[1] == ' ' || e[-1] == ' ') {
			LERR(ld, line, eq[1] == ' ' ? eq + 1 : e - 1,
			     "stray space in value of feature '%.*s'", (int)(eq - f), f);
			ok = 0;
		} else {
			compared = intern_feature(ld, f, (size_t)(eq - f), n, h, met, &key, &value);
		}
		if (key) {
			int dup = 0;
			for (size_t i = feat0 + 4; i < g->feat.n; i++)
				dup |= g->feat.v[i].key == key;
			if (dup) {
				LERR(ld, line, f, "repeated feature '%s'", key);
				ok = 0;
			} else {
				if (g->feat.n - feat0 < 32 && !compared)
					nocmp |= 1u << (g->feat.n - feat0);
				push_feat(g, key, value);
				has_ambig |= key == g->names.ambiguous;
			}
		}
		f = nt;
	}
	if (!ok) {
		g->feat.n = feat0;
		return;
	}
	if ((L->flags & WS_GAZ_AMBIGUOUS) && !has_ambig) {
		if (g->feat.n - feat0 < 32 && (g->nocmp_fixed & 0x10))
			nocmp |= 1u << (g->feat.n - feat0);
		push_feat(g, g->names.ambiguous, g->names.one);
	}
	g->feat.v[feat0 + 2].value = ws_intern(ld->syms, line, kept[0].n);
	struct entry en = { (uint32_t)feat0, (uint16_t)(g->feat.n - feat0), li, ld->lineno, 0, nocmp };
	WS_VEC_PUSH(g->entries, en);
	uint32_t id = (uint32_t)(g->entries.n - 1);
	int mode = (L->flags & WS_GAZ_STEM) ? M_STEM : (L->flags & WS_GAZ_FOLD) ? M_FOLD : M_EXACT;
	g->modes |= 1u << mode;
	for (unsigned k = 0; k < nforms && k < 16; k++)
		add_form(ld, line, kept[k].f, kept[k].n, kept[k].simple, id, mode);
	if (nforms > 16) {	/* the forms not kept */
		const char *f = kept[15].f + kept[15].n + 1;
		for (unsigned k = 16; k < nforms; k++) {
			const char *bar = memchr(f, '|', (size_t)(fend - f));
			const char *e = bar ? bar : fend;
			add_form(ld, line, f, (size_t)(e - f), simple_form(f, (size_t)(e - f)), id,
				 mode);
			f = e + 1;
		}
	}
	g->lists.v[li].entries++;
	g->lists.v[li].forms += nforms;
}

/* Nonzero when some byte of v is neither printable ASCII (0x20 to 0x7E)
 * nor TAB; may be nonzero for a good byte above a bad one (a borrow),
 * never zero for a bad byte. */
static uint64_t unprintable(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101ULL, hi = ones * 0x80, low = ~hi;
	/* TABs first become ')': the high bit of exactly each zero byte of
	 * v ^ TAB, moved down to 0x20 */
	uint64_t t = v ^ ones * '\t';
	uint64_t tabs = ~(((t & low) + low) | t | low);
	v |= tabs >> 2;
	uint64_t del = v ^ ones * 0x7F;
	return (v | ((v - ones * 0x20) & ~v) | ((del - ones) & ~del)) & hi;
}

/* Reports bytes no list may hold: invalid UTF-8, controls other than TAB. */
static int check_bytes(struct loader *ld, const char *line, size_t len)
{
	const unsigned char *u = (const unsigned char *)line;
	for (size_t i = 0; i < len;) {
		/* most lines are printable ASCII: eight bytes at a time */
		uint64_t v;
		if (i + 8 <= len && (memcpy(&v, u + i, 8), !unprintable(v))) {
			i += 8;
			continue;
		}
		/* the last bytes: the last eight, again some checked already */
		if (i + 8 > len && len >= 8 && (memcpy(&v, u + len - 8, 8), !unprintable(v)))
			break;
		if (u[i] >= 0x20 && u[i] < 0x7F) {
			i++;
			continue;
		}
		if (u[i] == '\t') {
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = ws_utf8_next(u, len, i, &cp);
		if (cp == WS_CP_INVALID) {
			LERR(ld, line, line + i, "invalid UTF-8");
			return 0;
		}
		if (cp == '\r' && i + 1 == len) {
			LERR(ld, line, line + i, "carriage return: save the file with LF line ends");
			return 0;
		}
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
			LERR(ld, line, line + i, "control character U+%04X", (unsigned)cp);
			return 0;
		}
		i += k;
	}
	return 1;
}

/* The end of the line at p (its '\n', or end) in one pass, eight bytes at
 * a time; *plain becomes 0 when the line holds a byte check_bytes() must
 * look at (not printable ASCII nor TAB). */
static char *line_end(char *p, char *end, int *plain)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t n = (size_t)(end - p), i = 0;
	*plain = 1;
	for (;;) {
		uint64_t v;
		while (i + 8 <= n && (memcpy(&v, u + i, 8), !unprintable(v)))
			i += 8;
		size_t stop = i + 8 < n ? i + 8 : n;
		for (; i < stop; i++) {
			if (u[i] == '\n')
				return p + i;
			if ((u[i] < 0x20 || u[i] >= 0x7F) && u[i] != '\t')
				*plain = 0;
		}
		if (i >= n)
			return end;
	}
}

static void load_list(struct loader *ld, const char *root, const char *dir, uint16_t li,
		      const char *defname, unsigned defline, const char *defl, const char *deff)
{
	const struct ws_gaz_list *L = &ld->g->lists.v[li];
	ws_buf_reset(&ld->path);
	ws_buf_addf(&ld->path, "%s/%s/%s", root, dir, L->file);
	size_t len;
	char *text = ws_slurp(ld->path.data, &len);
	if (!text) {
		ws_diag_error(ld->d, defname, defline, col_of(defl, deff), "cannot read %s/%s: %s",
			      dir, L->file, strerror(errno));
		return;
	}
	ws_buf_reset(&ld->path);
	ws_buf_addf(&ld->path, "%s/%s", dir, L->file);
	ld->diagname = ld->path.data;
	ld->lineno = 0;
	for (char *p = text, *end = text + len; p < end;) {
		int plain;
		char *eol = line_end(p, end, &plain);
		char *line = p;
		p = eol < end ? eol + 1 : end;
		ld->lineno++;
		*eol = '\0';
		size_t n = (size_t)(eol - line);
		if (n == 0 || line[0] == '#')
			continue;
		if (plain || check_bytes(ld, line, n))
			parse_entry(ld, line, n, li);
	}
	free(text);
}

/* Splits a lists.def line into white-space separated fields. */
static size_t split_fields(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *p = line;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (n < max)
			f[n] = p;
		n++;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	return n;
}

static unsigned parse_flags(struct loader *ld, const char *line, const char *s, size_t n)
{
	static const char *const names[] = { "fold", "stem", "ambiguous" };
	unsigned flags = 0;
	if (n == 1 && s[0] == '-')
		return 0;
	for (const char *p = s, *end = s + n; p <= end;) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		const char *e = c ? c : end;
		size_t k = (size_t)(e - p);
		unsigned bit = 0;
		for (unsigned i = 0; i < 3; i++)
			if (strlen(names[i]) == k && memcmp(names[i], p, k) == 0)
				bit = 1u << i;
		if (k == 0)
			LERR(ld, line, p, "empty flag in '%.*s': flags are '-' or a comma list",
			     (int)n, s);
		else if (!bit)
			LERR(ld, line, p, "unknown flag '%.*s' (known: fold, stem, ambiguous)",
			     (int)k, p);
		else if (flags & bit)
			LERR(ld, line, p, "repeated flag '%.*s'", (int)k, p);
		flags |= bit;
		if (!c)
			break;
		p = c + 1;
	}
	return flags;
}

static size_t pow2_at_least(size_t n)
{
	size_t p = 4096;
	while (p < n)
		p *= 2;
	return p;
}

/* Sizes the hash tables from the lists' bytes (news lists run about 30
 * bytes a word), so that loading rarely rehashes. */
static void presize(struct ws_gaz *g, const char *root, const char *dir, struct ws_buf *path)
{
	size_t bytes = 0;
	for (size_t i = 0; i < g->lists.n; i++) {
		struct stat st;
		ws_buf_reset(path);
		ws_buf_addf(path, "%s/%s/%s", root, dir, g->lists.v[i].file);
		if (stat(path->data, &st) == 0 && st.st_size > 0)
			bytes += (size_t)st.st_size;
	}
	word_rehash(g, pow2_at_least(bytes / 30 * 4 / 3));
	g->fmask = pow2_at_least(bytes / 30 * 16) - 1;
	g->filter = ws_xcalloc(g->fmask / 64 + 1, sizeof(uint64_t));
	g->ecap = pow2_at_least(bytes / 120 * 2);
	g->edges = ws_xcalloc(g->ecap, sizeof(*g->edges));
	WS_VEC_RESERVE(g->words, bytes / 30 + 1);
	WS_VEC_RESERVE(g->nodes, bytes / 25 + 1);
	ws_buf_grow(&g->wtext, bytes / 3);
}

static uint32_t handle(const struct ws_gaz *g, uint32_t node)
{
	const struct node *nd = &g->nodes.v[node];
	return node | (nd->nacc ? H_ACC : 0) | (nd->kids ? H_KIDS : 0);
}

/* Turns the node indices of roots and edges into handles, once the trie is
 * complete. */
static void set_handles(struct ws_gaz *g)
{
	for (size_t id = 1; id < g->words.n; id++)
		for (int m = 0; m < MODES; m++)
			if (g->words.v[id].root[m])
				g->words.v[id].root[m] = handle(g, g->words.v[id].root[m]);
	for (size_t i = 0; i < g->ecap; i++)
		if (g->edges[i].child)
			g->edges[i].child = handle(g, g->edges[i].child);
}

/* Links every word to its case-folded word, for token_ids(). */
static void link_folds(struct ws_gaz *g, struct ws_buf *b)
{
	for (size_t id = 1; id < g->words.n; id++) {
		const struct wkey *w = &g->wkeys.v[id];
		size_t klen;
		const char *k = make_key(g->wtext.data + w->off, w->len, 1, b, &klen);
		g->words.v[id].fold = k == g->wtext.data + w->off ? (uint32_t)id :
				      word_find(g, k, klen);
	}
}

/* Copies what an annotation needs from each accepted entry to its record. */
static void fill_acc(struct ws_gaz *g)
{
	for (size_t i = 0; i < g->nacc; i++) {
		struct accrec *r = &g->acc[i];
		const struct entry *e = &g->entries.v[r->entry];
		r->feat = g->feat.v + e->feat;
		r->nfeat = e->nfeat;
		r->rule = g->lists.v[e->list].rule;
		r->cls = e->cls;
	}
}

static void flatten(struct ws_gaz *g, struct loader *ld)
{
	g->nacc = ld->chain.n;
	g->acc = ws_xcalloc(g->nacc ? g->nacc : 1, sizeof(*g->acc));
	uint32_t off = 0;
	for (size_t i = 1; i < g->nodes.n; i++) {
		struct node *nd = &g->nodes.v[i];
		uint32_t c = nd->acc, k = nd->nacc;
		nd->acc = off;
		/* the chain runs newest first: fill from the back, so a node's
		 * entries lie in the order of their ids (ws_gaz_lookup()) */
		while (c) {
			g->acc[off + --k].entry = ld->chain.v[c - 1].entry;
			c = ld->chain.v[c - 1].next;
		}
		off += nd->nacc;
	}
	fill_acc(g);
}

struct ws_gaz *ws_gaz_load(const char *root, const char *dir, const struct ws_seglists *seg,
			   struct ws_symtab *syms, struct ws_diag *d)
{
	struct ws_gaz *g = ws_xcalloc(1, sizeof(*g));
	struct ws_gaz_names *nm = &g->names;
	/* the rules are compiled first: a key they name is interned already */
	for (unsigned i = 0; i < sizeof(fixed_keys) / sizeof(fixed_keys[0]); i++)
		if (!ws_sym_find(syms, fixed_keys[i], strlen(fixed_keys[i])))
			g->nocmp_fixed |= 1u << i;
	nm->lookup = ws_intern_str(syms, "Lookup");
	nm->major = ws_intern_str(syms, "major");
	nm->minor = ws_intern_str(syms, "minor");
	nm->canonical = ws_intern_str(syms, "canonical");
	nm->list = ws_intern_str(syms, "list");
	nm->ambiguous = ws_intern_str(syms, "ambiguous");
	nm->one = ws_intern_str(syms, "1");
	struct node nd0 = { 0, 0, 0 };
	WS_VEC_PUSH(g->nodes, nd0);
	struct word w0 = { { 0, 0, 0 }, 0, 0 };
	struct wkey wk0 = { 0, 0 };
	WS_VEC_PUSH(g->words, w0);
	WS_VEC_PUSH(g->wkeys, wk0);

	struct loader ld = { .g = g, .syms = syms, .seg = seg, .d = d };
	ld.memo = ws_xcalloc(MEMO_SIZE, sizeof(*ld.memo));
	int errors0 = d->errors;
	struct ws_buf defname = WS_BUF_INIT;
	ws_buf_addf(&defname, "%s/lists.def", dir);
	ws_buf_addf(&ld.path, "%s/%s/lists.def", root, dir);
	size_t len;
	char *def = ws_slurp(ld.path.data, &len);
	if (!def) {
		ws_diag_error(d, defname.data, 0, 0, "cannot read: %s", strerror(errno));
		goto out;
	}
	struct defline {
		char *line;
		char *f[4];
		unsigned lineno;
	};
	WS_VEC(struct defline) lines = { 0 };
	ld.diagname = defname.data;
	ld.lineno = 0;
	for (char *p = def, *end = def + len; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *eol = nl ? nl : end;
		char *line = p;
		p = nl ? nl + 1 : end;
		ld.lineno++;
		*eol = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		if (!check_bytes(&ld, line, (size_t)(eol - line)))
			continue;
		char *f[5];
		size_t n = split_fields(line, f, 5);
		if (n == 0) {
			LERR(&ld, line, line, "line of white space: leave blank lines empty");
			continue;
		}
		if (n != 4) {
			LERR(&ld, line, line, "expected 4 fields FILE MAJOR MINOR FLAGS, found %zu", n);
			continue;
		}
		int bad = 0;
		if (line[0] == ' ' || line[0] == '\t') {
			LERR(&ld, line, line, "white space before FILE");
			bad = 1;
		}
		size_t ln = (size_t)(eol - line);
		if (line[ln - 1] == ' ' || line[ln - 1] == '\t') {
			LERR(&ld, line, eol - 1, "white space after FLAGS");
			bad = 1;
		}
		/* fields end at the first blank; terminate them in place */
		size_t fl[4];
		for (int i = 0; i < 4; i++)
			fl[i] = strcspn(f[i], " \t");
		if (f[0][0] == '/' || strstr(f[0], "..") != NULL) {
			LERR(&ld, line, f[0], "list path '%.*s' must stay inside %s/", (int)fl[0],
			     f[0], dir);
			bad = 1;
		}
		for (int i = 1; i <= 2; i++) {
			if (!is_ident(f[i], fl[i])) {
				LERR(&ld, line, f[i], "bad %s type '%.*s': use [a-z][a-z0-9_]*",
				     i == 1 ? "major" : "minor", (int)fl[i], f[i]);
				bad = 1;
			}
		}
		int e0 = d->errors;
		unsigned flags = parse_flags(&ld, line, f[3], fl[3]);
		bad |= d->errors != e0;
		const char *file = ws_intern(syms, f[0], fl[0]);
		for (size_t i = 0; i < g->lists.n; i++) {
			if (g->lists.v[i].file == file) {
				LERR(&ld, line, f[0], "list '%s' is already named at line %u", file,
				     lines.v[i].lineno);
				bad = 1;
			}
		}
		if (!bad) {
			ws_buf_reset(&ld.path);
			ws_buf_addf(&ld.path, "%s/%s/%s", root, dir, file);
			if (access(ld.path.data, R_OK) != 0) {
				LERR(&ld, line, f[0], "cannot read %s/%s: %s", dir, file,
				     strerror(errno));
				bad = 1;
			}
		}
		if (bad)
			continue;
		if (g->lists.n >= 65535) {
			LERR(&ld, line, line, "too many lists");
			continue;
		}
		struct ws_gaz_list L = { 0 };
		L.file = file;
		L.major = ws_intern(syms, f[1], fl[1]);
		L.minor = ws_intern(syms, f[2], fl[2]);
		ws_buf_reset(&ld.key);
		ws_buf_addf(&ld.key, "gazetteer:%s", file);
		L.rule = ws_intern(syms, ld.key.data, ld.key.len);
		L.flags = flags;
		WS_VEC_PUSH(g->lists, L);
		struct defline dl = { line, { f[0], f[1], f[2], f[3] }, ld.lineno };
		WS_VEC_PUSH(lines, dl);
	}
	presize(g, root, dir, &ld.path);
	for (size_t i = 0; i < g->lists.n; i++) {
		if ((g->lists.v[i].flags & WS_GAZ_STEM) && !ld.stemmer) {
			ld.stemmer = sb_stemmer_new("english", NULL);
			if (!ld.stemmer) {
				ws_diag_error(d, defname.data, lines.v[i].lineno, 1,
					      "cannot make the Snowball English stemmer");
				break;
			}
		}
		load_list(&ld, root, dir, (uint16_t)i, defname.data, lines.v[i].lineno,
			  lines.v[i].line, lines.v[i].f[0]);
	}
	WS_VEC_FREE(lines);
	free(def);
	flatten(g, &ld);
	set_handles(g);
	if (g->modes & (1u << M_FOLD | 1u << M_STEM))
		link_folds(g, &ld.key);
out:
	ws_tokens_release(&ld.tk);
	ws_buf_release(&ld.key);
	ws_buf_release(&ld.path);
	ws_buf_release(&defname);
	WS_VEC_FREE(ld.chain);
	free(ld.memo);
	WS_VEC_FREE(ld.keys);
	if (ld.stemmer)
		sb_stemmer_delete(ld.stemmer);
	if (d->errors != errors0) {
		ws_gaz_free(g);
		return NULL;
	}
	return g;
}

void ws_gaz_free(struct ws_gaz *g)
{
	if (!g)
		return;
	WS_VEC_FREE(g->lists);
	ws_buf_release(&g->wtext);
	WS_VEC_FREE(g->words);
	WS_VEC_FREE(g->wkeys);
	free(g->filter);
	free(g->wslot);
	free(g->edges);
	WS_VEC_FREE(g->nodes);
	WS_VEC_FREE(g->entries);
	WS_VEC_FREE(g->feat);
	free(g->acc);
	for (size_t i = 0; i < g->numbers.n; i++)
		free(g->numbers.v[i]);
	WS_VEC_FREE(g->numbers);
	free(g);
}

/* What an entry's class may depend on (see gazetteer.h): its list's rule,
 * its feature keys in order and the values of the keys a rule names. */
static uint64_t sig_hash(const struct ws_gaz *g, const struct entry *e)
{
	uint64_t h = (uint64_t)(uintptr_t)g->lists.v[e->list].rule ^ e->nfeat ^ (uint64_t)e->nocmp << 32;
	for (uint32_t i = 0; i < e->nfeat; i++) {
		const struct ws_feat *f = &g->feat.v[e->feat + i];
		uint64_t v = i < 32 && (e->nocmp >> i & 1) ? 0 : (uint64_t)(uintptr_t)f->value;
		h = (h ^ (uint64_t)(uintptr_t)f->key) * 0x9E3779B97F4A7C15ULL;
		h = (h ^ v) * 0xC4CEB9FE1A85EC53ULL;
		h ^= h >> 32;
	}
	return h;
}

static int sig_same(const struct ws_gaz *g, const struct entry *a, const struct entry *b)
{
	if (a->nfeat != b->nfeat || a->nocmp != b->nocmp ||
	    g->lists.v[a->list].rule != g->lists.v[b->list].rule)
		return 0;
	const struct ws_feat *x = &g->feat.v[a->feat], *y = &g->feat.v[b->feat];
	for (uint32_t i = 0; i < a->nfeat; i++)
		if (x[i].key != y[i].key ||
		    (x[i].value != y[i].value && !(i < 32 && (a->nocmp >> i & 1))))
			return 0;
	return 1;
}

void ws_gaz_classify(struct ws_gaz *g, uint32_t (*cls)(void *ctx, const struct ws_annot *a),
		     void *ctx)
{
	if (!g)
		return;
	/* entries alike but for values no rule compares (most of a list:
	 * surnames differ in their canonical form only) get one call; the
	 * first of them asks, in entry order, as without the memo */
	unsigned bits = 10;
	while (((size_t)1 << bits) < g->entries.n * 2)
		bits++;
	size_t mask = ((size_t)1 << bits) - 1;
	uint32_t *memo = ws_xcalloc(mask + 1, sizeof(*memo));	/* entry + 1, 0: empty */
	for (size_t i = 0; i < g->entries.n; i++) {
		struct entry *e = &g->entries.v[i];
		/* the entry before is alike more often than not: no hash */
		if (i > 0 && sig_same(g, e - 1, e)) {
			e->cls = e[-1].cls;
			continue;
		}
		size_t x = (size_t)(sig_hash(g, e) >> (64 - bits));
		for (; memo[x]; x = (x + 1) & mask)
			if (sig_same(g, &g->entries.v[memo[x] - 1], e))
				break;
		if (memo[x]) {
			e->cls = g->entries.v[memo[x] - 1].cls;
			continue;
		}
		struct ws_annot an = { 0, 1, g->names.lookup, g->feat.v + e->feat, e->nfeat, 0,
				       g->lists.v[e->list].rule };
		e->cls = cls(ctx, &an);
		memo[x] = (uint32_t)i + 1;
	}
	free(memo);
	fill_acc(g);
}

size_t ws_gaz_nlists(const struct ws_gaz *g)
{
	return g ? g->lists.n : 0;
}

const struct ws_gaz_list *ws_gaz_list(const struct ws_gaz *g, size_t i)
{
	return g && i < g->lists.n ? &g->lists.v[i] : NULL;
}

const struct ws_gaz_names *ws_gaz_names(const struct ws_gaz *g)
{
	return g ? &g->names : NULL;
}

size_t ws_gaz_entries(const struct ws_gaz *g)
{
	return g ? g->entries.n : 0;
}

void ws_gaz_describe(const struct ws_gaz *g, FILE *out)
{
	if (!g)
		return;
	struct ws_buf b = WS_BUF_INIT;
	for (size_t i = 0; i < g->lists.n; i++) {
		const struct ws_gaz_list *L = &g->lists.v[i];
		ws_buf_reset(&b);
		ws_buf_addf(&b, "gazetteers/%s", L->file);
		fprintf(out, "  %-40s %8zu entries  %s/%s%s%s%s\n", b.data, L->entries, L->major,
			L->minor, (L->flags & WS_GAZ_FOLD) ? " fold" : "",
			(L->flags & WS_GAZ_STEM) ? " stem" : "",
			(L->flags & WS_GAZ_AMBIGUOUS) ? " ambiguous" : "");
	}
	fprintf(out, "  gazetteers: %zu lists, %zu entries, %zu forms, %zu words, "
		"%zu trie nodes, longest form %zu tokens\n", g->lists.n, g->entries.n, g->forms,
		g->words.n - 1, g->nodes.n - 1, g->max_tokens);
	ws_buf_release(&b);
}

/* ---- lookup ----------------------------------------------------------- */

struct ws_gaz_scratch *ws_gaz_scratch_new(void)
{
	return ws_xcalloc(1, sizeof(struct ws_gaz_scratch));
}

void ws_gaz_scratch_free(struct ws_gaz_scratch *s)
{
	if (!s)
		return;
	WS_VEC_FREE(s->ids);
	WS_VEC_FREE(s->cand);
	WS_VEC_FREE(s->kspare);
	free(s->tc);
	ws_buf_release(&s->key);
	if (s->stemmer)
		sb_stemmer_delete(s->stemmer);
	free(s);
}

/* A new epoch for the word keys, and the cache's words without keys of
 * it: a key never names two words in one epoch. */
static void keys_renew(struct ws_gaz_scratch *s)
{
	if (s->nkeys)
		memset(s->tc, 0, sizeof(*s->tc) << TCACHE_BITS);
	s->nkeys = 0;
	s->epoch = atomic_fetch_add(&key_epochs, 1) + 1;
}

uint64_t ws_gaz_keys_into(struct ws_gaz_scratch *s, uint32_t *keys, size_t ntok)
{
	s->keys = keys;
	/* a lookup gives at most one new key a token */
	if (!s->epoch || (uint64_t)s->nkeys + ntok >= UINT32_MAX)
		keys_renew(s);
	return s->epoch;
}

/* The word ids of one token in each mode the gazetteer uses. Most tokens
 * are ASCII: their exact key is the token itself, and a word found that
 * way knows its folded word, so one probe does for both modes. */
static void token_ids(const struct ws_gaz *g, struct ws_gaz_scratch *s, const char *p,
		      size_t n, const char *end, uint32_t *ids);

/* token_ids(), and a name's possessive ending left out for the exact
 * mode when the whole word is in no list. */
static void token_ids_possessive(const struct ws_gaz *g, struct ws_gaz_scratch *s,
				 const char *p, size_t n, const char *end, uint32_t *ids)
{
	token_ids(g, s, p, n, end, ids);
	if (ids[M_EXACT])
		return;
	size_t m = ws_possessive_len(p, n);
	if (m == n)
		return;
	uint32_t bare[MODES];
	token_ids(g, s, p, m, end, bare);
	ids[M_EXACT] = bare[M_EXACT];
}

/* The ids and roots of a word the cache does not hold, into ids, and into
 * the cache slot e unless it is NULL (a word the cache keeps not); v and
 * v2 are the word's packed bytes, the slot's key. */
static uint32_t token_fill(const struct ws_gaz *g, struct ws_gaz_scratch *s, const char *p,
			   size_t n, const char *end, uint32_t *ids, struct tcache *e, uint64_t v,
			   uint64_t v2)
{
	uint32_t wid[MODES];
	token_ids_possessive(g, s, p, n, end, wid);
	/* a word that no form has after its first ends every walk that
	 * reaches it: its id, which the walk alone reads, is left out, and
	 * the walk makes no probe for it (most tokens after "the" or "in") */
	for (int m = 0; m < MODES; m++) {
		const struct word *w = wid[m] ? &g->words.v[wid[m]] : NULL;
		ids[root_at(m)] = w ? w->root[m] : 0;
		ids[id_at(m)] = w && (w->follows >> m & 1) ? wid[m] : 0;
	}
	if (e) {
		/* the word takes its own slot, and the word there moves to the
		 * other slot of the pair: the older one leaves */
		if (e->len)
			s->tc[(size_t)(e - s->tc) ^ 1] = *e;
		e->key[0] = v;
		e->key[1] = v2;
		e->len = (uint32_t)n;
		memcpy(e->slot, ids, sizeof(e->slot));
		e->wordkey = ++s->nkeys;
		return e->wordkey;
	}
	return 0;
}

static uint32_t token_slot(const struct ws_gaz *g, struct ws_gaz_scratch *s, const char *p,
			   size_t n, const char *end, uint32_t *ids)
{
	struct tcache *e = NULL;
	uint64_t v = 0, v2 = 0;
	if (n <= 16 && !(g->modes & (1u << M_STEM))) {
		v = ws_pack_short(p, n < 8 ? n : 8, end);
		if (n > 8)
			v2 = ws_pack_short(p + 8, n - 8, end);
		if (!((v | v2) & 0x8080808080808080ULL)) {
			size_t x = tcache_slot(v, v2);
			e = &s->tc[x];
			for (int way = 0; way < 2; way++) {
				const struct tcache *f = &s->tc[x ^ (size_t)way];
				if (f->len == n && f->key[0] == v && f->key[1] == v2) {
					memcpy(ids, f->slot, sizeof(f->slot));
					return f->wordkey;
				}
			}
		}
	}
	return token_fill(g, s, p, n, end, ids, e, v, v2);
}

static void token_ids(const struct ws_gaz *g, struct ws_gaz_scratch *s, const char *p,
		      size_t n, const char *end, uint32_t *ids)
{
	ids[M_EXACT] = ids[M_FOLD] = ids[M_STEM] = 0;
	/* folding can at most triple a word's bytes: longer tokens cannot match */
	if (n > g->max_word * 3 + 4)
		return;
	if (n < 8 && !(g->modes & (1u << M_STEM))) {
		/* most tokens: short words; ASCII ones are folded in a register */
		const uint64_t ones = 0x0101010101010101ULL, hi = ones * 0x80;
		uint64_t v = ws_pack_short(p, n, end);
		if (!(v & hi)) {
			/* bytes 'A'..'Z': adding 0x3f reaches 0x80, adding 0x25 not */
			uint64_t up = (v + ones * 0x3f) & ~(v + ones * 0x25) & hi;
			uint32_t ex = word_find_short(g, v, n);
			ids[M_EXACT] = ex;
			if (!(g->modes & (1u << M_FOLD)))
				return;
			if (!up)
				ids[M_FOLD] = ex;
			else if (ex)
				ids[M_FOLD] = g->words.v[ex].fold;
			else
				ids[M_FOLD] = word_find_short(g, v | up >> 2, n);
			return;
		}
	}
	/* which bytes are not ASCII, which capitals: eight at a time */
	const uint64_t hi = 0x8080808080808080ULL;
	uint64_t all = 0, upper = 0;
	size_t i = scan_words8(p, n, &all, &upper);
	uint64_t tail = ws_pack_short(p + i, n - i, end);
	all |= tail;
	upper |= upper_bits(tail);
	const char *k = p;
	size_t klen = n;
	if (all & hi) {
		ws_buf_reset(&s->key);
		slow_key(p, n, 0, &s->key);
		k = s->key.data;
		klen = s->key.len;
	}
	uint32_t ex = word_find(g, k, klen);
	ids[M_EXACT] = ex;
	if (!(g->modes & (1u << M_FOLD | 1u << M_STEM)))
		return;
	int same = !(all & hi) && !upper;	/* folding changes nothing */
	if (same)
		ids[M_FOLD] = ex;
	else if (ex && !(g->modes & (1u << M_STEM)))
		ids[M_FOLD] = g->words.v[ex].fold;
	else if (!(all & hi) && n <= 16 && !(g->modes & (1u << M_STEM))) {
		/* an ASCII word of 8 to 16 bytes that no list holds as it is
		 * written, with capitals: folded in two registers */
		uint64_t v[2] = { 0, 0 };
		memcpy(&v[0], p, 8);
		v[1] = ws_pack_short(p + 8, n - 8, end);
		v[0] |= upper_bits(v[0]) >> 2;
		v[1] |= upper_bits(v[1]) >> 2;
		ids[M_FOLD] = word_find(g, (const char *)v, n);
	} else {
		k = make_key(p, n, 1, &s->key, &klen);
		ids[M_FOLD] = word_find(g, k, klen);
	}
	if (g->modes & (1u << M_STEM)) {
		k = stem_key(s->stemmer, k, klen, &klen);
		ids[M_STEM] = word_find(g, k, klen);
	}
}

/* As token_ids, and a name with a possessive ending that no list holds is
 * looked up without it in the case-sensitive lists (Clinton's, Sanders',
 * CNN’s): the lookup covers the whole token, as the tokenizer keeps the
 * ending in the word. Lists of common words (folded or stemmed) are left
 * alone, so "president's" is no title head. */

/* The lookup runs over chunks of this many tokens: each chunk's word ids
 * (and those of the max_tokens - 1 tokens after it, which forms starting
 * in it may reach) are made in one loop, then its tokens are walked; the
 * memory stays small however long the text. */
#define LOOKUP_CHUNK 256

/* token_slot(), out of line: fill_ids()'s loop keeps its few registers
 * for the cache's hits. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t token_slot_far(const struct ws_gaz *g, struct ws_gaz_scratch *s,
			       const char *p, size_t n, const char *end, uint32_t *ids)
{
	return token_slot(g, s, p, n, end, ids);
}

/* token_fill() for a word cache_hit() did not find, out of line as
 * token_slot_far() is. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t token_fill_far(const struct ws_gaz *g, struct ws_gaz_scratch *s,
			       const char *p, size_t n, const char *end, uint32_t *ids,
			       struct tcache *e, uint64_t v, uint64_t v2)
{
	return token_fill(g, s, p, n, end, ids, (v | v2) & 0x8080808080808080ULL ? NULL : e, v, v2);
}

/* token_slot() for the token p[0..n) when the 16 bytes from p lie in the
 * text: the cache's ids and roots into ids on a hit, else the word looked
 * up and put in the slot probed (token_fill_far()), which the slow way
 * need not find again. The cache holds ASCII words only, so a word with
 * other bytes finds no key alike: no test for them before the probe. */
static inline __attribute__((always_inline)) uint32_t
cache_slot(const struct ws_gaz *g, struct ws_gaz_scratch *s, struct tcache *tc, const char *p,
	   size_t n, const char *end, uint32_t *ids)
{
	uint64_t v, v2 = 0;
	struct tcache *e;
	if (n - 1 < 8) {
		/* most tokens: an ASCII word of at most 8 bytes, in one load */
		memcpy(&v, p, 8);
		v &= ws_low_bytes[n];
		size_t x = tcache_slot(v, 0);
		e = &tc[x];
		/* (a word of at most eight bytes has no bytes 8-15: key[1] is 0) */
		if (e->len == n && e->key[0] == v) {
			memcpy(ids, e->slot, sizeof(e->slot));
			return e->wordkey;
		}
		const struct tcache *f = &tc[x ^ 1];
		if (f->len == n && f->key[0] == v) {
			memcpy(ids, f->slot, sizeof(f->slot));
			return f->wordkey;
		}
	} else if (n - 9 < 8) {
		/* a word of 9 to 16 bytes: two loads */
		memcpy(&v, p, 8);
		memcpy(&v2, p + 8, 8);
		v2 &= ws_low_bytes[n - 8];
		size_t x = tcache_slot(v, v2);
		e = &tc[x];
		if (e->len == n && e->key[0] == v && e->key[1] == v2) {
			memcpy(ids, e->slot, sizeof(e->slot));
			return e->wordkey;
		}
		const struct tcache *f = &tc[x ^ 1];
		if (f->len == n && f->key[0] == v && f->key[1] == v2) {
			memcpy(ids, f->slot, sizeof(f->slot));
			return f->wordkey;
		}
	} else {
		return token_slot_far(g, s, p, n, end, ids);
	}
	return token_fill_far(g, s, p, n, end, ids, e, v, v2);
}

/* token_slot() of tokens [from, to), into ids onwards, and their word
 * keys into keys onwards. Its own loop, out of line: the walk's registers
 * are not its. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void fill_ids(const struct ws_gaz *g, struct ws_gaz_scratch *s, const char *text,
		     const struct ws_token *tok, size_t from, size_t to, const char *end,
		     uint32_t *ids, uint32_t *keys)
{
	if (g->modes & (1u << M_STEM)) {
		for (size_t t = from; t < to; t++, ids += T_WORDS)
			*keys++ = token_slot_far(g, s, text + tok[t].start,
						 tok[t].end - tok[t].start, end, ids);
		return;
	}
	struct tcache *tc = s->tc;
	/* the tokens whose 16 bytes lie in the text, all but the last few:
	 * their loop need not ask */
	size_t safe = to;
	while (safe > from && end - (text + tok[safe - 1].start) < 16)
		safe--;
	const struct ws_token *k = tok + from;
	for (const struct ws_token *kend = tok + safe; k < kend; k++, ids += T_WORDS) {
		const char *p = text + k->start;
		size_t n = k->end - k->start;
		*keys++ = cache_slot(g, s, tc, p, n, end, ids);
	}
	for (const struct ws_token *kend = tok + to; k < kend; k++, ids += T_WORDS) {
		const char *p = text + k->start;
		size_t n = k->end - k->start;
		if (end - p < 16)
			*keys++ = token_slot_far(g, s, p, n, end, ids);
		else
			*keys++ = cache_slot(g, s, tc, p, n, end, ids);
	}
}

/* What the walks from one token read. */
struct walk {
	const struct ws_gaz *g;
	struct ws_gaz_scratch *s;
	const struct node *nodes;
	const struct accrec *acc;
	const struct ws_token *tok;
	size_t n;		/* tokens */
	const uint32_t *ids;	/* of tokens from c0 on */
	size_t c0, i;		/* the walks start at token i */
	unsigned opts;
	/* the nodes with entries the walks kept: their number, and the
	 * first, whose entries go to the candidates only when a second
	 * comes (most starts find one) */
	unsigned nhit;
	const struct node *hit;
	uint32_t hit_len;
};

/* The entries of node nd, len tokens long, added to the candidates. */
static inline void add_cands(struct ws_gaz_scratch *s, const struct accrec *acc,
			     const struct node *nd, uint32_t len)
{
	/* room once, then the node's entries side by side */
	uint32_t na = nd->nacc;
	const struct accrec *r = acc + nd->acc;
	WS_VEC_RESERVE(s->cand, s->cand.n + na);
	struct cand *cv = s->cand.v + s->cand.n;
	for (uint32_t a = 0; a < na; a++) {
		cv[a].len = len;
		cv[a].entry = r[a].entry;
		cv[a].rec = &r[a];
	}
	s->cand.n += na;
}

/* The walk of mode m from its root h: the nodes where the forms it
 * reaches end, into wk's hits (and from the second on, their entries into
 * the scratch's candidates), the longer ones only (*best the longest so
 * far) unless every match is wanted. */
static inline __attribute__((always_inline)) void walk_mode(struct walk *wk, int m,
							    uint32_t h, uint32_t *best)
{
	struct ws_gaz_scratch *s = wk->s;
	for (size_t k = wk->i + 1; h; k++) {
		uint32_t len = (uint32_t)(k - wk->i);
		if ((h & H_ACC) && ((wk->opts & WS_GAZ_ALL) || len >= *best)) {
			const struct node *nd = &wk->nodes[h & H_NODE];
			if (len > *best && !(wk->opts & WS_GAZ_ALL)) {
				s->cand.n = 0;
				wk->nhit = 0;
			}
			if (len > *best)
				*best = len;
			if (wk->nhit++ == 0) {
				wk->hit = nd;
				wk->hit_len = len;
			} else {
				if (wk->nhit == 2)
					add_cands(s, wk->acc, wk->hit, wk->hit_len);
				add_cands(s, wk->acc, nd, len);
			}
		}
		if (!(h & H_KIDS) || k >= wk->n || (wk->tok[k].flags & WS_TF_SENT_START))
			break;
		uint32_t w = wk->ids[(k - wk->c0) * T_WORDS + id_at(m)];
		h = w ? edge_find(wk->g, h & H_NODE, w) : 0;
	}
}

/* The walks from the tokens [c0, c1), whose ids and roots lie from ids
 * on, and their annotations into out. Inlined for a constant stem: the
 * stem mode's words are read only when some list uses it. */
static inline __attribute__((always_inline)) void
walk_chunk(const struct ws_gaz *g, struct ws_gaz_scratch *s, const struct ws_token *tok, size_t n,
	   const uint32_t *ids, size_t c0, size_t c1, unsigned opts, ws_annot_vec *out, int stem)
{
	/* the engine's arrays read once: a store of a candidate's pointer
	 * could be to them, as far as the compiler knows */
	const struct node *nodes = g->nodes.v;
	const struct accrec *acc = g->acc;
	/* what the walks read, set once: a start sets its own fields */
	struct walk w = { g, s, nodes, acc, tok, n, ids, c0, 0, opts, 0, NULL, 0 };
	const uint32_t *here = ids;
	for (size_t i = c0; i < c1; i++, here += T_WORDS) {
		/* the exact and folded roots side by side, in one load */
		uint64_t xf;
		memcpy(&xf, here + T_ROOT, sizeof(xf));
		uint32_t hs = stem ? here[T_STEM_ROOT] : 0;
		if (!(xf | hs))
			continue;	/* most tokens: no form starts with the word */
		uint32_t hx = here[root_at(M_EXACT)], hf = here[root_at(M_FOLD)];
		s->cand.n = 0;
		uint32_t best = 0;
		/* the modes in order; a mode no list uses has no roots */
		w.i = i;
		w.nhit = 0;
		if (hx)
			walk_mode(&w, M_EXACT, hx, &best);
		if (hf)
			walk_mode(&w, M_FOLD, hf, &best);
		if (hs)
			walk_mode(&w, M_STEM, hs, &best);
		if (!w.nhit)
			continue;
		/* the engine's arrays read once: a store of the annotations'
		 * pointers could be to them, as far as the compiler knows */
		const char *lookup = g->names.lookup;
		if (w.nhit == 1) {
			/* most starts: one node, whose entries lie in the order
			 * of their ids (flatten()), which the sort below gives */
			uint32_t na = w.hit->nacc;
			const struct accrec *r = acc + w.hit->acc;
			size_t o = out->n;
			WS_VEC_RESERVE(*out, o + na);
			struct ws_annot *dst = out->v + o;
			for (uint32_t a = 0; a < na; a++) {
				struct ws_annot an = {
					(uint32_t)i, (uint32_t)i + w.hit_len, lookup,
					r[a].feat, r[a].nfeat, r[a].cls,
					r[a].rule
				};
				dst[a] = an;
			}
			out->n = o + na;
			continue;
		}
		/* longer first, then lists.def order (entry ids grow with it) */
		struct cand *c = s->cand.v;
		for (size_t a = 1; a < s->cand.n; a++) {
			struct cand x = c[a];
			size_t b = a;
			while (b > 0 && (c[b - 1].len < x.len ||
					 (c[b - 1].len == x.len && c[b - 1].entry > x.entry))) {
				c[b] = c[b - 1];
				b--;
			}
			c[b] = x;
		}
		size_t nc = s->cand.n, o = out->n;
		WS_VEC_RESERVE(*out, o + nc);
		struct ws_annot *dst = out->v + o;
		for (size_t a = 0; a < nc; a++) {
			const struct accrec *e = c[a].rec;
			struct ws_annot an = {
				(uint32_t)i, (uint32_t)i + c[a].len, lookup,
				e->feat, e->nfeat, e->cls, e->rule
			};
			dst[a] = an;
		}
		out->n = o + nc;
	}
}

size_t ws_gaz_lookup(const struct ws_gaz *g, struct ws_gaz_scratch *s, const char *text,
		     const struct ws_tokens *tk, unsigned opts, ws_annot_vec *out)
{
	uint32_t *keys = s ? s->keys : NULL;
	if (s)
		s->keys = NULL;
	if (!g || g->entries.n == 0 || tk->tok.n == 0) {
		if (keys)	/* no lookup, no keys */
			memset(keys, 0, tk->tok.n * sizeof(*keys));
		return 0;
	}
	size_t n = tk->tok.n, out0 = out->n;
	if ((g->modes & (1u << M_STEM)) && !s->stemmer) {
		s->stemmer = sb_stemmer_new("english", NULL);
		if (!s->stemmer) {
			/* ws_gaz_load made one, so only memory can fail */
			if (keys)
				memset(keys, 0, n * sizeof(*keys));
			return 0;
		}
	}
	const size_t maxt = g->max_tokens ? g->max_tokens : 1;
	WS_VEC_RESERVE(s->ids, (LOOKUP_CHUNK + maxt) * T_WORDS);
	if (!keys)
		WS_VEC_RESERVE(s->kspare, LOOKUP_CHUNK + maxt);
	if (!s->tc)
		s->tc = ws_xcalloc((size_t)1 << TCACHE_BITS, sizeof(*s->tc));
	if ((uint64_t)s->nkeys + n >= UINT32_MAX) {
		/* ws_gaz_keys_into() was not told of these tokens: no keys */
		keys_renew(s);
		if (keys)
			memset(keys, 0, n * sizeof(*keys));
		keys = NULL;
		WS_VEC_RESERVE(s->kspare, LOOKUP_CHUNK + maxt);
	}
	uint32_t *ids = s->ids.v;
	const struct ws_token *tok = tk->tok.v;
	const char *end = text + tok[n - 1].end;	/* the text is at least this long */
	size_t done = 0;	/* ids hold tokens [c0, done), from ids[0] */
	for (size_t c0 = 0; c0 < n; c0 += LOOKUP_CHUNK) {
		/* the chunk's ids: tokens [c0, c0 + chunk + max_tokens - 1), those
		 * made for the chunk before moved to the front */
		if (c0)
			memmove(ids, ids + LOOKUP_CHUNK * T_WORDS,
				(done - c0) * T_WORDS * sizeof(*ids));
		size_t want = c0 + LOOKUP_CHUNK + maxt - 1 < n ? c0 + LOOKUP_CHUNK + maxt - 1 : n;
		fill_ids(g, s, text, tok, done, want, end, ids + (done - c0) * T_WORDS,
			 keys ? keys + done : s->kspare.v);
		done = want;
		size_t c1 = c0 + LOOKUP_CHUNK < n ? c0 + LOOKUP_CHUNK : n;
		if (g->modes & (1u << M_STEM))
			walk_chunk(g, s, tok, n, ids, c0, c1, opts, out, 1);
		else
			walk_chunk(g, s, tok, n, ids, c0, c1, opts, out, 0);
	}
	return out->n - out0;
}
