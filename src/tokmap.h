/* A sparse map from token index to a value: for the few tokens that carry
 * one (a cue starts there, a quote opens there). A bit per token says
 * whether a token has a value, and the values sit in a sorted array; so a
 * document's maps cost about a bit per token instead of four bytes. */
#ifndef WS_TOKMAP_H
#define WS_TOKMAP_H

#include <stddef.h>
#include <stdint.h>

struct ws_tokmap {
	uint64_t *bits;		/* a bit per token: it has a value */
	uint32_t *rank;		/* per word of bits: the values before it (after
				 * finish), where a search for its tokens starts */
	uint32_t *key;		/* the tokens that have one, ascending after finish */
	int32_t *val;
	size_t n, cap, nwords;
	size_t wcap;		/* words of bits there is room for */
};

void ws_tokmap_init(struct ws_tokmap *m, size_t ntok);
/* Empties m for ntok tokens, keeping its memory: a thread's maps are made
 * once and reset for each document. m was made by ws_tokmap_init(), or is
 * all zero. */
void ws_tokmap_reset(struct ws_tokmap *m, size_t ntok);
/* Makes room for more values; ws_tokmap_set() calls it. */
void ws_tokmap_grow(struct ws_tokmap *m);

/* Sets tok's value; a later set of the same token wins. Any order.
 * Inline: a document's lookups set one a token. */
static inline void ws_tokmap_set(struct ws_tokmap *m, size_t tok, int32_t val)
{
	if (m->n == m->cap)
		ws_tokmap_grow(m);
	m->key[m->n] = (uint32_t)tok;
	m->val[m->n] = val;
	m->n++;
	m->bits[tok >> 6] |= (uint64_t)1 << (tok & 63);
}
/* Sorts what was set; call once, before ws_tokmap_get. */
void ws_tokmap_finish(struct ws_tokmap *m);
/* ws_tokmap_finish() for a map whose tokens were set in ascending order,
 * each once (a document's lookups, by first token): nothing to sort or
 * check. */
void ws_tokmap_finish_sorted(struct ws_tokmap *m);
void ws_tokmap_free(struct ws_tokmap *m);

/* tok's value, or -1: the values of the tokens in tok's word of bits
 * start at its rank, and tok's is among the few there. */
static inline int32_t ws_tokmap_get(const struct ws_tokmap *m, size_t tok)
{
	if (!(m->bits[tok >> 6] >> (tok & 63) & 1))
		return -1;	/* most tokens: no value, one test */
	size_t i = m->rank[tok >> 6];
	while (m->key[i] != tok)
		i++;
	return m->val[i];
}

#endif
