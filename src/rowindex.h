/* An index over rows of W 64-bit words stored one after another (sets of
 * bits, interned): open addressing in a table of row number + 1 (0:
 * empty), kept at most half full. The rows stay where their owner keeps
 * them; the index only finds them. */
#ifndef WS_ROWINDEX_H
#define WS_ROWINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

typedef WS_VEC(uint32_t) ws_rowindex;

static inline uint64_t ws_row_hash(const uint64_t *w, size_t W)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL;
	for (size_t i = 0; i < W; i++)
		h = (h ^ w[i]) * 0xBF58476D1CE4E5B9ULL;
	return h ^ h >> 31;
}

/* Makes the table room for row n: min_cap slots (a power of two) when
 * empty, else twice as many, the n rows at rows placed again. */
void ws_row_grow(ws_rowindex *index, const uint64_t *rows, size_t n, size_t W, size_t min_cap);

/* The number of the row equal to w among the n rows at rows, or n when
 * there is none; then *slot is where row n goes once its owner has stored
 * it (index->v[*slot] = n + 1). Inline: the rule matcher asks it for every
 * new set of tests. */
static inline size_t ws_row_find(ws_rowindex *index, const uint64_t *rows, size_t n, size_t W,
				 const uint64_t *w, size_t min_cap, size_t *slot)
{
	if (index->n == 0 || (n + 1) * 2 > index->n)
		ws_row_grow(index, rows, n, W, min_cap);
	size_t mask = index->n - 1, i = (size_t)ws_row_hash(w, W) & mask;
	for (; index->v[i]; i = (i + 1) & mask) {
		const uint64_t *r = rows + (size_t)(index->v[i] - 1) * W;
		size_t k = 0;
		while (k < W && r[k] == w[k])
			k++;
		if (k == W)
			return index->v[i] - 1;
	}
	*slot = i;
	return n;
}

#endif
