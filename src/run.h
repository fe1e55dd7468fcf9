/* A batch run: every input document through the pipeline on N worker
 * threads, rows written in input order whatever N is, output files written
 * under temporary names and renamed only when complete. Also `whosaid
 * cat`, which joins the output directories of shards into one. */
#ifndef WS_RUN_H
#define WS_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "shard.h"

struct ws_engine;
struct ws_fields;
struct ws_manifest;

enum ws_format { WS_FMT_TSV, WS_FMT_JSONL };

struct ws_run_opts {
	const char *outdir;	/* NULL: quotes to standard output only */
	const char *outlet;	/* for every document, or NULL */
	int outlet_from_dir;	/* first directory level names the outlet */
	size_t max_doc_bytes;
	int quiet;		/* no summary and no progress on stderr */
	int jobs;		/* worker threads; 0: one per core */
	int force_jsonl;	/* "-" and file arguments are JSON Lines */
	enum ws_format format;
	int no_header;		/* TSV without its header line (for mappers) */
	struct ws_shard shard;	/* n == 0: every document */
	const struct ws_fields *fields;		/* JSON member names; NULL: defaults */
	const struct ws_manifest *manifest;	/* or NULL */
	/* Recorded in run.json only. */
	const char *datadir;
	const char *manifest_path;
	double load_seconds;
};

struct ws_run_stats {
	size_t docs, failed, statements, speakers;
	size_t skipped;		/* documents of other shards */
	uint64_t bytes;		/* article text processed */
	double seconds;
};

/* Exit statuses of a run, also whosaid's. */
enum {
	WS_EXIT_OK = 0,		/* every document was processed */
	WS_EXIT_DOCS = 1,	/* some documents failed; each has its status row */
	WS_EXIT_USAGE = 2,	/* bad command line or data files */
	WS_EXIT_OUTPUT = 3,	/* results could not be written */
};

/* Runs the extraction over paths[0..npaths) (files, directories, "-")
 * and returns a WS_EXIT_ status. Per-document errors go to stderr as
 * "whosaid: SOURCE: message", in input order. */
int ws_run_extract(const struct ws_engine *e, char *const *paths, int npaths,
		   const struct ws_run_opts *o, struct ws_run_stats *st);

/* Concatenates the output directories dirs[0..n) (shards of one corpus,
 * made with the same data and format) into outdir: one header per file,
 * rows in argument order, run.json with summed counts. Returns a
 * WS_EXIT_ status. */
int ws_run_cat(char *const *dirs, int n, const char *outdir, int quiet);

/* FNV-1a 64 over the data files under datadir's rules/ and gazetteers/
 * (*.txt, *.rules, *.lst, *.def, *.tsv, not hidden, not under build/ or
 * src/), each as its relative path, a NUL, its bytes, a NUL, in byte order
 * of paths; *nfiles gets their number. Returns 0 or WS_ERR_IO. */
int ws_data_hash(const char *datadir, uint64_t *hash, size_t *nfiles);

#endif
