/* Compiler-style diagnostics for data files (see diag.h). */
#include "diag.h"

#include <stdarg.h>

static void vreport(FILE *out, const char *kind, const char *file, unsigned line,
		    unsigned col, const char *fmt, va_list ap)
{
	if (!out)
		return;
	if (line && col)
		fprintf(out, "%s:%u:%u: %s", file, line, col, kind);
	else if (line)
		fprintf(out, "%s:%u: %s", file, line, kind);
	else
		fprintf(out, "%s: %s", file, kind);
	vfprintf(out, fmt, ap);
	fputc('\n', out);
}

void ws_diag_error(struct ws_diag *d, const char *file, unsigned line, unsigned col,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(d->out, "", file, line, col, fmt, ap);
	va_end(ap);
	d->errors++;
}

void ws_diag_warn(struct ws_diag *d, const char *file, unsigned line, unsigned col,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(d->out, "warning: ", file, line, col, fmt, ap);
	va_end(ap);
	d->warnings++;
}
