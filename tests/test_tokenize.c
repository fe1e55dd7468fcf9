/* The tokenizer and segmentation, on the hard cases of news text. Views:
 * tokens separated by spaces, "/" before a new sentence, "//" before a new
 * paragraph. */
#include "testutil.h"

static struct ws_engine *eng;

static void setup(void)
{
	eng = test_engine();
}

static void teardown(void)
{
	ws_engine_free(eng);
}

TestSuite(tokenize, .init = setup, .fini = teardown);

Test(tokenize, titles_do_not_end_sentences)
{
	assert_view(tok_view(eng, "Mr. Smith met Dr. Jones and Gen. Lee. They spoke."),
		    "Mr. Smith met Dr. Jones and Gen. Lee . / They spoke .");
	assert_view(tok_view(eng, "Sen. Warren and Gov. Brown met St. Peter."),
		    "Sen. Warren and Gov. Brown met St. Peter .");
}

Test(tokenize, initials_stay_in_the_name)
{
	assert_view(tok_view(eng, "George W. Bush spoke. He left."),
		    "George W. Bush spoke . / He left .");
}

Test(tokenize, acronyms_and_abbreviations)
{
	assert_view(tok_view(eng, "The U.S. Senate voted. The U.N. did not."),
		    "The U.S. Senate voted . / The U.N. did not .");
	assert_view(tok_view(eng, "He lives in the U.S. The rest stayed."),
		    "He lives in the U.S. / The rest stayed .");
	assert_view(tok_view(eng, "Apple Inc. said so at 5 p.m. on Sept. 19."),
		    "Apple Inc. said so at 5 p.m. on Sept. 19 .");
	assert_view(tok_view(eng, "It was No. 1 in Jan. 2016."),
		    "It was No. 1 in Jan. 2016 .");
	assert_view(tok_view(eng, "He said no. Then he left."),
		    "He said no . / Then he left .");
}

Test(tokenize, decimals_times_and_thousands)
{
	assert_view(tok_view(eng, "It rose 3.5 percent to 1,000 at 10:30 today."),
		    "It rose 3.5 percent to 1,000 at 10:30 today .");
}

Test(tokenize, ellipses)
{
	assert_view(tok_view(eng, "We will see... maybe. Wait… And then."),
		    "We will see ... maybe . / Wait … / And then .");
}

Test(tokenize, closing_quote_after_the_period_stays_in_the_sentence)
{
	assert_view(tok_view(eng, "He said, \"I will go.\" Then he left."),
		    "He said , \" I will go . \" / Then he left .");
	assert_view(tok_view(eng, "“Why?” he asked."), "“ Why ? ” he asked .");
}

Test(tokenize, apostrophes_are_not_quote_marks)
{
	assert_view(tok_view(eng, "don’t the nations’ interests in the ’90s O'Brien's"),
		    "don’t the nations’ interests in the ’90s O'Brien's");
	struct ws_tokens t = { 0 };
	const char *s = "the nations’ interests";
	ws_tokenize(&eng->seg, s, strlen(s), &t);
	for (size_t i = 0; i < t.tok.n; i++)
		cr_assert_eq(t.tok.v[i].kind, WS_TOK_WORD);
	ws_tokens_release(&t);
}

Test(tokenize, hyphenated_words_and_dashes)
{
	assert_view(tok_view(eng, "US-led raid on al-Assad — the 2015-16 season -- over"),
		    "US-led raid on al-Assad — the 2015-16 season -- over");
	struct ws_tokens t = { 0 };
	const char *s = "a — b";
	ws_tokenize(&eng->seg, s, strlen(s), &t);
	cr_assert_eq(t.tok.v[1].kind, WS_TOK_DASH);
	ws_tokens_release(&t);
}

Test(tokenize, soft_hyphen_and_nbsp)
{
	/* a soft hyphen inside a word keeps it one token; NBSP separates */
	assert_view(tok_view(eng, "inter\xC2\xADnational\xC2\xA0news"),
		    "inter\xC2\xADnational news");
}

/* Every token's sentence and paragraph indices name the sentence and the
 * paragraph whose ranges hold it, and both tile the tokens; reused token
 * sets start afresh. */
static void assert_sentences_tile(const struct ws_tokens *t)
{
	uint32_t pnext = 0;
	for (size_t k = 0; k < t->para.n; k++) {
		const struct ws_range *r = &t->para.v[k];
		cr_assert_eq(r->first, pnext, "paragraph %zu", k);
		cr_assert_lt(r->first, r->last, "paragraph %zu", k);
		for (uint32_t i = r->first; i < r->last; i++)
			cr_assert_eq(t->tok.v[i].para, k, "token %u", i);
		pnext = r->last;
	}
	cr_assert_eq(pnext, t->tok.n);
	uint32_t next = 0;
	for (size_t k = 0; k < t->sent.n; k++) {
		const struct ws_range *r = &t->sent.v[k];
		cr_assert_eq(r->first, next, "sentence %zu", k);
		cr_assert_lt(r->first, r->last, "sentence %zu", k);
		cr_assert_eq(r->start, t->tok.v[r->first].start, "sentence %zu", k);
		cr_assert_eq(r->end, t->tok.v[r->last - 1].end, "sentence %zu", k);
		for (uint32_t i = r->first; i < r->last; i++)
			cr_assert_eq(t->tok.v[i].sent, k, "token %u", i);
		next = r->last;
	}
	cr_assert_eq(next, t->tok.n);
}

Test(tokenize, paragraphs_by_blank_lines_with_crlf_and_cr)
{
	assert_view(tok_view(eng, "One line\r\nstill one.\r\n\r\nTwo."),
		    "One line still one . // Two .");
	assert_view(tok_view(eng, "One line\rstill one.\r\rTwo."),
		    "One line still one . // Two .");
	assert_view(tok_view(eng, "Go.\n \t\nStop."), "Go . // Stop .");
	assert_view(tok_view(eng, "Plan A.\n\nPlan B."), "Plan A . // Plan B .");
	struct ws_tokens t = { 0 };
	const char *text = "Go. Now.\n\nStop here. And there.\n\n\nLast";
	cr_assert_eq(ws_tokenize(&eng->seg, text, strlen(text), &t), 0);
	cr_assert_eq(t.para.n, 3);
	assert_sentences_tile(&t);
	ws_tokens_release(&t);
}

Test(tokenize, one_paragraph_per_line_without_blank_lines)
{
	assert_view(tok_view(eng, "Headline here\nFirst para.\nSecond para."),
		    "Headline here // First para . // Second para .");
}

Test(tokenize, bom_is_skipped_and_offsets_count_it)
{
	struct ws_tokens t = { 0 };
	const char *s = "\xEF\xBB\xBFHello";
	ws_tokenize(&eng->seg, s, strlen(s), &t);
	cr_assert_eq(t.tok.n, 1);
	cr_assert_eq(t.tok.v[0].start, 3);
	cr_assert_eq(t.tok.v[0].end, 8);
	ws_tokens_release(&t);
}

Test(tokenize, invalid_bytes_never_shift_offsets)
{
	struct ws_tokens t = { 0 };
	const char *s = "caf\xE9 \xFF\xFE ok";
	ws_tokenize(&eng->seg, s, strlen(s), &t);
	/* "caf", the invalid byte, the invalid pair, "ok" */
	cr_assert_eq(t.tok.n, 4);
	cr_assert_eq(t.tok.v[1].kind, WS_TOK_UNKNOWN);
	cr_assert_eq(t.tok.v[1].start, 3);
	cr_assert_eq(t.tok.v[2].start, 5);
	cr_assert_eq(t.tok.v[2].end, 7);
	cr_assert_eq(t.tok.v[3].start, 8);
	ws_tokens_release(&t);
}

Test(tokenize, kinds_and_shapes)
{
	struct ws_tokens t = { 0 };
	const char *s = "NATO Paris paris al-Assad W. U.S. 42 3.5 2nd “";
	ws_tokenize(&eng->seg, s, strlen(s), &t);
	cr_assert_eq(t.tok.n, 10);
	enum ws_shape want[] = { WS_SHAPE_UPPER, WS_SHAPE_CAP, WS_SHAPE_LOWER, WS_SHAPE_MIXED,
				 WS_SHAPE_INITIAL, WS_SHAPE_ACRONYM, WS_SHAPE_DIGITS,
				 WS_SHAPE_NUMBER, WS_SHAPE_ALNUM, WS_SHAPE_PUNCT };
	for (size_t i = 0; i < 10; i++)
		cr_assert_eq(t.tok.v[i].shape, want[i], "token %zu shape %s", i,
			     ws_shape_name(t.tok.v[i].shape));
	cr_assert_eq(t.tok.v[6].kind, WS_TOK_NUMBER);
	cr_assert_eq(t.tok.v[9].kind, WS_TOK_QUOTE_OPEN);
	cr_assert_str_eq(ws_shape_name(WS_SHAPE_CAP), "Xxxx");
	ws_tokens_release(&t);
}

Test(tokenize, straight_quotes_get_a_direction_from_context)
{
	struct ws_tokens t = { 0 };
	const char *s = "He said \"no way\" today.";
	ws_tokenize(&eng->seg, s, strlen(s), &t);
	cr_assert_eq(t.tok.v[2].kind, WS_TOK_QUOTE_OPEN);
	cr_assert_eq(t.tok.v[5].kind, WS_TOK_QUOTE_CLOSE);
	ws_tokens_release(&t);
}

Test(tokenize, doubled_backticks_and_apostrophes)
{
	struct ws_tokens t = { 0 };
	const char *s = "``Yes,'' he said.";
	ws_tokenize(&eng->seg, s, strlen(s), &t);
	cr_assert_eq(t.tok.v[0].kind, WS_TOK_QUOTE_OPEN);
	cr_assert_eq(t.tok.v[0].end, 2);
	cr_assert_eq(t.tok.v[3].kind, WS_TOK_QUOTE_CLOSE);
	cr_assert_eq(t.tok.v[3].end - t.tok.v[3].start, 2);
	ws_tokens_release(&t);
}

/* The letters of a word are read two at a time up to a byte that is no
 * letter; at the text's end there may be none, and the bytes past it
 * (here more letters) must not be read into the last word. */
Test(tokenize, words_end_at_the_texts_end)
{
	const char *buf = "said Smith and MacLeod, ABCDEFGHIJ kLmNoPqRsT";
	size_t full = strlen(buf);
	for (size_t len = 1; len <= full; len++) {
		struct ws_tokens t = { 0 };
		cr_assert_eq(ws_tokenize(&eng->seg, buf, len, &t), 0);
		cr_assert(t.tok.n > 0);
		const struct ws_token *last = &t.tok.v[t.tok.n - 1];
		cr_assert_leq(last->end, len, "len %zu", len);
		/* the last token runs to the end unless the text ends in a space */
		if (buf[len - 1] != ' ')
			cr_assert_eq(last->end, len, "len %zu", len);
		/* and is what the whole text tokenizes to there */
		struct ws_tokens w = { 0 };
		cr_assert_eq(ws_tokenize(&eng->seg, buf, full, &w), 0);
		for (size_t i = 0; i + 1 < t.tok.n; i++) {
			cr_assert_eq(t.tok.v[i].start, w.tok.v[i].start, "len %zu token %zu", len, i);
			cr_assert_eq(t.tok.v[i].end, w.tok.v[i].end, "len %zu token %zu", len, i);
			cr_assert_eq(t.tok.v[i].shape, w.tok.v[i].shape, "len %zu token %zu", len, i);
		}
		ws_tokens_release(&t);
		ws_tokens_release(&w);
	}
	/* shapes of words that end the text, odd and even lengths */
	static const struct { const char *text; enum ws_shape shape; } ends[] = {
		{ "x A", WS_SHAPE_CAP }, { "x AB", WS_SHAPE_UPPER }, { "x ABC", WS_SHAPE_UPPER },
		{ "x Ab", WS_SHAPE_CAP }, { "x Abc", WS_SHAPE_CAP }, { "x aB", WS_SHAPE_MIXED },
		{ "x abC", WS_SHAPE_MIXED }, { "x ab", WS_SHAPE_LOWER }, { "x abc", WS_SHAPE_LOWER },
		{ "x McCain", WS_SHAPE_CAP },
	};
	for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++) {
		struct ws_tokens t = { 0 };
		cr_assert_eq(ws_tokenize(&eng->seg, ends[k].text, strlen(ends[k].text), &t), 0);
		cr_assert_eq(t.tok.n, 2, "%s", ends[k].text);
		cr_assert_eq(t.tok.v[1].shape, ends[k].shape, "%s: %s", ends[k].text,
			     ws_shape_name(t.tok.v[1].shape));
		ws_tokens_release(&t);
	}
}

Test(tokenize, exclamations_questions_and_sentence_indices)
{
	const char *text = "Stop! Who goes there?? Me... Really.\n\nNew para. (Aside.) \"Yes!\" "
			   "he said. Mr. Lee left at 5 p.m. Then";
	assert_view(tok_view(eng, text),
		    "Stop ! / Who goes there ?? / Me ... / Really . // New para . / ( Aside . ) "
		    "/ \" Yes ! \" he said . / Mr. Lee left at 5 p.m. / Then");
	struct ws_tokens t = { 0 };
	cr_assert_eq(ws_tokenize(&eng->seg, text, strlen(text), &t), 0);
	cr_assert_eq(t.sent.n, 9);
	assert_sentences_tile(&t);
	const char *two = "One. Two! Three? Four";
	cr_assert_eq(ws_tokenize(&eng->seg, two, strlen(two), &t), 0);
	cr_assert_eq(t.sent.n, 4);
	assert_sentences_tile(&t);
	ws_tokens_release(&t);
}

/* Which tokens have white space before them: after a word and one space,
 * several, a tab or a line break, and none after a word or a mark. */
Test(tokenize, space_before_tokens)
{
	const char *text = "He said,  \"yes\"\tto ABC-TV's\nreporter (Jo)";
	static const struct { const char *tok; int space; } want[] = {
		{ "He", 1 }, { "said", 1 }, { ",", 0 }, { "\"", 1 }, { "yes", 0 }, { "\"", 0 },
		{ "to", 1 }, { "ABC-TV's", 1 }, { "reporter", 1 }, { "(", 1 }, { "Jo", 0 },
		{ ")", 0 },
	};
	struct ws_tokens t = { 0 };
	cr_assert_eq(ws_tokenize(&eng->seg, text, strlen(text), &t), 0);
	cr_assert_eq(t.tok.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < t.tok.n; i++) {
		const struct ws_token *k = &t.tok.v[i];
		cr_assert_eq(k->end - k->start, strlen(want[i].tok), "token %zu", i);
		cr_assert(memcmp(text + k->start, want[i].tok, k->end - k->start) == 0, "token %zu", i);
		if (i)	/* the first token starts a line, which counts as space */
			cr_assert_eq(!!(k->flags & WS_TF_SPACE_BEFORE), want[i].space, "token %zu", i);
	}
	cr_assert(t.tok.v[8].flags & WS_TF_NL_BEFORE);
	ws_tokens_release(&t);
}

/* Tokens as "text=k/shape/abbrev", k the kind's first letter. */
static char *kind_view(const char *text)
{
	struct ws_tokens t = { 0 };
	cr_assert_eq(ws_tokenize(&eng->seg, text, strlen(text), &t), 0);
	struct ws_buf b = WS_BUF_INIT;
	for (size_t i = 0; i < t.tok.n; i++) {
		const struct ws_token *k = &t.tok.v[i];
		ws_buf_addf(&b, "%s%.*s=%c/%s/%u", i ? " " : "", (int)(k->end - k->start),
			    text + k->start, ws_tok_kind_name(k->kind)[0], ws_shape_name(k->shape),
			    k->abbrev);
	}
	ws_tokens_release(&t);
	ws_buf_grow(&b, 0);
	return b.data;
}

/* Numbers and words before a period, which the tokenizer's fast ways
 * take when nothing after them can continue them: the same tokens as the
 * general way makes. */
Test(tokenize, numbers_and_words_before_periods)
{
	assert_view(kind_view("In 2004, 12 of 15:30 and 1,5 or 7: 9 (42) 3% 10.5 2nd 5\u00bc 7&8 "
			      "No. 5 at 3. Then 1999... done"),
		    "In=w/Xxxx/0 2004=n/dd/0 ,=p/./0 12=n/dd/0 of=w/xxxx/0 15:30=n/d.d/0 "
		    "and=w/xxxx/0 1,5=n/d.d/0 or=w/xxxx/0 7=n/dd/0 :=p/./0 9=n/dd/0 (=p/./0 "
		    "42=n/dd/0 )=p/./0 3=n/dd/0 %=p/./0 10.5=n/d.d/0 2nd=w/dx/0 5=n/dd/0 "
		    "\u00bc=p/./0 7=n/dd/0 &=p/./0 8=n/dd/0 No.=w/Xxxx/4 5=n/dd/0 at=w/xxxx/0 "
		    "3=n/dd/0 .=p/./0 Then=w/Xxxx/0 1999=n/dd/0 ...=p/./0 done=w/xxxx/0");
	assert_view(kind_view("He met Gov. Brown and Mr. Smith. Apple Inc. rose. It was Jan. "
			      "2016. She said no. Then he left... Really. Dr. No. 1 hit. Stop.. ok. "
			      "THE END. Corp.'s pick."),
		    "He=w/Xxxx/0 met=w/xxxx/0 Gov.=w/Xxxx/1 Brown=w/Xxxx/0 and=w/xxxx/0 "
		    "Mr.=w/Xxxx/1 Smith=w/Xxxx/0 .=p/./0 Apple=w/Xxxx/0 Inc.=w/Xxxx/5 "
		    "rose=w/xxxx/0 .=p/./0 It=w/Xxxx/0 was=w/xxxx/0 Jan.=w/Xxxx/3 2016=n/dd/0 "
		    ".=p/./0 She=w/Xxxx/0 said=w/xxxx/0 no=w/xxxx/0 .=p/./0 Then=w/Xxxx/0 "
		    "he=w/xxxx/0 left=w/xxxx/0 ...=p/./0 Really=w/Xxxx/0 .=p/./0 Dr.=w/Xxxx/1 "
		    "No.=w/Xxxx/4 1=n/dd/0 hit=w/xxxx/0 .=p/./0 Stop=w/Xxxx/0 .=p/./0 .=p/./0 "
		    "ok=w/xxxx/0 .=p/./0 THE=w/XXXX/0 END=w/XXXX/0 .=p/./0 Corp.=w/Xxxx/5 "
		    "'=q/./0 s=w/xxxx/0 pick=w/xxxx/0 .=p/./0");
}

/* An abbreviation after a hyphen is looked up by its last part, which
 * the general way does for words with hyphens; the fast way's words of
 * letters have none. */
Test(tokenize, abbreviations_after_hyphens)
{
	assert_view(kind_view("then-Sen. Smith (I-Vt.) and Sen. Lee. Ex-Gov. Brown"),
		    "then-Sen.=w/xX/1 Smith=w/Xxxx/0 (=p/./0 I-Vt.=w/Xxxx/5 )=p/./0 "
		    "and=w/xxxx/0 Sen.=w/Xxxx/1 Lee=w/Xxxx/0 .=p/./0 Ex-Gov.=w/Xxxx/1 "
		    "Brown=w/Xxxx/0");
}

/* Every ASCII byte the character classes call punctuation, doubled between
 * two words: one token a byte, as the fast way makes them, but for ! and ?,
 * which group, and `, whose pair is an opening quote. */
Test(tokenize, doubled_ascii_punctuation)
{
	for (unsigned c = 1; c < 128; c++) {
		if (ws_ascii_class[c] != WS_C_OTHER)
			continue;
		char text[8];
		int n = snprintf(text, sizeof(text), "x%c%cx", c, c);
		struct ws_tokens t = { 0 };
		cr_assert_eq(ws_tokenize(&eng->seg, text, (size_t)n, &t), 0);
		int grouped = c == '!' || c == '?' || c == '`';
		cr_assert_eq(t.tok.n, grouped ? 3 : 4, "byte 0x%02x", c);
		cr_assert_eq(t.tok.v[1].end - t.tok.v[1].start, grouped ? 2 : 1, "byte 0x%02x", c);
		cr_assert_eq(t.tok.v[1].kind, c == '`' ? WS_TOK_QUOTE_OPEN : WS_TOK_PUNCT,
			     "byte 0x%02x", c);
		ws_tokens_release(&t);
	}
}

/* Words one space apart, which the fast way takes one after another
 * without a round of the main loop: each starts where its first letter
 * is, with its own shape and a space before it, up to the text's end. */
Test(tokenize, words_one_space_apart)
{
	const char *text = "Alpha beta GAMMA dEltA e F gh iJ, K Mr. Lee ab (cd) x  y ef";
	assert_view(kind_view(text),
		    "Alpha=w/Xxxx/0 beta=w/xxxx/0 GAMMA=w/XXXX/0 dEltA=w/xX/0 e=w/xxxx/0 "
		    "F=w/Xxxx/0 gh=w/xxxx/0 iJ=w/xX/0 ,=p/./0 K=w/Xxxx/0 Mr.=w/Xxxx/1 "
		    "Lee=w/Xxxx/0 ab=w/xxxx/0 (=p/./0 cd=w/xxxx/0 )=p/./0 x=w/xxxx/0 "
		    "y=w/xxxx/0 ef=w/xxxx/0");
	struct ws_tokens t = { 0 };
	cr_assert_eq(ws_tokenize(&eng->seg, text, strlen(text), &t), 0);
	for (size_t i = 1; i < t.tok.n; i++) {
		const struct ws_token *k = &t.tok.v[i];
		int space = text[k->start - 1] == ' ';
		cr_assert_eq(!!(k->flags & WS_TF_SPACE_BEFORE), space, "token %zu", i);
		cr_assert_eq(k->para, 0, "token %zu", i);
	}
	ws_tokens_release(&t);
}

/* Words of letters joined by apostrophes and hyphens, which the fast way
 * takes when a byte no word rule looks at follows: tokens, shapes and
 * possessives (marked ' here) as the general way makes them. */
Test(tokenize, apostrophes_and_hyphens_inside_words)
{
	const char *text = "He don't like O'Brien's US-led, year-earlier rock'n'roll ABC-TV's "
			   "show; I'm DON'T it's--a Jones' x-1 e-mail's al-Assad's";
	struct ws_tokens t = { 0 };
	cr_assert_eq(ws_tokenize(&eng->seg, text, strlen(text), &t), 0);
	struct ws_buf b = WS_BUF_INIT;
	for (size_t i = 0; i < t.tok.n; i++) {
		const struct ws_token *k = &t.tok.v[i];
		ws_buf_addf(&b, "%s%.*s=%s%s", i ? " " : "", (int)(k->end - k->start),
			    text + k->start, ws_shape_name(k->shape),
			    k->flags & WS_TF_POSSESSIVE ? "'" : "");
	}
	cr_assert_str_eq(b.data, "He=Xxxx don't=xxxx like=xxxx O'Brien's=Xxxx' US-led=Xxxx ,=. "
				 "year-earlier=xxxx rock'n'roll=xxxx ABC-TV's=Xxxx' show=xxxx ;=. "
				 "I'm=Xxxx DON'T=XXXX it's=xxxx' --=. a=xxxx Jones'=Xxxx' x-1=xxxx "
				 "e-mail's=xxxx' al-Assad's=xX'");
	ws_buf_release(&b);
	ws_tokens_release(&t);
}

/* The tokenizer marks the capitalised and mixed-case words, which the
 * entities' name passes read instead of every token: the words of each
 * way through it (plain, joined by hyphens and apostrophes, before a
 * period, an abbreviation, with bytes beyond ASCII, at the text's end),
 * and no upper-case word, initial, acronym or number; a second text in
 * the same token set keeps no mark of the first. */
/* Each token's mark in t->caps is whether it is a capitalised or
 * mixed-case word; the marks cover the tokens and no more. */
static void assert_caps_marked(const struct ws_tokens *t)
{
	cr_assert_eq(t->caps.n, (t->tok.n + 63) / 64);
	for (size_t i = 0; i < t->caps.n * 64; i++) {
		int want = i < t->tok.n && t->tok.v[i].kind == WS_TOK_WORD &&
			   (t->tok.v[i].shape == WS_SHAPE_CAP || t->tok.v[i].shape == WS_SHAPE_MIXED);
		cr_assert_eq((int)(t->caps.v[i / 64] >> (i % 64) & 1), want, "token %zu", i);
	}
}

Test(tokenize, capitalised_words_are_listed)
{
	/* first a text of more tokens than the tokenizer reserves (one in two
	 * bytes), capitalised words throughout, then one in the same token set */
	struct ws_tokens t = { 0 };
	struct ws_buf many = WS_BUF_INIT;
	for (int k = 0; k < 3000; k++)
		ws_buf_adds(&many, k % 3 ? "B " : "a ");
	cr_assert_eq(ws_tokenize(&eng->seg, many.data, many.len, &t), 0);
	cr_assert_eq(t.tok.n, 3000);
	assert_caps_marked(&t);
	const char *text = "Jo Roe met iPhone's McCain, O'Brien's US-led al-Assad Gov. Lee "
			   "and NATO in Z\u00fcrich with W. Bush, U.S. 2nd Mr. \u00c9lise said "
			   "eBay. Then Paris";
	cr_assert_eq(ws_tokenize(&eng->seg, text, strlen(text), &t), 0);
	assert_caps_marked(&t);
	struct ws_buf b = WS_BUF_INIT;
	for (size_t i = 0; i < t.tok.n; i++) {
		const struct ws_token *k = &t.tok.v[i];
		if (t.caps.v[i / 64] >> (i % 64) & 1)
			ws_buf_addf(&b, "%s%.*s", b.len ? " " : "", (int)(k->end - k->start),
				    text + k->start);
	}
	cr_assert_str_eq(b.data, "Jo Roe iPhone's McCain O'Brien's US-led al-Assad Gov. Lee "
				 "Z\u00fcrich Bush Mr. \u00c9lise eBay Then Paris");
	ws_buf_release(&b);
	ws_buf_release(&many);
	ws_tokens_release(&t);
}
