/* The sparse per-token maps (tokmap.h): a value is found from the rank of
 * its word of bits, so every token must answer its own value,
 * whatever order the values were set in and however they spread. */
#include "testutil.h"
#include "tokmap.h"

Test(tokmap, values_in_any_order_last_wins)
{
	struct ws_tokmap m;
	ws_tokmap_init(&m, 300);
	ws_tokmap_set(&m, 200, 7);
	ws_tokmap_set(&m, 0, 1);
	ws_tokmap_set(&m, 63, 2);
	ws_tokmap_set(&m, 64, 3);
	ws_tokmap_set(&m, 200, 8);	/* the later set wins */
	ws_tokmap_set(&m, 299, 9);
	ws_tokmap_set(&m, 127, 4);
	ws_tokmap_finish(&m);
	cr_assert_eq(ws_tokmap_get(&m, 0), 1);
	cr_assert_eq(ws_tokmap_get(&m, 63), 2);
	cr_assert_eq(ws_tokmap_get(&m, 64), 3);
	cr_assert_eq(ws_tokmap_get(&m, 127), 4);
	cr_assert_eq(ws_tokmap_get(&m, 200), 8);
	cr_assert_eq(ws_tokmap_get(&m, 299), 9);
	cr_assert_eq(ws_tokmap_get(&m, 1), -1);
	cr_assert_eq(ws_tokmap_get(&m, 128), -1);
	cr_assert_eq(ws_tokmap_get(&m, 300), -1);
	ws_tokmap_free(&m);
}

enum { SPREAD = 5000 };

/* Sets a pseudo-random spread of values on m, in ascending order, dense
 * (one in `dense`) in every other run of `run` tokens and sparse (one in
 * `sparse`) between, with empty words; want gets each token's value or
 * -1. Then finishes m as sorted says and checks every token against want. */
static void spread(struct ws_tokmap *m, uint32_t x, size_t run, uint32_t dense, uint32_t sparse,
		   int sorted)
{
	static int32_t want[SPREAD + 1];
	for (size_t t = 0; t <= SPREAD; t++) {
		x = x * 1103515245u + 12345u;
		int on = (t / run) % 2 ? (x >> 16) % dense == 0 : (x >> 16) % sparse == 0;
		want[t] = on ? (int32_t)(x >> 8 & 0xFFFF) : -1;
		if (on)
			ws_tokmap_set(m, t, want[t]);
	}
	if (sorted)
		ws_tokmap_finish_sorted(m);
	else
		ws_tokmap_finish(m);
	for (size_t t = 0; t <= SPREAD; t++)
		cr_assert_eq(ws_tokmap_get(m, t), want[t], "token %zu", t);
}

Test(tokmap, every_token_against_an_array)
{
	struct ws_tokmap m;
	ws_tokmap_init(&m, SPREAD + 1);
	spread(&m, 12345, 700, 3, 40, 0);
	ws_tokmap_free(&m);
}

Test(tokmap, set_in_order_needs_no_sort)
{
	/* ws_tokmap_finish_sorted(): the same answers as the sort would give,
	 * for tokens set ascending, after a reset from a document with more
	 * values (whose ranks, higher, must not be kept) */
	struct ws_tokmap m;
	ws_tokmap_init(&m, SPREAD + 1);
	for (size_t t = 0; t <= SPREAD; t += 3)
		ws_tokmap_set(&m, t, 1);
	ws_tokmap_finish(&m);
	ws_tokmap_reset(&m, SPREAD + 1);
	spread(&m, 777, 500, 2, 50, 1);
	ws_tokmap_free(&m);
}

Test(tokmap, reset_keeps_no_values)
{
	/* a map reset for the next document, bigger or smaller, holds only
	 * what that document sets */
	struct ws_tokmap m;
	memset(&m, 0, sizeof(m));
	static const size_t sizes[] = { 100, 5000, 70, 5000, 1 };
	for (size_t r = 0; r < sizeof(sizes) / sizeof(sizes[0]); r++) {
		size_t n = sizes[r];
		ws_tokmap_reset(&m, n);
		for (size_t t = r % 3; t < n; t += 3)
			ws_tokmap_set(&m, t, (int32_t)(t * 10 + r));
		ws_tokmap_finish(&m);
		for (size_t t = 0; t < n; t++)
			cr_assert_eq(ws_tokmap_get(&m, t), (t % 3 == r % 3) ? (int32_t)(t * 10 + r) : -1,
				     "round %zu, token %zu", r, t);
	}
	ws_tokmap_free(&m);
}

Test(tokmap, a_word_of_bits_ranks_the_values_before_it)
{
	/* a rank too low still finds the value, a scan from too far back:
	 * the ranks must be exact for a lookup to cost a few compares, with
	 * empty words between the set ones */
	struct ws_tokmap m;
	ws_tokmap_init(&m, 1000);
	const size_t toks[] = { 3, 5, 70, 400, 401, 402, 900 };
	for (size_t k = 0; k < sizeof(toks) / sizeof(toks[0]); k++)
		ws_tokmap_set(&m, toks[k], (int32_t)k);
	ws_tokmap_finish(&m);
	for (size_t w = 0; w < m.nwords; w++) {
		uint32_t before = 0;
		for (size_t k = 0; k < sizeof(toks) / sizeof(toks[0]); k++)
			before += toks[k] < 64 * w;
		cr_assert_eq(m.rank[w], before, "word %zu", w);
	}
	ws_tokmap_free(&m);
}
