/* Attribution's quote and paragraph sieves (see attrib_int.h): quotes no
 * frame claimed (colon lead-ins, continuations, the fallback), and
 * paragraphs that open with a speaker's label or a headline's speaker. */
#include "attrib_int.h"
#include "entities.h"

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
size_t tok_at_byte(const struct actx *c, uint32_t off)
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
	size_t lo = ws_mention_from(d, off);
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

void loose_quotes(struct actx *c)
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

/* A word of rules/label-words.txt, compared in ASCII lower case; as the
 * label's last word only those marked "last" count. */
static int label_word(struct actx *c, size_t k, int last)
{
	char low[32];
	const char *w = tok_text(c, k);
	size_t n = tok_len(c, k);
	if (n >= sizeof(low))
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	const struct ws_word *lw = ws_wordlist_get(c->d->eng->labels, low, n);
	return lw && (!last || (lw->nf && strcmp(lw->f[0], "last") == 0));
}

/* A transcript's speaker label in capitals ("JAKE TAPPER:", "SEN. JO
 * ROE:"): a person, unless a word of it is a place, an organisation or a
 * group the lists know ("CROWD:", "CNN:"). */
static int transcript_name(const struct actx *c, size_t first, size_t end)
{
	if (end - first > 4)
		return 0;
	int words = 0;
	for (size_t k = first; k < end; k++) {
		const struct ws_token *t = tok(c, k);
		if (t->kind != WS_TOK_WORD)
			continue;
		if (t->shape != WS_SHAPE_UPPER && t->shape != WS_SHAPE_INITIAL)
			return 0;
		if (lookup_at(c, k, 0, c->nm.place, NULL) || lookup_at(c, k, 0, c->nm.org, NULL) ||
		    lookup_at(c, k, 0, c->nm.person, c->nm.group))
			return 0;
		words += t->shape == WS_SHAPE_UPPER && tok_len(c, k) > 1;
	}
	return words > 0;
}

/* An interview's label "Q", a capital letter alone: the one asking. */
static int q_label(const struct actx *c, size_t k)
{
	return tok_len(c, k) == 1 && tok_text(c, k)[0] == 'Q';
}

/* "JOEL BENENSON: This is a man who ...", "Cruz: Trump Would Put Liberals
 * On Court", "Rep. Trey Gowdy (R-S.C.):" then a quoted paragraph: a name
 * and a colon open the paragraph, and the rest of it (or the next
 * paragraph, when it is a quote) is what the name said. Returns the token
 * after the statement, or 0 when the paragraph is no such line. */
size_t label_at(struct actx *c, size_t first)
{
	const struct ws_range *p = &c->d->tk.para.v[tok(c, first)->para];
	/* a transcript quoted paragraph by paragraph, each opening with a
	 * quote mark ("WALLACE: ..." then "PENCE: ..."): the label in capitals
	 * follows the mark */
	int quoted = 0;
	if ((tok(c, first)->kind == WS_TOK_QUOTE_OPEN || tok(c, first)->kind == WS_TOK_QUOTE_AMBIG) &&
	    first + 2 < p->last && tok(c, first + 1)->kind == WS_TOK_WORD &&
	    tok(c, first + 1)->shape == WS_SHAPE_UPPER && tok_len(c, first + 1) > 1) {
		first++;
		quoted = 1;
	}
	/* the label's colon is one of its first ten tokens: most paragraphs
	 * have none there, and that is the cheap question */
	size_t lim = first + 10 < p->last ? first + 10 : p->last, colon = first;
	while (colon < lim && !is_punct(c, colon, ":"))
		colon++;
	if (colon == lim)
		return 0;
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
	    !is_cap(c, first) || (quoted && !transcript_name(c, first, mend)))
		return 0;
	/* an interview's "Q:" is the one asking; an answer ("A:") is left to
	 * the statements inside it, which gold data annotates one by one */
	int q = mend == first + 1 && q_label(c, first);
	/* "UPDATE:", "Photo:", "Video Transcript:", "WASHINGTON:" label no one,
	 * nor does a caption's credit ("Staff Photo:", "Belle Image:") */
	if ((!q && label_word(c, first, 0)) || (mend > first + 1 && label_word(c, mend - 1, 1)) ||
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
	/* a quoted transcript line is the label's words as said; the mark
	 * that closes the last line is no part of them */
	if (quoted && t1 - t0 >= 2 && (tok(c, t1 - 1)->kind == WS_TOK_QUOTE_CLOSE ||
				       tok(c, t1 - 1)->kind == WS_TOK_QUOTE_AMBIG))
		t1--;
	struct content ct;
	fill_content(c, t0, t1, &ct);
	ct.joined = quoted;
	struct speaker sp = no_speaker(S_SUBJECT);
	sp.m0 = (uint32_t)first;
	sp.m1 = (uint32_t)mend;
	int32_t e = ws_entity_at(c->d, (uint32_t)first, (uint32_t)mend);
	if (e < 0 && (mend > first + 1 || tok_len(c, first) > 1 || q))
		e = fallback_entity(c->d, first, mend);
	if (e >= 0 && c->d->ents.v[e].type == WS_SP_UNKNOWN && (q || transcript_name(c, first, mend)))
		c->d->ents.v[e].type = WS_SP_PERSON;
	set_entity(c, &sp, e, S_LABEL);
	if (overlaps_statement(c, ct.span))
		return 0;
	add_statement(c, &ct, &sp, NULL, k, k + 1);
	return t1;
}

/* "Clinton Says Russians Hacked DNC": a headline that opens with a name and
 * a verb of saying (in any case) reports what the rest of it says. Returns
 * the token after the headline, or 0. */
size_t headline_at(struct actx *c, size_t first)
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
int is_heading(const struct actx *c, uint32_t para)
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
