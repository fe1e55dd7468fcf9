/* Quote spans: pairs opening and closing quote marks into spans, with
 * nesting, straight marks paired by context, and the news convention for
 * quotes that run over several paragraphs. Linear in the number of marks. */
#ifndef WS_QUOTES_H
#define WS_QUOTES_H

#include <stdint.h>

#include "buf.h"
#include "tokenize.h"

#define WS_QS_MULTIPARA 0x01	/* runs over more than one paragraph */

struct ws_qspan {
	uint32_t open_tok, close_tok;	/* token indices of the two marks */
	uint32_t start, end;		/* bytes, marks included */
	uint32_t depth;			/* 0 for a quote not inside another */
	uint8_t family;			/* enum ws_qfamily */
	uint8_t flags;			/* WS_QS_* */
};

struct ws_qstats {
	uint32_t unmatched;	/* marks left without a partner */
};

typedef WS_VEC(struct ws_qspan) ws_qspan_vec;

/* Pairs the quote tokens of t (as ws_tokenize() made them, with their
 * list t->marks) into out (reset first), sorted by start. An unbalanced
 * mark is dropped at the end of its paragraph, so it never damages the
 * rest of the document. */
void ws_pair_quotes(const struct ws_tokens *t, ws_qspan_vec *out, struct ws_qstats *st);

#endif
