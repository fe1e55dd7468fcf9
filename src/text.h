/* The text layer: UTF-8 decoding that never shifts byte offsets, and the
 * character classes the tokenizer needs (spaces, line breaks, dashes, quote
 * marks, letters). Offsets are always byte offsets into the original input. */
#ifndef WS_TEXT_H
#define WS_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Returned for a byte that does not start a valid UTF-8 sequence (overlong
 * forms, surrogates, code points past U+10FFFF, stray continuation bytes and
 * sequences cut short). It is not a code point, so it cannot be confused with
 * a U+FFFD that was really in the text. */
#define WS_CP_INVALID 0xFFFFFFFFu

/* Decodes the code point at s[i] (i < len) into *cp and returns its length in
 * bytes, at least 1. An invalid sequence gives WS_CP_INVALID and length 1, so
 * the caller resynchronises on the next byte. */
size_t ws_utf8_next(const unsigned char *s, size_t len, size_t i, uint32_t *cp);

/* Encodes cp (a valid scalar value) into out, returns its length (1-4). */
size_t ws_utf8_put(uint32_t cp, char out[4]);

enum ws_cclass {
	WS_C_OTHER,	/* symbols and punctuation not listed below */
	WS_C_SPACE,	/* horizontal space: tab, space, NBSP, the U+2000 spaces ... */
	WS_C_NEWLINE,	/* LF, CR, VT, FF, NEL, U+2028 */
	WS_C_PARASEP,	/* U+2029: always ends a paragraph */
	WS_C_IGNORE,	/* invisible: soft hyphen, zero-width joiners, BOM inside text */
	WS_C_CONTROL,	/* other C0/C1 controls, NUL among them: a separator */
	WS_C_UPPER,	/* letters Lu, Lt */
	WS_C_LOWER,	/* letters Ll */
	WS_C_LETTER,	/* other letters (Lm, Lo) and combining marks */
	WS_C_DIGIT,	/* decimal digits Nd */
	WS_C_DASH,	/* hyphen-minus, the Unicode hyphens and dashes, minus sign */
	WS_C_QUOTE,	/* a quote mark; see ws_quote_mark() */
	WS_C_INVALID,	/* WS_CP_INVALID */
};

enum ws_cclass ws_cclass(uint32_t cp);

/* The classes of the ASCII characters, for the hot loops. */
extern const unsigned char ws_ascii_class[128];

static inline enum ws_cclass ws_cclass_fast(uint32_t cp)
{
	return cp < 128 ? (enum ws_cclass)ws_ascii_class[cp] : ws_cclass(cp);
}

/* Quote marks. family says which closer can pair with which opener; dir is
 * the mark's direction where the glyph alone tells it. */
enum ws_qfamily { WS_Q_NONE = 0, WS_Q_DOUBLE = 1, WS_Q_SINGLE = 2 };
enum ws_qdir { WS_QD_OPEN = 1, WS_QD_CLOSE = 2, WS_QD_AMBIG = 3 };

struct ws_qmark {
	uint8_t family;	/* enum ws_qfamily */
	uint8_t dir;	/* enum ws_qdir */
	uint8_t apos;	/* the glyph doubles as an apostrophe: ' and U+2019 */
};

/* Describes cp as a quote mark; family is WS_Q_NONE when it is not one. */
struct ws_qmark ws_quote_mark(uint32_t cp);

/* Length of a leading byte-order mark: 3 for UTF-8, 0 when there is none. */
size_t ws_bom_len(const char *s, size_t len);

/* The length of word s[0..len) without a possessive ending: Trump's,
 * Trump’s, Sanders', Sanders’ (the tokenizer keeps the ending in the word);
 * len when there is none. */
size_t ws_possessive_len_of(const char *s, size_t len);

/* Nonzero when a byte of v is not printable ASCII (below 0x20, or 0x7F
 * and above), and no more: a byte below 0x20 borrows into its high bit,
 * 0x7F carries into it, one of 0x80 or more has it, and a borrow or carry
 * that runs on into the next byte comes only from such a byte. */
static inline uint64_t ws_unprintable8(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101ULL;
	return ((v - ones * 0x20) | (v + ones) | v) & ones * 0x80;
}

/* ws_possessive_len_of(), inline for most words: an ending is s, S, ' or
 * the last byte of ’, and a word that ends otherwise has none. */
static inline size_t ws_possessive_len(const char *s, size_t len)
{
	unsigned char last = len ? (unsigned char)s[len - 1] : 0;
	if (last != 's' && last != 'S' && last != '\'' && last != 0x99)
		return len;
	return ws_possessive_len_of(s, len);
}

/* What a document's bytes look like before any parsing. */
enum ws_encoding {
	WS_ENC_UTF8,	/* UTF-8 (or ASCII), with or without a BOM */
	WS_ENC_UTF16LE,	/* starts with FF FE */
	WS_ENC_UTF16BE,	/* starts with FE FF */
	WS_ENC_UTF32LE,
	WS_ENC_UTF32BE,
};

struct ws_text_scan {
	enum ws_encoding encoding;
	size_t bom;		/* bytes of BOM to skip */
	size_t invalid;		/* bytes that are not valid UTF-8 */
	size_t nul;		/* NUL bytes */
	size_t controls;	/* other control bytes, not counting tab, LF, CR, FF, VT */
	size_t chars;		/* decoded characters, invalid bytes included */
};

/* One linear pass that classifies a document's bytes. */
void ws_text_scan(const char *s, size_t len, struct ws_text_scan *out);

#endif
