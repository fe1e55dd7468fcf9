/* End-to-end tests of `whosaid extract` and `whosaid cat` as a user runs
 * them: every input kind, the manifest, the same bytes for every -j,
 * shards that cover a corpus exactly once, output that is complete or
 * absent, and a progress line only on a terminal. They run the built
 * binary and compare files; they assert on doc_ids, metadata and bytes,
 * not on what the attribution finds, which other tests own. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define RUN_DIR WS_TESTDIR "/run"

static int sh(const char *fmt, ...)
{
	char cmd[8192];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	int rc = system(cmd);
	if (rc == -1 || !WIFEXITED(rc))
		return -1;
	return WEXITSTATUS(rc);
}

static char *slurp(const char *fmt, ...)
{
	char path[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *s = malloc(cap);
	size_t k;
	while ((k = fread(s + n, 1, cap - n - 1, f)) > 0) {
		n += k;
		if (cap - n < 2)
			s = realloc(s, cap *= 2);
	}
	fclose(f);
	s[n] = '\0';
	return s;
}

static int exists(const char *dir, const char *name)
{
	char p[4096];
	struct stat st;
	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return stat(p, &st) == 0;
}

static char tmp[64];

static void make_tmp(void)
{
	strcpy(tmp, "/tmp/whosaid-run-XXXXXX");
	cr_assert_not_null(mkdtemp(tmp));
}

static void remove_tmp(void)
{
	if (*tmp)
		sh("chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'", tmp, tmp);
}

/* A corpus of a few hundred documents in tmp/big: the fixtures and the
 * project's corpus under many names, and a JSON Lines file. */
static void make_big(void)
{
	cr_assert_eq(sh("set -e; cd '%s'; mkdir big; for i in $(seq 1 30); do "
			"mkdir -p big/o$((i %% 4))/d$i; cp -r '%s/corpus/.' big/o$((i %% 4))/d$i/; "
			"cp '%s/../corpus/'*.txt big/o$((i %% 4))/d$i/; done; "
			"for i in $(seq 1 25); do cat '%s/articles.jsonl'; done > big/o1/all.jsonl",
			tmp, RUN_DIR, WS_TESTDIR, RUN_DIR), 0);
}

/* The doc_id column of a docs.tsv, one per line. */
static char *doc_ids(const char *dir)
{
	char *s = slurp("%s/docs.tsv", dir);
	cr_assert_not_null(s, "no %s/docs.tsv", dir);
	size_t n = strlen(s);
	char *out = malloc(n + 1), *o = out;
	const char *p = strchr(s, '\n');
	while (p && p[1]) {
		p++;
		const char *tab = strchr(p, '\t');
		memcpy(o, p, (size_t)(tab - p));
		o += tab - p;
		*o++ = '\n';
		p = strchr(p, '\n');
	}
	*o = '\0';
	free(s);
	return out;
}

TestSuite(run, .init = make_tmp, .fini = remove_tmp, .timeout = 120);

Test(run, directory_walk_is_recursive_sorted_and_names_outlets)
{
	int rc = sh("'%s' extract -q --outlet-from-dir -o '%s/out' '%s/corpus'", WS_BIN, tmp,
		    RUN_DIR);
	cr_assert_eq(rc, 0);
	char *ids = doc_ids(strcat(strcpy((char[128]){ 0 }, tmp), "/out"));
	cr_assert_str_eq(ids, "daily/politics/budget\ndaily/storm\nherald/match\n");
	free(ids);
	char *docs = slurp("%s/out/docs.tsv", tmp);
	cr_assert_not_null(strstr(docs, "\ndaily/storm\tdaily\t"));
	cr_assert_not_null(strstr(docs, "\nherald/match\therald\t"));
	cr_assert_null(strstr(docs, "notes"), "only *.txt files are articles");
	free(docs);
	char *run = slurp("%s/out/run.json", tmp);
	json_t *j = json_loads(run, 0, NULL);
	cr_assert_not_null(j, "run.json must be JSON");
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(j, "counts"),
							"documents")), 3);
	const char *h = json_string_value(json_object_get(json_object_get(j, "data"), "hash"));
	cr_assert(h && strncmp(h, "fnv1a64:", 8) == 0 && strlen(h) == 24);
	json_decref(j);
	free(run);
}

Test(run, file_and_stdin_give_the_same_rows)
{
	cr_assert_eq(sh("cd '%s' && '%s' extract '%s/corpus/daily/storm.txt' | cut -f2- > file.tsv "
			"&& '%s' extract - < '%s/corpus/daily/storm.txt' > stdin.tsv",
			tmp, WS_BIN, RUN_DIR, WS_BIN, RUN_DIR), 0);
	char *f = slurp("%s/file.tsv", tmp), *s = slurp("%s/stdin.tsv", tmp);
	cr_assert(strlen(f) > 100 && strchr(strchr(f, '\n') + 1, '\n'), "rows expected");
	cr_assert_eq(strncmp(strchr(s, '\n') + 1, "stdin\t", 6), 0, "stdin's doc_id is stdin");
	char *cut;
	cr_assert_eq(sh("cd '%s' && cut -f2- stdin.tsv > stdin2.tsv && cmp -s file.tsv stdin2.tsv",
			tmp), 0, "the same article gives the same rows");
	(void)cut;
	free(f);
	free(s);
}

Test(run, jsonl_fields_defaults_news_please_and_a_malformed_line)
{
	int rc = sh("'%s' extract -q -o '%s/out' '%s/articles.jsonl' 2>'%s/err'", WS_BIN, tmp,
		    RUN_DIR, tmp);
	cr_assert_eq(rc, 1, "a malformed line fails that document, exit 1");
	char *docs = slurp("%s/out/docs.tsv", tmp);
	cr_assert_not_null(strstr(docs, "\nn1\twire\t2024-01-02\t"));
	cr_assert_not_null(strstr(docs, "\tPrices\thttps://example.org/n1\n"));
	cr_assert_not_null(strstr(docs, "\narticles.jsonl:2\tcitynews.example\t2024-02-03 10:00:00\t"),
			   "news-please names and FILE:LINE ids:\n%s", docs);
	cr_assert_not_null(strstr(docs, "\narticles.jsonl:3\t\t\t"));
	cr_assert_not_null(strstr(docs, "\terror\tmalformed JSON"));
	cr_assert_not_null(strstr(docs, "\n42\t"), "a numeric id is written in decimal");
	char *ids = doc_ids(strcat(strcpy((char[128]){ 0 }, tmp), "/out"));
	cr_assert_str_eq(ids, "n1\narticles.jsonl:2\narticles.jsonl:3\n42\n",
			 "the blank last line is no document");
	char *err = slurp("%s/err", tmp);
	cr_assert_not_null(strstr(err, "articles.jsonl:3: malformed JSON"), "%s", err);
	free(err);
	free(ids);
	free(docs);
}

Test(run, jsonl_gz_and_forced_jsonl_stdin_match_plain_jsonl)
{
	cr_assert_eq(sh("cd '%s' && gzip -c '%s/articles.jsonl' > a.jsonl.gz && "
			"cp '%s/articles.jsonl' a.jsonl && "
			"'%s' extract -q -o plain a.jsonl; '%s' extract -q -o gz a.jsonl.gz; "
			"'%s' extract -q --jsonl - < a.jsonl > stdin.tsv; "
			"cmp plain/quotes.tsv stdin.tsv >/dev/null; test $? = 1", tmp, RUN_DIR, RUN_DIR,
			WS_BIN, WS_BIN, WS_BIN), 0, "stdin ids are stdin:LINE, not a.jsonl:LINE");
	cr_assert_eq(sh("cd '%s' && sed 's/^a[.]jsonl[.]gz:/a.jsonl:/' gz/quotes.tsv | "
			"cmp plain/quotes.tsv - && cut -f1-3,5- plain/docs.tsv > p && "
			"cut -f1-3,5- gz/docs.tsv | sed 's/^a[.]jsonl[.]gz:/a.jsonl:/' > g && cmp p g && "
			"grep -q '^n1	wire	' g", tmp), 0, "gzip reads as plain JSON Lines");
	cr_assert_eq(sh("cd '%s' && '%s' extract -q --jsonl --field text=maintext,id=title -o f "
			"a.jsonl; test $? = 1 && grep -q '^Bridge	citynews.example	' f/docs.tsv && "
			"grep -q '^Prices	.*	error	no text: none of the fields .maintext.' f/docs.tsv",
			tmp, WS_BIN), 0, "--field names the members to use");
}

Test(run, manifest_columns_attach_metadata_by_doc_id)
{
	int rc = sh("'%s' extract -q --outlet-from-dir -o '%s/out' --manifest '%s/manifest.tsv' "
		    "--manifest-columns doc_id=doc_id_col,outlet=publisher,date=publication_date,"
		    "title=headline '%s/corpus'", WS_BIN, tmp, RUN_DIR, RUN_DIR);
	cr_assert_eq(rc, 0);
	char *docs = slurp("%s/out/docs.tsv", tmp);
	cr_assert_not_null(strstr(docs, "\ndaily/politics/budget\tThe Daily\t2024-03-01\t"));
	cr_assert_not_null(strstr(docs, "\tBudget row\t\n"));
	cr_assert_not_null(strstr(docs, "\nherald/match\tThe Herald\t2024-03-02\t"));
	cr_assert_not_null(strstr(docs, "\ndaily/storm\tdaily\t\t"),
			   "not in the manifest: the directory's outlet stays");
	free(docs);
	rc = sh("'%s' extract -q --manifest '%s/manifest.tsv' '%s/corpus' >/dev/null 2>'%s/err'",
		WS_BIN, RUN_DIR, RUN_DIR, tmp);
	cr_assert_eq(rc, 2, "without the mapping there is no doc_id column");
	char *err = slurp("%s/err", tmp);
	cr_assert_not_null(strstr(err, "manifest.tsv:1: no column 'doc_id'"), "%s", err);
	free(err);
}

Test(run, manifest_errors_are_all_reported_with_lines)
{
	cr_assert_eq(sh("printf 'doc_id\\toutlet\\na\\tx\\nb\\ny\\ta\\t\\na\\tz\\n' > '%s/m.tsv'",
			tmp), 0);
	int rc = sh("'%s' extract --manifest '%s/m.tsv' '%s/corpus' >/dev/null 2>'%s/err'", WS_BIN,
		    tmp, RUN_DIR, tmp);
	cr_assert_eq(rc, 2);
	char *err = slurp("%s/err", tmp);
	cr_assert_not_null(strstr(err, "m.tsv:3: 1 fields, the header has 2"), "%s", err);
	cr_assert_not_null(strstr(err, "m.tsv:4: 3 fields"), "%s", err);
	cr_assert_not_null(strstr(err, "m.tsv:5: duplicate doc_id 'a'"), "%s", err);
	free(err);
}

Test(run, output_is_the_same_bytes_for_every_j)
{
	make_big();
	for (int j = 1; j <= 4; j += 3)
		cr_assert_eq(sh("cd '%s' && '%s' extract -q -j%d -o j%d --outlet-from-dir big", tmp,
				WS_BIN, j, j), 1, "the big corpus has malformed lines");
	cr_assert_eq(sh("cd '%s' && '%s' extract -q -j3 --format jsonl -o jl3 big; "
			"'%s' extract -q -j1 --format jsonl -o jl1 big; true", tmp, WS_BIN, WS_BIN), 0);
	const char *f[] = { "quotes.tsv", "entities.tsv", "mentions.tsv", "docs.tsv",
			    "quotes.jsonl", "docs.jsonl", NULL };
	for (int i = 0; f[i]; i++)
		cr_assert_eq(sh("cd '%s' && cmp %s/%s %s/%s", tmp, i < 4 ? "j1" : "jl1", f[i],
				i < 4 ? "j4" : "jl3", f[i]), 0, "%s differs between -j values", f[i]);
	char *docs = slurp("%s/j4/docs.tsv", tmp);
	size_t rows = 0;
	for (char *p = docs; (p = strchr(p, '\n')); p++)
		rows++;
	cr_assert_eq(rows, 1 + 30 * 4 + 25 * 4, "every document once, in order");
	free(docs);
}

Test(run, jsonl_format_has_numbers_and_nulls)
{
	cr_assert_eq(sh("'%s' extract -q --format jsonl -o '%s/out' '%s/corpus'", WS_BIN, tmp,
			RUN_DIR), 0);
	char *docs = slurp("%s/out/docs.jsonl", tmp);
	char *nl = strchr(docs, '\n');
	cr_assert_not_null(nl);
	*nl = '\0';
	json_error_t je;
	json_t *j = json_loads(docs, 0, &je);
	cr_assert_not_null(j, "%s: %s", docs, je.text);
	cr_assert_str_eq(json_string_value(json_object_get(j, "doc_id")), "daily/politics/budget");
	cr_assert(json_is_integer(json_object_get(j, "bytes")));
	cr_assert(json_is_null(json_object_get(j, "outlet")));
	cr_assert_str_eq(json_string_value(json_object_get(j, "status")), "ok");
	json_decref(j);
	free(docs);
	cr_assert(!exists(tmp, "out/quotes.tsv"));
}

Test(run, shards_cover_every_document_once_and_cat_joins_them)
{
	make_big();
	cr_assert_eq(sh("cd '%s' && '%s' extract -q -o full big; test $? = 1", tmp, WS_BIN), 0);
	for (int k = 1; k <= 3; k++) {
		cr_assert_eq(sh("cd '%s' && '%s' extract -q --shard %d/3 -o s%d big; test $? -le 1",
				tmp, WS_BIN, k, k), 0);
		cr_assert_eq(sh("cd '%s' && test $(wc -l < s%d/docs.tsv) -gt 20", tmp, k), 0,
			     "shard %d/3 is far too small", k);
	}
	cr_assert_eq(sh("cd '%s' && tail -q -n +2 s1/docs.tsv s2/docs.tsv s3/docs.tsv | cut -f1 "
			"| sort > union && tail -n +2 full/docs.tsv | cut -f1 | sort > all && "
			"cmp union all", tmp), 0,
		     "the shards' doc_ids are not the corpus's, once each");
	cr_assert_eq(sh("cd '%s' && '%s' cat -q -o merged s1 s2 s3", tmp, WS_BIN), 0);
	cr_assert_eq(sh("cd '%s' && for f in quotes entities mentions docs; do "
			"test $(grep -c '^doc_id' merged/$f.tsv) = 1 || exit 1; "
			"head -1 full/$f.tsv > h; head -1 merged/$f.tsv | cmp -s - h || exit 1; "
			"tail -n +2 merged/$f.tsv | sort > a; tail -n +2 full/$f.tsv | sort > b; "
			"cmp -s a b || exit 1; done", tmp), 0,
		     "merged shards hold the full run's rows under one header");
	char *run = slurp("%s/merged/run.json", tmp), *full = slurp("%s/full/run.json", tmp);
	json_t *a = json_loads(run, 0, NULL), *b = json_loads(full, 0, NULL);
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(a, "counts"), "documents")),
		     json_integer_value(json_object_get(json_object_get(b, "counts"), "documents")));
	cr_assert_eq(json_array_size(json_object_get(a, "shards")), 3);
	json_decref(a);
	json_decref(b);
	free(run);
	free(full);
	cr_assert_eq(sh("cd '%s' && rm s2/run.json && '%s' cat -q -o m2 s1 s2 2>err; test $? = 2 "
			"&& grep -q 'unfinished run' err && test ! -e m2/docs.tsv", tmp, WS_BIN), 0,
		     "cat refuses an unfinished shard");
}

Test(run, a_failed_write_leaves_no_output_file)
{
	make_big();
	/* A file size limit makes writes fail part-way, as a full disk would. */
	int rc = sh("cd '%s' && (trap '' XFSZ; ulimit -f 8; exec '%s' extract -q -o out big) "
		    "2>err", tmp, WS_BIN);
	cr_assert_eq(rc, 3, "exit status 3: results could not be written");
	cr_assert(exists(tmp, "out"));
	cr_assert_eq(sh("test -z \"$(ls -A '%s/out')\"", tmp), 0,
		     "no final file and no temporary file is left behind");
	char *err = slurp("%s/err", tmp);
	cr_assert_not_null(strstr(err, "cannot write"), "%s", err);
	free(err);
	rc = sh("'%s' extract '%s/corpus' > /dev/full 2>'%s/err'", WS_BIN, RUN_DIR, tmp);
	cr_assert_eq(rc, 3);
	err = slurp("%s/err", tmp);
	cr_assert_not_null(strstr(err, "cannot write to standard output"), "%s", err);
	free(err);
	rc = sh("touch '%s/file'; '%s' extract -q -o '%s/file/out' '%s/corpus' 2>/dev/null", tmp,
		WS_BIN, tmp, RUN_DIR);
	cr_assert_eq(rc, 3, "an output directory that cannot be made");
}

Test(run, progress_line_only_on_a_terminal)
{
	cr_assert_eq(sh("cd '%s' && script -qec \"'%s' extract -o out '%s/corpus'\" /dev/null "
			"< /dev/null > tty.log", tmp, WS_BIN, RUN_DIR), 0);
	char *log = slurp("%s/tty.log", tmp);
	cr_assert_not_null(strstr(log, "3 documents"), "%s", log);
	cr_assert_not_null(strstr(log, "MB/s"), "no progress line on a terminal:\n%s", log);
	free(log);
	cr_assert_eq(sh("cd '%s' && script -qec \"'%s' extract -q -o out '%s/corpus'\" /dev/null "
			"< /dev/null > q.log", tmp, WS_BIN, RUN_DIR), 0);
	log = slurp("%s/q.log", tmp);
	cr_assert_null(strstr(log, "MB/s"), "--quiet still shows progress:\n%s", log);
	free(log);
	cr_assert_eq(sh("cd '%s' && '%s' extract -o out '%s/corpus' 2> pipe.log", tmp, WS_BIN,
			RUN_DIR), 0);
	log = slurp("%s/pipe.log", tmp);
	cr_assert_null(strstr(log, "MB/s"), "progress on a pipe:\n%s", log);
	cr_assert_null(strchr(log, '\r'));
	cr_assert_not_null(strstr(log, "documents 3"), "the summary stays:\n%s", log);
	free(log);
}

/* GNU parallel is how most researchers spread a corpus over cores or
 * machines without a scheduler: chunks of JSON Lines through --pipe, or one
 * file per job. Either way the rows must be the rows of a single run. */
Test(run, gnu_parallel_over_jsonl_and_over_files_gives_the_rows_of_one_run)
{
	/* 60 articles with ids of their own, from the fixtures' texts. */
	cr_assert_eq(sh("set -e; cd '%s'; for i in $(seq 1 20); do mkdir -p c/a$i; "
			"cp -r '%s/corpus/.' c/a$i/; done; "
			"find c -name '*.txt' | sort | xargs '%s/txt2jsonl.sh' > in.jsonl; "
			"test $(wc -l < in.jsonl) = 60", tmp, RUN_DIR, WS_TESTDIR), 0);
	cr_assert_eq(sh("cd '%s' && '%s' extract -q -j1 --no-header --jsonl - < in.jsonl > one.tsv && "
			"parallel --will-cite --pipe --block 3k -k -j2 '%s' extract -q -j1 --no-header "
			"--jsonl - < in.jsonl > pipe.tsv", tmp, WS_BIN, WS_BIN), 0);
	char *one = slurp("%s/one.tsv", tmp);
	size_t rows = 0;
	for (char *p = one; (p = strchr(p, '\n')); p++)
		rows++;
	cr_assert_geq(rows, 60, "every article has a quote: %zu rows", rows);
	cr_assert_eq(sh("cd '%s' && cmp one.tsv pipe.tsv", tmp), 0,
		     "parallel --pipe over JSON Lines changes the rows");
	free(one);

	cr_assert_eq(sh("cd '%s' && find '%s/corpus' -name '*.txt' | sort > files && "
			"'%s' extract -q -j1 --no-header $(cat files) > onef.tsv && "
			"parallel --will-cite -k -j2 -n1 '%s' extract -q -j1 --no-header < files > parf.tsv && "
			"test -s onef.tsv && cmp onef.tsv parf.tsv", tmp, RUN_DIR, WS_BIN, WS_BIN), 0,
		     "parallel over files changes the rows");
}

Test(run, mapper_contract_no_header_and_usage_errors)
{
	cr_assert_eq(sh("cd '%s' && '%s' extract -q --no-header --jsonl -o o - < '%s/articles.jsonl' "
			"2>/dev/null; test $? = 1 && ! grep -q '^doc_id' o/*.tsv && "
			"grep -q '^n1	' o/docs.tsv", tmp, WS_BIN, RUN_DIR), 0);
	cr_assert_eq(sh("'%s' extract --shard 4/3 x 2>/dev/null", WS_BIN), 2);
	cr_assert_eq(sh("'%s' extract -j 0 x 2>/dev/null", WS_BIN), 2);
	cr_assert_eq(sh("'%s' extract --format xml x 2>/dev/null", WS_BIN), 2);
	cr_assert_eq(sh("'%s' extract --field body=x x 2>/dev/null", WS_BIN), 2);
	cr_assert_eq(sh("'%s' help extract | grep -q -- '--shard K/N'", WS_BIN), 0);
	cr_assert_eq(sh("'%s' help cat | grep -q 'whosaid cat'", WS_BIN), 0);
}
