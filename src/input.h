/* Inputs: turns the paths on the command line into a stream of sources
 * (text files, JSON Lines files, standard input) one at a time, so a run
 * over a million files holds one directory listing per level, never the
 * whole corpus; and reads them (whole files, or JSON Lines line by line,
 * gzip-compressed or not). */
#ifndef WS_INPUT_H
#define WS_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"

enum ws_input_kind {
	WS_IN_TEXT,	/* one article per file */
	WS_IN_JSONL,	/* one article per line; .jsonl, .jsonl.gz or --jsonl */
	WS_IN_STDIN,	/* standard input, one article */
};

/* One source. The strings stay valid until the next ws_walk_next(). */
struct ws_walk_entry {
	enum ws_input_kind kind;
	const char *path;	/* as opened; "-" for standard input */
	const char *name;	/* relative to its directory argument (a file
				 * argument: its base name); stdin: "stdin" */
	const char *outlet;	/* first directory level when asked, else NULL */
	uint64_t size;		/* bytes on disk when known (sizes asked), else 0 */
};

struct ws_walk;

/* A walk over paths[0..n). Directories are walked recursively in byte
 * order of names, taking *.txt as text and *.jsonl, *.jsonl.gz as JSON
 * Lines; hidden entries and symbolic links to directories are skipped.
 * File arguments are taken whatever their name: as JSON Lines when they
 * end in .jsonl or .jsonl.gz or force_jsonl is set. "-" is standard input
 * (JSON Lines with force_jsonl). want_sizes: fill in entry sizes (a stat
 * per file). Unlistable directories are reported on err and counted. */
struct ws_walk *ws_walk_new(char *const *paths, int n, int outlet_from_dir, int force_jsonl,
			    int want_sizes, FILE *err);
/* Moves to the next source: 1, or 0 at the end. */
int ws_walk_next(struct ws_walk *w, struct ws_walk_entry *e);
int ws_walk_errors(const struct ws_walk *w);
void ws_walk_free(struct ws_walk *w);

/* The doc_id of a text file: its name without .txt, as a new string. */
char *ws_text_doc_id(const char *name);

/* Reads a whole file ("-": standard input) into b (reset first). Returns
 * 0, WS_ERR_TOO_LARGE when it holds more than max bytes (b then holds
 * nothing and *size the bytes seen), or WS_ERR_IO with errno's message in
 * *why. */
int ws_read_file(const char *path, size_t max, struct ws_buf *b, uint64_t *size,
		 const char **why);

/* A JSON Lines reader over a file or standard input ("-"); gzip data is
 * recognised by its magic bytes, not its name. */
struct ws_lines;

int ws_lines_open(const char *path, struct ws_lines **out, const char **why);
/* Reads the next line, without its newline (and a CR before it), into b
 * (reset first); *lineno is its 1-based number. Returns 1, 0 at the end,
 * WS_ERR_TOO_LARGE for a line longer than max (skipped; *len its length),
 * or WS_ERR_IO (*why says why; the rest of the file is lost). */
int ws_lines_next(struct ws_lines *l, size_t max, struct ws_buf *b, unsigned long *lineno,
		  uint64_t *len, const char **why);
/* Bytes of the file consumed so far (compressed bytes for gzip). */
uint64_t ws_lines_offset(const struct ws_lines *l);
void ws_lines_close(struct ws_lines *l);

#endif
