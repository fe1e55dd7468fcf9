/* JSON Lines in and out: reads one article from a line of JSON, with field
 * names mapped by --field, and turns TSV rows into JSON objects for
 * --format jsonl. Uses jansson; every function is safe to call from many
 * threads at once on different data. */
#ifndef WS_JSONL_H
#define WS_JSONL_H

#include <stddef.h>

#include "buf.h"
#include "manifest.h"

/* Which JSON member holds each piece of an article: a list of names tried
 * in order; a name may be a path into nested objects ("meta.source"). */
struct ws_fields {
	const char *const *names[WS_META_N + 1];	/* indexed by ws_meta_key, then text */
	char *own[WS_META_N + 1];			/* set by --field */
	const char *one[WS_META_N + 1][2];
};

#define WS_FIELD_TEXT WS_META_N

/* Defaults: id; text, then maintext (news-please); outlet, then
 * source_domain; date, then date_publish; title; url. */
void ws_fields_init(struct ws_fields *f);
/* Applies a --field spec ("text=body,id=uuid"); returns 0 or -1 with a
 * message in err. */
int ws_fields_set(struct ws_fields *f, const char *spec, char *err, size_t errlen);
void ws_fields_release(struct ws_fields *f);

/* One article read from a line: the strings belong to the record and live
 * until ws_jrec_release(). A missing field is NULL; an id that is a number
 * is given in decimal. */
struct ws_jrec {
	void *root;
	const char *v[WS_META_N];
	const char *text;
	size_t text_len;
	struct ws_buf id;	/* a numeric id in decimal */
};

/* Parses line[0..len). Returns 0; or -1 with the reason in err when the
 * line is not a JSON object or has no text (the fields found are still
 * set, so the error row can carry its id). */
int ws_jrec_parse(const struct ws_fields *f, const char *line, size_t len, struct ws_jrec *r,
		  struct ws_buf *err);
void ws_jrec_release(struct ws_jrec *r);

/* Column layout of one TSV file, made from its header line: which
 * columns are numbers. */
struct ws_jcols {
	char **names;
	unsigned char *numeric;
	size_t n;
};

void ws_jcols_init(struct ws_jcols *c, const char *header, size_t len);
void ws_jcols_release(struct ws_jcols *c);

/* Appends the TSV rows rows[0..len) (whole lines, as output.c writes them)
 * to out as JSON Lines: one object per row, keys the column names, numbers
 * as numbers, empty fields as null. */
void ws_jsonl_from_tsv(struct ws_buf *out, const struct ws_jcols *c, const char *rows, size_t len);

/* Appends s[0..n), valid UTF-8, as a JSON string with its quotes. */
void ws_json_str(struct ws_buf *out, const char *s, size_t n);

#endif
