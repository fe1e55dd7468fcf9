/* Attribution's frames (see attrib.c): at a cue, a speaker on one side and
 * the content on the other, joined to the quotes around them; also
 * passives, parentheticals, participles and cues with no agent. */
#include "attrib_int.h"
#include "entities.h"

#include <string.h>

/* A verb of saying or thinking, whose content is a clause; directives,
 * accusations and denials take noun phrases ("urged talks"). */
int speech_verb(const struct actx *c, const struct ws_annot *cue)
{
	const char *cat = cue_feats(c, cue)->category;
	return !cat || streq(cat, "neutral") || streq(cat, "assertive") ||
	       streq(cat, "epistemic");
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
	/* '"Is it safe?" a reporter asked. "Yes," the mayor replied.': a
	 * quote with a frame of its own is another statement */
	for (size_t k = q->close_tok + 1; k < c->ntok && k <= q->close_tok + 8 &&
	     tok(c, k)->para == tok(c, t)->para && QUOTE_OPEN(c, k) < 0; k++) {
		if (k > q->close_tok + 1 && (tok(c, k)->flags & WS_TF_SENT_START))
			break;
		if (CUE_AT(c, k) >= 0 && tok(c, k)->shape == WS_SHAPE_LOWER &&
		    speech_verb(c, &c->d->gaz.v[CUE_AT(c, k)]))
			return;
	}
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

size_t skip_before_cue(const struct actx *c, size_t c0)
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
		} else if (k > 1 && tok(c, k)->shape == WS_SHAPE_DIGITS && tok_len(c, k) == 4 &&
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

struct speaker sentence_subject(struct actx *c, size_t t)
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
	sp.type = streq(pw->f[0], "male") || streq(pw->f[0], "female")
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
size_t clause_start(const struct actx *c, size_t t)
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
	const char *lemma = cue_feats(c, cue)->lemma;
	if (!lemma)
		return 0;
	size_t t0, t1;
	struct speaker agent = no_speaker(S_SUBJECT);
	/* (byte by byte: most lemmas differ at the first, with no call) */
	if (lemma[0] == 'a' && lemma[1] == 's' && lemma[2] == 'k' &&
	    (lemma[3] == 0 || streq(lemma, "ask about"))) {
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
	} else if (streq(lemma, "expect")) {
		/* "X is expected to ...": a form of be, the participle, "to" */
		if (!(lower_is(c, c0, "is") || lower_is(c, c0, "are") || lower_is(c, c0, "was") ||
		      lower_is(c, c0, "were")) || !lower_is(c, c1, "to") ||
		    tok(c, c1 - 1)->shape != WS_SHAPE_LOWER)
			return 0;
		t0 = clause_start(c, c0);
		t1 = sentence_content_end(c, c0);
		if (t0 >= c0 || t1 <= c1 + 1 || t1 - t0 > MAX_CONTENT)
			return 0;
	} else if (streq(lemma, "seem") || streq(lemma, "appear")) {
		/* "Trump's supporters seemed unperturbed", "X appeared to end
		 * his bid": how things seemed, to no one named; "It appears
		 * that ...": the clause. "appeared on CNN" is no such thing. */
		/* "seemed to be shrinking", "seemed like an obstacle", "seemed a
		 * reminder" are such; "appeared on CNN" is not */
		int seem = streq(lemma, "seem");
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

static int time_phrase_ago(const struct actx *c, size_t s, size_t e);

/* "This campaign, he says, is different", "Unless countries act, they
 * say, the world could suffer": a frame set off by commas inside its
 * sentence; the statement is the sentence around it. */
static int parenthetical_frame(const struct actx *c, size_t m0, size_t c1, struct content *ct)
{
	if (m0 < 3 || !is_punct(c, m0 - 1, ","))
		return 0;	/* (asked first: no comma before the speaker, mostly) */
	/* "The bridge, officials said Tuesday, is safe": past a time */
	const struct ws_annot *tm = c1 < c->ntok ? time_at(c, c1) : NULL;
	size_t rel = time_phrase_after(c, c1);
	if (tm && tm->last < c->ntok && is_punct(c, tm->last, ","))
		c1 = tm->last;
	else if (rel > c1 && is_punct(c, rel, ","))
		c1 = rel;
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
	const char *lemma = cue_feats(c, cue)->lemma;
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
	const char *lemma = cue_feats(c, cue)->lemma;
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
	/* "was charged with theft", "was allowed to", "is supposed to": an
	 * agentless passive of a word that is often no saying reports only
	 * with "that" after it */
	const char *lemma = cue_feats(c, cue)->lemma;
	if (sp.sieve == S_AGENTLESS && c1 < c->ntok && !lower_is(c, c1, "that") &&
	    (cue_feats(c, cue)->ambiguous ||
	     (lower_is(c, c1, "to") && lemma && streq(lemma, "suppose"))))
		return;
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
	if (t >= c->ntok || !same_sent(c, t - 1, t) || !is_cap(c, t) ||
	    time_at(c, t))
		return 0;	/* ("told reporters Monday." names a day) */
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
void frame_at(struct actx *c, size_t i)
{
	size_t c0, c1;
	const struct ws_annot *cue = cue_span(c, i, &c0, &c1);
	if (!cue || agentless_at(c, cue, c0, c1))
		return;
	/* "X seemed unmoved" that agentless_at did not take: how things
	 * seemed is not X's statement (right 2 times in 26 on train) */
	const char *lemma0 = cue_feats(c, cue)->lemma;
	if (lemma0 && (streq(lemma0, "seem") || streq(lemma0, "appear")))
		return;
	/* "declined to comment", "did not respond to a request for comment":
	 * the verb is the cue and the refusal is what is reported */
	if (cue_feats(c, cue)->nonresponse) {
		size_t k = c0;
		while (k < c1 && !lower_is(c, k, "to"))
			k++;
		if (k + 1 < c1)
			c1 = is_determiner(c, k + 1) ? k + 1 : k;
	}
	struct content ct;
	struct speaker sp;
	memset(&sp, 0, sizeof(sp));
	int speaker_after_cue = cue_feats(c, cue)->speaker == c->nm.after;
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
			   !(cue_feats(c, cue)->object != c->nm.recipient && name_then_stop(c, c1))) {
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
		/* "X wrote a letter congratulating ...", "X issued a statement
		 * saying ...": the object of a reporting verb that made no
		 * statement of its own is not who says what the participle
		 * reports; the sentence's subject is */
		if (sp.found && sp.m1 == end && end == c0 && tok_ends(c, c0, "ing", 5) && sp.m0 > 1 &&
		    same_sent(c, sp.m0 - 1, c0) && tok(c, sp.m0 - 1)->shape == WS_SHAPE_LOWER &&
		    CUE_AT(c, sp.m0 - 1) >= 0 && !c->cue_used[sp.m0 - 1]) {
			struct speaker subj = sentence_subject(c, c0);
			if (subj.found && subj.m1 == sp.m0 - 1)
				sp = subj;
		}
		/* "The former congressman, who led a filibuster in June,
		 * said": a description's relative clause belongs to its
		 * mention, as a name's does */
		if (named_apposition && sp.found && sp.m1 == end && sp.type == WS_SP_PERSON &&
		    (sp.sieve == S_DESCRIPTION || sp.sieve == S_NOMINAL) && lower_is(c, end + 1, "who"))
			sp.m1 = (uint32_t)named_apposition + 1;
		/* "Voters who watched the debate said": the antecedent of a
		 * relative clause with no commas speaks, and the mention
		 * holds the clause */
		size_t w = relative_before(c, end);
		if (w < end && (!sp.found || sp.m0 > w) && !cue_feats(c, cue)->ambiguous &&
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
		if (sp.found && sp.sieve == S_NOMINAL && c0 == i && cue_feats(c, cue)->ambiguous &&
		    !(c1 < c->ntok && lower_is(c, c1, "that")) &&
		    !(sp.m1 == sp.m0 + 1 && (word_in(c, sp.m0, quantifiers) || lower_is(c, sp.m0, "others"))))
			return;	/* ("strategists fear that ...", "Many fear" are verbs) */
		/* "a consulting firm called Gavekal": naming, not saying */
		const char *lemma = cue_feats(c, cue)->lemma;
		if (c0 == i && lemma && streq(lemma, "call") && naming_called(c, c0))
			return;
		if (sp.found && sp.m1 <= c0 && c1 - c0 >= 2 && passive_cue(c, cue, c0, c1)) {
			passive_frame(c, cue, sp.m0, c0, c1);
			return;
		}
		if (sp.found) {
			size_t rec = skip_recipient(c, cue, c1);	/* where what was told begins */
			if (quote_follows(c, rec) &&
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
				   lower_is(c, rec, "that") ||
				   lower_is(c, sp.m0, "who") ||	/* a relative says what follows */
				   !content_before(c, sp.m0, rec, &ct)) {
				/* "X said that ...": what follows, whatever stands before */
				/* "a poll showed a tight race": what a poll shows or
				 * finds may be a noun phrase */
				const char *lm = cue_feats(c, cue)->lemma;
				int np_ok = lm && (streq(lm, "show") || streq(lm, "find"));
				if (!content_after(c, c1, cue, speech_verb(c, cue) && !np_ok, &ct))
					return;
				/* "the two sides discussed the situation": a topic
				 * verb's noun phrase is not a statement */
				if (cue_feats(c, cue)->object == c->nm.topic &&
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
			/* CONTENT, said X: with no content that can end before
			 * the cue ("the demand for", "fears of"), and the cue not
			 * opening its sentence, no speaker after it makes one */
			if (!(tok(c, c0)->flags & WS_TF_SENT_START) && !content_before_frame(c, c0)) {
				speaker_after_effects(c, c1, S_INVERTED);
				return;
			}
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
