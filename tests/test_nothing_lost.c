/* Nothing lost: every input document gets exactly one docs.tsv row whatever
 * happens to it, statements come only from documents that were read, good
 * documents give the same rows among bad ones as alone, and a run that
 * cannot write its results says so, exits 3 and leaves no partial file
 * under a final name. These run the whosaid binary on corpora made in a
 * temporary directory. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"

/* A hang ends the test (SIGALRM) instead of the run. Criterion's own
 * .timeout is not used: with several such tests in parallel its runner
 * leaks under LeakSanitizer, failing check-asan. */
static void watchdog(void)
{
	alarm(60);
}

TestSuite(nothing_lost, .init = watchdog);

static char tmp[64];

static void make_tmp(void)
{
	snprintf(tmp, sizeof(tmp), "/tmp/whosaid-lost-XXXXXX");
	cr_assert_not_null(mkdtemp(tmp));
}

static void remove_tmp(void)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		cr_log_warn("could not remove %s", tmp);
}

static void put_file(const char *rel, const char *data, size_t len)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "cannot create %s", path);
	cr_assert_eq(fwrite(data, 1, len, f), len);
	cr_assert_eq(fclose(f), 0);
}

static void put_str(const char *rel, const char *s)
{
	put_file(rel, s, strlen(s));
}

static void make_dir(const char *rel)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	cr_assert_eq(mkdir(path, 0777), 0, "mkdir %s: %s", path, strerror(errno));
}

/* The whole of a file, or NULL when it does not exist. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct ws_buf b = WS_BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		ws_buf_add(&b, chunk, n);
	fclose(f);
	ws_buf_grow(&b, 0);
	return b.data;
}

static char *slurp_rel(const char *rel)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	return slurp(path);
}

/* Runs a shell command line (whosaid's path is WS_BIN) and returns its exit
 * status. */
__attribute__((format(printf, 1, 2)))
static int run(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	int rc = system(cmd);
	cr_assert(rc != -1 && WIFEXITED(rc), "%s: did not exit normally", cmd);
	return WEXITSTATUS(rc);
}

/* Field col (0-based) of a TSV line, copied into out. */
static void field(const char *line, int col, char *out, size_t size)
{
	const char *p = line;
	for (int i = 0; i < col && p; i++) {
		p = strchr(p, '\t');
		if (p)
			p++;
	}
	size_t n = 0;
	if (p)
		while (p[n] && p[n] != '\t' && p[n] != '\n')
			n++;
	if (n >= size)
		n = size - 1;
	memcpy(out, p ? p : "", n);
	out[n] = '\0';
}

/* The rows of a TSV file without its header, each with its line end. */
struct rows {
	char **v;
	size_t n;
};

static struct rows rows_of(const char *text)
{
	struct rows r = { NULL, 0 };
	cr_assert_not_null(text);
	const char *p = strchr(text, '\n');
	cr_assert_not_null(p, "no header line");
	p++;
	while (*p) {
		const char *nl = strchr(p, '\n');
		cr_assert_not_null(nl, "a row without its line end");
		r.v = ws_xrealloc(r.v, (r.n + 1) * sizeof(char *));
		r.v[r.n++] = ws_xstrndup(p, (size_t)(nl - p));
		p = nl + 1;
	}
	return r;
}

static void rows_free(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i]);
	free(r->v);
}

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* Rows of a results file whose doc_id is in ids, joined; source paths
 * differ between runs, so docs.tsv rows lose their source column. */
static char *rows_for(const char *text, const char *const *ids, int drop_source)
{
	struct rows r = rows_of(text);
	struct ws_buf b = WS_BUF_INIT;
	for (size_t i = 0; i < r.n; i++) {
		char id[256];
		field(r.v[i], 0, id, sizeof(id));
		if (!in_list(id, ids))
			continue;
		if (drop_source) {
			char *p = r.v[i];
			for (int k = 0; k < 3; k++)
				p = strchr(p, '\t') + 1;
			ws_buf_add(&b, r.v[i], (size_t)(p - r.v[i]));
			ws_buf_adds(&b, strchr(p, '\t') + 1);
		} else {
			ws_buf_adds(&b, r.v[i]);
		}
		ws_buf_addc(&b, '\n');
	}
	rows_free(&r);
	ws_buf_grow(&b, 0);
	return b.data;
}

static const char good_a[] =
	"\"We will not back down,\" said Sen. Maria Lopez on Tuesday.\n\n"
	"The bill passed 52 to 48. \"It is a good day for the state,\" she said.\n";
/* good_a as a JSON Lines record, one line */
#define jsonl_good \
	"{\"id\": \"j_good\", \"text\": \"\\\"We will not back down,\\\" said Sen. Maria " \
	"Lopez on Tuesday.\\n\\nThe bill passed 52 to 48.\"}\n"
static const char good_b[] =
	"Officials met on Monday.\n\n\"Nothing is settled yet,\" said John Carter, the "
	"union leader.\n";

/* The mixed corpus: three good articles and every kind of bad input that a
 * run can meet and survive (all_ids below are the rows it must give). */
static void mixed_corpus(void)
{
	make_dir("in");
	put_str("in/good_a.txt", good_a);
	put_str("in/good_b.txt", good_b);
	make_dir("in/sub.txt");		/* a directory named like a document: walked */
	put_str("in/sub.txt/good_c.txt", good_b);
	put_str("in/empty.txt", "");
	char big[9000];
	memset(big, 'a', sizeof(big));
	for (size_t i = 5; i < sizeof(big); i += 6)
		big[i] = ' ';
	put_file("in/big.txt", big, sizeof(big));		/* over --max-doc-bytes 8192 */
	put_str("in/badenc.txt", "\xc0\xaf\xed\xa0\x80\xff\xfe\xf5\x80\x80\x80 \xc3 x\xe2\x80");
	put_file("in/utf16.txt", "\xff\xfe\"\0W\0e\0 \0w\0o\0n\0,\0\"\0", 20);
	put_file("in/image.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06", 24);
	/* unreadable: as root, permissions stop no read, so a file whose read
	 * fails whoever reads it (EIO at offset 0 of the process's memory) */
	char path[512];
	snprintf(path, sizeof(path), "%s/in/unreadable.txt", tmp);
	if (geteuid() != 0) {
		put_str("in/unreadable.txt", good_a);
		cr_assert_eq(chmod(path, 0), 0);
	} else {
		cr_assert_eq(symlink("/proc/self/mem", path), 0);
	}
	put_str("in/notes.md", "not an article: not .txt, not an input");
	/* JSON Lines: a good article, a malformed line (named FILE:LINE, as it
	 * has no id that could be read), a blank line (not a document), a line
	 * with an id but no text, and one with neither */
	put_str("in/lines.jsonl", jsonl_good
		"{\"id\": \"j_broken\", \"text\": \"unterminated\n"
		"\n"
		"{\"id\": \"j_notext\", \"title\": \"a title, no text\"}\n"
		"{\"title\": \"no id, no text\"}\n");
}

static const char *const all_ids[] = {
	"badenc", "big", "empty", "good_a", "good_b", "image", "sub.txt/good_c",
	"unreadable", "utf16", "vanished", "j_good", "lines.jsonl:2", "j_notext",
	"lines.jsonl:5", NULL
};
static const char *const good_ids[] = { "good_a", "good_b", "sub.txt/good_c", "j_good", NULL };

Test(nothing_lost, mixed_corpus_one_row_per_input)
{
	make_tmp();
	mixed_corpus();
	/* a file named on the command line that is gone by the time it is read */
	int rc = run("'" WS_BIN "' extract -q --max-doc-bytes 8192 -o '%s/out' '%s/in' "
		     "'%s/vanished.txt' 2>/dev/null", tmp, tmp, tmp);
	cr_assert_eq(rc, 1, "exit status %d, want 1 (some documents failed)", rc);

	char *docs = slurp_rel("out/docs.tsv");
	cr_assert_not_null(docs, "no docs.tsv");
	struct rows r = rows_of(docs);
	size_t want = 0;
	while (all_ids[want])
		want++;
	cr_assert_eq(r.n, want, "%zu docs.tsv rows for %zu inputs:\n%s", r.n, want, docs);
	for (size_t i = 0; i < r.n; i++) {
		char id[256], status[32], err[512];
		field(r.v[i], 0, id, sizeof(id));
		field(r.v[i], 5, status, sizeof(status));
		field(r.v[i], 6, err, sizeof(err));
		cr_assert(in_list(id, all_ids), "unexpected doc_id '%s'", id);
		for (size_t k = 0; k < i; k++) {
			char other[256];
			field(r.v[k], 0, other, sizeof(other));
			cr_assert_str_neq(id, other, "two rows for '%s'", id);
		}
		if (in_list(id, good_ids)) {
			cr_assert_str_eq(status, "ok", "%s: %s", id, r.v[i]);
		} else {
			cr_assert_str_eq(status, "error", "%s: %s", id, r.v[i]);
			cr_assert_neq(err[0], '\0', "%s: an error row without its reason", id);
		}
	}
	/* the reasons a user reads */
	cr_assert_not_null(strstr(docs, "not UTF-8 text"));
	cr_assert_not_null(strstr(docs, "empty document"));
	cr_assert_not_null(strstr(docs, "too large"));
	cr_assert_not_null(strstr(docs, "cannot read"));
	cr_assert_not_null(strstr(docs, "malformed JSON"));
	cr_assert_not_null(strstr(docs, "no text"));
	rows_free(&r);

	/* statements, entities and mentions only for documents that were read */
	static const char *const outs[] = { "out/quotes.tsv", "out/entities.tsv",
					    "out/mentions.tsv", NULL };
	for (int f = 0; outs[f]; f++) {
		char *t = slurp_rel(outs[f]);
		struct rows q = rows_of(t);
		for (size_t i = 0; i < q.n; i++) {
			char id[256];
			field(q.v[i], 0, id, sizeof(id));
			cr_assert(in_list(id, good_ids), "%s: a row for '%s', which failed",
				  outs[f], id);
		}
		if (f == 0)
			cr_assert_geq(q.n, 3, "the good documents' statements are there");
		rows_free(&q);
		free(t);
	}

	/* the good documents alone give the same rows */
	make_dir("clean");
	make_dir("clean/sub.txt");
	put_str("clean/good_a.txt", good_a);
	put_str("clean/good_b.txt", good_b);
	put_str("clean/sub.txt/good_c.txt", good_b);
	put_str("clean/lines.jsonl", jsonl_good);
	rc = run("'" WS_BIN "' extract -q -o '%s/cout' '%s/clean'", tmp, tmp);
	cr_assert_eq(rc, 0, "clean run exit %d", rc);
	static const char *const files[] = { "quotes.tsv", "entities.tsv", "mentions.tsv",
					     "docs.tsv", NULL };
	for (int f = 0; files[f]; f++) {
		char a[256], b[256];
		snprintf(a, sizeof(a), "out/%s", files[f]);
		snprintf(b, sizeof(b), "cout/%s", files[f]);
		char *ta = slurp_rel(a), *tb = slurp_rel(b);
		int is_docs = strcmp(files[f], "docs.tsv") == 0;
		char *ra = rows_for(ta, good_ids, is_docs), *rb = rows_for(tb, good_ids, is_docs);
		cr_assert_str_eq(ra, rb, "%s: good documents differ from a clean run", files[f]);
		free(ra);
		free(rb);
		free(ta);
		free(tb);
	}
	free(docs);
	remove_tmp();
}

/* A dangling symbolic link named like an article is an input whose read
 * fails: it gets an error row, not silence. */
Test(nothing_lost, dangling_symlink_gets_a_row)
{
	make_tmp();
	make_dir("in");
	put_str("in/a.txt", good_a);
	char path[512];
	snprintf(path, sizeof(path), "%s/in/x.txt", tmp);
	cr_assert_eq(symlink("/nonexistent/whosaid-target", path), 0);
	int rc = run("'" WS_BIN "' extract -q -o '%s/out' '%s/in' 2>/dev/null", tmp, tmp);
	cr_assert_eq(rc, 1, "exit status %d, want 1", rc);
	char *docs = slurp_rel("out/docs.tsv");
	const char *row = strstr(docs, "\nx\t");
	cr_assert_not_null(row, "no row for the dangling link x.txt:\n%s", docs);
	char status[32], err[256];
	field(row + 1, 5, status, sizeof(status));
	field(row + 1, 6, err, sizeof(err));
	cr_assert_str_eq(status, "error", "x.txt: %s", docs);
	cr_assert_not_null(strstr(err, "cannot read"), "x.txt: reason '%s'", err);
	cr_assert_not_null(strstr(docs, "\na\t"), "the good article lost:\n%s", docs);
	free(docs);
	remove_tmp();
}

/* A document big enough that its quotes rows outgrow a pipe buffer and a
 * 64 kB file system. */
static void big_article(const char *rel)
{
	struct ws_buf b = WS_BUF_INIT;
	for (int i = 0; i < 3000; i++)
		ws_buf_addf(&b, "\"We will build the bridge number %d this year,\" said Sen. "
			    "Maria Lopez.\n\n", i);
	put_file(rel, b.data, b.len);
	ws_buf_release(&b);
}

static int no_temp_files(const char *rel)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	DIR *d = opendir(path);
	if (!d)
		return 1;
	struct dirent *de;
	int clean = 1;
	while ((de = readdir(d)) != NULL)
		if (strstr(de->d_name, ".tmp"))
			clean = 0;
	closedir(d);
	return clean;
}

Test(nothing_lost, quotes_to_dev_full_exit_3)
{
	make_tmp();
	big_article("big.txt");
	int rc = run("'" WS_BIN "' extract '%s/big.txt' >/dev/full 2>'%s/err'", tmp, tmp);
	cr_assert_eq(rc, 3, "exit status %d, want 3", rc);
	char *err = slurp_rel("err");
	cr_assert_not_null(strstr(err, "cannot write"), "no message: '%s'", err);
	free(err);
	remove_tmp();
}

Test(nothing_lost, closed_pipe_exit_3)
{
	make_tmp();
	big_article("big.txt");
	run("{ '" WS_BIN "' extract '%s/big.txt' 2>'%s/err'; echo $? >'%s/rc'; } | "
	    "head -c 1 >/dev/null", tmp, tmp, tmp);
	char *rc = slurp_rel("rc");
	cr_assert_not_null(rc);
	cr_assert_str_eq(rc, "3\n", "exit status %s, want 3", rc);
	char *err = slurp_rel("err");
	cr_assert_not_null(strstr(err, "cannot write"), "no message: '%s'", err);
	free(rc);
	free(err);
	remove_tmp();
}

/* Output directory on a 64 kB tmpfs: the results do not fit, the run exits
 * 3 with a message, and neither a final nor a temporary file is left. */
Test(nothing_lost, full_disk_leaves_no_file)
{
	make_tmp();
	big_article("big.txt");
	make_dir("tiny");
	char mnt[512];
	snprintf(mnt, sizeof(mnt), "%s/tiny", tmp);
	if (mount("tmpfs", mnt, "tmpfs", 0, "size=64k") != 0) {
		remove_tmp();
		cr_skip("cannot mount a tmpfs here (%s): needs root", strerror(errno));
	}
	int rc = run("'" WS_BIN "' extract -q -o '%s/tiny/out' '%s/big.txt' 2>/dev/null", tmp, tmp);
	char *q = slurp_rel("tiny/out/quotes.tsv");
	char *d = slurp_rel("tiny/out/docs.tsv");
	int clean = no_temp_files("tiny/out");
	umount(mnt);
	cr_assert_eq(rc, 3, "exit status %d, want 3", rc);
	cr_assert_null(q, "a truncated quotes.tsv was left under its final name");
	cr_assert_null(d, "docs.tsv was left though the run failed");
	cr_assert(clean, "temporary files left behind");
	remove_tmp();
}

/* The final name is taken by a directory, so the rename fails: exit 3, and
 * no temporary file is left behind. */
Test(nothing_lost, failed_rename_exit_3)
{
	make_tmp();
	put_str("a.txt", good_a);
	make_dir("out");
	make_dir("out/quotes.tsv");
	put_str("out/quotes.tsv/keep", "x");
	int rc = run("'" WS_BIN "' extract -q -o '%s/out' '%s/a.txt' 2>'%s/err'", tmp, tmp, tmp);
	cr_assert_eq(rc, 3, "exit status %d, want 3", rc);
	cr_assert(no_temp_files("out"), "temporary files left behind");
	remove_tmp();
}
