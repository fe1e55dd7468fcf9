/* A batch run: every input document through the pipeline, rows written in
 * input order, output files written under temporary names and renamed only
 * when complete. */
#ifndef WS_RUN_H
#define WS_RUN_H

#include <stddef.h>
#include <stdint.h>

struct ws_engine;

struct ws_run_opts {
	const char *outdir;	/* NULL: quotes to standard output only */
	const char *outlet;	/* for every document, or NULL */
	int outlet_from_dir;	/* first directory level names the outlet */
	size_t max_doc_bytes;
	int quiet;		/* no summary on stderr */
};

struct ws_run_stats {
	size_t docs, failed, statements, speakers;
	uint64_t bytes;
	double seconds;
};

/* Exit statuses of a run, also whosaid's. */
enum {
	WS_EXIT_OK = 0,		/* every document was processed */
	WS_EXIT_DOCS = 1,	/* some documents failed; each has its status row */
	WS_EXIT_USAGE = 2,	/* bad command line or data files */
	WS_EXIT_OUTPUT = 3,	/* results could not be written */
};

int ws_run_extract(const struct ws_engine *e, char *const *paths, int npaths,
		   const struct ws_run_opts *o, struct ws_run_stats *st);

#endif
