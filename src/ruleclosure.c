/* Empty moves worked out at compile time (ruleprog.h): from each
 * instruction a thread can be sent to, the elements and matches it reaches
 * through jumps, splits and saves. The matcher then adds a thread with one
 * pass over a list instead of a walk over the program at every step. */
#include "ruleprog.h"

#include <stdlib.h>
#include <string.h>

/* Past this many leaves in a phase the lists cost more memory than the
 * walk costs time: the matcher walks instead. */
#define MAX_LEAVES (1u << 22)

/* The closures' element masks (ws_rphase.clo_mask) of a phase of many
 * instructions and many elements would take more memory than they save
 * time: past this many words there are none. */
#define MAX_MASK_WORDS (1u << 20)

struct item {
	uint32_t pc;
	uint32_t save;	/* the saves on the path: index + 1 in chain, 0: none */
};

struct link {
	uint32_t slot, up;
};

/* The leaves reachable from pc, in the order the matcher's depth-first
 * walk meets them (a split's preferred branch first; an instruction met
 * again is not walked again), each with the slots saved on its path. */
static int closure(struct ws_rphase *ph, uint32_t pc, uint32_t *mark, uint32_t stamp)
{
	WS_VEC(struct item) stack = { 0 };
	WS_VEC(struct link) chain = { 0 };
	struct item t0 = { pc, 0 };
	WS_VEC_PUSH(stack, t0);
	ph->clo_first[pc] = (uint32_t)ph->leaves.n;
	while (stack.n) {
		struct item t = stack.v[--stack.n];
		if (mark[t.pc] == stamp)
			continue;
		mark[t.pc] = stamp;
		const struct ws_rinst *in = &ph->prog.v[t.pc];
		struct item nt = t;
		switch (in->op) {
		case OP_JMP:
			nt.pc = in->x;
			WS_VEC_PUSH(stack, nt);
			break;
		case OP_SPLIT:
			nt.pc = in->y;
			WS_VEC_PUSH(stack, nt);
			nt.pc = in->x;
			WS_VEC_PUSH(stack, nt);
			break;
		case OP_SAVE: {
			struct link l = { in->x, t.save };
			WS_VEC_PUSH(chain, l);
			nt.save = (uint32_t)chain.n;
			nt.pc = in->y;
			WS_VEC_PUSH(stack, nt);
			break;
		}
		default: {
			struct ws_rleaf lf = { t.pc, (uint32_t)ph->leaf_slots.n, 0,
					       in->op == OP_ELEM ? in->x : (uint32_t)ph->elems.n };
			for (uint32_t k = t.save; k; k = chain.v[k - 1].up) {
				WS_VEC_PUSH(ph->leaf_slots, chain.v[k - 1].slot);
				lf.nslots++;
			}
			WS_VEC_PUSH(ph->leaves, lf);
			break;
		}
		}
	}
	ph->clo_count[pc] = (uint32_t)ph->leaves.n - ph->clo_first[pc];
	WS_VEC_FREE(stack);
	WS_VEC_FREE(chain);
	return ph->leaves.n <= MAX_LEAVES;
}

/* Rules whose code is straight (saves, one element, saves, match): each
 * match is the element's longest length, with no VM needed. */
static void find_singles(struct ws_rphase *ph)
{
	size_t n = ph->prog.n, pc = 0;
	for (size_t r = 0; r < ph->rules.n; r++) {
		struct ws_rule *ru = &ph->rules.v[r];
		ru->single = -1;
		while (pc < n && ph->rule_of.v[pc] != r)
			pc++;
		size_t at = pc, nelem = 0, nslots0 = ph->single_slots.n;
		int straight = 1;
		uint32_t elem = 0;
		for (; at < n && ph->rule_of.v[at] == r; at++) {
			const struct ws_rinst *in = &ph->prog.v[at];
			if (in->op == OP_ELEM && in->y == at + 1) {
				elem = in->x;
				nelem++;
			} else if (in->op == OP_SAVE && in->y == at + 1) {
				WS_VEC_PUSH(ph->single_slots, in->x * 2 + (nelem > 0));
			} else if (in->op != OP_MATCH || (at + 1 < n && ph->rule_of.v[at + 1] == r)) {
				straight = 0;	/* a split or jump, or code past the match */
			}
		}
		pc = at;
		if (!straight || nelem != 1) {
			ph->single_slots.n = nslots0;
			continue;
		}
		ru->single = (int32_t)elem;
		ru->sfirst = (uint32_t)nslots0;
		ru->scount = (uint32_t)(ph->single_slots.n - nslots0);
	}
}

void ws_rclosure_release(struct ws_rphase *ph)
{
	free(ph->clo_first);
	free(ph->clo_count);
	free(ph->clo_mask);
	ph->clo_first = ph->clo_count = NULL;
	ph->clo_mask = NULL;
	WS_VEC_FREE(ph->leaves);
	WS_VEC_FREE(ph->leaf_slots);
	WS_VEC_FREE(ph->single_slots);
	for (size_t r = 0; r < ph->rules.n; r++)
		ph->rules.v[r].single = -1;
}

void ws_rclosure_build(struct ws_rphase *ph)
{
	size_t n = ph->prog.n;
	for (size_t i = 0; i < n; i++) {
		struct ws_rinst *in = &ph->prog.v[i];
		in->one = in->op == OP_ELEM && ph->elems.v[in->x].span < 0;
	}
	ph->clo_first = ws_xmalloc((n + 1) * sizeof(uint32_t));
	ph->clo_count = ws_xcalloc(n + 1, sizeof(uint32_t));
	for (size_t i = 0; i < n; i++)
		ph->clo_first[i] = UINT32_MAX;
	uint32_t *mark = ws_xcalloc(n + 1, sizeof(uint32_t));
	uint32_t stamp = 0;
	int ok = closure(ph, ph->entry, mark, ++stamp);
	for (size_t i = 0; ok && i < n; i++) {
		const struct ws_rinst *in = &ph->prog.v[i];
		if (in->op == OP_ELEM && in->y < n && ph->clo_first[in->y] == UINT32_MAX)
			ok = closure(ph, in->y, mark, ++stamp);
	}
	free(mark);
	if (!ok) {
		ws_rclosure_release(ph);
		return;
	}
	find_singles(ph);
	size_t EL = (ph->elems.n + 63) / 64, W = EL + 1;
	if (n * W > MAX_MASK_WORDS)
		return;	/* the matcher goes over the leaves instead */
	ph->clo_words = (uint32_t)W;
	ph->clo_mask = ws_xcalloc(n * W + 1, sizeof(uint64_t));
	for (size_t pc = 0; pc < n; pc++) {
		if (ph->clo_first[pc] == UINT32_MAX)
			continue;
		uint64_t *m = ph->clo_mask + pc * W;
		const struct ws_rleaf *lf = ph->leaves.v + ph->clo_first[pc];
		for (uint32_t k = 0; k < ph->clo_count[pc]; k++, lf++)
			if (lf->elem == ph->elems.n)
				m[EL] = 1;
			else
				m[lf->elem >> 6] |= 1ULL << (lf->elem & 63);
	}
}
