/* Tests for `whosaid compare`: speaker keys, HTML escaping, the golden
 * tables for a frozen extraction of tests/compare/corpus (tests/compare/
 * extract, hand-checked; one speaker edited to "President Assad"), and the
 * whole path extract -> compare on the corpus itself. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "report.h"
#include "speakerkey.h"

static struct ws_speakerkey *keys;

static void setup(void)
{
	keys = ws_speakerkey_load(WS_DATADIR, stderr);
	cr_assert_not_null(keys, "the title lists and the alias file must load");
}

static void teardown(void)
{
	ws_speakerkey_free(keys);
}

TestSuite(speakerkey, .init = setup, .fini = teardown);

static void expect_key(const char *name, const char *want)
{
	struct ws_buf b = WS_BUF_INIT;
	ws_speakerkey_make(keys, name, strlen(name), &b);
	cr_expect_str_eq(b.data ? b.data : "", want, "key of '%s'", name);
	ws_buf_release(&b);
}

Test(speakerkey, particles_titles_and_case_fold_assad)
{
	expect_key("Bashar al-Assad", "bashar assad");
	expect_key("Bashar Assad", "bashar assad");
	expect_key("BASHAR AL-ASSAD", "bashar assad");
	expect_key("Syrian President Bashar al-Assad", "bashar assad");
	/* the surname alone: compare joins it to the one full name ending in it */
	expect_key("President Assad", "assad");
	expect_key("Bashar al-Asad", "bashar assad");	/* alias file */
}

Test(speakerkey, transliterations_of_zelensky)
{
	expect_key("Volodymyr Zelensky", "volodymyr zelensky");
	expect_key("Volodymyr Zelenskiy", "volodymyr zelensky");
	expect_key("Volodymyr Zelenskyy", "volodymyr zelensky");
	expect_key("Volodymyr Zelenskij", "volodymyr zelensky");
	expect_key("Wolodymyr Selenskyj", "volodymyr zelensky");	/* alias file */
	expect_key("President Zelenskyy", "zelensky");
}

Test(speakerkey, diacritics_honorifics_and_what_must_stay)
{
	expect_key("Émile Zola", "emile zola");
	expect_key("Mr. Recep Tayyip Erdoğan", "recep tayyip erdogan");
	expect_key("Dr Anna Berg", "anna berg");
	expect_key("Al Gore", "al gore");	/* a first name, not a particle */
	expect_key("Martin Luther King", "martin luther king");	/* a title word last stays */
	expect_key("King", "king");
	expect_key("the U.N.", "united nations");
	expect_key("", "");
}

Test(speakerkey, named_or_description)
{
	cr_expect(ws_speakerkey_is_named(keys, "President Assad", 15));
	cr_expect(ws_speakerkey_is_named(keys, "the White House", 15));
	cr_expect(!ws_speakerkey_is_named(keys, "The Syrian president", 20));
	cr_expect(!ws_speakerkey_is_named(keys, "officials", 9));
}

Test(speakerkey, alias_file_errors_are_reported_with_lines)
{
	char path[] = "/tmp/whosaid-alias-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	const char *text = "# test\nJane Doe|J. Doe\nno variant here\nJohn Roe|J. Doe\n";
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	char *msg = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&msg, &len);
	struct ws_speakerkey *k = ws_speakerkey_new();
	cr_expect_eq(ws_speakerkey_add_aliases(k, path, err), -1);
	fclose(err);
	cr_expect(strstr(msg, ":3: no variant") != NULL, "got: %s", msg);
	cr_expect(strstr(msg, ":4: variant 'J. Doe' already belongs to 'jane doe'") != NULL,
		  "got: %s", msg);
	free(msg);
	ws_speakerkey_free(k);
	unlink(path);
}

Test(report, every_special_character_is_escaped)
{
	static const char *const in =
		"<script>alert(1)</script></svg>\"onload=x' javascript:a&b\tc";
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	ws_html_escape(f, in, strlen(in));
	fclose(f);
	cr_expect_str_eq(out, "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/svg&gt;&quot;onload=x"
			 "&#39; javascript:a&amp;b c");
	free(out);
}

/* Runs a shell command, returning its exit status. */
static int sh(const char *fmt, ...)
{
	char cmd[8192];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	int rc = system(cmd);
	return rc == -1 || !WIFEXITED(rc) ? -1 : WEXITSTATUS(rc);
}

static char *slurp(const char *path)
{
	size_t len;
	char *text = ws_slurp(path, &len);
	cr_assert_not_null(text, "cannot read %s", path);
	return text;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

Test(compare, golden_tables_of_the_frozen_extraction, .timeout = 30)
{
	static const char *const files[] = { "outlets.tsv", "speakers.tsv", "statements.tsv",
					     "cues.tsv", NULL };
	char out[] = "/tmp/whosaid-compare-XXXXXX";
	cr_assert_not_null(mkdtemp(out));
	cr_assert_eq(sh("'%s' compare -q -o '%s/r' '%s/compare/extract'", WS_BIN, out, WS_TESTDIR),
		     0);
	int failed = 0;
	for (int i = 0; files[i]; i++)
		if (sh("diff -u '%s/compare/expected/%s' '%s/r/%s' >&2", WS_TESTDIR, files[i], out,
		       files[i]) != 0) {
			cr_log_error("compare: %s differs (diff above)", files[i]);
			failed = 1;
		}
	char path[4200];
	snprintf(path, sizeof(path), "%s/r/report.html", out);
	char *html = slurp(path);
	cr_expect_eq(count(html, "<script"), 0, "a <script> element in the report");
	cr_expect_gt(count(html, "&lt;script&gt;document.title"), 0, "the crafted quote is shown");
	cr_expect_eq(count(html, "<svg"), 5, "five charts");
	cr_expect_gt(count(html, "Volodymyr Zelenskiy"), 0);
	cr_expect_gt(count(html, "href=\"https://example.org/syria-talks?a=1&amp;b=2\""), 0);
	cr_expect_eq(count(html, "href=\"javascript"), 0, "a javascript: URL became a link");
	cr_expect_eq(count(html, "http-equiv=\"Content-Security-Policy\""), 1);
	free(html);
	sh("rm -rf '%s'", out);
	cr_assert_eq(failed, 0);
}

Test(compare, extract_then_compare_the_corpus, .timeout = 30)
{
	char out[] = "/tmp/whosaid-compare-XXXXXX";
	cr_assert_not_null(mkdtemp(out));
	cr_assert_leq(sh("cd '%s/..' && '%s' extract -q -o '%s/x' --outlet-from-dir "
			 "tests/compare/corpus", WS_TESTDIR, WS_BIN, out), 1);
	cr_assert_eq(sh("'%s' compare -q -o '%s/r' '%s/x'", WS_BIN, out, out), 0);
	char path[4200];
	snprintf(path, sizeof(path), "%s/r/outlets.tsv", out);
	char *t = slurp(path);
	cr_expect(strncmp(t, "outlet\tdocuments\tstatements\t", 28) == 0);
	cr_expect(strstr(t, "\nalpha\t2\t") && strstr(t, "\nbeta\t3\t") && strstr(t, "\ngamma\t2\t"),
		  "three outlets with their documents: %s", t);
	free(t);
	snprintf(path, sizeof(path), "%s/r/report.html", out);
	t = slurp(path);
	cr_expect_eq(count(t, "<script"), 0);
	free(t);
	/* the same inputs twice give the same bytes */
	cr_expect_eq(sh("'%s' compare -q -o '%s/r2' '%s/x' && diff -r '%s/r' '%s/r2' >&2", WS_BIN,
			out, out, out, out), 0);
	sh("rm -rf '%s'", out);
}

Test(compare, usage_errors_and_missing_input)
{
	cr_expect_eq(sh("'%s' compare /nonexistent-dir 2>/dev/null", WS_BIN), 2);
	cr_expect_eq(sh("'%s' compare -o /tmp/whosaid-never /nonexistent-dir 2>/dev/null", WS_BIN),
		     2);
	cr_expect_eq(sh("'%s' compare --help >/dev/null", WS_BIN), 0);
}
