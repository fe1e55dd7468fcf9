/* Word lists: the small data files in rules/ that the tokenizer and the
 * first attribution path read (abbreviations, sentence starters, name
 * particles, pronouns, basic cues). A line is a word or phrase, then
 * optional TAB-separated fields; '#' starts a comment line. Lookup is exact
 * (case-sensitive) on the first field. */
#ifndef WS_WORDLIST_H
#define WS_WORDLIST_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define WS_WORDLIST_MAXF 4

struct ws_wordlist;

struct ws_word {
	const char *key;			/* first field */
	const char *f[WS_WORDLIST_MAXF];	/* further fields, NULL when absent */
	unsigned nf;
	unsigned line;				/* where it stands in its file */
};

/* Reads path. minf/maxf bound the number of fields after the key; allowed,
 * when not NULL, is a NULL-terminated list of the values field 1 may take.
 * Every bad line is reported to d; returns NULL when the file cannot be read
 * or had errors. */
struct ws_wordlist *ws_wordlist_load(const char *path, unsigned minf, unsigned maxf,
				     const char *const *allowed, struct ws_diag *d);
void ws_wordlist_free(struct ws_wordlist *wl);

/* The entry whose key is s[0..n), or NULL. */
const struct ws_word *ws_wordlist_get(const struct ws_wordlist *wl, const char *s, size_t n);

/* What ws_wordlist_get() asks first: the keys' lengths (bit 63: 63 or
 * more) and first two bytes (ws_wordfilter_pair()), and a bit per
 * ws_wordfilter_sample() of a key. A caller that asks about most tokens
 * of a document asks it inline, so that the many words it turns away cost
 * no call. */
struct ws_wordfilter {
	uint64_t lens;
	uint64_t pairs[64];
	uint64_t bloom[16];
};

/* The filter of wl, which lives as long as wl (NULL for NULL). */
const struct ws_wordfilter *ws_wordlist_filter(const struct ws_wordlist *wl);

/* A hash of a word's length and its first, middle and last bytes: cheap,
 * and words that share all four are few. n > 0. */
static inline size_t ws_wordfilter_sample(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t x = u[0] | (uint64_t)u[n / 2] << 8 | (uint64_t)u[n - 1] << 16 | (uint64_t)n << 24;
	return (size_t)((x * 0x9E3779B97F4A7C15ULL) >> 54);	/* 10 bits */
}

/* A word's first two bytes (the second 0 for a word of one byte), six
 * low bits of each: 12 bits, where letters of either case and of the same
 * pair are never two. n > 0. */
static inline size_t ws_wordfilter_pair(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t second = n > 1 ? u[1] : 0;
	return (size_t)(u[0] & 63) << 6 | (second & 63);
}

/* 0 when the list f filters holds no key s[0..n); 1 when it may. */
static inline int ws_wordfilter_may_hold(const struct ws_wordfilter *f, const char *s, size_t n)
{
	if (!(f->lens >> (n < 63 ? n : 63) & 1))
		return 0;
	if (n) {
		size_t p = ws_wordfilter_pair(s, n);
		if (!(f->pairs[p >> 6] >> (p & 63) & 1))
			return 0;
		size_t h = ws_wordfilter_sample(s, n);
		if (!(f->bloom[h >> 6] >> (h & 63) & 1))
			return 0;
	}
	return 1;
}
size_t ws_wordlist_count(const struct ws_wordlist *wl);

#endif
