/* libFuzzer target: the manifest loader and --manifest-columns. When the
 * first byte is odd, the input's first line is a --manifest-columns spec;
 * the rest is written to a file and loaded. Checks: a refused load names the
 * file and a line in its messages, an accepted one holds one entry per
 * non-blank data line, each found again by its doc_id. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "manifest.h"
#include "whosaid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

/* The fields of line[0..n) split at tabs into f (at most max). */
static size_t split(const char *line, size_t n, const char **f, size_t *fl, size_t max)
{
	size_t k = 0;
	for (size_t i = 0;;) {
		const char *tab = memchr(line + i, '\t', n - i);
		size_t e = tab ? (size_t)(tab - line) : n;
		if (k < max) {
			f[k] = line + i;
			fl[k] = e - i;
		}
		k++;
		if (!tab)
			return k;
		i = e + 1;
	}
}

/* Every data line of an accepted manifest read back through its doc_id
 * column, as the header names it (the default columns only). */
static void check_entries(const struct ws_manifest *m, const char *s, size_t n)
{
	enum { MAXF = 64 };
	const char *f[MAXF];
	size_t fl[MAXF], idcol = (size_t)-1, ncols = 0, entries = 0;
	unsigned long lineno = 0;
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n, len = e - i;
		while (len && (s[i + len - 1] == '\r' || s[i + len - 1] == '\n'))
			len--;
		lineno++;
		size_t k = split(s + i, len, f, fl, MAXF);
		if (lineno == 1) {
			ncols = k;
			for (size_t c = 0; c < k && c < MAXF; c++)
				if (fl[c] == 6 && memcmp(f[c], "doc_id", 6) == 0)
					idcol = c;
		} else if (len) {
			if (k != ncols)
				abort();	/* accepted a line the header does not fit */
			if (idcol >= MAXF)
				return;		/* doc_id past the columns looked at */
			const struct ws_meta *mm = ws_manifest_get(m, f[idcol], fl[idcol]);
			if (!mm || strlen(mm->v[WS_META_ID]) != fl[idcol] ||
			    memcmp(mm->v[WS_META_ID], f[idcol], fl[idcol]) != 0)
				abort();
			entries++;
		}
		i = e + 1;
	}
	if (entries != ws_manifest_size(m))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	if (!path[0])
		snprintf(path, sizeof(path), "/tmp/fuzz-manifest-%ld.tsv", (long)getpid());
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	char *columns = NULL;
	if (data[0] & 1) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		columns = malloc((size_t)(e - p) + 1);
		if (!columns)
			abort();
		memcpy(columns, p, (size_t)(e - p));
		columns[e - p] = '\0';
		p = nl ? nl + 1 : end;
	}
	size_t n = (size_t)(end - p);
	FILE *f = fopen(path, "wb");
	if (!f || (n && fwrite(p, 1, n, f) != n) || fclose(f) != 0)
		abort();

	char *msgs = NULL;
	size_t msglen = 0;
	FILE *err = open_memstream(&msgs, &msglen);
	if (!err)
		abort();
	struct ws_manifest *m = NULL;
	int rc = ws_manifest_load(path, columns, err, &m);
	fclose(err);
	if (rc == WS_OK) {
		if (!m || msglen != 0)
			abort();
		/* a doc_id made of the input's bytes: found or not, never a crash */
		(void)ws_manifest_get(m, (const char *)data, size);
		if (!columns && !memchr(p, '\0', n))
			check_entries(m, p, n);
	} else {
		if (m || rc != WS_ERR_DATA || msglen == 0)
			abort();	/* refused without saying why */
		/* a message about the file's content names the file */
		if (!strstr(msgs, "--manifest-columns") && !strstr(msgs, path))
			abort();
	}
	ws_manifest_free(m);
	free(msgs);
	free(columns);
	return 0;
}
