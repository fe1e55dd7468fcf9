/* libFuzzer target: the JSON Lines path of a run. The input after its first
 * byte is written to a file (gzip-compressed when the byte says so) and read
 * back with the line reader at a small or large line limit; every line is
 * parsed as an article with the default or a --field mapping, and the text
 * found goes back out through the JSON writers. Checks: the reader gives
 * exactly the lines of the bytes, a refused line says why, and what the
 * writers make parses back to what went in. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "input.h"
#include "jsonl.h"
#include "whosaid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const specs[] = {
	NULL,	/* the defaults */
	"text=body,id=meta.uuid",
	"text=a.b.c,outlet=src,date=when,title=t,url=u",
	"id=n",
};

static const size_t limits[] = { 8, 64, 4096, 1u << 20 };

static char path[64];

static void write_input(const uint8_t *p, size_t n, int gzip)
{
	if (gzip) {
		gzFile gz = gzopen(path, "wb");
		if (!gz || (n && gzwrite(gz, p, (unsigned)n) != (int)n) || gzclose(gz) != Z_OK)
			abort();
		return;
	}
	FILE *f = fopen(path, "wb");
	if (!f || (n && fwrite(p, 1, n, f) != n) || fclose(f) != 0)
		abort();
}

/* The text goes out as a JSON string and as a TSV field, and both must read
 * back: the string as the same bytes, each TSV row as one object. */
static void round_trip(const char *text, size_t len)
{
	struct ws_buf out = WS_BUF_INIT;
	ws_json_str(&out, text, len);
	json_error_t je;
	json_t *v = json_loadb(out.data, out.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
	if (!v || !json_is_string(v) || json_string_length(v) != len ||
	    memcmp(json_string_value(v), text, len) != 0)
		abort();
	json_decref(v);

	static const char header[] = "doc_id\tquotes\ttitle\n";
	struct ws_jcols c;
	ws_jcols_init(&c, header, sizeof(header) - 1);
	if (c.n != 3 || !c.numeric[1] || c.numeric[0])
		abort();
	ws_buf_reset(&out);
	ws_jsonl_from_tsv(&out, &c, text, len);
	size_t rows = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		rows++;
		i = nl ? (size_t)(nl - text) + 1 : len;
	}
	size_t objs = 0;
	for (size_t i = 0; i < out.len;) {
		const char *nl = memchr(out.data + i, '\n', out.len - i);
		if (!nl)
			abort();	/* every object ends its line */
		json_t *o = json_loadb(out.data + i, (size_t)(nl - out.data) - i,
				       JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
		if (!o || !json_is_object(o) || json_object_size(o) != 3)
			abort();
		json_decref(o);
		objs++;
		i = (size_t)(nl - out.data) + 1;
	}
	if (objs != rows)
		abort();
	ws_jcols_release(&c);
	ws_buf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	if (!path[0])
		snprintf(path, sizeof(path), "/tmp/fuzz-jsonl-%ld.jsonl", (long)getpid());
	unsigned opt = data[0];
	const uint8_t *p = data + 1;
	size_t n = size - 1;
	int gzip = opt & 1;
	size_t max = limits[(opt >> 1) & 3];
	const char *spec = specs[(opt >> 3) & 3];
	write_input(p, n, gzip);
	/* plain bytes that start like gzip are read as gzip: nothing to compare */
	int exact = gzip || n < 2 || p[0] != 0x1f || p[1] != 0x8b;

	struct ws_fields f;
	ws_fields_init(&f);
	char msg[256];
	if (spec && ws_fields_set(&f, spec, msg, sizeof(msg)) != 0)
		abort();
	struct ws_lines *l;
	const char *why;
	if (ws_lines_open(path, &l, &why) != WS_OK)
		abort();
	struct ws_buf line = WS_BUF_INIT, err = WS_BUF_INIT;
	struct ws_jrec rec;
	memset(&rec, 0, sizeof(rec));
	size_t at = 0;		/* where the next line starts in p */
	unsigned long want_no = 0;
	for (;;) {
		unsigned long lineno = 0;
		uint64_t len = 0;
		int rc = ws_lines_next(l, max, &line, &lineno, &len, &why);
		if (rc == WS_ERR_IO) {
			if (exact || !why)
				abort();	/* only a broken gzip stream fails */
			break;
		}
		if (rc == 0) {
			if (exact && at != n)
				abort();	/* lines lost at the end */
			break;
		}
		if (lineno != ++want_no)
			abort();
		if (exact) {
			if (at >= n)
				abort();	/* a line past the end */
			const uint8_t *nl = memchr(p + at, '\n', n - at);
			size_t seg = nl ? (size_t)(nl - p) - at : n - at;
			if (len != seg)
				abort();
			if (rc == WS_ERR_TOO_LARGE) {
				if (seg <= max)
					abort();
			} else {
				size_t keep = seg && p[at + seg - 1] == '\r' ? seg - 1 : seg;
				if (seg > max || line.len != keep ||
				    memcmp(line.data, p + at, keep) != 0 || line.data[keep] != '\0')
					abort();
			}
			at += seg + (nl != NULL);
		}
		if (rc != 1)
			continue;
		ws_buf_reset(&err);
		int pr = ws_jrec_parse(&f, line.data, line.len, &rec, &err);
		if (pr != 0 && (pr != -1 || err.len == 0))
			abort();	/* refused without a reason */
		if (pr == 0) {
			if (!rec.text || strlen(rec.text) > rec.text_len)
				abort();
			round_trip(rec.text, rec.text_len);
		}
		for (int k = 0; k < WS_META_N; k++)
			if (rec.v[k])
				(void)strlen(rec.v[k]);
		ws_jrec_release(&rec);
	}
	ws_lines_close(l);
	ws_buf_release(&line);
	ws_buf_release(&err);
	ws_fields_release(&f);
	return 0;
}
