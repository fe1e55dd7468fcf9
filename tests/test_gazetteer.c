/* The gazetteer loader and lookup: diagnostics of broken lists (golden
 * file), case and fold, stems, ambiguity, longest match, and the lookups
 * the project's own lists make on the seed article. A lookup view is
 * "text=major/minor" per annotation, joined by spaces. */
#include "testutil.h"
#include "gazetteer.h"
#include "symtab.h"

#include <unistd.h>

static struct ws_engine *eng;

static void setup(void)
{
	eng = test_engine();
}

static void teardown(void)
{
	ws_engine_free(eng);
}

TestSuite(gazetteer, .init = setup, .fini = teardown);

static char *read_file(const char *path)
{
	size_t len;
	char *text = ws_slurp(path, &len);
	cr_assert_not_null(text, "cannot open %s", path);
	return text;
}

/* A test gazetteer under tests/gazetteer/NAME, with its own symtab. */
struct tgaz {
	struct ws_symtab *syms;
	struct ws_gaz *g;
	char *diag;
	int errors;
};

static void tgaz_load(struct tgaz *t, const char *name)
{
	size_t len = 0;
	FILE *mem = open_memstream(&t->diag, &len);
	struct ws_diag d = { mem, 0, 0 };
	struct ws_buf dir = WS_BUF_INIT;
	ws_buf_addf(&dir, "gazetteer/%s", name);
	t->syms = ws_symtab_new();
	t->g = ws_gaz_load(WS_TESTDIR, dir.data, &eng->seg, t->syms, &d);
	fclose(mem);
	t->errors = d.errors;
	ws_buf_release(&dir);
}

static void tgaz_free(struct tgaz *t)
{
	ws_gaz_free(t->g);
	ws_symtab_free(t->syms);
	free(t->diag);
}

/* The lookups of g over text as "text=major/minor" joined by spaces. */
static char *lookup_view(const struct ws_gaz *g, const char *text, unsigned opts)
{
	struct ws_tokens tk = { 0 };
	ws_annot_vec out = { 0 };
	struct ws_gaz_scratch *s = ws_gaz_scratch_new();
	cr_assert_eq(ws_tokenize(&eng->seg, text, strlen(text), &tk), 0);
	size_t n = ws_gaz_lookup(g, s, text, &tk, opts, &out);
	cr_assert_eq(n, out.n);
	const struct ws_gaz_names *nm = ws_gaz_names(g);
	struct ws_buf b = WS_BUF_INIT;
	for (size_t i = 0; i < out.n; i++) {
		const struct ws_annot *a = &out.v[i];
		cr_assert_eq(a->type, nm->lookup);
		/* what made it: its list, one name per list */
		const char *list = ws_annot_get(a, nm->list);
		cr_assert(a->rule && strncmp(a->rule, "gazetteer:", 10) == 0 &&
			  strcmp(a->rule + 10, list) == 0, "rule %s, list %s", a->rule, list);
		uint32_t st = tk.tok.v[a->first].start, en = tk.tok.v[a->last - 1].end;
		if (i)
			ws_buf_addc(&b, ' ');
		ws_buf_add(&b, text + st, en - st);
		ws_buf_addf(&b, "=%s/%s", ws_annot_get(a, nm->major), ws_annot_get(a, nm->minor));
	}
	ws_buf_grow(&b, 0);
	ws_tokens_release(&tk);
	WS_VEC_FREE(out);
	ws_gaz_scratch_free(s);
	return b.data;
}

/* The first annotation over exactly the text at byte offset `at`. */
static const struct ws_annot *annot_at(const struct ws_gaz *g, const char *text, size_t at,
				       ws_annot_vec *out, struct ws_tokens *tk,
				       struct ws_gaz_scratch *s)
{
	cr_assert_eq(ws_tokenize(&eng->seg, text, strlen(text), tk), 0);
	out->n = 0;
	ws_gaz_lookup(g, s, text, tk, 0, out);
	for (size_t i = 0; i < out->n; i++)
		if (tk->tok.v[out->v[i].first].start == at)
			return &out->v[i];
	return NULL;
}

Test(gazetteer, loader_reports_every_error_exactly)
{
	struct tgaz t;
	tgaz_load(&t, "bad");
	cr_assert_null(t.g, "a gazetteer with errors must not load");
	char *want = read_file(WS_TESTDIR "/gazetteer/bad/expected.err");
	cr_assert_str_eq(t.diag, want);
	int lines = 0;
	for (const char *p = want; *p; p++)
		lines += *p == '\n';
	cr_assert_eq(t.errors, lines, "one error per diagnostic line");
	free(want);
	tgaz_free(&t);
}

Test(gazetteer, engine_refuses_bad_gazetteers)
{
	char dir[] = "/tmp/ws-gaz-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	struct ws_buf a = WS_BUF_INIT, b = WS_BUF_INIT;
	ws_buf_addf(&a, "%s/rules", dir);
	ws_buf_addf(&b, "%s/gazetteers", dir);
	cr_assert_eq(symlink(WS_DATADIR "/rules", a.data), 0);
	cr_assert_eq(symlink(WS_TESTDIR "/gazetteer/bad", b.data), 0);
	struct ws_engine *e = (struct ws_engine *)1;
	int rc = ws_engine_load(dir, NULL, &e);
	unlink(a.data);
	unlink(b.data);
	rmdir(dir);
	ws_buf_release(&a);
	ws_buf_release(&b);
	cr_assert_eq(rc, WS_ERR_DATA);
	cr_assert_null(e);
}

/* Entry lines of a list file: neither blank nor comments. */
static size_t entry_lines(const char *file)
{
	struct ws_buf path = WS_BUF_INIT;
	ws_buf_addf(&path, "%s/gazetteers/%s", WS_DATADIR, file);
	char *text = read_file(path.data);
	size_t n = 0;
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		if (*p != '\n' && *p != '#')
			n++;
		p = nl ? nl + 1 : p + strlen(p);
	}
	free(text);
	ws_buf_release(&path);
	return n;
}

Test(gazetteer, project_lists_load_with_their_counts)
{
	cr_assert_not_null(eng->gaz);
	cr_assert_geq(ws_gaz_nlists(eng->gaz), 21);
	size_t total = 0;
	for (size_t i = 0; i < ws_gaz_nlists(eng->gaz); i++) {
		const struct ws_gaz_list *L = ws_gaz_list(eng->gaz, i);
		cr_expect_eq(L->entries, entry_lines(L->file), "%s", L->file);
		cr_assert_geq(L->forms, L->entries);
		total += L->entries;
	}
	cr_assert_eq(ws_gaz_entries(eng->gaz), total);
	cr_assert_geq(total, 52212, "gazetteers/README.md: 52,212 entries");
	const struct ws_gaz_list *L = ws_gaz_list(eng->gaz, 1);
	cr_assert_str_eq(L->file, "person/surnames.lst");
	cr_assert_str_eq(L->rule, "gazetteer:person/surnames.lst");
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	ws_engine_describe(eng, mem);
	fclose(mem);
	cr_assert_not_null(strstr(buf, "gazetteers/person/surnames.lst"));
	cr_assert_not_null(strstr(buf, "20000 entries"));
	free(buf);
}

Test(gazetteer, case_sensitive_lists_are_exact)
{
	struct tgaz t;
	tgaz_load(&t, "basic");
	cr_assert_not_null(t.g, "%s", t.diag);
	assert_view(lookup_view(t.g, "She left Georgia for georgia and GEORGIA.", 0),
		    "Georgia=place/country Georgia=place/region");
	tgaz_free(&t);
}

Test(gazetteer, fold_lists_match_any_case)
{
	struct tgaz t;
	tgaz_load(&t, "basic");
	assert_view(lookup_view(t.g, "The MINISTER met two Ministers and the Secretary-General.", 0),
		    "MINISTER=title/head Ministers=title/head Secretary-General=title/head");
	/* capitals only past a long word's first eight bytes */
	assert_view(lookup_view(t.g, "the secretary-GENERAL and the secretary-generaL", 0),
		    "secretary-GENERAL=title/head secretary-generaL=title/head");
	/* and in words of 9 to 16 bytes, which are folded in registers */
	assert_view(lookup_view(t.g, "two MINISTERS, two ministerS and two mINISTERs", 0),
		    "MINISTERS=title/head ministerS=title/head mINISTERs=title/head");
	tgaz_free(&t);
}

Test(gazetteer, apostrophes_and_hyphens_are_normalised)
{
	struct tgaz t;
	tgaz_load(&t, "basic");
	assert_view(lookup_view(t.g, "O\u2019Brien went to C\u00f4te d\u2019Ivoire.", 0),
		    "O\u2019Brien=person/name C\u00f4te d\u2019Ivoire=place/country");
	assert_view(lookup_view(t.g, "Bashar al\u2010Assad and the Secretary\u2011General.", 0),
		    "Bashar al\u2010Assad=person/name al\u2010Assad=person/name "
		    "Secretary\u2011General=title/head");
	tgaz_free(&t);
}

Test(gazetteer, a_possessive_name_is_found_whole)
{
	struct tgaz t;
	tgaz_load(&t, "basic");
	/* names and places without their ending; fold lists (common words)
	 * do not, so the minister's is no title head */
	assert_view(lookup_view(t.g, "O'Brien's aide saw Georgia\u2019s and the minister's plan.", 0),
		    "O'Brien's=person/name Georgia\u2019s=place/country Georgia\u2019s=place/region");
	tgaz_free(&t);
}

Test(gazetteer, longest_match_wins_at_each_start)
{
	struct tgaz t;
	tgaz_load(&t, "basic");
	const char *text = "Deputy Foreign Minister Faisal Mekdad spoke.";
	assert_view(lookup_view(t.g, text, 0),
		    "Deputy Foreign Minister=title/head Foreign Minister=title/head "
		    "Minister=title/head");
	assert_view(lookup_view(t.g, text, WS_GAZ_ALL),
		    "Deputy Foreign Minister=title/head Deputy=title/head "
		    "Foreign Minister=title/head Minister=title/head");
	/* two lists' forms at one start, in two modes: each match is its
	 * list's (the view checks the rule that made it) */
	assert_view(lookup_view(t.g, "Deputy Mekdad spoke.", WS_GAZ_ALL),
		    "Deputy Mekdad=person/name Deputy=title/head");
	/* a match never runs across a sentence start */
	assert_view(lookup_view(t.g, "He is foreign. Minister Lee left.", 0),
		    "Minister=title/head");
	tgaz_free(&t);
}

Test(gazetteer, features_and_ambiguity)
{
	struct tgaz t;
	tgaz_load(&t, "basic");
	const struct ws_gaz_names *nm = ws_gaz_names(t.g);
	struct ws_tokens tk = { 0 };
	ws_annot_vec out = { 0 };
	struct ws_gaz_scratch *s = ws_gaz_scratch_new();
	const char *text = "Will and Rose saw the U.S. and Ivory Coast.";
	const struct ws_annot *a = annot_at(t.g, text, 0, &out, &tk, s);
	cr_assert_not_null(a);
	cr_assert_str_eq(ws_annot_get(a, nm->list), "common.lst");
	cr_assert_str_eq(a->rule, "gazetteer:common.lst");
	cr_assert_str_eq(ws_annot_get(a, ws_intern_str(t.syms, "gender")), "male");
	cr_assert_eq(ws_annot_get(a, nm->ambiguous), nm->one, "the list flag marks every entry");
	a = annot_at(t.g, text, 9, &out, &tk, s);
	cr_assert_not_null(a);
	int n = 0;
	for (uint32_t i = 0; i < a->nfeat; i++)
		n += a->feat[i].key == nm->ambiguous;
	cr_assert_eq(n, 1, "an entry's own ambiguous=1 is not doubled");
	a = annot_at(t.g, text, 22, &out, &tk, s);
	cr_assert_not_null(a);
	cr_assert_eq(a->last - a->first, 1);
	cr_assert_str_eq(ws_annot_get(a, nm->canonical), "United States");
	cr_assert_eq(ws_annot_get(a, nm->ambiguous), nm->one);
	cr_assert_eq(ws_annot_get(a, ws_intern_str(t.syms, "country")),
		     ws_intern_str(t.syms, "US"), "values are interned");
	a = annot_at(t.g, text, 31, &out, &tk, s);
	cr_assert_not_null(a);
	cr_assert_str_eq(ws_annot_get(a, nm->canonical), "C\u00f4te d'Ivoire");
	cr_assert_null(ws_annot_get(a, nm->ambiguous));
	ws_tokens_release(&tk);
	WS_VEC_FREE(out);
	ws_gaz_scratch_free(s);
	tgaz_free(&t);
}

Test(gazetteer, stem_lists_match_inflections)
{
	struct tgaz t;
	tgaz_load(&t, "stem");
	cr_assert_not_null(t.g, "%s", t.diag);
	assert_view(lookup_view(t.g, "They condemned it, Condemns them, were condemning; "
				"she called on them and calls on him; it condensed.", 0),
		    "condemned=cue/verb Condemns=cue/verb condemning=cue/verb "
		    "called on=cue/verb calls on=cue/verb");
	tgaz_free(&t);
}

Test(gazetteer, empty_and_odd_input)
{
	struct tgaz t;
	tgaz_load(&t, "basic");
	assert_view(lookup_view(t.g, "", 0), "");
	assert_view(lookup_view(t.g, "\xff\xfe Georgia \xc3", 0),
		    "Georgia=place/country Georgia=place/region");
	cr_assert_eq(ws_gaz_lookup(NULL, NULL, "x", NULL, 0, NULL), 0, "no gazetteer: nothing");
	tgaz_free(&t);
}

/* Whether the doc has a lookup over exactly `surface` of major/minor. */
static int doc_has(const struct ws_doc *d, const char *surface, const char *major,
		   const char *minor)
{
	const struct ws_gaz_names *nm = ws_gaz_names(d->eng->gaz);
	size_t n = strlen(surface);
	for (size_t i = 0; i < d->gaz.n; i++) {
		const struct ws_annot *a = &d->gaz.v[i];
		uint32_t st = d->tk.tok.v[a->first].start, en = d->tk.tok.v[a->last - 1].end;
		if (a->type != nm->lookup)
			continue;	/* the rule phases' annotations */
		if (en - st == n && memcmp(d->text + st, surface, n) == 0 &&
		    strcmp(ws_annot_get(a, nm->major), major) == 0 &&
		    strcmp(ws_annot_get(a, nm->minor), minor) == 0)
			return 1;
	}
	return 0;
}

Test(gazetteer, seed_article_lookups)
{
	char *text = read_file(WS_DATADIR "/corpus/000_92eb43aadcb4a738.txt");
	struct ws_doc *d = ws_doc_new(eng);
	d->gaz_opts = 0;	/* longest matches only; documents use WS_GAZ_ALL */
	cr_assert_eq(ws_doc_process(d, text, strlen(text)), WS_OK);
	static const char *const want[][3] = {
		{ "Syrian", "place", "demonym" }, { "Iranian", "place", "demonym" },
		{ "Iran", "place", "country" }, { "Syria", "place", "country" },
		{ "Damascus", "place", "city" },
		{ "Deputy", "title", "modifier" }, { "Minister", "title", "head" },
		{ "President", "title", "head" }, { "Foreign Minister", "person", "role" },
		{ "said", "cue", "verb" }, { "says", "cue", "verb" }, { "added", "cue", "verb" },
		{ "urged", "cue", "verb" }, { "condemned", "cue", "verb" },
		{ "Pentagon", "org", "government" }, { "SANA", "org", "outlet" },
		{ "Daesh", "org", "group" },
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		cr_expect(doc_has(d, want[i][0], want[i][1], want[i][2]), "no %s=%s/%s",
			  want[i][0], want[i][1], want[i][2]);
	/* "Foreign" the portfolio lies inside the longer "Foreign Minister" */
	cr_expect(!doc_has(d, "Foreign", "title", "portfolio"));
	d->gaz_opts = WS_GAZ_ALL;
	cr_assert_eq(ws_doc_process(d, text, strlen(text)), WS_OK);
	cr_expect(doc_has(d, "Foreign", "title", "portfolio"));
	/* lookups come first (the rule phases append theirs), sorted by first
	 * token, then longer first */
	const char *lookup = ws_gaz_names(eng->gaz)->lookup;
	for (size_t i = 1; i < d->gaz.n && d->gaz.v[i].type == lookup; i++) {
		const struct ws_annot *p = &d->gaz.v[i - 1], *a = &d->gaz.v[i];
		cr_assert(p->first < a->first || (p->first == a->first && p->last >= a->last));
	}
	ws_doc_free(d);
	free(text);
}

/* Numbers are interned only for keys a rule names (the rules are compiled
 * first and intern their keys): their values can be compared by pointer;
 * other numbers are kept as plain strings, equal in text. */
Test(gazetteer, numeric_values_interned_only_when_a_rule_compares_them)
{
	struct tgaz t;
	size_t len = 0;
	struct ws_buf dir = WS_BUF_INIT;
	ws_buf_adds(&dir, "gazetteer/numbers");
	FILE *mem = open_memstream(&t.diag, &len);
	struct ws_diag d = { mem, 0, 0 };
	t.syms = ws_symtab_new();
	const char *rank = ws_intern_str(t.syms, "rank");	/* as a rule would */
	t.g = ws_gaz_load(WS_TESTDIR, dir.data, &eng->seg, t.syms, &d);
	fclose(mem);
	ws_buf_release(&dir);
	cr_assert_not_null(t.g, "%s", t.diag);
	const char *text = "Damascus and Aleppo";
	struct ws_tokens tk = { 0 };
	ws_annot_vec out = { 0 };
	struct ws_gaz_scratch *s = ws_gaz_scratch_new();
	ws_tokenize(&eng->seg, text, strlen(text), &tk);
	cr_assert_eq(ws_gaz_lookup(t.g, s, text, &tk, 0, &out), 2);
	const char *pop = ws_sym_find(t.syms, "population", 10);
	cr_assert_not_null(pop);
	const char *p0 = ws_annot_get(&out.v[0], pop), *r0 = ws_annot_get(&out.v[0], rank);
	const char *r1 = ws_annot_get(&out.v[1], rank);
	cr_assert_str_eq(p0, "1569394");
	cr_assert_null(ws_sym_find(t.syms, "1569394", 7), "population values are not interned");
	cr_assert_eq(r0, ws_sym_find(t.syms, "7", 1), "rank values are interned");
	cr_assert_eq(r0, r1, "equal interned values are one pointer");
	cr_assert_eq(ws_annot_get(&out.v[0], ws_sym_find(t.syms, "country", 7)),
		     ws_sym_find(t.syms, "SY", 2), "other values are interned");
	ws_gaz_scratch_free(s);
	WS_VEC_FREE(out);
	ws_tokens_release(&tk);
	tgaz_free(&t);
}

/* The lookup makes word ids a chunk of tokens at a time: a form across
 * the chunks' border is found as anywhere else. */
Test(gazetteer, forms_across_chunks)
{
	struct tgaz t;
	tgaz_load(&t, "basic");
	cr_assert_not_null(t.g, "%s", t.diag);
	for (int n = 240; n < 780; n += (n > 270 && n < 500) ? 200 : 1) {
		struct ws_buf b = WS_BUF_INIT;
		for (int k = 0; k < n; k++)
			ws_buf_adds(&b, "x ");
		ws_buf_adds(&b, "Bashar al-Assad met the deputy foreign minister");
		char *v = lookup_view(t.g, b.data, WS_GAZ_ALL);
		cr_assert_str_eq(v, "Bashar al-Assad=person/name al-Assad=person/name "
				    "deputy foreign minister=title/head deputy=title/head "
				    "foreign minister=title/head minister=title/head",
				 "after %d words", n);
		free(v);
		ws_buf_release(&b);
	}
	tgaz_free(&t);
}

/* What a scratch that remembers words found is what a fresh one found:
 * the same annotations in the same order, and with with_cls the same
 * classes. */
static void assert_same_lookups(const ws_annot_vec *want, const ws_annot_vec *got, int round,
				int with_cls)
{
	cr_assert_eq(got->n, want->n, "round %d", round);
	for (size_t i = 0; i < want->n; i++) {
		const struct ws_annot *w = &want->v[i], *g = &got->v[i];
		cr_assert_eq(g->first, w->first, "round %d annotation %zu", round, i);
		cr_assert_eq(g->last, w->last, "round %d annotation %zu", round, i);
		cr_assert_eq(g->feat, w->feat, "round %d annotation %zu", round, i);
		if (with_cls)
			cr_assert_eq(g->cls, w->cls, "round %d annotation %zu", round, i);
	}
}

/* Looks up ftext with a fresh scratch, then ktext (the same words, or
 * words meant to share the fresh one's cache slots) rounds times with one
 * kept scratch, and asserts each round finds what the fresh one found
 * (more than min annotations). */
static void assert_kept_as_fresh(const char *ftext, const struct ws_tokens *ftk,
				 const char *ktext, const struct ws_tokens *ktk, size_t min,
				 int rounds, int with_cls)
{
	struct ws_gaz_scratch *fresh = ws_gaz_scratch_new(), *kept = ws_gaz_scratch_new();
	ws_annot_vec want = { 0 }, got = { 0 };
	ws_gaz_lookup(eng->gaz, fresh, ftext, ftk, WS_GAZ_ALL, &want);
	cr_assert_gt(want.n, min);
	for (int round = 0; round < rounds; round++) {
		got.n = 0;
		ws_gaz_lookup(eng->gaz, kept, ktext, ktk, WS_GAZ_ALL, &got);
		assert_same_lookups(&want, &got, round, with_cls);
	}
	WS_VEC_FREE(want);
	WS_VEC_FREE(got);
	ws_gaz_scratch_free(fresh);
	ws_gaz_scratch_free(kept);
}

/* A scratch remembers the words it has looked up (short ASCII words, up
 * to 16 bytes): a text looked up again with it, every word remembered,
 * gives the annotations a fresh scratch gives, in both match modes. */
Test(gazetteer, remembered_words_match_as_fresh_ones)
{
	char *text = read_file(WS_DATADIR "/corpus/000_92eb43aadcb4a738.txt");
	struct ws_buf b = WS_BUF_INIT;
	ws_buf_adds(&b, text);
	/* short and 9-16 byte words of both lists' kinds, in any case, and
	 * words with other bytes than ASCII, which the scratch keeps not */
	ws_buf_adds(&b, " The MINISTER and the minister, Foreign Minister Lee, "
			"Secretary-General Ban, Georgia's and georgia, said the spokeswoman. "
			"C\u00f4te d\u2019Ivoire, Georgia\u2019s and S\u00e3o Paulo\u2019s "
			"Bundesministerium f\u00fcr Gesundheit, Z\u00fcrich and M\u00fcnchen.");
	struct ws_tokens tk = { 0 };
	cr_assert_eq(ws_tokenize(&eng->seg, b.data, b.len, &tk), 0);
	assert_kept_as_fresh(b.data, &tk, b.data, &tk, 20, 2, 1);
	ws_tokens_release(&tk);
	ws_buf_release(&b);
	free(text);
}

/* A walk goes on only along words that some form of its mode has after
 * its first: "minister" follows in the folded titles, "Coast" in the
 * exact countries, "Georgia" in none; each seen alone first, as a lookup
 * remembers them. */
Test(gazetteer, walks_go_on_along_following_words_only)
{
	struct tgaz t;
	tgaz_load(&t, "basic");
	cr_assert_not_null(t.g, "%s", t.diag);
	assert_view(lookup_view(t.g, "Minister, Coast and Georgia. The foreign minister "
				     "left the Ivory Coast for Foreign Georgia.", 0),
		    "Minister=title/head Georgia=place/country Georgia=place/region "
		    "foreign minister=title/head minister=title/head Ivory Coast=place/country "
		    "Georgia=place/country Georgia=place/region");
	tgaz_free(&t);
}

/* The last words of a text are looked up without reading past it, each
 * time: a text in a buffer of its own size, its words remembered from a
 * first lookup (a read past it is what the sanitizers report). */
Test(gazetteer, words_at_the_end_are_read_within_the_text)
{
	static const char *const texts[] = {
		"He met the deputy foreign minister",
		"He met the ministers",
		"He met the Secretary-General",
		"Georgia",
		"C\u00f4te d\u2019Ivoire",
	};
	const struct ws_gaz *g = eng->gaz;
	struct ws_gaz_scratch *s = ws_gaz_scratch_new();
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		size_t len = strlen(texts[i]);
		char *text = malloc(len);
		cr_assert_not_null(text);
		memcpy(text, texts[i], len);
		struct ws_tokens tk = { 0 };
		cr_assert_eq(ws_tokenize(&eng->seg, text, len, &tk), 0);
		ws_annot_vec first = { 0 }, again = { 0 };
		ws_gaz_lookup(g, s, text, &tk, WS_GAZ_ALL, &first);
		ws_gaz_lookup(g, s, text, &tk, WS_GAZ_ALL, &again);
		cr_assert_gt(first.n, 0, "%s", texts[i]);
		cr_assert_eq(again.n, first.n, "%s", texts[i]);
		for (size_t a = 0; a < first.n; a++) {
			cr_assert_eq(again.v[a].first, first.v[a].first, "%s", texts[i]);
			cr_assert_eq(again.v[a].last, first.v[a].last, "%s", texts[i]);
			cr_assert_eq(again.v[a].feat, first.v[a].feat, "%s", texts[i]);
		}
		WS_VEC_FREE(first);
		WS_VEC_FREE(again);
		ws_tokens_release(&tk);
		free(text);
	}
	ws_gaz_scratch_free(s);
}

/* More words than the scratch has room for, so that words meet in its
 * slots and push each other out: looked up again and again with one
 * scratch, the text gives the annotations of a text with one filler word
 * throughout (which no list holds) and the same words between. */
Test(gazetteer, remembered_words_that_share_slots_match_as_fresh_ones)
{
	static const char *const real[] = { "minister", "Georgia", "deputy", "Secretary-General",
					    "spokeswoman", "said", "Minister", "the" };
	struct ws_buf b = WS_BUF_INIT, r = WS_BUF_INIT;
	for (int k = 0; k < 60000; k++) {
		if (k % 7 == 0) {
			ws_buf_addf(&b, "%s ", real[(k / 7) % 8]);
			ws_buf_addf(&r, "%s ", real[(k / 7) % 8]);
		} else {
			ws_buf_addf(&b, k % 3 ? "w%d " : "wordsmith%d ", k);
			ws_buf_adds(&r, "w ");
		}
	}
	struct ws_tokens tk = { 0 }, tr = { 0 };
	cr_assert_eq(ws_tokenize(&eng->seg, b.data, b.len, &tk), 0);
	cr_assert_eq(ws_tokenize(&eng->seg, r.data, r.len, &tr), 0);
	cr_assert_eq(tk.tok.n, tr.tok.n);
	assert_kept_as_fresh(r.data, &tr, b.data, &tk, 8000, 3, 0);
	ws_tokens_release(&tk);
	ws_tokens_release(&tr);
	ws_buf_release(&b);
	ws_buf_release(&r);
}

/* Word keys (ws_gaz_keys_into()): one per word of up to 16 ASCII bytes,
 * the same for the same bytes from one document to the next, another for
 * other bytes (case included), none for other words; a scratch's epoch
 * stays while its keys last, and another scratch has another. */
Test(gazetteer, word_keys_name_bytes)
{
	static const char *const docs[2] = {
		"the cat saw the Cat in Z\u00fcrich, an extraordinarily-long-word",
		"cat the", };
	struct ws_gaz_scratch *s = ws_gaz_scratch_new(), *s2 = ws_gaz_scratch_new();
	uint32_t keys[2][16];
	uint64_t epoch[2];
	for (int d = 0; d < 2; d++) {
		struct ws_tokens tk = { 0 };
		ws_annot_vec out = { 0 };
		cr_assert_eq(ws_tokenize(&eng->seg, docs[d], strlen(docs[d]), &tk), 0);
		cr_assert_leq(tk.tok.n, 16);
		memset(keys[d], 0xff, sizeof(keys[d]));
		epoch[d] = ws_gaz_keys_into(s, keys[d], tk.tok.n);
		ws_gaz_lookup(eng->gaz, s, docs[d], &tk, 0, &out);
		ws_tokens_release(&tk);
		WS_VEC_FREE(out);
	}
	/* the cat saw the Cat in Zürich , an extraordinarily-long-word */
	cr_assert_neq(epoch[0], 0);
	cr_assert_eq(epoch[0], epoch[1]);
	cr_assert_neq(keys[0][0], 0);
	cr_assert_eq(keys[0][0], keys[0][3], "the, the");
	cr_assert_neq(keys[0][1], keys[0][4], "cat, Cat");
	cr_assert_neq(keys[0][0], keys[0][1]);
	cr_assert_eq(keys[0][6], 0, "Z\u00fcrich: not ASCII");
	cr_assert_eq(keys[0][9], 0, "more than 16 bytes");
	cr_assert_eq(keys[1][0], keys[0][1], "cat in the next document");
	cr_assert_eq(keys[1][1], keys[0][0]);
	uint32_t none[2] = { 7, 7 };
	cr_assert_neq(ws_gaz_keys_into(s2, none, 2), epoch[0]);
	struct ws_tokens tk = { 0 };
	ws_annot_vec out = { 0 };
	cr_assert_eq(ws_tokenize(&eng->seg, "x y", 3, &tk), 0);
	ws_gaz_lookup(NULL, s2, "x y", &tk, 0, &out);
	cr_assert(none[0] == 0 && none[1] == 0, "no gazetteer: no keys");
	ws_tokens_release(&tk);
	ws_gaz_scratch_free(s);
	ws_gaz_scratch_free(s2);
}
