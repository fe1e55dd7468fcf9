/* A manifest: a TSV file with a header line that gives documents their
 * outlet, date, title and url by doc_id. Loaded once before a run and then
 * read-only, so worker threads share it. */
#ifndef WS_MANIFEST_H
#define WS_MANIFEST_H

#include <stddef.h>
#include <stdio.h>

enum ws_meta_key { WS_META_ID, WS_META_OUTLET, WS_META_DATE, WS_META_TITLE, WS_META_URL,
		   WS_META_N };

/* The metadata of one document; a field is NULL when the manifest has no
 * column for it, and "" when the cell is empty. */
struct ws_meta {
	const char *v[WS_META_N];
};

struct ws_manifest;

/* Loads path. columns maps our names to the header's, as
 * "doc_id=filename,outlet=publisher,date=publication_date" (NULL: the
 * header names are doc_id, outlet, date, title, url). Only doc_id's column
 * must exist. Every error (an unknown key, a missing column, a line with
 * too few fields, a duplicate doc_id) is written to err as
 * "file:line: message"; then the result is WS_ERR_DATA or WS_ERR_IO. */
int ws_manifest_load(const char *path, const char *columns, FILE *err,
		     struct ws_manifest **out);
void ws_manifest_free(struct ws_manifest *m);

/* The metadata for doc_id[0..len), or NULL. */
const struct ws_meta *ws_manifest_get(const struct ws_manifest *m, const char *doc_id,
				      size_t len);
size_t ws_manifest_size(const struct ws_manifest *m);

/* Parses one "key=name,key=name" item list into names[WS_META_N] (copies;
 * unmentioned keys stay NULL). keys are doc_id or id, outlet, date,
 * title, url, and when text_key is not NULL also text (*text_key). Returns
 * 0, or -1 with a message in err. Shared by --manifest-columns and
 * --field. */
int ws_meta_keys_parse(const char *spec, char *names[WS_META_N], char **text_key,
		       char *err, size_t errlen);

#endif
