/* The buffer primitives (buf.c): numbers written as printf writes them,
 * and short words packed as memcpy into a zeroed word packs them. */
#include "testutil.h"

#include <limits.h>

Test(buf, addu_as_printf)
{
	static const unsigned long long v[] = {
		0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 9999, 10000, 10001, 99999, 100000,
		123456, 999999, 1000000, 4294967295ULL, 4294967296ULL, 10000000000000000000ULL,
		18446744073709551615ULL,
	};
	for (size_t k = 0; k < sizeof(v) / sizeof(v[0]); k++) {
		struct ws_buf b = WS_BUF_INIT;
		ws_buf_adds(&b, "x");
		ws_buf_addu(&b, v[k]);
		char want[32];
		snprintf(want, sizeof(want), "x%llu", v[k]);
		cr_assert_str_eq(b.data, want);
		cr_assert_eq(b.len, strlen(want));
		ws_buf_release(&b);
	}
	/* every power of ten and its neighbours */
	for (unsigned long long p = 1; p <= 1000000000000000000ULL; p *= 10) {
		for (unsigned long long x = p - 1; x <= p + 1; x++) {
			struct ws_buf b = WS_BUF_INIT;
			ws_buf_addu(&b, x);
			char want[32];
			snprintf(want, sizeof(want), "%llu", x);
			cr_assert_str_eq(b.data, want);
			ws_buf_release(&b);
		}
	}
}

Test(buf, pack_short_as_memcpy)
{
	const char text[] = "abcdefghijklmnop";
	const char *end = text + 16;
	for (size_t at = 0; at < 16; at++)
		for (size_t n = 0; n <= 8 && at + n <= 16; n++) {
			uint64_t want = 0;
			memcpy(&want, text + at, n);
			cr_assert_eq(ws_pack_short(text + at, n, end), want, "at %zu, n %zu", at, n);
		}
}
