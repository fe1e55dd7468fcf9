/* The batch runner (see run.h). */
#include "run.h"
#include "input.h"
#include "output.h"
#include "whosaid.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct out_file {
	const char *name;
	char *tmp, *final;
	FILE *f;
};

enum { OUT_QUOTES, OUT_ENTITIES, OUT_MENTIONS, OUT_DOCS, OUT_N };

static const char *const out_names[OUT_N] = {
	"quotes.tsv", "entities.tsv", "mentions.tsv", "docs.tsv"
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int make_dir(const char *dir)
{
	struct ws_buf p = WS_BUF_INIT;
	ws_buf_adds(&p, dir);
	for (size_t i = 1; i <= p.len; i++) {
		if (p.data[i] != '/' && p.data[i] != '\0')
			continue;
		char c = p.data[i];
		p.data[i] = '\0';
		if (mkdir(p.data, 0777) != 0 && errno != EEXIST) {
			fprintf(stderr, "whosaid: cannot create %s: %s\n", p.data, strerror(errno));
			ws_buf_release(&p);
			return -1;
		}
		p.data[i] = c;
	}
	ws_buf_release(&p);
	return 0;
}

static int open_outputs(const char *dir, struct out_file *of)
{
	if (make_dir(dir) != 0)
		return -1;
	for (int i = 0; i < OUT_N; i++) {
		struct ws_buf b = WS_BUF_INIT;
		of[i].name = out_names[i];
		ws_buf_addf(&b, "%s/.%s.%ld.tmp", dir, out_names[i], (long)getpid());
		of[i].tmp = b.data;
		ws_buf_init(&b);
		ws_buf_addf(&b, "%s/%s", dir, out_names[i]);
		of[i].final = b.data;
		of[i].f = fopen(of[i].tmp, "wb");
		if (!of[i].f) {
			fprintf(stderr, "whosaid: cannot write %s: %s\n", of[i].tmp, strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* Closes the temporary files and, when all went well, renames them into
 * place; otherwise removes them, so no partial file looks complete. */
static int finish_outputs(struct out_file *of, int ok)
{
	for (int i = 0; i < OUT_N; i++) {
		if (!of[i].f)
			continue;
		if (fflush(of[i].f) != 0 || ferror(of[i].f)) {
			if (ok)
				fprintf(stderr, "whosaid: cannot write %s: %s\n", of[i].final,
					strerror(errno));
			ok = 0;
		}
		if (fclose(of[i].f) != 0 && ok) {
			fprintf(stderr, "whosaid: cannot write %s: %s\n", of[i].final, strerror(errno));
			ok = 0;
		}
		of[i].f = NULL;
	}
	for (int i = 0; i < OUT_N; i++) {
		if (!of[i].tmp)
			continue;
		if (ok && rename(of[i].tmp, of[i].final) != 0) {
			fprintf(stderr, "whosaid: cannot rename %s to %s: %s\n", of[i].tmp,
				of[i].final, strerror(errno));
			ok = 0;
		}
		if (!ok)
			unlink(of[i].tmp);
	}
	for (int i = 0; i < OUT_N; i++) {
		free(of[i].tmp);
		free(of[i].final);
	}
	return ok ? 0 : -1;
}

static int put(FILE *f, struct ws_buf *b)
{
	if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
		return -1;
	ws_buf_reset(b);
	return ferror(f) ? -1 : 0;
}

/* Writes the rows rendered so far; without an output directory only the
 * quotes go anywhere. */
static int flush_rows(const struct ws_run_opts *o, FILE *qf, struct out_file *of,
		      struct ws_buf *bq, struct ws_buf *be, struct ws_buf *bm, struct ws_buf *bd)
{
	int rc = put(qf, bq);
	if (o->outdir) {
		rc |= put(of[OUT_ENTITIES].f, be);
		rc |= put(of[OUT_MENTIONS].f, bm);
		rc |= put(of[OUT_DOCS].f, bd);
	}
	ws_buf_reset(be);
	ws_buf_reset(bm);
	ws_buf_reset(bd);
	return rc;
}

static size_t speakers(const struct ws_doc *d)
{
	const struct ws_entity *en;
	size_t n = ws_doc_entities(d, &en), k = 0;
	for (size_t i = 0; i < n; i++)
		k += en[i].quotes > 0;
	return k;
}

int ws_run_extract(const struct ws_engine *e, char *const *paths, int npaths,
		   const struct ws_run_opts *o, struct ws_run_stats *st)
{
	double t0 = now();
	memset(st, 0, sizeof(*st));
	ws_input_vec inputs = { 0 };
	int walk_errors = 0;
	for (int i = 0; i < npaths; i++)
		ws_inputs_collect(paths[i], o->outlet_from_dir, &inputs, stderr, &walk_errors);

	struct out_file of[OUT_N];
	memset(of, 0, sizeof(of));
	FILE *qf = stdout;
	int out_ok = 1;
	if (o->outdir) {
		if (open_outputs(o->outdir, of) != 0) {
			finish_outputs(of, 0);
			ws_inputs_free(&inputs);
			return WS_EXIT_OUTPUT;
		}
		qf = of[OUT_QUOTES].f;
	}
	struct ws_buf bq = WS_BUF_INIT, be = WS_BUF_INIT, bm = WS_BUF_INIT, bd = WS_BUF_INIT;
	struct ws_buf text = WS_BUF_INIT;
	ws_out_quotes_header(&bq);
	ws_out_entities_header(&be);
	ws_out_mentions_header(&bm);
	ws_out_docs_header(&bd);
	if (flush_rows(o, qf, of, &bq, &be, &bm, &bd) != 0)
		out_ok = 0;
	struct ws_doc *doc = ws_doc_new(e);
	for (size_t i = 0; i < inputs.n && out_ok; i++) {
		const struct ws_input *in = &inputs.v[i];
		struct ws_docinfo m;
		memset(&m, 0, sizeof(m));
		m.doc_id = in->doc_id;
		m.outlet = o->outlet ? o->outlet : in->outlet;
		m.source = in->path;
		const char *why = NULL;
		char msg[256];
		m.status = ws_read_file(in->path, o->max_doc_bytes, &text, &m.bytes, &why);
		if (m.status == WS_ERR_IO) {
			snprintf(msg, sizeof(msg), "cannot read: %s", why);
			m.error = msg;
		} else if (m.status == WS_ERR_TOO_LARGE) {
			snprintf(msg, sizeof(msg), "document too large: %llu bytes, limit %zu "
				 "(raise --max-doc-bytes)", (unsigned long long)m.bytes,
				 o->max_doc_bytes);
			m.error = msg;
		} else {
			m.status = ws_doc_process(doc, text.data ? text.data : "", text.len);
			if (m.status != WS_OK) {
				m.error = ws_strerror(m.status);
			} else {
				const struct ws_statement *s;
				const struct ws_entity *en;
				m.quotes = ws_doc_statements(doc, &s);
				m.entities = ws_doc_entities(doc, &en);
				size_t bad = ws_doc_invalid_bytes(doc);
				if (bad) {
					snprintf(msg, sizeof(msg), "warning: %zu bytes of invalid "
						 "UTF-8 read as unknown characters", bad);
					m.error = msg;
				}
				ws_out_quotes(&bq, &m, doc);
				ws_out_entities(&be, &m, doc);
				ws_out_mentions(&bm, &m, doc);
				st->statements += m.quotes;
				st->speakers += speakers(doc);
			}
		}
		if (m.status != WS_OK) {
			st->failed++;
			fprintf(stderr, "whosaid: %s: %s\n", in->path, m.error);
		}
		st->docs++;
		st->bytes += m.bytes;
		ws_out_doc(&bd, &m);
		if (flush_rows(o, qf, of, &bq, &be, &bm, &bd) != 0)
			out_ok = 0;
	}
	ws_doc_free(doc);
	ws_buf_release(&bq);
	ws_buf_release(&be);
	ws_buf_release(&bm);
	ws_buf_release(&bd);
	ws_buf_release(&text);
	ws_inputs_free(&inputs);
	if (!o->outdir && (fflush(stdout) != 0 || ferror(stdout)))
		out_ok = 0;
	if (o->outdir) {
		if (finish_outputs(of, out_ok) != 0)
			out_ok = 0;
	} else if (!out_ok) {
		fprintf(stderr, "whosaid: cannot write to standard output: %s\n", strerror(errno));
	}
	st->seconds = now() - t0;
	if (!out_ok)
		return WS_EXIT_OUTPUT;
	return st->failed || walk_errors ? WS_EXIT_DOCS : WS_EXIT_OK;
}
