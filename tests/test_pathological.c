/* Pathological inputs: each must finish, take time linear in its size and
 * memory within a stated bound. Linearity is checked on the CPU time of the
 * thread that processes, not on wall time, which grows at random on a
 * loaded machine while the thread waits its turn (invalid_utf8_linear failed
 * so at a load of 4 to 6 and passed alone). The input is processed at size
 * n and 2n (best of three runs each) and time(2n) must stay below
 * RATIO * time(n) + SLACK seconds, far from the 4x a quadratic stage would
 * need. Memory: the token array never holds more than one slot per input
 * byte (plus the tokenizer's initial reservation), and the peak resident
 * size of the test process stays below MEM_PER_BYTE bytes per input byte
 * over the engine's baseline. Under ASan the sizes are
 * scaled down so the suite stays fast there too. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include "gazetteer.h"
#include "input.h"
#include "jsonl.h"
#include "manifest.h"
#include "rules.h"
#include "symtab.h"
#include "testutil.h"

#if defined(__SANITIZE_ADDRESS__)
#define WS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WS_ASAN 1
#endif
#endif
#ifdef WS_ASAN
#define SCALE 4		/* divide the big sizes: ASan is slower and hungrier */
#else
#define SCALE 1
#endif

/* A hang ends the test (SIGALRM) instead of the run. Criterion's own
 * .timeout is not used: with several such tests in parallel its runner
 * leaks under LeakSanitizer, failing check-asan. */
static void watchdog(void)
{
	alarm(120);
}

TestSuite(pathological, .init = watchdog);
TestSuite(fuzz_regressions, .init = watchdog);

#define RATIO 3.5
#define SLACK 0.05
#define MEM_PER_BYTE 32

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long maxrss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* A text made of unit repeated until it is at least n bytes long, cut at a
 * whole unit, optionally framed by head and tail. */
static char *repeat(const char *head, const char *unit, size_t n, const char *tail, size_t *len)
{
	size_t hn = strlen(head), un = strlen(unit), tn = strlen(tail);
	size_t reps = (n + un - 1) / un;
	char *s = ws_xmalloc(hn + reps * un + tn + 1);
	char *p = s;
	memcpy(p, head, hn);
	p += hn;
	for (size_t i = 0; i < reps; i++, p += un)
		memcpy(p, unit, un);
	memcpy(p, tail, tn);
	p += tn;
	*p = '\0';
	*len = (size_t)(p - s);
	return s;
}

/* Processes text (best of three timings) and checks what must hold for any
 * input: the code is one the API allows, every span lies inside the text,
 * and the token array is O(len). */
static double process(struct ws_doc *d, const char *text, size_t len, int *rc)
{
	double best = 1e9;
	for (int k = 0; k < 3; k++) {
		double t0 = now();
		*rc = ws_doc_process(d, text, len);
		double t = now() - t0;
		if (t < best)
			best = t;
	}
	cr_assert(*rc == WS_OK || *rc == WS_ERR_EMPTY || *rc == WS_ERR_BINARY ||
		  *rc == WS_ERR_ENCODING, "unexpected result %d", *rc);
	cr_assert_leq(d->tk.tok.n, len, "more tokens than bytes");
	/* a reused document keeps the arrays of the largest text it saw */
	static size_t biggest;
	if (len > biggest)
		biggest = len;
	cr_assert_leq(d->tk.tok.cap, 2 * biggest + biggest / 6 + 1024,
		      "token array of %zu slots for %zu bytes", d->tk.tok.cap, biggest);
	const struct ws_statement *s;
	size_t ns = ws_doc_statements(d, &s);
	for (size_t i = 0; i < ns; i++)
		cr_assert(s[i].span.start <= s[i].span.end && s[i].span.end <= len);
	return best;
}

typedef char *(*make_fn)(size_t n, size_t *len);

struct measured {
	int rc;		/* the result at size 2n */
	size_t len;	/* bytes at size 2n */
};

/* Runs make(n) and make(2n) through one document and asserts the time
 * bound and the memory bound; returns what the larger run gave. */
static struct measured linear(const char *what, make_fn make, size_t n)
{
	struct ws_engine *e = test_engine();
	struct ws_doc *d = ws_doc_new(e);
	long rss0 = maxrss_kb();
	size_t len1, len2;
	char *a = make(n, &len1);
	int rc1, rc2;
	double t1 = process(d, a, len1, &rc1);
	free(a);
	char *b = make(2 * n, &len2);
	double t2 = process(d, b, len2, &rc2);
	long rss = maxrss_kb() - rss0;
	cr_log_info("%s: %zu bytes %.4f s, %zu bytes %.4f s (ratio %.2f), rss +%ld kB",
		    what, len1, t1, len2, t2, t1 > 0 ? t2 / t1 : 0.0, rss);
	cr_assert_eq(rc1, rc2, "%s: result differs with size (%d, %d)", what, rc1, rc2);
	cr_assert_lt(t2, RATIO * t1 + SLACK,
		     "%s: not linear: %zu bytes took %.4f s, %zu bytes %.4f s", what,
		     len1, t1, len2, t2);
#ifndef WS_ASAN
	/* under ASan the peak size counts its shadow memory and the quarantine
	 * of freed blocks (256 MB by default), not whosaid's own: the bound is
	 * checked by the plain build that make test runs */
	cr_assert_lt((double)rss * 1024.0, (double)MEM_PER_BYTE * (double)len2 + 16e6,
		     "%s: %ld kB of memory for %zu bytes", what, rss, len2);
#endif
	free(b);
	ws_doc_free(d);
	ws_engine_free(e);
	struct measured m = { rc2, len2 };
	return m;
}

/* 1. Quote marks that never pair: closers alone, openers alone, and single
 * openers that one double closer has to unwind. */
static char *mk_closers(size_t n, size_t *len)
{
	return repeat("", "word\xe2\x80\x9d ", n * 8, ".\n", len);
}

static char *mk_openers(size_t n, size_t *len)
{
	return repeat("", "\xe2\x80\x9cword ", n * 8, ".\n", len);
}

static char *mk_straight(size_t n, size_t *len)
{
	return repeat("", "a \"", n * 3, "\n", len);
}

static char *mk_unwind(size_t n, size_t *len)
{
	return repeat("", "\xe2\x80\x9c\xe2\x80\x98w \xe2\x80\x98w \xe2\x80\x98w \xe2\x80\x9d ",
		      n * 7, "\n", len);
}

Test(pathological, unmatched_quote_marks)
{
	struct measured m = linear("10^5 closing marks", mk_closers, 100000 / SCALE);
	cr_assert_eq(m.rc, WS_OK);
	linear("10^5 opening marks", mk_openers, 100000 / SCALE);
	linear("10^5 straight marks", mk_straight, 100000 / SCALE);
	linear("single openers unwound", mk_unwind, 100000 / SCALE);

	/* the count is right, not just fast: 10^5 closers are 10^5 unmatched */
	struct ws_engine *e = test_engine();
	struct ws_doc *d = ws_doc_new(e);
	size_t len;
	char *t = mk_closers(100000, &len);
	cr_assert_eq(ws_doc_process(d, t, len), WS_OK);
	cr_assert_eq(d->quotes.n, 0);
	cr_assert_eq(d->qstats.unmatched, 100000);
	free(t);
	ws_doc_free(d);
	ws_engine_free(e);
}

/* 2. One paragraph of 20 MB: sentences with quotes and speakers, no line
 * break anywhere. */
static char *mk_paragraph(size_t n, size_t *len)
{
	return repeat("", "\"We will build it,\" said Sen. Maria Lopez. The U.S. plan "
		      "costs $4.5 billion, officials said. ", n, "", len);
}

Test(pathological, twenty_megabyte_paragraph)
{
	struct measured m = linear("20 MB paragraph", mk_paragraph, (10u << 20) / SCALE);
	cr_assert_eq(m.rc, WS_OK);
	cr_assert_geq(m.len, (size_t)(20u << 20) / SCALE);
}

/* 3. A sentence of 10^6 tokens: no sentence end, no paragraph break. */
static char *mk_long_sentence(size_t n, size_t *len)
{
	return repeat("", "and ", n * 4, "", len);
}

Test(pathological, million_token_sentence)
{
	linear("10^6-token sentence", mk_long_sentence, 500000 / SCALE);
	struct ws_engine *e = test_engine();
	struct ws_doc *d = ws_doc_new(e);
	size_t len;
	char *t = mk_long_sentence(1000000 / SCALE, &len);
	cr_assert_eq(ws_doc_process(d, t, len), WS_OK);
	cr_assert_eq(d->tk.tok.n, 1000000 / SCALE);
	cr_assert_eq(d->tk.sent.n, 1);
	cr_assert_eq(d->tk.para.n, 1);
	free(t);
	ws_doc_free(d);
	ws_engine_free(e);
}

/* 4. Quotes nested 1,000 deep (and deeper, for the time bound). */
static char *nested(size_t depth, size_t *len)
{
	struct ws_buf b = WS_BUF_INIT;
	ws_buf_adds(&b, "She said ");
	for (size_t i = 0; i < depth; i++)
		ws_buf_adds(&b, "\xe2\x80\x9cwe ");
	ws_buf_adds(&b, "won");
	for (size_t i = 0; i < depth; i++)
		ws_buf_adds(&b, ",\xe2\x80\x9d");
	ws_buf_adds(&b, " said Ms. Chen.\n");
	*len = b.len;
	return b.data;
}

static char *mk_nested(size_t n, size_t *len)
{
	return nested(n, len);
}

Test(pathological, quotes_nested_1000_deep)
{
	struct ws_engine *e = test_engine();
	struct ws_doc *d = ws_doc_new(e);
	size_t len;
	char *t = nested(1000, &len);
	cr_assert_eq(ws_doc_process(d, t, len), WS_OK);
	cr_assert_eq(d->quotes.n, 1000, "all 1,000 pairs found");
	uint32_t deepest = 0;
	for (size_t i = 0; i < d->quotes.n; i++)
		if (d->quotes.v[i].depth > deepest)
			deepest = d->quotes.v[i].depth;
	cr_assert_eq(deepest, 999);
	const struct ws_statement *s;
	cr_assert_eq(ws_doc_statements(d, &s), 1, "the outermost quote is the statement");
	free(t);
	ws_doc_free(d);
	ws_engine_free(e);
	linear("nested quotes", mk_nested, 50000 / SCALE);
}

/* 5. Nothing but capitalised words: every token could start a name. Then the
 * same with a quote and a cue every few words, so attribution walks the
 * runs, and with a new speaker name at each quote. */
static char *mk_caps(size_t n, size_t *len)
{
	return repeat("", "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel ", n, "", len);
}

static char *mk_caps_quotes(size_t n, size_t *len)
{
	return repeat("", "Alpha Bravo Charlie Delta said \"We Agree Now,\" Echo Foxtrot "
		      "Golf said \"Two Words\" ", n, "", len);
}

/* A distinct name for each quote: base-26 letters. */
static char *mk_speakers(size_t n, size_t *len)
{
	struct ws_buf b = WS_BUF_INIT;
	for (size_t i = 0; b.len < n; i++) {
		char name[16];
		size_t v = i;
		name[0] = 'Q';
		int k = 1;
		do {
			name[k++] = (char)('a' + v % 26);
			v /= 26;
		} while (v && k < 14);
		name[k] = '\0';
		ws_buf_addf(&b, "\"We will win this time,\" said Paul %s. ", name);
	}
	*len = b.len;
	return b.data;
}

Test(pathological, capitalised_words_only)
{
	struct measured m = linear("capitalised words", mk_caps, (2u << 20) / SCALE);
	cr_assert_eq(m.rc, WS_OK);
	linear("capitalised words and quotes", mk_caps_quotes, (2u << 20) / SCALE);
}

/* A distinct speaker at each quote: each new name is a new entity, so an
 * entity lookup that scanned every entity so far made this O(k^2) in k
 * speakers (1 MB: 1.3 s, 2 MB: 5.2 s). Entities are now found by a hash on
 * their key (entities.c), and the ordinary linear bound applies. */
Test(pathological, many_distinct_speakers)
{
	struct measured m = linear("distinct speakers", mk_speakers, (1u << 20) / SCALE);
	cr_assert_eq(m.rc, WS_OK);
}

/* 6. NUL bytes: a few in an article are tolerated, a file of them is not
 * text. */
static char *mk_nuls(size_t n, size_t *len)
{
	char *s = ws_xcalloc(n + 1, 1);
	*len = n;
	return s;
}

static char *mk_some_nuls(size_t n, size_t *len)
{
	char *s = repeat("", "The minister said the budget would pass next week. ", n, "", len);
	for (size_t i = 500; i < *len; i += 1000)
		s[i] = '\0';
	return s;
}

Test(pathological, nul_bytes)
{
	struct measured m = linear("all NUL", mk_nuls, (4u << 20) / SCALE);
	cr_assert_eq(m.rc, WS_ERR_BINARY);
	m = linear("NUL every 1000 bytes", mk_some_nuls, (4u << 20) / SCALE);
	cr_assert_eq(m.rc, WS_OK);
}

/* 7. Invalid UTF-8 of every kind. Each sequence, placed in good text, is
 * read as that many invalid bytes and the rest of the article still
 * counts; a file made of them is refused. */
static const struct {
	const char *what, *bytes;
	size_t invalid;
} bad_utf8[] = {
	{ "overlong slash (2 bytes)", "\xc0\xaf", 2 },
	{ "overlong slash (3 bytes)", "\xe0\x80\xaf", 3 },
	{ "overlong slash (4 bytes)", "\xf0\x80\x80\xaf", 4 },
	{ "overlong NUL", "\xc0\x80", 2 },
	{ "high surrogate", "\xed\xa0\x80", 3 },
	{ "low surrogate", "\xed\xbf\xbf", 3 },
	{ "past U+10FFFF", "\xf4\x90\x80\x80", 4 },
	{ "F5 lead byte", "\xf5\x80\x80\x80", 4 },
	{ "FE and FF", "\xfe\xff", 2 },
	{ "stray continuation", "\x80", 1 },
	{ "lead without continuation", "\xe2 ", 1 },
};

Test(pathological, invalid_utf8_every_kind)
{
	struct ws_engine *e = test_engine();
	struct ws_doc *d = ws_doc_new(e);
	const char *good = "\"We expect a long winter of hard talks,\" said Anna Berg, the "
			   "union leader. She added that nothing was settled. ";
	/* the statements of the text without the bad bytes */
	struct ws_buf clean = WS_BUF_INIT;
	for (int k = 0; k < 4; k++)
		ws_buf_adds(&clean, good);
	cr_assert_eq(ws_doc_process(d, clean.data, clean.len), WS_OK);
	const struct ws_statement *cs;
	size_t want = ws_doc_statements(d, &cs);
	cr_assert_geq(want, 4);
	ws_buf_release(&clean);
	for (size_t i = 0; i < sizeof(bad_utf8) / sizeof(bad_utf8[0]); i++) {
		struct ws_buf b = WS_BUF_INIT;
		for (int k = 0; k < 3; k++)
			ws_buf_adds(&b, good);
		ws_buf_adds(&b, bad_utf8[i].bytes);
		ws_buf_adds(&b, good);
		cr_assert_eq(ws_doc_process(d, b.data, b.len), WS_OK, "%s", bad_utf8[i].what);
		cr_assert_eq(ws_doc_invalid_bytes(d), bad_utf8[i].invalid, "%s: %zu invalid",
			     bad_utf8[i].what, ws_doc_invalid_bytes(d));
		const struct ws_statement *s;
		cr_assert_eq(ws_doc_statements(d, &s), want, "%s: statements lost",
			     bad_utf8[i].what);
		ws_buf_release(&b);
	}
	/* cut short at the very end of the file, after good text */
	static const char *const cut[] = { "\xc3", "\xe2\x80", "\xf0\x9f\x98" };
	for (size_t i = 0; i < 3; i++) {
		struct ws_buf b = WS_BUF_INIT;
		ws_buf_adds(&b, good);
		ws_buf_adds(&b, cut[i]);
		cr_assert_eq(ws_doc_process(d, b.data, b.len), WS_OK);
		cr_assert_eq(ws_doc_invalid_bytes(d), i + 1);
		cr_assert_leq(d->tk.tok.v[d->tk.tok.n - 1].end, b.len);
		ws_buf_release(&b);
	}
	/* a file that is nothing but invalid sequences is not UTF-8 text */
	struct ws_buf b = WS_BUF_INIT;
	for (int k = 0; k < 50; k++)
		for (size_t i = 0; i < sizeof(bad_utf8) / sizeof(bad_utf8[0]); i++)
			ws_buf_adds(&b, bad_utf8[i].bytes);
	cr_assert_eq(ws_doc_process(d, b.data, b.len), WS_ERR_ENCODING);
	ws_buf_release(&b);
	ws_doc_free(d);
	ws_engine_free(e);
}

static char *mk_invalid(size_t n, size_t *len)
{
	return repeat("", "\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\x80\xe2 ", n, "\xf0\x9f", len);
}

static char *mk_some_invalid(size_t n, size_t *len)
{
	return repeat("", "The mayor said \xe2\x80 the plan \xc0\xaf would work. ", n, "\xe2", len);
}

Test(pathological, invalid_utf8_linear)
{
	struct measured m = linear("invalid UTF-8 only", mk_invalid, (4u << 20) / SCALE);
	cr_assert_eq(m.rc, WS_ERR_ENCODING);
	m = linear("invalid UTF-8 in text", mk_some_invalid, (4u << 20) / SCALE);
	cr_assert_eq(m.rc, WS_OK);
}

/* 8. CR-only line endings (old Mac files) break paragraphs and lines as LF
 * does. */
static char *mk_cr(size_t n, size_t *len)
{
	return repeat("", "\"It is done,\" said Mr. Ortiz.\r\rThe vote was close.\r", n, "", len);
}

Test(pathological, cr_only_line_endings)
{
	struct ws_engine *e = test_engine();
	struct ws_doc *d = ws_doc_new(e);
	const char *lf = "\"It is done,\" said Mr. Ortiz.\n\nThe vote was close.\n"
			 "\"We lost,\" she said.\n\nNo one else spoke.\n";
	char *cr = ws_xstrdup(lf);
	for (char *p = cr; *p; p++)
		if (*p == '\n')
			*p = '\r';
	cr_assert_eq(ws_doc_process(d, lf, strlen(lf)), WS_OK);
	size_t paras = d->tk.para.n, sents = d->tk.sent.n;
	const struct ws_statement *s;
	size_t stmts = ws_doc_statements(d, &s);
	cr_assert_eq(ws_doc_process(d, cr, strlen(cr)), WS_OK);
	cr_assert_eq(d->tk.para.n, paras, "CR-only: %zu paragraphs, LF: %zu", d->tk.para.n, paras);
	cr_assert_eq(d->tk.sent.n, sents);
	cr_assert_eq(ws_doc_statements(d, &s), stmts);
	cr_assert_eq(stmts, 2);
	free(cr);
	ws_doc_free(d);
	ws_engine_free(e);
	struct measured m = linear("CR-only lines", mk_cr, (4u << 20) / SCALE);
	cr_assert_eq(m.rc, WS_OK);
}

/* 9. UTF-16 with a BOM (both byte orders) is refused as not UTF-8; without
 * a BOM, its NUL bytes make it binary. */
static char *utf16(const char *ascii, int bom, int big_endian, size_t *len)
{
	size_t n = strlen(ascii);
	char *s = ws_xmalloc(2 * n + 3);
	size_t k = 0;
	if (bom) {
		s[k++] = big_endian ? '\xfe' : '\xff';
		s[k++] = big_endian ? '\xff' : '\xfe';
	}
	for (size_t i = 0; i < n; i++) {
		s[k++] = big_endian ? '\0' : ascii[i];
		s[k++] = big_endian ? ascii[i] : '\0';
	}
	s[k] = '\0';
	*len = k;
	return s;
}

static char *mk_utf16(size_t n, size_t *len)
{
	size_t ln;
	char *a = repeat("", "\"We will win,\" said Ana Ruiz. ", n / 2, "", &ln);
	char *s = utf16(a, 1, 0, len);
	free(a);
	return s;
}

Test(pathological, utf16)
{
	struct ws_engine *e = test_engine();
	struct ws_doc *d = ws_doc_new(e);
	const char *text = "\"We will win,\" said Ana Ruiz.\n";
	size_t len;
	for (int be = 0; be < 2; be++) {
		char *s = utf16(text, 1, be, &len);
		cr_assert_eq(ws_doc_process(d, s, len), WS_ERR_ENCODING, "UTF-16%s with BOM",
			     be ? "BE" : "LE");
		free(s);
		s = utf16(text, 0, be, &len);
		int rc = ws_doc_process(d, s, len);
		cr_assert(rc == WS_ERR_BINARY || rc == WS_ERR_ENCODING,
			  "UTF-16%s without BOM gave %d", be ? "BE" : "LE", rc);
		free(s);
	}
	cr_assert_str_eq(ws_strerror(WS_ERR_ENCODING), "not UTF-8 text");
	ws_doc_free(d);
	ws_engine_free(e);
	struct measured m = linear("UTF-16LE", mk_utf16, (2u << 20) / SCALE);
	cr_assert_eq(m.rc, WS_ERR_ENCODING);
}

/* 10. A binary file: a PNG signature and header, then pseudo-random bytes
 * (a fixed xorshift sequence, so every run sees the same file). */
static char *mk_png(size_t n, size_t *len)
{
	static const unsigned char sig[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
		0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0,
	};
	unsigned char *s = ws_xmalloc(n + 1);
	size_t k = n < sizeof(sig) ? n : sizeof(sig);
	memcpy(s, sig, k);
	uint64_t x = 0x9e3779b97f4a7c15u;
	for (; k < n; k++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		s[k] = (unsigned char)(x >> 24);
	}
	s[n] = '\0';
	*len = n;
	return (char *)s;
}

Test(pathological, binary_file)
{
	struct measured m = linear("PNG and random bytes", mk_png, (4u << 20) / SCALE);
	cr_assert(m.rc == WS_ERR_BINARY || m.rc == WS_ERR_ENCODING, "an image read as text (%d)",
		  m.rc);
	struct ws_engine *e = test_engine();
	struct ws_doc *d = ws_doc_new(e);
	for (size_t n = 0; n < 64; n++) {
		size_t len;
		char *s = mk_png(n, &len);
		cr_assert_neq(ws_doc_process(d, s, len), WS_OK, "a %zu-byte PNG head read as text", n);
		free(s);
	}
	ws_doc_free(d);
	ws_engine_free(e);
}

/* Every input in the fuzz corpora (seeds, and each input that once crashed
 * a fuzz target) replayed through the code it was found in, so the suite,
 * and check-asan with it, guards each fix. */
static size_t replay(const char *target, void (*one)(const char *path, const char *data,
						   size_t len, void *ctx), void *ctx)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/fuzz/corpus/%s", WS_TESTDIR, target);
	DIR *dh = opendir(dir);
	cr_assert_not_null(dh, "no %s", dir);
	struct dirent *de;
	size_t n = 0;
	while ((de = readdir(dh)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		char path[8192];
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		FILE *f = fopen(path, "rb");
		cr_assert_not_null(f, "cannot read %s", path);
		struct ws_buf b = WS_BUF_INIT;
		char chunk[4096];
		size_t k;
		while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0)
			ws_buf_add(&b, chunk, k);
		fclose(f);
		ws_buf_grow(&b, 0);
		one(path, b.data, b.len, ctx);
		ws_buf_release(&b);
		n++;
	}
	closedir(dh);
	return n;
}

static void replay_doc(const char *path, const char *data, size_t len, void *ctx)
{
	struct ws_doc *d = ctx;
	int rc;
	process(d, data, len, &rc);
	cr_log_info("%s: %s", path, ws_strerror(rc));
}

Test(fuzz_regressions, doc_corpus_replays)
{
	struct ws_engine *e = test_engine();
	struct ws_doc *d = ws_doc_new(e);
	cr_assert_gt(replay("doc", replay_doc, d), 0);
	ws_doc_free(d);
	ws_engine_free(e);
}

/* Regression (quotes.c): a document with quote marks but no pair called
 * qsort with a NULL array, undefined behaviour that UBSan stopped on. */
Test(fuzz_regressions, unpaired_marks_only)
{
	struct ws_engine *e = test_engine();
	struct ws_doc *d = ws_doc_new(e);
	const char *t = "\"a \"b \"c \"d 'e 'f \"g";
	cr_assert_eq(ws_doc_process(d, t, strlen(t)), WS_OK);
	cr_assert_eq(d->quotes.n, 0);
	ws_doc_free(d);
	ws_engine_free(e);
}

/* The rule compiler on each rules seed and crash; a file may end in a
 * "--- text" section (the fuzz target's format) that is left out here. */
static void replay_rules(const char *path, const char *data, size_t len, void *ctx)
{
	(void)ctx;
	const char *sep = strstr(data, "\n--- text\n");
	size_t n = sep ? (size_t)(sep - data) : len;
	struct ws_symtab *syms = ws_symtab_new();
	struct ws_diag d = { NULL, 0, 0 };
	struct ws_ruleset *rs = NULL;
	int rc = ws_rules_add_phase(&rs, path, data, n, syms, &d);
	cr_assert(rc == 0 ? d.errors == 0 : d.errors > 0, "%s: result %d with %d errors",
		  path, rc, d.errors);
	ws_rules_free(rs);
	ws_symtab_free(syms);
}

Test(fuzz_regressions, rules_corpus_replays)
{
	cr_assert_gt(replay("rules", replay_rules, NULL), 0);
}

/* Regression (buf.c): a NUL byte right after a token attribute,
 * "{lower\0}", left the compiler with a NULL value of length 0, and
 * ws_xstrndup passed the NULL to memcpy (UBSan: nonnull argument). */
Test(fuzz_regressions, rules_nul_after_attribute)
{
	static const char text[] = "phase p\nrule A\n{lower\0}\n=> A\n";
	struct ws_symtab *syms = ws_symtab_new();
	struct ws_diag d = { NULL, 0, 0 };
	struct ws_ruleset *rs = NULL;
	cr_assert_eq(ws_rules_add_phase(&rs, "nul.rules", text, sizeof(text) - 1, syms, &d),
		     WS_ERR_DATA);
	cr_assert_gt(d.errors, 0);
	ws_rules_free(rs);
	ws_symtab_free(syms);
	char *empty = ws_xstrndup(NULL, 0);
	cr_assert_str_eq(empty, "");
	free(empty);
}

/* Regression (rulec.c): a string value followed by another string,
 * {text == "x" "yyyy..."}, read the value from the lexer's string buffer
 * after the second string had been lexed into it and the buffer had moved
 * (ASan: heap-use-after-free in parse_elem). */
Test(fuzz_regressions, rules_string_after_string_value)
{
	struct ws_buf text = WS_BUF_INIT;
	ws_buf_adds(&text, "phase p\nrule A\n{text == \"x\" \"");
	for (int i = 0; i < 300; i++)
		ws_buf_addc(&text, 'y');
	ws_buf_adds(&text, "\"}\n=> A\nrule B\n{text == \"Ms.\"} {lower == \"lee\"}\n=> B\n");
	struct ws_symtab *syms = ws_symtab_new();
	struct ws_diag d = { NULL, 0, 0 };
	struct ws_ruleset *rs = NULL;
	cr_assert_eq(ws_rules_add_phase(&rs, "str.rules", text.data, text.len, syms, &d),
		     WS_ERR_DATA);
	cr_assert_gt(d.errors, 0);
	ws_rules_free(rs);
	ws_symtab_free(syms);
	ws_buf_release(&text);
}

/* Regression (gazetteer.c): a lists.def line naming a directory,
 * "person person first_name -" with gazetteers/person/ a directory, sized
 * the read by seeking to the end, got LONG_MAX and aborted out of memory
 * instead of reporting the line. */
Test(fuzz_regressions, gazetteer_list_is_a_directory)
{
	char root[] = "/tmp/whosaid-gaz-XXXXXX", path[512];
	cr_assert_not_null(mkdtemp(root));
	snprintf(path, sizeof(path), "%s/gz", root);
	cr_assert_eq(mkdir(path, 0777), 0);
	snprintf(path, sizeof(path), "%s/gz/person", root);
	cr_assert_eq(mkdir(path, 0777), 0);
	snprintf(path, sizeof(path), "%s/gz/lists.def", root);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("person person first_name -\n", f);
	fclose(f);
	struct ws_symtab *syms = ws_symtab_new();
	struct ws_diag d = { NULL, 0, 0 };
	struct ws_gaz *g = ws_gaz_load(root, "gz", NULL, syms, &d);
	cr_assert_null(g);
	cr_assert_gt(d.errors, 0);
	ws_symtab_free(syms);
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	cr_assert_eq(system(cmd), 0);
}

/* The JSON Lines reader and parser on each jsonl seed, as fuzz_jsonl feeds
 * them: the first byte picks gzip (bit 0) and the line limit (bits 1-2),
 * the rest is the file. Every line is read and parsed; a refused line says
 * why. */
static void replay_jsonl(const char *path, const char *data, size_t len, void *ctx)
{
	(void)ctx;
	static const size_t limits[] = { 8, 64, 4096, 1u << 20 };
	if (len == 0)
		return;
	char file[64];
	snprintf(file, sizeof(file), "/tmp/whosaid-jsonl-%ld.jsonl", (long)getpid());
	if (data[0] & 1) {
		gzFile gz = gzopen(file, "wb");
		cr_assert_not_null(gz);
		cr_assert_eq(gzwrite(gz, data + 1, (unsigned)(len - 1)), (int)(len - 1));
		cr_assert_eq(gzclose(gz), Z_OK);
	} else {
		FILE *f = fopen(file, "wb");
		cr_assert_not_null(f);
		cr_assert_eq(fwrite(data + 1, 1, len - 1, f), len - 1);
		cr_assert_eq(fclose(f), 0);
	}
	struct ws_fields fields;
	ws_fields_init(&fields);
	struct ws_lines *l;
	const char *why;
	cr_assert_eq(ws_lines_open(file, &l, &why), WS_OK, "%s", path);
	struct ws_buf line = WS_BUF_INIT, err = WS_BUF_INIT;
	struct ws_jrec rec;
	memset(&rec, 0, sizeof(rec));
	unsigned long lineno, lines = 0;
	uint64_t n;
	int rc;
	while ((rc = ws_lines_next(l, limits[(data[0] >> 1) & 3], &line, &lineno, &n, &why)) != 0) {
		if (rc == WS_ERR_IO)
			break;	/* a broken gzip stream */
		cr_assert_eq(lineno, ++lines, "%s: line numbers", path);
		if (rc != 1)
			continue;
		ws_buf_reset(&err);
		if (ws_jrec_parse(&fields, line.data, line.len, &rec, &err) != 0)
			cr_assert_gt(err.len, 0, "%s:%lu: refused without a reason", path, lineno);
		else
			cr_assert_not_null(rec.text);
		ws_jrec_release(&rec);
	}
	ws_lines_close(l);
	ws_buf_release(&line);
	ws_buf_release(&err);
	ws_fields_release(&fields);
	unlink(file);
}

Test(fuzz_regressions, jsonl_corpus_replays)
{
	cr_assert_gt(replay("jsonl", replay_jsonl, NULL), 0);
}

/* The manifest loader on each manifest seed, as fuzz_manifest feeds them:
 * an odd first byte makes the first line a --manifest-columns spec. A load
 * gives a manifest or an error with a message, never both or neither. */
static void replay_manifest(const char *path, const char *data, size_t len, void *ctx)
{
	(void)ctx;
	if (len == 0)
		return;
	const char *p = data + 1, *end = data + len;
	char *columns = NULL;
	if (data[0] & 1) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		columns = ws_xstrndup(p, (size_t)((nl ? nl : end) - p));
		p = nl ? nl + 1 : end;
	}
	char file[64];
	snprintf(file, sizeof(file), "/tmp/whosaid-manifest-%ld.tsv", (long)getpid());
	FILE *f = fopen(file, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(p, 1, (size_t)(end - p), f), (size_t)(end - p));
	cr_assert_eq(fclose(f), 0);
	char *msgs = NULL;
	size_t msglen = 0;
	FILE *err = open_memstream(&msgs, &msglen);
	cr_assert_not_null(err);
	struct ws_manifest *m = NULL;
	int rc = ws_manifest_load(file, columns, err, &m);
	fclose(err);
	if (rc == WS_OK)
		cr_assert(m && msglen == 0, "%s: loaded with messages '%s'", path, msgs);
	else
		cr_assert(!m && msglen > 0, "%s: refused (%d) without a message", path, rc);
	cr_log_info("%s: %s", path, rc == WS_OK ? "loaded" : msgs);
	ws_manifest_free(m);
	free(msgs);
	free(columns);
	unlink(file);
}

Test(fuzz_regressions, manifest_corpus_replays)
{
	cr_assert_gt(replay("manifest", replay_manifest, NULL), 0);
}

#ifdef WS_ASAN
int __lsan_do_recoverable_leak_check(void);
#endif

/* Regression (manifest.c): a --manifest-columns spec with a good key before
 * a bad one, "doc_id=file,colour=pub", was refused but leaked the copy of
 * "file" (found by fuzz_manifest; LeakSanitizer checks it under ASan). */
Test(fuzz_regressions, manifest_bad_columns_spec_frees_its_keys)
{
	char file[64];
	snprintf(file, sizeof(file), "/tmp/whosaid-manifest-%ld.tsv", (long)getpid());
	FILE *f = fopen(file, "w");
	cr_assert_not_null(f);
	fputs("doc_id\tpub\nx1\tP\n", f);
	cr_assert_eq(fclose(f), 0);
	FILE *err = fopen("/dev/null", "w");
	struct ws_manifest *m = NULL;
	cr_assert_eq(ws_manifest_load(file, "doc_id=file,colour=pub", err, &m), WS_ERR_DATA);
	cr_assert_null(m);
	cr_assert_eq(ws_manifest_load(file, "doc_id=doc_id,outlet=pub,bad", err, &m), WS_ERR_DATA);
	cr_assert_null(m);
	fclose(err);
	unlink(file);
#ifdef WS_ASAN
	cr_assert_eq(__lsan_do_recoverable_leak_check(), 0, "leaks (see the report above)");
#endif
}

/* Found by fuzz_jsonl (tests/fuzz/corpus/jsonl/huge-number-column): a
 * numeric column holding 40 digits was written as a JSON number no reader
 * takes (jansson refuses integers past 64 bits). It must stay a string. */
Test(fuzz_regressions, jsonl_writer_keeps_huge_numbers_as_strings)
{
	static const char header[] = "doc_id\tquotes\ttitle\n";
	static const char row[] = "a\t2309999999999999999999999999999999999999\tt\n"
				  "b\t927\tu\n";
	struct ws_jcols c;
	ws_jcols_init(&c, header, sizeof(header) - 1);
	struct ws_buf out = WS_BUF_INIT;
	ws_jsonl_from_tsv(&out, &c, row, sizeof(row) - 1);
	cr_assert_not_null(strstr(out.data, "\"quotes\":\"2309999999999999999999999999999999999999\""),
			   "%s", out.data);
	cr_assert_not_null(strstr(out.data, "\"quotes\":927"), "%s", out.data);
	ws_jcols_release(&c);
	ws_buf_release(&out);
}
