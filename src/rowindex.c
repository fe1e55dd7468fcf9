/* The row index (see rowindex.h): growing it. */
#include "rowindex.h"

#include <string.h>

void ws_row_grow(ws_rowindex *index, const uint64_t *rows, size_t n, size_t W, size_t min_cap)
{
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
