/* Word lists: the small data files in rules/ that the tokenizer and the
 * first attribution path read (abbreviations, sentence starters, name
 * particles, pronouns, basic cues). A line is a word or phrase, then
 * optional TAB-separated fields; '#' starts a comment line. Lookup is exact
 * (case-sensitive) on the first field. */
#ifndef WS_WORDLIST_H
#define WS_WORDLIST_H

#include <stddef.h>

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
size_t ws_wordlist_count(const struct ws_wordlist *wl);

#endif
