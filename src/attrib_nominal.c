/* The nominal sieve (see attrib_int.h): statements a noun reports
 * ("Trump's criticism of the deal") and the sources of polls, after the
 * frames have run. */
#include "attrib_int.h"

#include <string.h>
#include <strings.h>

/* Whether the word after i is one that may follow i's entry w of
 * rules/cue-nouns.txt (one of its prepositions, or "that"). */
static int preposition_follows(const struct actx *c, size_t i, const struct ws_word *w)
{
	const char *preps = w->f[1];
	const char *nx = tok_text(c, i + 1);
	size_t nn = tok_len(c, i + 1), found = 0;
	for (const char *p = preps; *p && !found;) {
		const char *e = strchr(p, ',');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		found = l == nn && strncasecmp(p, nx, l) == 0;
		p = e ? e + 1 : p + l;
	}
	return (int)found;
}

/* "Trump's criticism of the deal", "his support for the bill", "X
 * expressed concerns about Y", "questions about her emails": a word of
 * rules/cue-nouns.txt followed by one of its prepositions (or "that":
 * preposition_follows()). The content runs to the clause's end; the
 * speaker is the possessive before the word, the subject of a light verb
 * before it, or no one. w: the lower-case word i's entry there. Returns
 * the token after the statement, or 0. */
static size_t nominal_cue_at(struct actx *c, size_t i, const struct ws_word *w,
			     const size_t *nsorted)
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
	/* "In the poll, ..." or "Still, in the poll, ..."; not "sagged in
	 * the polls", which mostly says where, not who (asked first: most
	 * "in"s are inside a clause) */
	size_t s0 = c->d->tk.sent.v[tok(c, i)->sent].first;
	if (!(i == s0 || (i - s0 <= 3 && is_punct(c, i - 1, ",") && clause_start(c, i - 1) == s0)))
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
	if (!is_punct(c, k, ","))
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

/* The speaker of the last statement (of the first nsorted) that starts
 * before token i, for pronouns: *j and *last go along with i (which only
 * grows), caught up where a statement may be made and at the end. */
static void last_before(struct actx *c, size_t i, size_t nsorted, size_t *j, int32_t *last)
{
	for (; *j < nsorted && c->d->stmts.v[*j].span.start < tok(c, i)->start; ++*j)
		if (c->d->stmts.v[*j].entity >= 0)
			*last = c->d->stmts.v[*j].entity;
	c->last_speaker = *last;
}

void nominal_cues(struct actx *c)
{
	size_t nsorted = c->d->stmts.n, j = 0, seen = 0, qk = 0;
	int32_t last = -1;
	const struct ws_tokmap *qm = &c->qopen_map;
	size_t qnext = qm->n ? qm->key[0] : SIZE_MAX;	/* the next quote's opening */
	const struct ws_wordlist *nouns = c->d->eng->cue_nouns;
	const struct ws_wordfilter *nf = ws_wordlist_filter(nouns);
	for (size_t i = 0; i < c->ntok; i++) {
		/* what the two ask first, asked here: most tokens are neither
		 * a lower-case word nor "in" nor where a quote opens, and for
		 * them nothing happens. The quotes' openings are taken in
		 * order from the map's keys, not asked per token */
		const struct ws_token *t = tok(c, i);
		int32_t q = -1;
		if (i >= qnext) {
			while (qk < qm->n && qm->key[qk] < i)
				qk++;
			qnext = qk < qm->n ? qm->key[qk] : SIZE_MAX;
			if (qnext == i)
				q = qm->val[qk];
		}
		seen = i;
		/* nothing inside a quote: on past it (so no token inside is
		 * ever asked about, and no other quote opens there) */
		if (q >= 0) {
			if (c->d->quotes.v[q].close_tok > i)
				i = c->d->quotes.v[q].close_tok;
			continue;
		}
		/* a word of rules/cue-nouns.txt two words before the sentence
		 * ends, or an "in" (poll_source_at() asks no other word): the
		 * filter and the bytes first, the maps only for what they
		 * let through */
		size_t len = t->end - t->start;
		const char *w = c->text + t->start;
		int noun = t->kind == WS_TOK_WORD && t->shape == WS_SHAPE_LOWER && nf &&
			   ws_wordfilter_may_hold(nf, w, len) && i + 2 < c->ntok && same_sent(c, i, i + 2);
		int in = len == 2 && (w[0] | 0x20) == 'i' && (w[1] | 0x20) == 'n';
		if (!noun && !in)
			continue;
		if (c->cue_used[i] || CUE_AT(c, i) >= 0)
			continue;
		size_t next = 0;
		if (noun) {
			const struct ws_word *wd = ws_wordlist_get(nouns, w, len);
			if (wd && preposition_follows(c, i, wd)) {
				last_before(c, i, nsorted, &j, &last);
				next = nominal_cue_at(c, i, wd, &nsorted);
			}
		}
		if (!next && in)
			next = poll_source_at(c, i, nsorted);	/* (no pronoun in it) */
		if (next)
			i = next - 1;
	}
	if (c->ntok)
		last_before(c, seen, nsorted, &j, &last);
}
