/* Quote pairing: nesting, straight marks, the multi-paragraph convention,
 * and unbalanced marks that must not damage other paragraphs. */
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

TestSuite(quotes, .init = setup, .fini = teardown);

Test(quotes, curly_pairs_with_nesting)
{
	assert_view(quote_view(eng, "“He called it ‘a flagrant aggression’ today,” she said."),
		    "[“He called it ‘a flagrant aggression’ today,”] [‘a flagrant aggression’]");
}

Test(quotes, straight_marks_pair_in_order)
{
	assert_view(quote_view(eng, "\"One,\" he said. \"Two.\""),
		    "[\"One,\"] [\"Two.\"]");
}

Test(quotes, guillemets_low9_and_backticks)
{
	assert_view(quote_view(eng, "«Oui» and „Ja“ and ``yes''"),
		    "[«Oui»] [„Ja“] [``yes'']");
}

Test(quotes, apostrophes_do_not_close_single_quotes)
{
	assert_view(quote_view(eng, "‘The nation’s hope,’ he said."),
		    "[‘The nation’s hope,’]");
	assert_view(quote_view(eng, "The nations’ interests were ‘vital’."),
		    "[‘vital’]");
}

Test(quotes, multi_paragraph_quote_is_one_span)
{
	const char *s = "“First paragraph of the quote.\n\n“Second paragraph,” he said.";
	assert_view(quote_view(eng, s), "[“First paragraph of the quote.\n\n“Second paragraph,”]");
	struct ws_tokens t = { 0 };
	ws_qspan_vec q = { 0 };
	ws_tokenize(&eng->seg, s, strlen(s), &t);
	ws_pair_quotes(&t, &q, NULL);
	cr_assert_eq(q.n, 1);
	cr_assert(q.v[0].flags & WS_QS_MULTIPARA);
	ws_tokens_release(&t);
	WS_VEC_FREE(q);
}

Test(quotes, unbalanced_mark_damages_only_its_paragraph)
{
	const char *s = "He said “this never closes.\n\nShe said “fine” and “good”.";
	assert_view(quote_view(eng, s), "[“fine”] [“good”]");
	struct ws_tokens t = { 0 };
	ws_qspan_vec q = { 0 };
	struct ws_qstats st;
	ws_tokenize(&eng->seg, s, strlen(s), &t);
	ws_pair_quotes(&t, &q, &st);
	cr_assert_eq(st.unmatched, 1);
	ws_tokens_release(&t);
	WS_VEC_FREE(q);
}

Test(quotes, stray_closer_is_ignored)
{
	assert_view(quote_view(eng, "oops” and then “a real one” here"), "[“a real one”]");
}

Test(quotes, many_unmatched_marks_stay_linear)
{
	size_t n = 100000;
	char *s = malloc(n * 2 + 1);
	for (size_t i = 0; i < n; i++) {
		s[2 * i] = '"';
		s[2 * i + 1] = ' ';
	}
	s[2 * n] = '\0';
	struct ws_tokens t = { 0 };
	ws_qspan_vec q = { 0 };
	ws_tokenize(&eng->seg, s, strlen(s), &t);
	ws_pair_quotes(&t, &q, NULL);
	cr_assert_eq(t.tok.n, n);
	cr_assert_eq(q.n, n / 2);
	ws_tokens_release(&t);
	WS_VEC_FREE(q);
	free(s);
}
