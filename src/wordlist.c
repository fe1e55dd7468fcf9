/* Word-list files for rules/ (see wordlist.h): parsed once at engine load
 * into a hash table that threads then share read-only. */
#include "wordlist.h"
#include "buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uthash.h>

struct entry {
	struct ws_word w;
	size_t klen;
	UT_hash_handle hh;
};

struct ws_wordlist {
	struct entry *table;
	char *text;		/* the file's bytes; keys and fields point into it */
	struct entry *pool;
	size_t n;
	/* most words asked about fail it, before any hashing of the whole
	 * word */
	struct ws_wordfilter filter;
	/* the entries again, by ws_hash_bytes() with open addressing, for
	 * lookups: cheaper than the table's hash, which loading keeps */
	struct entry **slots;
	size_t mask;
};

void ws_wordlist_free(struct ws_wordlist *wl)
{
	if (!wl)
		return;
	HASH_CLEAR(hh, wl->table);
	free(wl->slots);
	free(wl->pool);
	free(wl->text);
	free(wl);
}

static int allowed_value(const char *const *allowed, const char *v)
{
	for (; *allowed; allowed++)
		if (strcmp(*allowed, v) == 0)
			return 1;
	return 0;
}

struct ws_wordlist *ws_wordlist_load(const char *path, unsigned minf, unsigned maxf,
				     const char *const *allowed, struct ws_diag *d)
{
	size_t len = 0;
	char *text = ws_slurp(path, &len);
	if (!text) {
		ws_diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
		return NULL;
	}
	struct ws_wordlist *wl = ws_xcalloc(1, sizeof(*wl));
	wl->text = text;
	size_t lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	wl->pool = ws_xcalloc(lines, sizeof(struct entry));
	int errors0 = d->errors;
	unsigned lineno = 0;
	char *p = text, *end = text + len;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *eol = nl ? nl : end;
		lineno++;
		if (eol > p && eol[-1] == '\r')
			eol[-1] = '\0';
		*eol = '\0';
		char *line = p;
		p = nl ? nl + 1 : end;
		if (line[0] == '\0' || line[0] == '#')
			continue;
		struct entry *e = &wl->pool[wl->n];
		memset(e, 0, sizeof(*e));
		char *field = line;
		unsigned k = 0;
		int bad = 0;
		for (;;) {
			char *tab = strchr(field, '\t');
			if (tab)
				*tab = '\0';
			unsigned col = (unsigned)(field - line) + 1;
			if (*field == '\0') {
				ws_diag_error(d, path, lineno, col, "empty field %u", k + 1);
				bad = 1;
			} else if (field[0] == ' ' || field[strlen(field) - 1] == ' ') {
				ws_diag_error(d, path, lineno, col,
					      "field '%s' has leading or trailing spaces", field);
				bad = 1;
			}
			if (k == 0) {
				e->w.key = field;
			} else if (k - 1 < maxf && k - 1 < WS_WORDLIST_MAXF) {
				if (k == 1 && allowed && !bad && !allowed_value(allowed, field)) {
					ws_diag_error(d, path, lineno, col, "unknown value '%s'", field);
					bad = 1;
				}
				e->w.f[k - 1] = field;
			}
			k++;
			if (!tab)
				break;
			field = tab + 1;
		}
		e->w.nf = k - 1;
		e->w.line = lineno;
		if (!bad && (e->w.nf < minf || e->w.nf > maxf)) {
			ws_diag_error(d, path, lineno, 1, "expected %u to %u fields after '%s', found %u",
				      minf, maxf, e->w.key, e->w.nf);
			bad = 1;
		}
		if (bad)
			continue;
		struct entry *old = NULL;
		HASH_FIND_STR(wl->table, e->w.key, old);
		if (old) {
			ws_diag_error(d, path, lineno, 1, "duplicate entry '%s'", e->w.key);
			continue;
		}
		size_t klen = strlen(e->w.key);
		e->klen = klen;
		HASH_ADD_KEYPTR(hh, wl->table, e->w.key, klen, e);
		wl->filter.lens |= 1ULL << (klen < 63 ? klen : 63);
		if (klen) {
			size_t pr = ws_wordfilter_pair(e->w.key, klen);
			wl->filter.pairs[pr >> 6] |= 1ULL << (pr & 63);
			size_t h = ws_wordfilter_sample(e->w.key, klen);
			wl->filter.bloom[h >> 6] |= 1ULL << (h & 63);
		}
		wl->n++;
	}
	if (d->errors != errors0) {
		ws_wordlist_free(wl);
		return NULL;
	}
	size_t cap = 16;
	while (cap < wl->n * 2)
		cap *= 2;
	wl->slots = ws_xcalloc(cap, sizeof(*wl->slots));
	wl->mask = cap - 1;
	for (struct entry *e = wl->table; e; e = e->hh.next) {
		size_t i = (size_t)ws_hash_bytes(e->w.key, e->klen) & wl->mask;
		while (wl->slots[i])
			i = (i + 1) & wl->mask;
		wl->slots[i] = e;
	}
	return wl;
}

/* ws_wordlist_get() past the filters. Out of line, so that the many
 * words the filters turn away cost no saved registers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static const struct ws_word *find(const struct ws_wordlist *wl, const char *s, size_t n)
{
	struct entry *e = NULL;
	for (size_t i = (size_t)ws_hash_bytes(s, n) & wl->mask; (e = wl->slots[i]);
	     i = (i + 1) & wl->mask)
		if (e->klen == n && memcmp(e->w.key, s, n) == 0)
			return &e->w;
	return NULL;
}

const struct ws_word *ws_wordlist_get(const struct ws_wordlist *wl, const char *s, size_t n)
{
	if (!wl || !ws_wordfilter_may_hold(&wl->filter, s, n))
		return NULL;
	return find(wl, s, n);
}

const struct ws_wordfilter *ws_wordlist_filter(const struct ws_wordlist *wl)
{
	return wl ? &wl->filter : NULL;
}

size_t ws_wordlist_count(const struct ws_wordlist *wl)
{
	return wl ? wl->n : 0;
}
