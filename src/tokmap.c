/* Sparse per-token maps (see tokmap.h). */
#include "tokmap.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

void ws_tokmap_init(struct ws_tokmap *m, size_t ntok)
{
	memset(m, 0, sizeof(*m));
	ws_tokmap_reset(m, ntok);
}

void ws_tokmap_reset(struct ws_tokmap *m, size_t ntok)
{
	m->nwords = ntok / 64 + 2;
	m->n = 0;
	if (m->nwords > m->wcap) {
		free(m->bits);
		m->wcap = m->nwords;
		/* one block: the bits, then as many uint32_t ranks */
		m->bits = ws_xcalloc(m->wcap + (m->wcap + 1) / 2, sizeof(uint64_t));
	} else {
		memset(m->bits, 0, m->nwords * sizeof(uint64_t));
	}
	m->rank = (uint32_t *)(m->bits + m->wcap);
}

/* The bits set in x. */
static uint32_t popcount(uint64_t x)
{
	x -= x >> 1 & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + (x >> 2 & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (uint32_t)((x * 0x0101010101010101ULL) >> 56);
}

/* The ranks of the words of bits; each key has its bit, once. */
static void make_ranks(struct ws_tokmap *m)
{
	uint32_t r = 0;
	for (size_t w = 0; w < m->nwords; w++) {
		m->rank[w] = r;
		if (m->bits[w])	/* most words of most maps: none set */
			r += popcount(m->bits[w]);
	}
}

void ws_tokmap_grow(struct ws_tokmap *m)
{
	size_t c = m->cap ? m->cap * 2 : 64;
	m->key = ws_xrealloc(m->key, c * sizeof(*m->key));
	m->val = ws_xrealloc(m->val, c * sizeof(*m->val));
	m->cap = c;
}

/* Insertion order breaks ties, so that the last set wins. */
struct pair {
	uint32_t key, order;
	int32_t val;
};

static int by_key(const void *x, const void *y)
{
	const struct pair *a = x, *b = y;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

void ws_tokmap_finish(struct ws_tokmap *m)
{
	int sorted = 1;
	for (size_t i = 1; i < m->n && sorted; i++)
		sorted = m->key[i - 1] < m->key[i];
	if (sorted) {
		make_ranks(m);
		return;
	}
	struct pair *p = ws_xmalloc((m->n + 1) * sizeof(*p));
	for (size_t i = 0; i < m->n; i++) {
		p[i].key = m->key[i];
		p[i].order = (uint32_t)i;
		p[i].val = m->val[i];
	}
	qsort(p, m->n, sizeof(*p), by_key);
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++) {
		if (k && m->key[k - 1] == p[i].key)
			k--;	/* the later one wins */
		m->key[k] = p[i].key;
		m->val[k] = p[i].val;
		k++;
	}
	m->n = k;
	free(p);
	make_ranks(m);
}

void ws_tokmap_finish_sorted(struct ws_tokmap *m)
{
	make_ranks(m);
}

void ws_tokmap_free(struct ws_tokmap *m)
{
	free(m->bits);
	free(m->key);
	free(m->val);
	memset(m, 0, sizeof(*m));
}
