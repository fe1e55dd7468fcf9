/* The row index (see rowindex.h). */
#include "rowindex.h"

#include <string.h>

uint64_t ws_row_hash(const uint64_t *w, size_t W)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL;
	for (size_t i = 0; i < W; i++)
		h = (h ^ w[i]) * 0xBF58476D1CE4E5B9ULL;
	return h ^ h >> 31;
}

size_t ws_row_find(ws_rowindex *index, const uint64_t *rows, size_t n, size_t W,
		   const uint64_t *w, size_t min_cap, size_t *slot)
{
	if (index->n == 0 || (n + 1) * 2 > index->n) {	/* grow, and place the rows again */
		size_t cap = index->n ? index->n * 2 : min_cap;
		WS_VEC_RESERVE(*index, cap);
		index->n = cap;
		memset(index->v, 0, cap * sizeof(uint32_t));
		for (size_t k = 0; k < n; k++) {
			size_t i = (size_t)ws_row_hash(rows + k * W, W) & (cap - 1);
			while (index->v[i])
				i = (i + 1) & (cap - 1);
			index->v[i] = (uint32_t)k + 1;
		}
	}
	size_t mask = index->n - 1, i = (size_t)ws_row_hash(w, W) & mask;
	for (; index->v[i]; i = (i + 1) & mask) {
		size_t k = index->v[i] - 1;
		if (memcmp(rows + k * W, w, W * sizeof(uint64_t)) == 0)
			return k;
	}
	*slot = i;
	return n;
}
