/* TSV rendering (output.c): fields cleaned as a byte-by-byte reading of
 * the contract in output.h would clean them, whatever their length and
 * wherever a byte to clean lies; rows NUL-terminated and tab-separated. */
#include "testutil.h"

#include "output.h"

TEST_DOC_SUITE(output);

/* The contract, one character at a time. */
static void model_field(struct ws_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = u[i] < 0x80 ? (cp = u[i], 1) : ws_utf8_next(u, n, i, &cp);
		if (cp == WS_CP_INVALID)
			ws_buf_add(b, "\xEF\xBF\xBD", 3);
		else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 ||
			 cp == 0x2029)
			ws_buf_addc(b, ' ');
		else
			ws_buf_add(b, s + i, k);
		i += k;
	}
}

static void check_field(const char *s, size_t n)
{
	struct ws_buf got = WS_BUF_INIT, want = WS_BUF_INIT;
	ws_buf_adds(&got, "x\t");
	ws_buf_adds(&want, "x\t");
	ws_tsv_field(&got, s, n);
	model_field(&want, s, n);
	cr_assert_eq(got.len, want.len, "length %zu", n);
	cr_assert(memcmp(got.data, want.data, want.len) == 0, "length %zu", n);
	cr_assert_eq(got.data[got.len], '\0', "length %zu", n);
	ws_buf_release(&got);
	ws_buf_release(&want);
}

Test(output, fields_of_every_length_with_a_byte_to_clean_anywhere)
{
	static const char *const odd[] = { "\t", "\n", "\x1F", "\x7F", "\x80", "\xC3\xA9",
					   "\xE2\x80\xA8", "\xFF" };
	char s[40];
	for (size_t n = 0; n <= 33; n++) {
		for (size_t k = 0; k < n; k++)
			s[k] = (char)('a' + k % 26);
		/* printable throughout, exact length: no byte past n is read
		 * into the field */
		char *heap = calloc(n ? n : 1, 1);
		memcpy(heap, s, n);
		check_field(heap, n);
		free(heap);
		for (size_t at = 0; at < n; at++) {
			for (size_t o = 0; o < sizeof(odd) / sizeof(odd[0]); o++) {
				size_t m = strlen(odd[o]);
				if (at + m > n)
					continue;
				char t[40];
				memcpy(t, s, n);
				memcpy(t + at, odd[o], m);
				check_field(t, n);
			}
		}
	}
}

Test(output, a_documents_rows_end_each_line_and_the_buffer)
{
	const char *text = "\"We will win,\" said John Smith, the party leader.\n\n"
			   "The Acme Corporation said its profits rose.";
	cr_assert_eq(ws_doc_process(doc, text, strlen(text)), WS_OK);
	struct ws_docinfo m = { .doc_id = "d1", .outlet = "o", .source = "s" };
	struct ws_buf b = WS_BUF_INIT;
	ws_out_quotes(&b, &m, doc);
	cr_assert_gt(b.len, 0);
	cr_assert_eq(b.data[b.len], '\0');
	cr_assert_eq(b.data[b.len - 1], '\n');
	/* the first row: 22 columns, the quote type and the speaker type named */
	const char *nl = strchr(b.data, '\n');
	size_t tabs = 0;
	for (const char *p = b.data; p < nl; p++)
		tabs += *p == '\t';
	cr_assert_eq(tabs, 21);
	cr_assert(strstr(b.data, "\tdirect\t") != NULL, "%s", b.data);
	cr_assert(strstr(b.data, "\tperson\t") != NULL, "%s", b.data);
	size_t rows = 0;
	for (size_t i = 0; i < b.len; i++)
		rows += b.data[i] == '\n';
	cr_assert_eq(rows, ws_doc_statements(doc, &(const struct ws_statement *){ NULL }));
	ws_buf_reset(&b);
	ws_out_mentions(&b, &m, doc);
	cr_assert_eq(b.data[b.len], '\0');
	cr_assert(strstr(b.data, "\tperson\t") != NULL, "%s", b.data);
	cr_assert(strstr(b.data, "\torganization\t") != NULL, "%s", b.data);
	ws_buf_release(&b);
}

/* Column k (0-based) of a TSV row, into out. */
static void column(const char *row, int k, char *out, size_t cap)
{
	for (int c = 0; c < k; c++)
		row = strchr(row, '\t') + 1;
	size_t n = strcspn(row, "\t\n");
	cr_assert_lt(n, cap);
	memcpy(out, row, n);
	out[n] = '\0';
}

/* Each entity row counts the mention rows that name it, and an entity
 * written one way only has no aliases: for documents with many entities
 * and many mentions too (whose sorting arrays outgrow the stack's). */
static void check_entity_rows(const char *text, size_t min_entities, size_t min_mentions)
{
	cr_assert_eq(ws_doc_process(doc, text, strlen(text)), WS_OK);
	const struct ws_entity *en;
	const struct ws_mention *mn;
	size_t n = ws_doc_entities(doc, &en), nm = ws_doc_mentions(doc, &mn);
	cr_assert_geq(n, min_entities);
	cr_assert_geq(nm, min_mentions);
	struct ws_docinfo m = { .doc_id = "d", .source = "s" };
	struct ws_buf ents = WS_BUF_INIT, ments = WS_BUF_INIT;
	ws_out_entities(&ents, &m, doc);
	ws_out_mentions(&ments, &m, doc);
	size_t *count = calloc(n + 1, sizeof(size_t));
	for (const char *row = ments.data; *row; row = strchr(row, '\n') + 1) {
		char no[32];
		column(row, 1, no, sizeof(no));
		if (*no)
			count[strtoul(no, NULL, 10)]++;
	}
	size_t rows = 0;
	for (const char *row = ents.data; *row; row = strchr(row, '\n') + 1, rows++) {
		char no[32], mentions[32], aliases[4096];
		column(row, 2, no, sizeof(no));
		column(row, 14, mentions, sizeof(mentions));
		column(row, 17, aliases, sizeof(aliases));
		size_t e = strtoul(no, NULL, 10);
		cr_assert_eq(e, rows + 1);
		cr_assert_eq(strtoul(mentions, NULL, 10), count[e], "entity %zu", e);
		cr_assert_str_empty(aliases, "entity %zu: %s", e, aliases);
	}
	cr_assert_eq(rows, n);
	free(count);
	ws_buf_release(&ents);
	ws_buf_release(&ments);
}

Test(output, entity_rows_of_documents_with_many_entities_and_mentions)
{
	/* a hundred people of distinct surnames (Kelton, Kelley ... Linwell) */
	static const char *const given[] = { "John", "Mary", "David", "Sarah", "Peter",
					     "Anne", "Paul", "Susan", "Mark", "Emma" };
	static const char *const head[] = { "Kel", "Mor", "Dal", "Har", "Wen",
					    "Bel", "Cor", "Fen", "Gar", "Lin" };
	static const char *const tail[] = { "ton", "ley", "son", "wick", "field",
					    "more", "by", "ford", "ham", "well" };
	struct ws_buf b = WS_BUF_INIT;
	for (int i = 0; i < 10; i++)
		for (int j = 0; j < 10; j++)
			ws_buf_addf(&b, "\"It is fine,\" said %s %s%s.\n\n", given[i], head[i],
				    tail[j]);
	check_entity_rows(b.data, 70, 70);
	ws_buf_reset(&b);
	for (int i = 0; i < 600; i++)
		ws_buf_adds(&b, "\"It is fine,\" said John Smith.\n\n");
	check_entity_rows(b.data, 1, 520);
	ws_buf_release(&b);
}

/* A row's text fields are cleaned as ws_tsv_field() cleans them, bytes
 * that grow (an invalid byte becomes three) and controls included. */
Test(output, row_fields_with_bytes_to_clean)
{
	const char *text = "\"We \xff will\x01 win \xC3\xA9t\xC3\xA9 and all of it, "
			   "every bit of it,\" said John Smith.";
	cr_assert_eq(ws_doc_process(doc, text, strlen(text)), WS_OK);
	const struct ws_statement *st;
	cr_assert_eq(ws_doc_statements(doc, &st), 1);
	struct ws_docinfo m = { .doc_id = "d", .source = "s" };
	struct ws_buf b = WS_BUF_INIT, want = WS_BUF_INIT;
	ws_out_quotes(&b, &m, doc);
	model_field(&want, text + st[0].span.start, st[0].span.end - st[0].span.start);
	char quote[256];
	column(b.data, 7, quote, sizeof(quote));
	cr_assert_str_eq(quote, want.data);
	cr_assert(strstr(quote, "\xEF\xBF\xBD") != NULL, "%s", quote);
	ws_buf_release(&b);
	ws_buf_release(&want);
}

/* Every row of a document starts with its columns (doc_id, outlet and,
 * for quotes, date), cleaned once for the first row and copied for the
 * others: for ids of every length around the copy's eight-byte rounds. */
Test(output, every_row_starts_with_the_documents_columns)
{
	const char *text = "\"We will win,\" said John Smith, the party leader. \"We will "
			   "see,\" said Jane Roe. \"Not now,\" Smith said.\n\n"
			   "The Acme Corporation said its profits rose, Roe said.";
	cr_assert_eq(ws_doc_process(doc, text, strlen(text)), WS_OK);
	static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
	for (size_t len = 1; len <= 50; len++) {
		char id[64];
		memcpy(id, digits, len);
		id[len] = '\0';
		struct ws_docinfo m = { .doc_id = id, .outlet = "Outlet", .date = "2016-01-02",
					.source = "s" };
		char quote_cols[128], cols[128], ment_cols[128];
		snprintf(quote_cols, sizeof(quote_cols), "%s\tOutlet\t2016-01-02\t", id);
		snprintf(cols, sizeof(cols), "%s\tOutlet\t", id);
		snprintf(ment_cols, sizeof(ment_cols), "%s\t", id);
		struct ws_buf b = WS_BUF_INIT;
		void (*writer[])(struct ws_buf *, const struct ws_docinfo *,
				 const struct ws_doc *) = { ws_out_quotes, ws_out_entities,
							    ws_out_mentions };
		const char *want[] = { quote_cols, cols, ment_cols };
		for (int w = 0; w < 3; w++) {
			ws_buf_reset(&b);
			writer[w](&b, &m, doc);
			size_t rows = 0;
			for (const char *row = b.data; *row; row = strchr(row, '\n') + 1, rows++)
				cr_assert(strncmp(row, want[w], strlen(want[w])) == 0,
					  "writer %d id length %zu row %zu: %.40s", w, len, rows, row);
			cr_assert_geq(rows, 2, "writer %d", w);
		}
		ws_buf_release(&b);
	}
}

/* The rows take a type's name and its length from one call: each length
 * is its name's, and a value out of range names the default. */
Test(output, type_names_come_with_their_lengths)
{
	static const char *const quotes[] = { "direct", "mixed", "indirect" };
	static const char *const speakers[] = { "unknown", "person", "organization",
						"place", "group", "anonymous" };
	size_t n;
	for (int t = WS_QT_DIRECT; t <= WS_QT_INDIRECT; t++) {
		const char *s = ws_quote_type_name_len((enum ws_quote_type)t, &n);
		cr_assert_str_eq(s, quotes[t]);
		cr_assert_eq(n, strlen(quotes[t]));
		cr_assert_str_eq(ws_quote_type_name((enum ws_quote_type)t), quotes[t]);
	}
	for (int t = WS_SP_UNKNOWN; t <= WS_SP_ANONYMOUS; t++) {
		const char *s = ws_speaker_type_name_len((enum ws_speaker_type)t, &n);
		cr_assert_str_eq(s, speakers[t]);
		cr_assert_eq(n, strlen(speakers[t]));
		cr_assert_str_eq(ws_speaker_type_name((enum ws_speaker_type)t), speakers[t]);
	}
	cr_assert_str_eq(ws_quote_type_name_len((enum ws_quote_type)9, &n), "direct");
	cr_assert_eq(n, 6);
	cr_assert_str_eq(ws_speaker_type_name_len((enum ws_speaker_type)9, &n), "unknown");
	cr_assert_eq(n, 7);
}
