/* The first attribution path (see attrib.h). Each rule is a fixed pattern
 * of tokens around a quote; the rule's name goes into the statement's
 * sieve field so every row says why it exists. */
#include "attrib.h"
#include "doc.h"
#include "entities.h"

#include <stdlib.h>
#include <string.h>

#define SIEVE_QUOTE_SPEAKER_CUE "basic:quote-speaker-cue"
#define SIEVE_QUOTE_CUE_SPEAKER "basic:quote-cue-speaker"
#define SIEVE_SPEAKER_CUE_QUOTE "basic:speaker-cue-quote"

static const struct ws_word *cue_at(const struct ws_doc *d, size_t i)
{
	if (i >= d->tk.tok.n || d->tk.tok.v[i].kind != WS_TOK_WORD)
		return NULL;
	return ws_wordlist_get(d->eng->cues, ws_tok_text(d, i), ws_tok_len(d, i));
}

static const struct ws_word *pronoun_at(const struct ws_doc *d, size_t i)
{
	if (i >= d->tk.tok.n || d->tk.tok.v[i].kind != WS_TOK_WORD)
		return NULL;
	return ws_wordlist_get(d->eng->pronouns, ws_tok_text(d, i), ws_tok_len(d, i));
}

static int is_particle(const struct ws_doc *d, size_t i)
{
	return d->tk.tok.v[i].kind == WS_TOK_WORD &&
	       ws_wordlist_get(d->eng->particles, ws_tok_text(d, i), ws_tok_len(d, i));
}

static int is_starter(const struct ws_doc *d, size_t i)
{
	return ws_wordlist_get(d->eng->starters, ws_tok_text(d, i), ws_tok_len(d, i)) != NULL;
}

/* A token that can be part of a capitalised name. */
static int is_name_tok(const struct ws_doc *d, size_t i)
{
	const struct ws_token *t = &d->tk.tok.v[i];
	if (t->kind != WS_TOK_WORD)
		return 0;
	switch (t->shape) {
	case WS_SHAPE_CAP:
	case WS_SHAPE_UPPER:
	case WS_SHAPE_INITIAL:
	case WS_SHAPE_ACRONYM:
	case WS_SHAPE_MIXED:
		break;
	default:
		return 0;
	}
	return !pronoun_at(d, i) && !cue_at(d, i);
}

static int same_para(const struct ws_doc *d, size_t a, size_t b)
{
	return d->tk.tok.v[a].para == d->tk.tok.v[b].para;
}

/* The capitalised run that starts at i, within i's sentence; returns its end. */
static size_t run_forward(const struct ws_doc *d, size_t i)
{
	size_t n = d->tk.tok.n, j = i;
	while (j < n && (j == i || !(d->tk.tok.v[j].flags & WS_TF_SENT_START))) {
		if (is_name_tok(d, j) && (j == i || !is_starter(d, j)))
			j++;
		else if (j > i && j + 1 < n && is_particle(d, j) && is_name_tok(d, j + 1))
			j++;
		else
			break;
	}
	return j;
}

/* The capitalised run that ends just before end; returns its start. */
static size_t run_backward(const struct ws_doc *d, size_t end)
{
	size_t j = end;
	while (j > 0 && !(d->tk.tok.v[j].flags & WS_TF_SENT_START && j < end) &&
	       same_para(d, j - 1, end - 1)) {
		if (is_name_tok(d, j - 1))
			j--;
		else if (j < end && j >= 2 && is_particle(d, j - 1) && is_name_tok(d, j - 2))
			j--;
		else
			break;
		if (d->tk.tok.v[j].flags & WS_TF_SENT_START)
			break;
	}
	/* a sentence-initial "The" belongs to the mention; another starter
	 * inside the run ("... On Monday Assad") ends it */
	size_t k = end;
	while (k > j && !is_starter(d, k - 1))
		k--;
	if (k > j && k - 1 > j)
		j = k;
	return j;
}

static int is_punct(const struct ws_doc *d, size_t i, const char *lit)
{
	return i < d->tk.tok.n && d->tk.tok.v[i].kind == WS_TOK_PUNCT && ws_tok_eq(d, i, lit);
}

/* The quote ends its clause: "...," or "...?" or ..." followed by a comma. */
static int ends_clause(const struct ws_doc *d, const struct ws_qspan *q)
{
	size_t c = q->close_tok;
	return is_punct(d, c - 1, ",") || is_punct(d, c - 1, "?") || is_punct(d, c - 1, "!") ||
	       is_punct(d, c - 1, ".") || is_punct(d, c + 1, ",") ||
	       (d->tk.tok.v[c - 1].flags & WS_TF_ELLIPSIS) ||
	       (c + 1 < d->tk.tok.n && d->tk.tok.v[c + 1].kind == WS_TOK_DASH);
}

/* How many words the quote holds: single-word quotes are names or scare
 * quotes, not statements. */
static size_t quote_words(const struct ws_doc *d, const struct ws_qspan *q)
{
	size_t w = 0;
	for (size_t i = q->open_tok + 1; i < q->close_tok; i++)
		w += d->tk.tok.v[i].kind == WS_TOK_WORD || d->tk.tok.v[i].kind == WS_TOK_NUMBER;
	return w;
}

struct match {
	size_t m0, m1;		/* mention tokens [m0, m1) */
	size_t cue;
	const struct ws_word *cue_w;
	const struct ws_word *pron;
	const char *sieve;
};

static int match_after(const struct ws_doc *d, const struct ws_qspan *q, struct match *m)
{
	size_t n = d->tk.tok.n, j = q->close_tok + 1;
	if (!ends_clause(d, q))
		return 0;
	if (is_punct(d, j, ","))
		j++;
	if (j >= n || !same_para(d, j, q->close_tok))
		return 0;
	if ((m->pron = pronoun_at(d, j)) && (m->cue_w = cue_at(d, j + 1))) {
		m->m0 = j;
		m->m1 = j + 1;
		m->cue = j + 1;
		m->sieve = SIEVE_QUOTE_SPEAKER_CUE;
		return 1;
	}
	m->pron = NULL;
	if ((m->cue_w = cue_at(d, j)) && j + 1 < n && same_para(d, j, j + 1)) {
		size_t e = run_forward(d, j + 1);
		/* a known mention may be longer than the capitalised run:
		 * "said the Syrian president" is not, "said Bashar al-Assad" is */
		for (size_t k = e; k < n && k < e + 8; k++)
			if (ws_mention_first(d, (uint32_t)k + 1) == j + 1)
				e = k + 1;
		if (e > j + 1) {
			m->m0 = j + 1;
			m->m1 = e;
			m->cue = j;
			m->sieve = SIEVE_QUOTE_CUE_SPEAKER;
			return 1;
		}
	}
	size_t e = run_forward(d, j);
	for (size_t k = e; k < n && k < e + 8 && !cue_at(d, e); k++)
		if (ws_mention_first(d, (uint32_t)k + 1) == j)
			e = k + 1;
	if (e > j && (m->cue_w = cue_at(d, e)) && same_para(d, j, e)) {
		m->m0 = j;
		m->m1 = e;
		m->cue = e;
		m->sieve = SIEVE_QUOTE_SPEAKER_CUE;
		return 1;
	}
	return 0;
}

static int match_before(const struct ws_doc *d, const struct ws_qspan *q, struct match *m)
{
	size_t j = q->open_tok;
	if (j > 0 && (is_punct(d, j - 1, ":") || is_punct(d, j - 1, ",")))
		j--;
	if (j == 0 || !same_para(d, j - 1, q->open_tok))
		return 0;
	size_t c = j - 1;
	if (!(m->cue_w = cue_at(d, c)) || c == 0)
		return 0;
	if ((m->pron = pronoun_at(d, c - 1))) {
		m->m0 = c - 1;
		m->m1 = c;
		m->cue = c;
		m->sieve = SIEVE_SPEAKER_CUE_QUOTE;
		return 1;
	}
	size_t s = ws_mention_first(d, (uint32_t)c);
	if (s == c || !same_para(d, s, c))
		s = run_backward(d, c);
	if (s < c) {
		m->m0 = s;
		m->m1 = c;
		m->cue = c;
		m->sieve = SIEVE_SPEAKER_CUE_QUOTE;
		return 1;
	}
	return 0;
}

/* The part of a mention that names the entity: without a leading
 * sentence starter such as "The". */
static void name_tokens(const struct ws_doc *d, size_t *m0, size_t m1)
{
	while (*m0 + 1 < m1 && is_starter(d, *m0))
		(*m0)++;
}

/* An entity for a speaker the entity rules did not find: clustered with
 * a person or an earlier such speaker of the same last name word. */
static int32_t find_entity(struct ws_doc *d, size_t m0, size_t m1)
{
	const char *s = ws_tok_text(d, m1 - 1);
	size_t n = ws_tok_len(d, m1 - 1);
	const char *h = memchr(s, '-', n);
	if (h && ws_wordlist_get(d->eng->particles, s, (size_t)(h - s))) {
		n -= (size_t)(h + 1 - s);
		s = h + 1;
	}
	struct ws_span sp = { d->tk.tok.v[m0].start, d->tk.tok.v[m1 - 1].end };
	int32_t e = ws_entity_find(d, WS_SP_PERSON, s, n);
	if (e < 0)
		e = ws_entity_find(d, WS_SP_UNKNOWN, s, n);
	if (e < 0)
		return ws_entity_new(d, WS_SP_UNKNOWN, sp, (uint32_t)(m1 - 1));
	if (sp.end - sp.start > d->ents.v[e].name.end - d->ents.v[e].name.start)
		ws_entity_rename(d, e, sp, (uint32_t)(m1 - 1));
	return e;
}

static void add_statement(struct ws_doc *d, const struct ws_qspan *q, const struct match *m,
			  int32_t *last_named)
{
	const struct ws_token *tk = d->tk.tok.v;
	struct ws_statement s;
	memset(&s, 0, sizeof(s));
	s.type = WS_QT_DIRECT;
	s.span.start = q->start;
	s.span.end = q->end;
	s.cue.start = tk[m->cue].start;
	s.cue.end = tk[m->cue].end;
	s.cue_lemma = m->cue_w->f[0];
	s.cue_category = m->cue_w->f[1];
	s.mention.start = tk[m->m0].start;
	s.mention.end = tk[m->m1 - 1].end;
	s.entity = -1;
	s.confidence = -1;
	s.sieve = m->sieve;
	s.speaker_type = WS_SP_UNKNOWN;
	struct ws_mention mn = { s.mention, -1, m->sieve, m->pron != NULL };
	int known = 0;	/* the mention was found by the entity rules */
	if (m->pron) {
		const char *g = m->pron->f[0];
		int personal = strcmp(g, "male") == 0 || strcmp(g, "female") == 0;
		if (personal && *last_named >= 0) {
			struct ws_entity *en = &d->ents.v[*last_named];
			if (!en->gender || strcmp(en->gender, g) == 0) {
				s.entity = *last_named;
				en->type = WS_SP_PERSON;
				en->gender = g;
			}
		}
		if (personal)
			s.speaker_type = WS_SP_PERSON;
	} else {
		size_t m0 = m->m0;
		name_tokens(d, &m0, m->m1);
		s.entity = ws_entity_at(d, (uint32_t)m->m0, (uint32_t)m->m1);
		if (s.entity >= 0) {
			known = 1;
		} else {
			s.entity = find_entity(d, m0, m->m1);
		}
		*last_named = s.entity;
		s.speaker_type = d->ents.v[s.entity].type;
	}
	if (s.entity >= 0) {
		struct ws_entity *en = &d->ents.v[s.entity];
		if (!known)
			en->mentions++;
		en->quotes++;
		mn.entity = s.entity;
	}
	WS_VEC_PUSH(d->stmts, s);
	if (!known) {
		WS_VEC_PUSH(d->ments, mn);
		WS_VEC_PUSH(d->ment_tok, (uint32_t)m->m0);
		WS_VEC_PUSH(d->ment_tok, (uint32_t)m->m1);
	}
}

struct mpos {
	uint32_t start, idx;
};

static int by_mpos(const void *x, const void *y)
{
	const struct mpos *a = x, *b = y;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Mentions in text order (the entity rules, the surname pass and the
 * speakers found here each append their own). */
static void sort_mentions(struct ws_doc *d)
{
	size_t n = d->ments.n;
	if (n < 2)
		return;
	struct mpos *p = ws_xmalloc(n * sizeof(*p));
	for (size_t i = 0; i < n; i++) {
		p[i].start = d->ments.v[i].span.start;
		p[i].idx = (uint32_t)i;
	}
	qsort(p, n, sizeof(*p), by_mpos);
	struct ws_mention *m = ws_xmalloc(n * sizeof(*m));
	uint32_t *t = ws_xmalloc(2 * n * sizeof(*t));
	for (size_t i = 0; i < n; i++) {
		m[i] = d->ments.v[p[i].idx];
		t[2 * i] = d->ment_tok.v[2 * p[i].idx];
		t[2 * i + 1] = d->ment_tok.v[2 * p[i].idx + 1];
	}
	memcpy(d->ments.v, m, n * sizeof(*m));
	memcpy(d->ment_tok.v, t, 2 * n * sizeof(*t));
	free(m);
	free(t);
	free(p);
}

void ws_attribute(struct ws_doc *d)
{
	int32_t last_named = -1;
	for (size_t qi = 0; qi < d->quotes.n; qi++) {
		const struct ws_qspan *q = &d->quotes.v[qi];
		if (q->depth != 0 || q->family != WS_Q_DOUBLE || quote_words(d, q) < 2)
			continue;
		struct match m;
		memset(&m, 0, sizeof(m));
		if (match_after(d, q, &m) || match_before(d, q, &m))
			add_statement(d, q, &m, &last_named);
	}
	sort_mentions(d);
	/* a speaker referred to as he or she is a person: say so on every row */
	for (size_t i = 0; i < d->stmts.n; i++) {
		struct ws_statement *s = &d->stmts.v[i];
		if (s->entity >= 0 && d->ents.v[s->entity].type != WS_SP_UNKNOWN)
			s->speaker_type = d->ents.v[s->entity].type;
	}
}
