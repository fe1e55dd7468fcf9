/* eval: read gold attributions and whosaid predictions as TSV, match
 * statement spans one-to-one by byte-range Jaccard within each document,
 * judge the speaker of each match, and report P/R/F1 overall and per outlet;
 * with whosaid's mentions, also how many gold speaker names it found with the
 * same span. Input files are read whole into memory; only documents in the
 * gold count. */
#include "eval.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uthash.h>

/* Offsets above this are refused so that overlap * union products used to
 * compare Jaccard values exactly fit in 64 bits. */
#define MAX_OFFSET 2147483647LL
/* A file in the wrong format would otherwise print one message per line. */
#define MAX_ERRORS 25

struct gold_row {
	struct doc *doc;
	int quoted;
	int marked;            /* the content text holds a quotation mark */
	long long cb, ce;
	long long sb, se;      /* -1 when there is no source */
	int has_source;
	int is_name;
	char *source_text;     /* only kept for source_kind name */
	long long lb, le;      /* the source without a leading article or a final 's */
};

/* A person or organisation mention from mentions.tsv. */
struct ment_row {
	long long b, e;
	long long lb, le;      /* as gold_row */
	int named;             /* a person or an organisation */
};

struct pred_row {
	struct doc *doc;
	int quoted;
	long long qb, qe;      /* -1 when unknown */
	long long mb, me;      /* -1 when unknown */
	int no_speaker;        /* speaker empty or speaker_type unknown */
	char *last_word;       /* last word of the speaker, NULL if none */
};

/* Rows are kept as indices per document so that the row arrays can grow. */
struct idx_vec {
	size_t *v;
	size_t n, cap;
};

struct doc {
	char *id;
	char *pred_outlet;     /* first non-empty outlet among its predictions */
	char *meta_outlet;     /* publisher from metadata */
	struct idx_vec gold, pred, ments;
	UT_hash_handle hh;
};

struct ws_eval {
	struct doc *docs;      /* uthash head, insertion order */
	struct gold_row *gold;
	size_t n_gold, cap_gold;
	struct pred_row *pred;
	size_t n_pred, cap_pred;
	struct ment_row *ments;
	size_t n_ments, cap_ments;
};

static const char *const quoted_types[] = { "direct", "mixed" };

/* ---- small helpers ---- */

static int grow(void *pp, size_t *cap, size_t need, size_t size)
{
	void **p = pp;
	size_t ncap;
	void *np;

	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / size)
		return WS_EVAL_ENOMEM;
	np = realloc(*p, ncap * size);
	if (!np)
		return WS_EVAL_ENOMEM;
	*p = np;
	*cap = ncap;
	return 0;
}

static int idx_push(struct idx_vec *iv, size_t i)
{
	if (grow(&iv->v, &iv->cap, iv->n + 1, sizeof *iv->v))
		return WS_EVAL_ENOMEM;
	iv->v[iv->n++] = i;
	return 0;
}

static char *dup_str(const char *s)
{
	size_t n;
	char *d;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/* ASCII-only case folding: locale-independent, and names in the gold are
 * compared bytewise beyond ASCII anyway. */
static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int eq_nocase(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i;

	if (alen != blen)
		return 0;
	for (i = 0; i < alen; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return 0;
	return 1;
}

int ws_eval_has_marks(const char *text)
{
	static const char *const marks[] = {
		"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xC2\xAB", "\xC2\xBB",
		"''", "``", "\xE2\x80\x98", "\xE2\x80\xB9", "\xE2\x80\xBA", NULL
	};
	const unsigned char *p;
	size_t i;

	if (!text)
		return 0;
	for (i = 0; marks[i]; i++)
		if (strstr(text, marks[i]))
			return 1;
	for (p = (const unsigned char *)text; *p; p++)
		if (*p == '\'' && (p == (const unsigned char *)text || p[-1] == ' ' ||
		                    p[-1] == '(' || p[-1] == '-') &&
		    ((p[1] >= 'A' && p[1] <= 'Z') || (p[1] >= 'a' && p[1] <= 'z')))
			return 1;
	return 0;
}

static int is_quoted(const char *qt)
{
	size_t i;

	if (!qt)
		return 0;
	for (i = 0; i < sizeof quoted_types / sizeof *quoted_types; i++)
		if (strcmp(qt, quoted_types[i]) == 0)
			return 1;
	return 0;
}

/* Length of the character at s[i] (at least 1); *word says whether it
 * belongs to a word. Words are ASCII letters and digits plus non-ASCII
 * characters, except no-break space and the General Punctuation block (curly
 * quotes and apostrophes, dashes), so that "Trump’s" holds the word "Trump". */
static size_t char_at(const char *s, size_t len, size_t i, int *word)
{
	unsigned char c = (unsigned char)s[i], c1 = i + 1 < len ? (unsigned char)s[i + 1] : 0;
	size_t n;

	if (c < 0x80) {
		*word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		return 1;
	}
	*word = !(c == 0xC2 && c1 == 0xA0) && !(c == 0xE2 && (c1 == 0x80 || c1 == 0x81));
	n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	return i + n <= len ? n : len - i;
}

/* Find the next word at or after *pos; returns its length (0 at the end) and
 * sets *start. */
static size_t next_word(const char *s, size_t len, size_t *pos, size_t *start)
{
	size_t i = *pos, n = 0;
	int word = 0;

	while (i < len && (n = char_at(s, len, i, &word), !word))
		i += n;
	*start = i;
	while (i < len && (n = char_at(s, len, i, &word), word))
		i += n;
	*pos = i;
	return i - *start;
}

/* Copy the last word of s to *out, NULL when s has no word. */
static int last_word(const char *s, char **out)
{
	size_t len = strlen(s), pos = 0, st, n, best = 0, best_len = 0;

	*out = NULL;
	while ((n = next_word(s, len, &pos, &st)) > 0) {
		best = st;
		best_len = n;
	}
	if (!best_len)
		return 0;
	*out = malloc(best_len + 1);
	if (!*out)
		return WS_EVAL_ENOMEM;
	memcpy(*out, s + best, best_len);
	(*out)[best_len] = '\0';
	return 0;
}

static int has_word(const char *text, const char *word)
{
	size_t len, wlen = strlen(word), pos = 0, st, n;

	if (!text)
		return 0;
	len = strlen(text);
	while ((n = next_word(text, len, &pos, &st)) > 0)
		if (eq_nocase(text + st, n, word, wlen))
			return 1;
	return 0;
}

/* The span [b, e) of text s without a leading article and space ("the ",
 * "a ", "an ", any case) and without a final possessive 's or ’s, so that
 * "The Times" ~ "Times" and "Trump's" ~ "Trump". s must be the span's exact
 * bytes: when it is NULL or its length differs, the span stays as it is. */
static void loose_span(const char *s, long long b, long long e, long long *lb, long long *le)
{
	static const char *const articles[] = { "the ", "a ", "an " };
	size_t n = s ? strlen(s) : 0, i, skip = 0;

	*lb = b;
	*le = e;
	if (!s || (long long)n != e - b)
		return;
	for (i = 0; i < sizeof articles / sizeof *articles; i++) {
		size_t an = strlen(articles[i]);

		if (n > an && eq_nocase(s, an, articles[i], an)) {
			skip = an;
			break;
		}
	}
	if (n - skip > 2 && (memcmp(s + n - 2, "'s", 2) == 0))
		n -= 2;
	else if (n - skip > 4 && memcmp(s + n - 4, "\xE2\x80\x99s", 4) == 0)
		n -= 4;
	*lb = b + (long long)skip;
	*le = b + (long long)n;
}

/* ---- the in-memory set ---- */

struct ws_eval *ws_eval_new(void)
{
	return calloc(1, sizeof(struct ws_eval));
}

void ws_eval_free(struct ws_eval *ev)
{
	struct doc *d, *tmp;
	size_t i;

	if (!ev)
		return;
	HASH_ITER(hh, ev->docs, d, tmp) {
		HASH_DEL(ev->docs, d);
		free(d->id);
		free(d->pred_outlet);
		free(d->meta_outlet);
		free(d->gold.v);
		free(d->pred.v);
		free(d->ments.v);
		free(d);
	}
	for (i = 0; i < ev->n_gold; i++)
		free(ev->gold[i].source_text);
	for (i = 0; i < ev->n_pred; i++)
		free(ev->pred[i].last_word);
	free(ev->gold);
	free(ev->pred);
	free(ev->ments);
	free(ev);
}

static struct doc *get_doc(struct ws_eval *ev, const char *id)
{
	struct doc *d;
	size_t len = strlen(id);

	HASH_FIND(hh, ev->docs, id, len, d);
	if (d)
		return d;
	d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->id = dup_str(id);
	if (!d->id) {
		free(d);
		return NULL;
	}
	HASH_ADD_KEYPTR(hh, ev->docs, d->id, len, d);
	return d;
}

int ws_eval_add_gold(struct ws_eval *ev, const struct ws_eval_gold *g)
{
	struct gold_row *r;
	struct doc *d = get_doc(ev, g->doc_id);

	if (!d || grow(&ev->gold, &ev->cap_gold, ev->n_gold + 1, sizeof *ev->gold))
		return WS_EVAL_ENOMEM;
	r = &ev->gold[ev->n_gold];
	memset(r, 0, sizeof *r);
	r->doc = d;
	r->quoted = is_quoted(g->quote_type);
	r->marked = ws_eval_has_marks(g->content_text);
	r->cb = g->content_start;
	r->ce = g->content_end;
	r->has_source = g->source_start >= 0 && g->source_end >= 0 &&
	                !(g->source_kind && strcmp(g->source_kind, "none") == 0);
	r->sb = r->has_source ? g->source_start : -1;
	r->se = r->has_source ? g->source_end : -1;
	r->is_name = r->has_source && g->source_kind &&
	             strcmp(g->source_kind, "name") == 0;
	if (r->is_name && g->source_text) {
		r->source_text = dup_str(g->source_text);
		if (!r->source_text)
			return WS_EVAL_ENOMEM;
	}
	loose_span(r->source_text, r->sb, r->se, &r->lb, &r->le);
	if (idx_push(&d->gold, ev->n_gold)) {
		free(r->source_text);
		return WS_EVAL_ENOMEM;
	}
	ev->n_gold++;
	return 0;
}

int ws_eval_add_pred(struct ws_eval *ev, const struct ws_eval_pred *p)
{
	struct pred_row *r;
	struct doc *d = get_doc(ev, p->doc_id);

	if (!d || grow(&ev->pred, &ev->cap_pred, ev->n_pred + 1, sizeof *ev->pred))
		return WS_EVAL_ENOMEM;
	if (p->outlet && *p->outlet && !d->pred_outlet) {
		d->pred_outlet = dup_str(p->outlet);
		if (!d->pred_outlet)
			return WS_EVAL_ENOMEM;
	}
	r = &ev->pred[ev->n_pred];
	memset(r, 0, sizeof *r);
	r->doc = d;
	r->quoted = is_quoted(p->quote_type);
	r->qb = p->quote_start;
	r->qe = p->quote_end;
	r->mb = p->mention_start;
	r->me = p->mention_end;
	r->no_speaker = !p->speaker || !*p->speaker ||
	                (p->speaker_type &&
	                 eq_nocase(p->speaker_type, strlen(p->speaker_type), "unknown", 7));
	if (!r->no_speaker && last_word(p->speaker, &r->last_word))
		return WS_EVAL_ENOMEM;
	if (idx_push(&d->pred, ev->n_pred)) {
		free(r->last_word);
		return WS_EVAL_ENOMEM;
	}
	ev->n_pred++;
	return 0;
}

int ws_eval_add_mention(struct ws_eval *ev, const struct ws_eval_mention *m)
{
	struct ment_row *r;
	struct doc *d;

	if (!m->type)
		return 0;
	if (m->start < 0 || m->end < m->start)
		return 0;
	d = get_doc(ev, m->doc_id);
	if (!d || grow(&ev->ments, &ev->cap_ments, ev->n_ments + 1, sizeof *ev->ments))
		return WS_EVAL_ENOMEM;
	r = &ev->ments[ev->n_ments];
	r->b = m->start;
	r->e = m->end;
	r->named = strcmp(m->type, "person") == 0 || strcmp(m->type, "organization") == 0;
	loose_span(m->text, m->start, m->end, &r->lb, &r->le);
	if (idx_push(&d->ments, ev->n_ments))
		return WS_EVAL_ENOMEM;
	ev->n_ments++;
	return 0;
}

int ws_eval_set_outlet(struct ws_eval *ev, const char *doc_id, const char *outlet)
{
	struct doc *d = get_doc(ev, doc_id);
	char *o;

	if (!d)
		return WS_EVAL_ENOMEM;
	o = dup_str(outlet);
	if (!o)
		return WS_EVAL_ENOMEM;
	free(d->meta_outlet);
	d->meta_outlet = o;
	return 0;
}

/* ---- TSV reading ---- */

struct tsv {
	FILE *f;
	const char *name;
	FILE *err;
	char *line;
	size_t line_cap;
	long lineno;
	char **field;
	size_t n_field, cap_field;
	size_t n_cols;         /* fields in the header */
	int errors;
};

static void tsv_error(struct tsv *t, const char *fmt, ...)
{
	va_list ap;

	t->errors++;
	if (t->errors > MAX_ERRORS)
		return;
	fprintf(t->err, "%s:%ld: ", t->name, t->lineno);
	va_start(ap, fmt);
	vfprintf(t->err, fmt, ap);
	va_end(ap);
	fputc('\n', t->err);
	if (t->errors == MAX_ERRORS)
		fprintf(t->err, "%s: too many errors, not reporting more\n", t->name);
}

/* Read the next non-blank line and split it at tabs in place. Returns 1 with
 * a line, 0 at the end, or a negative code. CR LF endings are accepted. */
static int tsv_next(struct tsv *t)
{
	ssize_t n;
	char *p;

	for (;;) {
		errno = 0;
		n = getline(&t->line, &t->line_cap, t->f);
		if (n < 0)
			return ferror(t->f) ? WS_EVAL_EIO : errno == ENOMEM ? WS_EVAL_ENOMEM : 0;
		t->lineno++;
		if (n > 0 && t->line[n - 1] == '\n')
			t->line[--n] = '\0';
		if (n > 0 && t->line[n - 1] == '\r')
			t->line[--n] = '\0';
		if (n > 0)
			break;
	}
	if (memchr(t->line, '\0', (size_t)n)) {
		tsv_error(t, "line holds a NUL byte");
		t->n_field = 0;
		return 1;
	}
	t->n_field = 0;
	p = t->line;
	for (;;) {
		char *tab = strchr(p, '\t');

		if (grow(&t->field, &t->cap_field, t->n_field + 1, sizeof *t->field))
			return WS_EVAL_ENOMEM;
		t->field[t->n_field++] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return 1;
}

/* Read the header and find each wanted column; optional ones start with '?'.
 * col[i] is the field index, or -1 for a missing optional column. */
static int tsv_header(struct tsv *t, const char *const *want, size_t n_want, long *col)
{
	size_t i, j;
	int rc = tsv_next(t);

	if (rc < 0)
		return rc;
	if (rc == 0) {
		fprintf(t->err, "%s: empty file, expected a header line\n", t->name);
		return WS_EVAL_EINPUT;
	}
	t->n_cols = t->n_field;
	rc = 0;
	for (i = 0; i < n_want; i++) {
		const char *w = want[i][0] == '?' ? want[i] + 1 : want[i];

		col[i] = -1;
		for (j = 0; j < t->n_field; j++)
			if (strcmp(t->field[j], w) == 0) {
				col[i] = (long)j;
				break;
			}
		if (col[i] < 0 && want[i][0] != '?') {
			tsv_error(t, "missing column '%s'", w);
			rc = WS_EVAL_EINPUT;
		}
	}
	return rc;
}

/* The next data line with the right number of fields, reporting the others.
 * Returns 1, 0 at the end, or a negative code. */
static int tsv_row(struct tsv *t)
{
	int rc;

	while ((rc = tsv_next(t)) > 0) {
		if (t->n_field == t->n_cols)
			return 1;
		if (t->n_field == 0)
			continue;   /* already reported */
		tsv_error(t, "wrong number of fields: %zu, expected %zu", t->n_field, t->n_cols);
	}
	return rc;
}

static void tsv_release(struct tsv *t)
{
	free(t->line);
	free(t->field);
}

static const char *fld(const struct tsv *t, long col)
{
	return col >= 0 ? t->field[col] : "";
}

/* Parse a byte offset: decimal digits only. Empty gives -1 (unknown). */
static int parse_off(struct tsv *t, const char *colname, const char *s, long long *v)
{
	long long x = 0;
	const char *p;

	*v = -1;
	if (!*s)
		return 0;
	for (p = s; *p; p++) {
		if (*p < '0' || *p > '9') {
			tsv_error(t, "%s is not a number: '%s'", colname, s);
			return -1;
		}
		x = x * 10 + (*p - '0');
		if (x > MAX_OFFSET) {
			tsv_error(t, "%s is too large: %s", colname, s);
			return -1;
		}
	}
	*v = x;
	return 0;
}

/* A span: both ends or neither, end not before start. */
static int parse_span(struct tsv *t, const char *const *names, const long *col,
                      size_t i, int required, long long *b, long long *e)
{
	if (parse_off(t, names[i], fld(t, col[i]), b) ||
	    parse_off(t, names[i + 1], fld(t, col[i + 1]), e))
		return -1;
	if ((*b < 0) != (*e < 0)) {
		tsv_error(t, "%s is empty but %s is not", *b < 0 ? names[i] : names[i + 1],
		          *b < 0 ? names[i + 1] : names[i]);
		return -1;
	}
	if (*b < 0 && required) {
		tsv_error(t, "%s is empty", names[i]);
		return -1;
	}
	if (*e < *b) {
		tsv_error(t, "%s is before %s", names[i + 1], names[i]);
		return -1;
	}
	return 0;
}

static int read_done(struct tsv *t, int rc)
{
	if (rc == WS_EVAL_EIO)
		fprintf(t->err, "%s: cannot read: %s\n", t->name, strerror(errno));
	tsv_release(t);
	if (rc < 0)
		return rc;
	return t->errors ? WS_EVAL_EINPUT : 0;
}

enum { G_DOC, G_QT, G_CB, G_CE, G_SB, G_SE, G_KIND, G_STEXT, G_CTEXT, G_N };
static const char *const gold_cols[G_N] = {
	"doc_id", "quote_type", "content_bstart", "content_bend",
	"source_bstart", "source_bend", "source_kind", "source_text", "?content_text"
};

int ws_eval_read_gold(struct ws_eval *ev, FILE *f, const char *name, FILE *err)
{
	struct tsv t = { f, name, err, NULL, 0, 0, NULL, 0, 0, 0, 0 };
	long col[G_N];
	int rc = tsv_header(&t, gold_cols, G_N, col);

	if (rc < 0)
		return read_done(&t, rc);
	while ((rc = tsv_row(&t)) > 0) {
		struct ws_eval_gold g;
		const char *kind = fld(&t, col[G_KIND]);

		memset(&g, 0, sizeof g);
		g.doc_id = fld(&t, col[G_DOC]);
		g.quote_type = fld(&t, col[G_QT]);
		g.source_kind = kind;
		g.source_text = fld(&t, col[G_STEXT]);
		g.content_text = fld(&t, col[G_CTEXT]);
		if (!*g.doc_id) {
			tsv_error(&t, "doc_id is empty");
			continue;
		}
		if (strcmp(g.quote_type, "direct") && strcmp(g.quote_type, "mixed") &&
		    strcmp(g.quote_type, "indirect")) {
			tsv_error(&t, "unknown quote_type '%s', expected direct, mixed or indirect",
			          g.quote_type);
			continue;
		}
		if (strcmp(kind, "name") && strcmp(kind, "pronoun") &&
		    strcmp(kind, "nominal") && strcmp(kind, "none")) {
			tsv_error(&t, "unknown source_kind '%s', expected name, pronoun, nominal or none",
			          kind);
			continue;
		}
		if (parse_span(&t, gold_cols, col, G_CB, 1, &g.content_start, &g.content_end) ||
		    parse_span(&t, gold_cols, col, G_SB, 0, &g.source_start, &g.source_end))
			continue;
		if (ws_eval_add_gold(ev, &g)) {
			rc = WS_EVAL_ENOMEM;
			break;
		}
	}
	return read_done(&t, rc);
}

enum { P_DOC, P_QT, P_QB, P_QE, P_MB, P_ME, P_SPK, P_STYPE, P_OUTLET, P_N };
static const char *const pred_cols[P_N] = {
	"doc_id", "quote_type", "quote_start", "quote_end",
	"mention_start", "mention_end", "speaker", "speaker_type", "?outlet"
};

int ws_eval_read_pred(struct ws_eval *ev, FILE *f, const char *name, FILE *err)
{
	struct tsv t = { f, name, err, NULL, 0, 0, NULL, 0, 0, 0, 0 };
	long col[P_N];
	int rc = tsv_header(&t, pred_cols, P_N, col);

	if (rc < 0)
		return read_done(&t, rc);
	while ((rc = tsv_row(&t)) > 0) {
		struct ws_eval_pred p;

		memset(&p, 0, sizeof p);
		p.doc_id = fld(&t, col[P_DOC]);
		p.quote_type = fld(&t, col[P_QT]);
		p.speaker = fld(&t, col[P_SPK]);
		p.speaker_type = fld(&t, col[P_STYPE]);
		p.outlet = fld(&t, col[P_OUTLET]);
		if (!*p.doc_id) {
			tsv_error(&t, "doc_id is empty");
			continue;
		}
		if (parse_span(&t, pred_cols, col, P_QB, 0, &p.quote_start, &p.quote_end) ||
		    parse_span(&t, pred_cols, col, P_MB, 0, &p.mention_start, &p.mention_end))
			continue;
		if (ws_eval_add_pred(ev, &p)) {
			rc = WS_EVAL_ENOMEM;
			break;
		}
	}
	return read_done(&t, rc);
}

enum { N_DOC, N_TYPE, N_START, N_END, N_TEXT, N_N };
static const char *const ment_cols[N_N] = { "doc_id", "type", "start", "end", "?text" };

int ws_eval_read_mentions(struct ws_eval *ev, FILE *f, const char *name, FILE *err)
{
	struct tsv t = { f, name, err, NULL, 0, 0, NULL, 0, 0, 0, 0 };
	long col[N_N];
	int rc = tsv_header(&t, ment_cols, N_N, col);

	if (rc < 0)
		return read_done(&t, rc);
	while ((rc = tsv_row(&t)) > 0) {
		struct ws_eval_mention m;

		memset(&m, 0, sizeof m);
		m.doc_id = fld(&t, col[N_DOC]);
		m.type = fld(&t, col[N_TYPE]);
		m.text = col[N_TEXT] >= 0 ? fld(&t, col[N_TEXT]) : NULL;
		if (!*m.doc_id) {
			tsv_error(&t, "doc_id is empty");
			continue;
		}
		if (parse_span(&t, ment_cols, col, N_START, 1, &m.start, &m.end))
			continue;
		if (ws_eval_add_mention(ev, &m)) {
			rc = WS_EVAL_ENOMEM;
			break;
		}
	}
	return read_done(&t, rc);
}

enum { M_FILE, M_PUB, M_N };
static const char *const meta_cols[M_N] = { "filename", "publisher" };

int ws_eval_read_meta(struct ws_eval *ev, FILE *f, const char *name, FILE *err)
{
	struct tsv t = { f, name, err, NULL, 0, 0, NULL, 0, 0, 0, 0 };
	long col[M_N];
	int rc = tsv_header(&t, meta_cols, M_N, col);

	if (rc < 0)
		return read_done(&t, rc);
	while ((rc = tsv_row(&t)) > 0) {
		const char *file = fld(&t, col[M_FILE]), *pub = fld(&t, col[M_PUB]);

		if (!*file) {
			tsv_error(&t, "filename is empty");
			continue;
		}
		if (!*pub)
			continue;   /* no publisher: the predictions may know */
		if (ws_eval_set_outlet(ev, file, pub)) {
			rc = WS_EVAL_ENOMEM;
			break;
		}
	}
	return read_done(&t, rc);
}

/* ---- scoring ---- */

double ws_eval_jaccard(long long b1, long long e1, long long b2, long long e2)
{
	long long lo = b1 > b2 ? b1 : b2, hi = e1 < e2 ? e1 : e2;
	long long inter = hi - lo, uni;

	if (b1 < 0 || b2 < 0 || inter <= 0)
		return 0;
	uni = (e1 - b1) + (e2 - b2) - inter;
	return (double)inter / (double)uni;
}

struct pair {
	long long inter, uni;
	size_t g, p;           /* positions in the document's track lists */
};

/* Best Jaccard first, compared exactly as fractions; then gold, then
 * prediction in file order, so equal scores always resolve the same way. */
static int pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	long long l = x->inter * y->uni, r = y->inter * x->uni;

	if (l != r)
		return l > r ? -1 : 1;
	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	if (x->p != y->p)
		return x->p < y->p ? -1 : 1;
	return 0;
}

/* The mention span decides first, so an unresolved mention such as "a source"
 * that finds the gold's unnamed source is right; the surname test rescues a
 * correct speaker whose mention sits elsewhere (an earlier full name). */
static int speaker_right(const struct gold_row *g, const struct pred_row *p)
{
	if (!g->has_source)
		return p->no_speaker;
	if (p->mb >= 0 && (p->me < g->se ? p->me : g->se) > (p->mb > g->sb ? p->mb : g->sb))
		return 1;
	return g->is_name && p->last_word && has_word(g->source_text, p->last_word);
}

/* The counts of one outlet, summed over its documents. */
enum { NCOUNT = 5 };
struct outlet_sum {
	const char *name;
	long c[NCOUNT];
	UT_hash_handle hh;
};

static int outlet_cmp(const struct outlet_sum *a, const struct outlet_sum *b)
{
	return strcmp(a->name, b->name);
}

/* Counts each document that has gold rows with count(ctx, d, c) and sums
 * the counts into total and per outlet (documents with none as
 * "unknown"). *sums gets the outlets sorted by name when some document
 * has a known outlet, else NULL; free them with free_sums(). Returns 0,
 * WS_EVAL_ENOMEM or count's error. */
typedef int (*count_fn)(const struct ws_eval *ev, const struct doc *d, void *ctx, long c[NCOUNT]);

static void free_sums(struct outlet_sum **sums)
{
	struct outlet_sum *o, *tmp;

	HASH_ITER(hh, *sums, o, tmp) {
		HASH_DEL(*sums, o);
		free(o);
	}
}

static int sum_by_outlet(const struct ws_eval *ev, count_fn count, void *ctx, long total[NCOUNT],
                         struct outlet_sum **sums)
{
	const struct doc *d;
	int any_known = 0, rc, k;

	*sums = NULL;
	for (d = ev->docs; d; d = d->hh.next) {
		const char *outlet = d->meta_outlet ? d->meta_outlet : d->pred_outlet;
		struct outlet_sum *o;
		long c[NCOUNT] = { 0 };

		if (!d->gold.n)
			continue;
		rc = count(ev, d, ctx, c);
		if (rc) {
			free_sums(sums);
			return rc;
		}
		if (outlet)
			any_known = 1;
		else
			outlet = "unknown";
		HASH_FIND_STR(*sums, outlet, o);
		if (!o) {
			o = calloc(1, sizeof *o);
			if (!o) {
				free_sums(sums);
				return WS_EVAL_ENOMEM;
			}
			o->name = outlet;
			HASH_ADD_KEYPTR(hh, *sums, o->name, strlen(o->name), o);
		}
		for (k = 0; k < NCOUNT; k++) {
			total[k] += c[k];
			o->c[k] += c[k];
		}
	}
	if (!any_known)
		free_sums(sums);
	else
		HASH_SORT(*sums, outlet_cmp);
	return 0;
}

struct scratch {
	size_t *g, *p;
	size_t cap_g, cap_p;
	struct pair *pairs;
	size_t n_pairs, cap_pairs;
	unsigned char *g_used, *p_used;
	size_t cap_gu, cap_pu;
};

static void scratch_release(struct scratch *s)
{
	free(s->g);
	free(s->p);
	free(s->pairs);
	free(s->g_used);
	free(s->p_used);
}

/* Score one document into counts; returns 0 or WS_EVAL_ENOMEM. */
static int score_doc(const struct ws_eval *ev, const struct doc *d, enum ws_eval_track track,
                     double thr, struct scratch *s, long counts[NCOUNT])
{
	size_t ng = 0, np = 0, i, j;

	if (grow(&s->g, &s->cap_g, d->gold.n, sizeof *s->g) ||
	    grow(&s->p, &s->cap_p, d->pred.n, sizeof *s->p) ||
	    grow(&s->g_used, &s->cap_gu, d->gold.n, 1) ||
	    grow(&s->p_used, &s->cap_pu, d->pred.n, 1))
		return WS_EVAL_ENOMEM;
	for (i = 0; i < d->gold.n; i++) {
		const struct gold_row *g = &ev->gold[d->gold.v[i]];

		if (track == WS_EVAL_ALL || (track == WS_EVAL_QUOTED && g->quoted) ||
		    (track == WS_EVAL_MARKS && g->marked))
			s->g[ng++] = d->gold.v[i];
	}
	for (i = 0; i < d->pred.n; i++)
		if (track == WS_EVAL_ALL || ev->pred[d->pred.v[i]].quoted)
			s->p[np++] = d->pred.v[i];
	s->n_pairs = 0;
	for (i = 0; i < ng; i++) {
		const struct gold_row *g = &ev->gold[s->g[i]];

		for (j = 0; j < np; j++) {
			const struct pred_row *p = &ev->pred[s->p[j]];
			long long lo, hi;
			struct pair *pr;

			if (p->qb < 0)
				continue;
			lo = g->cb > p->qb ? g->cb : p->qb;
			hi = g->ce < p->qe ? g->ce : p->qe;
			if (hi <= lo || ws_eval_jaccard(g->cb, g->ce, p->qb, p->qe) < thr)
				continue;
			if (grow(&s->pairs, &s->cap_pairs, s->n_pairs + 1, sizeof *s->pairs))
				return WS_EVAL_ENOMEM;
			pr = &s->pairs[s->n_pairs++];
			pr->inter = hi - lo;
			pr->uni = (g->ce - g->cb) + (p->qe - p->qb) - pr->inter;
			pr->g = i;
			pr->p = j;
		}
	}
	counts[0] = (long)ng;
	counts[1] = (long)np;
	counts[2] = counts[3] = 0;
	if (!s->n_pairs)
		return 0;   /* also keeps NULL scratch away from qsort and memset */
	qsort(s->pairs, s->n_pairs, sizeof *s->pairs, pair_cmp);
	memset(s->g_used, 0, ng);
	memset(s->p_used, 0, np);
	for (i = 0; i < s->n_pairs; i++) {
		const struct pair *pr = &s->pairs[i];

		if (s->g_used[pr->g] || s->p_used[pr->p])
			continue;
		s->g_used[pr->g] = s->p_used[pr->p] = 1;
		counts[2]++;
		counts[3] += speaker_right(&ev->gold[s->g[pr->g]], &ev->pred[s->p[pr->p]]);
	}
	return 0;
}

static double ratio(long a, long b)
{
	return b ? (double)a / (double)b : 0.0;
}

static double f1(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static void add_counts(struct ws_eval_row *r, const long c[NCOUNT])
{
	r->gold += c[0];
	r->pred += c[1];
	r->matched += c[2];
	r->right += c[3];
}

static void finish_row(struct ws_eval_row *r)
{
	r->stmt_p = ratio(r->matched, r->pred);
	r->stmt_r = ratio(r->matched, r->gold);
	r->stmt_f1 = f1(r->stmt_p, r->stmt_r);
	r->spk_acc = ratio(r->right, r->matched);
	r->attr_p = ratio(r->right, r->pred);
	r->attr_r = ratio(r->right, r->gold);
	r->attr_f1 = f1(r->attr_p, r->attr_r);
}

struct score_ctx {
	enum ws_eval_track track;
	double threshold;
	struct scratch s;
};

static int score_count(const struct ws_eval *ev, const struct doc *d, void *ctx, long c[NCOUNT])
{
	struct score_ctx *x = ctx;

	return score_doc(ev, d, x->track, x->threshold, &x->s, c);
}

/* Both reports are an overall row plus a row per outlet, each filled from
 * the counts count() summed: fill() turns counts into a row of size
 * bytes whose first member is the outlet's name. */
typedef void fill_fn(void *row, const char *outlet, const long c[NCOUNT]);

static int outlet_rows(const struct ws_eval *ev, count_fn count, void *ctx, fill_fn fill,
                       size_t size, void *overall, void **rows, size_t *n_rows)
{
	struct outlet_sum *sums, *o;
	long total[NCOUNT] = { 0 };
	char *v;
	size_t n = 0;
	int rc = sum_by_outlet(ev, count, ctx, total, &sums);

	if (rc)
		return rc;
	fill(overall, "all", total);
	if (!sums)
		return 0;
	v = calloc(HASH_COUNT(sums), size);
	if (!v) {
		free_sums(&sums);
		return WS_EVAL_ENOMEM;
	}
	for (o = sums; o; o = o->hh.next)
		fill(v + size * n++, o->name, o->c);
	*rows = v;
	*n_rows = n;
	free_sums(&sums);
	return 0;
}

/* The row whose outlet is outlet among n rows of size bytes (first member:
 * the outlet's name); NULL when there is none. */
static const void *find_row(const void *rows, size_t n, size_t size, const char *outlet)
{
	for (size_t i = 0; i < n; i++) {
		const void *r = (const char *)rows + size * i;

		if (strcmp(*(const char *const *)r, outlet) == 0)
			return r;
	}
	return NULL;
}

static void score_fill(void *row, const char *outlet, const long c[NCOUNT])
{
	struct ws_eval_row *r = row;

	r->outlet = outlet;
	add_counts(r, c);
	finish_row(r);
}

int ws_eval_score(const struct ws_eval *ev, enum ws_eval_track track,
                  double threshold, struct ws_eval_report *rep)
{
	struct score_ctx x;
	void *rows = NULL;
	int rc;

	memset(rep, 0, sizeof *rep);
	rep->track = track;
	rep->threshold = threshold;
	rep->overall.outlet = "all";
	if (!(threshold > 0 && threshold <= 1))
		return WS_EVAL_EARG;
	memset(&x, 0, sizeof x);
	x.track = track;
	x.threshold = threshold;
	rc = outlet_rows(ev, score_count, &x, score_fill, sizeof *rep->outlets, &rep->overall,
			 &rows, &rep->n_outlets);
	scratch_release(&x.s);
	rep->outlets = rows;
	return rc;
}

void ws_eval_report_release(struct ws_eval_report *rep)
{
	if (!rep)
		return;
	free(rep->outlets);
	rep->outlets = NULL;
	rep->n_outlets = 0;
}

const struct ws_eval_row *ws_eval_report_find(const struct ws_eval_report *rep,
                                              const char *outlet)
{
	if (strcmp(outlet, "all") == 0)
		return &rep->overall;
	return find_row(rep->outlets, rep->n_outlets, sizeof *rep->outlets, outlet);
}

/* ---- speaker names ---- */

/* Counts gold names, then those a person or organisation mention has with
 * the same, loose or overlapping span, then those only a mention of
 * another type (group, place, unknown) has with the same span. */
static void names_doc(const struct ws_eval *ev, const struct doc *d, long c[NCOUNT])
{
	size_t i, j;

	for (i = 0; i < d->gold.n; i++) {
		const struct gold_row *g = &ev->gold[d->gold.v[i]];
		int same = 0, loose = 0, over = 0, other = 0;

		if (!g->is_name)
			continue;
		for (j = 0; j < d->ments.n && !same; j++) {
			const struct ment_row *m = &ev->ments[d->ments.v[j]];
			int s = m->b == g->sb && m->e == g->se;

			if (!m->named) {
				other |= s;
				continue;
			}
			same |= s;
			loose |= m->lb == g->lb && m->le == g->le;
			over |= m->b < g->se && g->sb < m->e;
		}
		c[0]++;
		c[1] += same;
		c[2] += same || loose;
		c[3] += same || over;
		c[4] += !same && other;
	}
}

static void names_fill(void *row, const char *outlet, const long c[NCOUNT])
{
	struct ws_eval_names_row *r = row;

	r->outlet = outlet;
	r->gold += c[0];
	r->same += c[1];
	r->loose += c[2];
	r->overlap += c[3];
	r->other_type += c[4];
	r->same_r = ratio(r->same, r->gold);
	r->loose_r = ratio(r->loose, r->gold);
	r->overlap_r = ratio(r->overlap, r->gold);
}

static int names_count(const struct ws_eval *ev, const struct doc *d, void *ctx, long c[NCOUNT])
{
	(void)ctx;
	names_doc(ev, d, c);
	return 0;
}

int ws_eval_score_names(const struct ws_eval *ev, struct ws_eval_names_report *rep)
{
	void *rows = NULL;
	int rc;

	memset(rep, 0, sizeof *rep);
	rep->overall.outlet = "all";
	rc = outlet_rows(ev, names_count, NULL, names_fill, sizeof *rep->outlets, &rep->overall,
			 &rows, &rep->n_outlets);
	rep->outlets = rows;
	return rc;
}

void ws_eval_names_report_release(struct ws_eval_names_report *rep)
{
	if (!rep)
		return;
	free(rep->outlets);
	rep->outlets = NULL;
	rep->n_outlets = 0;
}

const struct ws_eval_names_row *ws_eval_names_find(const struct ws_eval_names_report *rep,
                                                   const char *outlet)
{
	if (strcmp(outlet, "all") == 0)
		return &rep->overall;
	return find_row(rep->outlets, rep->n_outlets, sizeof *rep->outlets, outlet);
}

/* ---- output ---- */

static const char *track_name(enum ws_eval_track t)
{
	return t == WS_EVAL_QUOTED ? "quoted" : t == WS_EVAL_MARKS ? "quoted-marks" : "all";
}

static void table_row(const struct ws_eval_row *r, int w, FILE *out)
{
	fprintf(out, "%-*s %7ld %7ld %7ld %7ld  %6.4f %6.4f %6.4f  %6.4f  %6.4f %6.4f %6.4f\n",
	        w, r->outlet, r->gold, r->pred, r->matched, r->right,
	        r->stmt_p, r->stmt_r, r->stmt_f1, r->spk_acc,
	        r->attr_p, r->attr_r, r->attr_f1);
}

void ws_eval_print_table(const struct ws_eval_report *rep, FILE *out)
{
	int w = 12;
	size_t i;

	for (i = 0; i < rep->n_outlets; i++)
		if ((int)strlen(rep->outlets[i].outlet) > w)
			w = (int)strlen(rep->outlets[i].outlet);
	fprintf(out, "track %s, jaccard >= %.2f (%s)\n", track_name(rep->track),
	        rep->threshold, rep->threshold >= WS_EVAL_STRICT ? "strict" : "lenient");
	fprintf(out, "%-*s %31s  %-20s  %-7s %-20s\n", w, "", "",
	        "----- statement ----", "speaker", "---- attribution ---");
	fprintf(out, "%-*s %7s %7s %7s %7s  %6s %6s %6s  %6s  %6s %6s %6s\n", w, "outlet",
	        "gold", "pred", "matched", "right", "P", "R", "F1", "acc", "P", "R", "F1");
	table_row(&rep->overall, w, out);
	for (i = 0; i < rep->n_outlets; i++)
		table_row(&rep->outlets[i], w, out);
}

void ws_eval_print_tsv_header(FILE *out)
{
	fputs("track\tthreshold\toutlet\tgold\tpred\tmatched\tright\tstmt_p\tstmt_r\t"
	      "stmt_f1\tspk_acc\tattr_p\tattr_r\tattr_f1\n", out);
}

static void tsv_out_row(const struct ws_eval_report *rep, const struct ws_eval_row *r,
                        FILE *out)
{
	fprintf(out, "%s\t%g\t%s\t%ld\t%ld\t%ld\t%ld\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\n",
	        track_name(rep->track), rep->threshold, r->outlet, r->gold, r->pred,
	        r->matched, r->right, r->stmt_p, r->stmt_r, r->stmt_f1, r->spk_acc,
	        r->attr_p, r->attr_r, r->attr_f1);
}

void ws_eval_print_tsv(const struct ws_eval_report *rep, FILE *out)
{
	size_t i;

	tsv_out_row(rep, &rep->overall, out);
	for (i = 0; i < rep->n_outlets; i++)
		tsv_out_row(rep, &rep->outlets[i], out);
}

void ws_eval_quoted_ceiling(const struct ws_eval *ev, struct ws_eval_ceiling *c)
{
	size_t i;

	memset(c, 0, sizeof *c);
	for (i = 0; i < ev->n_gold; i++) {
		const struct gold_row *g = &ev->gold[i];

		c->tp += g->quoted && g->marked;
		c->fp += !g->quoted && g->marked;
		c->fn += g->quoted && !g->marked;
	}
	c->p = c->tp + c->fp ? (double)c->tp / (double)(c->tp + c->fp) : 0;
	c->r = c->tp + c->fn ? (double)c->tp / (double)(c->tp + c->fn) : 0;
	c->f1 = c->p + c->r > 0 ? 2 * c->p * c->r / (c->p + c->r) : 0;
}

void ws_eval_print_ceiling(const struct ws_eval_ceiling *c, FILE *out)
{
	fprintf(out, "quoted track ceiling: finding every gold statement exactly and typing it "
	        "by its quotation marks\nscores statement P %.4f R %.4f F1 %.4f: %ld gold quoted "
	        "statements hold no mark,\n%ld gold indirect statements hold one\n",
	        c->p, c->r, c->f1, c->fn, c->fp);
}

static void names_row(const struct ws_eval_names_row *r, int w, FILE *out)
{
	fprintf(out, "%-*s %7ld %7ld %7ld %7ld  %6.4f %6.4f %6.4f  %7ld\n", w, r->outlet, r->gold,
	        r->same, r->loose, r->overlap, r->same_r, r->loose_r, r->overlap_r, r->other_type);
}

void ws_eval_print_names_table(const struct ws_eval_names_report *rep, FILE *out)
{
	int w = 12;
	size_t i;

	for (i = 0; i < rep->n_outlets; i++)
		if ((int)strlen(rep->outlets[i].outlet) > w)
			w = (int)strlen(rep->outlets[i].outlet);
	fputs("speaker names: gold sources of kind name found as a person or organisation "
	      "mention\n"
	      "  same = identical byte range; loose = the same but for a leading the/a/an or a "
	      "final 's;\n"
	      "  overlap = any shared byte; other = not found so, but a mention of another type\n"
	      "  (group, place, anonymous, unknown) has the same byte range\n", out);
	fprintf(out, "%-*s %7s %7s %7s %7s  %6s %6s %6s  %7s\n", w, "outlet", "gold", "same", "loose",
	        "overlap", "same", "loose", "overlap", "other");
	names_row(&rep->overall, w, out);
	for (i = 0; i < rep->n_outlets; i++)
		names_row(&rep->outlets[i], w, out);
}

void ws_eval_print_names_tsv_header(FILE *out)
{
	fputs("names\toutlet\tgold\tsame\tloose\toverlap\tsame_r\tloose_r\toverlap_r\tother_type\n",
	      out);
}

static void names_tsv_row(const struct ws_eval_names_row *r, FILE *out)
{
	fprintf(out, "names\t%s\t%ld\t%ld\t%ld\t%ld\t%.4f\t%.4f\t%.4f\t%ld\n", r->outlet, r->gold,
	        r->same, r->loose, r->overlap, r->same_r, r->loose_r, r->overlap_r, r->other_type);
}

void ws_eval_print_names_tsv(const struct ws_eval_names_report *rep, FILE *out)
{
	size_t i;

	names_tsv_row(&rep->overall, out);
	for (i = 0; i < rep->n_outlets; i++)
		names_tsv_row(&rep->outlets[i], out);
}

/* ---- the command ---- */

void ws_eval_opts_init(struct ws_eval_opts *o)
{
	memset(o, 0, sizeof *o);
	o->threshold = WS_EVAL_LENIENT;
}

const char *ws_eval_strerror(int code)
{
	switch (code) {
	case 0: return "ok";
	case WS_EVAL_ENOMEM: return "out of memory";
	case WS_EVAL_EIO: return "cannot read input";
	case WS_EVAL_EINPUT: return "bad input file";
	case WS_EVAL_EARG: return "bad option value";
	default: return "unknown error";
	}
}

static int read_path(struct ws_eval *ev, const char *path,
                     int (*fn)(struct ws_eval *, FILE *, const char *, FILE *), FILE *err)
{
	FILE *f;
	int rc;

	if (strcmp(path, "-") == 0)
		return fn(ev, stdin, "<stdin>", err);
	f = fopen(path, "r");
	if (!f) {
		fprintf(err, "cannot open %s: %s\n", path, strerror(errno));
		return WS_EVAL_EIO;
	}
	rc = fn(ev, f, path, err);
	fclose(f);
	return rc;
}

int ws_eval_run(const struct ws_eval_opts *o, FILE *out, FILE *err)
{
	static const enum ws_eval_track tracks[] = { WS_EVAL_QUOTED, WS_EVAL_ALL, WS_EVAL_MARKS };
	struct ws_eval *ev;
	double thr[2];
	size_t n_thr, i, k;
	int rc = 0, r;

	if (!o->gold_path || !o->pred_path) {
		fprintf(err, "eval: missing %s file\n", o->gold_path ? "prediction" : "gold");
		return WS_EVAL_EARG;
	}
	if (!(o->threshold > 0 && o->threshold <= 1)) {
		fprintf(err, "eval: jaccard threshold %g is out of range, give one in (0, 1]\n",
		        o->threshold);
		return WS_EVAL_EARG;
	}
	ev = ws_eval_new();
	if (!ev) {
		fprintf(err, "eval: out of memory\n");
		return WS_EVAL_ENOMEM;
	}
	/* Read every file even after a bad one, so all problems show at once. */
	r = read_path(ev, o->gold_path, ws_eval_read_gold, err);
	rc = r ? r : rc;
	r = read_path(ev, o->pred_path, ws_eval_read_pred, err);
	rc = rc ? rc : r;
	if (o->meta_path) {
		r = read_path(ev, o->meta_path, ws_eval_read_meta, err);
		rc = rc ? rc : r;
	}
	if (o->mentions_path) {
		r = read_path(ev, o->mentions_path, ws_eval_read_mentions, err);
		rc = rc ? rc : r;
	}
	if (rc) {
		if (rc == WS_EVAL_ENOMEM)
			fprintf(err, "eval: out of memory\n");
		ws_eval_free(ev);
		return rc;
	}
	thr[0] = o->threshold < WS_EVAL_STRICT ? o->threshold : WS_EVAL_STRICT;
	thr[1] = o->threshold < WS_EVAL_STRICT ? WS_EVAL_STRICT : o->threshold;
	n_thr = thr[0] == thr[1] ? 1 : 2;
	if (o->tsv)
		ws_eval_print_tsv_header(out);
	for (i = 0; i < 3 && !rc; i++)
		for (k = 0; k < n_thr && !rc; k++) {
			struct ws_eval_report rep;

			rc = ws_eval_score(ev, tracks[i], thr[k], &rep);
			if (rc) {
				fprintf(err, "eval: %s\n", ws_eval_strerror(rc));
				break;
			}
			if (o->tsv) {
				ws_eval_print_tsv(&rep, out);
			} else {
				if (i || k)
					fputc('\n', out);
				ws_eval_print_table(&rep, out);
			}
			ws_eval_report_release(&rep);
		}
	if (!rc && !o->tsv) {
		struct ws_eval_ceiling ceil;

		ws_eval_quoted_ceiling(ev, &ceil);
		fputc('\n', out);
		ws_eval_print_ceiling(&ceil, out);
	}
	if (!rc && o->mentions_path) {
		struct ws_eval_names_report nrep;

		rc = ws_eval_score_names(ev, &nrep);
		if (rc) {
			fprintf(err, "eval: %s\n", ws_eval_strerror(rc));
		} else if (o->tsv) {
			fputc('\n', out);
			ws_eval_print_names_tsv_header(out);
			ws_eval_print_names_tsv(&nrep, out);
		} else {
			fputc('\n', out);
			ws_eval_print_names_table(&nrep, out);
		}
		ws_eval_names_report_release(&nrep);
	}
	ws_eval_free(ev);
	if (!rc && fflush(out)) {
		fprintf(err, "eval: cannot write output: %s\n", strerror(errno));
		rc = WS_EVAL_EIO;
	}
	return rc;
}

static void usage(FILE *f)
{
	fputs("usage: whosaid eval --gold GOLD.tsv [--meta METADATA.tsv] [--mentions MENTIONS.tsv]\n"
	      "                    [--jaccard X] [--tsv] QUOTES.tsv\n"
	      "  --gold FILE     gold attributions (PolNeAR gold_*.tsv format)\n"
	      "  --meta FILE     metadata.tsv: outlet per document from its publisher column\n"
	      "  --mentions FILE whosaid's mentions.tsv: also score the gold speaker names found\n"
	      "                  as person or organisation mentions with the same span\n"
	      "  --jaccard X     lenient span threshold in (0, 1], default 0.5; 0.8 is always "
	      "reported too\n"
	      "  --tsv           print TSV rows instead of a table\n"
	      "  QUOTES.tsv      whosaid predictions, - for standard input\n"
	      "Tracks: quoted (direct and mixed by the gold's quote_type), all, and\n"
	      "quoted-marks (gold rows whose text holds a quotation mark). The table\n"
	      "ends with the quoted track's ceiling for typing statements by their marks.\n", f);
}

/* Value of option opt at argv[*i]: "--opt=V" or "--opt V". NULL if argv[*i]
 * is not this option; *missing set when the value is absent. */
static const char *opt_value(int argc, char **argv, int *i, const char *opt, int *missing)
{
	size_t n = strlen(opt);
	const char *a = argv[*i];

	if (strncmp(a, opt, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

int ws_eval_main(int argc, char **argv)
{
	struct ws_eval_opts o;
	int i, missing = 0, rest = 0;
	const char *v;

	ws_eval_opts_init(&o);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!rest && strcmp(a, "--") == 0) {
			rest = 1;
		} else if (!rest && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
			usage(stdout);
			return 0;
		} else if (!rest && (v = opt_value(argc, argv, &i, "--gold", &missing))) {
			o.gold_path = v;
		} else if (!rest && (v = opt_value(argc, argv, &i, "--meta", &missing))) {
			o.meta_path = v;
		} else if (!rest && (v = opt_value(argc, argv, &i, "--mentions", &missing))) {
			o.mentions_path = v;
		} else if (!rest && (v = opt_value(argc, argv, &i, "--jaccard", &missing))) {
			char *end;

			errno = 0;
			o.threshold = strtod(v, &end);
			if (end == v || *end || errno) {
				fprintf(stderr, "eval: --jaccard wants a number in (0, 1], not '%s'\n", v);
				return 2;
			}
		} else if (!rest && strcmp(a, "--tsv") == 0) {
			o.tsv = 1;
		} else if (missing) {
			break;
		} else if (!rest && a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "eval: unknown option '%s'\n", a);
			usage(stderr);
			return 2;
		} else if (o.pred_path) {
			fprintf(stderr, "eval: more than one prediction file: '%s'\n", a);
			usage(stderr);
			return 2;
		} else {
			o.pred_path = a;
		}
		if (missing)
			break;
	}
	if (missing) {
		fprintf(stderr, "eval: %s needs a value\n", argv[argc - 1]);
		usage(stderr);
		return 2;
	}
	if (!o.gold_path || !o.pred_path) {
		fprintf(stderr, "eval: missing %s\n", o.gold_path ? "prediction file" : "--gold");
		usage(stderr);
		return 2;
	}
	if (!(o.threshold > 0 && o.threshold <= 1)) {
		fprintf(stderr, "eval: jaccard threshold %g is out of range, give one in (0, 1]\n",
		        o.threshold);
		return 2;
	}
	return ws_eval_run(&o, stdout, stderr) ? 1 : 0;
}
