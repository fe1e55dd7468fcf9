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

uint64_t ws_row_hash(const uint64_t *w, size_t W);

/* The number of the row equal to w among the n rows at rows, or n when
 * there is none; then *slot is where row n goes once its owner has stored
 * it (index->v[*slot] = n + 1). Grows the table first, to min_cap slots
 * (a power of two) when empty, so that row n fits. */
size_t ws_row_find(ws_rowindex *index, const uint64_t *rows, size_t n, size_t W,
		   const uint64_t *w, size_t min_cap, size_t *slot);

#endif
