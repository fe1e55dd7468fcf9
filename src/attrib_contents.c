/* Attribution's contents (see attrib_int.h): what a cue reports, after it
 * (to the clause's end, past recipients and times) or before it (back to
 * the sentence's start), and whether a span reads as a clause. */
#include "attrib_int.h"

#include <string.h>

/* Past the recipient of "told reporters", "assured voters", "told The
 * Huffington Post", "told him": where what was told begins. */
size_t skip_recipient(const struct actx *c, const struct ws_annot *cue, size_t t)
{
	static const char *const objects[] = { "me", "him", "her", "us", "them", "you", NULL };
	if (!cue || cue_feats(c, cue)->object != c->nm.recipient || t >= c->ntok)
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
	if (k >= c->ntok || !name_word(c, k) || time_at(c, k))
		return t;
	while (k < c->ntok && same_sent(c, t, k) &&
	       ((name_word(c, k) && !time_at(c, k)) ||
		(k + 1 < c->ntok && (lower_is(c, k, "of") || is_punct(c, k, "&")) && name_word(c, k + 1))))
		k++;
	return k;
}

/* The last token of the sentence's content: without the final full stop. */
size_t sentence_content_end(const struct actx *c, size_t s)
{
	const struct ws_range *r = &c->d->tk.sent.v[tok(c, s)->sent];
	size_t e = r->last;
	while (e > r->first + 1 && tok(c, e - 1)->kind == WS_TOK_PUNCT &&
	       (is_punct(c, e - 1, ".") || is_punct(c, e - 1, ";") ||
		(tok(c, e - 1)->flags & WS_TF_ELLIPSIS)))
		e--;
	return e;
}

void fill_content(const struct actx *c, size_t t0, size_t t1, struct content *ct)
{
	ct->span.start = tok(c, t0)->start;
	ct->span.end = tok(c, t1 - 1)->end;
	ct->t0 = t0;
	ct->t1 = t1;
	ct->quote = -1;
	ct->has_quote = 0;
	ct->joined = 0;
	for (size_t i = QUOTE_NEXT(c, t0, t1); i < t1; i = QUOTE_NEXT(c, i + 1, t1)) {
		const struct ws_qspan *q = &c->d->quotes.v[QUOTE_OPEN(c, i)];
		ct->has_quote = 1;
		if (q->start == ct->span.start && q->end == ct->span.end)
			ct->quote = QUOTE_OPEN(c, i);
	}
}

static const char *const time_units[] = {
	"week", "month", "year", "night", "weekend", "summer", "fall", "spring", "winter",
	"morning", "afternoon", "evening", "weeks", "months", "years", "days", "decades", NULL
};
static const char *const time_words[] = { "yesterday", "today", "tonight", NULL };

/* A relative time ending before end: "last week", "earlier this month",
 * "yesterday". Returns its first token, or end. */
size_t time_phrase_before(const struct actx *c, size_t end)
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
size_t time_phrase_after(const struct actx *c, size_t t)
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
size_t content_after_end(const struct actx *c, size_t from)
{
	size_t e = sentence_content_end(c, from);
	if (e > from + MAX_CONTENT)
		e = from + MAX_CONTENT;
	/* the next token from i + 1 on where a cue starts, from the map's
	 * bits: no test of the map per token */
	size_t cue = next_bit(c->cue_map.bits, from + 2, e);
	for (size_t i = from + 1; i + 1 < e; i++) {
		/* what follows asks for a cue after the token, a punctuation
		 * mark or "and" (three bytes): most tokens are none, and are
		 * passed over with one test of each */
		if (cue < i + 1)
			cue = next_bit(c->cue_map.bits, i + 1, e);
		if (cue != i + 1 && tok(c, i)->kind != WS_TOK_PUNCT && tok_len(c, i) != 3)
			continue;
		/* "... and said Manafort was not involved", "..., and he said":
		 * another frame of the same subject or a pronoun */
		if (CUE_AT(c, i + 1) >= 0 && tok(c, i + 1)->shape == WS_SHAPE_LOWER &&
		    !cue_feats(c, &c->d->gaz.v[CUE_AT(c, i + 1)])->ambiguous &&
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
int is_adjunct(const struct actx *c, size_t t)
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
	return time_at(c, t) != NULL;
}

/* A finite auxiliary among tokens [t0, t1): "a deal was close". */
int has_aux(const struct actx *c, size_t t0, size_t t1)
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
int finite_clause(const struct actx *c, size_t t0, size_t t1)
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
	if (t0 + 1 < t1 && QUOTE_NEXT(c, t0 + 1, t1) < t1)
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
		return tok_len(c, k) == 4 || (k > 0 && time_at(c, k - 1));
	return word_in(c, k, words) || time_at(c, k) != NULL;
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

int content_after(const struct actx *c, size_t c1, const struct ws_annot *cue,
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
	if (t > t_in && cue && QUOTE_OPEN(c, t) < 0 && is_punct(c, t_in, ",")) {
		const char *cat = cue_feats(c, cue)->category;
		if (cat && strcmp(cat, "neutral") != 0 && strcmp(cat, "assertive") != 0)
			return 0;
	}
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
	int infinitive = cue && lower_is(c, t, "to") &&
			 (cue_feats(c, cue)->infinitive || cue_feats(c, cue)->nonresponse) &&
			 t + 1 < e && tok(c, t + 1)->shape == WS_SHAPE_LOWER &&
			 !is_determiner(c, t + 1) && !pronoun_at(c, t + 1);
	/* "said Tuesday his actions are lawful", "said on Monday the deal
	 * was close": past a time, a clause needs no "that" */
	size_t tt = t;
	if (lower_is(c, tt, "on") || lower_is(c, tt, "last") || lower_is(c, tt, "this"))
		tt++;
	const struct ws_annot *tm = tt < e ? time_at(c, tt) : NULL;
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
	/* "wrote in a Facebook post that ...": a cue ending in "in" or "on"
	 * is followed by where it was said */
	int venue = 0;
	if (cue && c1 > 0 && (lower_is(c, c1 - 1, "in") || lower_is(c, c1 - 1, "on")) && t == c1)
		for (size_t k = t + 1; k < e && k - t < 12 && !venue; k++)
			venue = lower_is(c, k, "that") && !is_punct(c, k - 1, ",");
	if (!infinitive && !after_that && cue && (is_adjunct(c, t) || venue)) {
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
	for (size_t k = QUOTE_NEXT(c, t, e); k < e; k = QUOTE_NEXT(c, k + 1, e)) {
		const struct ws_qspan *q = &c->d->quotes.v[QUOTE_OPEN(c, k)];
		if (q->close_tok >= e && q->close_tok - t < MAX_CONTENT &&
		    tok(c, q->close_tok)->para == tok(c, t)->para)
			e = q->close_tok + 1;
		k = q->close_tok;
	}
	/* 'called her "the champion families need," and the union hugged
	 * her': after a quote that closes with a comma, or before "while",
	 * "as", "but", the sentence goes on with the writer's words */
	for (size_t k = QUOTE_NEXT(c, t, e); k < e; k = QUOTE_NEXT(c, k + 1, e)) {
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
const char *const interjections[] = {
	"sorry", "yes", "no", "absolutely", "exactly", "sure", "right", "never", "nope",
	"yeah", "fine", "okay", "ok", "thanks", "agreed", "correct", "true", "wrong", NULL
};

/* Content before a mention starting at m0: "CONTENT, X said" or
 * "'QUOTE,' X said". The quote may start sentences earlier. */
const char *const subordinators[] = {
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
	    !time_at(c, s + 1))
		return 0;
	return !word_in(c, s, conj) && is_adjunct(c, s) && !has_aux(c, s, e);
}

size_t content_before_frame(const struct actx *c, size_t m0)
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
	if (QUOTE_CLOSE(c, t - 1) < 0 && (!is_punct(c, t - 1, ",") || t < 2))
		return 0;
	return t;
}

int content_before(const struct actx *c, size_t m0, size_t after, struct content *ct)
{
	size_t t = content_before_frame(c, m0);
	if (!t)
		return 0;
	if (QUOTE_CLOSE(c, t - 1) >= 0)
		return !title_quote(c, QUOTE_CLOSE(c, t - 1)) && quote_content(c, QUOTE_CLOSE(c, t - 1), ct);
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
