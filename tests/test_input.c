/* Unit tests of the input layer: shard hashing, JSON Lines reading (plain
 * and gzip, long lines), the manifest table and JSON row conversion. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "jsonl.h"
#include "manifest.h"
#include "shard.h"
#include "whosaid.h"

Test(shard, fnv1a64_is_the_published_function)
{
	/* Reference values of FNV-1a 64. */
	cr_assert_eq(ws_fnv1a64(WS_FNV_INIT, "", 0), 0xcbf29ce484222325ULL);
	cr_assert_eq(ws_fnv1a64(WS_FNV_INIT, "a", 1), 0xaf63dc4c8601ec8cULL);
	cr_assert_eq(ws_fnv1a64(WS_FNV_INIT, "foobar", 6), 0x85944171f73967e8ULL);
}

Test(shard, parse_and_membership)
{
	struct ws_shard s;
	cr_assert_eq(ws_shard_parse("2/8", &s), 0);
	cr_assert(s.k == 2 && s.n == 8);
	cr_assert_eq(ws_shard_parse("0/8", &s), -1);
	cr_assert_eq(ws_shard_parse("9/8", &s), -1);
	cr_assert_eq(ws_shard_parse("1/", &s), -1);
	cr_assert_eq(ws_shard_parse("x/2", &s), -1);
	int hits = 0;
	for (unsigned k = 1; k <= 5; k++) {
		struct ws_shard t = { k, 5 };
		hits += ws_shard_has(&t, "bbc/politics/001", 16);
	}
	cr_assert_eq(hits, 1, "a document belongs to exactly one shard");
}

static char path[64];

static void write_file(const char *cmd)
{
	strcpy(path, "/tmp/whosaid-lines-XXXXXX");
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	close(fd);
	char c[512];
	snprintf(c, sizeof(c), cmd, path);
	cr_assert_eq(system(c), 0);
}

Test(lines, reads_gzip_and_plain_and_skips_long_lines)
{
	for (int gz = 0; gz < 2; gz++) {
		write_file(gz ? "printf 'one\\r\\n%%0200d\\nthree' | gzip -c > %s"
			      : "printf 'one\\r\\n%%0200d\\nthree' > %s");
		struct ws_lines *l;
		const char *why;
		cr_assert_eq(ws_lines_open(path, &l, &why), 0);
		struct ws_buf b = WS_BUF_INIT;
		unsigned long no;
		uint64_t len;
		cr_assert_eq(ws_lines_next(l, 100, &b, &no, &len, &why), 1);
		cr_assert_str_eq(b.data, "one", "CR LF endings are taken off");
		cr_assert_eq(ws_lines_next(l, 100, &b, &no, &len, &why), WS_ERR_TOO_LARGE);
		cr_assert(no == 2 && len == 200 && b.len == 0);
		cr_assert_eq(ws_lines_next(l, 100, &b, &no, &len, &why), 1);
		cr_assert_str_eq(b.data, "three", "a last line without a newline counts");
		cr_assert_eq(no, 3);
		cr_assert_eq(ws_lines_next(l, 100, &b, &no, &len, &why), 0);
		ws_lines_close(l);
		ws_buf_release(&b);
		unlink(path);
	}
}

Test(manifest, lookup_by_doc_id_with_mapped_columns)
{
	write_file("printf 'file\\tpub\\tday\\textra\\nx1\\tP\\t2020\\tq\\nx2\\t\\t2021\\tr\\n' > %s");
	struct ws_manifest *m;
	FILE *err = tmpfile();
	cr_assert_eq(ws_manifest_load(path, "doc_id=file,outlet=pub,date=day", err, &m), 0);
	cr_assert_eq(ws_manifest_size(m), 2);
	const struct ws_meta *v = ws_manifest_get(m, "x1", 2);
	cr_assert_not_null(v);
	cr_assert_str_eq(v->v[WS_META_OUTLET], "P");
	cr_assert_str_eq(v->v[WS_META_DATE], "2020");
	cr_assert_null(v->v[WS_META_TITLE], "no title column");
	cr_assert_null(ws_manifest_get(m, "x3", 2));
	cr_assert_null(ws_manifest_get(m, "x", 1));
	ws_manifest_free(m);
	cr_assert_eq(ws_manifest_load(path, "doc_id=file,colour=pub", err, &m), WS_ERR_DATA);
	fclose(err);
	unlink(path);
}

Test(jsonl, tsv_rows_become_objects)
{
	const char *hdr = "doc_id\tquote_no\tconfidence\tquote\n";
	struct ws_jcols c;
	ws_jcols_init(&c, hdr, strlen(hdr));
	struct ws_buf b = WS_BUF_INIT;
	const char *rows = "d\\1\t1\t0.85\tsaid \"no\"\nd2\t\t\t\n";
	ws_jsonl_from_tsv(&b, &c, rows, strlen(rows));
	cr_assert_str_eq(b.data,
			 "{\"doc_id\":\"d\\\\1\",\"quote_no\":1,\"confidence\":0.85,"
			 "\"quote\":\"said \\\"no\\\"\"}\n"
			 "{\"doc_id\":\"d2\",\"quote_no\":null,\"confidence\":null,\"quote\":null}\n");
	ws_buf_release(&b);
	ws_jcols_release(&c);
}

Test(jsonl, record_fields_and_errors)
{
	struct ws_fields f;
	ws_fields_init(&f);
	struct ws_jrec r = { 0 };
	struct ws_buf err = WS_BUF_INIT;
	const char *line = "{\"meta\":{\"src\":\"x.com\"},\"maintext\":\"Hi.\",\"id\":5}";
	char msg[128];
	cr_assert_eq(ws_fields_set(&f, "outlet=meta.src", msg, sizeof(msg)), 0);
	cr_assert_eq(ws_jrec_parse(&f, line, strlen(line), &r, &err), 0);
	cr_assert_str_eq(r.v[WS_META_OUTLET], "x.com");
	cr_assert_str_eq(r.v[WS_META_ID], "5");
	cr_assert_eq(r.text_len, 3);
	ws_jrec_release(&r);
	cr_assert_eq(ws_jrec_parse(&f, "[1]", 3, &r, &err), -1);
	cr_assert_not_null(strstr(err.data, "one object"));
	ws_jrec_release(&r);
	cr_assert_eq(ws_fields_set(&f, "body", msg, sizeof(msg)), -1);
	ws_buf_release(&err);
	ws_fields_release(&f);
}
