/* The first attribution path: the four plain patterns around a direct
 * quote, pronoun speakers, and what must not become a statement. */
#include "testutil.h"

static struct ws_engine *eng;
static struct ws_doc *doc;

static void setup(void)
{
	eng = test_engine();
	doc = ws_doc_new(eng);
}

static void teardown(void)
{
	ws_doc_free(doc);
	ws_engine_free(eng);
}

TestSuite(attrib, .init = setup, .fini = teardown);

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
