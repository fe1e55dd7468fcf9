/* UTF-8 decoding and character classes (see text.h). ASCII is decided by a
 * table; everything else goes through utf8proc's Unicode categories. */
#include "text.h"

#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

size_t ws_utf8_next(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
	unsigned c = s[i];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t n;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; v = c & 0x07; min = 0x10000;
	} else {
		*cp = WS_CP_INVALID;
		return 1;
	}
	if (len - i < n) {
		*cp = WS_CP_INVALID;
		return 1;
	}
	for (size_t k = 1; k < n; k++) {
		unsigned cc = s[i + k];
		if ((cc & 0xC0) != 0x80) {
			*cp = WS_CP_INVALID;
			return 1;
		}
		v = (v << 6) | (cc & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = WS_CP_INVALID;
		return 1;
	}
	*cp = v;
	return n;
}

size_t ws_utf8_put(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

#define S WS_C_SPACE
#define N WS_C_NEWLINE
#define C WS_C_CONTROL
#define U WS_C_UPPER
#define L WS_C_LOWER
#define D WS_C_DIGIT
#define O WS_C_OTHER
/* The same classes as ascii_class(), as a table: the tokenizer asks for
 * one class per byte. */
const unsigned char ws_ascii_class[128] = {
	C, C, C, C, C, C, C, C, C, S, N, N, N, N, C, C,		/* NUL .. SI: tab, LF VT FF CR */
	C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
	S, O, WS_C_QUOTE, O, O, O, O, WS_C_QUOTE, O, O, O, O, O, WS_C_DASH, O, O, /* space ! " ... ' ... - */
	D, D, D, D, D, D, D, D, D, D, O, O, O, O, O, O,
	O, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
	U, U, U, U, U, U, U, U, U, U, U, O, O, O, O, O,
	O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, C,	/* ... DEL */
};
#undef S
#undef N
#undef C
#undef U
#undef L
#undef D
#undef O

enum ws_cclass ws_cclass(uint32_t cp)
{
	if (cp < 0x80)
		return (enum ws_cclass)ws_ascii_class[cp];
	if (cp == WS_CP_INVALID)
		return WS_C_INVALID;
	switch (cp) {
	case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
		return WS_C_SPACE;
	case 0x0085: case 0x2028:
		return WS_C_NEWLINE;
	case 0x2029:
		return WS_C_PARASEP;
	case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
		return WS_C_IGNORE;
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
		return WS_C_DASH;
	default:
		break;
	}
	if (cp >= 0x2000 && cp <= 0x200A)
		return WS_C_SPACE;
	if (ws_quote_mark(cp).family != WS_Q_NONE)
		return WS_C_QUOTE;
	if (cp < 0xA0)
		return WS_C_CONTROL;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return WS_C_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return WS_C_LOWER;
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return WS_C_LETTER;
	case UTF8PROC_CATEGORY_ND:
		return WS_C_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
		return WS_C_SPACE;
	case UTF8PROC_CATEGORY_CF:
		return WS_C_IGNORE;
	case UTF8PROC_CATEGORY_CC:
		return WS_C_CONTROL;
	default:
		return WS_C_OTHER;
	}
}

struct ws_qmark ws_quote_mark(uint32_t cp)
{
	struct ws_qmark q = { WS_Q_NONE, 0, 0 };
	switch (cp) {
	case '"': case 0x2033: case 0xFF02:	/* straight, double prime, fullwidth */
		q.family = WS_Q_DOUBLE; q.dir = WS_QD_AMBIG; break;
	case '\'': case 0x2032:			/* straight single, prime */
		q.family = WS_Q_SINGLE; q.dir = WS_QD_AMBIG; q.apos = cp == '\''; break;
	case 0x201C: case 0x201E: case 0x201F: case 0x00AB: case 0x301D:
		q.family = WS_Q_DOUBLE; q.dir = WS_QD_OPEN; break;
	case 0x201D: case 0x00BB: case 0x301E: case 0x301F:
		q.family = WS_Q_DOUBLE; q.dir = WS_QD_CLOSE; break;
	case 0x2018: case 0x201A: case 0x201B: case 0x2039:
		q.family = WS_Q_SINGLE; q.dir = WS_QD_OPEN; break;
	case 0x2019:
		q.family = WS_Q_SINGLE; q.dir = WS_QD_CLOSE; q.apos = 1; break;
	case 0x203A:
		q.family = WS_Q_SINGLE; q.dir = WS_QD_CLOSE; break;
	default:
		break;
	}
	return q;
}

size_t ws_possessive_len_of(const char *s, size_t len)
{
	static const char rsq[] = "\xe2\x80\x99";	/* ’ */
	if (len > 3 && (s[len - 1] == 's' || s[len - 1] == 'S') && s[len - 2] == '\'')
		return len - 2;
	if (len > 5 && (s[len - 1] == 's' || s[len - 1] == 'S') &&
	    memcmp(s + len - 4, rsq, 3) == 0)
		return len - 4;
	if (len > 3 && s[len - 1] == '\'' && (s[len - 2] == 's' || s[len - 2] == 'S'))
		return len - 1;
	if (len > 5 && (s[len - 4] == 's' || s[len - 4] == 'S') &&
	    memcmp(s + len - 3, rsq, 3) == 0)
		return len - 3;
	return len;
}

size_t ws_bom_len(const char *s, size_t len)
{
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		return 3;
	return 0;
}

/* Where the run of bytes from u[j] that the scan need not look at one by
 * one ends: printable ASCII (none < 0x20 nor >= 0x7F; DEL may pass too,
 * see below). A document is mostly such runs, broken at line ends and at
 * the odd curly quote. */
static size_t printable_end(const unsigned char *u, size_t j, size_t len)
{
#if defined(__SSE2__)
	/* sixteen bytes a round, and the first that is not printable from
	 * the mask of those that are: no byte loop to find it. DEL passes
	 * here (the scan counts it as one character, as it does a letter),
	 * not in the rounds below: either way the counts are the same */
	const __m128i below = _mm_set1_epi8(0x1F);
	while (j + 16 <= len) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + j));
		/* a signed compare: bytes >= 0x80 are below 0x1F too */
		__m128i ok = _mm_cmpgt_epi8(x, below);
		unsigned bad = (unsigned)_mm_movemask_epi8(ok) ^ 0xFFFFu;
		if (bad)
			return j + (size_t)__builtin_ctz(bad);
		j += 16;
	}
#else
	/* sixteen bytes a round while they last */
	while (j + 16 <= len) {
		uint64_t v, w;
		memcpy(&v, u + j, 8);
		memcpy(&w, u + j + 8, 8);
		if (ws_unprintable8(v) | ws_unprintable8(w))
			break;
		j += 16;
	}
#endif
	/* then eight, then one */
	while (j + 8 <= len) {
		uint64_t v;
		memcpy(&v, u + j, 8);
		if (ws_unprintable8(v))
			break;
		j += 8;
	}
	while (j < len && u[j] >= 0x20 && u[j] < 0x7F)
		j++;
	return j;
}

void ws_text_scan(const char *s, size_t len, struct ws_text_scan *out)
{
	const unsigned char *u = (const unsigned char *)s;
	memset(out, 0, sizeof(*out));
	out->encoding = WS_ENC_UTF8;
	if (len >= 4 && memcmp(s, "\xFF\xFE\0\0", 4) == 0) {
		out->encoding = WS_ENC_UTF32LE;
		out->bom = 4;
	} else if (len >= 4 && memcmp(s, "\0\0\xFE\xFF", 4) == 0) {
		out->encoding = WS_ENC_UTF32BE;
		out->bom = 4;
	} else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		out->encoding = WS_ENC_UTF16LE;
		out->bom = 2;
	} else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		out->encoding = WS_ENC_UTF16BE;
		out->bom = 2;
	} else {
		out->bom = ws_bom_len(s, len);
	}
	if (out->encoding != WS_ENC_UTF8)
		return;
	size_t i = out->bom;
	while (i < len) {
		/* printable ASCII in bulk: counted, nothing else to check */
		size_t j = printable_end(u, i, len);
		out->chars += j - i;
		i = j;
		if (i >= len)
			break;
		unsigned c = u[i];
		if (c < 0x80) {
			if (c == 0)
				out->nul++;
			else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
				 c != '\f' && c != '\v')
				out->controls++;
			out->chars++;
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = ws_utf8_next(u, len, i, &cp);
		if (cp == WS_CP_INVALID)
			out->invalid++;
		out->chars++;
		i += n;
	}
}
