/* The lazy DFA of a phase (ruledfa.h). A state is the set of what the
 * Pike VM's threads from one start would be at one offset, captures left
 * out: an item d * npc + pc is an ELEM instruction waiting for the
 * current token (d 0), or an instruction a spanning element sends a
 * thread to, d tokens on. Two threads at the same place are one item, as
 * the VM merges them, so the states are the VM's thread sets and the
 * matches the same. */
#include "ruledfa.h"

#include <stdlib.h>
#include <string.h>

#include "rules.h"

static int by_value(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Sorts the n items at v and drops repeats; returns how many are left.
 * States hold few items: an insertion sort below a qsort's call cost. */
static size_t sort_unique(uint32_t *v, size_t n)
{
	if (n > 32) {
		qsort(v, n, sizeof(uint32_t), by_value);
	} else {
		for (size_t i = 1; i < n; i++) {
			uint32_t x = v[i];
			size_t j = i;
			for (; j > 0 && v[j - 1] > x; j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
	}
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (m == 0 || v[m - 1] != v[i])
			v[m++] = v[i];
	return m;
}

static uint64_t state_hash(const uint32_t *it, uint32_t n, uint64_t accept)
{
	uint64_t h = accept * 0x9E3779B97F4A7C15ULL ^ n;
	for (uint32_t i = 0; i < n; i++)
		h = (h ^ it[i]) * 0xBF58476D1CE4E5B9ULL;
	return h ^ h >> 29;
}

static void statehash_grow(struct ws_rdfa *d)
{
	size_t cap = d->statehash.n ? d->statehash.n * 2 : 256;
	WS_VEC_RESERVE(d->statehash, cap);
	d->statehash.n = cap;
	memset(d->statehash.v, 0, cap * sizeof(uint32_t));
	for (size_t k = 0; k < d->states.n; k++) {
		const struct ws_rdstate *s = &d->states.v[k];
		size_t i = (size_t)state_hash(d->items.v + s->first, s->n, s->accept) & (cap - 1);
		while (d->statehash.v[i])
			i = (i + 1) & (cap - 1);
		d->statehash.v[i] = (uint32_t)k + 1;
	}
}

/* The number of the state of the n items at it (sorted, distinct). */
static uint32_t state_intern(struct ws_rdfa *d, const uint32_t *it, uint32_t n, uint64_t accept)
{
	if ((d->states.n + 1) * 2 > d->statehash.n)
		statehash_grow(d);
	size_t mask = d->statehash.n - 1, i = (size_t)state_hash(it, n, accept) & mask;
	for (; d->statehash.v[i]; i = (i + 1) & mask) {
		const struct ws_rdstate *s = &d->states.v[d->statehash.v[i] - 1];
		if (s->n == n && s->accept == accept &&
		    (n == 0 || memcmp(d->items.v + s->first, it, n * sizeof(uint32_t)) == 0))
			return d->statehash.v[i] - 1;
	}
	struct ws_rdstate s = { (uint32_t)d->items.n, n, accept };
	WS_VEC_RESERVE(d->items, d->items.n + n + 1);
	if (n)
		memcpy(d->items.v + d->items.n, it, n * sizeof(uint32_t));
	d->items.n += n;
	WS_VEC_PUSH(d->states, s);
	d->statehash.v[i] = (uint32_t)d->states.n;
	return (uint32_t)d->states.n - 1;
}

static void trans_grow(struct ws_rdfa *d)
{
	size_t oldcap = d->tcap, cap = oldcap ? oldcap * 2 : 1024;
	uint64_t *ok = d->tkey;
	uint32_t *ov = d->tval;
	d->tkey = ws_xmalloc(cap * sizeof(uint64_t));
	d->tval = ws_xmalloc(cap * sizeof(uint32_t));
	memset(d->tkey, 0xFF, cap * sizeof(uint64_t));
	d->tcap = cap;
	for (size_t k = 0; k < oldcap; k++) {
		if (ok[k] == ~0ULL)
			continue;
		size_t i = ws_rdfa_slot(ok[k], cap - 1);
		while (d->tkey[i] != ~0ULL)
			i = (i + 1) & (cap - 1);
		d->tkey[i] = ok[k];
		d->tval[i] = ov[k];
	}
	free(ok);
	free(ov);
}

static void trans_add(struct ws_rdfa *d, uint64_t key, uint32_t val)
{
	if ((d->tn + 1) * 2 > d->tcap)
		trans_grow(d);
	size_t mask = d->tcap - 1, i = ws_rdfa_slot(key, mask);
	while (d->tkey[i] != ~0ULL)
		i = (i + 1) & mask;
	d->tkey[i] = key;
	d->tval[i] = val;
	d->tn++;
}

static void flush(struct ws_rdfa *d)
{
	d->syms.n = 0;
	d->symhash.n = 0;
	d->items.n = 0;
	d->states.n = 0;
	d->statehash.n = 0;
	if (d->tkey)
		memset(d->tkey, 0xFF, d->tcap * sizeof(uint64_t));
	d->tn = 0;
	memset(d->startst, 0, sizeof(d->startst));
	if (d->spans)
		memset(d->spans, 0, d->spancap * sizeof(*d->spans));
	d->nspans = 0;
	d->spanpairs.n = 0;
	d->epoch++;
	d->flushes++;
}

void ws_rdfa_init(struct ws_rdfa *d, const struct ws_rphase *ph, const struct ws_rbits *b,
		  size_t phase, uint32_t max_states)
{
	(void)b;
	(void)phase;
	memset(d, 0, sizeof(*d));
	d->max_states = max_states;
	d->usable = max_states > 0 && ph->clo_first && ph->rules.n <= 64 &&
		    (uint64_t)ph->prog.n * (WS_RULE_MAX_SPAN + 1) < UINT32_MAX;
	if (!d->usable)
		return;
	d->npc = (uint32_t)ph->prog.n;
	d->EL = (uint32_t)((ph->elems.n + 63) / 64);
	d->espan = ws_xmalloc((ph->elems.n + 1) * sizeof(uint32_t));
	d->spanbit = ws_xmalloc((ph->elems.n + 1) * sizeof(uint32_t));
	d->spantest = ws_xmalloc((ph->elems.n + 1) * sizeof(*d->spantest));
	d->spanelems = ws_xcalloc(d->EL + 1, sizeof(uint64_t));
	for (size_t e = 0; e < ph->elems.n; e++) {
		const struct ws_relem *em = &ph->elems.v[e];
		d->espan[e] = UINT32_MAX;
		if (em->span < 0)
			continue;
		d->spanelems[e >> 6] |= 1ULL << (e & 63);
		uint32_t k = 0;
		while (k < d->K && d->spanbit[k] != em->spanbit)
			k++;
		if (k == d->K) {
			d->spanbit[k] = em->spanbit;
			d->spantest[k] = &em->tests[em->span];
			d->K++;
		}
		d->espan[e] = k;
	}
	if (d->K > 63) {	/* the class masks hold 63 tests */
		ws_rdfa_release(d);
		return;
	}
	trans_grow(d);
	d->epoch = 1;
}

void ws_rdfa_release(struct ws_rdfa *d)
{
	free(d->espan);
	free(d->spanbit);
	free(d->spantest);
	free(d->spanelems);
	WS_VEC_FREE(d->syms);
	WS_VEC_FREE(d->clsk);
	free(d->spans);
	WS_VEC_FREE(d->spanpairs);
	WS_VEC_FREE(d->row);
	WS_VEC_FREE(d->symhash);
	WS_VEC_FREE(d->items);
	WS_VEC_FREE(d->states);
	WS_VEC_FREE(d->statehash);
	WS_VEC_FREE(d->work);
	free(d->tkey);
	free(d->tval);
	memset(d, 0, sizeof(*d));
}

void ws_rdfa_check(struct ws_rdfa *d)
{
	size_t cap = d->max_states, W = (size_t)d->EL + d->K;
	if (d->states.n > cap || d->syms.n / W > 4 * cap || d->tn > 8 * cap ||
	    d->items.n > 256 * cap || d->nspans > 4 * cap)
		flush(d);
}

uint32_t ws_rdfa_symbol(struct ws_rdfa *d, const uint64_t *sym)
{
	size_t W = (size_t)d->EL + d->K, n = d->syms.n / W, slot = 0;
	size_t k = ws_row_find(&d->symhash, d->syms.v, n, W, sym, 256, &slot);
	if (k < n)
		return (uint32_t)k;
	WS_VEC_RESERVE(d->syms, d->syms.n + W);
	memcpy(d->syms.v + d->syms.n, sym, W * sizeof(uint64_t));
	d->syms.n += W;
	d->symhash.v[slot] = (uint32_t)n + 1;
	return (uint32_t)n;
}

static uint64_t span_hash(uint32_t setsym, const uint64_t *lens, uint64_t touched)
{
	uint64_t h = (setsym + 1) * 0x9E3779B97F4A7C15ULL;
	for (uint64_t m = touched; m; m &= m - 1) {
		unsigned k = (unsigned)__builtin_ctzll(m);
		h = (h ^ k) * 0xBF58476D1CE4E5B9ULL;
		h = (h ^ lens[k]) * 0x94D049BB133111EBULL;
	}
	return h ^ h >> 31;
}

static void spans_grow(struct ws_rdfa *d)
{
	size_t oldcap = d->spancap, cap = oldcap ? oldcap * 2 : 256;
	struct ws_rdspan *old = d->spans;
	d->spans = ws_xcalloc(cap, sizeof(*d->spans));
	d->spancap = cap;
	for (size_t k = 0; k < oldcap; k++) {
		if (!old[k].n)
			continue;
		size_t i = (size_t)old[k].hash & (cap - 1);
		while (d->spans[i].n)
			i = (i + 1) & (cap - 1);
		d->spans[i] = old[k];
	}
	free(old);
}

uint32_t ws_rdfa_span_symbol(struct ws_rdfa *d, uint32_t setsym, const uint64_t *lens,
			     uint64_t touched)
{
	if ((d->nspans + 1) * 2 > d->spancap)
		spans_grow(d);
	uint64_t h = span_hash(setsym, lens, touched);
	uint32_t n = (uint32_t)__builtin_popcountll(touched);
	size_t mask = d->spancap - 1, i = (size_t)h & mask;
	for (; d->spans[i].n; i = (i + 1) & mask) {
		const struct ws_rdspan *e = &d->spans[i];
		if (e->hash != h || e->setsym != setsym || e->n != n)
			continue;
		const uint64_t *p = d->spanpairs.v + e->first;
		uint64_t m = touched;
		for (; m; m &= m - 1, p += 2) {
			unsigned k = (unsigned)__builtin_ctzll(m);
			if (p[0] != k || p[1] != lens[k])
				break;
		}
		if (!m)
			return e->sym;
	}
	/* new: the whole symbol, the set's elements and every test's lengths */
	size_t EL = d->EL, W = EL + d->K;
	WS_VEC_RESERVE(d->row, W);
	memcpy(d->row.v, d->syms.v + (size_t)setsym * W, EL * sizeof(uint64_t));
	for (size_t k = 0; k < d->K; k++)
		d->row.v[EL + k] = touched >> k & 1 ? lens[k] : 0;
	uint32_t sym = ws_rdfa_symbol(d, d->row.v);
	struct ws_rdspan e = { h, setsym, sym, (uint32_t)d->spanpairs.n, n };
	for (uint64_t m = touched; m; m &= m - 1) {
		unsigned k = (unsigned)__builtin_ctzll(m);
		WS_VEC_PUSH(d->spanpairs, k);
		WS_VEC_PUSH(d->spanpairs, lens[k]);
	}
	d->spans[i] = e;
	d->nspans++;
	return sym;
}

uint32_t ws_rdfa_start(struct ws_rdfa *d, const struct ws_rphase *ph, uint64_t run)
{
	size_t h = (size_t)((run * 0x9E3779B97F4A7C15ULL) >> 58);
	if (d->startst[h] && d->startrun[h] == run)
		return d->startst[h] - 1;
	d->work.n = 0;
	const struct ws_rleaf *lf = ph->leaves.v + ph->clo_first[ph->entry];
	for (uint32_t k = 0; k < ph->clo_count[ph->entry]; k++, lf++) {
		uint32_t r = ph->rule_of.v[lf->pc];
		/* a match at the start is empty and counts not */
		if (lf->elem != UINT32_MAX && r < ph->rules.n && (run >> r & 1))
			WS_VEC_PUSH(d->work, lf->pc);
	}
	size_t n = sort_unique(d->work.v, d->work.n);
	uint32_t st = state_intern(d, d->work.v, (uint32_t)n, 0);
	d->startrun[h] = run;
	d->startst[h] = st + 1;
	return st;
}

uint32_t ws_rdfa_build(struct ws_rdfa *d, const struct ws_rphase *ph, uint32_t st, uint32_t sym)
{
	const uint32_t npc = d->npc;
	const uint64_t *row = d->syms.v + (size_t)sym * (d->EL + d->K), *lens = row + d->EL;
	/* the threads' next places, d tokens after the next offset: those
	 * arriving at it are walked through their empty moves below */
	d->work.n = 0;
	struct ws_rdstate s = d->states.v[st];
	for (uint32_t i = 0; i < s.n; i++) {
		uint32_t it = d->items.v[s.first + i], dd = it / npc, pc = it % npc;
		if (dd > 0) {
			WS_VEC_PUSH(d->work, it - npc);
			continue;
		}
		const struct ws_rinst *in = &ph->prog.v[pc];
		uint32_t e = in->x;
		if (!(row[e >> 6] >> (e & 63) & 1))
			continue;
		if (d->espan[e] == UINT32_MAX) {
			WS_VEC_PUSH(d->work, in->y);
			continue;
		}
		for (uint64_t m = lens[d->espan[e]]; m; m &= m - 1)
			WS_VEC_PUSH(d->work, (uint32_t)__builtin_ctzll(m) * npc + in->y);
	}
	size_t nraw = d->work.n;
	uint64_t accept = 0;
	for (size_t i = 0; i < nraw; i++) {
		uint32_t it = d->work.v[i];
		if (it >= npc) {
			WS_VEC_PUSH(d->work, it);
			continue;
		}
		if (ph->clo_first[it] == UINT32_MAX)
			continue;
		const struct ws_rleaf *lf = ph->leaves.v + ph->clo_first[it];
		for (uint32_t k = 0; k < ph->clo_count[it]; k++, lf++) {
			if (lf->elem != UINT32_MAX) {
				WS_VEC_PUSH(d->work, lf->pc);
				continue;
			}
			uint32_t r = ph->prog.v[lf->pc].x;
			if (r < 64)
				accept |= 1ULL << r;
		}
	}
	uint32_t *out = d->work.v + nraw;
	size_t n = d->work.n - nraw;
	size_t m = sort_unique(out, n);
	uint32_t nst = state_intern(d, out, (uint32_t)m, accept);
	trans_add(d, (uint64_t)st << 32 | sym, nst);
	return nst;
}
