/* Helpers shared by the unit tests: an engine loaded from the project's own
 * rules/ and gazetteers/, and compact string views of tokenizer output so a
 * test reads like the behaviour it checks. */
#ifndef WS_TESTUTIL_H
#define WS_TESTUTIL_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "engine.h"
#include "quotes.h"
#include "tokenize.h"
#include "whosaid.h"

static inline struct ws_engine *test_engine(void)
{
	struct ws_engine *e = NULL;
	int rc = ws_engine_load(WS_DATADIR, stderr, &e);
	cr_assert_eq(rc, 0, "the project's data files must load");
	return e;
}

/* A suite whose tests each get the project's engine, eng, and a document
 * on it, doc, made before the test and freed after it. */
#define TEST_DOC_SUITE(suite)                                   \
	static struct ws_engine *eng;                           \
	static struct ws_doc *doc;                              \
	static void doc_suite_setup(void)                       \
	{                                                       \
		eng = test_engine();                            \
		doc = ws_doc_new(eng);                          \
	}                                                       \
	static void doc_suite_teardown(void)                    \
	{                                                       \
		ws_doc_free(doc);                               \
		ws_engine_free(eng);                            \
	}                                                       \
	TestSuite(suite, .init = doc_suite_setup, .fini = doc_suite_teardown)

/* Tokens joined by spaces; a sentence start after the first is marked
 * "/ ", a paragraph start "// ". The caller frees the string. */
static inline char *tok_view(const struct ws_engine *e, const char *text)
{
	struct ws_tokens t = { 0 };
	cr_assert_eq(ws_tokenize(&e->seg, text, strlen(text), &t), 0);
	struct ws_buf b = WS_BUF_INIT;
	for (size_t i = 0; i < t.tok.n; i++) {
		const struct ws_token *k = &t.tok.v[i];
		if (i > 0) {
			ws_buf_addc(&b, ' ');
			if (k->flags & WS_TF_PARA_START)
				ws_buf_adds(&b, "// ");
			else if (k->flags & WS_TF_SENT_START)
				ws_buf_adds(&b, "/ ");
		}
		ws_buf_add(&b, text + k->start, k->end - k->start);
	}
	ws_tokens_release(&t);
	ws_buf_grow(&b, 0);
	return b.data;
}

/* The quote spans of text as "[text]" pieces joined by spaces. */
static inline char *quote_view(const struct ws_engine *e, const char *text)
{
	struct ws_tokens t = { 0 };
	ws_qspan_vec q = { 0 };
	cr_assert_eq(ws_tokenize(&e->seg, text, strlen(text), &t), 0);
	ws_pair_quotes(&t, &q, NULL);
	struct ws_buf b = WS_BUF_INIT;
	for (size_t i = 0; i < q.n; i++) {
		if (i)
			ws_buf_addc(&b, ' ');
		ws_buf_addc(&b, '[');
		ws_buf_add(&b, text + q.v[i].start, q.v[i].end - q.v[i].start);
		ws_buf_addc(&b, ']');
	}
	ws_tokens_release(&t);
	WS_VEC_FREE(q);
	ws_buf_grow(&b, 0);
	return b.data;
}

#define assert_view(got, want) do { \
	char *g_ = (got); \
	cr_assert_str_eq(g_, (want)); \
	free(g_); \
} while (0)

#endif
