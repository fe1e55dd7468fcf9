/* The tokenizer: splits a document into tokens (byte spans with a kind and a
 * shape), sentences and paragraphs in one linear pass plus one over tokens.
 * Quote marks become tokens of their own, with their family and direction
 * worked out from the glyph and its neighbours; apostrophes stay in words. */
#ifndef WS_TOKENIZE_H
#define WS_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct ws_wordlist;

enum ws_tok_kind {
	WS_TOK_WORD,
	WS_TOK_NUMBER,
	WS_TOK_PUNCT,		/* . , ; : ! ? ( ) ... and other symbols */
	WS_TOK_DASH,		/* a free-standing dash: -, --, en and em dashes */
	WS_TOK_QUOTE_OPEN,
	WS_TOK_QUOTE_CLOSE,
	WS_TOK_QUOTE_AMBIG,	/* a straight mark whose neighbours do not tell */
	WS_TOK_UNKNOWN,		/* a run of bytes that are not valid UTF-8 */
};

enum ws_shape {
	WS_SHAPE_LOWER,		/* xxxx */
	WS_SHAPE_CAP,		/* Xxxx, McCain, I */
	WS_SHAPE_UPPER,		/* XXXX */
	WS_SHAPE_MIXED,		/* xX: al-Assad, iPhone */
	WS_SHAPE_INITIAL,	/* X. */
	WS_SHAPE_ACRONYM,	/* X.X. (U.S., a.m.) */
	WS_SHAPE_DIGITS,	/* dd */
	WS_SHAPE_NUMBER,	/* d.d, d,ddd, d:dd */
	WS_SHAPE_ALNUM,		/* dx: 2nd, 1990s, '90s */
	WS_SHAPE_PUNCT,		/* anything else */
};

/* Token flags. */
#define WS_TF_SPACE_BEFORE 0x01	/* white space between this and the previous token */
#define WS_TF_NL_BEFORE    0x02	/* a line break between this and the previous token */
#define WS_TF_SENT_START   0x04
#define WS_TF_PARA_START   0x08
#define WS_TF_ABBREV       0x10	/* the token ends in an abbreviation's period */
#define WS_TF_ELLIPSIS     0x20
#define WS_TF_POSSESSIVE   0x40	/* a word ending in 's or s' (Clinton's, Sanders'; also it's) */

/* Abbreviation classes (rules/abbreviations.txt), kept in ws_token.abbrev. */
enum ws_abbrev_class {
	WS_AB_NONE,
	WS_AB_TITLE,	/* Mr. Dr. Gen.: never ends a sentence */
	WS_AB_INITIAL,	/* a capital letter and a period: W. */
	WS_AB_MONTH,	/* Jan. Sept.: ends a sentence only before a sentence starter */
	WS_AB_NUMBER,	/* No. Vol.: an abbreviation only before a number */
	WS_AB_COMMON,	/* Inc. U.S. etc.: ends a sentence before a sentence starter */
};

struct ws_token {
	uint32_t start, end;	/* byte span [start, end) in the original input */
	uint32_t sent, para;	/* indices of its sentence and paragraph */
	uint8_t kind;		/* enum ws_tok_kind */
	uint8_t shape;		/* enum ws_shape */
	uint8_t quote;		/* enum ws_qfamily for quote tokens, else 0 */
	uint8_t flags;		/* WS_TF_* */
	uint8_t abbrev;		/* enum ws_abbrev_class */
};

/* A run of tokens [first, last) covering bytes [start, end). */
struct ws_range {
	uint32_t first, last;
	uint32_t start, end;
};

struct ws_tokens {
	WS_VEC(struct ws_token) tok;
	WS_VEC(struct ws_range) sent;
	WS_VEC(struct ws_range) para;
	WS_VEC(uint32_t) ends;	/* the tokenizer's own: the tokens that may end a
				 * sentence (terminals, abbreviations), then
				 * the sentences' first tokens */
	WS_VEC(uint32_t) marks;	/* the quote marks' tokens (quote != 0), in order */
	WS_VEC(uint64_t) caps;	/* bit t % 64 of word t / 64: token t is a
				 * capitalised or mixed-case word (WS_SHAPE_CAP,
				 * WS_SHAPE_MIXED); n words cover the tokens */
};

/* The lists the tokenizer consults; any may be NULL (then nothing is an
 * abbreviation or a sentence starter beyond initials). */
struct ws_seglists {
	const struct ws_wordlist *abbrev;	/* key "Mr.", field 1 its class */
	const struct ws_wordlist *starters;	/* capitalised words that begin sentences */
};

/* Tokenizes text[0..len) (the caller has checked the encoding; invalid
 * bytes become WS_TOK_UNKNOWN tokens). A leading UTF-8 BOM is skipped.
 * out is reset first and keeps its memory between calls. Documents are
 * limited to 4 GiB by the 32-bit offsets; returns -1 past that, else 0. */
int ws_tokenize(const struct ws_seglists *lists, const char *text, size_t len,
		struct ws_tokens *out);

void ws_tokens_release(struct ws_tokens *t);

/* "Xxxx", "xxxx", "XXXX", "X." ... for output and rules. */
const char *ws_shape_name(enum ws_shape s);
const char *ws_tok_kind_name(enum ws_tok_kind k);

/* Parses an abbreviation class name; WS_AB_NONE when unknown. */
enum ws_abbrev_class ws_abbrev_class_parse(const char *name);
extern const char *const ws_abbrev_class_names[];

#endif
