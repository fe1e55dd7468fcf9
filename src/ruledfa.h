/* A lazy DFA over a phase's program, anchored at a start token: which
 * rules match from the start and where their longest matches end,
 * without the captures. The matcher asks it first and runs the Pike VM
 * (rulematch.c) only for the rules it reports, so starts where nothing
 * matches cost one table look-up per token reached. Its states are built
 * as they are first needed and kept in the thread's scratch, up to a cap:
 * past it the cache is flushed and built again, so memory stays bounded
 * whatever the input. */
#ifndef WS_RULEDFA_H
#define WS_RULEDFA_H

#include <stdint.h>

#include "buf.h"
#include "rowindex.h"
#include "ruleprog.h"

/* A state: items[first .. first + n) (see ruledfa.c) and the rules whose
 * matches end at its offset. */
struct ws_rdstate {
	uint32_t first, n;
	uint64_t accept;
};

/* One phase's cache. A symbol is what a token offers the phase: which of
 * its elements hold there (EL words) and, per spanning test of the phase
 * (K of them), the lengths of the annotations starting there that pass
 * it (bit L - 1 for length L; K words). */
struct ws_rdfa {
	int usable;		/* 0: the phase is run without the DFA */
	uint32_t EL, K;
	uint32_t *espan;	/* per element: its spanning test's index, UINT32_MAX:
				 * it consumes one token */
	uint32_t *spanbit;	/* per spanning test: its bit in ws_rbits */
	const struct ws_rtest **spantest;	/* per spanning test: the test */
	uint64_t *spanelems;	/* EL words: the spanning elements */
	/* per annotation class (ws_annot.cls): the spanning tests it passes,
	 * bit 63 set once worked out */
	WS_VEC(uint64_t) clsk;
	uint32_t npc;		/* the phase's instructions: an item is d * npc + pc */
	WS_VEC(uint64_t) syms;	/* EL + K words each */
	ws_rowindex symhash;
	WS_VEC(uint32_t) items;
	WS_VEC(struct ws_rdstate) states;
	WS_VEC(uint32_t) statehash;	/* state + 1, 0: empty */
	uint64_t *tkey;		/* transitions: state << 32 | symbol, ~0: empty */
	uint32_t *tval;
	size_t tcap, tn;
	uint64_t startrun[64];	/* start states by the rules run, direct-mapped */
	uint32_t startst[64];	/* state + 1, 0: empty */
	WS_VEC(uint32_t) work;	/* items being built */
	/* symbols of tokens where annotations start, by the symbol of the
	 * token's set and the lengths per spanning test that are not empty:
	 * open addressing (spanslot), the pairs (test, lengths) of each in
	 * spanpairs */
	struct ws_rdspan {
		uint64_t hash;
		uint32_t setsym, sym;
		uint32_t first, n;	/* in spanpairs, n 0: empty slot */
	} *spans;
	size_t spancap, nspans;
	WS_VEC(uint64_t) spanpairs;
	WS_VEC(uint64_t) row;	/* a symbol being built */
	uint32_t max_states;	/* the cap: past it, flush before the next scan */
	uint32_t epoch;		/* new with each flush: symbol numbers of an older
				 * one mean nothing */
	uint64_t flushes;
};

/* The default cap on a phase's states. */
#define WS_RDFA_STATES 4096

/* Sets d up for phase ph of rule set b; max_states 0: the DFA is not used.
 * A phase of more than 64 rules, or without closure lists, is run
 * without it. */
void ws_rdfa_init(struct ws_rdfa *d, const struct ws_rphase *ph, const struct ws_rbits *b,
		  size_t phase, uint32_t max_states);
void ws_rdfa_release(struct ws_rdfa *d);

/* Flushes the cache when it has grown past its cap; call before a scan
 * only, as state and symbol numbers do not survive it. During a scan the
 * cache grows by at most WS_RULE_MAX_SPAN + 1 states past the cap. */
void ws_rdfa_check(struct ws_rdfa *d);

/* The spanning tests an annotation of class cls (1 ... b->nclasses)
 * passes, a bit each. */
static inline uint64_t ws_rdfa_class(struct ws_rdfa *d, const struct ws_rbits *b, uint32_t cls)
{
	if (cls < d->clsk.n && d->clsk.v[cls])
		return d->clsk.v[cls] & ~(1ULL << 63);
	if (cls >= d->clsk.n) {
		size_t n = (size_t)b->nclasses + 1;
		WS_VEC_RESERVE(d->clsk, n);
		memset(d->clsk.v + d->clsk.n, 0, (n - d->clsk.n) * sizeof(uint64_t));
		d->clsk.n = n;
	}
	const uint64_t *row = b->classes.v + (size_t)(cls - 1) * b->words;
	uint64_t m = 0;
	for (uint32_t k = 0; k < d->K; k++)
		m |= (row[d->spanbit[k] >> 6] >> (d->spanbit[k] & 63) & 1) << k;
	d->clsk.v[cls] = m | 1ULL << 63;
	return m;
}

/* The number of the symbol sym (EL + K words), added when new. */
uint32_t ws_rdfa_symbol(struct ws_rdfa *d, const uint64_t *sym);

/* The symbol of a token whose set has the symbol setsym (no annotation
 * lengths) and where annotations of lengths lens[k] pass spanning test k,
 * for each k of touched (the others empty). */
uint32_t ws_rdfa_span_symbol(struct ws_rdfa *d, uint32_t setsym, const uint64_t *lens,
			     uint64_t touched);

/* The state at a start where the rules of run (ws_rule bit r) may begin. */
uint32_t ws_rdfa_start(struct ws_rdfa *d, const struct ws_rphase *ph, uint64_t run);

/* The first slot of the transition table (mask + 1 slots) to try for key. */
static inline size_t ws_rdfa_slot(uint64_t key, size_t mask)
{
	uint64_t h = key * 0x9E3779B97F4A7C15ULL;
	return (size_t)(h >> 32 ^ h >> 7) & mask;
}

uint32_t ws_rdfa_build(struct ws_rdfa *d, const struct ws_rphase *ph, uint32_t st, uint32_t sym);

/* The state after st on a token of symbol sym. */
static inline uint32_t ws_rdfa_next(struct ws_rdfa *d, const struct ws_rphase *ph, uint32_t st,
				    uint32_t sym)
{
	uint64_t key = (uint64_t)st << 32 | sym;
	size_t mask = d->tcap - 1, i = ws_rdfa_slot(key, mask);
	for (; d->tkey[i] != ~0ULL; i = (i + 1) & mask)
		if (d->tkey[i] == key)
			return d->tval[i];
	return ws_rdfa_build(d, ph, st, sym);
}

#endif
