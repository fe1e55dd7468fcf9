/* Attribution's speakers (see attrib_int.h): the noun phrase before or
 * after a cue, names, titles and descriptions linked to entities, pronouns
 * resolved to the last compatible speaker, and a type for a speaker no
 * entity names. */
#include "attrib_int.h"
#include "entities.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* The most recent entity, before token pos, that a pronoun of gender g can
 * stand for: the last statement's speaker first, else the last mention. */
int32_t resolve_pronoun(const struct actx *c, const char *g, uint32_t pos)
{
	const struct ws_doc *d = c->d;
	int want_person = strcmp(g, "male") == 0 || strcmp(g, "female") == 0;
	if (!want_person) {
		/* "it said", "they said": the last speaker when that was an
		 * organisation or a place; otherwise, and for "I" and "we",
		 * unresolved (an organisation named nearby was measured to be
		 * wrong too often) */
		int neuter = strcmp(g, "neuter") == 0;
		if (!neuter && !(lower_is(c, pos, "they")))
			return -1;
		if (c->last_speaker >= 0) {
			const struct ws_entity *e = &d->ents.v[c->last_speaker];
			if (e->type == WS_SP_ORGANIZATION || e->type == WS_SP_PLACE)
				return c->last_speaker;
		}
		return -1;
	}
	if (c->last_speaker >= 0) {
		const struct ws_entity *e = &d->ents.v[c->last_speaker];
		if ((e->type == WS_SP_PERSON || e->type == WS_SP_UNKNOWN) &&
		    (!e->gender || strcmp(e->gender, g) == 0))
			return c->last_speaker;
	}
	/* at most 400 mentions back: bounded work per speaker */
	size_t seen = 0;
	for (size_t m = d->ments.n; m-- > 0 && seen++ < 400;) {
		const struct ws_mention *mn = &d->ments.v[m];
		if (mn->span.start >= d->tk.tok.v[pos].start || mn->entity < 0 || mn->pronoun)
			continue;
		const struct ws_entity *e = &d->ents.v[mn->entity];
		if (e->type == WS_SP_PERSON && (!e->gender || strcmp(e->gender, g) == 0))
			return mn->entity;
	}
	return -1;
}

/* Whether word w (n bytes) stands in the entity's title, case ignored. */
static int title_has(const struct ws_doc *d, const struct ws_entity *e, const char *w, size_t n)
{
	const char *p = d->text + e->title.start, *end = d->text + e->title.end;
	for (; p + n <= end; p++)
		if (strncasecmp(p, w, n) == 0 && (p == d->text + e->title.start || p[-1] == ' ') &&
		    (p + n == end || p[n] == ' ' || p[n] == ','))
			return 1;
	return 0;
}

/* "the Syrian president", "the Iranian official", "the minister": the
 * latest person whose title holds the head (or, for "official", any
 * title) and every nationality before it. */
static int32_t resolve_description(const struct actx *c, size_t m0, size_t head, uint32_t pos)
{
	const struct ws_doc *d = c->d;
	int any_title = lower_is(c, head, "official") || lower_is(c, head, "diplomat") ||
			lower_is(c, head, "leader") || lower_is(c, head, "politician");
	/* at most 400 mentions back: bounded work per speaker */
	size_t seen = 0;
	for (size_t m = d->ments.n; m-- > 0 && seen++ < 400;) {
		const struct ws_mention *mn = &d->ments.v[m];
		if (mn->span.start >= d->tk.tok.v[pos].start || mn->entity < 0 || mn->pronoun)
			continue;
		const struct ws_entity *e = &d->ents.v[mn->entity];
		if (e->type != WS_SP_PERSON || e->title.end == e->title.start)
			continue;
		int ok = any_title || title_has(d, e, ws_tok_text(d, head), ws_tok_len(d, head));
		for (size_t t = m0; ok && t < head; t++)
			if (tok(c, t)->shape == WS_SHAPE_CAP && lookup_at(c, t, t + 1, c->nm.place, NULL))
				ok = title_has(d, e, ws_tok_text(d, t), ws_tok_len(d, t));
		if (ok)
			return mn->entity;
	}
	return -1;
}

/* A noun phrase "the (Syrian|former|deputy)* HEAD" with HEAD a role noun,
 * a title head or an institution, ending just before end (or starting at
 * start when forward). Fills *m0 (or *m1) and *head. */
static int description_ending(const struct actx *c, size_t end, size_t *m0, size_t *head)
{
	/* what part of an organisation someone works in */
	static const char *const staff_words[] = {
		"campaign", "communications", "press", "policy", "political", "legal", "security", NULL
	};
	if (end == 0)
		return 0;
	size_t h = end - 1;
	if (tok(c, h)->kind != WS_TOK_WORD || tok(c, h)->shape == WS_SHAPE_UPPER)
		return 0;
	/* a head: a role noun, a title's head or an institution; before it
	 * a place, a title or an organisation */
	const char *const heads[3][2] = {
		{ c->nm.person, c->nm.role }, { c->nm.title, c->nm.head }, { c->nm.org, c->nm.institution }
	};
	const char *const modifiers[3][2] = {
		{ c->nm.place, NULL }, { c->nm.title, NULL }, { c->nm.org, NULL }
	};
	if (!lookup_at_any(c, h, h + 1, heads, 3))
		return 0;
	size_t s = h;
	while (s > 0 && end - s < 6 && same_sent(c, s - 1, h) &&
	       (lookup_at_any(c, s - 1, 0, modifiers, 3) ||
		(tok(c, s - 1)->shape == WS_SHAPE_LOWER && tok(c, s - 1)->kind == WS_TOK_WORD &&
		 !lower_is(c, s - 1, "the") && !lower_is(c, s - 1, "a") &&
		 CUE_AT(c, s - 1) < 0 && lookup_at(c, s - 1, 0, c->nm.person, c->nm.role)) ||
		/* whose: "a senior Cruz adviser", "A top Acme campaign
		 * official" (a name inside: describe() credits no one) */
		(s - 1 > 0 && (is_cap(c, s - 1) || word_in(c, s - 1, staff_words)) &&
		 !is_starter(c, s - 1) && !(tok(c, s - 1)->flags & WS_TF_SENT_START) &&
		 !is_possessive(c, s - 1))))
		s--;
	if (s == 0 || !(lower_is(c, s - 1, "the") || lower_is(c, s - 1, "a") ||
			lower_is(c, s - 1, "an")) || !same_sent(c, s - 1, h))
		return 0;
	*m0 = s - 1;
	*head = h;
	return 1;
}

int description_starting(const struct actx *c, size_t start, size_t *m1, size_t *head)
{
	if (!(lower_is(c, start, "the") || lower_is(c, start, "a") || lower_is(c, start, "an")))
		return 0;
	int found = 0;
	for (size_t e = start + 2; e <= c->ntok && e - start <= 6 && same_sent(c, start, e - 1);
	     e++) {
		size_t m0, h;
		if (description_ending(c, e, &m0, &h) && m0 == start) {
			/* take the longest: "the foreign minister" over "the
			 * foreign", "a senior Roe adviser" over "a senior" */
			*m1 = e;
			*head = h;
			found = 1;
			if (e == c->ntok || (!lookup_at(c, e, e + 1, c->nm.person, c->nm.role) &&
					     !(is_cap(c, e) && same_sent(c, start, e))))
				return 1;
		}
	}
	return found;	/* "a senior Roe", no head after the name */
}

/* A capitalised run ending before end, within the sentence. */
static size_t run_backward(const struct actx *c, size_t end)
{
	size_t j = end;
	while (j > 0 && same_sent(c, j - 1, end - 1)) {
		if (is_cap(c, j - 1))
			j--;
		else if (j < end && j >= 2 && is_particle(c, j - 1) && is_cap(c, j - 2))
			j--;
		else
			break;
		if (tok(c, j)->flags & WS_TF_SENT_START)
			break;
	}
	/* a sentence starter ends the run: "The Pentagon" keeps "The" only
	 * as its first word, "When Bush" is "Bush" */
	for (size_t k = end; k > j; k--)
		if (k - 1 > j && is_starter(c, k - 1)) {
			j = k - 1;
			break;
		}
	if (j + 1 < end && is_starter(c, j) && !lower_is(c, j, "the"))
		j++;
	/* "By", "Moreover", "Probably" (rules/sentence-starters.txt) alone are
	 * no one */
	if (j + 1 == end && is_starter(c, j))
		return end;
	return j;
}

size_t run_forward(const struct actx *c, size_t i)
{
	size_t j = i;
	while (j < c->ntok && (j == i || same_sent(c, i, j))) {
		if (is_cap(c, j) && (j == i || !is_starter(c, j)))
			j++;
		else if (j > i && j + 1 < c->ntok && is_particle(c, j) && is_cap(c, j + 1))
			j++;
		else
			break;
	}
	return j;
}

void set_entity(const struct actx *c, struct speaker *s, int32_t e, enum sieve sv)
{
	s->entity = e;
	s->sieve = sv;
	s->type = e >= 0 ? c->d->ents.v[e].type : s->type;
	s->found = 1;
	/* "Tehran said", "Washington has said": a place that speaks stands for
	 * its government, and is a place speaker */
	size_t m0 = s->m0;
	if (m0 + 1 < s->m1 && lower_is(c, m0, "the"))
		m0++;
	/* (not a nationality: "Cuban said" is Mark Cuban) */
	const struct ws_annot *pl = s->m1 > m0 && s->type == WS_SP_UNKNOWN
				    ? lookup_at(c, m0, s->m1, c->nm.place, NULL) : NULL;
	if (pl && ws_annot_get(pl, c->nm.minor) != c->nm.demonym) {
		s->type = WS_SP_PLACE;
		if (e >= 0 && c->d->ents.v[e].type == WS_SP_UNKNOWN)
			c->d->ents.v[e].type = WS_SP_PLACE;
	}
}

/* A party's member: "one New Hampshire Democrat" is a person, no name. */
static const char *const party_members[] = { "Democrat", "Republican", "Libertarian", NULL };

/* The type of a noun phrase speaker with no name, by its head word: a
 * plural is a group ("some farmers", "the candidates"), a word for
 * a person's role or title is a person ("a Cairo airport official", "one
 * Acme strategist"), unless a role noun is more often a thing ("the
 * letter", "a suit": the role list's ambiguous=1); anything else is
 * unknown. */
static enum ws_speaker_type nominal_type(const struct actx *c, size_t head)
{
	const struct ws_annot *a;
	if (plural_word(c, head))
		return WS_SP_GROUP;
	if (tok(c, head)->shape == WS_SHAPE_CAP && word_in(c, head, party_members))
		return WS_SP_PERSON;
	if (tok(c, head)->shape != WS_SHAPE_LOWER)
		return WS_SP_UNKNOWN;
	if (lookup_at(c, head, head + 1, c->nm.title, c->nm.head))
		return WS_SP_PERSON;	/* a title's head: "the DNC chair" */
	if ((a = lookup_at(c, head, head + 1, c->nm.person, c->nm.role)) &&
	    !ws_annot_get(a, c->nm.ambiguous))
		return WS_SP_PERSON;
	return WS_SP_UNKNOWN;
}

/* The head of a noun phrase [m0, m1): the word before its first
 * preposition or relative ("One employee at a software firm"), else its
 * last word; past the "of" after a share ("some of his rivals", "59
 * percent of voters", "a group of rabbis"). */
static size_t phrase_head(const struct actx *c, size_t m0, size_t m1)
{
	static const char *const stop[] = {
		"of", "at", "in", "for", "from", "with", "on", "who", "that", "close", NULL
	};
	static const char *const share[] = {
		"one", "another", "some", "many", "most", "all", "both", "several", "few", "none",
		"half", "third", "quarter", "majority", "minority", "plurality", "number", "percent",
		"dozen", "dozens", "hundreds", "thousands", "millions", "group", "share", "each",
		"two", "three", "four", "five", "majorities", "members", "rest", NULL
	};
	for (size_t k = m0 + 1; k < m1; k++) {
		if (!word_in(c, k, stop))
			continue;
		if (lower_is(c, k, "of") && (word_in(c, k - 1, share) ||
					     tok(c, k - 1)->kind == WS_TOK_NUMBER ||
					     tok(c, k - 1)->kind != WS_TOK_WORD))
			continue;
		return k - 1;
	}
	return m1 - 1;
}

/* What an apposition after a name says of it, from token t after the
 * comma: "who ..." or an age ("Roe, 44,") or a word for a role or title
 * heading a noun phrase before any preposition ("Roe, a creative writing
 * professor,", "Roe, editor of ...") make it a person. */
static int apposition_says_person(const struct actx *c, size_t t)
{
	static const char *const ends[] = {
		"of", "for", "at", "in", "with", "from", "to", "and", "or", "but", "which", "that",
		"whose", NULL
	};
	static const char *const after_head[] = {
		"of", "for", "at", "in", "with", "from", "to", "on", "who", "and", NULL
	};
	if (t >= c->ntok)
		return 0;
	if (lower_is(c, t, "who"))
		return 1;
	if (tok(c, t)->kind == WS_TOK_NUMBER)
		return t + 1 < c->ntok && tok(c, t + 1)->end - tok(c, t + 1)->start == 1 &&
		       c->d->text[tok(c, t + 1)->start] == ',';
	for (size_t k = t; k < c->ntok && k < t + 5 && same_sent(c, t, k); k++) {
		if (tok(c, k)->kind != WS_TOK_WORD || word_in(c, k, ends))
			return 0;
		/* the head of its noun phrase: "a writing professor," "editor
		 * of", not "the conservative organization" */
		if (tok(c, k)->shape == WS_SHAPE_LOWER && !plural_word(c, k) &&
		    nominal_type(c, k) == WS_SP_PERSON &&
		    (k + 1 >= c->ntok || tok(c, k + 1)->kind != WS_TOK_WORD ||
		     word_in(c, k + 1, after_head)))
			return 1;
	}
	return 0;
}

/* Whether the mention [m0, m1) holds an honorific before its last word
 * ("Mr. Arad", "Vermont Gov. Jo Roe"): a person's name. */
static int has_honorific(const struct actx *c, size_t m0, size_t m1)
{
	for (size_t k = m0; k + 1 < m1 && k < m0 + 4; k++)
		if (lookup_at(c, k, 0, c->nm.title, c->nm.honorific))
			return 1;
	return 0;
}

/* Whether the mention [m0, m1) is a word for a role or a title's head, in
 * lower case, then only capitalised words ("Band member Flea", "Acme
 * spokesman Jo Vrann", "Soviet dissident Milo Djil"): a person's name after
 * what the person is. */
static int role_before_name(const struct actx *c, size_t m0, size_t m1)
{
	for (size_t k = m0; k + 1 < m1; k++) {
		if (tok(c, k)->shape != WS_SHAPE_LOWER || plural_word(c, k) ||
		    nominal_type(c, k) != WS_SP_PERSON)
			continue;
		size_t j = k + 1;
		while (j < m1 && tok(c, j)->kind == WS_TOK_WORD &&
		       (tok(c, j)->shape == WS_SHAPE_CAP || tok(c, j)->shape == WS_SHAPE_UPPER ||
			(tok(c, j)->flags & WS_TF_ABBREV)))
			j++;
		/* not an acronym's plural: "super PACs" */
		const struct ws_token *t = tok(c, m1 - 1);
		const char *e = c->d->text + t->end;
		return j == m1 && !(t->end - t->start >= 3 && e[-1] == 's' && e[-2] >= 'A' &&
				    e[-2] <= 'Z');
	}
	return 0;
}

/* Whether the mention [m0, m1) is "the" and capitalised words, the last
 * no plural ("The American Legion said", "the Acme Institute"): an
 * organisation's name ("The Clintons" are a family). */
static int the_and_name(const struct actx *c, size_t m0, size_t m1)
{
	if (m1 < m0 + 2 || !lower_is(c, m0, "the") || plural_word(c, m1 - 1) ||
	    lookup_at(c, m1 - 1, m1, c->nm.title, NULL))	/* "The Democratic" */
		return 0;
	for (size_t k = m0 + 1; k < m1; k++)
		if (tok(c, k)->kind != WS_TOK_WORD ||
		    (tok(c, k)->shape != WS_SHAPE_CAP && tok(c, k)->shape != WS_SHAPE_UPPER))
			return 0;
	return 1;
}

/* Whether the mention [m0, m1) is one word of two to six capitals that
 * names no place or person and opens no paragraph ("FICO said", "HP says";
 * not a dateline's "PARIS"): an organisation's initials. */
static int acronym(const struct actx *c, size_t m0, size_t m1)
{
	size_t n = tok(c, m0)->end - tok(c, m0)->start;
	return m1 == m0 + 1 && tok(c, m0)->shape == WS_SHAPE_UPPER && n >= 2 && n <= 6 &&
	       !(tok(c, m0)->flags & WS_TF_PARA_START) &&	/* a dateline: "PARIS, Aug 31" */
	       !lower_is(c, m0, "tv") && !lookup_at(c, m0, 0, c->nm.place, NULL) &&
	       !lookup_at(c, m0, 0, c->nm.person, NULL);
}

/* Whether a mention's rule is a sieve's: attribution made it. */
static int is_sieve(const char *rule)
{
	for (size_t i = 0; ws_sieve_names[i]; i++)
		if (rule == ws_sieve_names[i])
			return 1;
	return 0;
}

/* Speakers the lists did not know, typed by what surrounds them.
 * "Sexton, a creative writing professor, said", "Hollande, who returned to
 * Paris", "Suu Kyi, 70,": an apposition that says what the speaker is makes
 * a person, and joins the mention as written (src/entities.c); so does an
 * honorific in the mention ("Mr. Arad said", the name unknown to the name
 * lists). "The American Legion said": "the" and a name make an
 * organisation. */
void unknown_speakers(struct actx *c)
{
	struct ws_doc *d = c->d;
	uint8_t *only = NULL;
	for (size_t m = 0; m < d->ments.n; m++) {
		const struct ws_mention *mn = &d->ments.v[m];
		size_t f = d->ment_tok.v[2 * m], l = d->ment_tok.v[2 * m + 1];
		if (mn->entity < 0 || mn->pronoun || l < 1)
			continue;
		/* a speaker attribution found that a pronoun ("..., he said")
		 * has made a person already, or its wider mention of a known
		 * one ("Acme candidate Sen. Jo Roe"): an apposition joins it,
		 * as it joins the entity rules' ("Acme candidate Sen. Jo Roe
		 * (D-Ore.)") */
		enum ws_speaker_type t = d->ents.v[mn->entity].type;
		if (((size_t)mn->entity >= c->nents0 || (mn->wide && is_sieve(mn->rule))) &&
		    (t == WS_SP_PERSON || t == WS_SP_ORGANIZATION)) {
			if (!only)
				only = ws_xcalloc(d->ents.n, 1);
			only[mn->entity] = 1;
			continue;
		}
		if (t != WS_SP_UNKNOWN || mn->wide)
			continue;
		if (the_and_name(c, f, l) ||
		    (acronym(c, f, l) && mn->rule != ws_sieve_names[S_LABEL] &&
		     mn->rule != ws_sieve_names[S_HEADLINE])) {
			d->ents.v[mn->entity].type = WS_SP_ORGANIZATION;
			if (!only)
				only = ws_xcalloc(d->ents.n, 1);
			only[mn->entity] = 1;
			continue;
		}
		int person = has_honorific(c, f, l) || role_before_name(c, f, l);
		/* no person's name starts with "the"; after "according to X,"
		 * the clause goes on, no apposition */
		if (!person && l + 1 < c->ntok && tok(c, l)->end - tok(c, l)->start == 1 &&
		    d->text[tok(c, l)->start] == ',' && same_sent(c, l - 1, l + 1) &&
		    /* "Andres, a spokesman": one person, whatever the name's end */
		    (!plural_word(c, l - 1) || lower_is(c, l + 1, "a") || lower_is(c, l + 1, "an")) &&
		    !(tok(c, l - 1)->flags & WS_TF_ABBREV) &&
		    !lower_is(c, f, "the") &&
		    !(f >= 2 && lower_is(c, f - 1, "to") && lower_is(c, f - 2, "according")))
			person = apposition_says_person(c, l + 1);
		if (!person)
			continue;
		if (!only)
			only = ws_xcalloc(d->ents.n, 1);
		d->ents.v[mn->entity].type = WS_SP_PERSON;
		only[mn->entity] = 1;
	}
	if (only)
		ws_entities_appositions(d, only);
	free(only);
}

/* A description as speaker: "the government" is an institution with no
 * entity; "the Syrian president" is the person whose title fits. */
static void describe(const struct actx *c, struct speaker *s, size_t m0, size_t head)
{
	if (lookup_at(c, head, head + 1, c->nm.org, c->nm.institution)) {
		s->type = WS_SP_ORGANIZATION;
		set_entity(c, s, -1, S_GROUP);
	} else if (tok(c, head)->shape == WS_SHAPE_LOWER &&
		   nominal_type(c, head) != WS_SP_PERSON) {
		/* "the candidates", "the letter": a group or a thing */
		s->type = nominal_type(c, head);
		set_entity(c, s, -1, S_DESCRIPTION);
	} else {
		s->type = WS_SP_PERSON;
		/* "a senior Cruz adviser" is none of the people named before */
		int named = 0;
		for (size_t k = m0 + 1; k < head && !named; k++)
			named = is_cap(c, k) && !lookup_at(c, k, 0, c->nm.place, NULL) &&
				!lookup_at(c, k, 0, c->nm.title, NULL) &&
				!lookup_at(c, k, 0, c->nm.org, NULL);
		set_entity(c, s, named ? -1 : resolve_description(c, m0, head, (uint32_t)m0),
			   S_DESCRIPTION);
	}
}

/* An entity for a speaker the entity rules did not know: clustered with a
 * person or an earlier such speaker of the same last name word. */
int32_t fallback_entity(struct ws_doc *d, size_t m0, size_t m1)
{
	while (m0 + 1 < m1 && ws_wordlist_get(d->eng->starters, ws_tok_text(d, m0), ws_tok_len(d, m0)))
		m0++;
	const char *s = ws_tok_text(d, m1 - 1);
	size_t n = ws_tok_len(d, m1 - 1);
	const char *h = memchr(s, '-', n);
	if (h && ws_wordlist_get(d->eng->particles, s, (size_t)(h - s))) {
		n -= (size_t)(h + 1 - s);
		s = h + 1;
	}
	struct ws_span sp = { d->tk.tok.v[m0].start, d->tk.tok.v[m1 - 1].end };
	int32_t e = ws_entity_find(d, WS_SP_PERSON, s, n);
	if (e < 0 && n > 1 && n < 64) {
		/* a transcript's "CLINTON:" is the Clinton the article names */
		char tc[64];
		size_t i = 0;
		for (; i < n && s[i] >= 'A' && s[i] <= 'Z'; i++)
			tc[i] = (char)(i ? s[i] - 'A' + 'a' : s[i]);
		if (i == n)
			e = ws_entity_find(d, WS_SP_PERSON, tc, n);
	}
	if (e < 0)
		e = ws_entity_find(d, WS_SP_UNKNOWN, s, n);
	if (e < 0)	/* an unknown speaker that set_entity found to be a place */
		e = ws_entity_find(d, WS_SP_PLACE, s, n);
	if (e < 0)
		e = ws_entity_find(d, WS_SP_ORGANIZATION, d->text + sp.start, sp.end - sp.start);
	if (e < 0)
		return ws_entity_new(d, WS_SP_UNKNOWN, sp, (uint32_t)(m1 - 1));
	if (d->ents.v[e].type != WS_SP_ORGANIZATION &&
	    sp.end - sp.start > d->ents.v[e].name.end - d->ents.v[e].name.start)
		ws_entity_rename(d, e, sp, (uint32_t)(m1 - 1));
	return e;
}

/* Words that end a noun phrase read backwards from a cue: conjunctions,
 * subordinators, relatives, auxiliaries and negation. */
const char *const np_stop[] = {
	"and", "but", "or", "nor", "that", "which", "who", "whom", "because", "if", "when",
	"while", "as", "although", "though", "since", "so", "where", "until",
	"unless", "whether", "then", "is", "was", "are", "were", "be", "been", "being", "has",
	"have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "do",
	"does", "did", "not", "also", "even", "yet", "said", "says", "say", "told", "there",
	"here", NULL
};

const char *const prepositions[] = {
	"in", "on", "at", "for", "with", "from", "by", "during", "under", "over", "about",
	"to", "of", "into", "through", "after", "before", "among", "across", "like", NULL
};

/* The head of a noun phrase: a lowercase word that is not an adverb, a
 * preposition, a determiner or a pronoun ("members", "employee"). */
int np_head(const struct actx *c, size_t h)
{
	const struct ws_token *t = tok(c, h);
	size_t n = tok_len(c, h);
	if (t->kind != WS_TOK_WORD || t->shape != WS_SHAPE_LOWER || n < 3)
		return 0;
	static const char *const numbers[] = {
		"one", "two", "three", "four", "five", "another", "others", "both", "all",
		"some", "many", "most", "few", "several", "half", "more", "none", NULL
	};
	static const char *const objects[] = { "you", "me", "him", "us", "them", "one's", NULL };
	/* determiners, numbers, objects, prepositions and np_stop: asked
	 * together */
	static const char *const *const no_heads[] = {
		determiners, numbers, objects, prepositions, np_stop, NULL
	};
	static const char *const ly_nouns[] = {
		"ally", "family", "rally", "assembly", "supply", "reply", "bully", "monopoly",
		"anomaly", "tally", "folly", NULL
	};
	if (word_in_any(c, h, no_heads) || (tok_ends(c, h, "ly", 3) && !word_in(c, h, ly_nouns)) ||
	    pronoun_at(c, h))
		return 0;
	const char *w = tok_text(c, h);
	/* "doesn't", "there's", "you'd": a verb or a pronoun inside; a word
	 * of up to eight bytes with neither an apostrophe nor the first byte
	 * of a curly one is passed in one test of all its bytes */
	const uint64_t ones = 0x0101010101010101ULL, hi = ones * 0x80;
	uint64_t v = n <= 8 ? ws_pack_short(w, n, c->text + c->d->len) : 0;
	uint64_t a = v ^ ones * '\'', e = v ^ ones * 0xE2;
	if (n > 8 || (((a - ones) & ~a) | ((e - ones) & ~e)) & hi)
		for (size_t i = 0; i < n; i++)
			if (w[i] == '\'' || (i + 2 < n && (unsigned char)w[i] == 0xE2 &&
					     (unsigned char)w[i + 1] == 0x80 && (unsigned char)w[i + 2] == 0x99))
				return 0;
	/* a cue word is no head, unless it is more often a noun ("new
	 * fundraising reports show") */
	if (CUE_AT(c, h) >= 0 && !cue_feats(c, &c->d->gaz.v[CUE_AT(c, h)])->ambiguous)
		return 0;
	return 1;
}

int numberish(const struct actx *c, size_t k)
{
	static const char *const words[] = {
		"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"half", NULL
	};
	return tok(c, k)->kind == WS_TOK_NUMBER || word_in(c, k, words);
}

/* A share of people ending before end: "26%", "Six in 10", "nine out of
 * 10", "three-quarters", "a majority", with "nearly", "about", "just over"
 * before it. Returns its first token, or end. */
static size_t share_start(const struct actx *c, size_t end)
{
	/* "three-quarters said", "two-thirds say", "a majority said" */
	static const char *const fractions[] = {
		"three-quarters", "two-thirds", "one-third", "one-quarter", "majority", "third",
		"thirds", "quarter", "quarters", "fifth", "fifths", "plurality", NULL
	};
	static const char *const approx[] = {
		"nearly", "about", "almost", "roughly", "just", "only", "over", "under", "some",
		"around", "fully", "than", "more", "fewer", "less", "shy", "of", NULL
	};
	if (end < 2)
		return end;
	size_t j = end - 1;
	int number = numberish(c, j);
	if (is_punct(c, j, "%") && numberish(c, j - 1))
		j--;
	else if (number && j >= 2 && lower_is(c, j - 1, "in") && numberish(c, j - 2))
		j -= 2;
	else if (number && j >= 3 && lower_is(c, j - 1, "of") && lower_is(c, j - 2, "out") &&
		 numberish(c, j - 3))
		j -= 3;
	else if (tok(c, j)->shape == WS_SHAPE_LOWER && word_in(c, j, fractions))
		j -= j > 0 && same_sent(c, j - 1, j) && (lower_is(c, j - 1, "a") || numberish(c, j - 1));
	else
		return end;
	while (j > 0 && end - j < 10 && same_sent(c, j - 1, j) && word_in(c, j - 1, approx))
		j--;
	return j;
}

/* A noun phrase ending before end that no other finder knows: "The
 * employee", "Some USDP members", "58 percent of Florida voters", "An
 * earlier report in a New Hampshire paper". It runs back over words and
 * numbers to the sentence start or a clause boundary, at most 12 tokens,
 * and starts with a determiner, a quantifier, a number or a capital. */
static size_t np_backward(const struct actx *c, size_t end)
{
	static const char *const quant[] = {
		"some", "several", "many", "most", "more", "few", "both", "all", "one", "two",
		"three", "four", "five", "half", "other", "another", "such", NULL
	};
	/* "Others say", "Most said", "One says": a quantifier alone opening
	 * its clause */
	static const char *const alone[] = {
		"others", "many", "some", "most", "one", "few", "both", "several", NULL
	};
	if (end > 0 && word_in(c, end - 1, alone) &&
	    ((tok(c, end - 1)->flags & WS_TF_SENT_START) ||
	     (end > 1 && (is_punct(c, end - 2, ",") || is_punct(c, end - 2, ";") ||
			  ((lower_is(c, end - 2, "and") || lower_is(c, end - 2, "but")) &&
			   (tok(c, end - 2)->flags & WS_TF_SENT_START))))))
		return end - 1;	/* "Others say", "And both vowed" */
	/* "26% say", "Six in 10 say", "nearly nine out of 10 said": a share */
	size_t sh = share_start(c, end);
	if (sh < end)
		return sh;
	/* "most of them said", "Some of those surveyed say" */
	if (end > 2 && (lower_is(c, end - 1, "them") || lower_is(c, end - 1, "us") ||
			lower_is(c, end - 1, "those")) && lower_is(c, end - 2, "of") &&
	    (word_in(c, end - 3, alone) || word_in(c, end - 3, quant) ||
	     tok(c, end - 3)->kind == WS_TOK_NUMBER || lower_is(c, end - 3, "none")) &&
	    same_sent(c, end - 3, end - 1))
		return end - 3;
	if (end == 0 || !np_head(c, end - 1) || (end > 1 && lower_is(c, end - 2, "to")))
		return end;	/* "to settle" is an infinitive */
	size_t j = end - 1;
	while (j > 0 && end - j < 12 && same_sent(c, j - 1, end - 1) &&
	       !(tok(c, j)->flags & WS_TF_SENT_START)) {
		size_t k = j - 1;
		const struct ws_token *t = tok(c, k);
		if (t->kind != WS_TOK_WORD && t->kind != WS_TOK_NUMBER && !is_punct(c, k, "%"))
			break;
		/* "Her advisers and allies": nouns on both sides of "and" */
		int coord = lower_is(c, k, "and") && k > 0 && np_head(c, k - 1) &&
			    same_sent(c, k - 1, k) && (np_head(c, k + 1) || is_cap(c, k + 1));
		/* "there's", "it's", "that's": a pronoun and a verb */
		size_t kn = tok_len(c, k);
		int pron_s = t->shape == WS_SHAPE_LOWER && kn > 2 &&
			     (tok_text(c, k)[kn - 2] == '\'' ||
			      (kn > 4 && (unsigned char)tok_text(c, k)[kn - 2] == 0x99)) &&
			     tok_text(c, k)[kn - 1] == 's' &&
			     (lower_is(c, k, "there's") || lower_is(c, k, "it's") ||
			      lower_is(c, k, "that's") || lower_is(c, k, "what's") ||
			      lower_is(c, k, "here's") || lower_is(c, k, "who's") ||
			      lower_is(c, k, "there\xE2\x80\x99s") || lower_is(c, k, "it\xE2\x80\x99s") ||
			      lower_is(c, k, "that\xE2\x80\x99s") || lower_is(c, k, "what\xE2\x80\x99s"));
		/* "That person said", "Those voters say": a demonstrative
		 * opening the sentence is the phrase's determiner */
		if ((tok(c, k)->flags & WS_TF_SENT_START) &&
		    (lower_is(c, k, "that") || lower_is(c, k, "those"))) {
			j = k;
			break;
		}
		if (!coord && (pron_s || word_in(c, k, np_stop) || pronoun_at(c, k) || is_contraction(c, k) ||
			       (CUE_AT(c, k) >= 0 && t->shape == WS_SHAPE_LOWER &&
				!(k > 0 && word_in(c, k - 1, quantifiers) && noun_plural(c, k)))))
			break;
		j = k;
	}
	if (end - j >= 12)
		return end;
	/* "On Monday the employee": past a fronted preposition to the last
	 * determiner */
	/* "About 9 percent", "over half of voters": a preposition before a
	 * number or a share is part of the phrase */
	int approx = j + 1 < end && (tok(c, j + 1)->kind == WS_TOK_NUMBER ||
				     lower_is(c, j + 1, "half") || lower_is(c, j + 1, "a")) &&
		     (lower_is(c, j, "about") || lower_is(c, j, "over") || lower_is(c, j, "under") ||
		      lower_is(c, j, "around"));
	if (word_in(c, j, prepositions) && !approx) {
		size_t k = end - 1;
		while (k > j && !is_determiner(c, k) && !word_in(c, k, quant))
			k--;
		if (k == j)
			return end;
		j = k;
	}
	const struct ws_token *f = tok(c, j);
	/* ", strategists said,", "Analysts say", ", new fundraising reports
	 * show", "early results from the 14 districts showed": a bare plural
	 * opening its clause */
	int bare_plural = end - j <= 8 && tok_len(c, end - 1) > 3 && plural_word(c, end - 1) &&
			  ((f->flags & WS_TF_SENT_START) ||
			   (j > 0 && (is_punct(c, j - 1, ",") || is_punct(c, j - 1, ";"))));
	if (!(is_determiner(c, j) || word_in(c, j, quant) || f->kind == WS_TOK_NUMBER ||
	      is_possessive(c, j) || (f->kind == WS_TOK_WORD && f->shape != WS_SHAPE_LOWER) ||
	      bare_plural || approx))
		return end;
	/* "Rattling off promises", "Counting her support": a fronted
	 * participle is no subject */
	if (tok(c, j)->shape == WS_SHAPE_CAP && tok_ends(c, j, "ing", 5))
		return end;
	/* a sentence starter alone before the head is no subject: "However officials" */
	if (j + 1 < end && is_starter(c, j) && !is_determiner(c, j) && !word_in(c, j, quant))
		j++;
	/* a past-tense word inside means a verb: "Ebeling reminisced about her days" */
	for (size_t k = j + 1; k + 1 < end; k++) {
		if (tok(c, k)->shape == WS_SHAPE_LOWER && tok_ends(c, k, "ed", 5) &&
		    !is_determiner(c, k - 1) &&
		    tok(c, k - 1)->shape == WS_SHAPE_LOWER && !word_in(c, k - 1, quant))
			return end;
	}
	return j;
}

/* A noun phrase starting at start, after an inverted cue: "one former
 * senior agency official", "election lawyer Joe Birkenstock", "a
 * spokeswoman for the campaign". It runs to punctuation or a clause word,
 * at most 10 tokens, and ends with a noun or a name. */
static size_t np_forward(const struct actx *c, size_t start)
{
	static const char *const quant[] = {
		"some", "several", "many", "most", "one", "two", "three", "another", NULL
	};
	const struct ws_token *f = tok(c, start);
	if (f->kind != WS_TOK_WORD && f->kind != WS_TOK_NUMBER)
		return start;
	if (!(is_determiner(c, start) || word_in(c, start, quant) || f->kind == WS_TOK_NUMBER ||
	      np_head(c, start) || is_possessive(c, start)))
		return start;
	size_t j = start;
	while (j < c->ntok && j - start < 10 && same_sent(c, start, j)) {
		const struct ws_token *t = tok(c, j);
		if (t->kind != WS_TOK_WORD && t->kind != WS_TOK_NUMBER)
			break;
		if (j > start && (word_in(c, j, np_stop) || pronoun_at(c, j) ||
				  (CUE_AT(c, j) >= 0 && t->shape == WS_SHAPE_LOWER) ||
				  is_adjunct(c, j)))
			break;
		j++;
	}
	if (j - start >= 10 || j == start)
		return start;
	while (j > start && !(np_head(c, j - 1) || is_cap(c, j - 1)))
		j--;
	if (j == start || (j == start + 1 && !np_head(c, start)))
		return start;
	return j;
}

/* The speaker whose mention ends just before token end. */
static struct speaker speaker_ending(struct actx *c, size_t end, enum sieve named)
{
	struct speaker s = no_speaker(S_SUBJECT);
	if (end == 0 || (tok(c, end)->flags & WS_TF_SENT_START) || !same_sent(c, end - 1, end))
		return s;
	s.m1 = (uint32_t)end;
	const struct ws_word *pw;
	size_t m0, head;
	const struct ws_annot *a;
	uint32_t mf = ws_mention_first(c->d, (uint32_t)end);
	if (mf < end && ws_entity_at(c->d, mf, (uint32_t)end) >= 0) {
		s.m0 = mf;
		/* "the government", "The Pentagon": the article belongs to the mention
		 * as written */
		if (mf > 0 && lower_is(c, mf - 1, "the") && same_sent(c, mf - 1, mf))
			s.m0 = mf - 1;
		set_entity(c, &s, ws_entity_at(c->d, mf, (uint32_t)end), named);
	} else if ((pw = pronoun_at(c, end - 1))) {
		s.m0 = (uint32_t)end - 1;
		s.type = strcmp(pw->f[0], "male") == 0 || strcmp(pw->f[0], "female") == 0
			 ? WS_SP_PERSON : WS_SP_UNKNOWN;
		set_entity(c, &s, resolve_pronoun(c, pw->f[0], (uint32_t)end - 1), S_PRONOUN);
	} else if ((a = lookup_ending(c, end, c->nm.source, c->nm.anonymous))) {
		s.m0 = a->first;
		/* "the sources said": the article belongs to the mention */
		if (a->first > 0 && lower_is(c, a->first - 1, "the") && same_sent(c, a->first - 1, a->first))
			s.m0 = a->first - 1;
		s.type = WS_SP_ANONYMOUS;
		set_entity(c, &s, -1, S_ANONYMOUS);
	} else if (description_ending(c, end, &m0, &head)) {
		s.m0 = (uint32_t)m0;
		describe(c, &s, m0, head);
	} else if ((a = lookup_ending(c, end, c->nm.person, c->nm.group))) {
		/* "federal officials", "senior White House aides": up to
		 * three modifiers belong to the group */
		static const char *const not_modifiers[] = {
			"what", "than", "whom", "whose", "how", "why", NULL
		};
		size_t g = a->first;
		while (g > 0 && a->first - g < 3 && same_sent(c, g - 1, g) &&
		       !(tok(c, g)->flags & WS_TF_SENT_START) && !word_in(c, g - 1, not_modifiers) &&
		       (np_head(c, g - 1) || (is_cap(c, g - 1) && !is_starter(c, g - 1)))) {
			/* "registered voters", not "The senator emailed supporters" */
			if (tok_ends(c, g - 1, "ed", 4) && g > 1 && same_sent(c, g - 2, g - 1) &&
			    (np_head(c, g - 2) || ws_mention_first(c->d, (uint32_t)g - 1) < g - 1))
				break;
			g--;
		}
		s.m0 = (uint32_t)g;
		if (g > 0 && same_sent(c, g - 1, g) && !(tok(c, g)->flags & WS_TF_SENT_START) &&
		    (lookup_at(c, g - 1, g, c->nm.place, NULL) ||
		     lower_is(c, g - 1, "the") || lower_is(c, g - 1, "some") ||
		     lower_is(c, g - 1, "many")))
			s.m0 = (uint32_t)g - 1;
		s.type = WS_SP_GROUP;
		set_entity(c, &s, -1, S_GROUP);
	} else {
		size_t r = run_backward(c, end);
		if (r < end && lookup_at(c, r, end, c->nm.time, NULL))
			r = end;	/* "Tuesday said" is a date, not a speaker */
		if (r < end) {
			s.m0 = (uint32_t)r;
			set_entity(c, &s, fallback_entity(c->d, r, end), named);
		} else if ((r = np_backward(c, end)) < end) {
			s.m0 = (uint32_t)r;
			s.type = nominal_type(c, phrase_head(c, r, end));
			set_entity(c, &s, -1, S_NOMINAL);
		}
	}
	return s;
}

/* The "for", "of", "at", "with" or "in" before a mention starting at m0,
 * maybe past one modifier ("for committee Democrats"), or 0. */
static size_t affiliation(const struct actx *c, size_t m0)
{
	static const char *const affil[] = { "for", "of", "at", "with", "in", "from", NULL };
	size_t p = m0 - 1;
	if (!word_in(c, p, affil) && p > 1 && (np_head(c, p) || is_cap(c, p)) && same_sent(c, p - 1, p))
		p--;
	return word_in(c, p, affil) ? p : 0;
}

/* "a source close to him", "people familiar with Cruz's thinking": an
 * anonymity phrase ending in a preposition, and its object, ending before
 * end; found reports whether there is one. */
static struct speaker anonymous_with_object(struct actx *c, size_t end, int *found)
{
	struct speaker h = no_speaker(S_ANONYMOUS);
	*found = 0;
	if (!c->nanon)
		return h;	/* no anonymous source in the document: most */
	for (size_t k = end ? end - 1 : 0; k > 0 && end - k < 6 && same_sent(c, k, end - 1) &&
	     !is_punct(c, k, ",") &&
	     (CUE_AT(c, k) < 0 || is_possessive(c, k - 1) || is_determiner(c, k - 1)); k--) {
		const struct ws_annot *a = lookup_ending(c, k, c->nm.source, c->nm.anonymous);
		if (a && word_in(c, k - 1, prepositions) && same_sent(c, a->first, end - 1)) {
			h.m0 = a->first;
			h.m1 = (uint32_t)end;
			h.type = WS_SP_ANONYMOUS;
			set_entity(c, &h, -1, S_ANONYMOUS);
			*found = 1;
			break;
		}
	}
	return h;
}

/* "the mayor's campaign", "Smith's office": the possessor is part of the
 * mention, and "campaign", "office" are no one's name. */
static void with_possessor(const struct actx *c, struct speaker *s)
{
	if (!s->found || s->m0 < 2 || !is_possessive(c, s->m0 - 1) || !same_sent(c, s->m0 - 1, s->m0))
		return;
	size_t k = s->m0 - 1;
	while (k > 0 && s->m0 - k < 5 && same_sent(c, k - 1, k) && !(tok(c, k)->flags & WS_TF_SENT_START) &&
	       (is_cap(c, k - 1) || np_head(c, k - 1) || lower_is(c, k - 1, "the")))
		k--;
	s->m0 = (uint32_t)k;
	if (s->entity >= 0 && islower((unsigned char)c->d->text[c->d->ents.v[s->entity].name.start]))
		s->entity = -1;
}

/* "DFA spokesman Neil Sroka", "election lawyer Jo Roe": words that describe
 * a named speaker, from a comma, a quote or the sentence's start, belong to
 * the mention. */
static void with_descriptors(const struct actx *c, struct speaker *s)
{
	if (!s->found || s->entity < 0 || s->m0 == 0 || !same_sent(c, s->m0 - 1, s->m0))
		return;
	size_t k = s->m0;
	while (k > 0 && s->m0 - k < 5 && same_sent(c, k - 1, k) && !(tok(c, k)->flags & WS_TF_SENT_START) &&
	       !time_at(c, k - 1) && !word_in(c, k - 1, prepositions) &&
	       !lower_is(c, k - 1, "whereas") &&
	       (np_head(c, k - 1) || (is_cap(c, k - 1) && !is_starter(c, k - 1))))
		k--;
	if (k < s->m0 && ((tok(c, k)->flags & WS_TF_SENT_START) ||
			  (k > 0 && (is_punct(c, k - 1, ",") || QUOTE_CLOSE(c, k - 1) >= 0 ||
				     tok(c, k - 1)->kind == WS_TOK_DASH))))
		s->m0 = (uint32_t)k;
}

/* "Smith and Jones said", "He and his wife": two speakers together are a
 * group, credited to neither alone. */
static void coordinated(const struct actx *c, struct speaker *s)
{
	if (!s->found || s->m0 < 2 || !lower_is(c, s->m0 - 1, "and") || !same_sent(c, s->m0 - 2, s->m0))
		return;
	size_t a = s->m0 - 1;
	uint32_t mf = ws_mention_first(c->d, (uint32_t)a);
	size_t first = mf < a && ws_entity_at(c->d, mf, (uint32_t)a) >= 0 ? mf
		       : pronoun_at(c, a - 1) ? a - 1 : run_backward(c, a);
	if (first < a && (first == 0 || !same_sent(c, first - 1, first) ||
			  (tok(c, first)->flags & WS_TF_SENT_START) || is_punct(c, first - 1, ",") ||
			  lower_is(c, first - 1, "but") || lower_is(c, first - 1, "and"))) {
		s->m0 = (uint32_t)first;
		s->entity = -1;
		s->type = WS_SP_GROUP;
	}
}

/* A mention after "for", "of", "at", "with" or "in" that ends a role, a
 * group or a source ("A spokesman for Mr. X", "officials at the Pentagon",
 * "a source familiar with the talks", "Some friends of the mayor") is not
 * the speaker: the phrase's head is, and the whole phrase is the mention.
 * Returns s when there is no such head. */
static struct speaker affiliated_head(struct actx *c, struct speaker s)
{
	if (!s.found || s.m0 < 2 || !same_sent(c, s.m0 - 2, s.m0))
		return s;
	size_t p, m0, head;
	const struct ws_annot *a;
	struct speaker h = s;
	/* "a source familiar with", "people close to", "an aide to" */
	if ((a = lookup_ending(c, s.m0, c->nm.source, c->nm.anonymous)) && a->first < s.m0 - 1) {
		h.m0 = a->first;
		h.type = WS_SP_ANONYMOUS;
		set_entity(c, &h, -1, S_ANONYMOUS);
	} else if (!(p = affiliation(c, s.m0))) {
		return s;
	} else if (description_ending(c, p, &m0, &head) &&
		   /* "a letter from X" is no one; "the senator from X" is */
		   (!lower_is(c, p, "from") || nominal_type(c, head) == WS_SP_PERSON) &&
		   (!lookup_at(c, head, head + 1, c->nm.org, c->nm.institution) ||
		    /* "the government in Beijing": an institution by its seat */
		    (lower_is(c, p, "in") && lower_is(c, m0, "the") && s.m1 == s.m0 + 1 &&
		     lookup_at(c, s.m0, s.m1, c->nm.place, NULL)) ||
		    /* "the government of President Jo Roe", "the city of Nice" */
		    (lower_is(c, p, "of") && lower_is(c, m0, "the") && p == s.m0 - 1 &&
		     ((s.m1 == s.m0 + 1 && lookup_at(c, s.m0, s.m1, c->nm.place, NULL)) ||
		      (s.entity >= 0 && c->d->ents.v[s.entity].type == WS_SP_PERSON))))) {
		h.m0 = (uint32_t)m0;
		if (lower_is(c, m0, "the")) {
			describe(c, &h, m0, head);
		} else {	/* "A spokesman for X" is someone unnamed */
			h.type = plural_word(c, head) ? WS_SP_GROUP : WS_SP_PERSON;
			set_entity(c, &h, -1, S_NOMINAL);
		}
	} else if ((a = lookup_ending(c, p, c->nm.person, c->nm.group))) {
		h.m0 = a->first;
		if (a->first > 0 && same_sent(c, a->first - 1, a->first) &&
		    (is_determiner(c, a->first - 1) || np_head(c, a->first - 1) || is_cap(c, a->first - 1)))
			h.m0 = a->first - 1;
		h.type = WS_SP_GROUP;
		set_entity(c, &h, -1, S_GROUP);
	} else if (!lower_is(c, p, "with") && !lower_is(c, p, "in") && !lower_is(c, p, "from") &&
		   (m0 = np_backward(c, p)) < p &&
		   plural_word(c, p - 1) && np_head(c, p - 1)) {
		h.m0 = (uint32_t)m0;
		h.type = WS_SP_GROUP;
		set_entity(c, &h, -1, S_NOMINAL);
	} else {
		return s;
	}
	return h;
}

/* The speaker ending before end: speaker_ending()'s, with the words the
 * mention is written with around it. */
struct speaker speaker_before(struct actx *c, size_t end, enum sieve named)
{
	struct speaker s = speaker_ending(c, end, named);
	int anon;
	struct speaker h = anonymous_with_object(c, end, &anon);
	if (anon)
		return h;
	with_possessor(c, &s);
	with_descriptors(c, &s);
	coordinated(c, &s);
	/* "A source familiar with the talks" read back as a noun phrase */
	if (s.found && s.sieve == S_NOMINAL && lookup_at(c, s.m0, 0, c->nm.source, c->nm.anonymous)) {
		s.type = WS_SP_ANONYMOUS;
		s.sieve = S_ANONYMOUS;
	}
	return affiliated_head(c, s);
}

/* "said a Trump supporter who runs a bakery", "said the designer, who
 * works for another brand,": a described speaker's relative clause belongs
 * to its mention, as a name's does; a clause set off by commas keeps its
 * closing comma. Returns the token after the clause, or m1. */
static size_t relative_after(const struct actx *c, size_t start, size_t m1)
{
	size_t k = m1;
	int commas = 0;
	if (k + 1 < c->ntok && is_punct(c, k, ",") && lower_is(c, k + 1, "who")) {
		k++;
		commas = 1;
	}
	if (k >= c->ntok || !lower_is(c, k, "who") || !same_sent(c, start, k))
		return m1;
	/* "who spoke on condition of anonymity", "who requested anonymity":
	 * how the speaker talked, written outside the mention */
	static const char *const anonymity[] = {
		"spoke", "requested", "asked", "declined", "insisted", "demanded", NULL
	};
	if (k + 1 < c->ntok && word_in(c, k + 1, anonymity))
		return m1;
	size_t j = k + 1;
	while (j < c->ntok && j - k < 25 && same_sent(c, start, j) && tok(c, j)->kind != WS_TOK_DASH &&
	       QUOTE_OPEN(c, j) < 0 && !is_punct(c, j, ",") && !is_punct(c, j, ";") &&
	       !is_punct(c, j, ".") && !is_punct(c, j, ":") && !is_punct(c, j, "("))
		j++;
	/* a clause that says something itself ("who said he left") is its
	 * own statement; one cut by a quote or a colon is not whole */
	for (size_t q = k + 1; q < j; q++)
		if (CUE_AT(c, q) >= 0)
			return m1;
	if (j - k < 2 || j - k >= 25 ||
	    (j < c->ntok && same_sent(c, start, j) && !is_punct(c, j, ",") && !is_punct(c, j, ";") &&
	     !is_punct(c, j, ".")))
		return m1;
	return commas && j < c->ntok && is_punct(c, j, ",") ? j + 1 : j;
}

/* "said a spokesman for the mayor, Jim Zorbel": a person's name apposed
 * to a described speaker after the cue is the speaker; the mention runs
 * over it, and over the comma closing it mid-sentence. */
static void apposed_name_after(const struct actx *c, struct speaker *s)
{
	size_t k = s->m1;
	if (k + 2 >= c->ntok || !is_punct(c, k, ",") || !same_sent(c, s->m0, k + 1))
		return;
	/* the longest person mention starting after the comma (mentions are
	 * sorted by start; a wider one, "the mayor, Jim Zorbel", may end
	 * where it ends) */
	const struct ws_doc *d = c->d;
	uint32_t at = tok(c, k + 1)->start;
	size_t lo = ws_mention_from(d, at);
	size_t e = 0;
	int32_t en = -1;
	for (size_t m = lo; m < d->ments.n && d->ments.v[m].span.start == at; m++) {
		const struct ws_mention *mn = &d->ments.v[m];
		size_t me = d->ment_tok.v[2 * m + 1];
		if (mn->entity >= 0 && !mn->pronoun && d->ents.v[mn->entity].type == WS_SP_PERSON &&
		    me > e && me - (k + 1) <= 6) {
			e = me;
			en = mn->entity;
		}
	}
	if (en < 0)
		return;
	/* the name ends the sentence or its own apposition */
	if (e < c->ntok && same_sent(c, s->m0, e) && !is_punct(c, e, ",") && !is_punct(c, e, "."))
		return;
	s->m1 = (uint32_t)(e < c->ntok && same_sent(c, s->m0, e) && is_punct(c, e, ",") ? e + 1 : e);
	s->entity = en;
}

/* "said a spokeswoman for the House committee", "said one longtime adviser
 * to Jo Roe": a described speaker after the cue is written with whom it
 * works for; the mention runs to the end of that name, as it does before
 * the cue (affiliated_head()). Returns the token after the name, or m1. */
static size_t affiliation_after(const struct actx *c, size_t start, size_t m1)
{
	static const char *const affil[] = { "for", "to", "of", "at", NULL };
	size_t p = m1;
	/* "a person close to the Clintons" */
	if (lower_is(c, p, "close") && p + 1 < c->ntok && lower_is(c, p + 1, "to"))
		p++;
	if (p + 1 >= c->ntok || !word_in(c, p, affil) || !same_sent(c, start, p + 1))
		return m1;
	size_t o = p + 1;
	if ((lower_is(c, o, "the") || lower_is(c, o, "both")) && o + 1 < c->ntok && same_sent(c, o, o + 1))
		o++;
	/* a known mention starting there: the longest ending within 8 */
	for (size_t e = o + 8 < c->ntok ? o + 8 : c->ntok; e > o; e--)
		if (ws_mention_first(c->d, (uint32_t)e) == o && ws_entity_at(c->d, (uint32_t)o, (uint32_t)e) >= 0 &&
		    same_sent(c, start, e - 1))
			return e;
	/* "for the mayor", "of the campaign": a description */
	size_t dm1, dh;
	if (description_starting(c, p + 1, &dm1, &dh) && same_sent(c, start, dm1 - 1))
		return dm1;
	/* else a capitalised run the clause ends with ("to both Clintons."),
	 * not a day ("at the Monday briefing") */
	size_t r = run_forward(c, o);
	if (r > o && r - o <= 6 && !lookup_at(c, o, r, c->nm.time, NULL) &&
	    (r >= c->ntok || !same_sent(c, start, r) || tok(c, r)->kind == WS_TOK_PUNCT))
		return r;
	return m1;
}

/* The speaker whose mention starts at token start. */
struct speaker speaker_after(struct actx *c, size_t start, enum sieve named)
{
	return speaker_at(c, start, named, 0);
}

/* Whether a word of the n tokens from start is written with a capital:
 * is_cap() is none of them when not. */
static int capital_within(const struct actx *c, size_t start, size_t n)
{
	for (size_t k = start; k < c->ntok && k - start < n; k++)
		if (capital_word(tok(c, k)))
			return 1;
	return 0;
}

/* speaker_at()'s search; effects_only: for what it leaves in the document
 * alone (the entities fallback_entity() makes or renames, the places
 * set_entity() retypes), what only shapes the speaker found skipped. */
static struct speaker speaker_search(struct actx *c, size_t start, enum sieve named,
				     int at_sent_start, int effects_only)
{
	struct speaker s = no_speaker(S_SUBJECT);
	if (start >= c->ntok || (!at_sent_start && (tok(c, start)->flags & WS_TF_SENT_START)))
		return s;
	s.m0 = (uint32_t)start;
	const struct ws_word *pw;
	size_t m1, head;
	/* a known mention that starts here: the longest one ending within 8 */
	for (size_t e = start + 8 < c->ntok ? start + 8 : c->ntok; e > start; e--)
		if (ws_mention_first(c->d, (uint32_t)e) == start &&
		    ws_entity_at(c->d, (uint32_t)start, (uint32_t)e) >= 0) {
			s.m1 = (uint32_t)e;
			set_entity(c, &s, ws_entity_at(c->d, (uint32_t)start, (uint32_t)e), named);
			return s;
		}
	if ((pw = pronoun_at(c, start))) {
		s.m1 = (uint32_t)start + 1;
		s.type = strcmp(pw->f[0], "male") == 0 || strcmp(pw->f[0], "female") == 0
			 ? WS_SP_PERSON : WS_SP_UNKNOWN;
		set_entity(c, &s, resolve_pronoun(c, pw->f[0], (uint32_t)start), S_PRONOUN);
	} else if (effects_only && !capital_within(c, start, 10)) {
		/* a name (run_forward()'s, or one ending np_forward()'s
		 * phrase, at most ten tokens) is what makes an entity below */
	} else if (description_starting(c, start, &m1, &head)) {
		if (effects_only)
			return s;	/* describe() leaves nothing: no entity or one it keeps */
		s.m1 = (uint32_t)m1;
		describe(c, &s, start, head);
		if (s.type == WS_SP_PERSON) {
			s.m1 = (uint32_t)relative_after(c, start, affiliation_after(c, start, m1));
			apposed_name_after(c, &s);
		}
	} else {
		size_t r = run_forward(c, start);
		/* "Tuesday, predicting ...", "Clinton's campaign manager": a time is
		 * no one, and a possessive name is part of a noun phrase */
		if (r > start && (lookup_at(c, start, r, c->nm.time, NULL) ||
				  is_possessive(c, r - 1) || (r == start + 1 && is_starter(c, start))))
			r = start;
		if (r == start && is_possessive(c, start))
			at_sent_start = 0;	/* let the noun phrase through */
		/* a title before the name: "said Syrian President Bashar al-Assad" */
		if (r > start) {
			s.m1 = (uint32_t)r;
			set_entity(c, &s, fallback_entity(c->d, start, r), named);
		} else if (!at_sent_start && (r = np_forward(c, start)) > start) {
			/* "said one former senior official", "said election
			 * lawyer Joe Birkenstock": a name at its end is the entity */
			size_t k = r;
			while (k > start && is_cap(c, k - 1))
				k--;
			s.m1 = (uint32_t)r;
			if (k < r && k > start && !word_in(c, r - 1, party_members)) {
				set_entity(c, &s, fallback_entity(c->d, k, r), named);
			} else if (!effects_only) {	/* (no entity: nothing left behind) */
				s.type = nominal_type(c, phrase_head(c, start, r));
				set_entity(c, &s, -1, S_NOMINAL);
				if (s.type == WS_SP_PERSON) {
					s.m1 = (uint32_t)relative_after(c, start,
									affiliation_after(c, start, r));
					apposed_name_after(c, &s);
				}
			}
		}
	}
	return s;
}

/* The speaker whose mention starts at token start; at_sent_start allows a
 * mention that opens its sentence (the subject of a participle). */
struct speaker speaker_at(struct actx *c, size_t start, enum sieve named, int at_sent_start)
{
	return speaker_search(c, start, named, at_sent_start, 0);
}

void speaker_after_effects(struct actx *c, size_t start, enum sieve named)
{
	speaker_search(c, start, named, 0, 1);
}
