/* Speaker keys across documents (see speakerkey.h): fold, split into words,
 * drop particles and leading titles, regularise transliterated endings, then
 * map through the curated aliases. */
#include "speakerkey.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <uthash.h>

struct word {
	char *s;
	char *val;		/* alias target; NULL in word sets */
	UT_hash_handle hh;
};

struct ws_speakerkey {
	struct word *titles;	/* folded title, nationality and article words */
	struct word *aliases;	/* key of a variant -> key of its canonical name */
};

static void set_put(struct word **set, const char *s, size_t n, const char *val)
{
	struct word *w;
	HASH_FIND(hh, *set, s, n, w);
	if (w)
		return;
	w = ws_xcalloc(1, sizeof(*w));
	w->s = ws_xstrndup(s, n);
	w->val = val ? ws_xstrdup(val) : NULL;
	HASH_ADD_KEYPTR(hh, *set, w->s, n, w);
}

static const struct word *set_get(const struct word *set, const char *s, size_t n)
{
	struct word *w;
	HASH_FIND(hh, set, s, n, w);
	return w;
}

static void set_free(struct word **set)
{
	struct word *w, *tmp;
	HASH_ITER(hh, *set, w, tmp) {
		HASH_DEL(*set, w);
		free(w->s);
		free(w->val);
		free(w);
	}
}

struct ws_speakerkey *ws_speakerkey_new(void)
{
	static const char *const base[] = { "the", "a", "an", "mr", "mrs", "ms", "miss", "dr",
					    "sir", "madam", "former", "late", NULL };
	struct ws_speakerkey *k = ws_xcalloc(1, sizeof(*k));
	for (int i = 0; base[i]; i++)
		set_put(&k->titles, base[i], strlen(base[i]), NULL);
	return k;
}

void ws_speakerkey_free(struct ws_speakerkey *k)
{
	if (!k)
		return;
	set_free(&k->titles);
	set_free(&k->aliases);
	free(k);
}

/* Folds s (case, diacritics, compatibility forms) into a new string; bytes
 * that are not UTF-8 fall back to ASCII lower case. */
static char *fold(const char *s, size_t n)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
					  UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
					  UTF8PROC_STRIPMARK);
	if (r >= 0)
		return (char *)dst;
	char *out = ws_xstrndup(s, n);
	for (size_t i = 0; i < n; i++)
		out[i] = (unsigned char)out[i] < 0x80 ? (char)tolower((unsigned char)out[i]) : ' ';
	return out;
}

static int is_word_cp(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

/* A word of a name: its folded text and whether a hyphen follows it. */
struct tok {
	const char *s;
	size_t n;
	int hyphen;
	int upper;		/* capitalised in the original */
};

struct toks {
	struct tok *v;
	size_t n, cap;
};

/* Splits folded text f into words. Folding keeps word boundaries where the
 * original had them, so capitalisation is read from orig word by word. */
static size_t split(const char *f, const char *orig, size_t olen, struct toks *out)
{
	size_t len = strlen(f), i = 0, oi = 0;
	out->n = 0;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)f + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0) {
			i++;
			continue;
		}
		if (!is_word_cp(cp)) {
			i += (size_t)k;
			continue;
		}
		size_t start = i;
		while (i < len) {
			k = utf8proc_iterate((const utf8proc_uint8_t *)f + i,
					     (utf8proc_ssize_t)(len - i), &cp);
			if (k <= 0 || !is_word_cp(cp))
				break;
			i += (size_t)k;
		}
		struct tok t = { f + start, i - start, f[i] == '-', 0 };
		/* the matching word in the original, for its capital */
		while (oi < olen) {
			utf8proc_int32_t oc;
			utf8proc_ssize_t ok = utf8proc_iterate((const utf8proc_uint8_t *)orig + oi,
							       (utf8proc_ssize_t)(olen - oi), &oc);
			if (ok <= 0) {
				oi++;
				continue;
			}
			if (is_word_cp(oc)) {
				t.upper = utf8proc_category(oc) == UTF8PROC_CATEGORY_LU ||
					  utf8proc_category(oc) == UTF8PROC_CATEGORY_LT;
				while (oi < olen) {
					ok = utf8proc_iterate((const utf8proc_uint8_t *)orig + oi,
							      (utf8proc_ssize_t)(olen - oi), &oc);
					if (ok <= 0 || !is_word_cp(oc))
						break;
					oi += (size_t)ok;
				}
				break;
			}
			oi += (size_t)ok;
		}
		WS_VEC_PUSH(*out, t);
	}
	return out->n;
}

size_t ws_fold_words(const char *s, size_t n, struct ws_buf *out)
{
	char *f = fold(s, n);
	struct toks t = { 0 };
	split(f, s, n, &t);
	ws_buf_reset(out);
	for (size_t i = 0; i < t.n; i++) {
		if (i)
			ws_buf_addc(out, ' ');
		ws_buf_add(out, t.v[i].s, t.v[i].n);
	}
	ws_buf_grow(out, 0);
	size_t words = t.n;
	WS_VEC_FREE(t);
	free(f);
	return words;
}

static int ends(const struct ws_buf *b, size_t from, const char *suf)
{
	size_t n = strlen(suf);
	return b->len - from >= n + 3 && memcmp(b->data + b->len - n, suf, n) == 0;
}

/* Transliteration endings of Slavic and Arabic names written several ways:
 * Zelenskiy, Zelenskyy, Zelenskii, Zelenskij -> zelensky. */
static void respell(struct ws_buf *b, size_t from)
{
	if (ends(b, from, "yy") || ends(b, from, "iy") || ends(b, from, "ij") ||
	    ends(b, from, "ii")) {
		b->len -= 2;
		ws_buf_addc(b, 'y');
	}
}

/* The key before aliases. */
static size_t raw_key(const struct ws_speakerkey *k, const char *name, size_t n,
		      struct ws_buf *out)
{
	char *f = fold(name, n);
	struct toks t = { 0 };
	split(f, name, n, &t);
	size_t first = 0;
	/* titles only in front, and never the last word: "President Assad",
	 * "Syrian Foreign Minister Walid Muallem", but "King" alone stays */
	while (first + 1 < t.n && set_get(k->titles, t.v[first].s, t.v[first].n))
		first++;
	ws_buf_reset(out);
	size_t words = 0;
	for (size_t i = first; i < t.n; i++) {
		const struct tok *w = &t.v[i];
		int particle = w->n == 2 && (memcmp(w->s, "al", 2) == 0 || memcmp(w->s, "el", 2) == 0);
		/* al-Assad, el-Sisi; "Al Gore" keeps its first name */
		if (particle && i + 1 < t.n && (w->hyphen || i > first))
			continue;
		if (words++)
			ws_buf_addc(out, ' ');
		size_t from = out->len;
		ws_buf_add(out, w->s, w->n);
		respell(out, from);
	}
	ws_buf_grow(out, 0);
	WS_VEC_FREE(t);
	free(f);
	return words;
}

size_t ws_speakerkey_make(const struct ws_speakerkey *k, const char *name, size_t n,
			  struct ws_buf *out)
{
	size_t words = raw_key(k, name, n, out);
	const struct word *a = set_get(k->aliases, out->data, out->len);
	if (a) {
		ws_buf_reset(out);
		ws_buf_adds(out, a->val);
		words = 1;
		for (const char *p = a->val; *p; p++)
			words += *p == ' ';
	}
	return words;
}

int ws_speakerkey_is_named(const struct ws_speakerkey *k, const char *name, size_t n)
{
	char *f = fold(name, n);
	struct toks t = { 0 };
	split(f, name, n, &t);
	int named = 0;
	for (size_t i = 0; i < t.n && !named; i++)
		named = t.v[i].upper && !set_get(k->titles, t.v[i].s, t.v[i].n);
	WS_VEC_FREE(t);
	free(f);
	return named;
}

int ws_speakerkey_add_titles(struct ws_speakerkey *k, const char *path, int single)
{
	size_t textlen;
	char *text = ws_slurp(path, &textlen);
	if (!text)
		return -1;
	struct ws_buf fw = WS_BUF_INIT;
	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (*line == '#')
			continue;
		char *tab = strchr(line, '\t');
		if (tab)
			*tab = '\0';
		for (char *v = line, *nb; v; v = nb) {
			nb = strchr(v, '|');
			if (nb)
				*nb++ = '\0';
			if (ws_fold_words(v, strlen(v), &fw) > 1 && single)
				continue;
			for (char *w = fw.data, *sp; w && *w; w = sp ? sp + 1 : NULL) {
				sp = strchr(w, ' ');
				set_put(&k->titles, w, sp ? (size_t)(sp - w) : strlen(w), NULL);
			}
		}
	}
	ws_buf_release(&fw);
	free(text);
	return 0;
}

int ws_speakerkey_add_aliases(struct ws_speakerkey *k, const char *path, FILE *err)
{
	size_t textlen;
	char *text = ws_slurp(path, &textlen);
	if (!text) {
		if (err)
			fprintf(err, "%s: cannot read: %s\n", path, strerror(errno));
		return -1;
	}
	struct ws_buf canon = WS_BUF_INIT, var = WS_BUF_INIT;
	int errors = 0;
	unsigned lineno = 0;
	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		size_t len = strlen(line);
		if (len && line[len - 1] == '\r')
			line[--len] = '\0';
		if (*line == '#' || strspn(line, " \t") == len)
			continue;
		char *bar = strchr(line, '|');
		if (!bar) {
			if (err)
				fprintf(err, "%s:%u: no variant: write canonical|variant|variant\n",
					path, lineno);
			errors++;
			continue;
		}
		*bar = '\0';
		if (raw_key(k, line, strlen(line), &canon) == 0) {
			if (err)
				fprintf(err, "%s:%u: empty canonical name\n", path, lineno);
			errors++;
			continue;
		}
		for (char *v = bar + 1, *nb; v; v = nb) {
			nb = strchr(v, '|');
			if (nb)
				*nb++ = '\0';
			if (raw_key(k, v, strlen(v), &var) == 0) {
				if (err)
					fprintf(err, "%s:%u: empty variant\n", path, lineno);
				errors++;
				continue;
			}
			const struct word *old = set_get(k->aliases, var.data, var.len);
			if (old && strcmp(old->val, canon.data) != 0) {
				if (err)
					fprintf(err, "%s:%u: variant '%s' already belongs to '%s'\n",
						path, lineno, v, old->val);
				errors++;
				continue;
			}
			if (strcmp(var.data, canon.data) != 0)
				set_put(&k->aliases, var.data, var.len, canon.data);
		}
	}
	ws_buf_release(&canon);
	ws_buf_release(&var);
	free(text);
	return errors ? -1 : 0;
}

struct ws_speakerkey *ws_speakerkey_load(const char *datadir, FILE *err)
{
	static const char *const lists[] = { "title/honorifics.lst", "title/heads.lst",
					     "title/modifiers.lst", "place/demonyms.lst", NULL };
	struct ws_speakerkey *k = ws_speakerkey_new();
	char path[4096];
	for (int i = 0; lists[i]; i++) {
		snprintf(path, sizeof(path), "%s/gazetteers/%s", datadir, lists[i]);
		/* nationalities only as one word: "Saint Martin" must not strip Martin */
		if (ws_speakerkey_add_titles(k, path, i == 3) != 0) {
			if (err)
				fprintf(err, "%s: cannot read: %s\n", path, strerror(errno));
			ws_speakerkey_free(k);
			return NULL;
		}
	}
	snprintf(path, sizeof(path), "%s/gazetteers/aliases/speakers.lst", datadir);
	if (ws_speakerkey_add_aliases(k, path, err) != 0) {
		ws_speakerkey_free(k);
		return NULL;
	}
	return k;
}
