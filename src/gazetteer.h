/* Gazetteers: the word and name lists under gazetteers/ (format in
 * gazetteers/README.md), loaded once into a read-only index, and the
 * longest-match lookup that turns a document's tokens into "Lookup"
 * annotations. Entries are tokenized with the document tokenizer, so an
 * entry and the text it should match split into the same tokens. */
#ifndef WS_GAZETTEER_H
#define WS_GAZETTEER_H

#include <stddef.h>
#include <stdio.h>

#include "annot.h"
#include "diag.h"
#include "symtab.h"
#include "tokenize.h"

/* The loaded lists and their index. Read-only after ws_gaz_load(), so any
 * number of threads may look up in it at once. */
struct ws_gaz;

/* Per-thread lookup state: key buffers and the Snowball stemmer (which is
 * not thread safe). One per document or thread; never shared. */
struct ws_gaz_scratch;

/* List flags (the FLAGS column of lists.def). */
#define WS_GAZ_FOLD      0x1	/* case-insensitive: utf8proc case folding */
#define WS_GAZ_STEM      0x2	/* match Snowball English stems of folded words */
#define WS_GAZ_AMBIGUOUS 0x4	/* every entry gets ambiguous=1 */

/* One list of lists.def. Strings are interned in the engine's symtab. */
struct ws_gaz_list {
	const char *file;	/* "person/surnames.lst", relative to gazetteers/ */
	const char *major;	/* "person" */
	const char *minor;	/* "surname" */
	const char *rule;	/* "gazetteer:person/surnames.lst", for ws_annot.rule */
	unsigned flags;		/* WS_GAZ_* */
	size_t entries;		/* entry lines */
	size_t forms;		/* surface forms (canonical + variants) */
};

/* The interned strings of a Lookup annotation's type and feature keys, for
 * pointer comparison with ws_annot_get(). */
struct ws_gaz_names {
	const char *lookup;	/* "Lookup": the annotation type */
	const char *major, *minor, *canonical, *list;	/* always present, in this order */
	const char *ambiguous;	/* "ambiguous" key and its value "1" */
	const char *one;
};

/* Loads root/dir/lists.def and every list it names. Diagnostics name files
 * as dir/FILE ("gazetteers/person/surnames.lst:14:3: empty variant"), all
 * errors of all files are reported to d, and then NULL is returned. seg is
 * the tokenizer's lists (may be NULL); every list name, type, key and value
 * is interned in syms, which must outlive the result. */
struct ws_gaz *ws_gaz_load(const char *root, const char *dir, const struct ws_seglists *seg,
			   struct ws_symtab *syms, struct ws_diag *d);
void ws_gaz_free(struct ws_gaz *g);

/* Gives every entry's annotations the class cls() returns for them
 * (ws_annot.cls); the engine does it once, with its rule set. cls() may
 * look at the annotation's type, rule, feature keys and the values of
 * the keys interned before ws_gaz_load() (as the rules' are): entries
 * alike in all that get the class of the first of them, asked once. */
void ws_gaz_classify(struct ws_gaz *g, uint32_t (*cls)(void *ctx, const struct ws_annot *a),
		     void *ctx);

size_t ws_gaz_nlists(const struct ws_gaz *g);
const struct ws_gaz_list *ws_gaz_list(const struct ws_gaz *g, size_t i);
const struct ws_gaz_names *ws_gaz_names(const struct ws_gaz *g);
size_t ws_gaz_entries(const struct ws_gaz *g);

/* One line per list ("  gazetteers/person/surnames.lst   20000 entries")
 * and a total line, for `whosaid check`. */
void ws_gaz_describe(const struct ws_gaz *g, FILE *out);

struct ws_gaz_scratch *ws_gaz_scratch_new(void);
void ws_gaz_scratch_free(struct ws_gaz_scratch *s);

/* Word keys: the next ws_gaz_lookup() with s writes, per token, into
 * keys (room for ntok, the tokens it will be given) a number that names
 * the token's bytes, or 0 for a token it gives none (most words of up to
 * 16 ASCII bytes get one, found in the lookup's cache of words). Returns
 * the keys' epoch, never 0: two tokens with one key of the same epoch
 * have the same bytes, so a later stage can remember what it worked out
 * of a word's bytes by its key, without reading or hashing them again. */
uint64_t ws_gaz_keys_into(struct ws_gaz_scratch *s, uint32_t *keys, size_t ntok);

/* Lookup options. */
#define WS_GAZ_ALL 0x1	/* every match, not only the longest at each start token */

/* Appends to out (not reset first) one Lookup annotation per match of a
 * list entry over the tokens tk of text. A match never crosses a sentence
 * start. By default, of the matches that start at one token only those of
 * the greatest length are kept: every list that has a form of that length
 * there gives one annotation ("Georgia": country and region). Results are
 * ordered by first token, then longer first, then lists.def order. Each
 * annotation's features point into g (major, minor, canonical, list, then
 * the entry's own features); its rule is the list's rule string. Time is
 * linear in the tokens (bounded by the longest form) and nothing is
 * allocated once the scratch and out have grown. g may be NULL (no lists):
 * nothing is appended. Returns the number of annotations appended. */
size_t ws_gaz_lookup(const struct ws_gaz *g, struct ws_gaz_scratch *s, const char *text,
		     const struct ws_tokens *tk, unsigned opts, ws_annot_vec *out);

#endif
