/* Attribution's statements (see attrib_int.h): adding one with its
 * speaker's mention, finding the statements a span overlaps, and keeping
 * them in text order. */
#include "attrib_int.h"
#include "entities.h"

#include <stdlib.h>
#include <string.h>

void add_statement(struct actx *c, const struct content *ct, const struct speaker *sp,
		   const struct ws_annot *cue, size_t c0, size_t c1)
{
	struct ws_doc *d = c->d;
	struct ws_statement s;
	memset(&s, 0, sizeof(s));
	s.type = ct->quote >= 0 || ct->joined ? WS_QT_DIRECT
		 : ct->has_quote ? WS_QT_MIXED : WS_QT_INDIRECT;
	s.span = ct->span;
	if (!cue && c1 > c0) {
		s.cue.start = tok(c, c0)->start;	/* a colon */
		s.cue.end = tok(c, c1 - 1)->end;
	}
	if (cue) {
		s.cue.start = tok(c, c0)->start;
		s.cue.end = tok(c, c1 - 1)->end;
		s.cue_lemma = cue_feats(c, cue)->lemma;
		if (!s.cue_lemma)
			s.cue_lemma = cue_feats(c, cue)->canonical;
		s.cue_category = cue_feats(c, cue)->category;
	}
	s.entity = sp->entity;
	s.speaker_type = sp->type;
	s.sieve = ws_sieve_names[sp->sieve];
	s.confidence = d->eng->sieve_conf[sp->sieve];
	if (sp->m1 > sp->m0) {
		s.mention.start = tok(c, sp->m0)->start;
		s.mention.end = tok(c, sp->m1 - 1)->end;
	}
	for (size_t t = QUOTE_NEXT(c, ct->t0, ct->t1); t < ct->t1; t = QUOTE_NEXT(c, t + 1, ct->t1))
		c->claimed[QUOTE_OPEN(c, t)] = 1;
	if (sp->entity >= 0) {
		struct ws_entity *en = &d->ents.v[sp->entity];
		en->quotes++;
		c->last_speaker = sp->entity;
		/* he or she said: a person, of that gender */
		const struct ws_word *pw = sp->m1 == sp->m0 + 1 ? pronoun_at(c, sp->m0) : NULL;
		if (pw && (strcmp(pw->f[0], "male") == 0 || strcmp(pw->f[0], "female") == 0)) {
			if (en->type == WS_SP_UNKNOWN)
				en->type = WS_SP_PERSON;
			if (!en->gender)
				en->gender = strcmp(pw->f[0], "male") == 0 ? "male" : "female";
		}
	}
	/* a speaker found here and not by the entity rules is a mention too,
	 * and so is a wider one of a known entity ("former FBI agent Timothy
	 * Gill"; wide: no alias of the entity) */
	int known = sp->entity >= 0 && ws_entity_at(d, sp->m0, sp->m1) == sp->entity;
	if (sp->m1 > sp->m0 && (!known || ws_mention_first(d, sp->m1) != sp->m0)) {
		struct ws_mention mn = { s.mention, sp->entity, s.sieve,
					 pronoun_at(c, sp->m0) != NULL, known, sp->type };
		WS_VEC_PUSH(d->ments, mn);
		WS_VEC_PUSH(d->ment_tok, sp->m0);
		WS_VEC_PUSH(d->ment_tok, sp->m1);
		if (sp->entity >= 0 && !known)
			d->ents.v[sp->entity].mentions++;
	}
	WS_VEC_PUSH(d->stmts, s);
}

int overlaps_statement(const struct actx *c, struct ws_span sp)
{
	for (size_t i = c->d->stmts.n; i-- > 0;) {
		struct ws_span o = c->d->stmts.v[i].span;
		if (o.end <= sp.start)
			break;
		if (o.start < sp.end && sp.start < o.end)
			return 1;
	}
	return 0;
}

/* The first statement of [from, to), sorted by start, that starts at or
 * after off, by bisection. */
size_t first_from(const struct ws_doc *d, size_t from, size_t to, uint32_t off)
{
	while (from < to) {
		size_t mid = from + (to - from) / 2;
		if (d->stmts.v[mid].span.start < off)
			from = mid + 1;
		else
			to = mid;
	}
	return from;
}

/* Whether span overlaps one of statements [from, to), which are sorted by
 * start: the latest one starting before span's end decides with its
 * neighbours. */
static int overlaps_in(const struct actx *c, struct ws_span sp, size_t from, size_t to)
{
	size_t lo = first_from(c->d, from, to, sp.end);
	/* statements [from, lo) start before sp.end; one of the last few may
	 * reach into sp (statements rarely nest, so a few suffice) */
	for (size_t k = lo, seen = 0; k-- > from && seen < 8; seen++)
		if (c->d->stmts.v[k].span.end > sp.start)
			return 1;
	return 0;
}

int overlaps_sorted(const struct actx *c, struct ws_span sp, size_t n)
{
	return overlaps_in(c, sp, 0, n);
}

/* After the verb frames, so that none of them is pre-empted: the nominal
 * cues outside every statement made so far. */
/* Whether sp overlaps a statement: [0, nsorted) in order, and the ones
 * appended since, in text order too. */
int overlaps_since(const struct actx *c, struct ws_span sp, size_t nsorted)
{
	return overlaps_in(c, sp, 0, nsorted) || overlaps_in(c, sp, nsorted, c->d->stmts.n);
}

struct spos {
	uint32_t start, idx;
};

static int by_spos(const void *x, const void *y)
{
	const struct spos *a = x, *b = y;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Statements in text order. */
void sort_statements(struct ws_doc *d)
{
	size_t n = d->stmts.n, k = 1;
	/* the sieves mostly add in text order: in order already, nothing moves */
	while (k < n && d->stmts.v[k - 1].span.start <= d->stmts.v[k].span.start)
		k++;
	if (k >= n)
		return;
	struct spos *p = ws_xmalloc(n * sizeof(*p));
	for (size_t i = 0; i < n; i++) {
		p[i].start = d->stmts.v[i].span.start;
		p[i].idx = (uint32_t)i;
	}
	qsort(p, n, sizeof(*p), by_spos);
	struct ws_statement *s = ws_xmalloc(n * sizeof(*s));
	for (size_t i = 0; i < n; i++)
		s[i] = d->stmts.v[p[i].idx];
	memcpy(d->stmts.v, s, n * sizeof(*s));
	free(s);
	free(p);
}
