/* Diagnostics for data files, compiler style: "file:line:col: message".
 * Loaders report every error they find and count them, so a linguist sees
 * all mistakes at once; the caller refuses to run when the count is not 0. */
#ifndef WS_DIAG_H
#define WS_DIAG_H

#include <stdio.h>

struct ws_diag {
	FILE *out;	/* where messages go; NULL keeps them quiet */
	int errors;
	int warnings;
};

#if defined(__GNUC__)
#define WS_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define WS_PRINTF(a, b)
#endif

/* line and col are 1-based; col 0 leaves the column out, line 0 both. */
void ws_diag_error(struct ws_diag *d, const char *file, unsigned line, unsigned col,
		   const char *fmt, ...) WS_PRINTF(5, 6);
void ws_diag_warn(struct ws_diag *d, const char *file, unsigned line, unsigned col,
		  const char *fmt, ...) WS_PRINTF(5, 6);

#endif
