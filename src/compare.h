/* `whosaid compare`: reads extraction outputs (quotes, entities, docs) and
 * aggregates them by outlet, by cross-document speaker, by cue, and into
 * clusters of the same statement reported by several documents. The tables
 * are written as TSV here; report.c draws them as HTML. */
#ifndef WS_COMPARE_H
#define WS_COMPARE_H

#include <stddef.h>
#include <stdio.h>

#include "speakerkey.h"

/* Attribution levels, from vaguest to most precise. */
enum { WS_ATTR_ANON, WS_ATTR_TITLE, WS_ATTR_NAMED };

/* Speaker types in outlets.tsv order; anything else counts as unknown. */
enum { WS_ST_PERSON, WS_ST_ORG, WS_ST_PLACE, WS_ST_GROUP, WS_ST_ANON, WS_ST_UNKNOWN, WS_ST_N };
extern const char *const ws_cmp_stype_names[WS_ST_N];
enum { WS_G_FEMALE, WS_G_MALE, WS_G_UNKNOWN, WS_G_N };
extern const char *const ws_cmp_gender_names[WS_G_N];
enum { WS_CQ_DIRECT, WS_CQ_MIXED, WS_CQ_INDIRECT, WS_CQ_N };

/* Statement flags in a cluster, against the cluster's majority. */
#define WS_DIS_SPEAKER 1	/* another speaker is credited */
#define WS_DIS_VAGUER  2	/* vaguer than the best attribution of the cluster */
#define WS_DIS_CUE     4	/* another cue category */
#define WS_DIS_WORDING 8	/* other words */

/* One statement (a quotes.tsv row). Strings are owned by the comparison. */
struct ws_cmp_stmt {
	const char *doc_id, *outlet, *date, *quote, *cue_lemma, *category;
	const char *speaker, *stype_name, *title, *url;
	long quote_no, start, end;
	int outlet_no;		/* index into outlets */
	int speaker_no;		/* index into speakers; -1 below WS_ATTR_NAMED */
	int stype, qtype, gender, level;
	int cluster;		/* index into clusters, -1 when alone */
	int flags;		/* WS_DIS_* */
	const char *added, *missing;	/* wording differences, words joined by spaces */
};

/* A speaker merged across documents by its key. */
struct ws_cmp_speaker {
	const char *key, *name, *stype_name, *title;
	long statements, docs;
	long *by_outlet;	/* statements per outlet */
	long *docs_by_outlet;
	const char **title_by_outlet;	/* most frequent title in each outlet */
	int gender;
};

struct ws_cmp_outlet {
	const char *name;	/* "" when unknown */
	long docs, statements, speakers;
	long qtype[WS_CQ_N], stype[WS_ST_N], gender[WS_G_N];
};

/* A statement reported by two documents or more. */
struct ws_cmp_cluster {
	size_t *stmt;		/* statement indexes, sorted */
	size_t n;
	int docs, outlets, score;
	int flags;		/* union of its statements' flags */
};

struct ws_cmp_cue {
	int outlet_no;
	const char *lemma, *category;
	long n;
};

/* Everything compare found. Read-only after ws_cmp_finish(). */
struct ws_cmp {
	struct ws_cmp_stmt *stmt;
	size_t nstmt;
	struct ws_cmp_outlet *outlet;
	size_t noutlet;
	struct ws_cmp_speaker *speaker;	/* sorted by key */
	size_t nspeaker;
	struct ws_cmp_cluster *cluster;	/* in order of their first statement */
	size_t ncluster;
	struct ws_cmp_cue *cue;		/* by outlet, count descending, lemma */
	size_t ncue;
	const char *const *categories;	/* category names seen, sorted, NULL-ended */
	size_t ncategories;
	long documents;
	struct ws_cmp_priv *priv;
};

/* A comparison that keys speakers with k (borrowed) and reads cue categories
 * from the cue lists under datadir. Returns NULL after saying why on err. */
struct ws_cmp *ws_cmp_new(const struct ws_speakerkey *k, const char *datadir, FILE *err);
void ws_cmp_free(struct ws_cmp *c);

/* Reads DIR/docs.tsv, DIR/entities.tsv and DIR/quotes.tsv (columns by their
 * header names). Returns 0, or -1 after a file:line message on err. */
int ws_cmp_read(struct ws_cmp *c, const char *dir, FILE *err);

/* Merges speakers, counts, and clusters the statements. Call once, after
 * every ws_cmp_read(). */
void ws_cmp_finish(struct ws_cmp *c);

/* Writes outlets.tsv, speakers.tsv, statements.tsv and cues.tsv to dir
 * (created if missing), each under a temporary name renamed when whole.
 * Returns 0 or -1 after a message on err. */
int ws_cmp_write_tsv(const struct ws_cmp *c, const char *dir, FILE *err);

/* "named", "title" or "anonymous". */
const char *ws_cmp_level_name(int level);

/* `whosaid compare` with its arguments (argv[0] is "compare"); returns an
 * exit status. */
int ws_compare_main(int argc, char **argv);

#endif
