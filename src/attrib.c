/* Attribution (see attrib.h): ordered, named sieves that find statements
 * around reporting cues and quotes and link each to its speaker. The
 * sieves and their measured precision are listed in rules/sieves.txt; every
 * statement records the sieve that made it.
 *
 * A cue (a reporting verb or phrase found by the gazetteer, with auxiliaries
 * such as "has" or "also" before it) makes a frame: a speaker on one side
 * and the content on the other.
 *   X said (that) CONTENT.          speaker before, content after
 *   CONTENT, X said.                speaker before, content before
 *   CONTENT, said X.                speaker after, content before
 *   According to X, CONTENT.        speaker after, content after
 * Content that is exactly a quote span is direct, content holding one is
 * mixed, other content is indirect. Quotes no frame claims go to the
 * continuation and fallback sieves. This file runs the sieves in order;
 * attrib_int.h lists the files that hold them. */
#include "attrib_int.h"
#include "entities.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* The sieves, in order; their names must match rules/sieves.txt. */
const char *const ws_sieve_names[] = {
	"explicit:subject",	/* X said ...; ..., X said */
	"explicit:inverted",	/* ..., said X */
	"according-to",		/* according to X */
	"lead-in",		/* X said: "..." (a quote after a colon) */
	"label",		/* X: ... (a name and a colon open a paragraph: transcripts, headlines) */
	"headline",		/* X Says Y: a headline opening with its speaker and a verb of saying */
	"pronoun",		/* he said ...: the last compatible speaker */
	"description",		/* the Syrian president said ...: the entity of that title */
	"group",		/* officials said ..., the government said ... */
	"anonymous",		/* a source familiar with ... said */
	"nominal",		/* the employee said, several operatives said: a noun phrase, no entity */
	"agentless",		/* asked about X, ...; X is expected to ...: no one is named */
	"continuation",		/* a quote paragraph after a statement by X */
	"fallback",		/* a quote standing alone, speaker unknown */
	NULL
};

static const char *intern(const struct ws_doc *d, const char *s)
{
	return ws_sym_find(d->eng->syms, s, strlen(s));
}

static void find_names(const struct ws_doc *d, struct names *n)
{
	n->lookup = intern(d, "Lookup");
	n->ptitle = intern(d, "PersonTitle");
	n->major = intern(d, "major");
	n->minor = intern(d, "minor");
	n->lemma = intern(d, "lemma");
	n->category = intern(d, "category");
	n->speaker = intern(d, "speaker");
	n->gender = intern(d, "gender");
	n->cue = intern(d, "cue");
	n->person = intern(d, "person");
	n->role = intern(d, "role");
	n->group = intern(d, "group");
	n->title = intern(d, "title");
	n->head = intern(d, "head");
	n->modifier = intern(d, "modifier");
	n->portfolio = intern(d, "portfolio");
	n->honorific = intern(d, "honorific");
	n->source = intern(d, "source");
	n->anonymous = intern(d, "anonymous");
	n->place = intern(d, "place");
	n->demonym = intern(d, "demonym");
	n->org = intern(d, "org");
	n->institution = intern(d, "institution");
	n->after = intern(d, "after");
	n->canonical = intern(d, "canonical");
	n->object = intern(d, "object");
	n->infinitive = intern(d, "infinitive");
	n->nonresponse = intern(d, "nonresponse");
	n->recipient = intern(d, "recipient");
	n->topic = intern(d, "topic");
	n->ambiguous = intern(d, "ambiguous");
	n->time = intern(d, "time");
}

/* ---- speakers ---- */

/* The most recent entity, before token pos, that a pronoun of gender g can
 * stand for: the last statement's speaker first, else the last mention. */
static int32_t resolve_pronoun(const struct actx *c, const char *g, uint32_t pos)
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
	if (end == 0)
		return 0;
	size_t h = end - 1;
	if (tok(c, h)->kind != WS_TOK_WORD || tok(c, h)->shape == WS_SHAPE_UPPER)
		return 0;
	if (!lookup_at(c, h, h + 1, c->nm.person, c->nm.role) &&
	    !lookup_at(c, h, h + 1, c->nm.title, c->nm.head) &&
	    !lookup_at(c, h, h + 1, c->nm.org, c->nm.institution))
		return 0;
	size_t s = h;
	while (s > 0 && end - s < 6 && same_sent(c, s - 1, h) &&
	       (lookup_at(c, s - 1, 0, c->nm.place, NULL) ||
		lookup_at(c, s - 1, 0, c->nm.title, NULL) ||
		lookup_at(c, s - 1, 0, c->nm.org, NULL) ||
		(tok(c, s - 1)->shape == WS_SHAPE_LOWER && tok(c, s - 1)->kind == WS_TOK_WORD &&
		 !lower_is(c, s - 1, "the") && !lower_is(c, s - 1, "a") &&
		 CUE_AT(c, s - 1) < 0 && lookup_at(c, s - 1, 0, c->nm.person, c->nm.role))))
		s--;
	if (s == 0 || !(lower_is(c, s - 1, "the") || lower_is(c, s - 1, "a") ||
			lower_is(c, s - 1, "an")) || !same_sent(c, s - 1, h))
		return 0;
	*m0 = s - 1;
	*head = h;
	return 1;
}

static int description_starting(const struct actx *c, size_t start, size_t *m1, size_t *head)
{
	if (!(lower_is(c, start, "the") || lower_is(c, start, "a") || lower_is(c, start, "an")))
		return 0;
	for (size_t e = start + 2; e <= c->ntok && e - start <= 6 && same_sent(c, start, e - 1);
	     e++) {
		size_t m0, h;
		if (description_ending(c, e, &m0, &h) && m0 == start) {
			/* take the longest: "the foreign minister" over "the foreign" */
			*m1 = e;
			*head = h;
			if (e == c->ntok || !lookup_at(c, e, e + 1, c->nm.person, c->nm.role))
				return 1;
		}
	}
	return 0;
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

static size_t run_forward(const struct actx *c, size_t i)
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

static void set_entity(const struct actx *c, struct speaker *s, int32_t e, enum sieve sv)
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
	if (s->m1 > m0 && (s->type == WS_SP_UNKNOWN) &&
	    lookup_at(c, m0, s->m1, c->nm.place, NULL)) {
		s->type = WS_SP_PLACE;
		if (e >= 0 && c->d->ents.v[e].type == WS_SP_UNKNOWN)
			c->d->ents.v[e].type = WS_SP_PLACE;
	}
}

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

/* Speakers the lists did not know, typed by what surrounds them.
 * "Sexton, a creative writing professor, said", "Hollande, who returned to
 * Paris", "Suu Kyi, 70,": an apposition that says what the speaker is makes
 * a person, and joins the mention as written (src/entities.c); so does an
 * honorific in the mention ("Mr. Arad said", the name unknown to the name
 * lists). "The American Legion said": "the" and a name make an
 * organisation. */
static void unknown_speakers(struct actx *c)
{
	struct ws_doc *d = c->d;
	uint8_t *only = NULL;
	for (size_t m = 0; m < d->ments.n; m++) {
		const struct ws_mention *mn = &d->ments.v[m];
		size_t f = d->ment_tok.v[2 * m], l = d->ment_tok.v[2 * m + 1];
		if (mn->entity < 0 || mn->pronoun || mn->wide ||
		    d->ents.v[mn->entity].type != WS_SP_UNKNOWN || l < 1)
			continue;
		if (the_and_name(c, f, l)) {
			d->ents.v[mn->entity].type = WS_SP_ORGANIZATION;
			continue;
		}
		int person = has_honorific(c, f, l);
		/* no person's name starts with "the"; after "according to X,"
		 * the clause goes on, no apposition */
		if (!person && l + 1 < c->ntok && tok(c, l)->end - tok(c, l)->start == 1 &&
		    d->text[tok(c, l)->start] == ',' && same_sent(c, l - 1, l + 1) &&
		    !plural_word(c, l - 1) && !(tok(c, l - 1)->flags & WS_TF_ABBREV) &&
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
		set_entity(c, s, resolve_description(c, m0, head, (uint32_t)m0), S_DESCRIPTION);
	}
}

/* An entity for a speaker the entity rules did not know: clustered with a
 * person or an earlier such speaker of the same last name word. */
static int32_t fallback_entity(struct ws_doc *d, size_t m0, size_t m1)
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
static const char *const np_stop[] = {
	"and", "but", "or", "nor", "that", "which", "who", "whom", "because", "if", "when",
	"while", "as", "although", "though", "since", "so", "where", "until",
	"unless", "whether", "then", "is", "was", "are", "were", "be", "been", "being", "has",
	"have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "do",
	"does", "did", "not", "also", "even", "yet", "said", "says", "say", "told", "there",
	"here", NULL
};

static const char *const prepositions[] = {
	"in", "on", "at", "for", "with", "from", "by", "during", "under", "over", "about",
	"to", "of", "into", "through", "after", "before", "among", "across", "like", NULL
};

/* The head of a noun phrase: a lowercase word that is not an adverb, a
 * preposition, a determiner or a pronoun ("members", "employee"). */
static int np_head(const struct actx *c, size_t h)
{
	const struct ws_token *t = tok(c, h);
	size_t n = ws_tok_len(c->d, h);
	if (t->kind != WS_TOK_WORD || t->shape != WS_SHAPE_LOWER || n < 3)
		return 0;
	static const char *const numbers[] = {
		"one", "two", "three", "four", "five", "another", "others", "both", "all",
		"some", "many", "most", "few", "several", "half", "more", "none", NULL
	};
	static const char *const objects[] = { "you", "me", "him", "us", "them", "one's", NULL };
	const char *w = ws_tok_text(c->d, h);
	/* "doesn't", "there's", "you'd": a verb or a pronoun inside */
	for (size_t i = 0; i < n; i++)
		if (w[i] == '\'' || (i + 2 < n && (unsigned char)w[i] == 0xE2 &&
				     (unsigned char)w[i + 1] == 0x80 && (unsigned char)w[i + 2] == 0x99))
			return 0;
	static const char *const ly_nouns[] = {
		"ally", "family", "rally", "assembly", "supply", "reply", "bully", "monopoly",
		"anomaly", "tally", "folly", NULL
	};
	if ((tok_ends(c, h, "ly", 3) && !word_in(c, h, ly_nouns)) || is_determiner(c, h) ||
	    word_in(c, h, numbers) || word_in(c, h, objects) ||
	    pronoun_at(c, h) || word_in(c, h, prepositions) || word_in(c, h, np_stop))
		return 0;
	/* a cue word is no head, unless it is more often a noun ("new
	 * fundraising reports show") */
	if (CUE_AT(c, h) >= 0 && !ws_annot_get(&c->d->gaz.v[CUE_AT(c, h)], c->nm.ambiguous))
		return 0;
	return 1;
}

static int numberish(const struct actx *c, size_t k)
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
	if (is_punct(c, j, "%") && numberish(c, j - 1))
		j--;
	else if (numberish(c, j) && j >= 2 && lower_is(c, j - 1, "in") && numberish(c, j - 2))
		j -= 2;
	else if (numberish(c, j) && j >= 3 && lower_is(c, j - 1, "of") && lower_is(c, j - 2, "out") &&
		 numberish(c, j - 3))
		j -= 3;
	else if (word_in(c, j, fractions) && tok(c, j)->shape == WS_SHAPE_LOWER)
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
		size_t kn = ws_tok_len(c->d, k);
		int pron_s = t->shape == WS_SHAPE_LOWER && kn > 2 &&
			     (ws_tok_text(c->d, k)[kn - 2] == '\'' ||
			      (kn > 4 && (unsigned char)ws_tok_text(c->d, k)[kn - 2] == 0x99)) &&
			     ws_tok_text(c->d, k)[kn - 1] == 's' &&
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
	int bare_plural = end - j <= 8 && ws_tok_len(c->d, end - 1) > 3 && plural_word(c, end - 1) &&
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

static int is_adjunct(const struct actx *c, size_t t);

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
	static const char *const affil[] = { "for", "of", "at", "with", "in", NULL };
	size_t p = m0 - 1;
	if (!word_in(c, p, affil) && p > 1 && (np_head(c, p) || is_cap(c, p)) && same_sent(c, p - 1, p))
		p--;
	return word_in(c, p, affil) ? p : 0;
}

/* The speaker ending before end. A mention after "for", "of", "at" or
 * "with" that ends a role, group or source ("A spokesman for Mr. X",
 * "officials at the Pentagon", "a source familiar with the talks") is not
 * the speaker: the phrase's head is, and the phrase is the mention. */
static struct speaker speaker_before(struct actx *c, size_t end, enum sieve named)
{
	struct speaker s = speaker_ending(c, end, named);
	/* "a source close to him", "people familiar with Cruz's thinking": an
	 * anonymity phrase ending in a preposition, and its object */
	for (size_t k = end ? end - 1 : 0; k > 0 && end - k < 6 && same_sent(c, k, end - 1) &&
	     !is_punct(c, k, ",") &&
	     (CUE_AT(c, k) < 0 || is_possessive(c, k - 1) || is_determiner(c, k - 1)); k--) {
		const struct ws_annot *a = lookup_ending(c, k, c->nm.source, c->nm.anonymous);
		if (a && word_in(c, k - 1, prepositions) && same_sent(c, a->first, end - 1)) {
			struct speaker h = no_speaker(S_ANONYMOUS);
			h.m0 = a->first;
			h.m1 = (uint32_t)end;
			h.type = WS_SP_ANONYMOUS;
			set_entity(c, &h, -1, S_ANONYMOUS);
			return h;
		}
	}
	/* "the mayor's campaign", "Smith's office": the possessor is part of
	 * the mention */
	if (s.found && s.m0 > 1 && is_possessive(c, s.m0 - 1) && same_sent(c, s.m0 - 1, s.m0)) {
		size_t k = s.m0 - 1;
		while (k > 0 && s.m0 - k < 5 && same_sent(c, k - 1, k) &&
		       !(tok(c, k)->flags & WS_TF_SENT_START) &&
		       (is_cap(c, k - 1) || np_head(c, k - 1) || lower_is(c, k - 1, "the")))
			k--;
		s.m0 = (uint32_t)k;
		/* "campaign", "office" are no one's name */
		if (s.entity >= 0 && islower((unsigned char)c->d->text[c->d->ents.v[s.entity].name.start]))
			s.entity = -1;
	}
	/* "DFA spokesman Neil Sroka", "election lawyer Jo Roe": words that
	 * describe a named speaker, from a comma, a quote or the sentence's
	 * start, belong to the mention */
	if (s.found && s.entity >= 0 && s.m0 > 0 && same_sent(c, s.m0 - 1, s.m0)) {
		size_t k = s.m0;
		while (k > 0 && s.m0 - k < 5 && same_sent(c, k - 1, k) &&
		       !(tok(c, k)->flags & WS_TF_SENT_START) && !lookup_at(c, k - 1, 0, c->nm.time, NULL) &&
		       !word_in(c, k - 1, prepositions) && !lower_is(c, k - 1, "whereas") &&
		       (np_head(c, k - 1) || (is_cap(c, k - 1) && !is_starter(c, k - 1))))
			k--;
		if (k < s.m0 && ((tok(c, k)->flags & WS_TF_SENT_START) ||
				 (k > 0 && (is_punct(c, k - 1, ",") || QUOTE_CLOSE(c, k - 1) >= 0 ||
					    tok(c, k - 1)->kind == WS_TOK_DASH))))
			s.m0 = (uint32_t)k;
	}
	/* "Smith and Jones said", "They and their supporters argue": two
	 * speakers together are a group, neither one alone */
	if (s.found && s.m0 > 1 && lower_is(c, s.m0 - 1, "and") && same_sent(c, s.m0 - 2, s.m0)) {
		size_t a = s.m0 - 1;
		uint32_t mf = ws_mention_first(c->d, (uint32_t)a);
		size_t first = mf < a && ws_entity_at(c->d, mf, (uint32_t)a) >= 0 ? mf
			       : pronoun_at(c, a - 1) ? a - 1 : run_backward(c, a);
		if (first < a && (first == 0 || !same_sent(c, first - 1, first) ||
				  (tok(c, first)->flags & WS_TF_SENT_START) || is_punct(c, first - 1, ",") ||
				  lower_is(c, first - 1, "but") || lower_is(c, first - 1, "and"))) {
			s.m0 = (uint32_t)first;
			s.entity = -1;
			s.type = WS_SP_GROUP;
		}
	}
	/* "A source familiar with the talks" read back as a noun phrase */
	if (s.found && s.sieve == S_NOMINAL && lookup_at(c, s.m0, 0, c->nm.source, c->nm.anonymous)) {
		s.type = WS_SP_ANONYMOUS;
		s.sieve = S_ANONYMOUS;
	}
	if (!s.found || s.m0 < 2 || !same_sent(c, s.m0 - 2, s.m0))
		return s;
	size_t p = s.m0 - 1, m0, head;
	const struct ws_annot *a;
	struct speaker h = s;
	/* "a source familiar with", "people close to", "an aide to" */
	if ((a = lookup_ending(c, s.m0, c->nm.source, c->nm.anonymous)) && a->first < p) {
		h.m0 = a->first;
		h.type = WS_SP_ANONYMOUS;
		set_entity(c, &h, -1, S_ANONYMOUS);
	} else if (!(p = affiliation(c, s.m0))) {
		return s;
	} else if (description_ending(c, p, &m0, &head) &&
		   !lookup_at(c, head, head + 1, c->nm.org, c->nm.institution)) {
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
	} else if (!lower_is(c, p, "with") && !lower_is(c, p, "in") && (m0 = np_backward(c, p)) < p &&
		   plural_word(c, p - 1) && np_head(c, p - 1)) {
		/* "Some friends of the mayor", "advocates for the bridge" */
		h.m0 = (uint32_t)m0;
		h.type = WS_SP_GROUP;
		set_entity(c, &h, -1, S_NOMINAL);
	} else {
		return s;
	}
	return h;
}

static struct speaker speaker_at(struct actx *c, size_t start, enum sieve named, int at_sent_start);

/* The speaker whose mention starts at token start. */
static struct speaker speaker_after(struct actx *c, size_t start, enum sieve named)
{
	return speaker_at(c, start, named, 0);
}

/* The speaker whose mention starts at token start; at_sent_start allows a
 * mention that opens its sentence (the subject of a participle). */
static struct speaker speaker_at(struct actx *c, size_t start, enum sieve named, int at_sent_start)
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
	} else if (description_starting(c, start, &m1, &head)) {
		s.m1 = (uint32_t)m1;
		describe(c, &s, start, head);
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
			if (k < r && k > start) {
				set_entity(c, &s, fallback_entity(c->d, k, r), named);
			} else {
				s.type = nominal_type(c, phrase_head(c, start, r));
				set_entity(c, &s, -1, S_NOMINAL);
			}
		}
	}
	return s;
}

/* Past the recipient of "told reporters", "assured voters", "told The
 * Huffington Post", "told him": where what was told begins. */
static size_t skip_recipient(const struct actx *c, const struct ws_annot *cue, size_t t)
{
	static const char *const objects[] = { "me", "him", "her", "us", "them", "you", NULL };
	if (!cue || ws_annot_get(cue, c->nm.object) != c->nm.recipient || t >= c->ntok)
		return t;
	if (word_in(c, t, objects))
		return t + 1;
	/* 'told "Fox and Friends"': a show's name in quotes */
	if (QUOTE_OPEN(c, t) >= 0) {
		const struct ws_qspan *q = &c->d->quotes.v[QUOTE_OPEN(c, t)];
		size_t k = q->open_tok + 1;
		while (k < q->close_tok && (is_cap(c, k) || lower_is(c, k, "and") || lower_is(c, k, "the") ||
					    lower_is(c, k, "of") || is_punct(c, k, "&")))
			k++;
		if (k == q->close_tok && k - q->open_tok <= 7 && k > q->open_tok + 1)
			return q->close_tok + 1;
	}
	const struct ws_annot *a = lookup_at(c, t, 0, c->nm.person, c->nm.group);
	if (a)
		return a->last;
	size_t m1, head;
	if (description_starting(c, t, &m1, &head))
		return m1;
	/* "told The Washington Post", "told the Post on Monday": a name's
	 * capitalised words, whatever could open a sentence */
	size_t k = lower_is(c, t, "the") ? t + 1 : t;
	if (k >= c->ntok || !name_word(c, k) || lookup_at(c, k, 0, c->nm.time, NULL))
		return t;
	while (k < c->ntok && same_sent(c, t, k) &&
	       ((name_word(c, k) && !lookup_at(c, k, 0, c->nm.time, NULL)) ||
		(k + 1 < c->ntok && (lower_is(c, k, "of") || is_punct(c, k, "&")) && name_word(c, k + 1))))
		k++;
	return k;
}

/* ---- content ---- */

/* The last token of the sentence's content: without the final full stop. */
static size_t sentence_content_end(const struct actx *c, size_t s)
{
	const struct ws_range *r = &c->d->tk.sent.v[tok(c, s)->sent];
	size_t e = r->last;
	while (e > r->first + 1 && tok(c, e - 1)->kind == WS_TOK_PUNCT &&
	       (is_punct(c, e - 1, ".") || is_punct(c, e - 1, ";") ||
		(tok(c, e - 1)->flags & WS_TF_ELLIPSIS)))
		e--;
	return e;
}

static void fill_content(const struct actx *c, size_t t0, size_t t1, struct content *ct)
{
	ct->span.start = tok(c, t0)->start;
	ct->span.end = tok(c, t1 - 1)->end;
	ct->t0 = t0;
	ct->t1 = t1;
	ct->quote = -1;
	ct->has_quote = 0;
	ct->joined = 0;
	for (size_t i = t0; i < t1; i++)
		if (QUOTE_OPEN(c, i) >= 0) {
			const struct ws_qspan *q = &c->d->quotes.v[QUOTE_OPEN(c, i)];
			ct->has_quote = 1;
			if (q->start == ct->span.start && q->end == ct->span.end)
				ct->quote = QUOTE_OPEN(c, i);
		}
}

static int speech_verb(const struct actx *c, const struct ws_annot *cue);

static const char *const time_units[] = {
	"week", "month", "year", "night", "weekend", "summer", "fall", "spring", "winter",
	"morning", "afternoon", "evening", "weeks", "months", "years", "days", "decades", NULL
};
static const char *const time_words[] = { "yesterday", "today", "tonight", NULL };

/* A relative time ending before end: "last week", "earlier this month",
 * "yesterday". Returns its first token, or end. */
static size_t time_phrase_before(const struct actx *c, size_t end)
{
	static const char *const mod[] = { "last", "this", "next", "late", "early", NULL };
	if (end >= 1 && word_in(c, end - 1, time_words))
		return end - 1;
	if (end < 2 || !word_in(c, end - 1, time_units) || !word_in(c, end - 2, mod) ||
	    !same_sent(c, end - 2, end - 1))
		return end;
	if (end >= 3 && lower_is(c, end - 2, "this") && lower_is(c, end - 3, "earlier"))
		return end - 3;
	return end - 2;
}

/* A relative time starting at t: "last week", "earlier this month", "for
 * weeks", "in recent days", "yesterday". Returns the token after it, or t. */
static size_t time_phrase_after(const struct actx *c, size_t t)
{
	static const char *const mod[] = { "last", "this", "next", "for", NULL };
	if (t >= c->ntok)
		return t;
	if (word_in(c, t, time_words))
		return t + 1;
	size_t k = t;
	if (lower_is(c, k, "earlier") && k + 1 < c->ntok && lower_is(c, k + 1, "this"))
		k++;
	else if (lower_is(c, k, "in") && k + 1 < c->ntok && lower_is(c, k + 1, "recent"))
		k++;
	if (k + 1 < c->ntok && (word_in(c, k, mod) || lower_is(c, k, "recent")) &&
	    word_in(c, k + 1, time_units))
		return k + 2;
	return t;
}

/* Where the content after a cue ends: the sentence's end, or a comma that
 * opens another frame (", SANA reported"). */
static size_t content_after_end(const struct actx *c, size_t from)
{
	size_t e = sentence_content_end(c, from);
	if (e > from + MAX_CONTENT)
		e = from + MAX_CONTENT;
	for (size_t i = from + 1; i + 1 < e; i++) {
		/* "... and said Manafort was not involved", "..., and he said":
		 * another frame of the same subject or a pronoun */
		if (CUE_AT(c, i + 1) >= 0 && tok(c, i + 1)->shape == WS_SHAPE_LOWER &&
		    !ws_annot_get(&c->d->gaz.v[CUE_AT(c, i + 1)], c->nm.ambiguous) &&
		    (speech_verb(c, &c->d->gaz.v[CUE_AT(c, i + 1)]) || lower_is(c, i, "and")) &&
		    (lower_is(c, i, "and") || lower_is(c, i, "but") ||
		     (pronoun_at(c, i) && !lower_is(c, i, "it")))) {
			size_t k = i;
			while (k > from + 1 && (lower_is(c, k - 1, "and") || lower_is(c, k - 1, "but") ||
						is_punct(c, k - 1, ",")))
				k--;
			return k;
		}
		if (is_punct(c, i, ";"))
			return i;
		/* "... and others have said they ...": a new subject and cue */
		if (lower_is(c, i, "and") && i > from + 2) {
			size_t k = i + 1;
			while (k < e && k - i <= 5 &&
			       (tok(c, k)->kind == WS_TOK_WORD || tok(c, k)->kind == WS_TOK_NUMBER ||
				is_punct(c, k, "%")) &&
			       CUE_AT(c, k) < 0)
				k++;
			/* (a pronoun only right after "and": "the imbalance he
			 * sees" is a relative clause) */
			if (k > i + 1 && k < e && CUE_AT(c, k) >= 0 && tok(c, k)->shape == WS_SHAPE_LOWER &&
			    (np_head(c, k - 1) || is_cap(c, k - 1) || (pronoun_at(c, k - 1) && k - 1 == i + 1) ||
			     numberish(c, k - 1) || is_punct(c, k - 1, "%"))) {
				while (i > from + 1 && is_punct(c, i - 1, ","))
					i--;
				return i;
			}
		}
		if (!is_punct(c, i, ","))
			continue;
		if (CUE_AT(c, i + 1) >= 0 && !lower_is(c, i + 1, "thanks") &&
		    tok(c, i + 1)->shape == WS_SHAPE_LOWER)
			return i;	/* ", saying ...", ", adding ..." (not ", thanks to",
					 * ", Planned Parenthood") */
		/* ", while Maine Sen. Susan Collins suggested ...": another clause */
		if (lower_is(c, i + 1, "while") || lower_is(c, i + 1, "whereas") ||
		    lower_is(c, i + 1, "although") || lower_is(c, i + 1, "though"))
			return i;
		/* "..., who he blasted as a bully": a relative clause on the
		 * content's last name is the writer's */
		if ((lower_is(c, i + 1, "who") || lower_is(c, i + 1, "which")) && i > from + 3)
			return i;
		/* "..., but he hasn't endorsed her": the writer goes on; "...,
		 * a swipe at the protesters": an apposition on the whole
		 * statement is the writer's */
		if ((lower_is(c, i + 1, "but") || lower_is(c, i + 1, "a") || lower_is(c, i + 1, "an")) &&
		    i > from + 3 && !lower_is(c, i + 2, "that"))
			return i;	/* ", but that ...": a second reported clause */
		/* ", X cue" with X one to five capitalised words, or a noun
		 * phrase under an article (", the report says") */
		size_t k = i + 1, n = 0;
		while (k < e && n < 5 && is_cap(c, k))
			k++, n++;
		if (n && k < e && CUE_AT(c, k) >= 0)
			return i;
		if (lower_is(c, i + 1, "the")) {
			k = i + 2;
			while (k < e && k - i < 6 && (np_head(c, k) || is_cap(c, k)) && CUE_AT(c, k) < 0)
				k++;
			if (k > i + 2 && k < e && CUE_AT(c, k) >= 0 && tok(c, k)->shape == WS_SHAPE_LOWER &&
			    !tok_ends(c, k, "ing", 5))
				return i;
		}
	}
	return e;
}

/* A word that opens an adjunct after a cue: "said on Monday", "said in a
 * statement", "told NBC before her speech". */
static int is_adjunct(const struct actx *c, size_t t)
{
	static const char *const adjunct[] = {
		"on", "in", "at", "to", "during", "after", "before", "while", "when", "with",
		"from", "late", "earlier", "later", "last", "this", "today",
		"yesterday", "tonight", "recently", "afterward", "afterwards", "adding",
		"according", "by", "for", "through", "via", "told", "and", "but",
		NULL
	};
	if (word_in(c, t, adjunct))
		return 1;
	/* "said pleasantly into the phone", "said quietly, ...", not "said
	 * nearly every voter", "said only that ..." */
	if (tok(c, t)->shape == WS_SHAPE_LOWER && tok_ends(c, t, "ly", 5) && CUE_AT(c, t) < 0 &&
	    (t + 1 >= c->ntok || word_in(c, t + 1, prepositions) ||
	     tok(c, t + 1)->kind == WS_TOK_PUNCT || (tok(c, t + 1)->flags & WS_TF_SENT_START)))
		return 1;
	return lookup_at(c, t, 0, c->nm.time, NULL) != NULL;
}

/* A finite auxiliary among tokens [t0, t1): "a deal was close". */
static int has_aux(const struct actx *c, size_t t0, size_t t1)
{
	static const char *const aux[] = {
		"is", "was", "are", "were", "will", "would", "has", "have", "had", "can",
		"could", "should", "must", "may", "might", "did", "does", "do", "wo", NULL
	};
	for (size_t t = t0; t < t1; t++)
		if (word_in(c, t, aux))
			return 1;
	return 0;
}

/* Whether tokens [t0, t1) read as a reported clause rather than a noun
 * phrase: "that ...", or a finite auxiliary somewhere ("said a deal was
 * close"), or not starting with an article ("said world powers ...").
 * "declared a ceasefire" is an act, not a statement. */
static int clause_like(const struct actx *c, size_t t0, size_t t1)
{
	if (lower_is(c, t0, "that") || QUOTE_OPEN(c, t0) >= 0)
		return 1;
	if (!lower_is(c, t0, "a") && !lower_is(c, t0, "an"))
		return 1;
	return has_aux(c, t0, t1);
}

/* Stricter than clause_like: "that", a quote or a finite auxiliary, for
 * participles ("saying she would ..."), whose noun-phrase objects are
 * reasons, not statements ("citing lack of commitment"). */
static int finite_clause(const struct actx *c, size_t t0, size_t t1)
{
	static const char *const subj[] = {
		"he", "she", "they", "we", "i", "it", "you", "he's", "she's", "it's", "they're",
		"we're", "i'm", "he\xE2\x80\x99s", "she\xE2\x80\x99s", "it\xE2\x80\x99s",
		"they\xE2\x80\x99re", "we\xE2\x80\x99re", "i\xE2\x80\x99m", NULL
	};
	if (lower_is(c, t0, "that") || QUOTE_OPEN(c, t0) >= 0)
		return 1;
	/* 'saying the agreement goes "nowhere near far enough"': a quote in
	 * it, or a present tense after the subject's noun */
	for (size_t k = t0 + 1; k < t1; k++)
		if (QUOTE_OPEN(c, k) >= 0)
			return 1;
	for (size_t k = t0 + 2; k < t1 && k < t0 + 6; k++)
		if (tok(c, k)->shape == WS_SHAPE_LOWER && tok_ends(c, k, "es", 4) &&
		    np_head(c, k - 1) && !plural_word(c, k - 1) && is_determiner(c, t0))
			return 1;
	/* "saying he understood the stakes": a subject pronoun and a verb */
	if (t0 + 1 < t1 && word_in(c, t0, subj) && tok(c, t0 + 1)->shape == WS_SHAPE_LOWER)
		return 1;
	/* "saying the law violated the Constitution": a past tense after
	 * the subject's noun */
	for (size_t k = t0 + 2; k < t1 && k < t0 + 8; k++)
		if (tok(c, k)->shape == WS_SHAPE_LOWER && tok_ends(c, k, "ed", 5) &&
		    !is_determiner(c, k - 1) && !word_in(c, k - 1, prepositions) &&
		    (np_head(c, k - 1) || is_cap(c, k - 1)))
			return 1;
	return clause_like(c, t0, t1) && (lower_is(c, t0, "a") || lower_is(c, t0, "an") ||
					  has_aux(c, t0, t1));
}

/* Content after the cue [c1 ...): skips a comma or colon; a quote that
 * starts there and runs past the sentence is taken whole. */
/* A time word: "Monday", "May", "2012", "night", "week". */
static int time_word(const struct actx *c, size_t k)
{
	static const char *const words[] = {
		"morning", "afternoon", "evening", "night", "week", "month", "year", "weekend",
		"yesterday", "today", "tonight", "earlier", "later", NULL
	};
	if (tok(c, k)->kind == WS_TOK_NUMBER)
		return ws_tok_len(c->d, k) == 4 || (k > 0 && lookup_at(c, k - 1, 0, c->nm.time, NULL));
	return word_in(c, k, words) || lookup_at(c, k, 0, c->nm.time, NULL) != NULL;
}

/* Whether [t, e) is a noun phrase, not a clause: "Jones", "her bid for
 * the nomination", not "that ...", "to win in 2016", "he would run". */
static int np_content(const struct actx *c, size_t t, size_t e)
{
	static const char *const clause[] = { "that", "to", "whether", "if", "how", "why", "what", NULL };
	if (word_in(c, t, clause) || has_aux(c, t, e) || finite_clause(c, t, e))
		return 0;
	for (size_t k = t; k < e; k++)
		if (QUOTE_OPEN(c, k) >= 0 || CUE_AT(c, k) >= 0 || lower_is(c, k, "to") ||
		    tok_ends(c, k, "ing", 5) || tok_ends(c, k, "ed", 4))
			return 0;
	return 1;
}

/* The end of a content without a time at its end, which dates the report
 * and is the writer's: "endorsed Jones on Monday", "announced her bid last
 * week", "described the wall in late May". Returns e or the time's start. */
static size_t time_tail(const struct actx *c, size_t t, size_t e)
{
	static const char *const opener[] = { "on", "in", "last", "this", "next", "late", "early",
					      "earlier", "during", NULL };
	size_t k = e;
	while (k > t && (time_word(c, k - 1) || is_punct(c, k - 1, ".")) && e - k < 4)
		k--;
	if (k == e || k == t || !time_word(c, k))
		return e;
	/* a time modified: "in late May", "earlier this month", "on Tuesday" */
	while (k > t + 1 && e - k < 6 && word_in(c, k - 1, opener))
		k--;
	/* a clause keeps its time ("said the vote would be on Monday"), and
	 * a phrase built on one keeps it ("in the last year", "the end of
	 * 2015", "in 2008 and 2012", "another month", "Super Tuesday") */
	if (k <= t || (is_cap(c, k - 1) && !word_in(c, k, opener)) || is_determiner(c, k - 1) ||
	    word_in(c, k - 1, prepositions) ||
	    word_in(c, k - 1, np_stop) || lower_is(c, k - 1, "than") || lower_is(c, k - 1, "another") ||
	    numberish(c, k - 1) || !np_content(c, t, k))
		return e;
	return k;
}

static int content_after(const struct actx *c, size_t c1, const struct ws_annot *cue,
			 int needs_clause, struct content *ct)
{
	size_t t = skip_recipient(c, cue, c1);
	size_t t_in = t;
	while (t < c->ntok && (is_punct(c, t, ",") || is_punct(c, t, ":")) && same_sent(c, c1 - 1, t))
		t++;
	if (t >= c->ntok || !same_sent(c, c1 - 1, t))
		return 0;
	/* "..., are worrying, Cuban said": past a comma, only a quote or
	 * what a verb of saying says is content */
	const char *cat = cue ? ws_annot_get(cue, c->nm.category) : NULL;
	if (t > t_in && cat && QUOTE_OPEN(c, t) < 0 && is_punct(c, t_in, ",") &&
	    strcmp(cat, "neutral") != 0 && strcmp(cat, "assertive") != 0)
		return 0;
	if (QUOTE_OPEN(c, t) >= 0) {
		const struct ws_qspan *q = &c->d->quotes.v[QUOTE_OPEN(c, t)];
		size_t se = sentence_content_end(c, t);
		/* the quote is all the content when nothing but punctuation follows */
		size_t after = q->close_tok + 1;
		while (after < c->ntok && tok(c, after)->kind == WS_TOK_PUNCT &&
		       !(tok(c, after)->flags & WS_TF_SENT_START) && !is_punct(c, after, ","))
			after++;
		if (q->close_tok + 1 >= se || after >= c->ntok ||
		    (tok(c, after)->flags & (WS_TF_SENT_START | WS_TF_PARA_START))) {
			fill_content(c, t, q->close_tok + 1, ct);
			return 1;
		}
	}
	size_t e = content_after_end(c, t);
	if (e <= t)
		return 0;
	/* "said in a statement that ...", "told NBC before her speech": past an
	 * adjunct only a "that" or a quote starts the content */
	/* "declined to comment", "vowed to fight on": after a verb that takes
	 * one, "to" and a verb are the content, not an adjunct */
	int infinitive = cue && (ws_annot_get(cue, c->nm.infinitive) ||
				 ws_annot_get(cue, c->nm.nonresponse)) && lower_is(c, t, "to") &&
			 t + 1 < e && tok(c, t + 1)->shape == WS_SHAPE_LOWER &&
			 !is_determiner(c, t + 1) && !pronoun_at(c, t + 1);
	/* "said Tuesday his actions are lawful", "said on Monday the deal
	 * was close": past a time, a clause needs no "that" */
	size_t tt = t;
	if (lower_is(c, tt, "on") || lower_is(c, tt, "last") || lower_is(c, tt, "this"))
		tt++;
	const struct ws_annot *tm = tt < e ? lookup_at(c, tt, 0, c->nm.time, NULL) : NULL;
	size_t rel = time_phrase_after(c, t);	/* "said last week", "has said for weeks" */
	if ((tm && tm->last < e) || (rel > t && rel < e)) {
		size_t k = tm && tm->last < e ? tm->last : rel;
		static const char *const part[] = { "morning", "afternoon", "evening", "night", NULL };
		if (k < e && word_in(c, k, part))
			k++;
		if (k < e && !is_adjunct(c, k) && !is_punct(c, k, ",") && tok(c, k)->kind == WS_TOK_WORD &&
		    (pronoun_at(c, k) || is_determiner(c, k) || is_cap(c, k) || is_contraction(c, k)) &&
		    clause_like(c, k, e) &&
		    (has_aux(c, k, e) || finite_clause(c, k, e)))
			t = k;
	}
	/* "added that, in Wisconsin, ...": after "that" an adjunct opens the
	 * clause itself */
	int after_that = c1 > 0 && lower_is(c, c1 - 1, "that");
	/* "According to X, last year Seattle ...": after a source phrase
	 * (no cue here) the clause is all content */
	if (!infinitive && !after_that && cue && is_adjunct(c, t)) {
		size_t k = t;
		while (k < e && k - t < 12 && !lower_is(c, k, "that") && QUOTE_OPEN(c, k) < 0 &&
		       !is_punct(c, k, ":"))
			k++;
		if (k >= e || k - t >= 12)
			return 0;
		t = is_punct(c, k, ":") ? k + 1 : k;
		if (t >= e)
			return 0;
	}
	if (needs_clause && !clause_like(c, t, e))
		return 0;
	/* 'he would "carpet-bomb them. I don't know ..."': a quote opened in
	 * the content runs to its close, within the paragraph */
	for (size_t k = t; k < e; k++)
		if (QUOTE_OPEN(c, k) >= 0) {
			const struct ws_qspan *q = &c->d->quotes.v[QUOTE_OPEN(c, k)];
			if (q->close_tok >= e && q->close_tok - t < MAX_CONTENT &&
			    tok(c, q->close_tok)->para == tok(c, t)->para)
				e = q->close_tok + 1;
			k = q->close_tok;
		}
	/* 'called her "the champion families need," and the union hugged
	 * her': after a quote that closes with a comma, or before "while",
	 * "as", "but", the sentence goes on with the writer's words */
	for (size_t k = t; k < e; k++) {
		if (QUOTE_OPEN(c, k) < 0)
			continue;
		const struct ws_qspan *q = &c->d->quotes.v[QUOTE_OPEN(c, k)];
		size_t a = q->close_tok + 1;
		if (a + 2 < e && (is_punct(c, q->close_tok - 1, ",") || is_punct(c, a, ",")) &&
		    (lower_is(c, a + is_punct(c, a, ","), "while") ||
		     lower_is(c, a + is_punct(c, a, ","), "as") ||
		     lower_is(c, a + is_punct(c, a, ","), "and") ||
		     lower_is(c, a + is_punct(c, a, ","), "but") ||
		     lower_is(c, a + is_punct(c, a, ","), "which"))) {
			e = a;
			break;
		}
		k = q->close_tok;
	}
	e = time_tail(c, t, e);
	fill_content(c, t, e, ct);
	return 1;
}

/* After "CONTENT, X said" the sentence ends, or goes on with a comma or an
 * adjunct ("said on Monday", "said in a statement"); "On Monday, Syria
 * declared a ceasefire" is not such a frame. */
static int frame_ends_clause(const struct actx *c, size_t after)
{
	if (after >= c->ntok || (tok(c, after)->flags & (WS_TF_SENT_START | WS_TF_PARA_START)))
		return 1;
	const struct ws_token *t = tok(c, after);
	if (t->kind == WS_TOK_PUNCT || t->kind == WS_TOK_DASH || t->kind == WS_TOK_QUOTE_CLOSE)
		return 1;
	/* "..., said a handful of Democrats who point to ..." */
	return is_adjunct(c, after) || lower_is(c, after, "who") || lower_is(c, after, "whose");
}

/* A quote before its frame is the content; words of the same sentence
 * before it belong to it too ("Mrs. Clinton, with her service ..., 'is
 * seen as ...,' he said"), unless another frame stands there. */
static int quote_content(const struct actx *c, int32_t qi, struct content *ct)
{
	const struct ws_qspan *q = &c->d->quotes.v[qi];
	size_t s = q->open_tok;
	const struct ws_range *r = &c->d->tk.sent.v[tok(c, s)->sent];
	if (r->first < s && s - r->first < MAX_CONTENT &&
	    tok(c, r->first)->para == tok(c, s)->para) {
		/* "''Family values people'' are ''not out to bash gays,'' he
		 * said": the sentence, quotes and all, when no frame is in it */
		size_t k = r->first;
		while (k < s && !c->cue_used[k] &&
		       (QUOTE_OPEN(c, k) < 0 || !c->claimed[QUOTE_OPEN(c, k)]))
			k++;
		if (k == s && s - r->first >= 2)
			s = r->first;
	}
	/* 'Walking in to chants of "Marco! Marco!," the senator said ...':
	 * a quote inside a fronted participle is no statement of the frame */
	if (s < q->open_tok && tok_ends(c, s, "ing", 5) && tok(c, s)->shape == WS_SHAPE_CAP)
		return 0;
	fill_content(c, s, q->close_tok + 1, ct);
	return 1;
}

/* 'on "CBS This Morning,"', 'in an interview with "Fox and Friends,"': a
 * quote after a preposition names something. */
static int title_quote(const struct actx *c, int32_t qi)
{
	size_t o = c->d->quotes.v[qi].open_tok, k = o;
	/* back over "the", a possessive and capitalised words to the
	 * preposition: 'on Fox News Channel's "Sunday Morning Futures,"' */
	while (k > 0 && o - k < 5 && same_sent(c, k - 1, o) &&
	       (lower_is(c, k - 1, "the") || is_possessive(c, k - 1) || is_cap(c, k - 1)) &&
	       !(tok(c, k - 1)->flags & WS_TF_SENT_START))
		k--;
	static const char *const before_title[] = { "on", "in", "at", "with", "from", "of", "during", NULL };
	return k > 0 && same_sent(c, k - 1, o) && word_in(c, k - 1, before_title);
}

/* One-word answers that are whole statements: "Sorry, Sanders said",
 * "46 percent said yes". */
static const char *const interjections[] = {
	"sorry", "yes", "no", "absolutely", "exactly", "sure", "right", "never", "nope",
	"yeah", "fine", "okay", "ok", "thanks", "agreed", "correct", "true", "wrong", NULL
};

/* Content before a mention starting at m0: "CONTENT, X said" or
 * "'QUOTE,' X said". The quote may start sentences earlier. */
static const char *const subordinators[] = {
	"as", "because", "if", "although", "though", "while", "when", "whenever",
	"since", "until", "unless", "after", "before", "once", "whereas", NULL
};

/* Whether the sentence start s opens an adjunct or a subordinate clause
 * and not a main clause: "In a statement", "Last week", "As people cross
 * the border". "But the plan will fail", "This has been a worry", "In the
 * end it was a close call" (a finite auxiliary in [s, e)) are main
 * clauses. */
static int fronted_adjunct(const struct actx *c, size_t s, size_t e)
{
	static const char *const conj[] = { "and", "but", "yet", "so", NULL };
	if (word_in(c, s, conj) && s + 1 < e && e - ++s < 3)
		return 1;	/* "And Trump," */
	if (word_in(c, s, subordinators))
		return 1;
	if ((lower_is(c, s, "this") || lower_is(c, s, "last")) && time_phrase_after(c, s) == s &&
	    !lookup_at(c, s + 1, 0, c->nm.time, NULL))
		return 0;
	return !word_in(c, s, conj) && is_adjunct(c, s) && !has_aux(c, s, e);
}

static int content_before(const struct actx *c, size_t m0, size_t after, struct content *ct)
{
	if (m0 == 0)
		return 0;
	size_t t = m0;
	/* a title before the mention: "..., Iranian Deputy Foreign Minister X says" */
	if (TITLE_END(c, t - 1) >= 0)
		t = c->d->gaz.v[TITLE_END(c, t - 1)].first;
	/* 'The race "is a dead heat," as Cruz said': "as" opens the frame */
	if (t > 2 && lower_is(c, t - 1, "as") && same_sent(c, t - 2, t) &&
	    (is_punct(c, t - 2, ",") || QUOTE_CLOSE(c, t - 2) >= 0))
		t--;
	/* '"Not us!" Murphy tweeted': a quote that ends in "!" or "?" ends
	 * no sentence before its frame */
	int exclaimed = t > 1 && QUOTE_CLOSE(c, t - 1) >= 0 &&
			(is_punct(c, t - 2, "!") || is_punct(c, t - 2, "?"));
	if (t == 0 || tok(c, t - 1)->para != tok(c, m0)->para ||
	    ((tok(c, t)->flags & WS_TF_SENT_START) && !exclaimed))
		return 0;
	if (QUOTE_CLOSE(c, t - 1) >= 0)
		return !title_quote(c, QUOTE_CLOSE(c, t - 1)) && quote_content(c, QUOTE_CLOSE(c, t - 1), ct);
	if (!is_punct(c, t - 1, ",") || t < 2)
		return 0;
	size_t e = t - 1;	/* the comma */
	if (QUOTE_CLOSE(c, e - 1) >= 0)
		return quote_content(c, QUOTE_CLOSE(c, e - 1), ct);
	if (!frame_ends_clause(c, after))
		return 0;
	const struct ws_range *r = &c->d->tk.sent.v[tok(c, e)->sent];
	size_t s = r->first;
	if (e > s + MAX_CONTENT)
		s = e - MAX_CONTENT;
	/* "Still, Mr. Rubio declined", "Responding to the criticism, Trump
	 * said", "Until Friday, however, the department had declined": a
	 * sentence adverb or a fronted participle or adjunct with no clause
	 * of its own is not what was said */
	if (e - s <= 1 && !(e - s == 1 && word_in(c, s, interjections)))
		return 0;	/* ("Sorry, Sanders said." is a statement) */
	/* "Fundraising was stagnant": a gerund before an auxiliary is a subject */
	if (fronted_adjunct(c, s, e) || (tok_ends(c, s, "ing", 5) && tok(c, s)->shape == WS_SHAPE_CAP &&
					 !has_aux(c, s + 1, s + 2))) {
		int comma = 0;
		for (size_t k = s; k < e && !comma; k++)
			comma = is_punct(c, k, ",");
		if (!comma)
			return 0;
	}
	/* not across an earlier frame in the same sentence */
	for (size_t i = s; i < e; i++)
		if (c->cue_used[i])
			return 0;
	if (e <= s)
		return 0;
	/* "He's leaning toward Kasich, he said, because ...": the sentence
	 * goes on after the frame and is all the statement */
	static const char *const goes_on[] = {
		"because", "but", "and", "if", "so", "though", "although", "while", "since",
		"unless", "or", "when", "until", "even", "yet", "that", "which", NULL
	};
	/* ... or a quote, an auxiliary ("Many closures, he said, have ...")
	 * or a pronoun's clause; not an apposition ("said X, a professor",
	 * "said X, director of ...") or a participle ("he said, wiping sweat
	 * off his face") */
	size_t end = e;
	if (after + 1 < c->ntok && is_punct(c, after, ",") && same_sent(c, after, e) &&
	    (word_in(c, after + 1, goes_on) || QUOTE_OPEN(c, after + 1) >= 0 ||
	     has_aux(c, after + 1, after + 2) ||
	     (pronoun_at(c, after + 1) && !lower_is(c, after + 1, "who") &&
	      !lower_is(c, after + 1, "whom") && !lower_is(c, after + 1, "whose")))) {
		size_t se = sentence_content_end(c, after);
		if (se > after + 2 && se - s < MAX_CONTENT)
			end = se;
	}
	fill_content(c, s, end, ct);
	return 1;
}

/* A verb of saying or thinking, whose content is a clause; directives,
 * accusations and denials take noun phrases ("urged talks"). */
static int speech_verb(const struct actx *c, const struct ws_annot *cue)
{
	const char *cat = ws_annot_get(cue, c->nm.category);
	return !cat || strcmp(cat, "neutral") == 0 || strcmp(cat, "assertive") == 0 ||
	       strcmp(cat, "epistemic") == 0;
}

static int participle_after_comma(const struct actx *c, size_t c0);

/* "'We have a process,' he said. 'It's called an election.'": the quote that
 * follows the frame in the same paragraph is the same statement. The frame
 * may end with an adjunct ("said last month on Twitter,"). */
static void join_next_quote(const struct actx *c, size_t after, struct content *ct)
{
	size_t t = after;
	int relative = 0;
	/* the rest of the frame's sentence, which holds no other cue but a
	 * participle (", referring to the debate") or one in a relative
	 * clause (", who has known them for decades"), then the next
	 * sentence's first token; a quote inside the frame's sentence that
	 * opens neither right after it nor after a comma is a title ('said on
	 * ABC's "This Week" on Sunday') */
	while (t < c->ntok && tok(c, t)->para == tok(c, after - 1)->para &&
	       tok(c, t)->kind != WS_TOK_QUOTE_CLOSE &&
	       !(t > after && (tok(c, t)->flags & WS_TF_SENT_START))) {
		if (QUOTE_OPEN(c, t) >= 0) {
			size_t gap = t - after;
			if (gap <= 1 || is_punct(c, t - 1, ",") ||
			    (lower_is(c, t - 1, "and") && is_punct(c, t - 2, ",")))
				break;
			t = c->d->quotes.v[QUOTE_OPEN(c, t)].close_tok + 1;
			continue;
		}
		/* "said at his party, two hours after outlets declared him the
		 * victor": a cue in a relative or subordinate clause */
		relative |= lower_is(c, t, "who") || lower_is(c, t, "which") || lower_is(c, t, "after") ||
			    lower_is(c, t, "when") || lower_is(c, t, "because") ||
			    lower_is(c, t, "before") || lower_is(c, t, "since");
		if (CUE_AT(c, t) >= 0 && speech_verb(c, &c->d->gaz.v[CUE_AT(c, t)]) &&
		    tok(c, t)->shape == WS_SHAPE_LOWER && !participle_after_comma(c, t) && !relative)
			break;	/* (not a name: "told The Huffington Post") */
		/* "he said, adding, '...'", "Clark said, noting he would ...": a
		 * participle that reports a clause or a quote is a frame of its
		 * own ("said, referring to the debate" is not) */
		if (CUE_AT(c, t) >= 0 && participle_after_comma(c, t)) {
			size_t a = c->d->gaz.v[CUE_AT(c, t)].last;
			if (a < c->ntok && (is_punct(c, a, ",") || is_punct(c, a, ":")))
				a++;
			if (a < c->ntok && (QUOTE_OPEN(c, a) >= 0 || lower_is(c, a, "that") ||
					    (pronoun_at(c, a) && !lower_is(c, a, "it") &&
					     !lower_is(c, a, "him") && !lower_is(c, a, "her") &&
					     !lower_is(c, a, "them"))))
				return;
		}
		t++;
	}
	if (t >= c->ntok || QUOTE_OPEN(c, t) < 0 || tok(c, t)->para != tok(c, after - 1)->para)
		return;
	if (t > after && !(tok(c, t)->flags & WS_TF_SENT_START) && t - after > 16)
		return;
	const struct ws_qspan *q = &c->d->quotes.v[QUOTE_OPEN(c, t)];
	ct->span.end = q->end;
	ct->t1 = q->close_tok + 1;
	ct->joined = ct->joined || ct->quote >= 0;	/* all quoted when the first part was */
	ct->quote = -1;		/* no longer one quote span */
	ct->has_quote = 1;
}

/* '"I think this is going to destroy Germany." He added, "Taking these
 * people is insanity."': a quote that fills the sentence before a frame
 * opening its own sentence, in the same paragraph and claimed by no one,
 * is the start of the same statement. */
static void join_prev_quote(const struct actx *c, size_t m0, struct content *ct)
{
	if (!(tok(c, m0)->flags & WS_TF_SENT_START) || (tok(c, m0)->flags & WS_TF_PARA_START) ||
	    m0 == 0)
		return;
	size_t e = m0;
	while (e > 0 && tok(c, e - 1)->kind == WS_TOK_PUNCT && !is_punct(c, e - 1, ","))
		e--;
	if (e == 0 || QUOTE_CLOSE(c, e - 1) < 0)
		return;
	int32_t qi = QUOTE_CLOSE(c, e - 1);
	const struct ws_qspan *q = &c->d->quotes.v[qi];
	if (c->claimed[qi] || tok(c, q->open_tok)->para != tok(c, m0)->para ||
	    !(tok(c, q->open_tok)->flags & WS_TF_SENT_START))
		return;
	ct->span.start = q->start;
	ct->t0 = q->open_tok;
	ct->quote = -1;
	ct->has_quote = 1;
	ct->joined = 1;
}

/* 'she said, "I read it once"' / 'he said: "..."': a quote right after
 * the cue (past one comma or colon), in the same paragraph. */
static int quote_follows(const struct actx *c, size_t t)
{
	if (t < c->ntok && (is_punct(c, t, ",") || is_punct(c, t, ":")))
		t++;
	return t < c->ntok && QUOTE_OPEN(c, t) >= 0 && tok(c, t)->para == tok(c, t - 1)->para;
}

/* ", saying", ", adding", ", arguing": a participle cue after a comma. */
static int participle_after_comma(const struct actx *c, size_t c0)
{
	if (c0 < 2 || !(is_punct(c, c0 - 1, ",") || tok(c, c0 - 1)->kind == WS_TOK_DASH ||
			lower_is(c, c0 - 1, "while") || lower_is(c, c0 - 1, "before") ||
			lower_is(c, c0 - 1, "after") || lower_is(c, c0 - 1, "by")))
		return 0;
	return tok_ends(c, c0, "ing", 5);
}

/* Between a subject and its cue: adverbs, reflexives and times ("The
 * employee first said", "Cruz himself said", "Spicer on Thursday evening
 * said"). Returns where the subject ends. */
/* A verb that hands its subject to the infinitive after it: "went on",
 * "was quick", "moved", "rushed", "tried" ending at token v. Sets *start to
 * its first token. */
static int catenative(const struct actx *c, size_t v, size_t *start)
{
	static const char *const verbs[] = {
		"moved", "rushed", "tried", "began", "hastened", "stepped", "appeared", "seemed",
		"went", "took", "was", "were", "is", "are", "has", "have", "had", NULL
	};
	static const char *const second[] = { "on", "quick", "in", "up", "eager", "careful", NULL };
	if (tok(c, v)->shape != WS_SHAPE_LOWER)
		return 0;
	if (word_in(c, v, second) && v > 0 && word_in(c, v - 1, verbs) && !lower_is(c, v - 1, "has") &&
	    !lower_is(c, v - 1, "have") && !lower_is(c, v - 1, "had")) {
		*start = v - 1;
		return 1;
	}
	if (word_in(c, v, verbs) && !lower_is(c, v, "was") && !lower_is(c, v, "were") &&
	    !lower_is(c, v, "is") && !lower_is(c, v, "are") && !lower_is(c, v, "went") &&
	    !lower_is(c, v, "took") && !lower_is(c, v, "has") && !lower_is(c, v, "have") &&
	    !lower_is(c, v, "had")) {
		*start = v;
		return 1;
	}
	return 0;
}

static size_t skip_before_cue(const struct actx *c, size_t c0)
{
	static const char *const adv[] = {
		"first", "initially", "himself", "herself", "itself", "themselves", "finally",
		"now", "just", "simply", "only", "again", "once", "too", "since", "even", "here",
		"there", NULL
	};
	static const char *const part[] = { "morning", "afternoon", "evening", "night", NULL };
	static const char *const before_time[] = { "on", "last", "this", "early", "late", NULL };
	size_t end = c0;
	for (int steps = 0; steps < 4 && end > 1 && same_sent(c, end - 1, c0); steps++) {
		size_t k = end - 1;
		const struct ws_annot *a;
		if (tok(c, k)->flags & WS_TF_SENT_START)
			break;
		if (tok(c, k)->shape == WS_SHAPE_LOWER &&
		    ((tok_ends(c, k, "ly", 5) && CUE_AT(c, k) < 0) || word_in(c, k, adv))) {
			end = k;
		} else if (word_in(c, k, part) && k > 0 && lookup_ending(c, k, c->nm.time, NULL)) {
			end = k;
		} else if (time_phrase_before(c, end) < end &&
			   !(tok(c, time_phrase_before(c, end))->flags & WS_TF_SENT_START)) {
			end = time_phrase_before(c, end);	/* "Trump last week said" */
		} else if (k > 1 && tok(c, k)->shape == WS_SHAPE_DIGITS && ws_tok_len(c->d, k) == 4 &&
			   (lower_is(c, k - 1, "from") || lower_is(c, k - 1, "in"))) {
			end = k - 1;	/* "another Pew study from 2011 noted" */
		} else if (lower_is(c, k, "to") && k > 2 && same_sent(c, k - 2, k) &&
			   catenative(c, k - 1, &end)) {
			/* "Trump went on to criticize", "she was quick to deny" */
		} else if ((a = lookup_ending(c, end, c->nm.time, NULL)) && a->first > 0 &&
			   !(tok(c, a->first)->flags & WS_TF_SENT_START)) {
			end = a->first;
			if (word_in(c, end - 1, before_time) && !(tok(c, end - 1)->flags & WS_TF_SENT_START))
				end--;
		} else {
			break;
		}
	}
	return end;
}

/* The subject that opens the sentence of token t, past a fronted adjunct
 * ("On Monday, Syria declared ..."). */
/* "WASHINGTON —", "BANGOR, Maine —", "LONDON (Reuters) -": a dateline
 * opening the paragraph at s0 is not the sentence's subject. Returns the
 * first token after it, or s0. */
static size_t skip_dateline(const struct actx *c, size_t s0, size_t limit)
{
	if (!(tok(c, s0)->flags & WS_TF_PARA_START) || tok(c, s0)->shape != WS_SHAPE_UPPER)
		return s0;
	size_t k = s0;
	while (k < limit && k - s0 < 8) {
		const struct ws_token *t = tok(c, k);
		if (!(t->shape == WS_SHAPE_UPPER || t->shape == WS_SHAPE_ACRONYM ||
		      is_punct(c, k, ",") || is_punct(c, k, "(") || is_punct(c, k, ")") ||
		      (t->kind == WS_TOK_WORD && k > s0 && (is_punct(c, k - 1, ",") ||
							     is_punct(c, k - 1, "(") ||
							     is_cap(c, k - 1)))))
			break;
		k++;
	}
	return k > s0 && k + 1 < limit && tok(c, k)->kind == WS_TOK_DASH ? k + 1 : s0;
}

static const char *const sentence_adverbs[] = {
	"however", "meanwhile", "still", "instead", "indeed", "now", "later", "separately",
	"moreover", "also", "afterward", "afterwards", "nonetheless", "nevertheless", "then",
	"again", "yet", "thus", "so", "overall", "earlier", "similarly", "likewise", NULL
};

static struct speaker sentence_subject(struct actx *c, size_t t)
{
	size_t s0 = c->d->tk.sent.v[tok(c, t)->sent].first;
	/* "But Sen. X, noting ..., said": past a conjunction */
	if (s0 + 1 < t && (lower_is(c, s0, "but") || lower_is(c, s0, "and") ||
			   lower_is(c, s0, "so") || lower_is(c, s0, "yet")))
		s0++;
	s0 = skip_dateline(c, s0, t);
	/* "Likewise, Trump ...", "Still, she ...": a sentence adverb */
	if (s0 + 2 < t && is_punct(c, s0 + 1, ",") && tok(c, s0)->kind == WS_TOK_WORD &&
	    (word_in(c, s0, sentence_adverbs) ||
	     (tok_ends(c, s0, "ly", 5) && !lookup_at(c, s0, 0, c->nm.person, NULL))))
		s0 += 2;
	/* "Walking to the next address, X ...", "Like Corker, Menendez ...":
	 * a fronted participle or prepositional phrase too */
	if (is_adjunct(c, s0) || tok_ends(c, s0, "ing", 5) || word_in(c, s0, prepositions) ||
	    lower_is(c, s0, "unlike") || lower_is(c, s0, "despite")) {
		size_t k = s0;
		while (k < t && k - s0 < 8 && !is_punct(c, k, ","))
			k++;
		if (k >= t || !is_punct(c, k, ",")) {
			return no_speaker(S_SUBJECT);	/* "During the meeting the two sides ...": unclear */
		}
		s0 = k + 1;
	}
	return speaker_at(c, s0, S_SUBJECT, 1);
}

/* "X, a truck driver from Ava, Mo., who is a member of the union, said":
 * the sentence opens with a named subject and a comma, and nothing between
 * it and the cue's comma is another frame or a quote. */
static int subject_with_apposition(struct actx *c, size_t c0, struct speaker *sp)
{
	if (c0 < 3 || !is_punct(c, c0 - 1, ","))
		return 0;
	struct speaker s = sentence_subject(c, c0);
	/* a named subject, or a description ("The senator, who ...,") */
	int described = s.sieve == S_DESCRIPTION || s.sieve == S_GROUP || s.sieve == S_ANONYMOUS;
	if (!s.found || (s.entity < 0 && !described) || s.m1 + 2 >= c0 || c0 - s.m1 > 40 ||
	    !is_punct(c, s.m1, ","))
		return 0;
	/* a frame inside the apposition ("a Republican who has refused to
	 * endorse him,", "in the wake of a poll showing ...,") is its own */
	for (size_t k = s.m1; k < c0; k++)
		if (QUOTE_OPEN(c, k) >= 0 || is_punct(c, k, ";") || tok(c, k)->kind == WS_TOK_QUOTE_CLOSE)
			return 0;
	*sp = s;
	return 1;
}

/* "Feinstein of California, who said ...": the person named just before
 * ", who" is the speaker; the mention is "who". */
static int relative_who(struct actx *c, size_t c0, struct speaker *sp)
{
	if (c0 < 2 || !lower_is(c, c0 - 1, "who") || !same_sent(c, c0 - 2, c0 - 1))
		return 0;
	memset(sp, 0, sizeof(*sp));
	sp->m0 = (uint32_t)c0 - 1;
	sp->m1 = (uint32_t)c0;
	sp->type = WS_SP_UNKNOWN;
	sp->entity = -1;
	/* "voters who said", "The official, who said": "who" speaks for
	 * the phrase before it, a person the article names or no one */
	sp->found = 1;
	sp->sieve = S_PRONOUN;
	for (size_t e = c0 - 2; is_punct(c, c0 - 2, ",") && e > 0 && c0 - 2 - e < 8 &&
	     same_sent(c, e - 1, c0); e--) {
		uint32_t mf = ws_mention_first(c->d, (uint32_t)e);
		int32_t en = mf < e ? ws_entity_at(c->d, mf, (uint32_t)e) : -1;
		if (en >= 0 && c->d->ents.v[en].type != WS_SP_ORGANIZATION) {
			memset(sp, 0, sizeof(*sp));
			sp->m0 = (uint32_t)c0 - 1;
			sp->m1 = (uint32_t)c0;
			sp->type = WS_SP_PERSON;
			set_entity(c, sp, en, S_PRONOUN);
			return 1;
		}
	}
	return 1;
}

static size_t tok_at_byte(const struct actx *c, uint32_t off);

/* The speaker of statement st, as a speaker found again. */
static struct speaker speaker_of(const struct actx *c, const struct ws_statement *st)
{
	struct speaker sp;
	memset(&sp, 0, sizeof(sp));
	sp.m0 = (uint32_t)tok_at_byte(c, st->mention.start);
	sp.m1 = (uint32_t)tok_at_byte(c, st->mention.end - 1) + 1;
	sp.entity = st->entity;
	sp.type = st->speaker_type;
	sp.sieve = S_SUBJECT;
	for (int k = 0; ws_sieve_names[k]; k++)
		if (ws_sieve_names[k] == st->sieve)
			sp.sieve = (enum sieve)k;
	sp.found = 1;
	return sp;
}

/* '"...," she said, adding that ...': the speaker of the statement whose
 * frame ends right before the participle's comma. */
static struct speaker previous_frame_speaker(struct actx *c, size_t c0)
{
	struct speaker sp = no_speaker(S_SUBJECT);
	size_t n = c->d->stmts.n;
	if (!n || c0 < 2)
		return sp;
	const struct ws_statement *st = &c->d->stmts.v[n - 1];
	uint32_t before = tok(c, c0 - 2)->end;
	if (st->mention.end <= st->mention.start ||
	    (st->cue.end != before && st->mention.end != before) ||
	    !same_sent(c, tok_at_byte(c, st->mention.start), c0))
		return sp;
	return speaker_of(c, st);
}

/* "X on Saturday criticized the accord ..., saying ...": the speaker of
 * the sentence's last frame before c0 whose subject came before its cue. */
static struct speaker sentence_frame_speaker(struct actx *c, size_t c0)
{
	struct speaker sp = no_speaker(S_SUBJECT);
	size_t n = c->d->stmts.n;
	if (!n)
		return sp;
	const struct ws_statement *st = &c->d->stmts.v[n - 1];
	if (st->mention.end <= st->mention.start || st->cue.end <= st->cue.start ||
	    st->mention.end > st->cue.start || st->cue.end > tok(c, c0)->start ||
	    !same_sent(c, tok_at_byte(c, st->mention.start), c0))
		return sp;
	return speaker_of(c, st);
}

/* "..., though last week he used stronger language, saying ...": the
 * subject pronoun of the clause just before the participle's comma. */
static struct speaker clause_pronoun(struct actx *c, size_t c0)
{
	static const char *const subj[] = { "he", "she", "they", "we", "i", NULL };
	struct speaker sp = no_speaker(S_SUBJECT);
	if (c0 < 3 || !is_punct(c, c0 - 1, ","))
		return sp;
	size_t k = c0 - 1, found = 0;
	while (k > 0 && c0 - k < 20 && same_sent(c, k - 1, c0) && !is_punct(c, k - 1, ",") &&
	       !is_punct(c, k - 1, ";") && QUOTE_CLOSE(c, k - 1) < 0) {
		k--;
		if (word_in(c, k, subj) && k + 1 < c0 - 1 && tok(c, k + 1)->shape == WS_SHAPE_LOWER)
			found = k + 1;	/* the leftmost such pronoun, plus one */
	}
	if (!found)
		return sp;
	const struct ws_word *pw = pronoun_at(c, found - 1);
	if (!pw)
		return sp;
	sp.m0 = (uint32_t)found - 1;
	sp.m1 = (uint32_t)found;
	sp.type = strcmp(pw->f[0], "male") == 0 || strcmp(pw->f[0], "female") == 0
		  ? WS_SP_PERSON : WS_SP_UNKNOWN;
	set_entity(c, &sp, resolve_pronoun(c, pw->f[0], (uint32_t)found - 1), S_PRONOUN);
	return sp;
}

/* "... and said", "... but said": a second verb of the sentence's subject. */
static int conjoined_cue(const struct actx *c, size_t end)
{
	return end > 2 && (lower_is(c, end - 1, "and") || lower_is(c, end - 1, "but")) &&
	       same_sent(c, end - 2, end);
}

/* The first token of the clause of token t: past the last comma before t
 * in its sentence, else the sentence's first. */
static size_t clause_start(const struct actx *c, size_t t)
{
	size_t first = c->d->tk.sent.v[tok(c, t)->sent].first;
	for (size_t k = t; k > first; k--)
		if (is_punct(c, k - 1, ","))
			return k;
	return first;
}

/* "Asked about the vote, she smiled", "When asked whether ...": a question
 * put by no one named; "The White House is expected to sign the bill": an
 * expectation held by no one named. The statement has no speaker. Returns
 * whether it made one. */
static int agentless_at(struct actx *c, const struct ws_annot *cue, size_t c0, size_t c1)
{
	const char *lemma = ws_annot_get(cue, c->nm.lemma);
	if (!lemma)
		return 0;
	size_t t0, t1;
	struct speaker agent = no_speaker(S_SUBJECT);
	if (strncmp(lemma, "ask", 3) == 0 && (lemma[3] == 0 || strcmp(lemma, "ask about") == 0)) {
		/* the participle opens its clause: sentence start, "when", "if",
		 * a comma */
		if (!((tok(c, c0)->flags & WS_TF_SENT_START) ||
		      (c0 > 0 && (lower_is(c, c0 - 1, "when") || lower_is(c, c0 - 1, "if") ||
				  is_punct(c, c0 - 1, ",")))))
			return 0;
		if (lower_is(c, c0, "has") || lower_is(c, c0, "had") || lower_is(c, c0, "have"))
			return 0;	/* "has asked": someone asked */
		/* "Texas, leading 13 states, asked a judge to block the rules":
		 * an object after the participle means a subject asked */
		if (lemma[3] == 0 && c1 < c->ntok && same_sent(c, c0, c1) &&
		    (is_determiner(c, c1) || is_cap(c, c1) || lower_is(c, c1, "him") ||
		     lower_is(c, c1, "her") || lower_is(c, c1, "them") || lower_is(c, c1, "us")))
			return 0;
		t0 = c1;
		/* "when asked by a reporter if ...": the asker is named */
		if (lower_is(c, c1, "by") && c1 + 1 < c->ntok && same_sent(c, c1, c1 + 1)) {
			agent = speaker_after(c, c1 + 1, S_INVERTED);
			if (agent.found && agent.m1 > c1 + 1)
				t0 = agent.m1;
			else
				agent.found = 0;
		}
		while (t0 < c->ntok && is_adjunct(c, t0) && !lower_is(c, t0, "about") && t0 < c1 + 4 &&
		       !is_punct(c, t0, ","))
			t0++;	/* "Asked later", "asked on Fox News" */
		if (t0 >= c->ntok || !same_sent(c, c1 - 1, t0))
			return 0;
		t1 = t0;
		while (t1 < c->ntok && same_sent(c, t0, t1) && !is_punct(c, t1, ",") &&
		       !is_punct(c, t1, ".") && !is_punct(c, t1, "?") && t1 - t0 < 40)
			t1++;
		if (t1 - t0 < 2)
			return 0;
	} else if (strcmp(lemma, "expect") == 0) {
		/* "X is expected to ...": a form of be, the participle, "to" */
		if (!(lower_is(c, c0, "is") || lower_is(c, c0, "are") || lower_is(c, c0, "was") ||
		      lower_is(c, c0, "were")) || !lower_is(c, c1, "to") ||
		    tok(c, c1 - 1)->shape != WS_SHAPE_LOWER)
			return 0;
		t0 = clause_start(c, c0);
		t1 = sentence_content_end(c, c0);
		if (t0 >= c0 || t1 <= c1 + 1 || t1 - t0 > MAX_CONTENT)
			return 0;
	} else if (strcmp(lemma, "seem") == 0 || strcmp(lemma, "appear") == 0) {
		/* "Trump's supporters seemed unperturbed", "X appeared to end
		 * his bid": how things seemed, to no one named; "It appears
		 * that ...": the clause. "appeared on CNN" is no such thing. */
		/* "seemed to be shrinking", "seemed like an obstacle", "seemed a
		 * reminder" are such; "appeared on CNN" is not */
		int seem = strcmp(lemma, "seem") == 0;
		int inf = c1 + 1 < c->ntok && lower_is(c, c1, "to") &&
			  tok(c, c1 + 1)->shape == WS_SHAPE_LOWER && !is_determiner(c, c1 + 1);
		int ok_next = inf || (seem && (lower_is(c, c1, "like") || lower_is(c, c1, "a") ||
					       lower_is(c, c1, "an")));
		if (c1 >= c->ntok || !same_sent(c, c0, c1) || (tok(c, c0)->flags & WS_TF_SENT_START) ||
		    (!ok_next && (word_in(c, c1, prepositions) || is_determiner(c, c1) ||
				  tok(c, c1)->shape != WS_SHAPE_LOWER)))
			return 0;
		t0 = clause_start(c, c0);
		if (c0 == t0 + 1 && lower_is(c, t0, "it")) {
			size_t k = c1;
			while (k < c->ntok && is_punct(c, k, ","))
				k++;
			t0 = k;	/* "It appears, though, that ..." */
			while (t0 < c->ntok && !lower_is(c, t0, "that") && t0 < c1 + 4)
				t0++;
			if (!lower_is(c, t0, "that"))
				return 0;
		}
		t1 = sentence_content_end(c, c0);
		/* "Cruz seemed lost, applauding along": to a comma or colon */
		for (size_t k = c1 + 1; k < t1; k++)
			if (is_punct(c, k, ",") || is_punct(c, k, ":") || is_punct(c, k, ";")) {
				t1 = k;
				break;
			}
		if (t0 >= t1 || t1 <= c1 || t1 - t0 > MAX_CONTENT)
			return 0;
	} else {
		return 0;
	}
	struct content ct;
	fill_content(c, t0, t1, &ct);
	if (overlaps_statement(c, ct.span))
		return 0;
	struct speaker sp = no_speaker(S_AGENTLESS);
	if (agent.found)
		sp = agent;
	for (size_t k = c0; k < c1; k++)
		c->cue_used[k] = 1;
	add_statement(c, &ct, &sp, cue, c0, c1);
	return 1;
}

/* "Trump's criticism of the deal", "his support for the bill", "X
 * expressed concerns about Y", "questions about her emails": a word of
 * rules/cue-nouns.txt followed by one of its prepositions (or "that").
 * The content runs to the clause's end; the speaker is the possessive
 * before the word, the subject of a light verb before it, or no one.
 * Returns the token after the statement, or 0. */
static size_t nominal_cue_at(struct actx *c, size_t i, const size_t *nsorted)
{
	static const char *const light[] = {
		"expressed", "expresses", "express", "raised", "raises", "raise", "voiced", "voices",
		"renewed", "repeated", "made", "makes", "issued", "offered", "offers", "reiterated",
		"stepped", "launched", "had", "has", "have", "shared", "echoed", "raising",
		"expressing", "voicing", "making", "offering", "issuing", "delivered", "delivering",
		"delivers", "leveled", "levelled", "lodged", "sharing", "repeating", NULL
	};
	static const char *const pos_pron[][2] = {
		{ "his", "male" }, { "her", "female" }, { "their", "any" }, { "its", "neuter" },
	};
	const struct ws_token *t = tok(c, i);
	if (t->kind != WS_TOK_WORD || t->shape != WS_SHAPE_LOWER || i + 2 >= c->ntok ||
	    !same_sent(c, i, i + 2))
		return 0;
	const struct ws_word *w = ws_wordlist_get(c->d->eng->cue_nouns, ws_tok_text(c->d, i),
						  ws_tok_len(c->d, i));
	if (!w)
		return 0;
	/* the word that follows must be one of the word's */
	const char *preps = w->f[1];
	const char *nx = ws_tok_text(c->d, i + 1);
	size_t nn = ws_tok_len(c->d, i + 1), found = 0;
	for (const char *p = preps; *p && !found;) {
		const char *e = strchr(p, ',');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		found = l == nn && strncasecmp(p, nx, l) == 0;
		p = e ? e + 1 : p + l;
	}
	if (!found)
		return 0;
	/* the content: to a comma, a semicolon, the sentence's end, an
	 * auxiliary or a verb cue, at most 25 tokens */
	size_t t0 = i + 2, t1 = t0;
	size_t se = sentence_content_end(c, t0);
	/* "questions about what had gone wrong", "that he would ...": a
	 * clause runs to the clause's end */
	int clause = lower_is(c, i + 1, "that") || lower_is(c, t0, "what") ||
		     lower_is(c, t0, "whether") || lower_is(c, t0, "how") || lower_is(c, t0, "why") ||
		     lower_is(c, t0, "who") || lower_is(c, t0, "if") || lower_is(c, t0, "when");
	while (t1 < se && t1 - t0 < 25 && !is_punct(c, t1, ",") && !is_punct(c, t1, ";") &&
	       !(!clause && t1 > t0 && has_aux(c, t1, t1 + 1)) &&
	       !(!clause && t1 > t0 && CUE_AT(c, t1) >= 0 && tok(c, t1)->shape == WS_SHAPE_LOWER &&
		 !is_determiner(c, t1 - 1)) &&
	       tok(c, t1)->kind != WS_TOK_DASH) {
		if (QUOTE_OPEN(c, t1) >= 0 && c->d->quotes.v[QUOTE_OPEN(c, t1)].close_tok < se)
			t1 = c->d->quotes.v[QUOTE_OPEN(c, t1)].close_tok;
		t1++;
	}
	if (t1 - t0 >= 25 || t1 == t0)
		return 0;
	struct content ct;
	fill_content(c, t0, t1, &ct);
	struct ws_span whole = { tok(c, i)->start, ct.span.end };
	if (overlaps_sorted(c, whole, *nsorted))
		return 0;
	/* the speaker, left of the word past up to three adjectives */
	size_t k = i;
	while (k > 0 && i - k < 3 && same_sent(c, k - 1, i) && tok(c, k - 1)->shape == WS_SHAPE_LOWER &&
	       tok(c, k - 1)->kind == WS_TOK_WORD && !is_determiner(c, k - 1) &&
	       !word_in(c, k - 1, light) && !word_in(c, k - 1, prepositions) &&
	       CUE_AT(c, k - 1) < 0 && !word_in(c, k - 1, np_stop))
		k--;
	struct speaker sp = no_speaker(S_AGENTLESS);
	size_t c0 = k;
	if (k > 0 && same_sent(c, k - 1, i) && is_possessive(c, k - 1) && is_cap(c, k - 1)) {
		struct speaker s2 = speaker_before(c, k, S_SUBJECT);
		if (s2.found) {
			sp = s2;
		} else {
			sp.m0 = (uint32_t)k - 1;
			sp.m1 = (uint32_t)k;
			set_entity(c, &sp, fallback_entity(c->d, k - 1, k), S_SUBJECT);
		}
	} else if (k > 0 && same_sent(c, k - 1, i)) {
		size_t pk;
		for (pk = 0; pk < 4 && !lower_is(c, k - 1, pos_pron[pk][0]); pk++)
			;
		if (pk < 4) {
			sp.m0 = (uint32_t)k - 1;
			sp.m1 = (uint32_t)k;
			sp.type = pk < 2 ? WS_SP_PERSON : WS_SP_UNKNOWN;
			set_entity(c, &sp, resolve_pronoun(c, pos_pron[pk][1], (uint32_t)k - 1), S_PRONOUN);
		} else {
			/* "X expressed (serious) concerns about": the light verb's subject */
			size_t lv = k;
			while (lv > 0 && k - lv < 2 && same_sent(c, lv - 1, i) && is_determiner(c, lv - 1))
				lv--;
			struct speaker s2;
			memset(&s2, 0, sizeof(s2));
			if (lv > 0 && word_in(c, lv - 1, light) && same_sent(c, lv - 1, i))
				s2 = speaker_before(c, skip_before_cue(c, lv - 1), S_SUBJECT);
			/* "X was critical of", "He avoided direct criticism of":
			 * the subject of the clause the word stands in */
			if (!s2.found) {
				s2 = sentence_subject(c, i);
				for (size_t q = s2.m1; s2.found && q < k; q++)
					if (is_punct(c, q, ",") || c->cue_used[q])
						s2.found = 0;
			}
			if (s2.found && s2.m1 < k)
				sp = s2;
		}
	}
	/* with no one holding it, a nominal cue is mostly the writer's own
	 * framing ("questions about his record"): right 1 time in 6 on train */
	if (sp.sieve == S_AGENTLESS)
		return 0;
	for (size_t q = c0; q < i + 2; q++)
		c->cue_used[q] = 1;
	add_statement(c, &ct, &sp, NULL, i, i + 2);
	struct ws_statement *st = &c->d->stmts.v[c->d->stmts.n - 1];
	st->cue_lemma = w->key;
	st->cue_category = w->f[0];
	return t1;
}

/* "In the latest CNN/ORC poll, Trump leads ...": a poll or survey named
 * after a clause-opening "in" is the source of the clause, as after
 * "according to". Returns the token after the statement, or 0. */
static size_t poll_source_at(struct actx *c, size_t i, size_t nsorted)
{
	static const char *const heads[] = {
		"poll", "polls", "survey", "surveys", "polling", NULL
	};
	if (!lower_is(c, i, "in") || i + 2 >= c->ntok)
		return 0;
	size_t k = i + 1, head = 0;
	while (k < c->ntok && k - i <= 12 && same_sent(c, i, k) &&
	       (tok(c, k)->kind == WS_TOK_WORD || tok(c, k)->kind == WS_TOK_NUMBER ||
		is_punct(c, k, "/") || is_punct(c, k, "-")) &&
	       CUE_AT(c, k) < 0) {
		if (word_in(c, k, heads))
			head = k;
		k++;
	}
	/* the phrase: at most 12 words, its head among the last three */
	if (!head || head + 3 < k || k >= c->ntok)
		return 0;
	/* "In the poll, ..." or "Still, in the poll, ..."; not "sagged in
	 * the polls", which mostly says where, not who */
	size_t s0 = c->d->tk.sent.v[tok(c, i)->sent].first;
	if (!is_punct(c, k, ",") ||
	    !(i == s0 || (is_punct(c, i - 1, ",") && clause_start(c, i - 1) == s0 && i - s0 <= 3)))
		return 0;
	size_t t0 = k + 1, t1 = sentence_content_end(c, t0);
	if (t1 <= t0 + 2 || t1 - t0 > MAX_CONTENT)
		return 0;
	for (size_t q = t0; q < t1; q++)
		if (c->cue_used[q])
			return 0;
	struct content ct;
	fill_content(c, t0, t1, &ct);
	struct ws_span whole = { tok(c, i)->start, ct.span.end };
	if (overlaps_since(c, whole, nsorted))
		return 0;
	struct speaker sp = no_speaker(S_SUBJECT);
	sp.m0 = (uint32_t)i + 1;
	sp.m1 = (uint32_t)k;
	set_entity(c, &sp, -1, S_ACCORDING);
	for (size_t q = i; q < k; q++)
		c->cue_used[q] = 1;
	add_statement(c, &ct, &sp, NULL, i, i + 1);
	struct ws_statement *st = &c->d->stmts.v[c->d->stmts.n - 1];
	st->cue_lemma = "in";
	st->cue_category = "neutral";
	return t1;
}

static void nominal_cues(struct actx *c)
{
	size_t nsorted = c->d->stmts.n, j = 0;
	int32_t inquote = -1, last = -1;
	for (size_t i = 0; i < c->ntok; i++) {
		/* the speaker of the last statement before here, for pronouns */
		for (; j < nsorted && c->d->stmts.v[j].span.start < tok(c, i)->start; j++)
			if (c->d->stmts.v[j].entity >= 0)
				last = c->d->stmts.v[j].entity;
		c->last_speaker = last;
		if (inquote >= 0 && i > c->d->quotes.v[inquote].close_tok)
			inquote = -1;
		int32_t q = QUOTE_OPEN(c, i);
		if (q >= 0 && inquote < 0)
			inquote = q;
		if (inquote >= 0) {	/* nothing inside: on past the quote */
			if (c->d->quotes.v[inquote].close_tok > i)
				i = c->d->quotes.v[inquote].close_tok;
			continue;
		}
		if (c->cue_used[i] || CUE_AT(c, i) >= 0)
			continue;
		/* what the two ask first, asked here: most tokens are neither
		 * a lower-case word nor "in" */
		const struct ws_token *t = tok(c, i);
		size_t next = 0;
		if (t->kind == WS_TOK_WORD && t->shape == WS_SHAPE_LOWER)
			next = nominal_cue_at(c, i, &nsorted);
		if (!next && t->end - t->start == 2)
			next = poll_source_at(c, i, nsorted);
		if (next)
			i = next - 1;
	}
}

static int time_phrase_ago(const struct actx *c, size_t s, size_t e);

/* "This campaign, he says, is different", "Unless countries act, they
 * say, the world could suffer": a frame set off by commas inside its
 * sentence; the statement is the sentence around it. */
static int parenthetical_frame(const struct actx *c, size_t m0, size_t c1, struct content *ct)
{
	/* "The bridge, officials said Tuesday, is safe": past a time */
	const struct ws_annot *tm = c1 < c->ntok ? lookup_at(c, c1, 0, c->nm.time, NULL) : NULL;
	if (tm && tm->last < c->ntok && is_punct(c, tm->last, ","))
		c1 = tm->last;
	else if (time_phrase_after(c, c1) > c1 && is_punct(c, time_phrase_after(c, c1), ","))
		c1 = time_phrase_after(c, c1);
	if (m0 < 3 || c1 + 1 >= c->ntok || !is_punct(c, m0 - 1, ",") || !is_punct(c, c1, ",") ||
	    !same_sent(c, m0 - 1, c1 + 1) || QUOTE_OPEN(c, c1 + 1) >= 0)
		return 0;
	size_t s0 = c->d->tk.sent.v[tok(c, m0)->sent].first;
	if (lower_is(c, s0, "but") || lower_is(c, s0, "and"))
		s0++;
	if (m0 - 1 < s0 + 2 || m0 - s0 > MAX_CONTENT)
		return 0;
	for (size_t k = s0; k < m0; k++)
		if (c->cue_used[k] || QUOTE_OPEN(c, k) >= 0)
			return 0;
	size_t e = sentence_content_end(c, c1 + 1);
	if (e < c1 + 3 || e - s0 > MAX_CONTENT)
		return 0;
	/* "Six months ago, the senator said, the media ...": before the
	 * frame only a time, which is the writer's (other fronted adjuncts,
	 * "In Ohio, he said, ...", stay, as PolNeAR draws them) */
	if (time_phrase_ago(c, s0, m0 - 1))
		s0 = c1 + 1;
	fill_content(c, s0, e, ct);
	return 1;
}

/* "Six months ago", "Two years earlier": [s, e) is a number, a unit of
 * time and "ago" or "earlier". */
static int time_phrase_ago(const struct actx *c, size_t s, size_t e)
{
	return e - s >= 2 && e - s <= 4 && (lower_is(c, e - 1, "ago") || lower_is(c, e - 1, "earlier") ||
					    lower_is(c, e - 1, "later")) &&
	       (numberish(c, s) || lower_is(c, s, "a") || lower_is(c, s, "several") ||
		lower_is(c, s, "few"));
}

/* "pointing to his record", "referring to the debate", "citing a poll":
 * participles whose noun phrase is what is reported. */
static int np_participle(const struct actx *c, const struct ws_annot *cue)
{
	static const char *const np_cues[] = {
		"point to", "refer to", "mention", "describe", "recall", "express", NULL
	};
	const char *lemma = ws_annot_get(cue, c->nm.lemma);
	for (int k = 0; lemma && np_cues[k]; k++)
		if (strcmp(lemma, np_cues[k]) == 0)
			return 1;
	return 0;
}

/* A cue in the passive: a form of "be" and a past participle ("was
 * asked", "were pressed", "has been criticized"); not the states that
 * report their subject's mind ("is convinced", "was quoted as saying"). */
static int passive_cue(const struct actx *c, const struct ws_annot *cue, size_t c0, size_t c1)
{
	static const char *const be[] = { "was", "were", "is", "are", "been", "being", "be", NULL };
	static const char *const own[] = {
		"quote", "convince", "assure", "expect", "concern", "worry", "determine", NULL
	};
	const char *lemma = ws_annot_get(cue, c->nm.lemma);
	size_t v = c1 - 1;
	while (v > c0 && tok(c, v)->shape == WS_SHAPE_LOWER && !tok_ends(c, v, "ed", 4) &&
	       !word_in(c, v, be))
		v--;	/* a particle after the participle: "called for" */
	if (v <= c0 || !tok_ends(c, v, "ed", 4) || !word_in(c, v - 1, be))
		return 0;
	if (lemma)
		for (int k = 0; own[k]; k++)
			if (strcmp(lemma, own[k]) == 0)
				return 0;
	return 1;
}

/* "Sanders was asked to name ...", "Trump has been criticized by some of
 * his rivals for failing to ...": the subject of a passive did not speak;
 * the statement is the clause from the subject on, as PolNeAR draws it,
 * and its speaker the agent after "by", or no one (sieve agentless). The
 * subject as speaker was right 20 times in 104 on train. */
static void passive_frame(struct actx *c, const struct ws_annot *cue, size_t m0, size_t c0,
			  size_t c1)
{
	struct speaker sp = no_speaker(S_AGENTLESS);
	size_t from = c1;
	if (c1 + 1 < c->ntok && lower_is(c, c1, "by") && same_sent(c, c1, c1 + 1)) {
		struct speaker a = speaker_after(c, c1 + 1, S_INVERTED);
		if (a.found && a.m1 > c1 + 1) {
			sp = a;
			from = a.m1;
		}
	}
	/* "was backed by Sen. X of Ohio, who said ...": the agent's comma ends it */
	size_t e = from < c->ntok && same_sent(c, c0, from) && !is_punct(c, from, ",")
		   ? content_after_end(c, from) : from;
	if (e < from)
		e = from;
	if (e - m0 > MAX_CONTENT || e <= c1)
		return;
	while (e > c1 && tok(c, e - 1)->kind == WS_TOK_PUNCT && QUOTE_CLOSE(c, e - 1) < 0)
		e--;
	struct content ct;
	fill_content(c, m0, e, &ct);
	if (overlaps_statement(c, ct.span))
		return;
	for (size_t k = c0; k < c1; k++)
		c->cue_used[k] = 1;
	add_statement(c, &ct, &sp, cue, c0, c1);
}

/* "..., forcing her to fend off both, said Brad Bannon, a pollster.": a
 * name after the cue that ends the sentence or meets a comma is the
 * speaker of an inverted frame, so the commas before the cue set off no
 * apposition of a subject (after "told" it is the one told). */
static int name_then_stop(const struct actx *c, size_t t)
{
	if (t >= c->ntok || !same_sent(c, t - 1, t) || !is_cap(c, t))
		return 0;
	size_t r = run_forward(c, t);
	return r > t && (r >= c->ntok || (tok(c, r)->flags & WS_TF_SENT_START) || is_punct(c, r, ",") ||
			 is_punct(c, r, ".") || is_punct(c, r, "("));
}

/* The "who" of a relative clause that ends at end with no punctuation in
 * it ("Voters who watched the debate said"), or end. */
static size_t relative_before(const struct actx *c, size_t end)
{
	/* "party leaders who can [pick]", "a man who many [say]": the cue is
	 * the relative clause's own verb */
	static const char *const open_ends[] = {
		"can", "could", "will", "would", "may", "might", "must", "should", "to", "not",
		"and", "or", "but", "both", "many", "all", "also", "are", "is", "was", "were",
		"have", "has", "had", "do", "does", "did", "be", "been", NULL
	};
	for (size_t t = end; t > 1 && end - t < 12; t--) {
		size_t k = t - 1;
		if (!same_sent(c, k, end - 1) || tok(c, k)->kind != WS_TOK_WORD ||
		    (tok(c, k)->flags & WS_TF_SENT_START))
			return end;
		if (lower_is(c, k, "who"))
			return k + 2 < end && !word_in(c, end - 1, open_ends) && !tok_ends(c, end - 1, "ly", 4)
			       ? k : end;
	}
	return end;
}

/* "a consulting firm called Gavekal", "the founder of a Facebook group
 * called Occupy DNC": "called" right after an indefinite noun phrase
 * names it. */
static int naming_called(const struct actx *c, size_t c0)
{
	size_t k = c0;
	while (k > 0 && c0 - k < 5 && same_sent(c, k - 1, c0) && (np_head(c, k - 1) || is_cap(c, k - 1)))
		k--;
	return k < c0 && k > 0 && (lower_is(c, k - 1, "a") || lower_is(c, k - 1, "an"));
}

/* One cue: find its frame and make the statement. */
static void frame_at(struct actx *c, size_t i)
{
	size_t c0, c1;
	const struct ws_annot *cue = cue_span(c, i, &c0, &c1);
	if (!cue || agentless_at(c, cue, c0, c1))
		return;
	/* "X seemed unmoved" that agentless_at did not take: how things
	 * seemed is not X's statement (right 2 times in 26 on train) */
	const char *lemma0 = ws_annot_get(cue, c->nm.lemma);
	if (lemma0 && (strcmp(lemma0, "seem") == 0 || strcmp(lemma0, "appear") == 0))
		return;
	/* "declined to comment", "did not respond to a request for comment":
	 * the verb is the cue and the refusal is what is reported */
	if (ws_annot_get(cue, c->nm.nonresponse)) {
		size_t k = c0;
		while (k < c1 && !lower_is(c, k, "to"))
			k++;
		if (k + 1 < c1)
			c1 = is_determiner(c, k + 1) ? k + 1 : k;
	}
	struct content ct;
	struct speaker sp;
	memset(&sp, 0, sizeof(sp));
	int speaker_after_cue = ws_annot_get(cue, c->nm.speaker) == c->nm.after;
	if (speaker_after_cue) {
		/* according to X, CONTENT / CONTENT, according to X: X is the
		 * whole phrase up to the comma ("data released Friday by state
		 * regulators"), its entity the first one named in it */
		sp = speaker_after(c, c1, S_ACCORDING);
		size_t np = c1;
		while (np < c->ntok && np - c1 < 30 && same_sent(c, c1, np) &&
		       !is_punct(c, np, ",") && !is_punct(c, np, ".") && !is_punct(c, np, ";") &&
		       tok(c, np)->kind != WS_TOK_DASH && QUOTE_OPEN(c, np) < 0)
			np++;
		if (np == c1)
			return;
		/* no comma or full stop within 30 tokens: no phrase to credit */
		if (np - c1 >= 30 || (np < c->ntok && !is_punct(c, np, ",") &&
				      !is_punct(c, np, ".") && !is_punct(c, np, ";") &&
				      tok(c, np)->kind != WS_TOK_DASH &&
				      !(tok(c, np)->flags & WS_TF_SENT_START)))
			return;
		if (!sp.found || sp.m1 < np) {
			int32_t e = -1;
			for (size_t k = c1 + 1; k <= np && e < 0; k++)
				if (ws_mention_first(c->d, (uint32_t)k) >= c1)
					e = ws_entity_at(c->d, (uint32_t)c1, (uint32_t)k);
			sp = no_speaker(S_SUBJECT);
			sp.m0 = (uint32_t)c1;
			sp.m1 = (uint32_t)np;
			set_entity(c, &sp, e, S_ACCORDING);
		}
		if (sp.sieve == S_SUBJECT || sp.sieve == S_INVERTED)
			sp.sieve = S_ACCORDING;
		if (!content_before(c, c0, sp.m1, &ct) && !content_after(c, sp.m1, NULL, 0, &ct))
			return;
	} else {
		/* the subject before the cue, maybe past ", for his part,", an
		 * apposition (", the former governor of Maryland,") or a
		 * parenthesis ("Sanders (I-Vt.) said") */
		size_t end = skip_before_cue(c, c0), named_apposition = 0;
		/* "Sen. Jack Reed (D-R.I.), said": a comma after a parenthesis */
		if (end > 3 && is_punct(c, end - 1, ",") && is_punct(c, end - 2, ")") &&
		    !participle_after_comma(c, c0))
			end--;
		if (subject_with_apposition(c, end, &sp) || relative_who(c, end, &sp)) {
			end = c0;	/* found */
		} else if (end > 1 && is_punct(c, end - 1, ",") && !participle_after_comma(c, c0) &&
			   !(ws_annot_get(cue, c->nm.object) != c->nm.recipient && name_then_stop(c, c1))) {
			size_t k = end - 1;
			/* a participle in it is part of it ("often conducted by
			 * comparing states") */
			while (k > 0 && end - k < 25 && !is_punct(c, k - 1, ",") &&
			       same_sent(c, k - 1, end) &&
			       (CUE_AT(c, k - 1) < 0 || tok_ends(c, k - 1, "ing", 5)) &&
			       QUOTE_CLOSE(c, k - 1) < 0)
				k--;
			/* ", whom he has alienated," is on the object, not the
			 * subject; "Even if it closed, some duties would move,
			 * said X": a finite clause is no apposition */
			if (k > 0 && is_punct(c, k - 1, ",") && end - k >= 2 &&
			    !lower_is(c, k, "whom") &&
			    (!has_aux(c, k, end) || lower_is(c, k, "who") || lower_is(c, k, "which")) &&
			    (end - k < 7 || is_determiner(c, k) || tok(c, k)->shape == WS_SHAPE_LOWER)) {
				named_apposition = end - 1;	/* its closing comma */
				end = k - 1;
			}
		} else if (end > 2 && tok(c, end - 1)->kind == WS_TOK_DASH) {
			/* "A former candidate -- John McCain, who lost in 2008 --
			 * said": back past the dashed apposition */
			size_t k = end - 1;
			while (k > 0 && end - k < 25 && tok(c, k - 1)->kind != WS_TOK_DASH &&
			       same_sent(c, k - 1, end) && CUE_AT(c, k - 1) < 0)
				k--;
			if (k > 1 && tok(c, k - 1)->kind == WS_TOK_DASH && end - k >= 2)
				end = k - 1;
		} else if (end > 2 && is_punct(c, end - 1, ")")) {
			size_t k = end - 1;
			while (k > 0 && end - k < 20 && !is_punct(c, k - 1, "(") && same_sent(c, k - 1, end))
				k--;
			if (k > 1 && is_punct(c, k - 1, "("))
				end = k - 1;
		}
		if (!sp.found)
			sp = speaker_before(c, end, S_SUBJECT);
		/* "Another Clinton ally, Agriculture Secretary Tom Vilsack,
		 * told ...": a person named in the apposition is the speaker,
		 * the description and the name the mention */
		if (named_apposition && sp.found && sp.entity < 0 && sp.m1 == end) {
			uint32_t mf = ws_mention_first(c->d, (uint32_t)named_apposition);
			int32_t e = mf > end && mf < named_apposition
				    ? ws_entity_at(c->d, mf, (uint32_t)named_apposition) : -1;
			if (e >= 0 && c->d->ents.v[e].type == WS_SP_PERSON) {
				sp.m1 = (uint32_t)named_apposition + 1;
				sp.type = WS_SP_PERSON;
				set_entity(c, &sp, e, S_SUBJECT);
			}
		}
		/* "Voters who watched the debate said": the antecedent of a
		 * relative clause with no commas speaks, and the mention
		 * holds the clause */
		size_t w = relative_before(c, end);
		if (w < end && (!sp.found || sp.m0 > w) && !ws_annot_get(cue, c->nm.ambiguous) &&
		    !tok_ends(c, c0, "ing", 5) && tok(c, c0)->shape == WS_SHAPE_LOWER) {
			struct speaker a = speaker_before(c, w, S_SUBJECT);
			if (a.found && a.m1 == w) {
				a.m1 = (uint32_t)end;
				sp = a;
			}
		}
		/* "the joint report", "a 27bn tax claim": a bare noun phrase
		 * before a word that is more often a noun is that noun's phrase,
		 * unless an auxiliary makes the word a verb ("has claimed") */
		if (sp.found && sp.sieve == S_NOMINAL && c0 == i && ws_annot_get(cue, c->nm.ambiguous) &&
		    !(c1 < c->ntok && lower_is(c, c1, "that")) &&
		    !(sp.m1 == sp.m0 + 1 && (word_in(c, sp.m0, quantifiers) || lower_is(c, sp.m0, "others"))))
			return;	/* ("strategists fear that ...", "Many fear" are verbs) */
		/* "a consulting firm called Gavekal": naming, not saying */
		const char *lemma = ws_annot_get(cue, c->nm.lemma);
		if (c0 == i && lemma && strcmp(lemma, "call") == 0 && naming_called(c, c0))
			return;
		if (sp.found && sp.m1 <= c0 && c1 - c0 >= 2 && passive_cue(c, cue, c0, c1)) {
			passive_frame(c, cue, sp.m0, c0, c1);
			return;
		}
		if (sp.found) {
			if (quote_follows(c, skip_recipient(c, cue, c1)) &&
			    content_after(c, c1, cue, 0, &ct)) {
				if (ct.quote >= 0 && is_punct(c, c1, ":") && sp.sieve == S_SUBJECT)
					sp.sieve = S_LEADIN;
				/* '"A," he said, "B."': the quote before opens it */
				size_t e = sp.m0;
				if (e > 0 && is_punct(c, e - 1, ","))
					e--;
				if (ct.quote >= 0 && e > 0 && QUOTE_CLOSE(c, e - 1) >= 0 &&
				    !(tok(c, sp.m0)->flags & WS_TF_SENT_START)) {
					const struct ws_qspan *q =
						&c->d->quotes.v[QUOTE_CLOSE(c, e - 1)];
					if (!c->claimed[QUOTE_CLOSE(c, e - 1)] &&
					    tok(c, q->open_tok)->para == tok(c, sp.m0)->para) {
						ct.span.start = q->start;
						ct.t0 = q->open_tok;
						ct.quote = -1;
						ct.joined = 1;
					}
				} else if (QUOTE_OPEN(c, ct.t0) >= 0 && e < sp.m0 &&
					   !(tok(c, sp.m0)->flags & WS_TF_SENT_START)) {
					/* "The club's investment, Ms. Tanzer said, ''is a
					 * perfect example''": the sentence's start too */
					size_t f = c->d->tk.sent.v[tok(c, sp.m0)->sent].first;
					size_t k = f;
					if (e - f > MAX_CONTENT)
						k = e + 1;	/* too far to be one statement */
					while (k < e && !c->cue_used[k] && QUOTE_OPEN(c, k) < 0)
						k++;
					if (k == e && e - f >= 2 && !is_adjunct(c, f)) {
						ct.span.start = tok(c, f)->start;
						ct.t0 = f;
						ct.quote = -1;
					}
				}
			} else if (parenthetical_frame(c, sp.m0, c1, &ct)) {
				/* "This campaign, he says, is different" */
			} else if (lower_is(c, c1 - 1, "that") ||
				   lower_is(c, skip_recipient(c, cue, c1), "that") ||
				   lower_is(c, sp.m0, "who") ||	/* a relative says what follows */
				   !content_before(c, sp.m0, skip_recipient(c, cue, c1), &ct)) {
				/* "X said that ...": what follows, whatever stands before */
				/* "a poll showed a tight race": what a poll shows or
				 * finds may be a noun phrase */
				const char *lm = ws_annot_get(cue, c->nm.lemma);
				int np_ok = lm && (strcmp(lm, "show") == 0 || strcmp(lm, "find") == 0);
				if (!content_after(c, c1, cue, speech_verb(c, cue) && !np_ok, &ct))
					return;
				/* "the two sides discussed the situation": a topic
				 * verb's noun phrase is not a statement */
				if (ws_annot_get(cue, c->nm.object) == c->nm.topic &&
				    !finite_clause(c, ct.t0, ct.t1))
					return;
				if (ct.quote >= 0 && is_punct(c, c1, ":"))
					sp.sieve = sp.sieve == S_SUBJECT ? S_LEADIN : sp.sieve;
			}
		} else if (participle_after_comma(c, c0) || conjoined_cue(c, end)) {
			/* X pushed back on Thursday, saying (that) CONTENT; X
			 * shook her head and said CONTENT: the sentence's subject
			 * speaks */
			sp = sentence_frame_speaker(c, c0);
			if (!sp.found)
				sp = clause_pronoun(c, c0);
			if (!sp.found)
				sp = sentence_subject(c, c0);
			if (!sp.found || sp.m1 >= c0)
				sp = previous_frame_speaker(c, c0);
			/* a saying participle needs a clause ("saying she would
			 * ..."), one that points or refers takes a noun phrase
			 * ("pointing to his record"; "citing costs" gives a reason
			 * and no statement, as in the seed article); a second
			 * finite verb reports like the first */
			if (!sp.found || sp.m1 >= c0 || !content_after(c, c1, cue, 1, &ct) ||
			    (!conjoined_cue(c, end) && speech_verb(c, cue) && !np_participle(c, cue) &&
			     !finite_clause(c, ct.t0, ct.t1)))
				return;
		} else {
			/* CONTENT, said X */
			sp = speaker_after(c, c1, S_INVERTED);
			/* 'Said Comey, "The thought ..."': the frame opens the
			 * sentence and the quote follows the speaker */
			int opens = (tok(c, c0)->flags & WS_TF_SENT_START) && sp.found && sp.m1 + 1 < c->ntok &&
				    is_punct(c, sp.m1, ",") && QUOTE_OPEN(c, sp.m1 + 1) >= 0;
			if (!sp.found || (!content_before(c, c0, sp.m1, &ct) &&
					  !(opens && content_after(c, sp.m1, cue, 0, &ct))))
				return;
		}
	}
	/* a content that ends in a quote ('Teachers are "looking to see ...,"
	 * X said. "That's ...") goes on into the quote after the frame */
	int ends_quoted = ct.t1 > ct.t0 && QUOTE_CLOSE(c, ct.t1 - 1) >= 0;
	if ((ct.quote >= 0 || ends_quoted) && ct.span.start < tok(c, c0)->start)
		join_next_quote(c, sp.m1 > c1 ? sp.m1 : skip_recipient(c, cue, c1), &ct);
	else if (ct.quote >= 0 && sp.m0 < c0)
		join_prev_quote(c, sp.m0, &ct);
	if (ct.span.end <= ct.span.start || overlaps_statement(c, ct.span))
		return;
	/* statements need some words: "said so" is not one */
	/* ... though a poll's "said yes" or "said no" is an answer */
	int answer = ct.t1 - ct.t0 == 1 && word_in(c, ct.t0, interjections);
	if (ct.span.end - ct.span.start < 8 && !answer &&
	    (speech_verb(c, cue) || ct.span.end - ct.span.start < 2 || ct.t1 - ct.t0 > 1 ||
	     lower_is(c, ct.t0, "it") || lower_is(c, ct.t0, "this") || lower_is(c, ct.t0, "that")))
		return;	/* "endorsed Clinton", "backs him" stand; "endorsed it" says nothing */
	/* "While he says he loves China, he also accuses it ...": a frame in
	 * a fronted subordinate clause reports up to the clause's comma */
	if (sp.m0 > 0 && ct.t0 >= c1 && ct.quote < 0 && same_sent(c, sp.m0 - 1, sp.m0) &&
	    word_in(c, sp.m0 - 1, subordinators))
		for (size_t k = ct.t0 + 1; k < ct.t1; k++) {
			if (QUOTE_OPEN(c, k) >= 0)
				break;
			if (is_punct(c, k, ",")) {
				ct.t1 = k;
				ct.span.end = tok(c, k - 1)->end;
				break;
			}
		}
	/* "The mayor, speaking to reporters, said the bridge was safe": a
	 * content that opens with a verb of saying belongs to that verb */
	if (ct.t0 > c1 && CUE_AT(c, ct.t0) >= 0 && tok(c, ct.t0)->shape == WS_SHAPE_LOWER &&
	    speech_verb(c, &c->d->gaz.v[CUE_AT(c, ct.t0)]) && !tok_ends(c, ct.t0, "ing", 5))
		return;
	for (size_t k = c0; k < c1; k++)
		c->cue_used[k] = 1;
	add_statement(c, &ct, &sp, cue, c0, c1);
}

static size_t quote_words(const struct ws_doc *d, const struct ws_qspan *q)
{
	size_t w = 0;
	for (size_t i = q->open_tok + 1; i < q->close_tok; i++)
		w += d->tk.tok.v[i].kind == WS_TOK_WORD || d->tk.tok.v[i].kind == WS_TOK_NUMBER;
	return w;
}

/* The statement that ends last before byte off (statements sorted). */
/* The statement starting last before byte off: statements [0, nsorted)
 * are in order, the ones after were appended since, in text order too. */
static const struct ws_statement *last_statement_before(const struct ws_doc *d, size_t nsorted,
							uint32_t off)
{
	size_t a = first_from(d, 0, nsorted, off), b = first_from(d, nsorted, d->stmts.n, off);
	const struct ws_statement *best = a ? &d->stmts.v[a - 1] : NULL;
	if (b > nsorted && (!best || d->stmts.v[b - 1].span.start > best->span.start))
		best = &d->stmts.v[b - 1];
	return best;
}

/* The token that holds byte off (or the last one before it). */
static size_t tok_at_byte(const struct actx *c, uint32_t off)
{
	size_t lo = 0, hi = c->ntok;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (tok(c, mid)->start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}

/* The fallback's guess: the person named last before byte off, at most
 * two paragraphs back (mentions are sorted). */
static void nearest_person(const struct actx *c, uint32_t off, uint32_t para, struct speaker *sp)
{
	const struct ws_doc *d = c->d;
	size_t lo = 0, hi = d->ments.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->ments.v[mid].span.start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t m = lo, seen = 0; m-- > 0 && seen++ < 50;) {
		const struct ws_mention *mn = &d->ments.v[m];
		uint32_t mt = d->ment_tok.v[2 * m];
		if (tok(c, mt)->para + 2 < para)
			return;
		if (mn->entity < 0 || mn->pronoun || d->ents.v[mn->entity].type != WS_SP_PERSON ||
		    mn->span.end > off)
			continue;
		sp->entity = mn->entity;
		sp->type = WS_SP_PERSON;
		sp->m0 = mt;
		sp->m1 = d->ment_tok.v[2 * m + 1];
		return;
	}
}

/* Quotes no frame claimed: one that fills its paragraph continues the
 * previous statement's speaker (sieve continuation); one that fills its
 * sentence is a statement with an unknown speaker (sieve fallback). */
/* 'Mr. Christie gloated: "..."', 'Mr. Smith shot back: "..."': a
 * subject, a verb the cue lists do not hold (or one whose frame found
 * nothing) and a colon before a quote that no frame claimed. */
static int colon_leadin(struct actx *c, int32_t qi, size_t nsorted)
{
	static const char *const particles[] = { "back", "out", "up", "it", "in", "simply", NULL };
	static const char *const irregular[] = {
		"wrote", "put", "shot", "spoke", "began", "told", "said", "thought", "felt", NULL
	};
	const struct ws_qspan *q = &c->d->quotes.v[qi];
	size_t colon = q->open_tok - 1;
	if (q->open_tok < 3 || !is_punct(c, colon, ":") ||
	    tok(c, colon)->para != tok(c, q->open_tok)->para)
		return 0;
	size_t e = colon;
	while (e > 1 && colon - e < 2 && word_in(c, e - 1, particles))
		e--;
	size_t v = e - 1;
	const struct ws_token *t = tok(c, v);
	if (t->kind != WS_TOK_WORD || t->shape != WS_SHAPE_LOWER || c->cue_used[v] ||
	    !(tok_ends(c, v, "ed", 4) || tok_ends(c, v, "s", 4) || word_in(c, v, irregular)) ||
	    word_in(c, v, np_stop) || !same_sent(c, v, colon) || v == 0)
		return 0;
	size_t end = skip_before_cue(c, v);
	struct speaker sp = speaker_before(c, end, S_LEADIN);
	if (!sp.found || (sp.sieve != S_LEADIN && sp.sieve != S_PRONOUN &&
			  sp.sieve != S_DESCRIPTION))
		return 0;
	/* the subject opens its sentence or follows a conjunction */
	size_t m0 = sp.m0;
	if (!(tok(c, m0)->flags & WS_TF_SENT_START) && !(m0 > 0 && (lower_is(c, m0 - 1, "and") ||
								      lower_is(c, m0 - 1, "but") ||
								      is_punct(c, m0 - 1, ","))))
		return 0;
	struct content ct;
	fill_content(c, q->open_tok, q->close_tok + 1, &ct);
	if (overlaps_since(c, ct.span, nsorted))
		return 0;
	const struct ws_annot *cue = CUE_AT(c, v) >= 0 ? &c->d->gaz.v[CUE_AT(c, v)] : NULL;
	add_statement(c, &ct, &sp, cue, v, colon);
	return 1;
}

static void loose_quotes(struct actx *c)
{
	struct ws_doc *d = c->d;
	size_t nsorted = d->stmts.n;
	for (size_t qi = 0; qi < d->quotes.n; qi++) {
		const struct ws_qspan *q = &d->quotes.v[qi];
		if (q->depth || q->family != WS_Q_DOUBLE || c->claimed[qi] || quote_words(d, q) < 5)
			continue;
		const struct ws_token *o = tok(c, q->open_tok);
		const struct ws_range *para = &d->tk.para.v[o->para];
		const struct ws_range *sent = &d->tk.sent.v[o->sent];
		size_t after = q->close_tok + 1;
		while (after < c->ntok && tok(c, after)->kind == WS_TOK_PUNCT &&
		       tok(c, after)->para == o->para)
			after++;
		if (colon_leadin(c, (int32_t)qi, nsorted))
			continue;
		/* '"..." — Commissioner Jane Doe': a dash and a name after the
		 * quote, to the end of the paragraph or sentence */
		size_t dash = q->close_tok + 1;
		while (dash < c->ntok && is_punct(c, dash, ","))
			dash++;
		if (dash + 1 < c->ntok && tok(c, dash)->kind == WS_TOK_DASH &&
		    tok(c, dash)->para == o->para && tok(c, dash + 1)->para == o->para) {
			struct speaker sp = speaker_at(c, dash + 1, S_INVERTED, 1);
			size_t m1 = sp.m1;
			if (sp.found && sp.entity >= 0 &&
			    (m1 >= c->ntok || tok(c, m1)->para != o->para ||
			     is_punct(c, m1, ",") || is_punct(c, m1, ".") || is_punct(c, m1, "("))) {
				struct content ct;
				fill_content(c, q->open_tok, q->close_tok + 1, &ct);
				if (!overlaps_since(c, ct.span, nsorted)) {
					add_statement(c, &ct, &sp, NULL, dash, dash + 1);
					continue;
				}
			}
		}
		int fills_para = q->open_tok == para->first &&
				 (after >= c->ntok || tok(c, after)->para != o->para);
		int fills_sent = q->open_tok == sent->first &&
				 (after >= c->ntok || tok(c, after)->sent != o->sent ||
				  tok(c, after)->para != o->para);
		if (!fills_sent && !fills_para)
			continue;
		struct content ct;
		fill_content(c, q->open_tok, q->close_tok + 1, &ct);
		if (overlaps_since(c, ct.span, nsorted))
			continue;
		struct speaker sp = no_speaker(S_FALLBACK);
		/* the last statement before, at most one paragraph back */
		const struct ws_statement *prev = last_statement_before(d, nsorted, ct.span.start);
		/* a quoted sentence after a statement of its paragraph goes
		 * with that statement's quotes, not on its own (such guesses
		 * were right 1 time in 5 on train) */
		if (!fills_para && prev && tok(c, tok_at_byte(c, prev->span.end - 1))->para == o->para) {
			size_t pe = tok_at_byte(c, prev->span.end - 1);
			/* right after it, with only punctuation between: the
			 * statement goes on into this quote */
			size_t k = pe + 1;
			while (k < q->open_tok && tok(c, k)->kind == WS_TOK_PUNCT)
				k++;
			if (k == q->open_tok) {
				struct ws_statement *pw = (struct ws_statement *)prev;
				pw->span.end = q->end;
				if (pw->type == WS_QT_INDIRECT)
					pw->type = WS_QT_MIXED;	/* now holds a quote */
				c->claimed[qi] = 1;
			}
			continue;
		}
		if (fills_para && prev && prev->entity >= 0) {
			uint32_t pp = tok(c, tok_at_byte(c, prev->span.end - 1))->para;
			if (o->para - pp <= 1) {
				sp.entity = prev->entity;
				sp.type = prev->speaker_type;
				sp.sieve = S_CONTINUATION;
			}
		}
		if (sp.sieve == S_FALLBACK)
			nearest_person(c, ct.span.start, o->para, &sp);
		add_statement(c, &ct, &sp, NULL, 0, 0);
	}
}

/* "JOEL BENENSON: This is a man who ...", "Cruz: Trump Would Put Liberals
 * On Court", "Rep. Trey Gowdy (R-S.C.):" then a quoted paragraph: a name
 * and a colon open the paragraph, and the rest of it (or the next
 * paragraph, when it is a quote) is what the name said. Returns the token
 * after the statement, or 0 when the paragraph is no such line. */
static size_t label_at(struct actx *c, size_t first)
{
	const struct ws_range *p = &c->d->tk.para.v[tok(c, first)->para];
	size_t k = first, mend = first;
	int depth = 0;
	while (k < p->last && k - first < 9 && !is_punct(c, k, ":")) {
		const struct ws_token *t = tok(c, k);
		if (is_punct(c, k, "("))
			depth++;
		else if (is_punct(c, k, ")"))
			depth--;
		else if (!depth && !(is_cap(c, k) || is_particle(c, k) || (t->flags & WS_TF_ABBREV)))
			return 0;	/* "Robert Sarvis. Image:" is a caption */
		if (!depth && !is_punct(c, k, ")"))
			mend = k + 1;
		k++;
	}
	if (k >= p->last || k == first || depth || !is_punct(c, k, ":") || mend == first ||
	    !is_cap(c, first))
		return 0;
	/* "UPDATE:", "Photo:", "Video Transcript:", "WASHINGTON:" label no one */
	char low[32];
	size_t n = ws_tok_len(c->d, first);
	if (n >= sizeof(low))
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)((ws_tok_text(c->d, first)[i] >= 'A' &&
				 ws_tok_text(c->d, first)[i] <= 'Z')
				? ws_tok_text(c->d, first)[i] + 32 : ws_tok_text(c->d, first)[i]);
	if (ws_wordlist_get(c->d->eng->labels, low, n) ||
	    lookup_at(c, first, mend, c->nm.time, NULL) ||
	    (mend == first + 1 && lookup_at(c, first, mend, c->nm.place, NULL)))
		return 0;
	size_t t0 = k + 1, t1 = p->last, words = 0;
	for (size_t w = t0; w < t1 && words < 2; w++)
		words += tok(c, w)->kind == WS_TOK_WORD;
	if (t1 - t0 >= 2 && words < 2)
		return 0;	/* "Sanders: 1,547.", "Twitter: @Milbank." */
	if (t1 - t0 < 2) {
		/* the label alone: the next paragraph, when it is a quote */
		if (t0 >= c->ntok || QUOTE_OPEN(c, t0) < 0)
			return 0;
		t1 = c->d->tk.para.v[tok(c, t0)->para].last;
	}
	struct content ct;
	fill_content(c, t0, t1, &ct);
	struct speaker sp = no_speaker(S_SUBJECT);
	sp.m0 = (uint32_t)first;
	sp.m1 = (uint32_t)mend;
	int32_t e = ws_entity_at(c->d, (uint32_t)first, (uint32_t)mend);
	if (e < 0 && (mend > first + 1 || ws_tok_len(c->d, first) > 1))
		e = fallback_entity(c->d, first, mend);
	set_entity(c, &sp, e, S_LABEL);
	if (overlaps_statement(c, ct.span))
		return 0;
	add_statement(c, &ct, &sp, NULL, k, k + 1);
	return t1;
}

/* "Clinton Says Russians Hacked DNC": a headline that opens with a name and
 * a verb of saying (in any case) reports what the rest of it says. Returns
 * the token after the headline, or 0. */
static size_t headline_at(struct actx *c, size_t first)
{
	const struct ws_range *p = &c->d->tk.para.v[tok(c, first)->para];
	for (size_t i = first + 1; i < p->last && i - first <= 6; i++) {
		if (CUE_AT(c, i) < 0)
			continue;
		const struct ws_annot *cue = &c->d->gaz.v[CUE_AT(c, i)];
		/* headline case: "Says", "Tells"; a body sentence says "says" */
		if (!speech_verb(c, cue) || cue->last >= p->last || p->last - p->first > 30 ||
		    tok(c, i)->shape != WS_SHAPE_CAP)
			return 0;
		struct speaker sp = speaker_before(c, i, S_HEADLINE);
		if (!sp.found || sp.m0 != first)
			return 0;
		sp.sieve = S_HEADLINE;
		size_t e = p->last;
		while (e > cue->last && tok(c, e - 1)->kind == WS_TOK_PUNCT &&
		       !(QUOTE_CLOSE(c, e - 1) >= 0))
			e--;
		if (e - cue->last < 2)
			return 0;
		struct content ct;
		fill_content(c, cue->last, e, &ct);
		if (overlaps_statement(c, ct.span))
			return 0;
		add_statement(c, &ct, &sp, cue, i, cue->last);
		return p->last;
	}
	return 0;
}

/* A headline, caption or credit line: a short paragraph that does not end
 * like a sentence. News headlines drop the verb's tense and punctuation
 * ("Iran, Syria urge joint committee") and report nothing themselves. */
static int is_heading(const struct actx *c, uint32_t para)
{
	const struct ws_range *p = &c->d->tk.para.v[para];
	if (p->last - p->first > 25)
		return 0;
	size_t l = p->last - 1;
	while (l > p->first && (tok(c, l)->kind == WS_TOK_QUOTE_CLOSE ||
				tok(c, l)->kind == WS_TOK_QUOTE_AMBIG || is_punct(c, l, ")")))
		l--;
	return !(is_punct(c, l, ".") || is_punct(c, l, "!") || is_punct(c, l, "?") ||
		 is_punct(c, l, ":") || (tok(c, l)->flags & WS_TF_ELLIPSIS) ||
		 (tok(c, l)->flags & WS_TF_ABBREV));
}

void ws_attribute(struct ws_doc *d)
{
	struct actx c;
	memset(&c, 0, sizeof(c));
	c.d = d;
	c.ntok = d->tk.tok.n;
	c.last_speaker = -1;
	find_names(d, &c.nm);
	size_t n = c.ntok;
	c.cue_used = ws_xcalloc(n + 1, 1);
	c.claimed = ws_xcalloc(d->quotes.n + 1, 1);
	c.lookup_end = ws_xcalloc(n / 64 + 1, sizeof(uint64_t));
	ws_tokmap_init(&c.cue_map, n + 1);
	ws_tokmap_init(&c.title_map, n + 1);
	ws_tokmap_init(&c.qopen_map, n + 1);
	ws_tokmap_init(&c.qclose_map, n + 1);
	ws_tokmap_init(&c.lookup_map, n + 1);
	/* the lookups come first in d->gaz, sorted by first token */
	while (c.nlookups < d->gaz.n && d->gaz.v[c.nlookups].type == c.nm.lookup)
		c.nlookups++;
	for (size_t k = 0; k < c.nlookups; k++) {
		const struct ws_annot *a = &d->gaz.v[k];
		if (k == 0 || a->first != d->gaz.v[k - 1].first)
			ws_tokmap_set(&c.lookup_map, a->first, (int32_t)k);
		if (a->last <= n)
			c.lookup_end[a->last >> 6] |= 1ULL << (a->last & 63);
		if (ws_annot_get(a, c.nm.major) != c.nm.cue)
			continue;
		/* the longest cue at a token: lookups come by first token */
		struct ws_tokmap *m = &c.cue_map;
		if (m->n && m->key[m->n - 1] == a->first) {
			if (d->gaz.v[m->val[m->n - 1]].last < a->last)
				m->val[m->n - 1] = (int32_t)k;
		} else {
			ws_tokmap_set(m, a->first, (int32_t)k);
		}
	}
	for (size_t k = c.nlookups; k < d->gaz.n; k++)
		if (d->gaz.v[k].type == c.nm.ptitle && d->gaz.v[k].last > 0)
			ws_tokmap_set(&c.title_map, d->gaz.v[k].last - 1, (int32_t)k);
	for (size_t qi = 0; qi < d->quotes.n; qi++) {
		const struct ws_qspan *q = &d->quotes.v[qi];
		if (q->depth != 0)
			continue;
		ws_tokmap_set(&c.qopen_map, q->open_tok, (int32_t)qi);
		ws_tokmap_set(&c.qclose_map, q->close_tok, (int32_t)qi);
	}
	ws_tokmap_finish(&c.cue_map);
	ws_tokmap_finish(&c.title_map);
	ws_tokmap_finish(&c.qopen_map);
	ws_tokmap_finish(&c.qclose_map);
	ws_tokmap_finish(&c.lookup_map);
	/* the cues, in text order; a cue inside a quote reports the quote's
	 * own speech, not the article's */
	int32_t inquote = -1;
	int in_heading = 0;
	for (size_t i = 0; i < n; i++) {
		if (inquote >= 0 && i > d->quotes.v[inquote].close_tok)
			inquote = -1;
		if ((tok(&c, i)->flags & WS_TF_PARA_START) && inquote < 0) {
			size_t next = label_at(&c, i);
			if (next) {
				i = next - 1;
				continue;
			}
			in_heading = is_heading(&c, tok(&c, i)->para);
			if ((next = headline_at(&c, i))) {
				i = next - 1;
				continue;
			}
		}
		if (in_heading)
			continue;
		int32_t q = QUOTE_OPEN(&c, i);
		if (q >= 0 && inquote < 0)
			inquote = q;
		if (inquote >= 0) {	/* nothing inside: on past the quote */
			if (d->quotes.v[inquote].close_tok > i)
				i = d->quotes.v[inquote].close_tok;
			continue;
		}
		if (CUE_AT(&c, i) < 0 || c.cue_used[i])
			continue;
		frame_at(&c, i);
	}
	sort_statements(d);
	ws_mentions_sort(d);
	nominal_cues(&c);
	sort_statements(d);
	ws_mentions_sort(d);
	loose_quotes(&c);
	sort_statements(d);
	ws_mentions_sort(d);
	unknown_speakers(&c);
	ws_entities_compact(d);
	/* every row carries its entity's final type */
	for (size_t i = 0; i < d->stmts.n; i++) {
		struct ws_statement *s = &d->stmts.v[i];
		if (s->entity >= 0)
			s->speaker_type = d->ents.v[s->entity].type;
	}
	ws_tokmap_free(&c.cue_map);
	ws_tokmap_free(&c.title_map);
	ws_tokmap_free(&c.qopen_map);
	ws_tokmap_free(&c.qclose_map);
	ws_tokmap_free(&c.lookup_map);
	free(c.cue_used);
	free(c.claimed);
	free(c.lookup_end);
}
