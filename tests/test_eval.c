/* Tests for `whosaid eval`: span matching, one-to-one greedy assignment,
 * tracks, speaker judgement, outlets, and the diagnostics for bad input.
 * The TSVs under tests/eval/ are invented; their offsets are chosen so that
 * every expected number below can be worked out by hand. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

#define DIR WS_TESTDIR "/eval/"
#define EPS 1e-4

/* Read gold, predictions and optionally metadata from tests/eval/, asserting
 * that they load cleanly. */
static struct ws_eval *load(const char *gold, const char *pred, const char *meta)
{
	struct ws_eval *ev = ws_eval_new();
	const char *names[3] = { gold, pred, meta };
	int (*fn[3])(struct ws_eval *, FILE *, const char *, FILE *) = {
		ws_eval_read_gold, ws_eval_read_pred, ws_eval_read_meta
	};
	int i;

	cr_assert_not_null(ev);
	for (i = 0; i < 3; i++) {
		char path[1024];
		FILE *f;

		if (!names[i])
			continue;
		snprintf(path, sizeof path, DIR "%s", names[i]);
		f = fopen(path, "r");
		cr_assert_not_null(f, "cannot open %s", path);
		cr_assert_eq(fn[i](ev, f, path, stderr), 0, "%s did not load", path);
		fclose(f);
	}
	return ev;
}

static struct ws_eval_report score(const struct ws_eval *ev, enum ws_eval_track t, double thr)
{
	struct ws_eval_report rep;

	cr_assert_eq(ws_eval_score(ev, t, thr, &rep), 0);
	return rep;
}

static void expect_counts(const struct ws_eval_row *r, long gold, long pred,
                          long matched, long right)
{
	cr_assert_not_null(r);
	cr_expect_eq(r->gold, gold, "%s: gold %ld, expected %ld", r->outlet, r->gold, gold);
	cr_expect_eq(r->pred, pred, "%s: pred %ld, expected %ld", r->outlet, r->pred, pred);
	cr_expect_eq(r->matched, matched, "%s: matched %ld, expected %ld", r->outlet,
	             r->matched, matched);
	cr_expect_eq(r->right, right, "%s: right %ld, expected %ld", r->outlet, r->right, right);
}

static void expect_stmt(const struct ws_eval_row *r, double p, double rc, double f)
{
	cr_expect_float_eq(r->stmt_p, p, EPS, "stmt_p %f, expected %f", r->stmt_p, p);
	cr_expect_float_eq(r->stmt_r, rc, EPS, "stmt_r %f, expected %f", r->stmt_r, rc);
	cr_expect_float_eq(r->stmt_f1, f, EPS, "stmt_f1 %f, expected %f", r->stmt_f1, f);
}

static void expect_attr(const struct ws_eval_row *r, double acc, double p, double rc, double f)
{
	cr_expect_float_eq(r->spk_acc, acc, EPS, "spk_acc %f, expected %f", r->spk_acc, acc);
	cr_expect_float_eq(r->attr_p, p, EPS, "attr_p %f, expected %f", r->attr_p, p);
	cr_expect_float_eq(r->attr_r, rc, EPS, "attr_r %f, expected %f", r->attr_r, rc);
	cr_expect_float_eq(r->attr_f1, f, EPS, "attr_f1 %f, expected %f", r->attr_f1, f);
}

/* Read a whole stream back from the start. */
static char *slurp(FILE *f)
{
	long n;
	char *s;

	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	cr_assert_not_null(s);
	cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	return s;
}

static char *slurp_path(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s;

	cr_assert_not_null(f, "cannot open %s", path);
	s = slurp(f);
	fclose(f);
	return s;
}

/* Run the whole command on files in tests/eval/; returns its result and the
 * text printed on out and err. */
static int run(const char *gold, const char *pred, const char *meta, int tsv,
               char **out_text, char **err_text)
{
	struct ws_eval_opts o;
	char g[1024], p[1024], m[1024];
	FILE *out = tmpfile(), *err = tmpfile();
	int rc;

	cr_assert(out && err);
	snprintf(g, sizeof g, DIR "%s", gold);
	snprintf(p, sizeof p, DIR "%s", pred);
	snprintf(m, sizeof m, DIR "%s", meta ? meta : "");
	ws_eval_opts_init(&o);
	o.gold_path = g;
	o.pred_path = p;
	o.meta_path = meta ? m : NULL;
	o.tsv = tsv;
	rc = ws_eval_run(&o, out, err);
	*out_text = slurp(out);
	*err_text = slurp(err);
	fclose(out);
	fclose(err);
	return rc;
}

Test(eval, jaccard_of_byte_ranges)
{
	cr_expect_float_eq(ws_eval_jaccard(0, 100, 0, 100), 1.0, 1e-12);
	cr_expect_float_eq(ws_eval_jaccard(0, 100, 0, 50), 0.5, 1e-12);
	cr_expect_float_eq(ws_eval_jaccard(0, 100, 50, 150), 50.0 / 150.0, 1e-12);
	cr_expect_float_eq(ws_eval_jaccard(10, 110, 0, 100), 90.0 / 110.0, 1e-12);
	/* touching half-open spans share no byte */
	cr_expect_eq(ws_eval_jaccard(0, 100, 100, 200), 0.0);
	cr_expect_eq(ws_eval_jaccard(0, 0, 0, 0), 0.0);
	cr_expect_eq(ws_eval_jaccard(-1, -1, 0, 10), 0.0);
}

Test(eval, perfect_match_scores_one)
{
	struct ws_eval *ev = load("gold_main.tsv", "pred_perfect.tsv", NULL);
	int t;

	for (t = WS_EVAL_QUOTED; t <= WS_EVAL_ALL; t++) {
		struct ws_eval_report rep = score(ev, (enum ws_eval_track)t, WS_EVAL_STRICT);
		long n = t == WS_EVAL_QUOTED ? 3 : 6;

		expect_counts(&rep.overall, n, n, n, n);
		expect_stmt(&rep.overall, 1, 1, 1);
		expect_attr(&rep.overall, 1, 1, 1, 1);
		/* no outlet anywhere: only the overall row */
		cr_expect_eq(rep.n_outlets, 0);
		cr_expect_str_eq(rep.overall.outlet, "all");
		ws_eval_report_release(&rep);
	}
	ws_eval_free(ev);
}

Test(eval, crlf_and_missing_final_newline_read_like_lf)
{
	struct ws_eval *ev = load("gold_crlf.tsv", "pred_perfect.tsv", NULL);
	struct ws_eval_report rep = score(ev, WS_EVAL_ALL, WS_EVAL_LENIENT);

	expect_counts(&rep.overall, 6, 6, 6, 6);
	ws_eval_report_release(&rep);
	ws_eval_free(ev);
}

Test(eval, documents_absent_from_gold_are_ignored)
{
	struct ws_eval *ev = load("gold_main.tsv", "pred_ignored.tsv", NULL);
	struct ws_eval_report rep = score(ev, WS_EVAL_ALL, WS_EVAL_LENIENT);

	/* the two doc-zeta predictions would make precision 0.75 if they counted */
	expect_counts(&rep.overall, 6, 6, 6, 6);
	expect_stmt(&rep.overall, 1, 1, 1);
	ws_eval_report_release(&rep);
	ws_eval_free(ev);
}

/* Gold [0,100) in five documents; predictions at Jaccard 0.5, 0.49, 0.818,
 * 0.8 and 0.79. */
Test(eval, jaccard_threshold_is_inclusive)
{
	struct ws_eval *ev = load("gold_jaccard.tsv", "pred_jaccard.tsv", NULL);
	struct ws_eval_report len = score(ev, WS_EVAL_QUOTED, WS_EVAL_LENIENT);
	struct ws_eval_report strict = score(ev, WS_EVAL_QUOTED, WS_EVAL_STRICT);

	expect_counts(&len.overall, 5, 5, 4, 4);
	expect_stmt(&len.overall, 0.8, 0.8, 0.8);
	expect_counts(&strict.overall, 5, 5, 2, 2);
	expect_stmt(&strict.overall, 0.4, 0.4, 0.4);
	/* no source in the gold and no speaker predicted: every match is right */
	expect_attr(&strict.overall, 1, 0.4, 0.4, 0.4);
	ws_eval_report_release(&len);
	ws_eval_report_release(&strict);
	ws_eval_free(ev);
}

Test(eval, jaccard_just_below_and_above_half_in_memory)
{
	struct ws_eval *ev = ws_eval_new();
	struct ws_eval_gold g = { "d", "direct", 0, 1000, -1, -1, "none", NULL, NULL };
	struct ws_eval_pred below = { "d", NULL, "direct", 0, 499, -1, -1, NULL, NULL };
	struct ws_eval_pred above = { "e", NULL, "direct", 0, 501, -1, -1, NULL, NULL };
	struct ws_eval_report rep;

	cr_assert_eq(ws_eval_add_gold(ev, &g), 0);
	g.doc_id = "e";
	cr_assert_eq(ws_eval_add_gold(ev, &g), 0);
	cr_assert_eq(ws_eval_add_pred(ev, &below), 0);
	cr_assert_eq(ws_eval_add_pred(ev, &above), 0);
	rep = score(ev, WS_EVAL_ALL, 0.5);
	expect_counts(&rep.overall, 2, 2, 1, 1);
	expect_stmt(&rep.overall, 0.5, 0.5, 0.5);
	ws_eval_report_release(&rep);
	ws_eval_free(ev);
}

/* g1: two predictions compete for one gold; the better span (0.9, wrong
 * speaker) wins over the earlier one (0.6, right speaker). g2: two identical
 * spans tie and the earlier prediction (wrong speaker) wins. */
Test(eval, matching_is_one_to_one_greedy_by_best_jaccard)
{
	struct ws_eval *ev = load("gold_greedy.tsv", "pred_greedy.tsv", NULL);
	struct ws_eval_report rep = score(ev, WS_EVAL_ALL, WS_EVAL_LENIENT);

	expect_counts(&rep.overall, 2, 4, 2, 0);
	expect_stmt(&rep.overall, 0.5, 1.0, 2.0 / 3.0);
	expect_attr(&rep.overall, 0, 0, 0, 0);
	ws_eval_report_release(&rep);
	ws_eval_free(ev);
}

/* Predictions: A1 direct, A2 labelled indirect (gold says mixed), A3, B1
 * direct, and an unmatched indirect one. */
Test(eval, quoted_track_keeps_direct_and_mixed_only)
{
	struct ws_eval *ev = load("gold_main.tsv", "pred_tracks.tsv", NULL);
	struct ws_eval_report q = score(ev, WS_EVAL_QUOTED, WS_EVAL_LENIENT);
	struct ws_eval_report a = score(ev, WS_EVAL_ALL, WS_EVAL_LENIENT);

	expect_counts(&q.overall, 3, 2, 2, 2);
	expect_stmt(&q.overall, 1.0, 2.0 / 3.0, 0.8);
	expect_counts(&a.overall, 6, 5, 4, 4);
	expect_stmt(&a.overall, 0.8, 4.0 / 6.0, 2 * 0.8 * (4.0 / 6.0) / (0.8 + 4.0 / 6.0));
	expect_attr(&a.overall, 1.0, 0.8, 4.0 / 6.0, 2 * 0.8 * (4.0 / 6.0) / (0.8 + 4.0 / 6.0));
	ws_eval_report_release(&q);
	ws_eval_report_release(&a);
	ws_eval_free(ev);
}

/* Right: mention overlaps the source; surname matches a name source (case
 * differs); no speaker for a sourceless gold, twice (empty, type unknown).
 * Wrong: surname against a pronoun source; a speaker for a sourceless gold. */
Test(eval, speaker_by_overlap_surname_and_no_source)
{
	struct ws_eval *ev = load("gold_speaker.tsv", "pred_speaker.tsv", NULL);
	struct ws_eval_report rep = score(ev, WS_EVAL_ALL, WS_EVAL_LENIENT);

	expect_counts(&rep.overall, 6, 6, 6, 4);
	expect_attr(&rep.overall, 4.0 / 6.0, 4.0 / 6.0, 4.0 / 6.0, 4.0 / 6.0);
	ws_eval_report_release(&rep);
	ws_eval_free(ev);
}

/* One gold with a named source "source_text" at [100,110), one prediction of
 * the same span with the given speaker and mention; 1 if judged right. */
static long right_for(const char *source_text, const char *kind, const char *speaker,
                      const char *speaker_type, long long mb, long long me)
{
	struct ws_eval *ev = ws_eval_new();
	struct ws_eval_gold g = { "d", "direct", 0, 100, 100, 110, kind, source_text, NULL };
	struct ws_eval_pred p = { "d", NULL, "direct", 0, 100, mb, me, speaker, speaker_type };
	struct ws_eval_report rep;
	long right;

	if (strcmp(kind, "none") == 0)
		g.source_start = g.source_end = -1;
	cr_assert_eq(ws_eval_add_gold(ev, &g), 0);
	cr_assert_eq(ws_eval_add_pred(ev, &p), 0);
	rep = score(ev, WS_EVAL_ALL, WS_EVAL_LENIENT);
	cr_assert_eq(rep.overall.matched, 1);
	right = rep.overall.right;
	ws_eval_report_release(&rep);
	ws_eval_free(ev);
	return right;
}

Test(eval, speaker_rules_one_by_one)
{
	/* overlap of one byte is enough, whatever the name */
	cr_expect_eq(right_for("Mr. Smith", "name", "Jones", "person", 109, 120), 1);
	/* touching but not overlapping, and a different surname */
	cr_expect_eq(right_for("Mr. Smith", "name", "Jones", "person", 110, 120), 0);
	cr_expect_eq(right_for("Mr. Smith", "name", "Jones", "person", -1, -1), 0);
	/* last word, case-insensitive, as a whole word */
	cr_expect_eq(right_for("Mr. SMITH", "name", "John Smith", "person", -1, -1), 1);
	cr_expect_eq(right_for("Smith\xe2\x80\x99s aide", "name", "John Smith", "person", -1, -1), 1);
	/* dashes and no-break spaces separate words like spaces do */
	cr_expect_eq(right_for("Jane\xe2\x80\x94Smith", "name", "John Smith", "person", -1, -1), 1);
	cr_expect_eq(right_for("Mr.\xc2\xa0Smith", "name", "John Smith", "person", -1, -1), 1);
	cr_expect_eq(right_for("Mr. Smithson", "name", "John Smith", "person", -1, -1), 0);
	/* only the last word counts */
	cr_expect_eq(right_for("John Adams", "name", "John Smith", "person", -1, -1), 0);
	/* the surname rule is for name sources only */
	cr_expect_eq(right_for("Smith", "nominal", "John Smith", "person", -1, -1), 0);
	/* gold without a source */
	cr_expect_eq(right_for("", "none", "", "", -1, -1), 1);
	cr_expect_eq(right_for("", "none", NULL, NULL, -1, -1), 1);
	cr_expect_eq(right_for("", "none", "John Smith", "Unknown", 5, 9), 1);
	cr_expect_eq(right_for("", "none", "John Smith", "person", 5, 9), 0);
}

Test(eval, outlets_from_metadata_win_over_prediction_column)
{
	struct ws_eval *ev = load("gold_main.tsv", "pred_outlets.tsv", "meta_main.tsv");
	struct ws_eval_report rep = score(ev, WS_EVAL_ALL, WS_EVAL_LENIENT);

	/* doc-gamma is in the metadata but not in the gold: no sentinel row */
	cr_assert_eq(rep.n_outlets, 2);
	cr_expect_str_eq(rep.outlets[0].outlet, "bugle");
	cr_expect_str_eq(rep.outlets[1].outlet, "daily-planet");
	expect_counts(ws_eval_report_find(&rep, "bugle"), 2, 1, 1, 1);
	expect_stmt(ws_eval_report_find(&rep, "bugle"), 1.0, 0.5, 2.0 / 3.0);
	expect_counts(ws_eval_report_find(&rep, "daily-planet"), 4, 4, 4, 4);
	expect_counts(ws_eval_report_find(&rep, "all"), 6, 5, 5, 5);
	expect_stmt(&rep.overall, 1.0, 5.0 / 6.0, 10.0 / 11.0);
	cr_expect_null(ws_eval_report_find(&rep, "Planet"));
	ws_eval_report_release(&rep);
	ws_eval_free(ev);
}

Test(eval, outlets_from_prediction_column_without_metadata)
{
	struct ws_eval *ev = load("gold_main.tsv", "pred_outlets.tsv", NULL);
	struct ws_eval_report rep = score(ev, WS_EVAL_ALL, WS_EVAL_LENIENT);

	cr_assert_eq(rep.n_outlets, 2);
	cr_expect_str_eq(rep.outlets[0].outlet, "Planet");
	cr_expect_str_eq(rep.outlets[1].outlet, "unknown");
	expect_counts(ws_eval_report_find(&rep, "Planet"), 4, 4, 4, 4);
	expect_counts(ws_eval_report_find(&rep, "unknown"), 2, 1, 1, 1);
	ws_eval_report_release(&rep);
	ws_eval_free(ev);
}

static void expect_golden(const char *text, const char *expected_file)
{
	char *want = slurp_path(expected_file);

	cr_expect_str_eq(text, want, "output differs from %s:\n%s", expected_file, text);
	free(want);
}

Test(eval, run_prints_tsv_for_both_tracks_and_thresholds)
{
	char *out, *err;

	cr_assert_eq(run("gold_main.tsv", "pred_outlets.tsv", "meta_main.tsv", 1, &out, &err), 0);
	cr_expect_str_empty(err);
	expect_golden(out, DIR "expected_outlets.tsv");
	free(out);
	free(err);
}

Test(eval, run_prints_table)
{
	char *out, *err;

	cr_assert_eq(run("gold_main.tsv", "pred_outlets.tsv", "meta_main.tsv", 0, &out, &err), 0);
	cr_expect_str_empty(err);
	expect_golden(out, DIR "expected_outlets.txt");
	free(out);
	free(err);
}

static void expect_names(const struct ws_eval_names_row *r, long gold, long same, long loose,
                         long overlap, long other)
{
	cr_assert_not_null(r);
	cr_expect_eq(r->gold, gold, "%s: gold %ld, expected %ld", r->outlet, r->gold, gold);
	cr_expect_eq(r->same, same, "%s: same %ld, expected %ld", r->outlet, r->same, same);
	cr_expect_eq(r->loose, loose, "%s: loose %ld, expected %ld", r->outlet, r->loose, loose);
	cr_expect_eq(r->overlap, overlap, "%s: overlap %ld, expected %ld", r->outlet, r->overlap,
	             overlap);
	cr_expect_eq(r->other_type, other, "%s: other type %ld, expected %ld", r->outlet,
	             r->other_type, other);
}

/* gold_names.tsv: Mayor Lopez found whole; The Daily Planet found as Daily
 * Planet and Lopez’s as Lopez (loose); Anna Weller only overlapped by "Dr.
 * Anna"; a pronoun row that does not count; Rita Moss in doc-beta found only
 * by a mention of unknown type, which does not count either. */
Test(eval, speaker_names_same_loose_overlap)
{
	struct ws_eval *ev = load("gold_names.tsv", "pred_perfect.tsv", "meta_main.tsv");
	struct ws_eval_names_report rep;
	FILE *f = fopen(DIR "mentions_names.tsv", "r");

	cr_assert_not_null(f);
	cr_assert_eq(ws_eval_read_mentions(ev, f, "mentions_names.tsv", stderr), 0);
	fclose(f);
	cr_assert_eq(ws_eval_score_names(ev, &rep), 0);
	expect_names(ws_eval_names_find(&rep, "all"), 5, 1, 3, 4, 1);
	expect_names(ws_eval_names_find(&rep, "daily-planet"), 4, 1, 3, 4, 0);
	expect_names(ws_eval_names_find(&rep, "bugle"), 1, 0, 0, 0, 1);
	cr_expect_float_eq(rep.overall.same_r, 0.2, EPS);
	cr_expect_float_eq(rep.overall.loose_r, 0.6, EPS);
	cr_expect_float_eq(rep.overall.overlap_r, 0.8, EPS);
	cr_expect_null(ws_eval_names_find(&rep, "sentinel"), "doc-gamma is not in the gold");
	ws_eval_names_report_release(&rep);
	ws_eval_free(ev);
}

/* A mention one byte off is not the same span, loosely or not. */
Test(eval, speaker_names_same_means_identical_bytes)
{
	struct ws_eval *ev = ws_eval_new();
	struct ws_eval_gold g = { "d", "direct", 10, 20, 0, 11, "name", "Mayor Lopez", NULL };
	struct ws_eval_mention m1 = { "d", "person", 1, 11, "ayor Lopez" };
	struct ws_eval_mention m2 = { "d", "person", 0, 10, "Mayor Lope" };
	struct ws_eval_names_report rep;

	cr_assert_eq(ws_eval_add_gold(ev, &g), 0);
	cr_assert_eq(ws_eval_add_mention(ev, &m1), 0);
	cr_assert_eq(ws_eval_add_mention(ev, &m2), 0);
	cr_assert_eq(ws_eval_score_names(ev, &rep), 0);
	expect_names(&rep.overall, 1, 0, 0, 1, 0);
	ws_eval_names_report_release(&rep);
	ws_eval_free(ev);
}

/* "other" counts a gold name that only a group, place or unknown mention
 * has with the same bytes: not one a person mention has too, nor one the
 * other mention only overlaps. */
Test(eval, speaker_names_other_type_only_when_not_found)
{
	struct ws_eval *ev = ws_eval_new();
	struct ws_eval_gold g1 = { "d", "direct", 100, 120, 0, 9, "name", "Lawmakers", NULL };
	struct ws_eval_gold g2 = { "d", "direct", 200, 220, 30, 41, "name", "Mayor Lopez", NULL };
	struct ws_eval_gold g3 = { "d", "direct", 300, 320, 60, 66, "name", "Russia", NULL };
	struct ws_eval_mention m[] = {
		{ "d", "group", 0, 9, "Lawmakers" },
		{ "d", "unknown", 30, 41, "Mayor Lopez" },
		{ "d", "person", 30, 41, "Mayor Lopez" },
		{ "d", "place", 60, 65, "Russi" },
	};
	struct ws_eval_names_report rep;

	cr_assert_eq(ws_eval_add_gold(ev, &g1), 0);
	cr_assert_eq(ws_eval_add_gold(ev, &g2), 0);
	cr_assert_eq(ws_eval_add_gold(ev, &g3), 0);
	for (size_t i = 0; i < sizeof m / sizeof *m; i++)
		cr_assert_eq(ws_eval_add_mention(ev, &m[i]), 0);
	cr_assert_eq(ws_eval_score_names(ev, &rep), 0);
	expect_names(&rep.overall, 3, 1, 1, 1, 1);
	ws_eval_names_report_release(&rep);
	ws_eval_free(ev);
}

Test(eval, run_prints_speaker_names_with_mentions)
{
	struct ws_eval_opts o;
	FILE *out = tmpfile(), *err = tmpfile();
	char *text, *etext;

	cr_assert(out && err);
	ws_eval_opts_init(&o);
	o.gold_path = DIR "gold_names.tsv";
	o.pred_path = DIR "pred_perfect.tsv";
	o.meta_path = DIR "meta_main.tsv";
	o.mentions_path = DIR "mentions_names.tsv";
	cr_assert_eq(ws_eval_run(&o, out, err), 0);
	text = slurp(out);
	etext = slurp(err);
	cr_expect_str_empty(etext);
	cr_expect_not_null(strstr(text, "\nall                5       1       3       4  "
	                                "0.2000 0.6000 0.8000        1\n"), "%s", text);
	cr_expect_not_null(strstr(text, "\ndaily-planet       4       1       3       4  "),
	                   "%s", text);
	free(text);
	free(etext);
	fclose(out);
	out = tmpfile();
	cr_assert_not_null(out);
	o.tsv = 1;
	cr_assert_eq(ws_eval_run(&o, out, err), 0);
	text = slurp(out);
	cr_expect_not_null(strstr(text, "\nnames\toutlet\tgold\tsame\tloose\toverlap\t"
	                                "same_r\tloose_r\toverlap_r\tother_type\n"
	                                "names\tall\t5\t1\t3\t4\t0.2000\t0.6000\t0.8000\t1\n"),
	                   "%s", text);
	free(text);
	fclose(out);
	fclose(err);
}

Test(eval, mentions_need_their_columns)
{
	struct ws_eval *ev = ws_eval_new();
	FILE *f = tmpfile(), *err = tmpfile();
	char *etext;

	cr_assert(f && err);
	fputs("doc_id\ttype\tbegin\tend\nd\tperson\t1\t2\n", f);
	rewind(f);
	cr_expect_eq(ws_eval_read_mentions(ev, f, "m.tsv", err), WS_EVAL_EINPUT);
	etext = slurp(err);
	cr_expect_str_eq(etext, "m.tsv:1: missing column 'start'\n");
	free(etext);
	fclose(f);
	fclose(err);
	ws_eval_free(ev);
}

Test(eval, wrong_field_count_names_file_and_line)
{
	char *out, *err;

	cr_expect_eq(run("bad_fields.tsv", "pred_perfect.tsv", NULL, 0, &out, &err),
	             WS_EVAL_EINPUT);
	cr_expect_str_eq(err, DIR "bad_fields.tsv:3: wrong number of fields: 17, expected 18\n");
	cr_expect_str_empty(out);
	free(out);
	free(err);
}

Test(eval, bad_offsets_all_reported)
{
	char *out, *err;

	cr_expect_eq(run("gold_main.tsv", "bad_offset.tsv", NULL, 0, &out, &err), WS_EVAL_EINPUT);
	cr_expect_str_eq(err, DIR "bad_offset.tsv:3: quote_start is not a number: '3OO'\n"
	                      DIR "bad_offset.tsv:4: quote_end is before quote_start\n");
	cr_expect_str_empty(out);
	free(out);
	free(err);
}

Test(eval, missing_columns_reported_by_name)
{
	char *out, *err;

	cr_expect_eq(run("gold_main.tsv", "missing_cols.tsv", NULL, 0, &out, &err),
	             WS_EVAL_EINPUT);
	cr_expect_str_eq(err, DIR "missing_cols.tsv:1: missing column 'mention_start'\n"
	                      DIR "missing_cols.tsv:1: missing column 'speaker_type'\n");
	free(out);
	free(err);
}

Test(eval, missing_file_is_an_error)
{
	char *out, *err;

	cr_expect_eq(run("no_such_gold.tsv", "pred_perfect.tsv", NULL, 0, &out, &err),
	             WS_EVAL_EIO);
	cr_expect(strstr(err, "cannot open ") == err, "got: %s", err);
	cr_expect(strstr(err, "no_such_gold.tsv: ") != NULL, "got: %s", err);
	free(out);
	free(err);
}

Test(eval, empty_file_needs_a_header)
{
	struct ws_eval *ev = ws_eval_new();
	FILE *in = tmpfile(), *err = tmpfile();
	char *msg;

	cr_assert(in && err);
	cr_expect_eq(ws_eval_read_pred(ev, in, "empty.tsv", err), WS_EVAL_EINPUT);
	msg = slurp(err);
	cr_expect_str_eq(msg, "empty.tsv: empty file, expected a header line\n");
	free(msg);
	fclose(in);
	fclose(err);
	ws_eval_free(ev);
}

/* A quote of 200 KB on one line must not be cut: the matching span and the
 * speaker after it are still read. */
Test(eval, long_lines_are_read_whole)
{
	struct ws_eval *ev;
	struct ws_eval_report rep;
	FILE *p;
	size_t i, n = 200000;

	ev = load("gold_main.tsv", NULL, NULL);
	p = tmpfile();
	cr_assert_not_null(p);
	fputs("doc_id\tquote_type\tquote_start\tquote_end\tquote\tmention_start\t"
	      "mention_end\tspeaker\tspeaker_type\n"
	      "doc-beta\tdirect\t0\t100\t", p);
	for (i = 0; i < n; i++)
		fputc('x', p);
	fputs("\t110\t124\tKim Brooks\tperson\n", p);
	rewind(p);
	cr_assert_eq(ws_eval_read_pred(ev, p, "long.tsv", stderr), 0);
	fclose(p);
	rep = score(ev, WS_EVAL_QUOTED, WS_EVAL_STRICT);
	expect_counts(&rep.overall, 3, 1, 1, 1);
	ws_eval_report_release(&rep);
	ws_eval_free(ev);
}

Test(eval, threshold_out_of_range_is_refused)
{
	struct ws_eval *ev = ws_eval_new();
	struct ws_eval_report rep;

	cr_expect_eq(ws_eval_score(ev, WS_EVAL_ALL, 0.0, &rep), WS_EVAL_EARG);
	cr_expect_eq(ws_eval_score(ev, WS_EVAL_ALL, 1.5, &rep), WS_EVAL_EARG);
	ws_eval_free(ev);
}

Test(eval, command_line_usage_errors, .init = cr_redirect_stderr)
{
	char *no_gold[] = { "eval", "pred.tsv", NULL };
	char *bad_jaccard[] = { "eval", "--gold", "g.tsv", "--jaccard", "half", "p.tsv", NULL };
	char *no_value[] = { "eval", "p.tsv", "--gold", NULL };
	char *two_preds[] = { "eval", "--gold=g.tsv", "a.tsv", "b.tsv", NULL };

	cr_expect_eq(ws_eval_main(2, no_gold), 2);
	cr_expect_eq(ws_eval_main(6, bad_jaccard), 2);
	cr_expect_eq(ws_eval_main(3, no_value), 2);
	cr_expect_eq(ws_eval_main(4, two_preds), 2);
}

/* The marks track reads quotation marks from the gold content text, not
 * quote_type: PolNeAR's quote_type counts curly apostrophes as quotes. */
Test(eval, marks_track_reads_the_content_text)
{
	cr_expect(ws_eval_has_marks("he said \xE2\x80\x9Cno\xE2\x80\x9D"));
	cr_expect(ws_eval_has_marks("he called it ''insanity''"));
	cr_expect(ws_eval_has_marks("the 'Leave' campaign"));
	cr_expect(ws_eval_has_marks("\xE2\x80\x98" "Bad Angels\xE2\x80\x99"));
	cr_expect_not(ws_eval_has_marks("Trump\xE2\x80\x99s comments"));
	cr_expect_not(ws_eval_has_marks("the voters' heads and Trump's plan"));
	cr_expect_not(ws_eval_has_marks(NULL));

	struct ws_eval *ev = ws_eval_new();
	struct ws_eval_gold apos = { "d", "mixed", 0, 100, -1, -1, "none", NULL,
				     "Trump\xE2\x80\x99s comments" };
	struct ws_eval_gold nyt = { "d", "indirect", 200, 300, -1, -1, "none", NULL,
				    "''We won,'' he said" };
	struct ws_eval_pred p = { "d", NULL, "direct", 200, 300, -1, -1, NULL, NULL };
	struct ws_eval_report rep;

	cr_assert_eq(ws_eval_add_gold(ev, &apos), 0);
	cr_assert_eq(ws_eval_add_gold(ev, &nyt), 0);
	cr_assert_eq(ws_eval_add_pred(ev, &p), 0);
	rep = score(ev, WS_EVAL_QUOTED, WS_EVAL_LENIENT);
	expect_counts(&rep.overall, 1, 1, 0, 0);
	ws_eval_report_release(&rep);
	rep = score(ev, WS_EVAL_MARKS, WS_EVAL_LENIENT);
	expect_counts(&rep.overall, 1, 1, 1, 1);
	ws_eval_report_release(&rep);
	ws_eval_free(ev);
}

/* The ceiling counts gold rows only: a quoted row without a mark cannot be
 * found by marks, an indirect row with one would be called quoted. */
Test(eval, quoted_ceiling_of_typing_by_marks)
{
	struct ws_eval *ev = ws_eval_new();
	struct ws_eval_gold rows[] = {
		{ "d", "direct", 0, 10, -1, -1, "none", NULL, "\"We won,\" he said" },
		{ "d", "mixed", 20, 30, -1, -1, "none", NULL, "the \xE2\x80\x9C" "best\xE2\x80\x9D plan" },
		{ "d", "mixed", 40, 50, -1, -1, "none", NULL, "Trump\xE2\x80\x99s comments" },
		{ "d", "indirect", 60, 70, -1, -1, "none", NULL, "''We won,'' he said" },
		{ "d", "indirect", 80, 90, -1, -1, "none", NULL, "the plan would fail" },
	};
	struct ws_eval_ceiling c;

	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
		cr_assert_eq(ws_eval_add_gold(ev, &rows[i]), 0);
	ws_eval_quoted_ceiling(ev, &c);
	cr_expect_eq(c.tp, 2);
	cr_expect_eq(c.fp, 1);
	cr_expect_eq(c.fn, 1);
	cr_expect_float_eq(c.f1, 2.0 / 3.0, EPS);
	ws_eval_free(ev);
}
