/* The HTML report of `whosaid compare`: one self-contained page (inline CSS
 * and SVG, no scripts, fonts or network) drawn from a finished comparison.
 * Article text is untrusted: every string is escaped before it is written. */
#ifndef WS_REPORT_H
#define WS_REPORT_H

#include <stddef.h>
#include <stdio.h>

struct ws_cmp;

/* Writes the report of c to f. */
void ws_report_html(const struct ws_cmp *c, FILE *f);

/* Writes s (n bytes) escaped for HTML text and attribute values: & < > " '
 * become entities, control characters spaces. */
void ws_html_escape(FILE *f, const char *s, size_t n);

#endif
