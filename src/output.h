/* Output: renders a document's results as TSV rows into a buffer, so a
 * caller can write documents in input order whichever thread made them.
 * The columns are a contract with users' scripts: change them only with
 * a version bump and a README note. */
#ifndef WS_OUTPUT_H
#define WS_OUTPUT_H

#include <stdint.h>

#include "buf.h"
#include "whosaid.h"

/* What docs.tsv says about one input document. */
struct ws_docinfo {
	const char *doc_id;
	const char *outlet;	/* NULL or "" when unknown */
	const char *date;
	const char *title;	/* from a manifest or JSON Lines, or NULL */
	const char *url;
	const char *source;	/* the file it came from */
	uint64_t bytes;
	int status;		/* WS_OK or a negative ws_err */
	const char *error;	/* message for status != WS_OK, or a warning */
	size_t quotes, entities;
};

/* Appends s[0..n) as one TSV field: TAB, CR, LF and other control and
 * line-separator characters become a space, bytes that are not UTF-8
 * become U+FFFD, so every row loads unchanged in pandas, R and awk. */
void ws_tsv_field(struct ws_buf *b, const char *s, size_t n);

void ws_out_quotes_header(struct ws_buf *b);
void ws_out_quotes(struct ws_buf *b, const struct ws_docinfo *m, const struct ws_doc *d);
void ws_out_entities_header(struct ws_buf *b);
void ws_out_entities(struct ws_buf *b, const struct ws_docinfo *m, const struct ws_doc *d);
void ws_out_mentions_header(struct ws_buf *b);
void ws_out_mentions(struct ws_buf *b, const struct ws_docinfo *m, const struct ws_doc *d);
void ws_out_docs_header(struct ws_buf *b);
void ws_out_doc(struct ws_buf *b, const struct ws_docinfo *m);

#endif
