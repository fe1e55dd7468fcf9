/* Word lists (wordlist.c): every key is found as written, with its fields,
 * and a word that is not a key is not, however much of it a key shares
 * (the filters before the hash table look at its length and a few bytes). */
#include "testutil.h"
#include "wordlist.h"

#include <unistd.h>

static struct ws_wordlist *load(const char *text)
{
	char path[] = "/tmp/ws_wordlist_XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	struct ws_diag d;
	memset(&d, 0, sizeof(d));
	struct ws_wordlist *wl = ws_wordlist_load(path, 0, 2, NULL, &d);
	unlink(path);
	cr_assert(wl, "the list did not load");
	return wl;
}

static int has(const struct ws_wordlist *wl, const char *w)
{
	return ws_wordlist_get(wl, w, strlen(w)) != NULL;
}

Test(wordlist, keys_found_others_not)
{
	struct ws_wordlist *wl = load("# comment\n"
				      "criticism\tnegative\tof,about\n"
				      "a\n"
				      "concerns\n"
				      "Mr.\ttitle\n"
				      "S\xC3\xA3o Paulo\n"
				      "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789\n");
	cr_assert_eq(ws_wordlist_count(wl), 6);
	cr_assert(has(wl, "criticism"));
	cr_assert(has(wl, "a"));
	cr_assert(has(wl, "concerns"));
	cr_assert(has(wl, "Mr."));
	cr_assert(has(wl, "S\xC3\xA3o Paulo"));
	cr_assert(has(wl, "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789"));
	const struct ws_word *w = ws_wordlist_get(wl, "criticism", 9);
	cr_assert_str_eq(w->f[0], "negative");
	cr_assert_str_eq(w->f[1], "of,about");
	/* same length, first, middle and last bytes: only the table tells */
	cr_assert(!has(wl, "critXcism"));
	cr_assert(!has(wl, "concexns"));
	cr_assert(!has(wl, "Criticism"));	/* exact case */
	cr_assert(!has(wl, "criticis"));
	cr_assert(!has(wl, "criticisms"));
	cr_assert(!has(wl, "b"));
	cr_assert(!has(wl, ""));
	cr_assert(!has(wl, "Mr"));
	ws_wordlist_free(wl);
}

Test(wordlist, many_keys_all_found)
{
	/* enough keys that the filter's bits are shared */
	struct ws_buf b = WS_BUF_INIT;
	for (int k = 0; k < 500; k++)
		ws_buf_addf(&b, "w%dx%d\n", k * 7919 % 1000, k);
	struct ws_wordlist *wl = load(b.data);
	cr_assert_eq(ws_wordlist_count(wl), 500);
	for (int k = 0; k < 500; k++) {
		char w[32];
		snprintf(w, sizeof(w), "w%dx%d", k * 7919 % 1000, k);
		cr_assert(has(wl, w), "%s", w);
		snprintf(w, sizeof(w), "w%dy%d", k * 7919 % 1000, k);
		cr_assert(!has(wl, w), "%s", w);
	}
	ws_wordlist_free(wl);
	ws_buf_release(&b);
}

/* The filter callers ask inline (the nominal sieve, for every lower-case
 * word) lets every key through, and turns away words of a length or a
 * first two bytes no key has: a filter that turned a key away would lose
 * its statements without a word. */
Test(wordlist, filter_lets_keys_through)
{
	struct ws_buf b = WS_BUF_INIT;
	for (int k = 0; k < 300; k++)
		ws_buf_addf(&b, "n%dq%d\n", k * 7919 % 1000, k);
	ws_buf_adds(&b, "criticism\nS\xC3\xA3o Paulo\nx\n");
	struct ws_wordlist *wl = load(b.data);
	const struct ws_wordfilter *f = ws_wordlist_filter(wl);
	cr_assert(f);
	cr_assert_null(ws_wordlist_filter(NULL));
	for (int k = 0; k < 300; k++) {
		char w[32];
		snprintf(w, sizeof(w), "n%dq%d", k * 7919 % 1000, k);
		cr_assert(ws_wordfilter_may_hold(f, w, strlen(w)), "%s", w);
	}
	cr_assert(ws_wordfilter_may_hold(f, "criticism", 9));
	cr_assert(ws_wordfilter_may_hold(f, "S\xC3\xA3o Paulo", 10));
	cr_assert(ws_wordfilter_may_hold(f, "x", 1));		/* a key of one byte */
	cr_assert(!ws_wordfilter_may_hold(f, "zcriticism", 10));	/* no key starts with z */
	cr_assert(!ws_wordfilter_may_hold(f, "cxiticism", 9));	/* nor with "cx" */
	cr_assert(!ws_wordfilter_may_hold(f, "Criticism", 9));	/* nor with "Cr" */
	cr_assert(!ws_wordfilter_may_hold(f, "xyzw", 4));	/* nor with "xy" */
	cr_assert(!ws_wordfilter_may_hold(f, "n1", 2));		/* no key is 2 bytes */
	cr_assert(!ws_wordfilter_may_hold(f, "", 0));
	ws_wordlist_free(wl);
	ws_buf_release(&b);
}
