/* The rule language, tested by data: each .test file in tests/rules holds
 * rules, a text, annotations to start from, and the annotations (or the
 * exact compiler errors) expected. Sections:
 *   --- rules      the phase file (compiled as "test.rules")
 *   --- file       instead of rules: the path of one of the project's rule
 *                  files, from the repository's root (rules/50-mentions.rules)
 *   --- text       the document
 *   --- given      lines  "token text" Type key=value ...: every occurrence
 *                  of the token sequence gets that annotation
 *   --- expect     lines  Type "covered text" key=value ...  (new
 *                  annotations, in order of first token, then type)
 *   --- errors     the exact diagnostics, one per line
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "ruleprog.h"
#include "rules.h"
#include "symtab.h"
#include "tokenize.h"

struct sections {
	struct ws_buf rules, file, text, given, expect, errors;
};

/* Word keys as the gazetteer's lookup gives them (ws_gaz_keys_into()):
 * one per distinct word, here the place of its first token plus one, and
 * none for every third word, which the matcher then reads by its bytes. */
static void test_word_keys(const char *text, const struct ws_tokens *tk, uint32_t *keys)
{
	for (size_t i = 0; i < tk->tok.n; i++) {
		const struct ws_token *k = &tk->tok.v[i];
		keys[i] = 0;
		for (size_t j = 0; j <= i && !keys[i]; j++) {
			const struct ws_token *o = &tk->tok.v[j];
			if (o->end - o->start == k->end - k->start &&
			    memcmp(text + o->start, text + k->start, k->end - k->start) == 0)
				keys[i] = (uint32_t)j + 1;
		}
		if (keys[i] % 3 == 0)
			keys[i] = 0;
	}
}

static void read_sections(const char *path, struct sections *sc)
{
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "cannot read %s", path);
	memset(sc, 0, sizeof(*sc));
	struct ws_buf *cur = NULL;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (strncmp(line, "--- ", 4) == 0) {
			const char *name = line + 4;
			cur = strncmp(name, "rules", 5) == 0 ? &sc->rules :
			      strncmp(name, "file", 4) == 0 ? &sc->file :
			      strncmp(name, "text", 4) == 0 ? &sc->text :
			      strncmp(name, "given", 5) == 0 ? &sc->given :
			      strncmp(name, "expect", 6) == 0 ? &sc->expect :
			      strncmp(name, "errors", 6) == 0 ? &sc->errors : NULL;
			cr_assert_not_null(cur, "%s: unknown section %s", path, line);
			ws_buf_grow(cur, 0);
			continue;
		}
		if (cur)
			ws_buf_add(cur, line, (size_t)n);
	}
	free(line);
	fclose(f);
	/* the text's last newline is the file's, not the document's */
	if (sc->text.len && sc->text.data[sc->text.len - 1] == '\n')
		sc->text.data[--sc->text.len] = '\0';
}

typedef WS_VEC(struct ws_feat *) featptr_vec;

/* Annotates every occurrence of each given token sequence. */
static void add_given(struct ws_symtab *syms, const char *text, const struct ws_tokens *tk,
		      const char *given, ws_annot_vec *out, featptr_vec *feats)
{
	char *copy = strdup(given ? given : "");
	for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] != '"')
			continue;
		char *q = strchr(line + 1, '"');
		cr_assert_not_null(q);
		*q = '\0';
		const char *phrase = line + 1;
		char *rest = q + 1;
		char *save = NULL;
		char *type = strtok_r(rest, " ", &save);
		struct ws_feat *f = calloc(16, sizeof(*f));
		WS_VEC_PUSH(*feats, f);
		uint32_t nf = 0;
		for (char *kv = strtok_r(NULL, " ", &save); kv && nf < 16;
		     kv = strtok_r(NULL, " ", &save)) {
			char *eq = strchr(kv, '=');
			cr_assert_not_null(eq);
			f[nf].key = ws_intern(syms, kv, (size_t)(eq - kv));
			f[nf].value = ws_intern_str(syms, eq + 1);
			nf++;
		}
		/* the phrase's tokens, split on spaces, against the text's tokens */
		char *words[32];
		size_t nw = 0;
		char *pcopy = strdup(phrase), *ps = NULL;
		for (char *w = strtok_r(pcopy, " ", &ps); w && nw < 32; w = strtok_r(NULL, " ", &ps))
			words[nw++] = w;
		for (size_t i = 0; i + nw <= tk->tok.n; i++) {
			size_t k = 0;
			while (k < nw) {
				const struct ws_token *t = &tk->tok.v[i + k];
				size_t len = t->end - t->start;
				if (len != strlen(words[k]) || memcmp(text + t->start, words[k], len))
					break;
				k++;
			}
			if (k == nw) {
				struct ws_annot a = { (uint32_t)i, (uint32_t)(i + nw),
						      ws_intern_str(syms, type), f, nf, 0, "given" };
				WS_VEC_PUSH(*out, a);
			}
		}
		free(pcopy);
	}
	free(copy);
}

static int by_position(const void *x, const void *y)
{
	const struct ws_annot *a = x, *b = y;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	return strcmp(a->type, b->type);
}

/* The project's rule file named by a --- file section, read whole. */
static void read_rules_file(const char *test, struct sections *sc)
{
	char rel[1024], path[4096];
	cr_assert_eq(sscanf(sc->file.data, "%1023s", rel), 1, "%s: empty file section", test);
	snprintf(path, sizeof(path), "%s/../%s", WS_TESTDIR, rel);
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "%s: cannot read %s", test, path);
	char chunk[4096];
	size_t n;
	ws_buf_grow(&sc->rules, 0);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		ws_buf_add(&sc->rules, chunk, n);
	fclose(f);
	const char *slash = strrchr(rel, '/');
	snprintf(sc->file.data, sc->file.len + 1, "%s", slash ? slash + 1 : rel);
}

/* walk: run the matcher without the closure lists (ws_rclosure_release),
 * as for a phase too large for them, which must match the same. */
static int run_test(const char *path, int walk)
{
	struct sections sc;
	read_sections(path, &sc);
	if (sc.file.data)
		read_rules_file(path, &sc);
	struct ws_symtab *syms = ws_symtab_new();
	struct ws_ruleset *rs = NULL;
	char *errs = NULL;
	size_t errlen = 0;
	FILE *ef = open_memstream(&errs, &errlen);
	struct ws_diag d = { ef, 0, 0 };
	int rc = ws_rules_add_phase(&rs, sc.file.data ? sc.file.data : "test.rules",
				    sc.rules.data ? sc.rules.data : "", sc.rules.len, syms, &d);
	fclose(ef);
	int failed = 0;
	if (sc.errors.data) {
		if (rc == 0 || strcmp(errs, sc.errors.data) != 0) {
			cr_log_error("%s: expected errors:\n%s\ngot (rc %d):\n%s", path,
				     sc.errors.data, rc, errs);
			failed = 1;
		}
	} else if (rc != 0) {
		cr_log_error("%s: the rules do not compile:\n%s", path, errs);
		failed = 1;
	} else {
		for (size_t p = 0; walk && p < rs->phases.n; p++)
			ws_rclosure_release(&rs->phases.v[p]);
		const char *text = sc.text.data ? sc.text.data : "";
		struct ws_tokens tk = { 0 };
		ws_tokenize(NULL, text, strlen(text), &tk);
		ws_annot_vec an = { 0 };
		featptr_vec feats = { 0 };
		add_given(syms, text, &tk, sc.given.data, &an, &feats);
		size_t given = an.n;
		/* the run as the pipeline makes it, with word keys, checked
		 * below against one without: the same annotations */
		ws_annot_vec plain = { 0 };
		WS_VEC_RESERVE(plain, an.n);
		if (an.n)	/* (an.v may be NULL) */
			memcpy(plain.v, an.v, an.n * sizeof(an.v[0]));
		plain.n = an.n;
		struct ws_rules_scratch *s = ws_rules_scratch_new();
		struct ws_rules_scratch *s2 = ws_rules_scratch_new();
		test_word_keys(text, &tk, ws_rules_word_keys(s, tk.tok.n));
		ws_rules_keys_epoch(s, 1);
		ws_rules_run(rs, s, text, &tk, &an);
		ws_rules_run(rs, s2, text, &tk, &plain);
		if (plain.n != an.n) {
			cr_log_error("%s: %zu annotations with word keys, %zu without", path,
				     an.n, plain.n);
			failed = 1;
		}
		for (size_t i = 0; !failed && i < an.n; i++)
			if (an.v[i].type != plain.v[i].type || an.v[i].first != plain.v[i].first ||
			    an.v[i].last != plain.v[i].last || an.v[i].rule != plain.v[i].rule) {
				cr_log_error("%s: annotation %zu differs with word keys", path, i);
				failed = 1;
			}
		ws_rules_scratch_free(s2);
		WS_VEC_FREE(plain);
		qsort(an.v + given, an.n - given, sizeof(an.v[0]), by_position);
		struct ws_buf got = WS_BUF_INIT;
		ws_buf_grow(&got, 0);
		for (size_t i = given; i < an.n; i++) {
			const struct ws_annot *a = &an.v[i];
			uint32_t s0 = tk.tok.v[a->first].start, s1 = tk.tok.v[a->last - 1].end;
			ws_buf_addf(&got, "%s \"%.*s\"", a->type, (int)(s1 - s0), text + s0);
			for (uint32_t k = 0; k < a->nfeat; k++)
				ws_buf_addf(&got, " %s=%s", a->feat[k].key, a->feat[k].value);
			ws_buf_addf(&got, " rule=%s\n", a->rule);
		}
		const char *want = sc.expect.data ? sc.expect.data : "";
		if (strcmp(got.data, want) != 0) {
			cr_log_error("%s: expected:\n%sgot:\n%s", path, want, got.data);
			failed = 1;
		}
		ws_rules_scratch_free(s);
		for (size_t i = 0; i < feats.n; i++)
			free(feats.v[i]);
		WS_VEC_FREE(feats);
		WS_VEC_FREE(an);
		ws_tokens_release(&tk);
		ws_buf_release(&got);
	}
	free(errs);
	ws_rules_free(rs);
	ws_symtab_free(syms);
	ws_buf_release(&sc.rules);
	ws_buf_release(&sc.file);
	ws_buf_release(&sc.text);
	ws_buf_release(&sc.given);
	ws_buf_release(&sc.expect);
	ws_buf_release(&sc.errors);
	return failed;
}

static void run_all(int walk)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/rules", WS_TESTDIR);
	DIR *dh = opendir(dir);
	cr_assert_not_null(dh);
	struct dirent *de;
	int n = 0, failed = 0;
	while ((de = readdir(dh)) != NULL) {
		size_t len = strlen(de->d_name);
		if (len < 6 || strcmp(de->d_name + len - 5, ".test") != 0)
			continue;
		char path[4608];
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		n++;
		failed += run_test(path, walk);
	}
	closedir(dh);
	cr_assert_gt(n, 0);
	cr_assert_eq(failed, 0, "%d of %d rule tests failed (see above)", failed, n);
}

Test(rules, every_data_test_passes)
{
	run_all(0);
}

Test(rules, every_data_test_passes_walking_without_closure_lists)
{
	run_all(1);
}

Test(rules, long_sentence_stays_linear, .timeout = 20)
{
	/* a rule with an unbounded repeat over a 200,000-token sentence */
	const char *src = "rule Caps\n({shape == Xxxx})+:n\n=> Run:n\n";
	struct ws_symtab *syms = ws_symtab_new();
	struct ws_ruleset *rs = NULL;
	struct ws_diag d = { stderr, 0, 0 };
	cr_assert_eq(ws_rules_add_phase(&rs, "t.rules", src, strlen(src), syms, &d), 0);
	size_t n = 200000;
	char *text = malloc(n * 4 + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(text + i * 4, "Abc ", 4);
	text[n * 4] = '\0';
	struct ws_tokens tk = { 0 };
	ws_tokenize(NULL, text, n * 4, &tk);
	ws_annot_vec an = { 0 };
	struct ws_rules_scratch *s = ws_rules_scratch_new();
	ws_rules_run(rs, s, text, &tk, &an);
	/* matches are capped at WS_RULE_MAX_SPAN tokens */
	cr_assert_eq(an.n, (n + WS_RULE_MAX_SPAN - 1) / WS_RULE_MAX_SPAN);
	ws_rules_scratch_free(s);
	WS_VEC_FREE(an);
	ws_tokens_release(&tk);
	free(text);
	ws_rules_free(rs);
	ws_symtab_free(syms);
}

/* Phases of control all that do not read what one another make run as
 * one: ws_rules_load() fuses them, and a fused run must make the same
 * annotations, in the same order, as the phases run in turn (each added
 * alone: ws_rules_add_phase() never fuses). The third phase reads what
 * the first makes, so it must stay apart, or it would not see it. */
static const char *const fuse_files[][2] = {
	{ "10-a.rules", "phase a\ncontrol all\nrule A\n{lower == \"x\"}\n=> Foo\n" },
	{ "20-b.rules", "phase b\ncontrol all\nrule B\n{shape == Xxxx}\n=> Bar\n"
			"rule B2\n({shape == Xxxx}):n {lower == \"x\"}\n=> Pair:n\n" },
	{ "30-c.rules", "phase c\ncontrol all\nrule C\n{Foo}\n=> Baz\n" },
};

static void run_fuse(struct ws_ruleset *rs, const char *text, struct ws_buf *out)
{
	struct ws_tokens tk = { 0 };
	ws_tokenize(NULL, text, strlen(text), &tk);
	ws_annot_vec an = { 0 };
	struct ws_rules_scratch *s = ws_rules_scratch_new();
	ws_rules_run(rs, s, text, &tk, &an);
	ws_buf_grow(out, 0);
	for (size_t i = 0; i < an.n; i++)
		ws_buf_addf(out, "%s %u %u %s\n", an.v[i].type, an.v[i].first, an.v[i].last,
			    an.v[i].rule);
	ws_rules_scratch_free(s);
	WS_VEC_FREE(an);
	ws_tokens_release(&tk);
}

Test(rules, fused_phases_run_as_in_turn)
{
	char dir[] = "/tmp/ws_fuse_XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	struct ws_symtab *syms = ws_symtab_new();
	struct ws_diag d = { stderr, 0, 0 };
	struct ws_ruleset *apart = NULL, *fused = NULL;
	char path[64];
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, fuse_files[i][0]);
		FILE *f = fopen(path, "w");
		cr_assert_not_null(f);
		fputs(fuse_files[i][1], f);
		fclose(f);
		cr_assert_eq(ws_rules_add_phase(&apart, path, fuse_files[i][1],
						strlen(fuse_files[i][1]), syms, &d), 0);
	}
	cr_assert_eq(ws_rules_load(dir, syms, &d, &fused), 0);
	cr_assert_eq(fused->phases.n, 2, "phases a and b run as one, c apart");
	cr_assert_eq(fused->phases.v[0].nparts, 2);
	cr_assert_eq(ws_rules_phases(fused), 3);
	const char *text = "Ann x met Bob x and Cy x.";
	struct ws_buf want = WS_BUF_INIT, got = WS_BUF_INIT;
	run_fuse(apart, text, &want);
	run_fuse(fused, text, &got);
	cr_assert_str_eq(got.data, want.data);
	cr_assert_not_null(strstr(want.data, "Baz"));
	ws_buf_release(&want);
	ws_buf_release(&got);
	ws_rules_free(apart);
	ws_rules_free(fused);
	ws_symtab_free(syms);
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, fuse_files[i][0]);
		remove(path);
	}
	remove(dir);
}

/* The branches of one text or lower test each that merge into a literal
 * set leave no element behind: the phase holds the set (made after the
 * rule's other elements) and the elements the pattern still uses, and
 * matches as before. */
Test(rules, merged_literals_leave_no_elements)
{
	const char *src = "phase t\ncontrol all\n"
			  "rule R\n({lower == \"a\"} | {lower == \"b\"} | {lower == \"c\"}):x "
			  "{shape == Xxxx}\n=> Hit:x\n"
			  "rule S\n{lower == \"d\"} ({text == \"e\"} | {text == \"f\"}) {lower == \"b\"}\n"
			  "=> Two\n";
	struct ws_symtab *syms = ws_symtab_new();
	struct ws_ruleset *rs = NULL;
	struct ws_diag d = { stderr, 0, 0 };
	cr_assert_eq(ws_rules_add_phase(&rs, "t.rules", src, strlen(src), syms, &d), 0);
	const struct ws_rphase *ph = &rs->phases.v[0];
	/* R: Xxxx and the set of a/b/c; S: d, b and the set of e/f */
	cr_assert_eq(ph->elems.n, 5, "%zu elements", ph->elems.n);
	for (size_t i = 0; i < ph->prog.n; i++)
		if (ph->prog.v[i].op == OP_ELEM)
			cr_assert_lt(ph->prog.v[i].x, ph->elems.n);
	const uint8_t kinds[] = { RT_SHAPE, RT_LITSET, RT_LOWER, RT_LOWER, RT_LITSET };
	for (size_t i = 0; i < 5; i++)
		cr_assert_eq(ph->elems.v[i].tests[0].kind, kinds[i], "element %zu", i);
	cr_assert_eq(ph->elems.v[1].tests[0].nset, 3);
	cr_assert_eq(ph->elems.v[4].tests[0].nset, 2);
	const char *text = "So b Ann met; d e b Bo went.";
	struct ws_buf got = WS_BUF_INIT;
	run_fuse(rs, text, &got);
	cr_assert_str_eq(got.data, "Hit 1 2 t/R\nTwo 5 8 t/S\nHit 7 8 t/R\n", "%s",
			 got.data);
	ws_buf_release(&got);
	ws_rules_free(rs);
	ws_symtab_free(syms);
}

/* Word keys name words within their epoch only: a key the scratch has
 * seen for one word names another in a new epoch, and the matcher must
 * not take the first word's tests for it. */
Test(rules, word_keys_of_another_epoch)
{
	const char *src = "phase k\ncontrol all\nrule W\n{lower == \"bill\"}\n=> W\n";
	struct ws_symtab *syms = ws_symtab_new();
	struct ws_ruleset *rs = NULL;
	struct ws_diag d = { stderr, 0, 0 };
	cr_assert_eq(ws_rules_add_phase(&rs, "t.rules", src, strlen(src), syms, &d), 0);
	struct ws_rules_scratch *s = ws_rules_scratch_new();
	static const char *const texts[2] = { "bill", "jack" };
	size_t found[2];
	for (int e = 0; e < 2; e++) {
		struct ws_tokens tk = { 0 };
		ws_tokenize(NULL, texts[e], 4, &tk);
		ws_annot_vec an = { 0 };
		cr_assert_eq(tk.tok.n, 1);
		ws_rules_word_keys(s, 1)[0] = 7;	/* one key, each epoch its word */
		ws_rules_keys_epoch(s, (uint64_t)e + 1);
		ws_rules_run(rs, s, texts[e], &tk, &an);
		found[e] = an.n;
		WS_VEC_FREE(an);
		ws_tokens_release(&tk);
	}
	cr_assert_eq(found[0], 1, "bill");
	cr_assert_eq(found[1], 0, "jack, by bill's key of the epoch before");
	ws_rules_scratch_free(s);
	ws_rules_free(rs);
	ws_symtab_free(syms);
}
