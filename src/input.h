/* Inputs: turns the paths on the command line into an ordered list of
 * documents (files, and *.txt files found recursively under directories)
 * and reads each one, so that every document gets a row whatever happens
 * to it. */
#ifndef WS_INPUT_H
#define WS_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"

struct ws_input {
	char *path;	/* as opened */
	char *doc_id;	/* relative to its directory argument, without .txt */
	char *outlet;	/* first directory level, when asked for; else NULL */
};

typedef WS_VEC(struct ws_input) ws_input_vec;

/* Appends the documents under path to out, sorted by name within each
 * directory so every run sees the same order. A path that does not exist
 * still becomes an input, whose read then fails with a row of its own.
 * outlet_from_dir: take the first directory level below a directory
 * argument as the outlet. Directories that cannot be listed are reported
 * on err and counted in *errors. */
void ws_inputs_collect(const char *path, int outlet_from_dir, ws_input_vec *out,
		       FILE *err, int *errors);
void ws_inputs_free(ws_input_vec *v);

/* Reads a whole file into b (reset first). Returns 0, WS_ERR_TOO_LARGE
 * when it holds more than max bytes (b then holds nothing and *size the
 * file's size), or WS_ERR_IO with errno's message in *why. */
int ws_read_file(const char *path, size_t max, struct ws_buf *b, uint64_t *size,
		 const char **why);

#endif
