/* Cross-document speaker keys for `whosaid compare`: one normalised string per
 * speaker, so that "Bashar Assad", "Bashar al-Assad" and "President Assad", or
 * Zelensky, Zelenskiy and Zelenskyy, count as one person across documents and
 * outlets. Rules handle case, diacritics, titles, particles and common
 * transliteration endings; gazetteers/aliases/speakers.lst handles the rest. */
#ifndef WS_SPEAKERKEY_H
#define WS_SPEAKERKEY_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

/* The title words and aliases. Immutable after loading; free with
 * ws_speakerkey_free(). */
struct ws_speakerkey;

/* An empty key maker: folding, particles and spelling rules only. */
struct ws_speakerkey *ws_speakerkey_new(void);
void ws_speakerkey_free(struct ws_speakerkey *k);

/* Adds the words of every entry of a gazetteer list (title/heads.lst ...) as
 * title words, stripped from the front of a name; with single, only entries
 * of one word. Returns 0 or -1 when the file cannot be read. */
int ws_speakerkey_add_titles(struct ws_speakerkey *k, const char *path, int single);

/* Reads an alias file (`canonical|variant|variant`, `#` comments). Errors go
 * to err as file:line: message; returns 0 or -1 with the number of errors
 * reported. */
int ws_speakerkey_add_aliases(struct ws_speakerkey *k, const char *path, FILE *err);

/* Loads the title lists and gazetteers/aliases/speakers.lst under datadir.
 * Returns NULL (after saying why on err) when a file is missing or wrong. */
struct ws_speakerkey *ws_speakerkey_load(const char *datadir, FILE *err);

/* Writes the key of name (n bytes, UTF-8) to out, replacing its contents:
 * folded words joined by single spaces, or "" when nothing is left.
 * Returns the number of words in the key. */
size_t ws_speakerkey_make(const struct ws_speakerkey *k, const char *name, size_t n,
			  struct ws_buf *out);

/* 1 when name holds a proper name (a capitalised word that is not a title,
 * nationality or article: "President Assad", "the White House"), 0 for a
 * description ("the Syrian president", "officials"). */
int ws_speakerkey_is_named(const struct ws_speakerkey *k, const char *name, size_t n);

/* Case- and diacritic-folded words of s joined by single spaces (letters and
 * digits only) into out, replacing its contents. Returns the word count. */
size_t ws_fold_words(const char *s, size_t n, struct ws_buf *out);

#endif
