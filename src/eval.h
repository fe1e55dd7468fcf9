/* eval: score whosaid's quotes.tsv against gold attributions (PolNeAR-style
 * TSV), statement spans by byte-range Jaccard and speakers by span overlap or
 * surname, overall and per outlet; and, given mentions.tsv, the share of gold
 * speaker names found as mentions with the same span. This is `whosaid eval`. */
#ifndef WS_EVAL_H
#define WS_EVAL_H

#include <stddef.h>
#include <stdio.h>

/* The strict threshold, always reported next to the caller's lenient one. */
#define WS_EVAL_STRICT 0.8
#define WS_EVAL_LENIENT 0.5

/* What `whosaid eval` does, in one struct. Paths are borrowed, not copied.
 * gold_path and pred_path are required; meta_path and mentions_path may be
 * NULL (with mentions_path the speaker names are scored too). threshold is
 * the lenient Jaccard threshold, in (0, 1]; the strict one (0.8) is always
 * reported as well. tsv nonzero prints machine-readable TSV instead of the
 * table. Fill it with ws_eval_opts_init() first so new fields get defaults. */
struct ws_eval_opts {
	const char *gold_path;
	const char *pred_path;
	const char *meta_path;
	const char *mentions_path;
	double threshold;
	int tsv;
};

void ws_eval_opts_init(struct ws_eval_opts *o);

/* Load the three files, score both tracks at both thresholds and print the
 * report on out. Returns 0, or a negative code after printing every problem
 * found on err (`file:line: message` for bad input lines). Nothing is printed
 * on out when an input file is bad. */
int ws_eval_run(const struct ws_eval_opts *o, FILE *out, FILE *err);

/* The whole `whosaid eval` command: argv[0] is "eval" (or anything), then
 *   --gold FILE [--meta FILE] [--mentions FILE] [--jaccard X] [--tsv] QUOTES.tsv
 * Prints usage on stderr for bad arguments. Returns a process exit status:
 * 0 ok, 1 bad input or I/O error, 2 usage error. */
int ws_eval_main(int argc, char **argv);

/* Negative error codes. ws_eval_strerror() names them in plain words. */
enum {
	WS_EVAL_ENOMEM = -1,  /* out of memory */
	WS_EVAL_EIO = -2,     /* a file could not be opened or read */
	WS_EVAL_EINPUT = -3,  /* a file has bad lines or missing columns */
	WS_EVAL_EARG = -4     /* bad option value */
};
const char *ws_eval_strerror(int code);

/* The pieces below let a caller (and the unit tests) score rows held in
 * memory without files. */

/* Byte-range Jaccard of the half-open spans [b1, e1) and [b2, e2):
 * overlap / union, 0 when they do not overlap or both are empty. */
double ws_eval_jaccard(long long b1, long long e1, long long b2, long long e2);

/* One gold attribution. Strings are copied by ws_eval_add_gold(). A row has
 * no source when source_kind is "none" or the source span is missing
 * (source_start < 0). quote_type is "direct", "mixed" or "indirect". */
struct ws_eval_gold {
	const char *doc_id;
	const char *quote_type;
	long long content_start, content_end;
	long long source_start, source_end;   /* -1, -1 when there is no source */
	const char *source_kind;              /* name|pronoun|nominal|none */
	const char *source_text;              /* may be NULL */
	const char *content_text;             /* may be NULL: only for the marks track */
};

/* One predicted quote. Strings are copied. A span of -1, -1 is unknown: a
 * prediction without a quote span counts but can never match; one without a
 * mention span can only get the speaker right by name. outlet, speaker and
 * speaker_type may be NULL or "" for unknown. */
struct ws_eval_pred {
	const char *doc_id;
	const char *outlet;
	const char *quote_type;
	long long quote_start, quote_end;
	long long mention_start, mention_end;
	const char *speaker;
	const char *speaker_type;
};

/* A set of gold rows, predictions and document outlets. Owns copies of all
 * strings handed to it. ws_eval_free(NULL) is a no-op. */
struct ws_eval;

struct ws_eval *ws_eval_new(void);
void ws_eval_free(struct ws_eval *ev);

/* Add one row; 0 or WS_EVAL_ENOMEM. */
int ws_eval_add_gold(struct ws_eval *ev, const struct ws_eval_gold *g);
int ws_eval_add_pred(struct ws_eval *ev, const struct ws_eval_pred *p);
/* One row of whosaid's mentions.tsv. Only types "person" and
 * "organization" count as finding a name; a mention of another type with a
 * gold name's span is counted apart (other_type). A span with start < 0 is
 * ignored.
 * text, the mention's exact bytes, may be NULL; it is only used to find the
 * loose span (see ws_eval_names_row). */
struct ws_eval_mention {
	const char *doc_id;
	const char *type;
	long long start, end;
	const char *text;
};
int ws_eval_add_mention(struct ws_eval *ev, const struct ws_eval_mention *m);
/* Record a document's outlet from metadata; it wins over the outlet column of
 * the predictions. */
int ws_eval_set_outlet(struct ws_eval *ev, const char *doc_id, const char *outlet);

/* Read a whole TSV file (header line first, columns found by name) from f.
 * name is used in messages. Every bad line is reported on err as
 * `name:line: message`; then the call returns WS_EVAL_EINPUT and the rows of
 * the good lines stay added. Metadata needs the columns filename and
 * publisher. */
int ws_eval_read_gold(struct ws_eval *ev, FILE *f, const char *name, FILE *err);
int ws_eval_read_pred(struct ws_eval *ev, FILE *f, const char *name, FILE *err);
int ws_eval_read_meta(struct ws_eval *ev, FILE *f, const char *name, FILE *err);
/* mentions.tsv needs doc_id, type, start and end; text is optional. */
int ws_eval_read_mentions(struct ws_eval *ev, FILE *f, const char *name, FILE *err);

/* quoted: only quote_type direct or mixed, on both sides; all: every row. */
/* quoted: gold and predictions of type direct or mixed; all: every row;
 * marks: gold rows whose content text holds a quotation mark (see
 * ws_eval_has_marks), predictions of type direct or mixed. PolNeAR's
 * quote_type counts a curly apostrophe as a quote and misses the '' of the
 * New York Times; the marks track reads the marks themselves. */
enum ws_eval_track { WS_EVAL_QUOTED, WS_EVAL_ALL, WS_EVAL_MARKS };
/* Whether text holds a quotation mark: a double mark (" “ ” „ « » '' ``), an
 * opening single mark (‘ ‹ ›), or a straight ' that opens a word. */
int ws_eval_has_marks(const char *text);

/* Counts and scores for one group of documents. Ratios with a zero
 * denominator are 0. stmt_* score statement spans (matched / pred,
 * matched / gold); spk_acc = right / matched; attr_* score statement and
 * speaker together (right / pred, right / gold). */
struct ws_eval_row {
	const char *outlet;   /* "all" for the overall row */
	long gold, pred, matched, right;
	double stmt_p, stmt_r, stmt_f1;
	double spk_acc;
	double attr_p, attr_r, attr_f1;
};

/* overall covers every document of the gold file; outlets has one row per
 * outlet, sorted by name (bytewise), and is empty when no document has a
 * known outlet. A document whose outlet is known neither from metadata nor
 * from its predictions goes under "unknown". Outlet names point into the
 * struct ws_eval that was scored: free it only after the report. */
struct ws_eval_report {
	enum ws_eval_track track;
	double threshold;
	struct ws_eval_row overall;
	struct ws_eval_row *outlets;
	size_t n_outlets;
};

/* Match predictions to gold one-to-one within each gold document: every pair
 * with Jaccard >= threshold is a candidate, candidates are taken best
 * Jaccard first (ties: earlier gold row, then earlier prediction) when both
 * sides are still free. Predictions for documents absent from the gold are
 * ignored. Fills rep (release it with ws_eval_report_release()); returns 0,
 * WS_EVAL_ENOMEM or WS_EVAL_EARG for a threshold outside (0, 1]. */
int ws_eval_score(const struct ws_eval *ev, enum ws_eval_track track,
                  double threshold, struct ws_eval_report *rep);
void ws_eval_report_release(struct ws_eval_report *rep);

/* The row for outlet, "all" for the overall row; NULL when there is none. */
const struct ws_eval_row *ws_eval_report_find(const struct ws_eval_report *rep,
                                              const char *outlet);

/* Print reports: a fixed-width table block per report, or TSV rows with the
 * columns track threshold outlet gold pred matched right stmt_p stmt_r
 * stmt_f1 spk_acc attr_p attr_r attr_f1 (ws_eval_print_tsv_header() first). */
void ws_eval_print_table(const struct ws_eval_report *rep, FILE *out);
void ws_eval_print_tsv_header(FILE *out);
void ws_eval_print_tsv(const struct ws_eval_report *rep, FILE *out);

/* Speaker names: gold rows with source_kind name and a source span. same:
 * a person or organisation mention of the same document has exactly the
 * gold's byte range. loose: the same, or equal once a leading article and
 * space ("the ", "a ", "an ", any case) and a final 's or ’s are dropped
 * from both (needs the gold's source_text and the mention's text to be the
 * spans' exact bytes). overlap: a mention shares at least one byte (same
 * counts as overlap). Ratios are over gold, 0 when gold is 0. */
struct ws_eval_names_row {
	const char *outlet;   /* "all" for the overall row */
	long gold, same, loose, overlap;
	long other_type;      /* not same, but a mention of another type has the span */
	double same_r, loose_r, overlap_r;
};

/* Grouped like ws_eval_report: overall plus one row per outlet, sorted by
 * name, none when no outlet is known. */
struct ws_eval_names_report {
	struct ws_eval_names_row overall;
	struct ws_eval_names_row *outlets;
	size_t n_outlets;
};

/* Score the speaker names of every gold document: 0 or WS_EVAL_ENOMEM.
 * Release rep with ws_eval_names_report_release(). */
int ws_eval_score_names(const struct ws_eval *ev, struct ws_eval_names_report *rep);
void ws_eval_names_report_release(struct ws_eval_names_report *rep);
const struct ws_eval_names_row *ws_eval_names_find(const struct ws_eval_names_report *rep,
                                                   const char *outlet);

/* A table with a legend, or TSV rows with the columns names outlet gold
 * same loose overlap same_r loose_r overlap_r (the first column is always
 * "names"; ws_eval_print_names_tsv_header() first). */
void ws_eval_print_names_table(const struct ws_eval_names_report *rep, FILE *out);

/* The quoted track's ceiling for typing by quotation marks: a system that
 * found every gold statement exactly and called it quoted when its text
 * holds a mark (ws_eval_has_marks) would have *tp right, *fp gold indirect
 * statements called quoted, and *fn gold quoted statements without a
 * mark. */
struct ws_eval_ceiling {
	long tp, fp, fn;
	double p, r, f1;
};
void ws_eval_quoted_ceiling(const struct ws_eval *ev, struct ws_eval_ceiling *c);
void ws_eval_print_ceiling(const struct ws_eval_ceiling *c, FILE *out);
void ws_eval_print_names_tsv_header(FILE *out);
void ws_eval_print_names_tsv(const struct ws_eval_names_report *rep, FILE *out);

#endif
