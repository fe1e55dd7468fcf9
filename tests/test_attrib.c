/* The first attribution path: the four plain patterns around a direct
 * quote, pronoun speakers, and what must not become a statement. */
#include "testutil.h"

TEST_DOC_SUITE(attrib);

/* Processes text and asserts that it holds n statements; returns them. */
static const struct ws_statement *statements_of(const char *text, size_t n)
{
	const struct ws_statement *st;
	cr_assert_eq(ws_doc_process(doc, text, strlen(text)), 0);
	cr_assert_eq(ws_doc_statements(doc, &st), n, "%zu statements in: %s", n, text);
	return st;
}

/* "mention=speaker/sieve" for each statement, joined by "; ". */
static char *view(const char *text)
{
	cr_assert_eq(ws_doc_process(doc, text, strlen(text)), 0);
	const struct ws_statement *st;
	const struct ws_entity *en;
	size_t n = ws_doc_statements(doc, &st);
	ws_doc_entities(doc, &en);
	struct ws_buf b = WS_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			ws_buf_adds(&b, "; ");
		ws_buf_add(&b, text + st[i].mention.start, st[i].mention.end - st[i].mention.start);
		ws_buf_addc(&b, '=');
		if (st[i].entity >= 0)
			ws_buf_add(&b, text + en[st[i].entity].name.start,
				   en[st[i].entity].name.end - en[st[i].entity].name.start);
		ws_buf_addc(&b, '/');
		ws_buf_adds(&b, st[i].sieve);
	}
	ws_buf_grow(&b, 0);
	return b.data;
}

Test(attrib, quote_then_speaker_then_cue)
{
	assert_view(view("\"We will win this fight,\" Jane Doe said."),
		    "Jane Doe=Jane Doe/explicit:subject");
}

Test(attrib, quote_then_cue_then_speaker)
{
	assert_view(view("\"We will win this fight,\" said Jane Doe on Monday."),
		    "Jane Doe=Jane Doe/explicit:inverted");
}

Test(attrib, speaker_cue_colon_quote)
{
	assert_view(view("Jane Doe said: \"We will win this fight.\""),
		    "Jane Doe=Jane Doe/lead-in");
	assert_view(view("Later, John Smith said \"we are ready to talk.\""),
		    "John Smith=John Smith/explicit:subject");
}

Test(attrib, pronoun_goes_to_the_last_named_speaker_and_surnames_cluster)
{
	const char *s = "\"First point here,\" Bashar al-Assad said.\n\n"
			"\"Second point here,\" he added.\n\n"
			"\"Third point here,\" Assad said.";
	assert_view(view(s), "Bashar al-Assad=Bashar al-Assad/explicit:subject; "
			     "he=Bashar al-Assad/pronoun; "
			     "Assad=Bashar al-Assad/explicit:subject");
	const struct ws_entity *en;
	cr_assert_eq(ws_doc_entities(doc, &en), 1);
	cr_assert_eq(en[0].type, WS_SP_PERSON);
	cr_assert_str_eq(en[0].gender, "male");
	cr_assert_eq(en[0].quotes, 3);
}

Test(attrib, scare_quotes_and_uncued_quotes_are_not_statements)
{
	/* the statement is the clause, which holds the scare-quoted word */
	assert_view(view("The so-called \"deal\" collapsed, Smith said."),
		    "Smith=Smith/explicit:subject");
	const struct ws_statement *st;
	cr_assert_eq(ws_doc_statements(doc, &st), 1);
	cr_assert_eq(st[0].type, WS_QT_MIXED);
	cr_assert_eq(st[0].span.start, 0);
	assert_view(view("The film \"Gone With the Wind\" was shown on Monday."), "");
}

Test(attrib, sentence_starter_is_not_part_of_the_name)
{
	assert_view(view("\"It was a mistake, we admit it,\" The Pentagon said."),
		    "The Pentagon=Pentagon/explicit:subject");
}

Test(attrib, refuses_non_text)
{
	cr_assert_eq(ws_doc_process(doc, "", 0), WS_ERR_EMPTY);
	cr_assert_eq(ws_doc_process(doc, " \n\t\n", 4), WS_ERR_EMPTY);
	cr_assert_eq(ws_doc_process(doc, "\xFF\xFEh\0i\0", 6), WS_ERR_ENCODING);
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
	cr_assert_eq(ws_doc_process(doc, png, sizeof(png) - 1), WS_ERR_BINARY);
	cr_assert_eq(ws_doc_process(doc, "caf\xE9 is open, \"we are here,\" Ann Lee said.", 42), 0);
}

/* The seed article (corpus/), processed into doc; free the text after. */
static char *process_seed(void)
{
	size_t n;
	char *text = ws_slurp(WS_DATADIR "/corpus/000_92eb43aadcb4a738.txt", &n);
	cr_assert_not_null(text);
	cr_assert_eq(ws_doc_process(doc, text, n), 0);
	return text;
}

/* The seed article (corpus/): the twelve statements issue 5 lists, each
 * with its type and its speaker's canonical name. */
Test(attrib, seed_article_twelve_statements)
{
	char *text = process_seed();
	static const struct { enum ws_quote_type type; const char *speaker, *starts; } want[] = {
		{ WS_QT_INDIRECT, "Hossein Jaberi Ansari", "The Islamic Republic will spare" },
		{ WS_QT_DIRECT, "Hossein Jaberi Ansari", "\"Iran is determined" },
		{ WS_QT_MIXED, "Hossein Jaberi Ansari", "\"strategic and one-of-a-kind\" relations" },
		{ WS_QT_MIXED, "Bashar al-Assad", "as a \"flagrant American aggression\" the" },
		{ WS_QT_MIXED, "Bashar al-Assad", "world powers are supporting \"terrorist" },
		{ WS_QT_INDIRECT, "Bashar al-Assad", "Syria\xE2\x80\x99s enemies are focusing" },
		{ WS_QT_DIRECT, "Bashar al-Assad", "\"Every time the Syrian state" },
		{ WS_QT_DIRECT, "Bashar al-Assad", "\"The latest example of this" },
		{ WS_QT_INDIRECT, "Pentagon", "the attack was carried out mistakenly" },
		{ WS_QT_INDIRECT, "government", "foreign-backed militants of numerous" },
		{ WS_QT_INDIRECT, "Hossein Jaberi Ansari", "the expansion of cooperation" },
		{ WS_QT_INDIRECT, "Walid al-Muallem", "regular and periodical\xC2\xA0meetings" },
	};
	const struct ws_statement *st;
	const struct ws_entity *en;
	size_t ns = ws_doc_statements(doc, &st);
	ws_doc_entities(doc, &en);
	cr_assert_eq(ns, 12, "%zu statements", ns);
	for (size_t i = 0; i < 12; i++) {
		cr_expect_eq(st[i].type, want[i].type, "statement %zu: type", i + 1);
		cr_assert_geq(st[i].entity, 0, "statement %zu: no speaker", i + 1);
		const struct ws_entity *e = &en[st[i].entity];
		size_t len = strlen(want[i].speaker);
		cr_expect(e->name.end - e->name.start == len &&
			  memcmp(text + e->name.start, want[i].speaker, len) == 0,
			  "statement %zu: speaker %.*s", i + 1, (int)(e->name.end - e->name.start),
			  text + e->name.start);
		cr_expect(strncmp(text + st[i].span.start, want[i].starts, strlen(want[i].starts)) == 0,
			  "statement %zu starts %.40s", i + 1, text + st[i].span.start);
	}
	/* "SANA reported" is the channel of statement 5, not a statement */
	for (size_t i = 0; i < ns; i++)
		cr_expect(st[i].cue.end - st[i].cue.start != 8 ||
			  memcmp(text + st[i].cue.start, "reported", 8) != 0);
	free(text);
}

Test(attrib, noun_phrase_subjects_are_nominal_speakers)
{
	assert_view(view("Some union members said they had not done enough to win."),
		    "Some union members=/nominal");
	assert_view(view("More than half of respondents in the poll said the party needs help."),
		    "More than half of respondents in the poll=/nominal");
	/* a fronted preposition is not part of the subject */
	assert_view(view("On Monday the employee said he did not recall the deletions."),
		    "the employee=/description");
	/* a verb inside is no noun phrase */
	assert_view(view("The mayor walked home and the crowd said nothing."), "");
}

Test(attrib, adverbs_and_times_between_subject_and_cue)
{
	assert_view(view("Party spokesman Sean Spicer on Thursday evening said the party was fine."),
		    "Party spokesman Sean Spicer=Sean Spicer/explicit:subject");
	assert_view(view("Jane Doe gingerly said that was a matter for the voters."),
		    "Jane Doe=Jane Doe/explicit:subject");
	assert_view(view("Jane Doe herself said the rally would go ahead."),
		    "Jane Doe=Jane Doe/explicit:subject");
}

Test(attrib, long_apposition_relative_who_and_conjoined_cue)
{
	assert_view(view("Paul Porter, a driver from Ava, Mo., who is a union member, "
			 "said he already received overtime pay."),
		    "Paul Porter=Paul Porter/explicit:subject");
	assert_view(view("The plan was backed by Sen. Mary Jones of Ohio, who said none of "
			 "the emails came from the campaign."),
		    "Sen. Mary Jones of Ohio=Mary Jones/explicit:inverted; who=Mary Jones/pronoun");
	assert_view(view("Walking to the next house, Jane Doe smiled and said their views "
			 "were changed by the war."),
		    "Jane Doe=Jane Doe/explicit:subject");
}

Test(attrib, topic_verbs_need_a_clause)
{
	assert_view(view("The two sides discussed the situation on the ground."), "");
	assert_view(view("The two sides discussed that the talks would resume."),
		    "The two sides=/nominal");
}

Test(attrib, name_and_colon_open_a_paragraph)
{
	assert_view(view("Jane Doe: We Will Win This Fight\n\n"
			 "JOHN SMITH: This is a man who never ran a negative ad.\n\n"
			 "UPDATE: The vote was moved to Friday."),
		    "Jane Doe=Jane Doe/label; JOHN SMITH=JOHN SMITH/label");
	/* the label alone, then a quoted paragraph */
	assert_view(view("Rep. Jane Doe (R-Ohio):\n\n\"I have not heard anyone cite that figure.\""),
		    "Rep. Jane Doe=Jane Doe/label");
	/* a transcript's capitals name the person the article names */
	assert_view(view("The debate began with Jane Roe on stage.\n\nROE: We will win this state."),
		    "ROE=Jane Roe/label");
	/* a caption's credit and a page's footer name no speaker; a name whose
	 * last word is a label word elsewhere ("Harbour Watch") still does */
	assert_view(view("The bridge opened on Monday.\n\nStaff Photo: Anna Berg.\n\n"
			 "Story Categories: Local news, Transport, Weather"), "");
	assert_view(view("Harbour Watch: The Port Authority Hid The Report For Years"),
		    "Harbour Watch=Harbour Watch/label");
	/* a label of nine tokens (its colon the tenth), not of ten */
	assert_view(view("Jo Ann Van Der Berg Mary Lou Roe Smith: We will win this fight."),
		    "Jo Ann Van Der Berg Mary Lou Roe Smith=Lou Roe Smith/label");
	assert_view(view("Jo Ann Van Der Berg Mary Lou Roe Smith Jones: We will win this fight."),
		    "");
}

/* A transcript's label in capitals names a person, though no list knows
 * the name; a crowd is no person. */
Test(attrib, a_transcript_label_in_capitals_is_a_person)
{
	const char *text = "The debate began at nine.\n\nJAKE QXELBY: Good evening.\n\n"
			   "CROWD: We want more time.";
	const struct ws_statement *st = statements_of(text, 2);
	cr_expect_eq(st[0].speaker_type, WS_SP_PERSON);
	cr_expect_neq(st[1].speaker_type, WS_SP_PERSON);
}

/* A transcript quoted paragraph by paragraph: each line's label in
 * capitals after the quote mark is its speaker, the line direct speech
 * without the closing mark. */
Test(attrib, a_quoted_transcript_line_is_its_labels_statement)
{
	const char *text = "Partial transcript as follows:\n\n"
			   "\"JO ROE: Let us start with the debate. Why would he do that?\n\n"
			   "\"(CROSSTALK.)\n\n"
			   "\"ANN POE: She will not be attending the debate tomorrow.\"";
	const struct ws_statement *st = statements_of(text, 2);
	cr_expect_eq(st[0].type, WS_QT_DIRECT);
	cr_expect_eq(st[0].speaker_type, WS_SP_PERSON);
	cr_expect_eq(st[0].mention.start, (uint32_t)(strstr(text, "JO ROE") - text));
	cr_expect_eq(st[1].mention.start, (uint32_t)(strstr(text, "ANN POE") - text));
	cr_expect_eq(st[1].span.end, (uint32_t)(strstr(text, "tomorrow.") - text + 9));
}

/* An interview's "Q:" is a person, the one asking, though a lone capital
 * letter names no entity elsewhere; an answer's "A:" makes no label
 * statement (its statements are those inside it). */
Test(attrib, an_interview_question_label_is_a_person)
{
	const char *text = "An interview with the mayor.\n\nQ: What will you do next year?\n\n"
			   "A: I will run again.";
	const struct ws_statement *st = statements_of(text, 1);
	cr_expect_eq(st[0].speaker_type, WS_SP_PERSON);
	cr_expect_geq(st[0].entity, 0, "Q is an entity");
	cr_expect_eq(st[0].mention.end - st[0].mention.start, 1);
}

/* PolNeAR's convention, and a reader's: the quotes around one frame are
 * one statement. */
static void expect_one_span(const char *text, const char *first, const char *last)
{
	const struct ws_statement *st = statements_of(text, 1);
	cr_expect_eq(st[0].span.start, (uint32_t)(strstr(text, first) - text));
	cr_expect_eq(st[0].span.end, (uint32_t)(strstr(text, last) - text + strlen(last)));
	cr_expect_eq(st[0].type, WS_QT_DIRECT);
}

Test(attrib, quotes_around_one_frame_are_one_statement)
{
	/* a title in the frame is not the next quote */
	expect_one_span("\"We are not winning yet,\" Jane Doe said on ABC's \"This Week\" on "
			"Sunday. \"There are steps we have to take.\"",
			"\"We are", "take.\"");
	/* a participle in the frame does not end it */
	expect_one_span("\"We had the biggest show,\" Jane Doe said, referring to the debate. "
			"\"How about we do this again?\"",
			"\"We had", "again?\"");
	/* a quote each side of "he said," */
	expect_one_span("\"We can offer relief to the town,\" he said, \"and the sooner the "
			"better.\"", "\"We can", "better.\"");
	/* a participle and a relative clause in the frame do not end it */
	expect_one_span("\"These people know words,\" said Jane Doe, speaking of politicians, "
			"\"and they use them well.\"", "\"These", "well.\"");
	expect_one_span("\"There were more voters then,\" said Jane Doe, who has known the "
			"family for decades. \"The town has changed.\"", "\"There", "changed.\"");
	/* a quote alone before "He added, ..." */
	expect_one_span("Doe spoke on the radio. \"This will hurt the town.\" She added, "
			"\"Taking this road is a mistake.\"",
			"\"This will", "mistake.\"");
}

Test(attrib, participle_after_a_frame_keeps_its_speaker)
{
	assert_view(view("\"We will win this fight,\" Jane Doe said, adding that the fight "
			 "would be long."),
		    "Jane Doe=Jane Doe/explicit:subject; Jane Doe=Jane Doe/explicit:subject");
}

Test(attrib, headline_with_speaker_and_verb)
{
	assert_view(view("Jane Doe Says Council Broke Its Promise\n\nThe council met on Monday."),
		    "Jane Doe=Jane Doe/headline");
	/* others say and others report: quantifiers alone are speakers */
	assert_view(view("The plan is popular. Others say it will fail within a year."),
		    "Others=/nominal");
	assert_view(view("Jane Doe caucused in Ohio and says she voted for the plan."),
		    "Jane Doe=Jane Doe/explicit:subject");
}

Test(attrib, a_place_that_speaks_is_a_place_speaker)
{
	const char *s = "Tehran said the talks would resume next week.\n\n"
			"Tehran has said it will not lift the sanctions.";
	assert_view(view(s), "Tehran=Tehran/explicit:subject; Tehran=Tehran/explicit:subject");
	const struct ws_statement *st;
	const struct ws_entity *en;
	cr_assert_eq(ws_doc_statements(doc, &st), 2);
	cr_assert_eq(ws_doc_entities(doc, &en), 1, "one entity for both");
	cr_expect_eq(st[0].speaker_type, WS_SP_PLACE);
	cr_expect_eq(en[0].type, WS_SP_PLACE);
}

Test(attrib, dash_attribution_after_a_quote)
{
	assert_view(view("\"We will win this fight in the courts and the streets,\" "
			 "\xE2\x80\x94 Commissioner Jane Doe\n\nThe vote is on Monday."),
		    "Commissioner Jane Doe=Jane Doe/explicit:inverted");
}

Test(attrib, it_and_they_after_an_organisation_speaker)
{
	assert_view(view("The Pentagon said the strike was a mistake. It said the pilots "
			 "had followed orders."),
		    "The Pentagon=Pentagon/explicit:subject; It=Pentagon/pronoun");
}

Test(attrib, bare_plurals_and_a_leading_conjunction)
{
	assert_view(view("So it makes sense, strategists said, for the party to act now."),
		    "strategists=/nominal");
	assert_view(view("But Sen. Jane Doe (D-Ohio), noting the size of the crowd, said "
			 "the campaign was strong."),
		    "Sen. Jane Doe (D-Ohio)=Jane Doe/explicit:subject");
}

Test(attrib, agentless_questions_and_expectations_have_no_speaker)
{
	assert_view(view("Asked about the vote, Jane Doe smiled."), "=/agentless");
	assert_view(view("The mayor is expected to sign the budget on Friday."), "=/agentless");
	assert_view(view("The council seemed unmoved by the protest."), "=/agentless");
	/* appearing on television is no attribution */
	assert_view(view("The mayor appeared on television on Friday."), "");
	const struct ws_statement *st;
	cr_assert_eq(ws_doc_process(doc, "The mayor is expected to sign the budget.", 41), 0);
	cr_assert_eq(ws_doc_statements(doc, &st), 1);
	cr_expect_eq(st[0].entity, -1);
	cr_expect_eq(st[0].speaker_type, WS_SP_UNKNOWN);
	cr_expect_eq(st[0].span.start, 0);
}

Test(attrib, nominal_cues_after_the_verb_frames)
{
	assert_view(view("Jane Doe's criticism of the budget deal was sharp."),
		    "Jane Doe's=Jane Doe/explicit:subject");
	assert_view(view("The senator was critical of the new budget deal."),
		    "The senator=/description");
	/* inside a statement made by a verb it makes nothing of its own */
	assert_view(view("Jane Doe said her support for the deal was firm."),
		    "Jane Doe=Jane Doe/explicit:subject");
	/* "his" is the speaker of the statement before it, not of the last
	 * one the verb frames found */
	assert_view(view("John Smith said the tax plan was weak. His criticism of the deal was "
			 "sharp. Bill Jones said the plan was fine."),
		    "John Smith=John Smith/explicit:subject; His=John Smith/pronoun; "
		    "Bill Jones=Bill Jones/explicit:subject");
	/* nor inside a quote: what a quote says is its speaker's */
	assert_view(view("The memo was short. \"Jane Doe's criticism of the budget deal was "
			 "sharp.\" Nothing else was said."),
		    "=/fallback");
}

/* A speaker search that finds a name and then no frame leaves no entity:
 * every entity is some mention's or some statement's. */
Test(attrib, no_entity_without_a_mention_or_a_statement)
{
	char *text = process_seed();
	const struct ws_entity *en;
	const struct ws_statement *st;
	size_t ne = ws_doc_entities(doc, &en), ns = ws_doc_statements(doc, &st);
	for (size_t e = 0; e < ne; e++) {
		int used = 0;
		for (size_t i = 0; i < ns && !used; i++)
			used = st[i].entity == (int32_t)e;
		for (size_t i = 0; i < doc->ments.n && !used; i++)
			used = doc->ments.v[i].entity == (int32_t)e;
		cr_expect(used, "entity %zu (%.*s) is no one's", e,
			  (int)(en[e].name.end - en[e].name.start), text + en[e].name.start);
	}
	free(text);
}

/* "content|cue" for each statement, joined by "; ". */
static char *contents(const char *text)
{
	cr_assert_eq(ws_doc_process(doc, text, strlen(text)), 0);
	const struct ws_statement *st;
	size_t n = ws_doc_statements(doc, &st);
	struct ws_buf b = WS_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			ws_buf_adds(&b, "; ");
		ws_buf_add(&b, text + st[i].span.start, st[i].span.end - st[i].span.start);
		ws_buf_addc(&b, '|');
		ws_buf_add(&b, text + st[i].cue.start, st[i].cue.end - st[i].cue.start);
	}
	ws_buf_grow(&b, 0);
	return b.data;
}

Test(attrib, infinitives_and_refusals_are_what_was_reported)
{
	assert_view(contents("The aide declined to comment."), "to comment|declined");
	assert_view(contents("Jane Doe did not respond to a request for comment."),
		    "a request for comment|did not respond to");
	assert_view(contents("Jane Doe vowed to fight on in the primaries."),
		    "to fight on in the primaries|vowed");
	/* after a verb without infinitive=1, "to" opens an adjunct */
	assert_view(contents("Jane Doe said to reporters that the vote was rigged."),
		    "that the vote was rigged|said");
}

Test(attrib, a_content_ending_in_a_quote_runs_on_past_the_frame)
{
	const char *t = "Teachers are \"looking for a fight,\" Jane Doe said. \"That is a warning.\"";
	assert_view(contents(t), "Teachers are \"looking for a fight,\" Jane Doe said. "
			   "\"That is a warning.\"|said");
	const struct ws_statement *st;
	ws_doc_statements(doc, &st);
	cr_expect_eq(st[0].type, WS_QT_MIXED);
}

Test(attrib, colon_lead_in_with_any_verb)
{
	assert_view(view("And Jane Doe gloated: \"I told you he would never be ready.\""),
		    "Jane Doe=Jane Doe/lead-in");
	assert_view(contents("John Roe shot back: \"That would be good for all of us.\""),
		    "\"That would be good for all of us.\"|shot back");
}

Test(attrib, a_dateline_is_not_the_subject)
{
	assert_view(view("WASHINGTON \xE2\x80\x94 Sen. Jane Doe (D-Ohio) on Wednesday downplayed the "
			 "attack and said it was the same thing."),
		    "Sen. Jane Doe=Jane Doe/explicit:subject; "
		    "Sen. Jane Doe=Jane Doe/explicit:subject");
}

Test(attrib, noun_phrase_subjects_with_numbers_and_demonstratives)
{
	assert_view(view("About 9 percent said they had no preference."), "About 9 percent=/nominal");
	assert_view(view("That person said the outright hostility hurt him."), "That person=/nominal");
	assert_view(view("The official, who said none of the emails were classified, left."),
		    "who=/pronoun");
	/* a fronted participle is not what was said */
	assert_view(view("Responding to the criticism, Jane Doe said."), "");
}

Test(attrib, the_writer_takes_over_after_but_and_a_closing_apposition)
{
	assert_view(contents("Jane Doe said she will vote for the bill, but she has not endorsed it."),
		    "she will vote for the bill|said");
	assert_view(contents("Jane Doe said the rally would stay calm, a swipe at the protesters."),
		    "the rally would stay calm|said");
}

Test(attrib, the_asker_named_by_a_passive)
{
	assert_view(view("\"Absolutely,\" he said when asked by a reporter if that remains his view."),
		    "he=/pronoun; a reporter=/description");
	/* an object after "asked": someone asked someone, no agentless question */
	char *v = view("Jane Doe, leading a coalition of states, asked a judge to block the rules.");
	cr_expect_null(strstr(v, "agentless"), "got %s", v);
	free(v);
}

Test(attrib, a_second_verb_after_and_is_its_own_frame)
{
	assert_view(contents("Jane Doe called him divisive and accused him of lying to voters."),
		    "him divisive|called; him of lying to voters|accused");
}

Test(attrib, subjects_past_relative_clauses_and_partitives)
{
	assert_view(view("Most of them said they had loved working at the plant."),
		    "Most of them=/nominal");
	assert_view(contents("Jane Doe of Ohio, a Republican who has refused to endorse him, said the "
			     "family deserved better."),
		    "to endorse him|has refused; the family deserved better|said");
	/* a quote inside a fronted participle belongs to no one */
	assert_view(contents("Walking in to chants of \"Jane! Jane!,\" the senator said the race was "
			     "close."),
		    "the race was close|said");
}

Test(attrib, a_frame_inside_its_sentence_takes_both_sides)
{
	assert_view(contents("The club's investment in its greens, Jane Doe said, \"is a perfect "
			     "example\" of adapting."),
		    "The club's investment in its greens, Jane Doe said, \"is a perfect example\" of "
		    "adapting|said");
	/* ", thanks to" is no second frame */
	assert_view(contents("Jane Doe said that since then, thanks to new revenue, she has been "
			     "secure."),
		    "since then, thanks to new revenue, she has been secure|said that");
}

Test(attrib, a_poll_opening_its_clause_is_the_source)
{
	assert_view(contents("In the latest Fox News poll, the senator fell to 10 percent."),
		    "the senator fell to 10 percent|In");
	/* after a sentence adverb or two */
	assert_view(contents("Yet still, in the latest Fox News poll, the senator fell to 10 percent."),
		    "the senator fell to 10 percent|in");
	/* where, not who */
	assert_view(contents("The senator has sagged in the polls."), "");
	assert_view(contents("The senator, who was in the latest Fox News poll, fell to 10 "
			     "percent."), "");
}

Test(attrib, shares_of_people_say)
{
	assert_view(view("About 26% say they are conservative."), "About 26%=/nominal");
	assert_view(view("Nearly nine out of 10 say they need new skills."),
		    "Nearly nine out of 10=/nominal");
	assert_view(view("Six in 10 say he is decisive."), "Six in 10=/nominal");
}

Test(attrib, participles_take_the_sentence_frame_speaker)
{
	assert_view(view("Sen. Jane Doe (D-Ohio) on Saturday criticized the accord adopted after "
			 "long talks, saying the agreement goes \"nowhere near far enough.\""),
		    "Sen. Jane Doe=Jane Doe/explicit:subject; "
		    "Sen. Jane Doe=Jane Doe/explicit:subject");
	assert_view(contents("Jane Doe had a similar view of the plan, while saying that the "
			     "speech reassured her."),
		    "that the speech reassured her|saying");
	/* a frame inside the subject's apposition hides nothing */
	assert_view(contents("Jane Doe, in the wake of a poll showing her down to 14 percent, told "
			     "reporters on Sunday that she would do better."),
		    "her down to 14 percent|showing; that she would do better|told reporters");
}

Test(attrib, a_frame_set_off_by_commas_takes_its_sentence)
{
	assert_view(contents("This campaign, she says, is different."),
		    "This campaign, she says, is different|says");
}

Test(attrib, called_as_naming_is_no_statement)
{
	assert_view(contents("The town hired a consulting firm called Gavekal Partners."), "");
	assert_view(contents("Jane Doe called the plan a disaster."), "the plan a disaster|called");
}

Test(attrib, no_holder_no_nominal_statement)
{
	assert_view(contents("There are questions about the record of the council."), "");
	assert_view(view("Jane Doe seems to be in no hurry to decide."), "=/agentless");
}

Test(attrib, how_things_seemed)
{
	assert_view(contents("The senator seemed to be shrinking in stature."),
		    "The senator seemed to be shrinking in stature|seemed");
	assert_view(contents("The senator seemed lost, staring at the crowd."),
		    "The senator seemed lost|seemed");
	assert_view(contents("The senator appeared on television on Friday."), "");
}

Test(attrib, catenatives_and_degree_adverbs)
{
	assert_view(view("Jane Doe went on to criticize the convention for its silence."),
		    "Jane Doe=Jane Doe/explicit:subject");
	assert_view(contents("She was quick to deny that the deal was dead."),
		    "that the deal was dead|deny");
	/* "nearly" opens the content, "quietly into the phone" does not */
	assert_view(contents("Jane Doe said nearly every voter wants a change."),
		    "nearly every voter wants a change|said");
}

Test(attrib, a_clause_after_a_time_needs_no_that)
{
	assert_view(contents("The mayor said Tuesday his actions are lawful."),
		    "his actions are lawful|said");
	assert_view(contents("Jane Doe said on Monday the deal was close."), "the deal was close|said");
}

Test(attrib, a_second_subject_and_cue_after_and)
{
	assert_view(contents("Half said the party did not care, and one in four said it was hostile."),
		    "the party did not care|said; it was hostile|said");
}

Test(attrib, a_quoted_sentence_after_a_statement_goes_with_it)
{
	/* right after the statement: its quotes go on */
	assert_view(contents("Jane Doe said the vote was \"a disgrace to the town.\" \"We will "
			     "fight it in every court we can find.\""),
		    "the vote was \"a disgrace to the town.\" \"We will fight it in every court we "
		    "can find.\"|said");
	/* further on in the paragraph: no statement of its own */
	assert_view(contents("Jane Doe said the vote was close. The hall was full. \"We will fight "
			     "it in every court we can find.\""),
		    "the vote was close|said");
}

Test(attrib, relative_times_and_that_clauses)
{
	assert_view(view("Jane Doe (D-Ohio) last week said the vote was rigged."),
		    "Jane Doe=Jane Doe/explicit:subject");
	assert_view(contents("Jane Doe added that, in Ohio, the vote was rigged."),
		    "in Ohio, the vote was rigged|added that");
	assert_view(contents("Jane Doe said last week the vote was rigged."), "the vote was rigged|said");
}

Test(attrib, a_comma_after_the_party_parenthesis)
{
	assert_view(view("Sen. Jane Doe (D-Ohio), said after a lunch that she had not read the plan."),
		    "Sen. Jane Doe=Jane Doe/explicit:subject");
}

Test(attrib, a_participle_finds_its_clause_subject)
{
	assert_view(view("Jane Doe avoided the phrase, though last week she used stronger words, "
			 "saying the group must be destroyed."),
		    "she=Jane Doe/pronoun");
	assert_view(view("Like Jane Doe, John Roe also rejected the notion that the vote was rigged, "
			 "arguing that the count was fair."),
		    "John Roe=John Roe/explicit:subject; John Roe=John Roe/explicit:subject");
}

Test(attrib, a_quote_right_after_a_reported_clause_joins_it)
{
	assert_view(contents("Jane Doe argued that she had fought for the bill. \"A leader must "
			     "fight for what she believes in.\""),
		    "she had fought for the bill. \"A leader must fight for what she believes "
		    "in.\"|argued that");
}

Test(attrib, the_subject_of_a_passive_cue_did_not_speak)
{
	assert_view(view("The senator was asked about the vote in the hall on Friday."), "=/agentless");
	/* a word that is often no saying reports in an agentless passive only
	 * with "that" after it */
	assert_view(view("The clerk was charged with taking two laptops from the office."), "");
	assert_view(view("The players were allowed to leave the field at half time."), "");
	assert_view(view("The bridge is supposed to open in May."), "");
	assert_view(view("The clerk was charged that he had lied to the court."), "=/agentless");
	assert_view(contents("Jane Doe has been criticized by some of her rivals for skipping the "
			     "debate."),
		    "Jane Doe has been criticized by some of her rivals for skipping the debate|"
		    "has been criticized");
	assert_view(view("Jane Doe was criticized by John Roe for skipping the debate."),
		    "John Roe=John Roe/explicit:inverted");
	/* the states of mind that report their subject's view keep it */
	assert_view(view("Jane Doe is convinced that the vote was rigged."),
		    "Jane Doe=Jane Doe/explicit:subject");
}

Test(attrib, participles_that_take_a_noun_phrase)
{
	assert_view(contents("Jane Doe basically ducked, pointing to her record in the legislature."),
		    "her record in the legislature|pointing to");
}

Test(attrib, negated_and_hedged_cues_keep_their_subject)
{
	assert_view(view("Jane Doe, speaking later at a rally in Ohio, did not mention the vote."),
		    "Jane Doe=Jane Doe/explicit:subject");
	assert_view(contents("As reported by the Daily Post, last year the town became the first to "
			     "ban cars."),
		    "last year the town became the first to ban cars|As reported by");
}

Test(attrib, dashed_appositions_and_commas_after_other_verbs)
{
	assert_view(view("A former candidate -- Jane Doe, who lost the 2008 race -- said the plan "
			 "offered nothing new."),
		    "A former candidate=/description");
	/* past a comma only a verb of saying has content */
	assert_view(contents("The plans are worrying, John Roe said."),
		    "The plans are worrying|said");
}

Test(attrib, noun_heads_that_are_cue_words_and_adverbs_in_the_verb_group)
{
	assert_view(view("More of the money came in February, new fundraising reports show."),
		    "new fundraising reports=/nominal");
	assert_view(view("But some are quietly saying it is time to move on."), "some=/nominal");
}

Test(attrib, a_poll_answer_is_a_statement)
{
	assert_view(contents("Asked whether the deal should go ahead, 46 percent of voters said yes."),
		    "whether the deal should go ahead|Asked; yes|said");
}

Test(attrib, a_one_word_answer_is_a_statement)
{
	assert_view(contents("Sorry, Jane Doe said."), "Sorry|said");
	/* a sentence adverb is not */
	assert_view(contents("Still, Jane Doe declined."), "");
}

Test(attrib, by_and_a_participle)
{
	assert_view(view("Jane Doe followed up by asking if the governor believes that is his only "
			 "path."),
		    "Jane Doe=Jane Doe/explicit:subject");
}

Test(attrib, a_content_before_the_frame_may_open_with_but_or_this)
{
	assert_view(contents("But the new bridge will fail, he said."),
		    "But the new bridge will fail|said");
	assert_view(contents("This has been a big worry for the town this year, Jane Doe said."),
		    "This has been a big worry for the town this year|said");
	/* a fronted subordinate clause or adjunct alone is not what was said */
	assert_view(contents("As the mayor read through his text, Jane Doe said nothing."), "");
	assert_view(contents("Last September, the council said."), "");
}

Test(attrib, a_finite_clause_before_said_x_is_no_apposition)
{
	assert_view(view("Even if the agency closed, some duties would move, said Jane Doe."),
		    "Jane Doe=Jane Doe/explicit:inverted");
}

Test(attrib, groups_keep_their_modifiers)
{
	assert_view(view("Officers can check the records, federal officials said."),
		    "federal officials=/group");
	assert_view(view("The mayor told supporters that the vote was rigged."),
		    "The mayor=/description");
}

Test(attrib, a_spokesman_for_x_is_not_x)
{
	assert_view(view("John Smith lost the vote. A spokesman for Mr. Smith said the count "
			 "was wrong."),
		    "A spokesman for Mr. Smith=/nominal");
	assert_view(view("Officials at the Pentagon said the strike was a mistake."),
		    "Officials at the Pentagon=/group");
	assert_view(view("A source familiar with the talks said a deal was close."),
		    "A source familiar with the talks=/anonymous");
	assert_view(view("The senator from Vermont said the talks had failed."),
		    "The senator from Vermont=/description");
	/* a letter from someone is no one */
	assert_view(view("Jo Roe wrote to him. A letter from Roe said the talks had failed."),
		    "Roe=Jo Roe/explicit:subject");
	assert_view(view("The government in Beijing said the talks had failed."),
		    "The government in Beijing=/group");
	assert_view(view("On Monday, the government of President Petro O. Zorbenko said the "
			 "talks had failed."),
		    "the government of President Petro O. Zorbenko=/group");
}

Test(attrib, a_described_speaker_after_the_cue_keeps_whom_it_works_for)
{
	assert_view(view("Jo Roe lost the vote. \"The count was wrong,\" said one longtime adviser "
			 "to Jo Roe."),
		    "one longtime adviser to Jo Roe=/nominal");
	assert_view(view("\"The count was wrong,\" said a spokeswoman for Acme Corp."),
		    "a spokeswoman for Acme Corp.=/description");
	assert_view(view("\"The count was wrong,\" said a person close to the Zorblats."),
		    "a person close to the Zorblats=/description");
	assert_view(view("\"The count was wrong,\" said a spokesman for the mayor."),
		    "a spokesman for the mayor=/description");
	/* a name apposed to it is who spoke */
	assert_view(view("\"The count was wrong,\" said a spokesman for the mayor, Jim Zorbel."),
		    "a spokesman for the mayor, Jim Zorbel=Jim Zorbel/description");
	/* a day is no one's employer */
	assert_view(view("\"The count was wrong,\" said a spokesman at the Monday briefing."),
		    "a spokesman=/description");
	/* "at the time" is no one's employer */
	assert_view(view("\"The count was wrong,\" said the American ambassador at the time."),
		    "the American ambassador=/description");
}

Test(attrib, a_described_speakers_relative_clause_is_part_of_the_mention)
{
	assert_view(view("\"The plan is bad,\" said a Trump supporter who runs a bakery in town."),
		    "a Trump supporter who runs a bakery in town=/description");
	assert_view(view("\"The plan is bad,\" said the designer, who works for another brand, "
			 "on Monday."),
		    "the designer, who works for another brand,=/description");
	assert_view(view("The former congressman, who led a filibuster in June, said the count was "
			 "wrong."),
		    "The former congressman, who led a filibuster in June,=/description");
	/* how the speaker talked is written outside the mention */
	assert_view(view("\"The plan is bad,\" said a city official who spoke on the condition of "
			 "anonymity."),
		    "a city official=/nominal");
	/* a clause that says something is a statement of its own */
	assert_view(view("\"The plan is bad,\" said a city official who said he left on good terms."),
		    "a city official=/nominal; who=/pronoun");
}

Test(attrib, news_role_nouns_make_a_described_speaker_a_person)
{
	assert_view(view("\"The plan is bad,\" a GOP speechwriter said."),
		    "a GOP speechwriter=/description");
	const struct ws_statement *st;
	assert_view(view("\"The plan is bad,\" said one person."), "one person=/nominal");
	cr_assert_eq(ws_doc_statements(doc, &st), 1);
	cr_expect_eq(st[0].speaker_type, WS_SP_PERSON);
}

/* "X issued a statement saying ...": the statement is X's, not the
 * document's, when the verb before it made no statement of its own. */
Test(attrib, the_subject_speaks_through_a_document_and_a_participle)
{
	assert_view(view("Jo Roe wrote a letter congratulating the mayor on a fair vote."),
		    "Jo Roe=Jo Roe/explicit:subject");
	assert_view(view("The Acme Party issued a statement saying it took the vote seriously."),
		    "The Acme Party=Acme Party/explicit:subject");
}

Test(attrib, relative_clauses_on_the_subject)
{
	/* no commas: the antecedent and its clause are the mention */
	assert_view(view("Voters who watched the debate said they were unmoved."),
		    "Voters who watched the debate=/group");
	/* the cue inside the clause is the clause's own verb */
	assert_view(contents("Party leaders who can choose the nominee met on Monday."), "");
	/* commas: a described subject past its relative clause */
	assert_view(contents("The senator, who has long fought the plan, said it would raise "
			     "taxes."),
		    "it would raise taxes|said");
}

Test(attrib, a_time_at_the_end_of_a_noun_phrase_content_is_the_writers)
{
	assert_view(contents("Jane Doe announced her candidacy on Monday."),
		    "her candidacy|announced");
	assert_view(contents("Jane Doe endorsed John Smith in late May."), "John Smith|endorsed");
	/* a clause keeps its time, and so does a phrase built on it */
	assert_view(contents("Jane Doe said the vote would be held in November."),
		    "the vote would be held in November|said");
	assert_view(contents("Jane Doe praised the new bridge in the last year."),
		    "the new bridge in the last year|praised");
}

Test(attrib, adverbs_and_negations_inside_the_verb_group)
{
	assert_view(contents("She has since stressed that she sent no secret files."),
		    "she sent no secret files|has since stressed that");
	assert_view(contents("He doesn't think the new bridge will open."),
		    "the new bridge will open|doesn't think");
	assert_view(contents("She had earlier said the new bridge would open."),
		    "the new bridge would open|had earlier said");
}

Test(attrib, possessors_and_anonymity_phrases_belong_to_the_mention)
{
	assert_view(view("The bridge will open in May, the mayor's campaign said."),
		    "the mayor's campaign=/explicit:subject");
	assert_view(view("The bridge will open in May, a source close to him said."),
		    "a source close to him=/anonymous");
}

Test(attrib, a_plural_after_a_quantifier_is_a_noun_and_its_phrase_speaks)
{
	assert_view(view("Some advocates for the bridge said the plan overlooked its benefits."),
		    "Some advocates for the bridge=/nominal");
	assert_view(view("Some friends of the mayor said the plan overlooked its benefits."),
		    "Some friends of the mayor=/nominal");
}

Test(attrib, words_describing_a_named_speaker_belong_to_the_mention)
{
	assert_view(view("The bridge will carry great weight, DFA spokesman Neil Sroka said."),
		    "DFA spokesman Neil Sroka=Neil Sroka/explicit:subject");
	assert_view(view("The bridge will carry great weight, election lawyer Jane Doe said."),
		    "election lawyer Jane Doe=Jane Doe/explicit:subject");
}

Test(attrib, a_title_in_quotes_is_no_content_and_an_inverted_name_ends_the_frame)
{
	assert_view(contents("Friday on \"Good Morning Ohio,\" Jane Doe said she had not \"heard "
			     "that yet.\""),
		    "she had not \"heard that yet.\"|said");
	assert_view(view("That would create trouble for the mayor, forcing her to fight on two "
			 "fronts, said John Smith, a pollster."),
		    "John Smith, a pollster=John Smith/explicit:inverted");
}

Test(attrib, lone_quantifiers_and_coordinations_speak)
{
	assert_view(view("Many fear the mayor will fail."), "Many=/nominal");
	/* two speakers together are a group, credited to neither alone */
	assert_view(view("John Smith and Jane Doe said the plan would raise taxes."),
		    "John Smith and Jane Doe=/explicit:subject");
	const struct ws_statement *st;
	cr_assert_eq(ws_doc_statements(doc, &st), 1);
	cr_assert_eq(st[0].speaker_type, WS_SP_GROUP);
}

Test(attrib, a_participle_phrase_cue_leaves_the_content_to_the_verb_after_it)
{
	assert_view(contents("The mayor, speaking to reporters, said the bridge was safe."),
		    "the bridge was safe|said");
}

Test(attrib, subordinate_frames_and_gerund_subjects)
{
	/* a frame in a fronted subordinate clause reports up to its comma */
	assert_view(contents("While he says he loves the city, he also accuses it of neglect."),
		    "he loves the city|says; it of neglect|also accuses");
	/* a gerund before an auxiliary is the subject of the content */
	assert_view(contents("Fundraising was slow for a month, he said."),
		    "Fundraising was slow for a month|said");
}

Test(attrib, a_bare_role_after_an_inverted_speaker_is_an_apposition)
{
	assert_view(contents("The bridge needs a strong base, said Jane Doe, director of the "
			     "town's works."),
		    "The bridge needs a strong base|said");
	assert_view(contents("Many of the roads, he said, have been closed."),
		    "Many of the roads, he said, have been closed|said");
}

Test(attrib, shows_in_quotes_as_and_here_around_the_frame)
{
	assert_view(contents("\"We have to add patrols,\" the mayor told \"Fox and Friends\" on "
			     "Sunday."),
		    "\"We have to add patrols,\"|told");
	assert_view(contents("The race \"is a dead heat right now,\" as Jane Doe said on the "
			     "radio."),
		    "The race \"is a dead heat right now,\"|said");
	assert_view(view("Her campaign workers here said they have been busy since spring."),
		    "campaign workers=/group");
	assert_view(view("\"The facts have not changed,\" a spokesman for committee Democrats "
			 "said."),
		    "a spokesman for committee Democrats=/nominal");
}

Test(attrib, a_person_named_in_the_subjects_apposition_speaks)
{
	assert_view(view("Another town ally, Works Secretary Jane Doe, told reporters that the "
			 "bridge was safe."),
		    "Another town ally, Works Secretary Jane Doe,=Jane Doe/explicit:subject");
}

Test(attrib, content_goes_on_past_nouns_that_look_like_cues)
{
	assert_view(contents("Jane Doe asserted that, abortion aside, Planned Parenthood did good "
			     "work."),
		    "that, abortion aside, Planned Parenthood did good work|asserted");
	assert_view(contents("He complained of the economic and power imbalance he sees here."),
		    "of the economic and power imbalance he sees here|complained");
	assert_view(contents("He said the vote was rushed, and support for the plan would have "
			     "been higher."),
		    "the vote was rushed, and support for the plan would have been higher|said");
}

Test(attrib, called_after_an_indefinite_noun_phrase_names_it)
{
	assert_view(view("Jane Doe, the founder of a town group called Save Our Bridge, met the "
			 "mayor."),
		    "");
}

Test(attrib, a_time_before_a_parenthetical_frame_is_the_writers)
{
	assert_view(contents("Six months ago, the senator said, the papers called him a fringe "
			     "candidate."),
		    "the papers called him a fringe candidate|said");
}

Test(attrib, quotes_ending_in_exclamations_and_names_that_look_like_cues)
{
	assert_view(view("\"Not us but we agree!\" Jane Doe, the head of the group, tweeted on "
			 "Friday."),
		    "Jane Doe=Jane Doe/explicit:subject");
	expect_one_span("\"All of my friends are here,\" Jane Doe told The Town Post. \"I found "
			"my home.\"",
			"\"All", "home.\"");
}

/* A noun phrase speaker with no name has the type of its head word: a
 * person's role or title, a group, or unknown when the role word is more
 * often a thing; its mention keeps that type (mentions.tsv) */
Test(attrib, a_nameless_speaker_is_typed_by_its_head)
{
	static const struct {
		const char *text;
		enum ws_speaker_type type;
	} cases[] = {
		{ "A Zorblat airport official said the plane was late.", WS_SP_PERSON },
		{ "Several local farmers said the rain came too late.", WS_SP_GROUP },
		{ "The candidates said the debate was over.", WS_SP_GROUP },
		{ "The letter said the plant would close.", WS_SP_UNKNOWN },
		/* the head is the word before a preposition, or past a share */
		{ "One employee at a software firm said the plan was bad.", WS_SP_PERSON },
		{ "Some of the local farmers said the rain came too late.", WS_SP_GROUP },
		/* a party's member, one of many: no one's name */
		{ "\"It is over,\" said one Vermont Democrat.", WS_SP_PERSON },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct ws_statement *st;
		const struct ws_mention *mn;
		cr_assert_eq(ws_doc_process(doc, cases[i].text, strlen(cases[i].text)), 0);
		cr_assert_eq(ws_doc_statements(doc, &st), 1, "%s", cases[i].text);
		cr_expect_eq(st[0].speaker_type, cases[i].type, "%s", cases[i].text);
		cr_assert_eq(ws_doc_mentions(doc, &mn), 1, "%s", cases[i].text);
		cr_expect_eq(mn[0].entity, -1);
		cr_expect_eq(mn[0].type, cases[i].type, "%s", cases[i].text);
	}
}

/* A speaker the lists do not know is a person when an apposition says what
 * the speaker is (a role's head, "who", an age), and the apposition joins
 * the mention, or when an honorific or a role before capitalised words
 * stands in the mention; a role word that is no head says nothing; "the" and a name are an organisation */
Test(attrib, what_surrounds_an_unknown_speaker_gives_its_type)
{
	static const struct {
		const char *text, *wide;
		enum ws_speaker_type type;
	} cases[] = {
		{ "Qxelby, a history professor, said the plan was bad.",
		  "Qxelby, a history professor,", WS_SP_PERSON },
		{ "Vrolk, 70, said it was too early.", "Vrolk, 70,", WS_SP_PERSON },
		/* a name that ends like a plural, then "a": one person */
		{ "Qandres, a spokesman for the mayor, said the plan was bad.",
		  "Qandres, a spokesman for the mayor,", WS_SP_PERSON },
		{ "Qzarn, the conservative organization she founded, said no.", NULL,
		  WS_SP_UNKNOWN },
		/* an honorific says it too, where the name lists fail (a town) */
		{ "Mr. Arad said the plan was bad.", NULL, WS_SP_PERSON },
		/* ... and a role or a title's head before capitalised words */
		{ "Band member Qzorf shared the news on Monday.", NULL, WS_SP_PERSON },
		{ "Acme spokesman Jo Qxelbyn said the plan was bad.", NULL, WS_SP_PERSON },
		/* capitals alone: an organisation's initials, not "TV" */
		{ "Later, QZFX said the plan was bad.", NULL, WS_SP_ORGANIZATION },
		{ "Later, TV said the plan was bad.", NULL, WS_SP_UNKNOWN },
		/* "the" and a name: an organisation; a family is none */
		{ "The Qxelby Legion said the plan was bad.", NULL, WS_SP_ORGANIZATION },
		{ "The Qxelbys said the plan was bad.", NULL, WS_SP_UNKNOWN },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *t = cases[i].text;
		const struct ws_statement *st;
		const struct ws_mention *mn;
		cr_assert_eq(ws_doc_process(doc, t, strlen(t)), 0);
		cr_assert_eq(ws_doc_statements(doc, &st), 1, "%s", t);
		cr_expect_eq(st[0].speaker_type, cases[i].type, "%s", t);
		size_t n = ws_doc_mentions(doc, &mn), wide = 0;
		for (size_t k = 0; k < n; k++)
			if (mn[k].wide && cases[i].wide &&
			    mn[k].span.end - mn[k].span.start == strlen(cases[i].wide) &&
			    memcmp(t + mn[k].span.start, cases[i].wide, strlen(cases[i].wide)) == 0)
				wide++;
		cr_expect_eq(wide, cases[i].wide ? 1u : 0u, "%s", t);
	}
}

/* A speaker the lists do not know that a pronoun has made a person
 * ("..., he said") or "the" and a name an organisation takes its
 * apposition as the entity rules' people do; so does a known person's
 * mention that attribution found wider than the entity rules did. */
Test(attrib, a_known_type_speaker_found_by_attribution_takes_its_apposition)
{
	static const struct {
		const char *text, *wide;
	} cases[] = {
		{ "Qxelby Vrann, the chief financial officer, noted that costs rose. \"They "
		  "are painful,\" he said.",
		  "Qxelby Vrann, the chief financial officer," },
		{ "\"It is over,\" said the Qxelby Legion, which monitors the groups.",
		  "the Qxelby Legion, which monitors the groups" },
		/* a known person's mention that attribution found wider */
		{ "Democratic presidential candidate Sen. Bernard Sandor (I-Vt.) on Saturday "
		  "criticized the global accord.",
		  "Democratic presidential candidate Sen. Bernard Sandor (I-Vt.)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *t = cases[i].text;
		const struct ws_mention *mn;
		cr_assert_eq(ws_doc_process(doc, t, strlen(t)), 0);
		size_t n = ws_doc_mentions(doc, &mn), wide = 0;
		for (size_t k = 0; k < n; k++)
			if (mn[k].wide && mn[k].span.end - mn[k].span.start == strlen(cases[i].wide) &&
			    memcmp(t + mn[k].span.start, cases[i].wide, strlen(cases[i].wide)) == 0)
				wide++;
		cr_expect_eq(wide, 1u, "%s", t);
	}
}

/* A description may name whom the person works for ("a senior Roe
 * adviser", "A Roe campaign official"): the whole phrase is the speaker,
 * a person, and no one named before it. */
Test(attrib, a_description_holding_a_name_is_the_speaker)
{
	assert_view(view("Jane Roe spoke on Monday. \"It is fine,\" said a senior Roe adviser."),
		    "a senior Roe adviser=/description");
	assert_view(view("Jane Roe spoke on Monday. A Roe campaign official said the video was "
			 "fake."),
		    "A Roe campaign official=/description");
}

Test(attrib, more_verbs_anonymous_sources_and_a_frame_opening_its_sentence)
{
	assert_view(view("\"He wants to be a tough guy tonight,\" Jane Doe shot back."),
		    "Jane Doe=Jane Doe/explicit:subject");
	assert_view(view("Another source familiar with the mayor's thinking said, \"He will "
			 "try to be friendlier.\""),
		    "Another source familiar with the mayor's thinking=/anonymous");
	assert_view(view("Said Jane Doe, \"The thought that we erred is very painful to us.\""),
		    "Jane Doe=Jane Doe/explicit:inverted");
}

Test(attrib, long_bare_plurals_and_fractions_speak)
{
	assert_view(view("In Ohio, early results from the 14 districts showed that Jane Doe had "
			 "won."),
		    "early results from the 14 districts=/nominal");
	assert_view(view("Most voters liked her, and three-quarters said the same of John Smith."),
		    "three-quarters=/nominal");
}

Test(attrib, named_recipients_and_times_inside_parenthetical_frames)
{
	assert_view(contents("Jane Doe told The Washington Post that the bridge was safe."),
		    "that the bridge was safe|told");
	assert_view(contents("The bridge, officials said Tuesday, is safe."),
		    "The bridge, officials said Tuesday, is safe|said");
}

/* A speaker's mention wider than the entity rules' own ("former FBI agent
 * Jane Doe") is a mention of the entity too, marked wide. */
Test(attrib, a_wider_speaker_mention_is_listed_as_wide)
{
	const char *t = "The plan will fail, former FBI agent Jane Doe said.";
	cr_assert_eq(ws_doc_process(doc, t, strlen(t)), 0);
	const struct ws_mention *mn;
	size_t n = ws_doc_mentions(doc, &mn), wide = 0;
	for (size_t i = 0; i < n; i++)
		if (mn[i].wide && strncmp(t + mn[i].span.start, "former FBI agent Jane Doe", 25) == 0 &&
		    mn[i].span.end - mn[i].span.start == 25 && mn[i].entity >= 0)
			wide++;
	cr_expect_eq(wide, 1u);
}

Test(attrib, a_nationality_that_speaks_is_no_place)
{
	assert_view(view("\"It is too early to tell,\" Cuban said."), "Cuban=Cuban/explicit:subject");
	const struct ws_statement *st;
	cr_assert_eq(ws_doc_statements(doc, &st), 1);
	cr_expect_neq(st[0].speaker_type, WS_SP_PLACE);
	assert_view(view("\"We will not yield,\" Tehran said."), "Tehran=Tehran/explicit:subject");
	cr_assert_eq(ws_doc_statements(doc, &st), 1);
	cr_expect_eq(st[0].speaker_type, WS_SP_PLACE);
}

Test(attrib, the_statement_said_is_a_speaker_and_a_cue)
{
	assert_view(view("\"The owner gives $2 million a month to the campaign,\" the statement "
			 "said."),
		    "the statement=/nominal");
}

Test(attrib, the_sources_said)
{
	assert_view(view("It also holds data from the party, the sources said."),
		    "the sources=/anonymous");
}

Test(attrib, where_it_was_written_is_no_content)
{
	assert_view(contents("The mayor wrote in a Facebook post that the bridge is safe."),
		    "that the bridge is safe|wrote in");
}

Test(attrib, a_quote_with_its_own_frame_is_not_joined_and_days_are_no_names)
{
	assert_view(contents("\"Is the bridge safe?\" a reporter asked. \"It is safe and open "
			     "again,\" the mayor replied."),
		    "\"Is the bridge safe?\"|asked; \"It is safe and open again,\"|replied");
	assert_view(view("\"The bridge is safe,\" the mayor, a Democrat, told reporters Monday."),
		    "the mayor=/description");
}

/* The word-list answers attribution keeps per token (attrib_words.c) are
 * the document's own: the next document's third token is asked afresh, a
 * determiner ("the": "Doe the said" is a noun) then an auxiliary ("Doe
 * then said" is a frame). */
Test(attrib, word_answers_are_forgotten_between_documents)
{
	assert_view(view("Jane Doe the said the plan was weak."), "");
	assert_view(view("Jane Doe then said the plan was weak."), "Jane Doe=Jane Doe/explicit:subject");
	assert_view(view("Jane Doe the said the plan was weak."), "");
	/* and after a document that asked about more tokens than are
	 * listed one by one (WFOUND) */
	struct ws_buf b = WS_BUF_INIT;
	for (int k = 0; k < 1500; k++)
		ws_buf_adds(&b, "Jane Doe the said the plan was weak. ");
	ws_buf_grow(&b, 0);
	assert_view(view(b.data), "");
	ws_buf_release(&b);
	assert_view(view("Jane Doe then said the plan was weak."), "Jane Doe=Jane Doe/explicit:subject");
}

/* "fears Qaz Quorx would quit": a cue used as a noun, with no content
 * before it, makes no statement, but the search for a speaker after it
 * still makes the entity a later "Quorx" joins: its name is the full one. */
Test(attrib, a_frame_with_no_statement_still_makes_its_speakers_entity)
{
	char *v = view("There were fears Qaz Quorx would quit. Yul Brinx said the deal was "
		       "dead. Quorx said the vote was rigged.");
	cr_expect_str_eq(v, "Yul Brinx=Yul Brinx/explicit:subject; Quorx=Qaz Quorx/explicit:subject");
	free(v);
}

/* ... and so does a name that ends a noun phrase after the cue, some
 * words on ("the firm Qaz Quorx"), which the search must still reach when
 * it runs for its entities alone. */
Test(attrib, a_frame_with_no_statement_still_makes_a_later_name_its_entity)
{
	char *v = view("There were fears the firm Qaz Quorx would quit. Yul Brinx said "
		       "the deal was dead. Quorx said the vote was rigged.");
	cr_expect_str_eq(v, "Yul Brinx=Yul Brinx/explicit:subject; Quorx=Qaz Quorx/explicit:subject");
	free(v);
}
