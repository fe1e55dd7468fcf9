/* The batch runner (see run.h). The calling thread reads inputs into a
 * ring of batches; worker threads analyse whole batches and render their
 * rows into the batch's own buffers; one writer thread writes batches in
 * ring order. Output order is input order for any number of workers, and
 * memory is bounded by the ring, whatever the corpus size. */
#include "run.h"
#include "input.h"
#include "jsonl.h"
#include "manifest.h"
#include "output.h"
#include "whosaid.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { OUT_QUOTES, OUT_ENTITIES, OUT_MENTIONS, OUT_DOCS, OUT_ROWS, OUT_RUN = OUT_ROWS,
       OUT_N };

static const char *const out_base[OUT_ROWS] = { "quotes", "entities", "mentions", "docs" };

/* A batch closes at this many documents or bytes of raw input, whichever
 * comes first: large enough that locking is rare, small enough that the
 * ring stays a few megabytes. */
enum { BATCH_DOCS = 128, BATCH_BYTES = 1 << 20 };
/* Buffers that grew past this for one huge document are given back. */
enum { KEEP_BYTES = 4 << 20 };

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- output files, renamed into place together at the end ---- */

struct out_file {
	char *tmp, *final;
	FILE *f;
};

/* The temporary names, for the signal handler: an interrupted run removes
 * them, so nothing partial is left behind, complete-looking or not. */
static char *volatile tmp_names[OUT_N];

static void on_fatal_signal(int sig)
{
	for (int i = 0; i < OUT_N; i++)
		if (tmp_names[i])
			unlink(tmp_names[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void guard_tmp(struct out_file *of, int on)
{
	for (int i = 0; i < OUT_N; i++)
		tmp_names[i] = on ? of[i].tmp : NULL;
	if (on) {
		signal(SIGINT, on_fatal_signal);
		signal(SIGTERM, on_fatal_signal);
		signal(SIGHUP, on_fatal_signal);
	} else {
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
	}
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
			fprintf(stderr, "whosaid: cannot create directory %s: %s\n", p.data,
				strerror(errno));
			ws_buf_release(&p);
			return -1;
		}
		p.data[i] = c;
	}
	struct stat st;
	int ok = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	if (!ok)
		fprintf(stderr, "whosaid: cannot write to %s: not a directory\n", dir);
	ws_buf_release(&p);
	return ok ? 0 : -1;
}

static int open_outputs(const char *dir, const char *const names[OUT_N], struct out_file *of)
{
	if (make_dir(dir) != 0)
		return -1;
	for (int i = 0; i < OUT_N; i++) {
		struct ws_buf b = WS_BUF_INIT;
		ws_buf_addf(&b, "%s/.%s.%ld.tmp", dir, names[i], (long)getpid());
		of[i].tmp = b.data;
		ws_buf_init(&b);
		ws_buf_addf(&b, "%s/%s", dir, names[i]);
		of[i].final = b.data;
	}
	guard_tmp(of, 1);
	for (int i = 0; i < OUT_N; i++) {
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
	}
	for (int i = 0; i < OUT_N; i++) {
		if (!ok && of[i].tmp)
			unlink(of[i].tmp);
	}
	guard_tmp(of, 0);
	for (int i = 0; i < OUT_N; i++) {
		free(of[i].tmp);
		free(of[i].final);
		of[i].tmp = of[i].final = NULL;
	}
	return ok ? 0 : -1;
}

static int put(FILE *f, const struct ws_buf *b)
{
	if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
		return -1;
	return 0;
}

/* ---- the data hash for run.json ---- */

static int data_file(const char *name)
{
	static const char *const ext[] = { ".txt", ".rules", ".lst", ".def", ".tsv", NULL };
	size_t n = strlen(name);
	for (int i = 0; ext[i]; i++) {
		size_t k = strlen(ext[i]);
		if (n > k && strcmp(name + n - k, ext[i]) == 0)
			return 1;
	}
	return 0;
}

typedef WS_VEC(char *) str_vec;

/* Collects relative paths of data files under root/rel; directories nest
 * a few levels at most, so recursion is bounded by the data layout. */
static void list_data(const char *root, const char *rel, int depth, str_vec *out)
{
	struct ws_buf p = WS_BUF_INIT;
	ws_buf_addf(&p, "%s/%s", root, rel);
	DIR *d = opendir(p.data);
	if (!d || depth > 8) {
		if (d)
			closedir(d);
		ws_buf_release(&p);
		return;
	}
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || strcmp(de->d_name, "build") == 0 ||
		    strcmp(de->d_name, "src") == 0)
			continue;
		struct ws_buf r = WS_BUF_INIT, full = WS_BUF_INIT;
		ws_buf_addf(&r, "%s/%s", rel, de->d_name);
		ws_buf_addf(&full, "%s/%s", root, r.data);
		struct stat st;
		if (stat(full.data, &st) == 0 && S_ISDIR(st.st_mode))
			list_data(root, r.data, depth + 1, out);
		else if (data_file(de->d_name))
			WS_VEC_PUSH(*out, ws_xstrdup(r.data));
		ws_buf_release(&r);
		ws_buf_release(&full);
	}
	closedir(d);
	ws_buf_release(&p);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int ws_data_hash(const char *datadir, uint64_t *hash, size_t *nfiles)
{
	str_vec files = { 0 };
	list_data(datadir, "rules", 0, &files);
	list_data(datadir, "gazetteers", 0, &files);
	qsort(files.v, files.n, sizeof(char *), cmp_str);
	uint64_t h = WS_FNV_INIT;
	int rc = WS_OK;
	struct ws_buf b = WS_BUF_INIT, path = WS_BUF_INIT;
	for (size_t i = 0; i < files.n; i++) {
		uint64_t size;
		const char *why;
		ws_buf_reset(&path);
		ws_buf_addf(&path, "%s/%s", datadir, files.v[i]);
		if (ws_read_file(path.data, (size_t)1 << 30, &b, &size, &why) != WS_OK)
			rc = WS_ERR_IO;
		h = ws_fnv1a64(h, files.v[i], strlen(files.v[i]) + 1);
		h = ws_fnv1a64(h, b.data ? b.data : "", b.len + 1);
		free(files.v[i]);
	}
	*hash = h;
	*nfiles = files.n;
	WS_VEC_FREE(files);
	ws_buf_release(&b);
	ws_buf_release(&path);
	return rc;
}

/* ---- the pipeline ---- */

/* One input document as the reader hands it over. Buffers are kept from
 * batch to batch so that a long run allocates nothing per document. */
struct item {
	enum ws_input_kind kind;
	struct ws_buf path;	/* TEXT: the file the worker reads */
	struct ws_buf source;	/* for docs.tsv and messages */
	struct ws_buf id;	/* doc_id; JSONL: used when the line has no id */
	struct ws_buf outlet;	/* from the directory, or empty */
	struct ws_buf raw;	/* JSONL: the line; STDIN: the text */
	int status;		/* a reader's error: WS_ERR_IO, WS_ERR_TOO_LARGE */
	const char *why;	/* for WS_ERR_IO, a static string */
	uint64_t bytes;
};

enum slot_state { SLOT_FREE, SLOT_FILLED, SLOT_DONE };

struct slot {
	enum slot_state state;
	struct item *items;
	size_t n, cap, raw_bytes;
	struct ws_buf out[OUT_ROWS];
	struct ws_buf msgs;	/* stderr lines, written in order with the rows */
	size_t docs, failed, statements, speakers, skipped;
	uint64_t bytes, in_pos;
};

struct run {
	const struct ws_engine *engine;
	const struct ws_run_opts *o;
	struct ws_fields fields_default;
	const struct ws_fields *fields;
	struct ws_jcols jcols[OUT_ROWS];
	int all_files;		/* render entities, mentions and docs too */
	struct slot *slots;
	size_t nslots;
	pthread_mutex_t mu;
	pthread_cond_t cv_free, cv_filled, cv_done;
	size_t fill_seq, work_seq, write_seq;	/* batches started by each stage */
	int eof, stop;
	size_t reader_skipped;	/* text files of other shards, never read */
	int filling;		/* the reader has started the batch at fill_seq */
	/* The writer's. */
	FILE *files[OUT_ROWS];
	int out_ok, write_errno, failed_file, progress;
	uint64_t in_total;	/* input bytes, 0 when unknown */
	double t0, last_progress;
	struct ws_run_stats st;
};

struct worker {
	struct run *r;
	pthread_t tid;
	struct ws_doc *doc;
	struct ws_buf text, err, tsv[OUT_ROWS];
	struct ws_jrec rec;
};

static size_t speakers(const struct ws_doc *d)
{
	const struct ws_entity *en;
	size_t n = ws_doc_entities(d, &en), k = 0;
	for (size_t i = 0; i < n; i++)
		k += en[i].quotes > 0;
	return k;
}

static const char *nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

/* Analyses one document and renders its rows into the batch. */
static void process(struct worker *w, struct slot *s, struct item *it)
{
	struct run *r = w->r;
	const struct ws_run_opts *o = r->o;
	struct ws_docinfo m;
	memset(&m, 0, sizeof(m));
	m.doc_id = it->id.data;
	m.source = it->source.data;
	m.outlet = nonempty(it->outlet.data);
	m.bytes = it->bytes;
	m.status = it->status;
	ws_buf_reset(&w->err);
	const char *text = NULL;
	size_t len = 0;
	int have_rec = 0;
	if (m.status == WS_OK && it->kind == WS_IN_TEXT) {
		const char *why;
		m.status = ws_read_file(it->path.data, o->max_doc_bytes, &w->text, &m.bytes, &why);
		if (m.status == WS_ERR_IO)
			ws_buf_addf(&w->err, "cannot read: %s", why);
		text = w->text.data;
		len = w->text.len;
	} else if (m.status == WS_OK && it->kind == WS_IN_STDIN) {
		text = it->raw.data;
		len = it->raw.len;
	} else if (m.status == WS_OK && it->kind == WS_IN_JSONL) {
		have_rec = 1;
		struct ws_jrec *rec = &w->rec;
		if (ws_jrec_parse(r->fields, it->raw.data, it->raw.len, rec, &w->err) != 0)
			m.status = WS_ERR_IO;
		if (nonempty(rec->v[WS_META_ID]))
			m.doc_id = rec->v[WS_META_ID];
		if (!ws_shard_has(&o->shard, m.doc_id, strlen(m.doc_id))) {
			s->skipped++;
			ws_jrec_release(rec);
			return;
		}
		if (nonempty(rec->v[WS_META_OUTLET]))
			m.outlet = rec->v[WS_META_OUTLET];
		m.date = nonempty(rec->v[WS_META_DATE]);
		m.title = nonempty(rec->v[WS_META_TITLE]);
		m.url = nonempty(rec->v[WS_META_URL]);
		text = rec->text;
		len = rec->text_len;
		m.bytes = len;
		if (m.status == WS_OK && len > o->max_doc_bytes)
			m.status = WS_ERR_TOO_LARGE;
	}
	if (o->manifest) {
		const struct ws_meta *mm = ws_manifest_get(o->manifest, m.doc_id, strlen(m.doc_id));
		if (mm) {
			if (nonempty(mm->v[WS_META_OUTLET]))
				m.outlet = mm->v[WS_META_OUTLET];
			if (nonempty(mm->v[WS_META_DATE]))
				m.date = mm->v[WS_META_DATE];
			if (nonempty(mm->v[WS_META_TITLE]))
				m.title = mm->v[WS_META_TITLE];
			if (nonempty(mm->v[WS_META_URL]))
				m.url = mm->v[WS_META_URL];
		}
	}
	if (o->outlet)
		m.outlet = o->outlet;
	int json = o->format == WS_FMT_JSONL;
	struct ws_buf *dst = json ? w->tsv : s->out;
	if (m.status == WS_ERR_TOO_LARGE) {
		ws_buf_addf(&w->err, "document too large: %llu bytes, limit %zu "
			    "(raise --max-doc-bytes)", (unsigned long long)m.bytes, o->max_doc_bytes);
	} else if (m.status == WS_ERR_IO && !w->err.len) {
		ws_buf_addf(&w->err, "cannot read: %s", it->why ? it->why : "input error");
	} else if (m.status == WS_OK) {
		m.status = ws_doc_process(w->doc, text ? text : "", len);
		if (m.status != WS_OK) {
			ws_buf_adds(&w->err, ws_strerror(m.status));
		} else {
			const struct ws_statement *stm;
			const struct ws_entity *en;
			m.quotes = ws_doc_statements(w->doc, &stm);
			m.entities = ws_doc_entities(w->doc, &en);
			size_t bad = ws_doc_invalid_bytes(w->doc);
			if (bad)
				ws_buf_addf(&w->err, "warning: %zu bytes of invalid UTF-8 read as "
					    "unknown characters", bad);
			ws_out_quotes(&dst[OUT_QUOTES], &m, w->doc);
			if (r->all_files) {
				ws_out_entities(&dst[OUT_ENTITIES], &m, w->doc);
				ws_out_mentions(&dst[OUT_MENTIONS], &m, w->doc);
			}
			s->statements += m.quotes;
			s->speakers += speakers(w->doc);
		}
	}
	m.error = w->err.len ? w->err.data : NULL;
	if (m.status != WS_OK) {
		s->failed++;
		ws_buf_addf(&s->msgs, "whosaid: %s: %s\n", it->source.data, m.error);
	}
	s->docs++;
	s->bytes += m.bytes;
	if (r->all_files)
		ws_out_doc(&dst[OUT_DOCS], &m);
	if (json) {
		for (int i = 0; i < OUT_ROWS; i++) {
			ws_jsonl_from_tsv(&s->out[i], &r->jcols[i], w->tsv[i].data, w->tsv[i].len);
			ws_buf_reset(&w->tsv[i]);
		}
	}
	if (have_rec)
		ws_jrec_release(&w->rec);
	if (w->text.cap > KEEP_BYTES)
		ws_buf_release(&w->text);
}

/* A batch's rows come to about its input's size: a slot's row buffers
 * get room for a batch at once, which spares the copies of growing them
 * by doubling from empty (pages never written cost no memory). */
static void reserve_rows(const struct run *r, struct slot *s)
{
	for (int i = 0; i < OUT_ROWS; i++)
		if ((i == OUT_QUOTES || r->all_files) && s->out[i].cap < BATCH_BYTES)
			ws_buf_grow(&s->out[i], BATCH_BYTES);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct run *r = w->r;
	for (;;) {
		pthread_mutex_lock(&r->mu);
		while (r->work_seq == r->fill_seq && !r->eof)
			pthread_cond_wait(&r->cv_filled, &r->mu);
		if (r->work_seq == r->fill_seq) {
			pthread_mutex_unlock(&r->mu);
			return NULL;
		}
		struct slot *s = &r->slots[r->work_seq++ % r->nslots];
		pthread_mutex_unlock(&r->mu);
		reserve_rows(r, s);
		for (size_t i = 0; i < s->n; i++) {
			process(w, s, &s->items[i]);
			if (s->items[i].raw.cap > KEEP_BYTES)
				ws_buf_release(&s->items[i].raw);
		}
		pthread_mutex_lock(&r->mu);
		s->state = SLOT_DONE;
		pthread_cond_broadcast(&r->cv_done);
		pthread_mutex_unlock(&r->mu);
	}
}

static void fmt_eta(char *b, size_t n, double s)
{
	unsigned long t = (unsigned long)(s + 0.5);
	if (t >= 3600)
		snprintf(b, n, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(b, n, "%lu:%02lu", t / 60, t % 60);
}

/* The progress line: rewritten in place on a terminal, ended by a newline
 * when the run is over. */
static void show_progress(struct run *r, uint64_t in_pos, int final)
{
	double t = now(), el = t - r->t0;
	if (!final && t - r->last_progress < 0.25)
		return;
	r->last_progress = t;
	double mb = (double)r->st.bytes / 1e6;
	char eta[32] = "";
	if (!final && r->in_total && in_pos && in_pos <= r->in_total && el > 0) {
		char e[24];
		fmt_eta(e, sizeof(e), el * (double)(r->in_total - in_pos) / (double)in_pos);
		snprintf(eta, sizeof(eta), ", ETA %s", e);
	} else if (r->in_total && final) {
		snprintf(eta, sizeof(eta), ", done");
	}
	fprintf(stderr, "\rwhosaid: %zu documents, %.1f MB, %.1f MB/s%s\033[K%s", r->st.docs, mb,
		el > 0 ? mb / el : 0.0, eta, final ? "\n" : "");
	fflush(stderr);
}

static void write_slot(struct run *r, struct slot *s)
{
	if (s->msgs.len) {
		if (r->progress)
			fputs("\r\033[K", stderr);
		fwrite(s->msgs.data, 1, s->msgs.len, stderr);
	}
	for (int i = 0; i < OUT_ROWS && r->out_ok; i++) {
		if (r->files[i] && put(r->files[i], &s->out[i]) != 0) {
			r->out_ok = 0;
			r->write_errno = errno;
			r->failed_file = i;
		}
	}
	r->st.docs += s->docs;
	r->st.failed += s->failed;
	r->st.statements += s->statements;
	r->st.speakers += s->speakers;
	r->st.skipped += s->skipped;
	r->st.bytes += s->bytes;
	if (r->progress)
		show_progress(r, s->in_pos, 0);
	for (int i = 0; i < OUT_ROWS; i++) {
		if (s->out[i].cap > KEEP_BYTES)
			ws_buf_release(&s->out[i]);
		ws_buf_reset(&s->out[i]);
	}
	ws_buf_reset(&s->msgs);
	s->docs = s->failed = s->statements = s->speakers = s->skipped = 0;
	s->bytes = 0;
	s->n = s->raw_bytes = 0;
}

static void *writer_main(void *arg)
{
	struct run *r = arg;
	for (;;) {
		pthread_mutex_lock(&r->mu);
		struct slot *s = &r->slots[r->write_seq % r->nslots];
		while (!(r->write_seq < r->fill_seq && s->state == SLOT_DONE) &&
		       !(r->eof && r->write_seq == r->fill_seq))
			pthread_cond_wait(&r->cv_done, &r->mu);
		if (r->write_seq == r->fill_seq) {
			pthread_mutex_unlock(&r->mu);
			return NULL;
		}
		pthread_mutex_unlock(&r->mu);
		write_slot(r, s);
		pthread_mutex_lock(&r->mu);
		if (!r->out_ok)
			r->stop = 1;
		s->state = SLOT_FREE;
		r->write_seq++;
		pthread_cond_signal(&r->cv_free);
		pthread_mutex_unlock(&r->mu);
	}
}

/* The batch the reader fills; when starting one, waits for the writer to
 * have given it back. */
static struct slot *wait_free(struct run *r)
{
	struct slot *s = &r->slots[r->fill_seq % r->nslots];
	if (r->filling)
		return s;
	pthread_mutex_lock(&r->mu);
	while (s->state != SLOT_FREE)
		pthread_cond_wait(&r->cv_free, &r->mu);
	pthread_mutex_unlock(&r->mu);
	r->filling = 1;
	return s;
}

static void publish(struct run *r, uint64_t in_pos)
{
	struct slot *s = &r->slots[r->fill_seq % r->nslots];
	if (!r->filling || s->n == 0)
		return;
	r->filling = 0;
	s->in_pos = in_pos;
	pthread_mutex_lock(&r->mu);
	s->state = SLOT_FILLED;
	r->fill_seq++;
	pthread_cond_signal(&r->cv_filled);
	pthread_mutex_unlock(&r->mu);
}

/* A fresh item at the end of the batch being filled. */
static struct item *new_item(struct run *r, enum ws_input_kind kind, const char *source,
			     const char *outlet)
{
	struct slot *s = wait_free(r);
	if (s->n == s->cap) {
		size_t old = s->cap;
		ws_grow((void **)&s->items, &s->cap, s->n + 1, sizeof(struct item));
		memset(s->items + old, 0, (s->cap - old) * sizeof(struct item));
	}
	struct item *it = &s->items[s->n++];
	it->kind = kind;
	it->status = WS_OK;
	it->why = NULL;
	it->bytes = 0;
	ws_buf_reset(&it->path);
	ws_buf_reset(&it->source);
	ws_buf_reset(&it->id);
	ws_buf_reset(&it->outlet);
	ws_buf_reset(&it->raw);
	ws_buf_adds(&it->source, source);
	ws_buf_adds(&it->outlet, outlet ? outlet : "");
	return it;
}

static void end_item(struct run *r, uint64_t in_pos)
{
	struct slot *s = &r->slots[r->fill_seq % r->nslots];
	s->raw_bytes += s->items[s->n - 1].raw.len + 256;
	if (s->n >= BATCH_DOCS || s->raw_bytes >= BATCH_BYTES)
		publish(r, in_pos);
}

/* Reads a JSON Lines source into items, one per non-blank line. */
static void read_jsonl(struct run *r, const struct ws_walk_entry *e, uint64_t base,
		       uint64_t *in_pos)
{
	const struct ws_run_opts *o = r->o;
	struct ws_lines *l;
	const char *why;
	if (ws_lines_open(e->path, &l, &why) != WS_OK) {
		struct item *it = new_item(r, WS_IN_JSONL, e->path, e->outlet);
		ws_buf_adds(&it->id, e->name);
		it->status = WS_ERR_IO;
		it->why = why;
		end_item(r, *in_pos);
		return;
	}
	/* A line holds the text escaped: allow for that before parsing. */
	size_t max = o->max_doc_bytes > ((size_t)-1 - (1u << 20)) / 2 ? (size_t)-1
		     : o->max_doc_bytes * 2 + (1u << 20);
	while (!r->stop) {
		struct item *it = new_item(r, WS_IN_JSONL, "", e->outlet);
		unsigned long lineno = 0;
		uint64_t len;
		int rc = ws_lines_next(l, max, &it->raw, &lineno, &len, &why);
		if (rc == 0 || (rc == 1 && strspn(it->raw.data, " \t\r\f\v") == it->raw.len)) {
			r->slots[r->fill_seq % r->nslots].n--;	/* the end, or a blank line */
			if (rc == 0)
				break;
			continue;
		}
		ws_buf_reset(&it->source);
		if (rc == WS_ERR_IO) {
			ws_buf_adds(&it->source, e->path);
			ws_buf_adds(&it->id, e->name);
			it->status = WS_ERR_IO;
			it->why = why;
			end_item(r, *in_pos);
			break;
		}
		ws_buf_addf(&it->source, "%s:%lu", strcmp(e->path, "-") ? e->path : "stdin", lineno);
		ws_buf_addf(&it->id, "%s:%lu", e->name, lineno);
		if (rc == WS_ERR_TOO_LARGE) {
			it->status = WS_ERR_TOO_LARGE;
			it->bytes = len;
		}
		*in_pos = base + ws_lines_offset(l);
		end_item(r, *in_pos);
	}
	ws_lines_close(l);
}

/* The reader: walks the inputs and fills batches until the end or until
 * the writer fails. */
static int read_inputs(struct run *r, char *const *paths, int npaths)
{
	const struct ws_run_opts *o = r->o;
	struct ws_walk *w = ws_walk_new(paths, npaths, o->outlet_from_dir, o->force_jsonl, 1,
					stderr);
	struct ws_walk_entry e;
	uint64_t in_pos = 0;
	while (!r->stop && ws_walk_next(w, &e)) {
		if (e.kind == WS_IN_JSONL) {
			uint64_t base = in_pos;
			read_jsonl(r, &e, base, &in_pos);
			if (base + e.size > in_pos)
				in_pos = base + e.size;
			continue;
		}
		char *id = e.kind == WS_IN_STDIN ? ws_xstrdup("stdin") : ws_text_doc_id(e.name);
		if (!ws_shard_has(&o->shard, id, strlen(id))) {
			r->reader_skipped++;
			free(id);
			in_pos += e.size;
			continue;
		}
		struct item *it = new_item(r, e.kind, e.path, e.outlet);
		ws_buf_adds(&it->id, id);
		free(id);
		if (e.kind == WS_IN_TEXT) {
			ws_buf_adds(&it->path, e.path);
		} else {
			const char *why;
			it->status = ws_read_file("-", o->max_doc_bytes, &it->raw, &it->bytes, &why);
			it->why = why;
		}
		in_pos += e.size;
		end_item(r, in_pos);
	}
	int errors = ws_walk_errors(w);
	ws_walk_free(w);
	publish(r, in_pos);
	pthread_mutex_lock(&r->mu);
	r->eof = 1;
	pthread_cond_broadcast(&r->cv_filled);
	pthread_cond_broadcast(&r->cv_done);
	pthread_mutex_unlock(&r->mu);
	return errors;
}

/* The bytes all inputs hold, for the ETA; 0 when unknown (stdin). */
static uint64_t input_total(char *const *paths, int npaths, const struct ws_run_opts *o)
{
	uint64_t total = 0;
	for (int i = 0; i < npaths; i++)
		if (strcmp(paths[i], "-") == 0)
			return 0;
	FILE *devnull = fopen("/dev/null", "w");
	if (!devnull)
		return 0;
	struct ws_walk *w = ws_walk_new(paths, npaths, 0, o->force_jsonl, 1, devnull);
	struct ws_walk_entry e;
	while (ws_walk_next(w, &e))
		total += e.size;
	ws_walk_free(w);
	fclose(devnull);
	return total;
}

static int default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static void write_run_json(FILE *f, const struct run *r, char *const *paths, int npaths,
			   int jobs, int walk_errors)
{
	const struct ws_run_opts *o = r->o;
	uint64_t h = 0;
	size_t nfiles = 0;
	char hash[40] = "";
	if (o->datadir && ws_data_hash(o->datadir, &h, &nfiles) == WS_OK)
		snprintf(hash, sizeof(hash), "fnv1a64:%016llx", (unsigned long long)h);
	json_t *inputs = json_array();
	for (int i = 0; i < npaths; i++)
		json_array_append_new(inputs, json_string(paths[i]));
	char shard[48] = "";
	if (o->shard.n)
		snprintf(shard, sizeof(shard), "%u/%u", o->shard.k, o->shard.n);
	double secs = r->st.seconds;
	json_t *root = json_pack(
		"{s:s, s:s, s:{s:s?, s:s?, s:I}, "
		"s:{s:o, s:s, s:i, s:s?, s:s?, s:b, s:b, s:s?, s:I, s:b}, "
		"s:{s:I, s:I, s:I, s:I, s:I, s:I, s:i}, "
		"s:{s:f, s:f, s:f, s:f}}",
		"program", "whosaid", "version", WS_VERSION,
		"data", "dir", o->datadir, "hash", *hash ? hash : NULL, "files", (json_int_t)nfiles,
		"options", "inputs", inputs,
		"format", o->format == WS_FMT_JSONL ? "jsonl" : "tsv",
		"jobs", jobs, "shard", *shard ? shard : NULL, "outlet", o->outlet,
		"outlet_from_dir", o->outlet_from_dir, "jsonl", o->force_jsonl,
		"manifest", o->manifest_path, "max_doc_bytes", (json_int_t)o->max_doc_bytes,
		"header", !o->no_header,
		"counts", "documents", (json_int_t)r->st.docs, "failed", (json_int_t)r->st.failed,
		"statements", (json_int_t)r->st.statements, "speakers", (json_int_t)r->st.speakers,
		"skipped", (json_int_t)r->st.skipped, "bytes", (json_int_t)r->st.bytes,
		"walk_errors", walk_errors,
		"timings", "load_seconds", o->load_seconds, "run_seconds", secs,
		"mb_per_second", secs > 0 ? (double)r->st.bytes / 1e6 / secs : 0.0,
		"docs_per_second", secs > 0 ? (double)r->st.docs / secs : 0.0);
	if (root)
		json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', f);
	json_decref(root);
}

static void out_names(enum ws_format fmt, const char *names[OUT_N], char store[OUT_N][32])
{
	for (int i = 0; i < OUT_ROWS; i++) {
		snprintf(store[i], sizeof(store[i]), "%s.%s", out_base[i],
			 fmt == WS_FMT_JSONL ? "jsonl" : "tsv");
		names[i] = store[i];
	}
	names[OUT_RUN] = "run.json";
}

int ws_run_extract(const struct ws_engine *e, char *const *paths, int npaths,
		   const struct ws_run_opts *o, struct ws_run_stats *st)
{
	struct run *r = ws_xcalloc(1, sizeof(*r));
	r->t0 = now();
	r->engine = e;
	r->o = o;
	r->out_ok = 1;
	r->all_files = o->outdir != NULL;
	ws_fields_init(&r->fields_default);
	r->fields = o->fields ? o->fields : &r->fields_default;
	r->progress = !o->quiet && isatty(2);
	if (r->progress)
		r->in_total = input_total(paths, npaths, o);

	struct ws_buf hdr[OUT_ROWS];
	for (int i = 0; i < OUT_ROWS; i++)
		ws_buf_init(&hdr[i]);
	ws_out_quotes_header(&hdr[OUT_QUOTES]);
	ws_out_entities_header(&hdr[OUT_ENTITIES]);
	ws_out_mentions_header(&hdr[OUT_MENTIONS]);
	ws_out_docs_header(&hdr[OUT_DOCS]);
	for (int i = 0; i < OUT_ROWS; i++)
		ws_jcols_init(&r->jcols[i], hdr[i].data, hdr[i].len);

	struct out_file of[OUT_N];
	memset(of, 0, sizeof(of));
	const char *names[OUT_N];
	char store[OUT_N][32];
	out_names(o->format, names, store);
	int rc = WS_EXIT_OK;
	if (o->outdir) {
		if (open_outputs(o->outdir, names, of) != 0) {
			finish_outputs(of, 0);
			rc = WS_EXIT_OUTPUT;
			goto out;
		}
		for (int i = 0; i < OUT_ROWS; i++)
			r->files[i] = of[i].f;
	} else {
		r->files[OUT_QUOTES] = stdout;
	}
	if (o->format == WS_FMT_TSV && !o->no_header)
		for (int i = 0; i < OUT_ROWS; i++)
			if (r->files[i] && put(r->files[i], &hdr[i]) != 0)
				r->out_ok = 0;

	int jobs = o->jobs > 0 ? o->jobs : default_jobs();
	r->nslots = 2 * (size_t)jobs + 2;
	r->slots = ws_xcalloc(r->nslots, sizeof(struct slot));
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->cv_free, NULL);
	pthread_cond_init(&r->cv_filled, NULL);
	pthread_cond_init(&r->cv_done, NULL);
	struct worker *ws = ws_xcalloc((size_t)jobs, sizeof(struct worker));
	pthread_t writer;
	int started = 0;
	for (int i = 0; i < jobs; i++) {
		ws[i].r = r;
		ws[i].doc = ws_doc_new(e);
		if (pthread_create(&ws[i].tid, NULL, worker_main, &ws[i]) != 0)
			break;
		started++;
	}
	int writer_ok = started > 0 && pthread_create(&writer, NULL, writer_main, r) == 0;
	int walk_errors = 0;
	if (!writer_ok) {
		fprintf(stderr, "whosaid: cannot start threads: %s\n", strerror(errno));
		r->out_ok = 0;
		pthread_mutex_lock(&r->mu);
		r->eof = 1;
		pthread_cond_broadcast(&r->cv_filled);
		pthread_mutex_unlock(&r->mu);
	} else {
		walk_errors = read_inputs(r, paths, npaths);
		pthread_join(writer, NULL);
	}
	r->st.skipped += r->reader_skipped;
	for (int i = 0; i < started; i++)
		pthread_join(ws[i].tid, NULL);
	r->st.seconds = now() - r->t0;
	if (r->progress)
		show_progress(r, 0, 1);
	for (int i = 0; i < jobs; i++) {
		ws_doc_free(ws[i].doc);
		ws_buf_release(&ws[i].text);
		ws_buf_release(&ws[i].err);
		for (int k = 0; k < OUT_ROWS; k++)
			ws_buf_release(&ws[i].tsv[k]);
	}
	free(ws);

	if (!r->out_ok && r->write_errno)
		errno = r->write_errno;
	if (o->outdir) {
		if (!r->out_ok && r->write_errno)
			fprintf(stderr, "whosaid: cannot write %s: %s (nothing was written to %s)\n",
				of[r->failed_file].final, strerror(r->write_errno), o->outdir);
		if (r->out_ok)
			write_run_json(of[OUT_RUN].f, r, paths, npaths, jobs, walk_errors);
		if (finish_outputs(of, r->out_ok) != 0)
			r->out_ok = 0;
	} else {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			if (r->out_ok)
				r->write_errno = errno;
			r->out_ok = 0;
		}
		if (!r->out_ok)
			fprintf(stderr, "whosaid: cannot write to standard output: %s\n",
				strerror(r->write_errno));
	}
	if (!r->out_ok)
		rc = WS_EXIT_OUTPUT;
	else if (r->st.failed || walk_errors)
		rc = WS_EXIT_DOCS;

	for (size_t i = 0; i < r->nslots; i++) {
		struct slot *s = &r->slots[i];
		for (size_t k = 0; k < s->cap; k++) {
			struct item *it = &s->items[k];
			ws_buf_release(&it->path);
			ws_buf_release(&it->source);
			ws_buf_release(&it->id);
			ws_buf_release(&it->outlet);
			ws_buf_release(&it->raw);
		}
		free(s->items);
		for (int k = 0; k < OUT_ROWS; k++)
			ws_buf_release(&s->out[k]);
		ws_buf_release(&s->msgs);
	}
	free(r->slots);
	pthread_mutex_destroy(&r->mu);
	pthread_cond_destroy(&r->cv_free);
	pthread_cond_destroy(&r->cv_filled);
	pthread_cond_destroy(&r->cv_done);
out:
	r->st.seconds = now() - r->t0;
	*st = r->st;
	for (int i = 0; i < OUT_ROWS; i++) {
		ws_buf_release(&hdr[i]);
		ws_jcols_release(&r->jcols[i]);
	}
	ws_fields_release(&r->fields_default);
	free(r);
	return rc;
}

/* ---- whosaid cat ---- */

/* Copies f to out from its current position. */
static int copy_rest(FILE *f, FILE *out)
{
	char buf[1 << 16];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			return -1;
	return ferror(f) ? -2 : 0;
}

static const char *counts_keys[] = {
	"documents", "failed", "statements", "speakers", "skipped", "bytes", "walk_errors", NULL
};

int ws_run_cat(char *const *dirs, int n, const char *outdir, int quiet)
{
	struct ws_buf p = WS_BUF_INIT;
	ws_buf_addf(&p, "%s/quotes.jsonl", dirs[0]);
	enum ws_format fmt = access(p.data, F_OK) == 0 ? WS_FMT_JSONL : WS_FMT_TSV;
	const char *names[OUT_N];
	char store[OUT_N][32];
	out_names(fmt, names, store);
	int errors = 0;
	/* Check everything before writing anything. */
	json_t *runs = json_array();
	for (int d = 0; d < n; d++) {
		for (int i = 0; i < OUT_N; i++) {
			ws_buf_reset(&p);
			ws_buf_addf(&p, "%s/%s", dirs[d], names[i]);
			if (access(p.data, R_OK) != 0) {
				fprintf(stderr, "whosaid: cannot read %s: %s%s\n", p.data, strerror(errno),
					i == OUT_RUN ? " (an unfinished run has no run.json)" : "");
				errors++;
			}
		}
		ws_buf_reset(&p);
		ws_buf_addf(&p, "%s/run.json", dirs[d]);
		json_error_t je;
		json_t *j = json_load_file(p.data, 0, &je);
		if (!j && access(p.data, R_OK) == 0) {
			fprintf(stderr, "%s:%d:%d: %s\n", p.data, je.line, je.column, je.text);
			errors++;
		}
		json_array_append_new(runs, j ? j : json_null());
	}
	json_t *first = json_array_get(runs, 0);
	const char *hash0 = json_string_value(json_object_get(json_object_get(first, "data"), "hash"));
	const char *ver0 = json_string_value(json_object_get(first, "version"));
	for (int d = 1; d < n && !errors; d++) {
		json_t *j = json_array_get(runs, (size_t)d);
		const char *h = json_string_value(json_object_get(json_object_get(j, "data"), "hash"));
		const char *v = json_string_value(json_object_get(j, "version"));
		if (!h || !hash0 || strcmp(h, hash0) != 0 || !v || !ver0 || strcmp(v, ver0) != 0) {
			fprintf(stderr, "whosaid: %s was made with other data or another version than "
				"%s (version %s, data %s vs %s, data %s): run every shard with the "
				"same whosaid and data\n", dirs[d], dirs[0], v ? v : "?", h ? h : "?",
				ver0 ? ver0 : "?", hash0 ? hash0 : "?");
			errors++;
		}
	}
	if (errors) {
		json_decref(runs);
		ws_buf_release(&p);
		return WS_EXIT_USAGE;
	}
	struct out_file of[OUT_N];
	memset(of, 0, sizeof(of));
	int ok = open_outputs(outdir, names, of) == 0;
	for (int i = 0; i < OUT_ROWS && ok; i++) {
		char *hdr0 = NULL;
		for (int d = 0; d < n && ok; d++) {
			ws_buf_reset(&p);
			ws_buf_addf(&p, "%s/%s", dirs[d], names[i]);
			FILE *f = fopen(p.data, "rb");
			if (!f) {
				fprintf(stderr, "whosaid: cannot read %s: %s\n", p.data, strerror(errno));
				ok = 0;
				break;
			}
			if (fmt == WS_FMT_TSV) {
				char *line = NULL;
				size_t cap = 0;
				ssize_t got = getline(&line, &cap, f);
				if (d == 0) {
					hdr0 = line;
					line = NULL;
					if (got > 0 && fputs(hdr0, of[i].f) == EOF)
						ok = 0;
				} else if (got >= 0 && (!hdr0 || strcmp(line, hdr0) != 0)) {
					fprintf(stderr, "whosaid: %s: its header differs from %s/%s\n",
						p.data, dirs[0], names[i]);
					ok = 0;
				}
				free(line);
			}
			int c = ok ? copy_rest(f, of[i].f) : 0;
			if (c == -2)
				fprintf(stderr, "whosaid: cannot read %s: %s\n", p.data, strerror(errno));
			else if (c == -1)
				fprintf(stderr, "whosaid: cannot write %s: %s\n", of[i].final,
					strerror(errno));
			if (c)
				ok = 0;
			fclose(f);
		}
		free(hdr0);
	}
	if (ok) {
		json_t *counts = json_object(), *inputs = json_array(), *shards = json_array();
		double secs = 0, secs_max = 0;
		for (const char **k = counts_keys; *k; k++)
			json_object_set_new(counts, *k, json_integer(0));
		for (int d = 0; d < n; d++) {
			json_t *j = json_array_get(runs, (size_t)d);
			json_t *c = json_object_get(j, "counts");
			for (const char **k = counts_keys; *k; k++)
				json_object_set_new(counts, *k, json_integer(
					json_integer_value(json_object_get(counts, *k)) +
					json_integer_value(json_object_get(c, *k))));
			json_array_append_new(inputs, json_string(dirs[d]));
			json_t *sh = json_object_get(json_object_get(j, "options"), "shard");
			json_array_append(shards, sh ? sh : json_null());
			double t = json_number_value(json_object_get(json_object_get(j, "timings"),
								     "run_seconds"));
			secs += t;
			secs_max = t > secs_max ? t : secs_max;
		}
		json_t *root = json_pack("{s:s, s:s?, s:O?, s:o, s:o, s:o, s:{s:f, s:f}}",
					 "program", "whosaid", "version", ver0,
					 "data", json_object_get(first, "data"),
					 "merged_from", inputs, "shards", shards, "counts", counts,
					 "timings", "run_seconds_sum", secs, "run_seconds_max", secs_max);
		if (!root || json_dumpf(root, of[OUT_RUN].f, JSON_INDENT(2) | JSON_PRESERVE_ORDER))
			ok = 0;
		fputc('\n', of[OUT_RUN].f);
		if (!quiet && root)
			fprintf(stderr, "whosaid: %d directories, %lld documents -> %s/\n", n,
				(long long)json_integer_value(json_object_get(counts, "documents")),
				outdir);
		json_decref(root);
	}
	if (finish_outputs(of, ok) != 0)
		ok = 0;
	json_decref(runs);
	ws_buf_release(&p);
	return ok ? WS_EXIT_OK : WS_EXIT_OUTPUT;
}
