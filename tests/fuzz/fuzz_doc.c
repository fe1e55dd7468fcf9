/* libFuzzer target: the whole per-document pipeline (byte checks, tokenizer,
 * quote pairing, attribution) and the TSV writers on arbitrary bytes. The
 * engine is loaded once from the project's data; the document is reused as
 * in a batch run, so state left over from one input meets the next. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "output.h"
#include "whosaid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ws_engine *eng;
static struct ws_doc *doc;
static struct ws_buf out;

static void setup(void)
{
	if (ws_engine_load(WS_DATADIR, stderr, &eng) != WS_OK) {
		fprintf(stderr, "fuzz_doc: cannot load the data under %s\n", WS_DATADIR);
		abort();
	}
	doc = ws_doc_new(eng);
}

/* Checks that every span a result holds lies inside the text: an offset past
 * it would be read by the output stage. */
static void check_span(struct ws_span s, size_t len)
{
	if (s.start > s.end || s.end > len)
		abort();
}

static size_t tabs(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == '\t';
	return k;
}

/* Renders a document's rows and checks the TSV contract: every row has as
 * many fields as the header, and no field smuggles in a line break or a
 * control character, whatever bytes the article held. */
static void check_rows(void (*header)(struct ws_buf *),
		       void (*rows)(struct ws_buf *, const struct ws_docinfo *,
				    const struct ws_doc *),
		       const struct ws_docinfo *info)
{
	ws_buf_reset(&out);
	header(&out);
	size_t want = tabs(out.data, out.len);
	ws_buf_reset(&out);
	rows(&out, info, doc);
	size_t i = 0;
	while (i < out.len) {
		const char *nl = memchr(out.data + i, '\n', out.len - i);
		if (!nl)
			abort();	/* a row without its line end */
		size_t n = (size_t)(nl - (out.data + i));
		if (tabs(out.data + i, n) != want)
			abort();
		for (size_t k = i; k < i + n; k++) {
			unsigned char c = (unsigned char)out.data[k];
			if ((c < 0x20 && c != '\t') || c == 0x7f)
				abort();
		}
		i += n + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!doc)
		setup();
	/* The runner hands the pipeline a NUL-terminated copy, as ws_read_file
	 * does; the copy makes ASan catch reads past the end. */
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	if (size)
		memcpy(text, data, size);
	text[size] = '\0';
	int rc = ws_doc_process(doc, text, size);
	if (rc == WS_OK) {
		const struct ws_statement *s;
		const struct ws_entity *en;
		const struct ws_mention *m;
		size_t ns = ws_doc_statements(doc, &s);
		size_t ne = ws_doc_entities(doc, &en);
		size_t nm = ws_doc_mentions(doc, &m);
		for (size_t i = 0; i < ns; i++) {
			check_span(s[i].span, size);
			check_span(s[i].cue, size);
			check_span(s[i].mention, size);
			if (s[i].entity >= (int32_t)ne)
				abort();
		}
		for (size_t i = 0; i < ne; i++) {
			check_span(en[i].name, size);
			check_span(en[i].title, size);
			check_span(en[i].first, size);
		}
		for (size_t i = 0; i < nm; i++) {
			check_span(m[i].span, size);
			if (m[i].entity >= (int32_t)ne)
				abort();
		}
		struct ws_docinfo info;
		memset(&info, 0, sizeof(info));
		info.doc_id = "fuzz";
		info.source = "fuzz.txt";
		info.quotes = ns;
		info.entities = ne;
		check_rows(ws_out_quotes_header, ws_out_quotes, &info);
		check_rows(ws_out_entities_header, ws_out_entities, &info);
		check_rows(ws_out_mentions_header, ws_out_mentions, &info);
	} else if (rc != WS_ERR_EMPTY && rc != WS_ERR_BINARY && rc != WS_ERR_ENCODING &&
		   rc != WS_ERR_TOO_LARGE) {
		abort();
	}
	free(text);
	return 0;
}
