/* Loading a manifest TSV into an open-addressing table (see manifest.h). */
#include "manifest.h"
#include "buf.h"
#include "shard.h"
#include "whosaid.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	struct ws_meta meta;	/* NULL meta.v[WS_META_ID]: an empty slot */
	size_t id_len;
	uint64_t hash;
};

struct ws_manifest {
	struct entry *slots;
	size_t cap, n;		/* cap a power of two, at most half full */
};

static const char *const key_names[WS_META_N] = { "doc_id", "outlet", "date", "title", "url" };

int ws_meta_keys_parse(const char *spec, char *names[WS_META_N], char **text_key,
		       char *err, size_t errlen)
{
	const char *p = spec;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		const char *eq = memchr(p, '=', n);
		if (!eq || eq == p || eq + 1 == p + n) {
			snprintf(err, errlen, "'%.*s' is not key=name", (int)n, p);
			return -1;
		}
		size_t kn = (size_t)(eq - p);
		char *val = ws_xstrndup(eq + 1, n - kn - 1);
		char **slot = NULL;
		for (int k = 0; k < WS_META_N; k++)
			if (strlen(key_names[k]) == kn && memcmp(p, key_names[k], kn) == 0)
				slot = &names[k];
		if (kn == 2 && memcmp(p, "id", 2) == 0)
			slot = &names[WS_META_ID];
		if (text_key && kn == 4 && memcmp(p, "text", 4) == 0)
			slot = text_key;
		if (!slot) {
			snprintf(err, errlen, "unknown key '%.*s' (known: doc_id, outlet, date, "
				 "title, url%s)", (int)kn, p, text_key ? ", text" : "");
			free(val);
			return -1;
		}
		free(*slot);
		*slot = val;
		p += n;
		if (*p == ',')
			p++;
	}
	return 0;
}

static struct entry *find(const struct ws_manifest *m, const char *id, size_t len, uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		struct entry *e = &m->slots[i];
		if (!e->meta.v[WS_META_ID] ||
		    (e->hash == h && e->id_len == len && memcmp(e->meta.v[WS_META_ID], id, len) == 0))
			return e;
	}
}

static void grow(struct ws_manifest *m)
{
	struct entry *old = m->slots;
	size_t oldcap = m->cap;
	m->cap = oldcap ? oldcap * 2 : 1024;
	m->slots = ws_xcalloc(m->cap, sizeof(struct entry));
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].meta.v[WS_META_ID])
			*find(m, old[i].meta.v[WS_META_ID], old[i].id_len, old[i].hash) = old[i];
	free(old);
}

const struct ws_meta *ws_manifest_get(const struct ws_manifest *m, const char *doc_id,
				      size_t len)
{
	if (!m || !m->n)
		return NULL;
	struct entry *e = find(m, doc_id, len, ws_fnv1a64(WS_FNV_INIT, doc_id, len));
	return e->meta.v[WS_META_ID] ? &e->meta : NULL;
}

size_t ws_manifest_size(const struct ws_manifest *m)
{
	return m ? m->n : 0;
}

void ws_manifest_free(struct ws_manifest *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->cap; i++)
		for (int k = 0; k < WS_META_N; k++)
			free((char *)m->slots[i].meta.v[k]);
	free(m->slots);
	free(m);
}

/* Splits line (NUL-terminated, CR and LF removed) at tabs in place. */
static size_t split(char *line, char ***fields, size_t *cap)
{
	size_t n = 0;
	for (char *p = line;;) {
		ws_grow((void **)fields, cap, n + 1, sizeof(char *));
		(*fields)[n++] = p;
		char *tab = strchr(p, '\t');
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

int ws_manifest_load(const char *path, const char *columns, FILE *err,
		     struct ws_manifest **out)
{
	*out = NULL;
	char *names[WS_META_N] = { 0 };
	char msg[256];
	if (columns && ws_meta_keys_parse(columns, names, NULL, msg, sizeof(msg)) != 0) {
		fprintf(err, "whosaid: --manifest-columns: %s\n", msg);
		for (int k = 0; k < WS_META_N; k++)
			free(names[k]);	/* the keys parsed before the bad one */
		return WS_ERR_DATA;
	}
	for (int k = 0; k < WS_META_N; k++)
		if (!names[k])
			names[k] = ws_xstrdup(key_names[k]);
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(err, "whosaid: cannot read manifest %s: %s\n", path, strerror(errno));
		for (int k = 0; k < WS_META_N; k++)
			free(names[k]);
		return WS_ERR_IO;
	}
	struct ws_manifest *m = ws_xcalloc(1, sizeof(*m));
	grow(m);
	char *line = NULL, **fields = NULL;
	size_t linecap = 0, fcap = 0;
	int col[WS_META_N], errors = 0;
	size_t ncols = 0;
	unsigned long lineno = 0;
	ssize_t got;
	while ((got = getline(&line, &linecap, f)) >= 0) {
		lineno++;
		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = '\0';
		size_t n = split(line, &fields, &fcap);
		if (lineno == 1) {
			ncols = n;
			for (int k = 0; k < WS_META_N; k++) {
				col[k] = -1;
				for (size_t i = 0; i < n; i++)
					if (strcmp(fields[i], names[k]) == 0)
						col[k] = (int)i;
			}
			if (col[WS_META_ID] < 0) {
				fprintf(err, "%s:1: no column '%s' for doc_id in the header "
					"(name it with --manifest-columns doc_id=NAME)\n", path,
					names[WS_META_ID]);
				errors++;
				break;
			}
			continue;
		}
		if (got == 0)
			continue;	/* a blank line, often the last */
		if (n != ncols) {
			fprintf(err, "%s:%lu: %zu fields, the header has %zu\n", path, lineno, n,
				ncols);
			errors++;
			continue;
		}
		const char *id = fields[col[WS_META_ID]];
		size_t len = strlen(id);
		if (!len) {
			fprintf(err, "%s:%lu: empty doc_id\n", path, lineno);
			errors++;
			continue;
		}
		if (2 * (m->n + 1) > m->cap)
			grow(m);
		uint64_t h = ws_fnv1a64(WS_FNV_INIT, id, len);
		struct entry *e = find(m, id, len, h);
		if (e->meta.v[WS_META_ID]) {
			fprintf(err, "%s:%lu: duplicate doc_id '%s'\n", path, lineno, id);
			errors++;
			continue;
		}
		for (int k = 0; k < WS_META_N; k++)
			e->meta.v[k] = col[k] >= 0 ? ws_xstrdup(fields[col[k]]) : NULL;
		e->id_len = len;
		e->hash = h;
		m->n++;
	}
	if (lineno == 0) {
		fprintf(err, "%s: empty manifest: a header line is needed\n", path);
		errors++;
	}
	if (ferror(f)) {
		fprintf(err, "whosaid: cannot read manifest %s: %s\n", path, strerror(errno));
		errors++;
	}
	fclose(f);
	free(line);
	free(fields);
	for (int k = 0; k < WS_META_N; k++)
		free(names[k]);
	if (errors) {
		ws_manifest_free(m);
		return WS_ERR_DATA;
	}
	*out = m;
	return WS_OK;
}
