/* The rule compiler: reads a phase file (syntax in rules/README.md),
 * reports every error as file:line:col with the offending text, and
 * compiles the patterns to Pike VM instructions (ruleprog.h). */
#include "ruleprog.h"
#include "whosaid.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 32		/* nesting of parentheses */
#define MAX_REPEAT 32		/* bound of {m,n} */
#define MAX_INSTS (1u << 20)

/* ---- lexer ---- */

enum tkind {
	T_EOF, T_NL, T_IDENT, T_STRING, T_NUMBER, T_ARROW, T_EQ, T_NE, T_ASSIGN, T_CHAR,
};

struct tok {
	uint8_t kind;
	char ch;		/* T_CHAR */
	const char *s;		/* source text of the token */
	size_t n;
	unsigned line, col;
};

struct lexer {
	const char *file;
	const char *p, *end, *linestart;
	unsigned line;
	struct ws_diag *d;
	struct tok cur;
	struct ws_buf strval;	/* unescaped value of the last string */
};

static void lex_error(struct lexer *lx, unsigned line, unsigned col, const char *msg,
		      const char *s, size_t n)
{
	if (n > 40)
		n = 40;
	ws_diag_error(lx->d, lx->file, line, col, "%s '%.*s'", msg, (int)n, s);
}

static void next(struct lexer *lx)
{
	struct tok *t = &lx->cur;
again:
	while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\r'))
		lx->p++;
	if (lx->p < lx->end && *lx->p == '#') {
		while (lx->p < lx->end && *lx->p != '\n')
			lx->p++;
	}
	t->s = lx->p;
	t->line = lx->line;
	t->col = (unsigned)(lx->p - lx->linestart) + 1;
	t->n = 1;
	if (lx->p >= lx->end) {
		t->kind = T_EOF;
		t->n = 0;
		return;
	}
	char c = *lx->p;
	if (c == '\n') {
		lx->p++;
		lx->line++;
		lx->linestart = lx->p;
		t->kind = T_NL;
		return;
	}
	if (isalpha((unsigned char)c) || c == '_') {
		const char *q = lx->p;
		while (q < lx->end && (isalnum((unsigned char)*q) || *q == '_'))
			q++;
		t->kind = T_IDENT;
		t->n = (size_t)(q - lx->p);
		lx->p = q;
		return;
	}
	if (isdigit((unsigned char)c)) {
		const char *q = lx->p;
		while (q < lx->end && isdigit((unsigned char)*q))
			q++;
		t->kind = T_NUMBER;
		t->n = (size_t)(q - lx->p);
		lx->p = q;
		return;
	}
	if (c == '"') {
		const char *q = lx->p + 1;
		ws_buf_reset(&lx->strval);
		ws_buf_grow(&lx->strval, 0);
		while (q < lx->end && *q != '"' && *q != '\n') {
			if (*q == '\\' && q + 1 < lx->end && (q[1] == '"' || q[1] == '\\'))
				q++;
			ws_buf_addc(&lx->strval, *q);
			q++;
		}
		if (q >= lx->end || *q != '"') {
			lex_error(lx, t->line, t->col, "unterminated string", lx->p,
				  (size_t)(q - lx->p));
			lx->p = q;
			goto again;
		}
		t->kind = T_STRING;
		t->n = (size_t)(q + 1 - lx->p);
		lx->p = q + 1;
		return;
	}
	if (lx->p + 1 < lx->end) {
		char c2 = lx->p[1];
		if ((c == '=' && c2 == '>') || (c == '=' && c2 == '=') || (c == '!' && c2 == '=')) {
			t->kind = c2 == '>' ? T_ARROW : c == '=' ? T_EQ : T_NE;
			t->n = 2;
			lx->p += 2;
			return;
		}
	}
	if (strchr("{}()|?*+,:.!@=", c)) {
		t->kind = c == '=' ? T_ASSIGN : T_CHAR;
		t->ch = c;
		lx->p++;
		return;
	}
	/* a whole UTF-8 character, for the message */
	size_t k = 1;
	while (lx->p + k < lx->end && ((unsigned char)lx->p[k] & 0xC0) == 0x80)
		k++;
	lex_error(lx, t->line, t->col, "unexpected character", lx->p, k);
	lx->p += k;
	goto again;
}

static int is_char(const struct lexer *lx, char c)
{
	return lx->cur.kind == T_CHAR && lx->cur.ch == c;
}

static int is_word(const struct lexer *lx, const char *w)
{
	return lx->cur.kind == T_IDENT && lx->cur.n == strlen(w) &&
	       memcmp(lx->cur.s, w, lx->cur.n) == 0;
}

/* ---- syntax tree ---- */

enum nkind { N_ELEM, N_SEQ, N_ALT, N_REPEAT, N_LABEL };

struct node {
	uint8_t kind;
	uint32_t elem;		/* N_ELEM */
	int min, max;		/* N_REPEAT; max -1: no bound */
	int32_t slot;		/* N_LABEL */
	struct node **kids;
	size_t nkids;
};

struct parser {
	struct lexer lx;
	struct ws_symtab *syms;
	struct ws_rphase *ph;
	WS_VEC(struct node *) nodes;	/* every node, to free */
	/* labels of the rule being parsed */
	WS_VEC(char *) labels;
	WS_VEC(uint32_t) starts;	/* first instruction of each rule */
	int failed;			/* this rule had an error */
	/* the file being parsed is source part of the phase (ws_rule.part),
	 * its rules from first_rule on */
	uint32_t part;
	size_t first_rule;
};

static struct node *new_node(struct parser *ps, enum nkind k)
{
	struct node *n = ws_xcalloc(1, sizeof(*n));
	n->kind = (uint8_t)k;
	WS_VEC_PUSH(ps->nodes, n);
	return n;
}

static void add_kid(struct node *n, struct node *k)
{
	n->kids = ws_xrealloc(n->kids, (n->nkids + 1) * sizeof(*n->kids));
	n->kids[n->nkids++] = k;
}

static void error_here(struct parser *ps, const char *msg)
{
	const struct tok *t = &ps->lx.cur;
	if (t->kind == T_EOF)
		ws_diag_error(ps->lx.d, ps->lx.file, t->line, t->col, "%s at end of file", msg);
	else if (t->kind == T_NL)
		ws_diag_error(ps->lx.d, ps->lx.file, t->line, t->col, "%s at end of line", msg);
	else
		ws_diag_error(ps->lx.d, ps->lx.file, t->line, t->col, "%s '%.*s'", msg,
			      (int)(t->n > 40 ? 40 : t->n), t->s);
	ps->failed = 1;
}

static const char *intern_tok(struct parser *ps)
{
	const struct tok *t = &ps->lx.cur;
	if (t->kind == T_STRING)
		return ws_intern(ps->syms, ps->lx.strval.data, ps->lx.strval.len);
	return ws_intern(ps->syms, t->s, t->n);
}

static int shape_named(const char *s, size_t n)
{
	for (int k = WS_SHAPE_LOWER; k <= WS_SHAPE_PUNCT; k++) {
		const char *name = ws_shape_name((enum ws_shape)k);
		if (strlen(name) == n && memcmp(name, s, n) == 0)
			return k;
	}
	return -1;
}

static int kind_named(const char *s, size_t n)
{
	for (int k = WS_TOK_WORD; k <= WS_TOK_UNKNOWN; k++) {
		const char *name = ws_tok_kind_name((enum ws_tok_kind)k);
		if (strlen(name) == n && memcmp(name, s, n) == 0)
			return k;
	}
	return -1;
}

static int flag_named(const char *s, size_t n)
{
	static const struct { const char *name; int bit; } flags[] = {
		{ "sent_start", WS_TF_SENT_START }, { "para_start", WS_TF_PARA_START },
		{ "space_before", WS_TF_SPACE_BEFORE }, { "nl_before", WS_TF_NL_BEFORE },
		{ "abbrev", WS_TF_ABBREV }, { "possessive", WS_TF_POSSESSIVE },
	};
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (strlen(flags[i].name) == n && memcmp(flags[i].name, s, n) == 0)
			return flags[i].bit;
	return 0;
}

/* The value after == or != : an identifier, a string or a number. Returns
 * its text in *s and *n (unescaped for strings). */
static int take_value(struct parser *ps, const char **s, size_t *n)
{
	struct tok *t = &ps->lx.cur;
	if (t->kind == T_STRING) {
		/* the lexer reuses strval for the next string: keep a stable copy */
		*s = ws_intern(ps->syms, ps->lx.strval.data, ps->lx.strval.len);
		*n = ps->lx.strval.len;
	} else if (t->kind == T_IDENT || t->kind == T_NUMBER) {
		*s = t->s;
		*n = t->n;
	} else {
		error_here(ps, "expected a value after the comparison, found");
		return -1;
	}
	return 0;
}

static void skip_newlines(struct lexer *lx)
{
	while (lx->cur.kind == T_NL)
		next(lx);
}

/* { test, test, ... } */
static struct node *parse_elem(struct parser *ps)
{
	struct lexer *lx = &ps->lx;
	WS_VEC(struct ws_rtest) tests = { 0 };
	next(lx);	/* { */
	for (;;) {
		struct ws_rtest t;
		memset(&t, 0, sizeof(t));
		skip_newlines(lx);	/* an element may run over several lines */
		if (is_char(lx, '!')) {
			t.neg = 1;
			next(lx);
		}
		if (lx->cur.kind != T_IDENT) {
			error_here(ps, "expected a test, found");
			break;
		}
		struct tok name = lx->cur;
		next(lx);
		struct tok feat = { 0 };
		if (is_char(lx, '.')) {
			next(lx);
			if (lx->cur.kind != T_IDENT) {
				error_here(ps, "expected a feature name after '.', found");
				break;
			}
			feat = lx->cur;
			next(lx);
		}
		int cmp = 0;	/* 1 ==, 2 != */
		const char *val = NULL;
		size_t vn = 0;
		struct tok valtok = lx->cur;
		if (lx->cur.kind == T_EQ || lx->cur.kind == T_NE) {
			cmp = lx->cur.kind == T_EQ ? 1 : 2;
			next(lx);
			valtok = lx->cur;
			if (take_value(ps, &val, &vn) != 0)
				break;
			next(lx);
		}
		if (isupper((unsigned char)name.s[0])) {
			t.kind = RT_ANNOT;
			t.type = ws_intern(ps->syms, name.s, name.n);
			if (feat.n && !cmp) {
				ws_diag_error(lx->d, lx->file, feat.line, feat.col,
					      "feature test '%.*s.%.*s' needs == or != and a value",
					      (int)name.n, name.s, (int)feat.n, feat.s);
				ps->failed = 1;
			} else if (!feat.n && cmp) {
				ws_diag_error(lx->d, lx->file, name.line, name.col,
					      "annotation '%.*s' is compared to a value: name a "
					      "feature, as in %.*s.minor == ...", (int)name.n, name.s,
					      (int)name.n, name.s);
				ps->failed = 1;
			}
			/* feature tests of the same type in one element apply to the
			 * same annotation */
			struct ws_rtest *same = NULL;
			for (size_t i = 0; i < tests.n; i++)
				if (tests.v[i].kind == RT_ANNOT && tests.v[i].type == t.type &&
				    !tests.v[i].neg && !t.neg)
					same = &tests.v[i];
			if (feat.n && cmp) {
				struct ws_rfeat f = { ws_intern(ps->syms, feat.s, feat.n),
						      ws_intern(ps->syms, val, vn), cmp == 2 };
				struct ws_rtest *into = same ? same : &t;
				into->feats = ws_xrealloc(into->feats,
							  (into->nfeats + 1) * sizeof(f));
				into->feats[into->nfeats++] = f;
			}
			if (!same)
				WS_VEC_PUSH(tests, t);
		} else {
			int flag;
			if (feat.n) {
				ws_diag_error(lx->d, lx->file, feat.line, feat.col,
					      "token attribute '%.*s' has no features", (int)name.n,
					      name.s);
				ps->failed = 1;
			}
			if ((flag = flag_named(name.s, name.n))) {
				t.kind = RT_FLAG;
				t.ival = flag;
				if (cmp) {
					ws_diag_error(lx->d, lx->file, valtok.line, valtok.col,
						      "flag '%.*s' takes no value", (int)name.n, name.s);
					ps->failed = 1;
				}
			} else if (!cmp) {
				ws_diag_error(lx->d, lx->file, name.line, name.col,
					      "unknown test '%.*s' (token attributes: text, lower, "
					      "shape, kind; flags: sent_start, para_start, "
					      "space_before, nl_before, abbrev, possessive; annotation types "
					      "start with a capital)", (int)name.n, name.s);
				ps->failed = 1;
			} else if (name.n == 4 && memcmp(name.s, "text", 4) == 0) {
				t.kind = RT_TEXT;
			} else if (name.n == 5 && memcmp(name.s, "lower", 5) == 0) {
				t.kind = RT_LOWER;
			} else if (name.n == 5 && memcmp(name.s, "shape", 5) == 0) {
				t.kind = RT_SHAPE;
				if ((t.ival = shape_named(val, vn)) < 0) {
					ws_diag_error(lx->d, lx->file, valtok.line, valtok.col,
						      "unknown shape '%.*s' (Xxxx xxxx XXXX xX X. "
						      "X.X. dd d.d dx .)", (int)vn, val);
					ps->failed = 1;
				}
			} else if (name.n == 4 && memcmp(name.s, "kind", 4) == 0) {
				t.kind = RT_KIND;
				if ((t.ival = kind_named(val, vn)) < 0) {
					ws_diag_error(lx->d, lx->file, valtok.line, valtok.col,
						      "unknown token kind '%.*s'", (int)vn, val);
					ps->failed = 1;
				}
			} else {
				ws_diag_error(lx->d, lx->file, name.line, name.col,
					      "unknown token attribute '%.*s'", (int)name.n, name.s);
				ps->failed = 1;
			}
			if (cmp == 2)
				t.neg = !t.neg;
			if (t.kind == RT_TEXT || t.kind == RT_LOWER) {
				t.lit = ws_xstrndup(val, vn);
				t.litlen = vn;
			}
			WS_VEC_PUSH(tests, t);
		}
		skip_newlines(lx);
		if (is_char(lx, ',')) {
			next(lx);
			continue;
		}
		if (is_char(lx, '}')) {
			next(lx);
			break;
		}
		error_here(ps, "expected ',' or '}' in an element, found");
		break;
	}
	struct ws_relem e;
	e.tests = tests.v;
	e.ntests = (uint32_t)tests.n;
	e.span = -1;
	for (size_t i = 0; i < tests.n; i++)
		if (tests.v[i].kind == RT_ANNOT && !tests.v[i].neg) {
			e.span = (int32_t)i;
			break;
		}
	WS_VEC_PUSH(ps->ph->elems, e);
	struct node *n = new_node(ps, N_ELEM);
	n->elem = (uint32_t)(ps->ph->elems.n - 1);
	return n;
}

static struct node *parse_alt(struct parser *ps, int depth);

static int32_t label_slot(struct parser *ps, const char *s, size_t n)
{
	for (size_t i = 0; i < ps->labels.n; i++)
		if (strlen(ps->labels.v[i]) == n && memcmp(ps->labels.v[i], s, n) == 0)
			return (int32_t)i;
	WS_VEC_PUSH(ps->labels, ws_xstrndup(s, n));
	return (int32_t)(ps->labels.n - 1);
}

static int parse_number(struct parser *ps, int *out)
{
	if (ps->lx.cur.kind != T_NUMBER || ps->lx.cur.n > 4) {
		error_here(ps, "expected a number up to " "32" ", found");
		return -1;
	}
	*out = atoi(ps->lx.cur.s);
	next(&ps->lx);
	return 0;
}

static struct node *parse_item(struct parser *ps, int depth)
{
	struct lexer *lx = &ps->lx;
	struct node *atom;
	if (is_char(lx, '{')) {
		atom = parse_elem(ps);
	} else if (is_char(lx, '(')) {
		if (depth >= MAX_DEPTH) {
			error_here(ps, "parentheses nested too deep at");
			return NULL;
		}
		next(lx);
		atom = parse_alt(ps, depth + 1);
		if (!atom)
			return NULL;
		if (!is_char(lx, ')')) {
			error_here(ps, "expected ')', found");
			return NULL;
		}
		next(lx);
	} else {
		error_here(ps, "expected '{' or '(', found");
		return NULL;
	}
	for (;;) {
		int min, max;
		if (is_char(lx, '?')) {
			min = 0, max = 1;
		} else if (is_char(lx, '*')) {
			min = 0, max = -1;
		} else if (is_char(lx, '+')) {
			min = 1, max = -1;
		} else if (is_char(lx, '{') && lx->p < lx->end && isdigit((unsigned char)*lx->p)) {
			unsigned line = lx->cur.line, col = lx->cur.col;
			next(lx);
			if (parse_number(ps, &min) != 0)
				return NULL;
			max = min;
			if (is_char(lx, ',')) {
				next(lx);
				if (is_char(lx, '}'))
					max = -1;
				else if (parse_number(ps, &max) != 0)
					return NULL;
			}
			if (!is_char(lx, '}')) {
				error_here(ps, "expected '}' after a repeat count, found");
				return NULL;
			}
			if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
				ws_diag_error(lx->d, lx->file, line, col,
					      "bad repeat {%d,%d}: counts go from 0 to %d, the "
					      "second not below the first", min, max, MAX_REPEAT);
				ps->failed = 1;
				return NULL;
			}
		} else {
			break;
		}
		next(lx);
		struct node *r = new_node(ps, N_REPEAT);
		r->min = min;
		r->max = max;
		add_kid(r, atom);
		atom = r;
	}
	if (is_char(lx, ':')) {
		next(lx);
		if (lx->cur.kind != T_IDENT) {
			error_here(ps, "expected a label after ':', found");
			return NULL;
		}
		struct node *l = new_node(ps, N_LABEL);
		l->slot = label_slot(ps, lx->cur.s, lx->cur.n);
		add_kid(l, atom);
		atom = l;
		next(lx);
	}
	return atom;
}


static struct node *parse_seq(struct parser *ps, int depth)
{
	struct node *seq = new_node(ps, N_SEQ);
	skip_newlines(&ps->lx);
	while (is_char(&ps->lx, '{') || is_char(&ps->lx, '(')) {
		struct node *it = parse_item(ps, depth);
		if (!it)
			return NULL;
		add_kid(seq, it);
		skip_newlines(&ps->lx);
	}
	if (seq->nkids == 0) {
		error_here(ps, "expected a pattern element, found");
		return NULL;
	}
	return seq;
}

static struct node *parse_alt(struct parser *ps, int depth)
{
	struct node *first = parse_seq(ps, depth);
	if (!first || !is_char(&ps->lx, '|'))
		return first;
	struct node *alt = new_node(ps, N_ALT);
	add_kid(alt, first);
	while (is_char(&ps->lx, '|')) {
		next(&ps->lx);
		struct node *s = parse_seq(ps, depth);
		if (!s)
			return NULL;
		add_kid(alt, s);
	}
	return alt;
}

/* ---- literal sets ---- */

static void elem_release(struct ws_relem *e)
{
	for (uint32_t k = 0; k < e->ntests; k++) {
		free(e->tests[k].lit);
		free(e->tests[k].feats);
		for (uint32_t m = 0; m < e->tests[k].nset; m++)
			free(e->tests[k].set[m].lit);
		free(e->tests[k].set);
	}
	free(e->tests);
}

/* Marks (map non-NULL: renumbers) the elements from `from` on that n
 * holds. */
static void elems_of(struct node *n, size_t from, uint32_t *map, uint8_t *used)
{
	if (n->kind == N_ELEM && n->elem >= from) {
		if (map)
			n->elem = map[n->elem - from];
		else
			used[n->elem - from] = 1;
	}
	for (size_t i = 0; i < n->nkids; i++)
		elems_of(n->kids[i], from, map, used);
}

/* Drops the elements a rule's pattern parsed from `from` on that it no
 * longer holds (the branches merge_literals() replaced): each element
 * widens its phase's bit space, which every token's set and every scan
 * pays for. */
static void drop_unused_elems(struct ws_rphase *ph, struct node *pat, size_t from)
{
	size_t n = ph->elems.n - from, to = from;
	if (n == 0)
		return;
	uint8_t *used = ws_xcalloc(n, 1);
	uint32_t *map = ws_xcalloc(n, sizeof(*map));
	elems_of(pat, from, NULL, used);
	for (size_t i = 0; i < n; i++) {
		if (used[i]) {
			map[i] = (uint32_t)to;
			ph->elems.v[to++] = ph->elems.v[from + i];
		} else {
			elem_release(&ph->elems.v[from + i]);
		}
	}
	ph->elems.n = to;
	elems_of(pat, from, map, NULL);
	free(used);
	free(map);
}

/* Whether branch b of an alternation is one element of one text or lower
 * test, no label around it. */
static int lit_branch(const struct ws_rphase *ph, const struct node *b)
{
	if (b->kind != N_SEQ || b->nkids != 1 || b->kids[0]->kind != N_ELEM)
		return 0;
	const struct ws_relem *e = &ph->elems.v[b->kids[0]->elem];
	return e->ntests == 1 && !e->tests[0].neg &&
	       (e->tests[0].kind == RT_TEXT || e->tests[0].kind == RT_LOWER);
}

/* Replaces each run of two or more such branches next to one another in
 * an alternation by one branch of one element, an RT_LITSET test of their
 * tests: a thread then tries one element where it tried each, and as the
 * branches took one token each and led to the same place with the same
 * captures, in the same place among the others, it matches the same. */
static void merge_literals(struct parser *ps, struct node *n)
{
	struct ws_rphase *ph = ps->ph;
	for (size_t i = 0; i < n->nkids; i++)
		merge_literals(ps, n->kids[i]);
	if (n->kind != N_ALT)
		return;
	size_t to = 0;
	for (size_t i = 0; i < n->nkids;) {
		size_t j = i;
		while (j < n->nkids && lit_branch(ph, n->kids[j]))
			j++;
		if (j - i < 2) {
			n->kids[to++] = n->kids[i++];
			continue;
		}
		struct ws_rtest t;
		memset(&t, 0, sizeof(t));
		t.kind = RT_LITSET;
		t.nset = (uint32_t)(j - i);
		t.set = ws_xcalloc(t.nset, sizeof(*t.set));
		for (size_t k = i; k < j; k++) {
			const struct ws_rtest *m = &ph->elems.v[n->kids[k]->kids[0]->elem].tests[0];
			struct ws_rtest *c = &t.set[k - i];
			c->kind = m->kind;
			c->lit = ws_xstrndup(m->lit, m->litlen);
			c->litlen = m->litlen;
		}
		struct ws_relem e;
		memset(&e, 0, sizeof(e));
		e.tests = ws_xmalloc(sizeof(t));
		e.tests[0] = t;
		e.ntests = 1;
		e.span = -1;
		WS_VEC_PUSH(ph->elems, e);
		struct node *el = n->kids[i]->kids[0];	/* reused for the set */
		el->elem = (uint32_t)(ph->elems.n - 1);
		n->kids[to++] = n->kids[i];
		i = j;
	}
	n->nkids = to;
}

/* ---- code generation ---- */

static uint32_t emit(struct ws_rphase *ph, uint8_t op, uint32_t x, uint32_t y)
{
	struct ws_rinst in = { .op = op, .x = x, .y = y };
	WS_VEC_PUSH(ph->prog, in);
	return (uint32_t)(ph->prog.n - 1);
}

/* A rule compiles to at most this many instructions: repeats are written
 * out, so nested ones multiply ({x}+++ ... doubles at each +). */
#define MAX_RULE_PROG 65536

/* How many instructions gen() would emit for n, saturating above the
 * limit. */
static size_t prog_size(const struct node *n)
{
	size_t k = 0, sum = 0;
	switch (n->kind) {
	case N_ELEM:
		return 1;
	case N_SEQ:
	case N_ALT:
		for (size_t i = 0; i < n->nkids && sum <= MAX_RULE_PROG; i++)
			sum += prog_size(n->kids[i]) + (n->kind == N_ALT && i + 1 < n->nkids ? 2 : 0);
		return sum;
	case N_LABEL:
		return prog_size(n->kids[0]) + 2;
	case N_REPEAT:
		k = prog_size(n->kids[0]);
		if (k > MAX_RULE_PROG)
			return k;
		sum = (size_t)n->min * k;
		sum += n->max < 0 ? k + 2 : (size_t)(n->max - n->min) * (k + 1);
		return sum;
	}
	return 0;
}

static void gen(struct ws_rphase *ph, const struct node *n)
{
	uint32_t at;
	switch (n->kind) {
	case N_ELEM:
		at = emit(ph, OP_ELEM, n->elem, 0);
		ph->prog.v[at].y = at + 1;
		break;
	case N_SEQ:
		for (size_t i = 0; i < n->nkids; i++)
			gen(ph, n->kids[i]);
		break;
	case N_LABEL:
		at = emit(ph, OP_SAVE, (uint32_t)n->slot * 2, 0);
		ph->prog.v[at].y = at + 1;
		gen(ph, n->kids[0]);
		at = emit(ph, OP_SAVE, (uint32_t)n->slot * 2 + 1, 0);
		ph->prog.v[at].y = at + 1;
		break;
	case N_ALT: {
		WS_VEC(uint32_t) jumps = { 0 };
		for (size_t i = 0; i < n->nkids; i++) {
			uint32_t split = 0;
			if (i + 1 < n->nkids)
				split = emit(ph, OP_SPLIT, 0, 0);
			if (i + 1 < n->nkids)
				ph->prog.v[split].x = split + 1;
			gen(ph, n->kids[i]);
			if (i + 1 < n->nkids) {
				WS_VEC_PUSH(jumps, emit(ph, OP_JMP, 0, 0));
				ph->prog.v[split].y = (uint32_t)ph->prog.n;
			}
		}
		for (size_t i = 0; i < jumps.n; i++)
			ph->prog.v[jumps.v[i]].x = (uint32_t)ph->prog.n;
		WS_VEC_FREE(jumps);
		break;
	}
	case N_REPEAT: {
		for (int i = 0; i < n->min; i++)
			gen(ph, n->kids[0]);
		if (n->max < 0) {
			uint32_t split = emit(ph, OP_SPLIT, 0, 0);
			ph->prog.v[split].x = split + 1;
			gen(ph, n->kids[0]);
			emit(ph, OP_JMP, split, 0);
			ph->prog.v[split].y = (uint32_t)ph->prog.n;
		} else {
			WS_VEC(uint32_t) splits = { 0 };
			for (int i = n->min; i < n->max; i++) {
				uint32_t split = emit(ph, OP_SPLIT, 0, 0);
				ph->prog.v[split].x = split + 1;
				WS_VEC_PUSH(splits, split);
				gen(ph, n->kids[0]);
			}
			for (size_t i = 0; i < splits.n; i++)
				ph->prog.v[splits.v[i]].y = (uint32_t)ph->prog.n;
			WS_VEC_FREE(splits);
		}
		break;
	}
	}
}

/* ---- rules and actions ---- */

static void free_actions(struct ws_rule *r)
{
	free(r->must);
	r->must = NULL;
	free(r->needs);
	r->needs = NULL;
	r->nneeds = 0;
	for (uint32_t i = 0; i < r->nactions; i++)
		free(r->actions[i].vals);
	free(r->actions);
	r->actions = NULL;
	r->nactions = 0;
}

/* => Type[:label] key=value key=@label.Type.feature ... */
static int parse_action(struct parser *ps, struct ws_raction *a)
{
	struct lexer *lx = &ps->lx;
	memset(a, 0, sizeof(*a));
	a->slot = -1;
	next(lx);	/* => */
	if (lx->cur.kind != T_IDENT || !isupper((unsigned char)lx->cur.s[0])) {
		error_here(ps, "expected an annotation type (a capitalised name) after '=>', found");
		return -1;
	}
	a->type = intern_tok(ps);
	next(lx);
	if (is_char(lx, ':')) {
		next(lx);
		if (lx->cur.kind != T_IDENT) {
			error_here(ps, "expected a label after ':', found");
			return -1;
		}
		size_t before = ps->labels.n;
		a->slot = label_slot(ps, lx->cur.s, lx->cur.n);
		if (ps->labels.n != before) {
			error_here(ps, "no such label in the pattern:");
			return -1;
		}
		next(lx);
	}
	while (lx->cur.kind == T_IDENT) {
		struct ws_rval v;
		memset(&v, 0, sizeof(v));
		v.key = intern_tok(ps);
		v.slot = -1;
		next(lx);
		if (lx->cur.kind != T_ASSIGN) {
			error_here(ps, "expected '=' after a feature name, found");
			return -1;
		}
		next(lx);
		if (is_char(lx, '@')) {
			next(lx);
			if (lx->cur.kind != T_IDENT) {
				error_here(ps, "expected @label.Type.feature, found");
				return -1;
			}
			size_t before = ps->labels.n;
			v.slot = label_slot(ps, lx->cur.s, lx->cur.n);
			if (ps->labels.n != before) {
				error_here(ps, "no such label in the pattern:");
				return -1;
			}
			next(lx);
			if (!is_char(lx, '.')) {
				error_here(ps, "expected '.' in @label.Type.feature, found");
				return -1;
			}
			next(lx);
			if (lx->cur.kind != T_IDENT || !isupper((unsigned char)lx->cur.s[0])) {
				error_here(ps, "expected an annotation type in @label.Type.feature, found");
				return -1;
			}
			v.type = intern_tok(ps);
			next(lx);
			if (!is_char(lx, '.')) {
				error_here(ps, "expected '.' in @label.Type.feature, found");
				return -1;
			}
			next(lx);
			if (lx->cur.kind != T_IDENT) {
				error_here(ps, "expected a feature name in @label.Type.feature, found");
				return -1;
			}
			v.fkey = intern_tok(ps);
			next(lx);
		} else if (lx->cur.kind == T_IDENT || lx->cur.kind == T_STRING ||
			   lx->cur.kind == T_NUMBER) {
			v.value = intern_tok(ps);
			next(lx);
		} else {
			error_here(ps, "expected a value after '=', found");
			return -1;
		}
		a->vals = ws_xrealloc(a->vals, (a->nvals + 1) * sizeof(v));
		a->vals[a->nvals++] = v;
	}
	if (lx->cur.kind != T_NL && lx->cur.kind != T_EOF) {
		error_here(ps, "expected the end of the line after the action, found");
		return -1;
	}
	return 0;
}

/* Skips to the next line that starts a rule or a directive. */
static void recover(struct lexer *lx)
{
	for (;;) {
		while (lx->cur.kind != T_NL && lx->cur.kind != T_EOF)
			next(lx);
		if (lx->cur.kind == T_EOF)
			return;
		next(lx);
		if (is_word(lx, "rule") || is_word(lx, "phase") || is_word(lx, "control") ||
		    is_word(lx, "scope") || lx->cur.kind == T_EOF)
			return;
	}
}

/* ---- what every match needs ---- */

static int can_be_empty(const struct node *n)
{
	switch (n->kind) {
	case N_ELEM:
		return 0;	/* an element consumes a token or a non-empty annotation */
	case N_LABEL:
		return can_be_empty(n->kids[0]);
	case N_REPEAT:
		return n->min == 0 || can_be_empty(n->kids[0]);
	case N_ALT:
		for (size_t i = 0; i < n->nkids; i++)
			if (can_be_empty(n->kids[i]))
				return 1;
		return 0;
	default:
		for (size_t i = 0; i < n->nkids; i++)
			if (!can_be_empty(n->kids[i]))
				return 0;
		return 1;
	}
}

typedef WS_VEC(uint32_t) u32_vec;

/* The elements of n when n matches exactly one of them (an element, or
 * alternatives of single elements); 0 when n is anything else. */
static int one_of(const struct node *n, u32_vec *out)
{
	switch (n->kind) {
	case N_ELEM:
		WS_VEC_PUSH(*out, n->elem);
		return 1;
	case N_LABEL:
		return one_of(n->kids[0], out);
	case N_SEQ:
		return n->nkids == 1 && one_of(n->kids[0], out);
	case N_ALT:
		for (size_t i = 0; i < n->nkids; i++)
			if (!one_of(n->kids[i], out))
				return 0;
		return 1;
	default:
		return 0;
	}
}

/* Where needed() is: *open stays set while no part that may consume a
 * token has been passed, and first_starts says whether the first set was
 * found then, so that every match starts with one of its elements. */
struct walk {
	int open, first_starts;
	uint32_t reach;		/* the most tokens a match consumes before here */
	u32_vec *reaches;	/* each set's reach, when asked (NULL: not) */
	int rebased;		/* the reaches count from after the first set */
	int firstspan;		/* ... which has a spanning element */
};

/* Adds two counts of tokens, UINT32_MAX standing for no bound. */
static uint32_t reach_add(uint32_t a, uint32_t b)
{
	return a == UINT32_MAX || b == UINT32_MAX || a + b > WS_RULE_MAX_SPAN ? UINT32_MAX
									       : a + b;
}

/* The most tokens n consumes; UINT32_MAX: no bound below the longest
 * match, as where it spans an annotation or repeats without end. */
static uint32_t max_len(const struct ws_rphase *ph, const struct node *n, int depth)
{
	if (depth > 64)
		return UINT32_MAX;
	uint32_t len = 0, k;
	switch (n->kind) {
	case N_ELEM:
		return ph->elems.v[n->elem].span < 0 ? 1 : UINT32_MAX;
	case N_LABEL:
		return max_len(ph, n->kids[0], depth + 1);
	case N_REPEAT:
		k = max_len(ph, n->kids[0], depth + 1);
		if (n->max < 0)
			return k == 0 ? 0 : UINT32_MAX;
		for (int i = 0; i < n->max && len != UINT32_MAX; i++)
			len = reach_add(len, k);
		return len;
	case N_ALT:
		for (size_t i = 0; i < n->nkids; i++) {
			k = max_len(ph, n->kids[i], depth + 1);
			len = k > len ? k : len;
		}
		return len;
	default:
		for (size_t i = 0; i < n->nkids; i++)
			len = reach_add(len, max_len(ph, n->kids[i], depth + 1));
		return len;
	}
}

/* Walks n in match order and appends to *elems each set of elements one
 * of which every match of n holds, and each set's size to *sizes; with
 * w->reaches, each set's reach there too: the most tokens a match
 * consumes before the one of its elements it holds starts. */
static void needed(const struct ws_rphase *ph, const struct node *n, u32_vec *elems,
		   u32_vec *sizes, struct walk *w, int depth)
{
	if (depth > 64)
		return;		/* parse_alt bounds nesting; this is only a guard */
	u32_vec set = { 0 };
	switch (n->kind) {
	case N_SEQ:
		for (size_t i = 0; i < n->nkids; i++)
			needed(ph, n->kids[i], elems, sizes, w, depth + 1);
		break;
	case N_LABEL:
		needed(ph, n->kids[0], elems, sizes, w, depth + 1);
		break;
	case N_REPEAT: {
		uint32_t before = w->reach;
		if (n->min >= 1)
			needed(ph, n->kids[0], elems, sizes, w, depth + 1);
		w->open = 0;	/* its further rounds, or all of it, come first */
		w->reach = reach_add(before, max_len(ph, n, depth));
		break;
	}
	default: {
		int starts = w->open, one = 0;
		if (can_be_empty(n))
			;
		else if (one_of(n, &set))
			one = 1;
		else if (n->kind == N_ALT) {
			/* alternatives of more than one element: each has a
			 * set of its own that every match through it holds, the
			 * first, and one of the union holds in every match */
			set.n = 0;
			for (size_t i = 0; i < n->nkids; i++) {
				u32_vec e = { 0 }, z = { 0 };
				struct walk sub = { 1, 0, 0, NULL, 0, 0 };
				needed(ph, n->kids[i], &e, &z, &sub, depth + 1);
				if (!z.n) {
					set.n = 0;	/* an alternative needs none */
					WS_VEC_FREE(e);
					WS_VEC_FREE(z);
					break;
				}
				starts &= sub.first_starts;
				for (uint32_t k = 0; k < z.v[0]; k++) {
					size_t j = 0;
					while (j < set.n && set.v[j] != e.v[k])
						j++;
					if (j == set.n)
						WS_VEC_PUSH(set, e.v[k]);
				}
				WS_VEC_FREE(e);
				WS_VEC_FREE(z);
			}
		}
		uint32_t len = max_len(ph, n, depth);
		if (set.n) {
			if (!sizes->n)
				w->first_starts = starts;
			for (size_t i = 0; i < set.n; i++)
				WS_VEC_PUSH(*elems, set.v[i]);
			WS_VEC_PUSH(*sizes, (uint32_t)set.n);
			/* one element, or alternatives of single elements
			 * (however long an annotation they span): it starts
			 * where n does; alternatives of several: somewhere
			 * before n's last token */
			if (w->reaches)
				WS_VEC_PUSH(*w->reaches,
					    n->kind == N_ALT && !one && len != 1
						    ? reach_add(w->reach, len == UINT32_MAX ? len : len - 1)
						    : w->reach);
		}
		w->reach = reach_add(w->reach, len);
		if (set.n && sizes->n == 1 && starts && one && w->reaches) {
			/* every match starts with one of these elements and
			 * goes on right after it: the reaches after count from
			 * there, however long an annotation it spans */
			w->reach = 0;
			w->rebased = 1;
			for (size_t i = 0; i < set.n; i++)
				w->firstspan |= ph->elems.v[set.v[i]].span >= 0;
		}
		w->open = 0;
		break;
	}
	}
	WS_VEC_FREE(set);
}

static void parse_rule(struct parser *ps)
{
	struct lexer *lx = &ps->lx;
	struct ws_rphase *ph = ps->ph;
	unsigned line = lx->cur.line;
	next(lx);	/* rule */
	if (lx->cur.kind != T_IDENT) {
		error_here(ps, "expected a rule name after 'rule', found");
		recover(lx);
		return;
	}
	struct tok name = lx->cur;
	next(lx);
	int priority = 0;
	if (is_word(lx, "priority")) {
		next(lx);
		if (lx->cur.kind != T_NUMBER || lx->cur.n > 6) {
			error_here(ps, "expected a number after 'priority', found");
			recover(lx);
			return;
		}
		priority = atoi(lx->cur.s);
		next(lx);
	}
	for (size_t i = ps->first_rule; i < ph->rules.n; i++) {
		const char *full = ph->rules.v[i].name;
		const char *slash = strrchr(full, '/');
		if (slash && strlen(slash + 1) == name.n && memcmp(slash + 1, name.s, name.n) == 0) {
			ws_diag_error(lx->d, lx->file, name.line, name.col,
				      "rule '%.*s' is defined twice (first at line %u)", (int)name.n,
				      name.s, ph->rules.v[i].line);
			ps->failed = 1;
		}
	}
	if (lx->cur.kind != T_NL) {
		error_here(ps, "expected the end of the line after the rule name, found");
		recover(lx);
		return;
	}
	for (size_t i = 0; i < ps->labels.n; i++)
		free(ps->labels.v[i]);
	ps->labels.n = 0;
	int errors0 = lx->d->errors;
	size_t elems0 = ph->elems.n;
	struct node *pat = parse_alt(ps, 0);
	if (!pat) {
		recover(lx);
		return;
	}
	merge_literals(ps, pat);
	drop_unused_elems(ph, pat, elems0);
	if (lx->cur.kind != T_ARROW) {
		error_here(ps, "expected '=>' and an action after the pattern, found");
		recover(lx);
		return;
	}
	struct ws_rule r;
	memset(&r, 0, sizeof(r));
	struct ws_buf full = WS_BUF_INIT;
	ws_buf_addf(&full, "%s/%.*s", ph->name, (int)name.n, name.s);
	r.name = ws_intern(ps->syms, full.data, full.len);
	ws_buf_release(&full);
	r.priority = priority;
	r.line = line;
	r.part = ps->part;
	while (lx->cur.kind == T_ARROW) {
		struct ws_raction a;
		if (parse_action(ps, &a) != 0) {
			free(a.vals);
			free_actions(&r);
			recover(lx);
			return;
		}
		r.actions = ws_xrealloc(r.actions, (r.nactions + 1) * sizeof(a));
		r.actions[r.nactions++] = a;
		skip_newlines(lx);
	}
	if (lx->d->errors == errors0 && prog_size(pat) > MAX_RULE_PROG) {
		ws_diag_error(lx->d, lx->file, name.line, name.col,
			      "rule '%.*s' compiles to more than %d instructions: its repeats "
			      "nest too deep (each + or {m,n} inside another multiplies)",
			      (int)name.n, name.s, MAX_RULE_PROG);
		ps->failed = 1;
	}
	if (lx->d->errors != errors0) {
		free_actions(&r);
		return;
	}
	/* the needed sets but the one every match starts with (tested before
	 * any rule runs anyway), when there is one: a set after optional
	 * parts ("(a)? (b)? {c}") is needed, but a match may start before it */
	u32_vec elems = { 0 }, sizes = { 0 }, reaches = { 0 };
	struct walk w = { 1, 0, 0, &reaches, 0, 0 };
	needed(ph, pat, &elems, &sizes, &w, 0);
	uint32_t skip = sizes.n && w.first_starts;
	if (sizes.n > skip) {
		r.must = elems.v;
		r.nneeds = (uint32_t)sizes.n - skip;
		r.needs = ws_xcalloc(r.nneeds, sizeof(*r.needs));
		uint32_t at = skip ? sizes.v[0] : 0;
		for (uint32_t k = 0; k < r.nneeds; k++) {
			r.needs[k].first = at;
			r.needs[k].n = sizes.v[k + skip];
			r.needs[k].reach = reaches.v[k + skip];
			at += sizes.v[k + skip];
		}
		/* where no reach is bounded, where they count from does
		 * not matter: the matcher need not look for it */
		int bounded = 0;
		for (uint32_t k = 0; k < r.nneeds; k++)
			bounded |= r.needs[k].reach != UINT32_MAX;
		r.rebased = (uint8_t)(bounded ? w.rebased + w.firstspan : 0);
		r.after_first = (uint8_t)skip;
	} else {
		WS_VEC_FREE(elems);
	}
	WS_VEC_FREE(sizes);
	WS_VEC_FREE(reaches);
	uint32_t start = (uint32_t)ph->prog.n;
	gen(ph, pat);
	emit(ph, OP_MATCH, (uint32_t)ph->rules.n, 0);
	while (ph->rule_of.n < ph->prog.n)
		WS_VEC_PUSH(ph->rule_of, (uint32_t)ph->rules.n);
	WS_VEC_PUSH(ph->rules, r);
	WS_VEC_PUSH(ps->starts, start);
	if (ps->labels.n * 2 > ph->nslots)
		ph->nslots = (uint32_t)ps->labels.n * 2;
}

/* The phase's entry: a chain of splits trying every rule, in file order so
 * that threads of earlier rules take precedence. */
static void gen_entry(struct parser *ps)
{
	struct ws_rphase *ph = ps->ph;
	ph->entry = (uint32_t)ph->prog.n;
	for (size_t i = 0; i < ps->starts.n; i++) {
		if (i + 1 < ps->starts.n) {
			uint32_t at = emit(ph, OP_SPLIT, ps->starts.v[i], 0);
			ph->prog.v[at].y = at + 1;
		} else {
			emit(ph, OP_JMP, ps->starts.v[i], 0);
		}
	}
	if (ps->starts.n == 0)
		emit(ph, OP_JMP, ph->entry + 1, 0), emit(ph, OP_MATCH, UINT32_MAX, 0);
	/* the elements reachable from the entry without consuming a token:
	 * where none of them holds, no match can start (a cheap prefilter) */
	uint8_t *seen = ws_xcalloc(ph->prog.n, 1);
	WS_VEC(uint32_t) stack = { 0 };
	WS_VEC_PUSH(stack, ph->entry);
	while (stack.n) {
		uint32_t pc = stack.v[--stack.n];
		if (seen[pc])
			continue;
		seen[pc] = 1;
		const struct ws_rinst *in = &ph->prog.v[pc];
		switch (in->op) {
		case OP_JMP:
			WS_VEC_PUSH(stack, in->x);
			break;
		case OP_SPLIT:
			WS_VEC_PUSH(stack, in->x);
			WS_VEC_PUSH(stack, in->y);
			break;
		case OP_SAVE:
			WS_VEC_PUSH(stack, in->y);
			break;
		case OP_ELEM:
			WS_VEC_PUSH(ph->firsts, in->x);
			break;
		default:
			break;
		}
	}
	WS_VEC_FREE(stack);
	free(seen);
}

static void phase_release(struct ws_rphase *ph)
{
	for (size_t i = 0; i < ph->elems.n; i++)
		elem_release(&ph->elems.v[i]);
	for (size_t i = 0; i < ph->rules.n; i++)
		free_actions(&ph->rules.v[i]);
	WS_VEC_FREE(ph->elems);
	WS_VEC_FREE(ph->rules);
	WS_VEC_FREE(ph->prog);
	WS_VEC_FREE(ph->firsts);
	WS_VEC_FREE(ph->rule_of);
	ws_rclosure_release(ph);
	free(ph->name);
	free(ph->file);
}

static void parse_directive(struct parser *ps)
{
	struct lexer *lx = &ps->lx;
	struct tok kw = lx->cur;
	next(lx);
	if (lx->cur.kind != T_IDENT) {
		error_here(ps, "expected a name after the directive, found");
		recover(lx);
		return;
	}
	struct tok v = lx->cur;
	if (kw.n == 5 && memcmp(kw.s, "phase", 5) == 0) {
		if (ps->ph->rules.n > ps->first_rule) {
			ws_diag_error(lx->d, lx->file, kw.line, kw.col,
				      "'phase' must come before the first rule");
			ps->failed = 1;
		}
		free(ps->ph->name);
		ps->ph->name = ws_xstrndup(v.s, v.n);
	} else if (kw.n == 7 && memcmp(kw.s, "control", 7) == 0) {
		if (v.n == 6 && memcmp(v.s, "appelt", 6) == 0)
			ps->ph->control = RC_APPELT;
		else if (v.n == 3 && memcmp(v.s, "all", 3) == 0)
			ps->ph->control = RC_ALL;
		else
			error_here(ps, "unknown control (appelt, all):");
	} else {
		if (v.n == 8 && memcmp(v.s, "sentence", 8) == 0)
			ps->ph->scope = RS_SENTENCE;
		else if (v.n == 9 && memcmp(v.s, "paragraph", 9) == 0)
			ps->ph->scope = RS_PARAGRAPH;
		else
			error_here(ps, "unknown scope (sentence, paragraph):");
	}
	next(lx);
	if (lx->cur.kind != T_NL && lx->cur.kind != T_EOF) {
		error_here(ps, "expected the end of the line, found");
		recover(lx);
	}
}

static char *default_phase_name(const char *file)
{
	const char *b = strrchr(file, '/');
	b = b ? b + 1 : file;
	const char *dot = strrchr(b, '.');
	return ws_xstrndup(b, dot ? (size_t)(dot - b) : strlen(b));
}

/* One file's text. */
struct source {
	const char *file;
	const char *text;
	size_t len;
};

/* Parses src, part part of the phase ps->ph, its rules named after the
 * phase the file declares. */
static void parse_source(struct parser *ps, const struct source *src, uint32_t part)
{
	struct ws_rphase *ph = ps->ph;
	struct ws_diag *d = ps->lx.d;
	free(ph->name);
	ph->name = default_phase_name(src->file);
	memset(&ps->lx, 0, sizeof(ps->lx));
	ps->lx.file = src->file;
	ps->lx.p = src->text;
	ps->lx.end = src->text + src->len;
	ps->lx.linestart = src->text;
	ps->lx.line = 1;
	ps->lx.d = d;
	ps->part = part;
	ps->first_rule = ph->rules.n;
	next(&ps->lx);
	while (ps->lx.cur.kind != T_EOF) {
		if (ps->lx.cur.kind == T_NL) {
			next(&ps->lx);
		} else if (is_word(&ps->lx, "rule")) {
			parse_rule(ps);
		} else if (is_word(&ps->lx, "phase") || is_word(&ps->lx, "control") ||
			   is_word(&ps->lx, "scope")) {
			parse_directive(ps);
		} else {
			error_here(ps, "expected 'phase', 'control', 'scope' or 'rule', found");
			recover(&ps->lx);
		}
		if (ph->prog.n > MAX_INSTS) {
			ws_diag_error(d, src->file, ps->lx.cur.line, 0,
				      "the phase compiles to more than %u instructions: "
				      "lower the repeat counts", MAX_INSTS);
			break;
		}
	}
	ws_buf_release(&ps->lx.strval);
}

/* ws_rules_add_phase() but for the rule set's bits, which a caller adding
 * several phases builds once after the last (build 0), and for one phase
 * compiled from several files (n of them, see rulefuse.c), run as one. */
static int add_phase(struct ws_ruleset **rs, const struct source *src, size_t n,
		     struct ws_symtab *syms, struct ws_diag *d, int build)
{
	struct parser ps;
	memset(&ps, 0, sizeof(ps));
	struct ws_rphase ph;
	memset(&ph, 0, sizeof(ph));
	ph.file = ws_xstrdup(src[0].file);
	ph.nparts = (uint32_t)n;
	ps.ph = &ph;
	ps.syms = syms;
	ps.lx.d = d;
	int errors0 = d->errors;
	struct ws_buf names = WS_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		parse_source(&ps, &src[i], (uint32_t)i);
		ws_buf_addf(&names, "%s%s", i ? "+" : "", ph.name);
	}
	free(ph.name);
	ph.name = ws_xstrdup(names.data);
	ws_buf_release(&names);
	gen_entry(&ps);
	while (ph.rule_of.n < ph.prog.n)
		WS_VEC_PUSH(ph.rule_of, UINT32_MAX);
	for (size_t i = 0; i < ps.labels.n; i++)
		free(ps.labels.v[i]);
	WS_VEC_FREE(ps.labels);
	WS_VEC_FREE(ps.starts);
	for (size_t i = 0; i < ps.nodes.n; i++) {
		free(ps.nodes.v[i]->kids);
		free(ps.nodes.v[i]);
	}
	WS_VEC_FREE(ps.nodes);
	if (d->errors != errors0) {
		phase_release(&ph);
		return WS_ERR_DATA;
	}
	if (!*rs)
		*rs = ws_xcalloc(1, sizeof(**rs));
	ws_rclosure_build(&ph);
	WS_VEC_PUSH((*rs)->phases, ph);
	(*rs)->nfiles += n;
	if (build)
		ws_rbits_build(*rs);
	return 0;
}

int ws_rules_add_phase(struct ws_ruleset **rs, const char *file, const char *text, size_t len,
		       struct ws_symtab *syms, struct ws_diag *d)
{
	struct source src = { file, text, len };
	return add_phase(rs, &src, 1, syms, d, 1);
}

void ws_rules_free(struct ws_ruleset *rs)
{
	if (!rs)
		return;
	for (size_t i = 0; i < rs->phases.n; i++)
		phase_release(&rs->phases.v[i]);
	WS_VEC_FREE(rs->phases);
	ws_rbits_release(&rs->bits);
	free(rs);
}

size_t ws_rules_phases(const struct ws_ruleset *rs)
{
	return rs ? rs->nfiles : 0;
}

size_t ws_rules_count(const struct ws_ruleset *rs)
{
	size_t n = 0;
	for (size_t i = 0; rs && i < rs->phases.n; i++)
		n += rs->phases.v[i].rules.n;
	return n;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with_rules(const char *s)
{
	size_t n = strlen(s);
	return n > 6 && strcmp(s + n - 6, ".rules") == 0;
}

/* The rule set of the sources: each its own phase, then, when phases run
 * as one (ws_rfuse_run), those compiled again as one. */
static int load_sources(const struct source *src, size_t n, struct ws_symtab *syms,
			struct ws_diag *d, struct ws_ruleset **out)
{
	int rc = 0;
	for (size_t i = 0; i < n; i++)
		if (add_phase(out, &src[i], 1, syms, d, 0) != 0)
			rc = WS_ERR_DATA;
	if (rc)
		return rc;
	int fused = 0;
	for (size_t i = 0; i < (*out)->phases.n && !fused; i++)
		fused = ws_rfuse_run(*out, i) > 1;
	if (!fused)
		return 0;
	struct ws_ruleset *rs = ws_xcalloc(1, sizeof(*rs));
	for (size_t i = 0; i < n;) {
		size_t k = ws_rfuse_run(*out, i);
		if (k == 1) {	/* as compiled: moved, not compiled again */
			WS_VEC_PUSH(rs->phases, (*out)->phases.v[i]);
			memset(&(*out)->phases.v[i], 0, sizeof((*out)->phases.v[i]));
			rs->nfiles++;
		} else if (add_phase(&rs, &src[i], k, syms, d, 0) != 0) {
			rc = WS_ERR_DATA;
		}
		i += k;
	}
	ws_rules_free(*out);
	*out = rs;
	return rc;
}

int ws_rules_load(const char *dir, struct ws_symtab *syms, struct ws_diag *d,
		  struct ws_ruleset **out)
{
	*out = ws_xcalloc(1, sizeof(**out));
	DIR *dh = opendir(dir);
	if (!dh)
		return 0;
	WS_VEC(char *) names = { 0 };
	struct dirent *de;
	while ((de = readdir(dh)) != NULL)
		if (de->d_name[0] != '.' && ends_with_rules(de->d_name))
			WS_VEC_PUSH(names, ws_xstrdup(de->d_name));
	closedir(dh);
	qsort(names.v, names.n, sizeof(char *), cmp_str);
	int rc = 0;
	WS_VEC(struct source) src = { 0 };
	for (size_t i = 0; i < names.n; i++) {
		struct ws_buf path = WS_BUF_INIT;
		ws_buf_addf(&path, "%s/%s", dir, names.v[i]);
		size_t len = 0;
		char *text = ws_slurp(path.data, &len);
		if (!text) {
			ws_diag_error(d, path.data, 0, 0, "cannot read: %s", strerror(errno));
			rc = WS_ERR_DATA;
			ws_buf_release(&path);
		} else {
			struct source sc = { path.data, text, len };	/* owns path */
			WS_VEC_PUSH(src, sc);
		}
		free(names.v[i]);
	}
	WS_VEC_FREE(names);
	if (load_sources(src.v, src.n, syms, d, out) != 0)
		rc = WS_ERR_DATA;
	for (size_t i = 0; i < src.n; i++) {
		free((char *)src.v[i].file);
		free((char *)src.v[i].text);
	}
	WS_VEC_FREE(src);
	if (rc) {
		ws_rules_free(*out);
		*out = NULL;
	} else if ((*out)->phases.n) {
		ws_rbits_build(*out);	/* once for all the phases */
	}
	return rc;
}
