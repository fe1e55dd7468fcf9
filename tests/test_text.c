/* The text layer: UTF-8 decoding that never shifts offsets, and the
 * character classes the tokenizer relies on. */
#include <criterion/criterion.h>
#include <string.h>

#include "text.h"

static uint32_t dec(const char *s, size_t len, size_t *n)
{
	uint32_t cp;
	*n = ws_utf8_next((const unsigned char *)s, len, 0, &cp);
	return cp;
}

Test(text, decodes_valid_sequences)
{
	size_t n;
	cr_assert_eq(dec("A", 1, &n), 'A');
	cr_assert_eq(n, 1);
	cr_assert_eq(dec("\xC3\xA9", 2, &n), 0xE9);
	cr_assert_eq(n, 2);
	cr_assert_eq(dec("\xE2\x80\x9C", 3, &n), 0x201C);
	cr_assert_eq(n, 3);
	cr_assert_eq(dec("\xF0\x9F\x98\x80", 4, &n), 0x1F600);
	cr_assert_eq(n, 4);
}

Test(text, invalid_bytes_consume_one_byte)
{
	size_t n;
	/* overlong "/", a surrogate, past U+10FFFF, stray continuation, truncated */
	const char *bad[] = { "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xE2\x80" };
	size_t lens[] = { 2, 3, 4, 1, 2 };
	for (size_t i = 0; i < 5; i++) {
		cr_assert_eq(dec(bad[i], lens[i], &n), WS_CP_INVALID, "case %zu", i);
		cr_assert_eq(n, 1, "case %zu", i);
	}
}

Test(text, classes_of_spaces_dashes_and_invisibles)
{
	cr_assert_eq(ws_cclass(0xA0), WS_C_SPACE);	/* NBSP */
	cr_assert_eq(ws_cclass(0x2009), WS_C_SPACE);	/* thin space */
	cr_assert_eq(ws_cclass(0x202F), WS_C_SPACE);
	cr_assert_eq(ws_cclass('\r'), WS_C_NEWLINE);
	cr_assert_eq(ws_cclass(0x2028), WS_C_NEWLINE);
	cr_assert_eq(ws_cclass(0x2029), WS_C_PARASEP);
	cr_assert_eq(ws_cclass(0xAD), WS_C_IGNORE);	/* soft hyphen */
	cr_assert_eq(ws_cclass(0x200B), WS_C_IGNORE);
	cr_assert_eq(ws_cclass(0x2014), WS_C_DASH);
	cr_assert_eq(ws_cclass(0x2013), WS_C_DASH);
	cr_assert_eq(ws_cclass(0x2212), WS_C_DASH);
	cr_assert_eq(ws_cclass(0xC9), WS_C_UPPER);
	cr_assert_eq(ws_cclass(0x0101), WS_C_LOWER);
	cr_assert_eq(ws_cclass(0x0661), WS_C_DIGIT);	/* Arabic-Indic one */
	cr_assert_eq(ws_cclass(0), WS_C_CONTROL);
	cr_assert_eq(ws_cclass(WS_CP_INVALID), WS_C_INVALID);
}

Test(text, quote_marks_by_glyph)
{
	struct { uint32_t cp; int fam, dir; } c[] = {
		{ '"', WS_Q_DOUBLE, WS_QD_AMBIG }, { '\'', WS_Q_SINGLE, WS_QD_AMBIG },
		{ 0x201C, WS_Q_DOUBLE, WS_QD_OPEN }, { 0x201D, WS_Q_DOUBLE, WS_QD_CLOSE },
		{ 0x2018, WS_Q_SINGLE, WS_QD_OPEN }, { 0x2019, WS_Q_SINGLE, WS_QD_CLOSE },
		{ 0xAB, WS_Q_DOUBLE, WS_QD_OPEN }, { 0xBB, WS_Q_DOUBLE, WS_QD_CLOSE },
		{ 0x2039, WS_Q_SINGLE, WS_QD_OPEN }, { 0x203A, WS_Q_SINGLE, WS_QD_CLOSE },
		{ 0x201E, WS_Q_DOUBLE, WS_QD_OPEN }, { 0x201A, WS_Q_SINGLE, WS_QD_OPEN },
		{ 0x2033, WS_Q_DOUBLE, WS_QD_AMBIG }, { 0x2032, WS_Q_SINGLE, WS_QD_AMBIG },
	};
	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		struct ws_qmark q = ws_quote_mark(c[i].cp);
		cr_assert_eq(q.family, c[i].fam, "U+%04X family", c[i].cp);
		cr_assert_eq(q.dir, c[i].dir, "U+%04X direction", c[i].cp);
	}
	cr_assert_eq(ws_quote_mark('a').family, WS_Q_NONE);
}

Test(text, scan_detects_bom_and_encodings)
{
	struct ws_text_scan s;
	ws_text_scan("\xEF\xBB\xBFhi", 5, &s);
	cr_assert_eq(s.encoding, WS_ENC_UTF8);
	cr_assert_eq(s.bom, 3);
	ws_text_scan("\xFF\xFEh\0i\0", 6, &s);
	cr_assert_eq(s.encoding, WS_ENC_UTF16LE);
	ws_text_scan("\xFE\xFF\0h", 4, &s);
	cr_assert_eq(s.encoding, WS_ENC_UTF16BE);
	ws_text_scan("a\0b\xC0z", 5, &s);
	cr_assert_eq(s.nul, 1);
	cr_assert_eq(s.invalid, 1);
	cr_assert_eq(s.chars, 5);
}

Test(text, possessive_endings)
{
	static const struct { const char *w; size_t len; } cases[] = {
		{ "Trump's", 5 }, { "Trump\xE2\x80\x99s", 5 }, { "TRUMP'S", 5 },
		{ "Sanders'", 7 }, { "Sanders\xE2\x80\x99", 7 }, { "it's", 2 },
		{ "its", 3 }, { "s", 1 }, { "'s", 2 }, { "says", 4 }, { "Jones", 5 },
		{ "x\xE2\x80\x99", 4 }, { "\xE2\x80\x99s", 4 }, { "", 0 },
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		cr_assert_eq(ws_possessive_len(cases[k].w, strlen(cases[k].w)), cases[k].len,
			     "%s", cases[k].w);
}

/* The scan's counts as a byte-by-byte reading gives them, for texts of
 * every length up to 40 with an odd byte (a control, the last of them, a
 * NUL, a tab, a two-byte character, invalid bytes, DEL) at every place. */
static void model_scan(const char *s, size_t len, struct ws_text_scan *m)
{
	const unsigned char *u = (const unsigned char *)s;
	memset(m, 0, sizeof(*m));
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = ws_utf8_next(u, len, i, &cp);
		if (cp == WS_CP_INVALID)
			m->invalid++;
		else if (cp == 0)
			m->nul++;
		else if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f' &&
			 cp != '\v')
			m->controls++;
		m->chars++;
		i += k;
	}
}

Test(text, scan_counts_odd_bytes_anywhere)
{
	static const char *const odd[] = { "\x01", "\0", "\t", "\xC3\xA9", "\xFF", "\x7F", "\n",
					   "\x1F", "\x80" };
	char t[48];
	for (size_t len = 1; len <= 40; len++) {
		for (size_t at = 0; at < len; at++) {
			for (size_t o = 0; o < sizeof(odd) / sizeof(odd[0]); o++) {
				size_t m = odd[o][0] ? strlen(odd[o]) : 1;
				if (at + m > len)
					continue;
				for (size_t k = 0; k < len; k++)
					t[k] = (char)('a' + k % 26);
				memcpy(t + at, odd[o], m);
				struct ws_text_scan got, want;
				ws_text_scan(t, len, &got);
				model_scan(t, len, &want);
				cr_assert_eq(got.chars, want.chars, "len %zu at %zu odd %zu", len, at, o);
				cr_assert_eq(got.invalid, want.invalid, "len %zu at %zu odd %zu", len, at, o);
				cr_assert_eq(got.nul, want.nul, "len %zu at %zu odd %zu", len, at, o);
				cr_assert_eq(got.controls, want.controls, "len %zu at %zu odd %zu", len, at,
					     o);
			}
		}
	}
}
