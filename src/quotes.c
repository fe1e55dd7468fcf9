/* Quote pairing (see quotes.h). One stack of open marks; per-family counts
 * let a closer know at once whether any opener of its family is waiting, so
 * an unmatched closer costs O(1) and each opener is popped at most once. */
#include "quotes.h"
#include "text.h"

#include <stdlib.h>

struct open_mark {
	uint32_t tok;
	uint8_t family;
	uint8_t flags;
};

struct pairer {
	const struct ws_tokens *t;
	ws_qspan_vec *out;
	WS_VEC(struct open_mark) stack;
	uint32_t count[3];	/* open marks on the stack, by family */
	uint32_t unmatched;
};

static void push(struct pairer *p, uint32_t tok, uint8_t family, uint8_t flags)
{
	struct open_mark m = { tok, family, flags };
	WS_VEC_PUSH(p->stack, m);
	p->count[family]++;
}

/* Closes the innermost open mark of family with the mark at tok; the marks
 * above it are left unmatched. The caller has checked count[family] > 0. */
static void close_with(struct pairer *p, uint32_t tok, uint8_t family)
{
	while (p->stack.n) {
		struct open_mark m = p->stack.v[--p->stack.n];
		p->count[m.family]--;
		if (m.family != family) {
			p->unmatched++;
			continue;
		}
		const struct ws_token *tk = p->t->tok.v;
		struct ws_qspan q;
		q.open_tok = m.tok;
		q.close_tok = tok;
		q.start = tk[m.tok].start;
		q.end = tk[tok].end;
		q.depth = (uint32_t)p->stack.n;
		q.family = family;
		q.flags = m.flags;
		if (tk[m.tok].para != tk[tok].para)
			q.flags |= WS_QS_MULTIPARA;
		WS_VEC_PUSH(*p->out, q);
		return;
	}
}

static int opens(const struct ws_token *t)
{
	return t->kind == WS_TOK_QUOTE_OPEN ||
	       (t->kind == WS_TOK_QUOTE_AMBIG && t->quote == WS_Q_DOUBLE);
}

/* At the end of a paragraph: a quote left open continues when the next
 * paragraph begins with an opening mark of its family (the convention for
 * quotes over several paragraphs); the rest of the marks are dropped.
 * Returns the token index of the continuing mark to skip, or 0. */
static uint32_t end_paragraph(struct pairer *p, uint32_t next_first)
{
	if (!p->stack.n)
		return 0;
	const struct ws_token *tk = p->t->tok.v;
	struct open_mark bottom = p->stack.v[0];
	int carry = next_first < p->t->tok.n && opens(&tk[next_first]) &&
		    tk[next_first].quote == bottom.family;
	p->unmatched += (uint32_t)p->stack.n - (carry ? 1u : 0u);
	p->stack.n = 0;
	p->count[0] = p->count[1] = p->count[2] = 0;
	if (!carry)
		return 0;
	push(p, bottom.tok, bottom.family, bottom.flags | WS_QS_MULTIPARA);
	return next_first;
}

static int by_start(const void *a, const void *b)
{
	const struct ws_qspan *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

static void handle_mark(struct pairer *p, uint32_t i)
{
	const struct ws_token *k = &p->t->tok.v[i];
	uint8_t fam = k->quote;
	switch (k->kind) {
	case WS_TOK_QUOTE_OPEN:
		push(p, i, fam, 0);
		break;
	case WS_TOK_QUOTE_CLOSE:
		if (p->count[fam])
			close_with(p, i, fam);
		else if (fam == WS_Q_DOUBLE)
			p->unmatched++;	/* a lone single closer is an apostrophe */
		break;
	default:
		/* straight marks: a double closes the open one if any, else
		 * opens; a single one only ever closes a single */
		if (p->count[fam])
			close_with(p, i, fam);
		else if (fam == WS_Q_DOUBLE)
			push(p, i, fam, 0);
		break;
	}
}

void ws_pair_quotes(const struct ws_tokens *t, ws_qspan_vec *out, struct ws_qstats *st)
{
	struct pairer p = { 0 };
	p.t = t;
	p.out = out;
	out->n = 0;
	const struct ws_token *tk = t->tok.v;
	uint32_t skip = UINT32_MAX;	/* the mark that continues a quote */
	for (size_t pi = 0; pi < t->para.n; pi++) {
		const struct ws_range *para = &t->para.v[pi];
		for (uint32_t i = para->first, last = para->last; i < last; i++) {
			/* most tokens are no mark: passed over in a loop that
			 * calls nothing, four at a test (WS_Q_NONE is 0) */
			while (i + 4 <= last && !(tk[i].quote | tk[i + 1].quote | tk[i + 2].quote |
						  tk[i + 3].quote))
				i += 4;
			while (i < last && tk[i].quote == WS_Q_NONE)
				i++;
			if (i == last)
				break;
			if (i != skip)
				handle_mark(&p, i);
		}
		uint32_t next = pi + 1 < t->para.n ? t->para.v[pi + 1].first : (uint32_t)t->tok.n;
		uint32_t cont = end_paragraph(&p, next);
		skip = cont ? cont : UINT32_MAX;
	}
	WS_VEC_FREE(p.stack);
	if (out->n > 1)	/* qsort's array must not be NULL, even when empty */
		qsort(out->v, out->n, sizeof(out->v[0]), by_start);
	if (st)
		st->unmatched = p.unmatched;
}
