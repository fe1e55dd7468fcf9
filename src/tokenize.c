/* The tokenizer (see tokenize.h). Pass one walks the bytes once and makes
 * tokens and paragraphs; pass two walks the tokens once and places sentence
 * boundaries. Neither looks back or ahead more than a few characters, so the
 * whole is linear in the input. */
#include "tokenize.h"
#include "text.h"
#include "wordlist.h"

#include <stdlib.h>
#include <string.h>

const char *const ws_abbrev_class_names[] = {
	"title", "month", "number", "common", NULL
};

enum ws_abbrev_class ws_abbrev_class_parse(const char *name)
{
	if (strcmp(name, "title") == 0)
		return WS_AB_TITLE;
	if (strcmp(name, "month") == 0)
		return WS_AB_MONTH;
	if (strcmp(name, "number") == 0)
		return WS_AB_NUMBER;
	if (strcmp(name, "common") == 0)
		return WS_AB_COMMON;
	return WS_AB_NONE;
}

const char *ws_shape_name(enum ws_shape s)
{
	static const char *const names[] = {
		"xxxx", "Xxxx", "XXXX", "xX", "X.", "X.X.", "dd", "d.d", "dx", "."
	};
	return (unsigned)s < sizeof(names) / sizeof(names[0]) ? names[s] : ".";
}

const char *ws_tok_kind_name(enum ws_tok_kind k)
{
	static const char *const names[] = {
		"word", "number", "punct", "dash", "quote_open", "quote_close",
		"quote_ambig", "unknown"
	};
	return (unsigned)k < sizeof(names) / sizeof(names[0]) ? names[k] : "unknown";
}

void ws_tokens_release(struct ws_tokens *t)
{
	WS_VEC_FREE(t->tok);
	WS_VEC_FREE(t->sent);
	WS_VEC_FREE(t->para);
	WS_VEC_FREE(t->ends);
	WS_VEC_FREE(t->marks);
	WS_VEC_FREE(t->caps);
}

/* The scanner's view of the input. */
struct scan {
	const unsigned char *s;
	size_t len;
	const struct ws_seglists *lists;
	const struct ws_wordfilter *abbrev;	/* lists->abbrev's filter, or NULL */
	struct ws_tokens *out;
	int blank_mode;		/* paragraphs end at blank lines, not at every line */
	unsigned newlines;	/* line breaks since the last token */
	int parasep;		/* a U+2029 since the last token */
	unsigned open_single;	/* single opening marks not yet closed in this paragraph */
};

static inline uint32_t cp_at(const struct scan *sc, size_t i, size_t *n)
{
	if (i >= sc->len) {
		*n = 0;
		return 0;
	}
	if (sc->s[i] < 0x80) {
		*n = 1;
		return sc->s[i];
	}
	uint32_t cp;
	*n = ws_utf8_next(sc->s, sc->len, i, &cp);
	return cp;
}

static enum ws_cclass class_at(const struct scan *sc, size_t i)
{
	size_t n;
	if (i >= sc->len)
		return WS_C_NEWLINE;	/* the end behaves like a line break */
	return ws_cclass_fast(cp_at(sc, i, &n));
}

static int is_wordchar(enum ws_cclass c)
{
	return c == WS_C_UPPER || c == WS_C_LOWER || c == WS_C_LETTER || c == WS_C_DIGIT;
}

static int is_letter(enum ws_cclass c)
{
	return c == WS_C_UPPER || c == WS_C_LOWER || c == WS_C_LETTER;
}

static int is_blank(enum ws_cclass c)
{
	return c == WS_C_SPACE || c == WS_C_NEWLINE || c == WS_C_PARASEP ||
	       c == WS_C_CONTROL;
}

/* Whether any line holds only white space: then blank lines separate
 * paragraphs; otherwise every line is a paragraph. */
static int has_blank_line(const unsigned char *s, size_t len)
{
	unsigned nl = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned c = s[i];
		if (c == '\n' || c == '\r') {
			if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
				i++;
			if (++nl >= 2)
				return 1;
		} else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
			continue;
		} else if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0) {
			i++;
		} else if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0xA9) {
			return 1;
		} else {
			nl = 0;
		}
	}
	return 0;
}

/* Ends each paragraph where the next one starts: written once at the
 * end rather than at each token. */
static void close_paras(struct ws_tokens *o)
{
	for (size_t p = 0; p < o->para.n; p++) {
		struct ws_range *r = &o->para.v[p];
		r->last = p + 1 < o->para.n ? o->para.v[p + 1].first : (uint32_t)o->tok.n;
		r->end = o->tok.v[r->last - 1].end;
	}
}

/* What pass_tokens() changes at every token, in a variable of its own
 * that emit() (always inlined) reads and writes: kept out of memory, which
 * a token's byte stores might alias. The token array's count goes back
 * to struct ws_tokens at the end (ws_tokenize() reads it there only). */
enum {
	G_SPACE = WS_TF_SPACE_BEFORE,	/* white space since the last token */
	G_LINE = 0x100			/* newlines or parasep in struct scan, or no
					 * token yet: the next token starts a line
					 * (line_start()) */
};

struct fill {
	unsigned gap;		/* G_SPACE, G_LINE: one word, read once a token */
	struct ws_token *v;	/* out->tok.v, .cap */
	size_t n, cap;		/* the tokens made */
	uint64_t *caps;		/* out->caps.v, zeros for cap tokens' bits */
	struct ws_tokens *out;	/* sc->out, which the byte stores might alias too */
};

/* Room in o->caps for the bits of tokens [0, ntok), the words not zeroed
 * yet (o->caps.n counts those that are) zeroed. */
static uint64_t *caps_room(struct ws_tokens *o, size_t ntok)
{
	size_t need = (ntok + 63) / 64;
	if (need > o->caps.n) {
		WS_VEC_RESERVE(o->caps, need);
		memset(o->caps.v + o->caps.n, 0, (need - o->caps.n) * sizeof(*o->caps.v));
		o->caps.n = need;
	}
	return o->caps.v;
}

/* The flags of the nth token, t, after a line break, a paragraph
 * separator or at the start, and the paragraph it may open: once a line,
 * not once a token. */
static void line_start(struct scan *sc, int space, size_t n, struct ws_token *t)
{
	struct ws_tokens *o = sc->out;
	t->flags |= WS_TF_SPACE_BEFORE * (space || sc->newlines) |
		    WS_TF_NL_BEFORE * (sc->newlines != 0);
	if (n == 0 || sc->parasep || sc->newlines >= (sc->blank_mode ? 2u : 1u)) {
		t->flags |= WS_TF_PARA_START | WS_TF_SENT_START;
		struct ws_range r = { (uint32_t)n, (uint32_t)n, t->start, t->end };
		WS_VEC_PUSH(o->para, r);
		sc->open_single = 0;
	}
}

/* Makes a token and returns it. */
static inline __attribute__((always_inline)) struct ws_token *
emit(struct scan *sc, struct fill *fl, size_t start, size_t end, enum ws_tok_kind kind,
     enum ws_shape shape, unsigned quote, unsigned flags)
{
	struct ws_tokens *o = fl->out;
	if (fl->n == fl->cap) {
		ws_grow((void **)&o->tok.v, &o->tok.cap, fl->n + 1, sizeof(*o->tok.v));
		fl->v = o->tok.v;
		fl->cap = o->tok.cap;
		fl->caps = caps_room(o, fl->cap);
	}
	/* written in place: a token is made once a few bytes of text */
	size_t n = fl->n;
	struct ws_token *t = &fl->v[n];
	unsigned gap = fl->gap;
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->kind = (uint8_t)kind;
	t->shape = (uint8_t)shape;
	t->quote = (uint8_t)quote;
	t->flags = (uint8_t)(flags | (gap & G_SPACE));
	t->abbrev = 0;
	if (gap & G_LINE) {
		/* newlines and parasep are set only with line: reset with it */
		line_start(sc, gap & G_SPACE, n, t);
		sc->newlines = 0;
		sc->parasep = 0;
	}
	fl->n = n + 1;
	fl->gap = 0;
	/* a token that may end a sentence (a period, ! or ?, an ellipsis or
	 * an abbreviation): pass_sentences() looks at these and not at every
	 * token; for the fast paths' constant kinds and flags this folds away */
	if ((kind == WS_TOK_PUNCT && ((flags & WS_TF_ELLIPSIS) || sc->s[start] == '.' ||
				      sc->s[start] == '!' || sc->s[start] == '?')) ||
	    (flags & WS_TF_ABBREV))
		WS_VEC_PUSH(o->ends, (uint32_t)n);
	/* quote marks, for ws_pair_quotes(), which looks at no other token */
	if (quote)
		WS_VEC_PUSH(o->marks, (uint32_t)n);
	/* capitalised and mixed-case words, for the entities' name passes,
	 * which look at no other token */
	_Static_assert(WS_SHAPE_CAP == 1 && WS_SHAPE_MIXED == 3, "the shape test below");
	if (kind == WS_TOK_WORD && (shape | 2) == 3)
		fl->caps[n >> 6] |= 1ULL << (n & 63);
	return t;
}

static int is_apos(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static int is_hyphen(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static int ascii_digit(const struct scan *sc, size_t i)
{
	return i < sc->len && sc->s[i] >= '0' && sc->s[i] <= '9';
}

static int ascii_alpha(const struct scan *sc, size_t i)
{
	return i < sc->len && ((sc->s[i] | 0x20) >= 'a' && (sc->s[i] | 0x20) <= 'z');
}

/* The first non-space byte at or after i is a digit. */
static int digit_follows(const struct scan *sc, size_t i)
{
	while (i < sc->len && (sc->s[i] == ' ' || sc->s[i] == '\t'))
		i++;
	return ascii_digit(sc, i);
}

struct wordinfo {
	unsigned upper, lower, digits, letters, first;	/* first: class of first char */
	int numeric_sep;
};

static enum ws_shape word_shape(const struct wordinfo *w)
{
	if (w->first == WS_C_DIGIT) {
		if (w->letters)
			return WS_SHAPE_ALNUM;
		return w->numeric_sep ? WS_SHAPE_NUMBER : WS_SHAPE_DIGITS;
	}
	if (w->first == WS_C_UPPER) {
		if (w->lower || w->upper == 1)
			return WS_SHAPE_CAP;
		return WS_SHAPE_UPPER;
	}
	if (w->upper)
		return WS_SHAPE_MIXED;
	if (w->lower || w->letters)
		return WS_SHAPE_LOWER;
	return WS_SHAPE_ALNUM;
}

/* Scans a word or number starting at i; returns its end. */
static size_t scan_word(struct scan *sc, size_t i, struct wordinfo *w)
{
	size_t j = i, n;
	memset(w, 0, sizeof(*w));
	int numeric = 1;
	while (j < sc->len) {
		/* a run of lower-case ASCII letters, most of news text */
		if (j > i && sc->s[j] >= 'a' && sc->s[j] <= 'z') {
			size_t r = j;
			while (r < sc->len && sc->s[r] >= 'a' && sc->s[r] <= 'z')
				r++;
			w->lower += (unsigned)(r - j);
			w->letters += (unsigned)(r - j);
			numeric = 0;
			j = r;
			continue;
		}
		/* plain ASCII letters and digits */
		unsigned char b = sc->s[j];
		if (b < 0x80 && ws_ascii_class[b] >= WS_C_UPPER && ws_ascii_class[b] <= WS_C_DIGIT &&
		    ws_ascii_class[b] != WS_C_LETTER) {
			enum ws_cclass c = (enum ws_cclass)ws_ascii_class[b];
			if (j == i)
				w->first = c;
			if (c == WS_C_UPPER) {
				w->upper++;
				w->letters++;
				numeric = 0;
			} else if (c == WS_C_LOWER) {
				w->lower++;
				w->letters++;
				numeric = 0;
			} else {
				w->digits++;
			}
			j++;
			continue;
		}
		uint32_t cp = cp_at(sc, j, &n);
		enum ws_cclass c = ws_cclass_fast(cp);
		if (is_wordchar(c)) {
			if (j == i)
				w->first = c;
			if (c == WS_C_UPPER)
				w->upper++;
			else if (c == WS_C_LOWER)
				w->lower++;
			if (c == WS_C_DIGIT)
				w->digits++;
			else {
				w->letters++;
				numeric = 0;
			}
			j += n;
			continue;
		}
		if (c == WS_C_IGNORE && j > i) {
			j += n;
			continue;
		}
		size_t n2;
		uint32_t next = cp_at(sc, j + n, &n2);
		enum ws_cclass nc = n2 ? ws_cclass_fast(next) : WS_C_NEWLINE;
		/* don't, O'Brien, nation's: an apostrophe between letters */
		if (is_apos(cp) && j > i && is_letter(nc)) {
			j += n;
			continue;
		}
		/* US-led, al-Assad, 2015-16 */
		if (is_hyphen(cp) && j > i && is_wordchar(nc)) {
			j += n;
			continue;
		}
		/* 3.5, 1,000, 10:30 */
		if ((cp == '.' || cp == ',' || cp == ':') && numeric && w->digits &&
		    nc == WS_C_DIGIT) {
			w->numeric_sep = 1;
			j += n;
			continue;
		}
		/* AT&T */
		if (cp == '&' && j > i && w->upper && !w->lower && nc == WS_C_UPPER) {
			j += n;
			continue;
		}
		break;
	}
	return j;
}

/* The kind of the quote mark cp at i, n bytes long, last the token before
 * it or NULL; its family to *family. */
static enum ws_tok_kind classify_quote(struct scan *sc, const struct ws_token *last, size_t i,
				       size_t n, uint32_t cp, size_t prev_end, int at_para_start,
				       unsigned *family)
{
	struct ws_qmark q = ws_quote_mark(cp);
	*family = q.family;
	enum ws_cclass left = (i == 0 || prev_end < i || at_para_start) ? WS_C_SPACE : WS_C_OTHER;
	if (left != WS_C_SPACE && i > 0) {
		/* the byte before is the end of the previous token: look at it */
		unsigned char b = sc->s[i - 1];
		if (b == '(' || b == '[' || b == '{')
			left = WS_C_SPACE;
		else if (last && last->end == i &&
			 (last->kind == WS_TOK_QUOTE_OPEN || last->kind == WS_TOK_UNKNOWN))
			left = WS_C_SPACE;	/* “‘ nested openers; bytes that are not
						 * text tell nothing, like a space */
		else if (b == '-' || (i >= 3 && sc->s[i - 3] == 0xE2 && sc->s[i - 2] == 0x80 &&
				     (b == 0x93 || b == 0x94)))
			left = WS_C_SPACE;	/* after a dash: opening */
	}
	enum ws_cclass right = class_at(sc, i + n);
	int right_open = is_blank(right) || right == WS_C_INVALID;
	if (!right_open && i + n < sc->len) {
		unsigned char b = sc->s[i + n];
		right_open = b == ',' || b == '.' || b == ';' || b == ':' || b == '!' ||
			     b == '?' || b == ')' || b == ']' || b == '}';
	}
	int left_open = left == WS_C_SPACE;
	enum ws_tok_kind kind;
	if (q.dir == WS_QD_OPEN) {
		/* “ after a word and before a space closes German „...“ */
		kind = (!left_open && right_open) ? WS_TOK_QUOTE_AMBIG : WS_TOK_QUOTE_OPEN;
	} else if (q.dir == WS_QD_CLOSE) {
		kind = WS_TOK_QUOTE_CLOSE;
		/* ’ standing after a space before a word opens in careless text */
		if (q.apos && left_open && !right_open)
			kind = WS_TOK_QUOTE_OPEN;
	} else if (left_open && !right_open) {
		kind = WS_TOK_QUOTE_OPEN;
	} else if (!left_open && right_open) {
		kind = WS_TOK_QUOTE_CLOSE;
	} else {
		kind = WS_TOK_QUOTE_AMBIG;
	}
	if (q.family == WS_Q_SINGLE) {
		if (kind == WS_TOK_QUOTE_OPEN)
			sc->open_single++;
		else if (kind == WS_TOK_QUOTE_CLOSE && sc->open_single)
			sc->open_single--;
	}
	return kind;
}

/* Whether the word [start, *end) and the period after it are an
 * abbreviation or an initial: then *end takes the period. hyphens: the
 * word may hold hyphens (the fast way's words of letters hold none). */
static void look_up_abbrev(struct scan *sc, size_t start, size_t *end, unsigned *flags,
			   unsigned *abclass, const struct wordinfo *w, enum ws_shape *shape,
			   int hyphens)
{
	size_t j = *end;
	if (j >= sc->len || sc->s[j] != '.' || (j + 1 < sc->len && sc->s[j + 1] == '.'))
		return;
	/* a single capital letter and a period: an initial (George W. Bush) */
	if (w->upper == 1 && w->lower == 0 && w->digits == 0 && j - start <= 4 &&
	    w->letters == 1 && j + 2 < sc->len && sc->s[j + 1] == ' ' &&
	    class_at(sc, j + 2) == WS_C_UPPER) {
		*end = j + 1;
		*flags |= WS_TF_ABBREV;
		*abclass = WS_AB_INITIAL;
		*shape = WS_SHAPE_INITIAL;
		return;
	}
	if (!sc->lists || !sc->lists->abbrev || j + 1 - start > 32)
		return;
	/* then-Sen., I-Vt.: the part after the last hyphen decides */
	size_t from = start;
	for (size_t k = start; hyphens && k < j; k++)
		if (sc->s[k] == '-')
			from = k + 1;
	const struct ws_word *e = ws_wordlist_get(sc->lists->abbrev, (const char *)sc->s + from,
						   j + 1 - from);
	if (!e)
		return;
	enum ws_abbrev_class c = ws_abbrev_class_parse(e->f[0]);
	if (c == WS_AB_NUMBER && !digit_follows(sc, j + 1))
		return;
	*end = j + 1;
	*flags |= WS_TF_ABBREV;
	*abclass = c;
}

/* X.Y. acronyms: U.S., U.N., a.m., e.g.; called after a one-letter word. */
static size_t scan_acronym(const struct scan *sc, size_t j)
{
	size_t k = j;
	int pairs = 0;
	while (k < sc->len && sc->s[k] == '.' && ascii_alpha(sc, k + 1) &&
	       !ascii_alpha(sc, k + 2)) {
		k += 2;
		pairs++;
	}
	if (pairs == 0)
		return j;
	if (k < sc->len && sc->s[k] == '.')
		return k + 1;
	return j;	/* "U.S" without the final period: leave it to the word rules */
}

/* What the fast path of pass_tokens() asks of a byte after a word's first
 * letter: whether it is a letter of either case, whether a word of ASCII
 * letters may end before it with no word rule looking at it (any ASCII
 * byte but a letter, a digit, a period, an apostrophe, a hyphen or an
 * ampersand), and whether it is a space, the most common of those; and
 * of a token's first byte, whether it is one byte of punctuation as far as
 * ws_ascii_class tells (WS_C_OTHER but ! ? `, whose tokens may be longer;
 * a period is one unless an ellipsis starts there): kept in step with
 * ws_ascii_class in text.c by hand. */
enum { B_LOWER = 1, B_UPPER = 2, B_ENDS = 4, B_SPACE = 8, B_PUNCT = 16 };

#define L B_LOWER
#define U B_UPPER
#define E B_ENDS
#define W (B_ENDS | B_SPACE)
#define P B_PUNCT
#define X (B_ENDS | B_PUNCT)
static const unsigned char byte_kind[256] = {
	E, E, E, E, E, E, E, E, E, E, E, E, E, E, E, E,	/* 0x00 */
	E, E, E, E, E, E, E, E, E, E, E, E, E, E, E, E,	/* 0x10 */
	W, E, E, X, X, X, P, 0, X, X, X, X, X, 0, P, X,	/* 0x20 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, X, X, X, X, X, E,	/* 0x30 */
	X, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,	/* 0x40 */
	U, U, U, U, U, U, U, U, U, U, U, X, X, X, X, X,	/* 0x50 */
	E, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,	/* 0x60 */
	L, L, L, L, L, L, L, L, L, L, L, X, X, X, X, E,	/* 0x70 */
	/* 0x80 and above: 0, bytes of characters the slow path reads */
};
#undef L
#undef U
#undef E
#undef W
#undef P
#undef X

/* The shape of an ASCII word from the case of its first letter (B_UPPER
 * << 1) and the cases seen after it (B_LOWER | B_UPPER): Xxxx, and X or
 * McCain, are capitalised; xX mixed. */
static const unsigned char word_shapes[8] = {
	WS_SHAPE_LOWER, WS_SHAPE_LOWER, WS_SHAPE_MIXED, WS_SHAPE_MIXED,	/* x... */
	WS_SHAPE_CAP, WS_SHAPE_CAP, WS_SHAPE_UPPER, WS_SHAPE_CAP,	/* X... */
};

static void pass_tokens(struct scan *sc, size_t i)
{
	const unsigned char *s = sc->s;
	const size_t len = sc->len;
	size_t prev_end = i;
	struct ws_tokens *o = sc->out;
	/* the first token starts a line */
	struct fill fl = { G_LINE, o->tok.v, o->tok.n, o->tok.cap, caps_room(o, o->tok.cap), o };
	/* the last byte that is no ASCII letter: a word starting before it
	 * ends at it or sooner, so its letters need no check against len */
	size_t guard = 0;
	for (size_t k = len; k-- > i;)
		if (!(byte_kind[s[k]] & (B_LOWER | B_UPPER))) {
			guard = k;
			break;
		}
	while (i < len) {
		unsigned char b0 = s[i];
		if (b0 == ' ') {	/* most bytes between tokens */
			fl.gap |= G_SPACE;
			i++;
			continue;
		}
		size_t start = i;
		unsigned k0 = byte_kind[b0];
		if (k0 & (B_LOWER | B_UPPER)) {
			/* most tokens: ASCII letters ending at a byte that no word rule
			 * looks at (not a period, apostrophe, hyphen, ampersand, digit or
			 * non-ASCII): the shape from two counts, nothing else to check */
			unsigned seen, f;	/* B_LOWER, B_UPPER: the cases after the first */
			size_t j;
word:
			seen = 0;
			j = i + 1;
			if (i < guard) {
				/* two letters a round, the guard ends the word; a
				 * pointer of its own leaves registers to the rest */
				const unsigned char *p = s + j;
				for (;;) {
					if (!((f = byte_kind[p[0]]) & (B_LOWER | B_UPPER)))
						break;
					seen |= f;
					if (!((f = byte_kind[p[1]]) & (B_LOWER | B_UPPER))) {
						p++;
						break;
					}
					seen |= f;
					p += 2;
				}
				j = (size_t)(p - s);
			} else {
				while (j < len && ((f = byte_kind[s[j]]) & (B_LOWER | B_UPPER))) {
					seen |= f;
					j++;
				}
				f = j < len ? byte_kind[s[j]] : B_ENDS;
			}
			/* f: the kind of the byte after the word, which the fast way
			 * needs not itself: the loop above need not keep it */
			if (f & B_ENDS) {
				emit(sc, &fl, start, j, WS_TOK_WORD, word_shapes[(k0 & B_UPPER) << 1 | seen],
				     0, 0);
				i = prev_end = j;
				/* the space after a word, most often one: no round of
				 * the loop for it */
				if (f & B_SPACE) {
					fl.gap |= G_SPACE;
					i++;
					/* and a word after it, most often: straight to
					 * its letters */
					if (i < len && ((k0 = byte_kind[s[i]]) & (B_LOWER | B_UPPER))) {
						start = i;
						goto word;
					}
				}
				continue;
			}
			unsigned char b = s[j];	/* j < len: the end ends a word */
			if ((b == '\'' || b == '-') && j + 1 < len &&
			    (byte_kind[s[j + 1]] & (B_LOWER | B_UPPER))) {
				/* don't, O'Brien, US-led, year-earlier: runs of ASCII
				 * letters joined by apostrophes and hyphens, as
				 * scan_word() joins them, ending at a byte no word rule
				 * looks at: the shape from the cases, a possessive from
				 * the word's ending */
				size_t k = j;
				unsigned char c = b;
				while ((c == '\'' || c == '-') && k + 1 < len &&
				       (byte_kind[s[k + 1]] & (B_LOWER | B_UPPER))) {
					k++;
					do
						seen |= byte_kind[s[k++]];
					while (k < len && (byte_kind[s[k]] & (B_LOWER | B_UPPER)));
					c = k < len ? s[k] : ' ';
				}
				if (byte_kind[c] & B_ENDS) {
					unsigned flags = ws_possessive_len((const char *)s + start, k - start) <
							 k - start ? WS_TF_POSSESSIVE : 0;
					emit(sc, &fl, start, k, WS_TOK_WORD,
					     word_shapes[(k0 & B_UPPER) << 1 | seen], 0, flags);
					i = prev_end = k;
					continue;
				}
			}
			if (b == '.' && j - start >= 2) {
				/* a word of two or more letters before a period, most
				 * often a sentence's last: no acronym, no initial, no
				 * possessive; an abbreviation (Gov., Corp.) or not, as
				 * the slow way's look_up_abbrev() tells */
				struct wordinfo w = { 0, 0, 0, (unsigned)(j - start), 0, 0 };
				enum ws_shape shape = word_shapes[(k0 & B_UPPER) << 1 | seen];
				unsigned flags = 0, abclass = WS_AB_NONE;
				size_t end = j;
				/* most are no abbreviation, which the list's filter
				 * tells without a call */
				if (sc->abbrev && ws_wordfilter_may_hold(sc->abbrev, (const char *)s + start,
									  j + 1 - start))
					look_up_abbrev(sc, start, &end, &flags, &abclass, &w, &shape, 0);
				emit(sc, &fl, start, end, WS_TOK_WORD, shape, 0, flags)->abbrev =
					(uint8_t)abclass;
				i = prev_end = end;
				continue;
			}
		} else if ((unsigned)(b0 - '0') < 10) {
			/* a run of digits ending at a byte that no number rule looks
			 * at (not a letter, a period, an apostrophe or a hyphen, nor a
			 * comma or colon before a digit: 1,000 and 10:30 go on) */
			size_t j = i + 1;
			while (j < len && (unsigned)(s[j] - '0') < 10)
				j++;
			unsigned char b = j < len ? s[j] : ' ';
			if ((byte_kind[b] & B_ENDS) &&
			    !((b == ',' || b == ':') && j + 1 < len && (unsigned)(s[j + 1] - '0') < 10)) {
				emit(sc, &fl, start, j, WS_TOK_NUMBER, WS_SHAPE_DIGITS, 0, 0);
				i = prev_end = j;
				continue;
			}
		} else if ((k0 & B_PUNCT) &&
			   (b0 != '.' || !(i + 2 < len && s[i + 1] == '.' && s[i + 2] == '.'))) {
			/* , ; : ( ) and a lone period: one byte of punctuation, which is
			 * what the chain below ends in for them */
			emit(sc, &fl, start, i + 1, WS_TOK_PUNCT, WS_SHAPE_PUNCT, 0, 0);
			i = prev_end = i + 1;
			continue;
		}
		size_t n;
		uint32_t cp = cp_at(sc, i, &n);
		enum ws_cclass c = ws_cclass_fast(cp);
		switch (c) {
		case WS_C_SPACE:
		case WS_C_CONTROL:
		case WS_C_IGNORE:
			fl.gap |= G_SPACE;
			i += n;
			continue;
		case WS_C_NEWLINE:
			if (cp == '\r' && i + 1 < len && s[i + 1] == '\n')
				n = 2;
			sc->newlines++;
			fl.gap |= G_LINE;
			i += n;
			continue;
		case WS_C_PARASEP:
			sc->parasep = 1;
			fl.gap |= G_LINE;
			i += n;
			continue;
		default:
			break;
		}
		int at_para_start = fl.n == 0 || sc->parasep ||
				    sc->newlines >= (sc->blank_mode ? 2u : 1u);
		if (c == WS_C_INVALID) {
			while (i < sc->len && class_at(sc, i) == WS_C_INVALID)
				i++;
			emit(sc, &fl, start, i, WS_TOK_UNKNOWN, WS_SHAPE_PUNCT, 0, 0);
		} else if (is_wordchar(c)) {
			struct wordinfo w;
			size_t end = scan_word(sc, i, &w);
			enum ws_shape shape = word_shape(&w);
			unsigned flags = 0, abclass = WS_AB_NONE;
			if (w.letters == 1 && w.digits == 0 && end - start <= 4) {
				size_t a = scan_acronym(sc, end);
				if (a != end) {
					end = a;
					shape = WS_SHAPE_ACRONYM;
					flags |= WS_TF_ABBREV;
					abclass = WS_AB_COMMON;
					if (sc->lists && sc->lists->abbrev) {
						const struct ws_word *e = ws_wordlist_get(
							sc->lists->abbrev, (const char *)sc->s + start,
							end - start);
						if (e)
							abclass = ws_abbrev_class_parse(e->f[0]);
					}
				}
			}
			if (!(flags & WS_TF_ABBREV))
				look_up_abbrev(sc, start, &end, &flags, &abclass, &w, &shape, 1);
			/* nations’ (possessive), unless a single quote is open */
			size_t n2;
			uint32_t nx = cp_at(sc, end, &n2);
			if (n2 && is_apos(nx) && sc->open_single == 0 && end > start &&
			    (sc->s[end - 1] == 's' || sc->s[end - 1] == 'S') &&
			    !is_wordchar(class_at(sc, end + n2)) &&
			    !(end + n2 < sc->len && sc->s[end + n2] == '\''))
				end += n2;
			enum ws_tok_kind kind = (w.first == WS_C_DIGIT && !w.letters)
						? WS_TOK_NUMBER : WS_TOK_WORD;
			if (kind == WS_TOK_WORD &&
			    ws_possessive_len((const char *)sc->s + start, end - start) < end - start)
				flags |= WS_TF_POSSESSIVE;
			emit(sc, &fl, start, end, kind, shape, 0, flags)->abbrev = (uint8_t)abclass;
			i = end;
		} else if (is_apos(cp) && ascii_digit(sc, i + n) && ascii_digit(sc, i + n + 1) &&
			   !ascii_digit(sc, i + n + 2) && (i == 0 || prev_end < i)) {
			/* ’90s, '08 */
			size_t end = i + n + 2;
			if (end < sc->len && sc->s[end] == 's')
				end++;
			emit(sc, &fl, start, end, WS_TOK_WORD, WS_SHAPE_ALNUM, 0, 0);
			i = end;
		} else if (cp == '`' && i + 1 < sc->len && sc->s[i + 1] == '`') {
			emit(sc, &fl, i, i + 2, WS_TOK_QUOTE_OPEN, WS_SHAPE_PUNCT, WS_Q_DOUBLE, 0);
			i += 2;
		} else if (cp == '\'' && i + 1 < sc->len && sc->s[i + 1] == '\'') {
			/* '' closes ``...'' but opens and closes in some archives
			 * (''It's bad,'' he said): its neighbours tell which */
			int left_sp = i == 0 || prev_end < i || at_para_start;
			enum ws_cclass r = class_at(sc, i + 2);
			int right_sp = is_blank(r) || r == WS_C_INVALID ||
				       (i + 2 < sc->len && strchr(",.;:!?)", sc->s[i + 2]));
			enum ws_tok_kind k = left_sp && !right_sp ? WS_TOK_QUOTE_OPEN
					     : !left_sp && right_sp ? WS_TOK_QUOTE_CLOSE
					     : WS_TOK_QUOTE_AMBIG;
			emit(sc, &fl, i, i + 2, k, WS_SHAPE_PUNCT, WS_Q_DOUBLE, 0);
			i += 2;
		} else if (c == WS_C_QUOTE) {
			unsigned family;
			enum ws_tok_kind k = classify_quote(sc, fl.n ? &fl.v[fl.n - 1] : NULL, i, n,
							    cp, prev_end, at_para_start, &family);
			emit(sc, &fl, i, i + n, k, WS_SHAPE_PUNCT, family, 0);
			i += n;
		} else if (c == WS_C_DASH) {
			size_t end = i + n;
			while (end < sc->len && sc->s[end] == '-' && cp == '-')
				end++;
			emit(sc, &fl, start, end, WS_TOK_DASH, WS_SHAPE_PUNCT, 0, 0);
			i = end;
		} else if (cp == 0x2026 || (cp == '.' && i + 2 < sc->len && sc->s[i + 1] == '.' &&
					    sc->s[i + 2] == '.')) {
			size_t end = i + n;
			if (cp == '.')
				while (end < sc->len && sc->s[end] == '.')
					end++;
			emit(sc, &fl, start, end, WS_TOK_PUNCT, WS_SHAPE_PUNCT, 0, WS_TF_ELLIPSIS);
			i = end;
		} else if (cp == '!' || cp == '?') {
			size_t end = i + 1;
			while (end < sc->len && (sc->s[end] == '!' || sc->s[end] == '?'))
				end++;
			emit(sc, &fl, start, end, WS_TOK_PUNCT, WS_SHAPE_PUNCT, 0, 0);
			i = end;
		} else {
			emit(sc, &fl, start, i + n, WS_TOK_PUNCT, WS_SHAPE_PUNCT, 0, 0);
			i += n;
		}
		prev_end = i;
	}
	o->tok.n = fl.n;
	o->caps.n = (fl.n + 63) / 64;
}

static int tok_is(const char *s, const struct ws_token *t, const char *lit)
{
	size_t n = strlen(lit);
	return t->end - t->start == n && memcmp(s + t->start, lit, n) == 0;
}

static int is_closer(const char *s, const struct ws_token *t)
{
	if (t->flags & WS_TF_SPACE_BEFORE)
		return 0;
	if (t->kind == WS_TOK_QUOTE_CLOSE || t->kind == WS_TOK_QUOTE_AMBIG)
		return 1;
	return t->kind == WS_TOK_PUNCT && (tok_is(s, t, ")") || tok_is(s, t, "]"));
}

static int starts_upper(const struct ws_token *t)
{
	return t->kind == WS_TOK_WORD &&
	       (t->shape == WS_SHAPE_CAP || t->shape == WS_SHAPE_UPPER ||
		t->shape == WS_SHAPE_INITIAL || t->shape == WS_SHAPE_ACRONYM);
}

static int is_starter(const struct ws_seglists *l, const char *s, const struct ws_token *t)
{
	return l && l->starters &&
	       ws_wordlist_get(l->starters, s + t->start, t->end - t->start) != NULL;
}

/* Whether a sentence that ends at token t (a terminal or an abbreviation)
 * gives way to a new one at token nx. */
static int splits(const struct ws_seglists *l, const char *s, const struct ws_token *t,
		  const struct ws_token *nx)
{
	if (t->flags & WS_TF_ABBREV) {
		switch (t->abbrev) {
		case WS_AB_TITLE:
		case WS_AB_INITIAL:
			return 0;
		default:
			return is_starter(l, s, nx);
		}
	}
	if (!(nx->flags & WS_TF_SPACE_BEFORE))
		return 0;	/* 3.5, example.com, "?!" already grouped */
	if (t->flags & WS_TF_ELLIPSIS)
		return starts_upper(nx) && (nx->shape != WS_SHAPE_CAP || is_starter(l, s, nx) ||
					     nx->flags & WS_TF_NL_BEFORE);
	/* an unknown byte may well be a capital in another encoding (Élysée in
	 * Latin-1): it starts a sentence like one */
	if (starts_upper(nx) || nx->kind == WS_TOK_NUMBER || nx->kind == WS_TOK_QUOTE_OPEN ||
	    nx->kind == WS_TOK_QUOTE_AMBIG || nx->kind == WS_TOK_DASH || nx->kind == WS_TOK_UNKNOWN)
		return 1;
	if (nx->kind == WS_TOK_WORD && nx->shape == WS_SHAPE_MIXED)
		return 1;	/* al-Assad said */
	return nx->kind == WS_TOK_PUNCT && (tok_is(s, nx, "(") || tok_is(s, nx, "["));
}

static void pass_sentences(const struct ws_seglists *l, const char *s, struct ws_tokens *o)
{
	struct ws_token *tk = o->tok.v;
	size_t n = o->tok.n;
	/* the tokens that may end a sentence, in order; each new sentence's
	 * first token replaces them in o->ends (at most one per candidate, and
	 * never past it) */
	size_t nends = o->ends.n, nstart = 0;
	uint32_t *ends = o->ends.v;
	for (size_t c = 0; c < nends; c++) {
		size_t i = ends[c];
		const struct ws_token *t = &tk[i];
		size_t j = i + 1;
		while (j < n && !(tk[j].flags & WS_TF_PARA_START) && is_closer(s, &tk[j]))
			j++;
		if (j >= n || (tk[j].flags & WS_TF_PARA_START))
			continue;
		if (splits(l, s, t, &tk[j])) {
			tk[j].flags |= WS_TF_SENT_START;
			ends[nstart++] = (uint32_t)j;
		}
		/* the tokens before j are closers: no candidate lies among them */
	}
	/* sentences start at paragraphs' starts and at those splits: two
	 * ascending lists, merged */
	size_t p = 0, q = 0;
	for (;;) {
		size_t first;
		if (p < o->para.n && (q >= nstart || o->para.v[p].first < ends[q]))
			first = o->para.v[p++].first;
		else if (q < nstart)
			first = ends[q++];
		else
			break;
		if (o->sent.n) {	/* the last sentence ends here */
			o->sent.v[o->sent.n - 1].last = (uint32_t)first;
			o->sent.v[o->sent.n - 1].end = tk[first - 1].end;
		}
		struct ws_range r = { (uint32_t)first, (uint32_t)first, tk[first].start,
				      tk[first].end };
		WS_VEC_PUSH(o->sent, r);
	}
	if (n) {
		o->sent.v[o->sent.n - 1].last = (uint32_t)n;
		o->sent.v[o->sent.n - 1].end = tk[n - 1].end;
	}
	/* every token's sentence and paragraph, which holds the sentence
	 * whole: one pass over the tokens, not a store a token in emit() */
	size_t para = 0;
	for (size_t k = 0; k < o->sent.n; k++) {
		const struct ws_range *r = &o->sent.v[k];
		while (para + 1 < o->para.n && o->para.v[para + 1].first <= r->first)
			para++;
		for (uint32_t i = r->first; i < r->last; i++) {
			tk[i].sent = (uint32_t)k;
			tk[i].para = (uint32_t)para;
		}
	}
}

int ws_tokenize(const struct ws_seglists *lists, const char *text, size_t len,
		struct ws_tokens *out)
{
	out->tok.n = out->sent.n = out->para.n = out->ends.n = out->marks.n = out->caps.n = 0;
	if (len > UINT32_MAX)
		return -1;
	struct scan sc;
	memset(&sc, 0, sizeof(sc));
	sc.s = (const unsigned char *)text;
	sc.len = len;
	sc.lists = lists;
	sc.abbrev = lists ? ws_wordlist_filter(lists->abbrev) : NULL;
	sc.out = out;
	size_t bom = ws_bom_len(text, len);
	sc.blank_mode = has_blank_line(sc.s + bom, len - bom);
	/* a document reserves about one token per six bytes of news text */
	WS_VEC_RESERVE(out->tok, len / 6 + 16);
	pass_tokens(&sc, bom);
	close_paras(out);
	WS_VEC_SHRINK(out->tok);
	pass_sentences(lists, text, out);
	return 0;
}
