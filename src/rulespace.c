/* Each phase's own bit space (ruleprog.h, ws_rspace): the rule set's tests
 * are numbered once for all phases, so a large set needs several words per
 * token; a phase reads few of them, and numbered apart its elements are
 * tested with one word, which keeps the matcher's one-word paths. */
#include "ruleprog.h"

#include <stdlib.h>
#include <string.h>

/* How a test of the rule set is used in one phase: in which elements, and
 * whether only ever forbidden there (not needed, not spanning). */
struct use {
	WS_VEC(uint32_t) elems;	/* ascending, each once */
	int forbid_only;
	uint32_t local;		/* UINT32_MAX: not yet numbered */
};

static void set_bit(uint64_t *w, uint32_t bit)
{
	w[bit >> 6] |= 1ULL << (bit & 63);
}

static int same_elems(const struct use *a, const struct use *b)
{
	return a->elems.n == b->elems.n &&
	       memcmp(a->elems.v, b->elems.v, a->elems.n * sizeof(uint32_t)) == 0;
}

/* Numbers the phase's tests in the order elements first use them; a test
 * forbidden only, by the same elements as an earlier such test, takes its
 * bit (forbidding both is forbidding that either holds, and the projection
 * ORs them). */
static void number(const struct ws_rphase *ph, size_t gbits, size_t gwords, struct ws_rspace *sp)
{
	struct use *u = ws_xcalloc(gbits + 1, sizeof(*u));
	WS_VEC(uint32_t) order = { 0 };
	for (size_t e = 0; e < ph->elems.n; e++) {
		const struct ws_relem *el = &ph->elems.v[e];
		for (uint32_t k = 0; k < el->ntests; k++) {
			const struct ws_rtest *t = &el->tests[k];
			struct use *x = &u[t->bit];
			if (!x->elems.n) {
				x->forbid_only = 1;
				x->local = UINT32_MAX;
				WS_VEC_PUSH(order, t->bit);
			}
			if (!t->neg || (int32_t)k == el->span)
				x->forbid_only = 0;
			if (!x->elems.n || x->elems.v[x->elems.n - 1] != (uint32_t)e)
				WS_VEC_PUSH(x->elems, (uint32_t)e);
		}
	}
	sp->used = ws_xcalloc(gwords, sizeof(uint64_t));
	sp->local = ws_xcalloc(gbits + 1, sizeof(uint16_t));
	sp->nbits = 0;
	for (size_t i = 0; i < order.n; i++) {
		struct use *x = &u[order.v[i]];
		for (size_t j = 0; j < i && x->forbid_only; j++) {
			const struct use *y = &u[order.v[j]];
			if (y->forbid_only && same_elems(x, y)) {
				x->local = y->local;
				break;
			}
		}
		if (x->local == UINT32_MAX)
			x->local = sp->nbits++;
		set_bit(sp->used, order.v[i]);
		sp->local[order.v[i]] = (uint16_t)x->local;
	}
	sp->words = (sp->nbits + 63) / 64;
	if (sp->words == 0)
		sp->words = 1;
	for (size_t i = 0; i < order.n; i++)
		WS_VEC_FREE(u[order.v[i]].elems);
	WS_VEC_FREE(order);
	free(u);
}

/* The space's kill table (ws_rspace), from the elements' masks: first
 * per bit the elements that need it and those that forbid it. */
static void by_bit(const struct ws_rphase *ph, const struct ws_rbits *b, struct ws_rspace *sp)
{
	size_t W = sp->words, EW = (ph->elems.n + 63) / 64, nbits = sp->nbits;
	if (EW == 0)
		EW = 1;
	sp->ewords = (uint32_t)EW;
	uint64_t *needers = ws_xcalloc(nbits * EW + 1, sizeof(uint64_t));
	uint64_t *forbidders = ws_xcalloc(nbits * EW + 1, sizeof(uint64_t));
	for (size_t e = 0; e < ph->elems.n; e++) {
		const struct ws_relem *el = &ph->elems.v[e];
		const uint64_t *need = b->masks.v + el->mask, *forbid = need + W;
		for (size_t w = 0; w < W; w++) {
			for (uint64_t m = need[w]; m; m &= m - 1)
				set_bit(needers + (w * 64 + (size_t)__builtin_ctzll(m)) * EW, (uint32_t)e);
			for (uint64_t m = forbid[w]; m; m &= m - 1)
				set_bit(forbidders + (w * 64 + (size_t)__builtin_ctzll(m)) * EW,
					(uint32_t)e);
		}
		if (el->span >= 0)
			set_bit(needers + (size_t)el->lspanbit * EW, (uint32_t)e);
	}
	size_t nnib = (nbits + 3) / 4;
	sp->kill = ws_xcalloc(nnib * 16 * EW + 1, sizeof(uint64_t));
	for (size_t i = 0; i < nnib; i++)
		for (size_t v = 0; v < 16; v++) {
			uint64_t *k = sp->kill + (i * 16 + v) * EW;
			for (size_t bit = i * 4; bit < i * 4 + 4 && bit < nbits; bit++) {
				const uint64_t *by = (v >> (bit - i * 4) & 1 ? forbidders : needers) +
						     bit * EW;
				for (size_t w = 0; w < EW; w++)
					k[w] |= by[w];
			}
		}
	free(needers);
	free(forbidders);
}

void ws_rspace_build(struct ws_ruleset *rs)
{
	struct ws_rbits *b = &rs->bits;
	b->nspaces = rs->phases.n;
	b->spaces = ws_xcalloc(b->nspaces + 1, sizeof(*b->spaces));
	b->masks.n = 0;
	for (size_t p = 0; p < rs->phases.n; p++) {
		struct ws_rphase *ph = &rs->phases.v[p];
		struct ws_rspace *sp = &b->spaces[p];
		number(ph, b->nbits, b->words, sp);
		size_t W = sp->words;
		for (size_t e = 0; e < ph->elems.n; e++) {
			struct ws_relem *el = &ph->elems.v[e];
			size_t at = b->masks.n;
			WS_VEC_RESERVE(b->masks, at + 2 * W);
			memset(b->masks.v + at, 0, 2 * W * sizeof(uint64_t));
			b->masks.n += 2 * W;
			el->mask = (uint32_t)at;
			el->spanbit = el->span >= 0 ? el->tests[el->span].bit : 0;
			el->lspanbit = el->span >= 0 ? sp->local[el->spanbit] : 0;
			for (uint32_t k = 0; k < el->ntests; k++) {
				const struct ws_rtest *t = &el->tests[k];
				if ((int32_t)k != el->span)
					set_bit(b->masks.v + at + (t->neg ? W : 0), sp->local[t->bit]);
			}
		}
		by_bit(ph, b, sp);
	}
}

void ws_rspace_release(struct ws_rbits *b)
{
	for (size_t p = 0; p < b->nspaces; p++) {
		free(b->spaces[p].used);
		free(b->spaces[p].local);
		free(b->spaces[p].kill);
	}
	free(b->spaces);
	b->spaces = NULL;
	b->nspaces = 0;
	WS_VEC_FREE(b->masks);
}
