/* Walking the input paths and reading files and JSON Lines (see input.h). */
#include "input.h"
#include "whosaid.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && strcmp(s + n - k, suf) == 0;
}

static int is_jsonl_name(const char *s)
{
	return ends_with(s, ".jsonl") || ends_with(s, ".jsonl.gz");
}

char *ws_text_doc_id(const char *name)
{
	size_t n = strlen(name);
	if (ends_with(name, ".txt"))
		n -= 4;
	return ws_xstrndup(name, n);
}

/* One directory being listed: its sorted names and the next one to look
 * at. The walk keeps a stack of these, one per level, so its memory is
 * the listings of the current path, not the corpus. */
struct frame {
	char *dir, *rel, *outlet;
	char **names;
	size_t n, next;
};

struct ws_walk {
	char *const *paths;
	int npaths, next_path;
	int outlet_from_dir, force_jsonl, want_sizes, errors;
	FILE *err;
	WS_VEC(struct frame) stack;
	struct ws_buf path, rel;	/* the current entry's */
	char *outlet;			/* the current entry's, owned by a frame */
};

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void push_dir(struct ws_walk *w, const char *dir, const char *rel, const char *outlet)
{
	DIR *dh = opendir(dir);
	if (!dh) {
		fprintf(w->err, "whosaid: cannot list directory %s: %s\n", dir, strerror(errno));
		w->errors++;
		return;
	}
	struct frame f = { 0 };
	size_t cap = 0;
	struct dirent *de;
	while ((de = readdir(dh)) != NULL) {
		if (de->d_name[0] == '.')
			continue;	/* ., .. and hidden files */
		ws_grow((void **)&f.names, &cap, f.n + 1, sizeof(char *));
		f.names[f.n++] = ws_xstrdup(de->d_name);
	}
	closedir(dh);
	qsort(f.names, f.n, sizeof(char *), cmp_names);
	f.dir = ws_xstrdup(dir);
	f.rel = ws_xstrdup(rel);
	f.outlet = outlet ? ws_xstrdup(outlet) : NULL;
	WS_VEC_PUSH(w->stack, f);
}

static void pop_dir(struct ws_walk *w)
{
	struct frame *f = &w->stack.v[--w->stack.n];
	for (size_t i = 0; i < f->n; i++)
		free(f->names[i]);
	free(f->names);
	free(f->dir);
	free(f->rel);
	free(f->outlet);
}

struct ws_walk *ws_walk_new(char *const *paths, int n, int outlet_from_dir, int force_jsonl,
			    int want_sizes, FILE *err)
{
	struct ws_walk *w = ws_xcalloc(1, sizeof(*w));
	w->paths = paths;
	w->npaths = n;
	w->outlet_from_dir = outlet_from_dir;
	w->force_jsonl = force_jsonl;
	w->want_sizes = want_sizes;
	w->err = err;
	return w;
}

int ws_walk_errors(const struct ws_walk *w)
{
	return w->errors;
}

void ws_walk_free(struct ws_walk *w)
{
	if (!w)
		return;
	while (w->stack.n)
		pop_dir(w);
	WS_VEC_FREE(w->stack);
	ws_buf_release(&w->path);
	ws_buf_release(&w->rel);
	free(w);
}

/* The next entry of the innermost directory; returns 1 with an entry, 0
 * when the stack is empty. Uses the type readdir gave only through stat,
 * since d_type is not filled in on every file system. */
static int next_in_dirs(struct ws_walk *w, struct ws_walk_entry *e)
{
	while (w->stack.n) {
		struct frame *f = &w->stack.v[w->stack.n - 1];
		if (f->next == f->n) {
			pop_dir(w);
			continue;
		}
		const char *name = f->names[f->next++];
		int is_text = ends_with(name, ".txt"), is_jsonl = is_jsonl_name(name);
		ws_buf_reset(&w->path);
		ws_buf_addf(&w->path, "%s/%s", f->dir, name);
		ws_buf_reset(&w->rel);
		if (*f->rel)
			ws_buf_addf(&w->rel, "%s/%s", f->rel, name);
		else
			ws_buf_adds(&w->rel, name);
		struct stat st;
		if (stat(w->path.data, &st) != 0) {
			if (!is_text && !is_jsonl)
				continue;
			st.st_size = 0;	/* vanished or dangling: its read fails */
		} else if (S_ISDIR(st.st_mode)) {
			struct stat lst;
			if (lstat(w->path.data, &lst) != 0 || S_ISLNK(lst.st_mode))
				continue;	/* no cycles through links */
			const char *o = f->outlet;
			if (w->stack.n == 1 && w->outlet_from_dir)
				o = name;
			char *dir = ws_xstrdup(w->path.data), *rel = ws_xstrdup(w->rel.data);
			char *out = o ? ws_xstrdup(o) : NULL;
			push_dir(w, dir, rel, out);	/* may move the stack */
			free(dir);
			free(rel);
			free(out);
			continue;
		} else if (!is_text && !is_jsonl) {
			continue;
		}
		e->kind = is_jsonl ? WS_IN_JSONL : WS_IN_TEXT;
		e->path = w->path.data;
		e->name = w->rel.data;
		e->outlet = f->outlet;
		e->size = (uint64_t)st.st_size;
		return 1;
	}
	return 0;
}

int ws_walk_next(struct ws_walk *w, struct ws_walk_entry *e)
{
	memset(e, 0, sizeof(*e));
	for (;;) {
		if (next_in_dirs(w, e)) {
			if (!w->want_sizes)
				e->size = 0;
			return 1;
		}
		if (w->next_path == w->npaths)
			return 0;
		const char *p = w->paths[w->next_path++];
		if (strcmp(p, "-") == 0) {
			e->kind = w->force_jsonl ? WS_IN_JSONL : WS_IN_STDIN;
			e->path = "-";
			e->name = "stdin";
			return 1;
		}
		struct stat st;
		int ok = stat(p, &st) == 0;
		if (ok && S_ISDIR(st.st_mode)) {
			size_t n = strlen(p);
			while (n > 1 && p[n - 1] == '/')
				n--;
			char *dir = ws_xstrndup(p, n);
			push_dir(w, dir, "", NULL);
			free(dir);
			continue;
		}
		/* A file, or a path that does not exist and whose read then
		 * fails with a row of its own. */
		const char *base = strrchr(p, '/');
		ws_buf_reset(&w->rel);
		ws_buf_adds(&w->rel, base && base[1] ? base + 1 : p);
		e->kind = w->force_jsonl || is_jsonl_name(p) ? WS_IN_JSONL : WS_IN_TEXT;
		e->path = p;
		e->name = w->rel.data;
		e->size = ok && w->want_sizes ? (uint64_t)st.st_size : 0;
		return 1;
	}
}

int ws_read_file(const char *path, size_t max, struct ws_buf *b, uint64_t *size,
		 const char **why)
{
	ws_buf_reset(b);
	*size = 0;
	*why = NULL;
	int is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? 0 : open(path, O_RDONLY);
	if (fd < 0) {
		*why = strerror(errno);
		return WS_ERR_IO;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		*why = S_ISDIR(st.st_mode) ? "is a directory" : strerror(errno);
		if (!is_stdin)
			close(fd);
		return WS_ERR_IO;
	}
	if (S_ISREG(st.st_mode) && !is_stdin) {
		*size = (uint64_t)st.st_size;
		if ((uint64_t)st.st_size > max) {
			close(fd);
			return WS_ERR_TOO_LARGE;
		}
		ws_buf_grow(b, (size_t)st.st_size + 1);
	}
	int rc = WS_OK;
	for (;;) {
		if (b->cap - b->len < 4096)
			ws_buf_grow(b, b->cap > 65536 ? b->cap : 65536);
		ssize_t n = read(fd, b->data + b->len, b->cap - b->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*why = strerror(errno);
			rc = WS_ERR_IO;
			break;
		}
		if (n == 0)
			break;
		b->len += (size_t)n;
		if (b->len > max) {
			rc = WS_ERR_TOO_LARGE;
			break;
		}
	}
	if (!is_stdin)
		close(fd);
	*size = b->len;
	if (rc != WS_OK)
		ws_buf_reset(b);
	else
		b->data[b->len] = '\0';
	return rc;
}

enum { LINES_CHUNK = 1 << 18 };

struct ws_lines {
	gzFile gz;
	char *buf;
	size_t start, end;	/* unread bytes buf[start..end) */
	unsigned long lineno;
	int eof;
};

int ws_lines_open(const char *path, struct ws_lines **out, const char **why)
{
	*out = NULL;
	*why = NULL;
	int fd = strcmp(path, "-") == 0 ? dup(0) : open(path, O_RDONLY);
	if (fd < 0) {
		*why = strerror(errno);
		return WS_ERR_IO;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		*why = "is a directory";
		return WS_ERR_IO;
	}
	gzFile gz = gzdopen(fd, "rb");	/* reads plain files as they are */
	if (!gz) {
		close(fd);
		*why = "out of memory";
		return WS_ERR_IO;
	}
	gzbuffer(gz, LINES_CHUNK);
	struct ws_lines *l = ws_xcalloc(1, sizeof(*l));
	l->gz = gz;
	l->buf = ws_xmalloc(LINES_CHUNK);
	*out = l;
	return WS_OK;
}

/* Refills the chunk buffer; returns 0, or WS_ERR_IO. */
static int refill(struct ws_lines *l, const char **why)
{
	l->start = l->end = 0;
	int n = gzread(l->gz, l->buf, LINES_CHUNK);
	if (n < 0) {
		int zerr;
		const char *m = gzerror(l->gz, &zerr);
		*why = zerr == Z_ERRNO ? strerror(errno) : m;
		l->eof = 1;
		return WS_ERR_IO;
	}
	if (n == 0)
		l->eof = 1;
	l->end = (size_t)n;
	return WS_OK;
}

int ws_lines_next(struct ws_lines *l, size_t max, struct ws_buf *b, unsigned long *lineno,
		  uint64_t *len, const char **why)
{
	ws_buf_reset(b);
	*len = 0;
	*why = NULL;
	int too_long = 0, any = 0;
	for (;;) {
		if (l->start == l->end) {
			if (l->eof)
				break;
			int rc = refill(l, why);
			if (rc != WS_OK)
				return rc;
			if (l->eof)
				break;
		}
		any = 1;
		const char *p = l->buf + l->start;
		size_t avail = l->end - l->start;
		const char *nl = memchr(p, '\n', avail);
		size_t take = nl ? (size_t)(nl - p) : avail;
		*len += take;
		if (!too_long && b->len + take > max) {
			too_long = 1;
			ws_buf_reset(b);
		}
		if (!too_long)
			ws_buf_add(b, p, take);
		l->start += take + (nl != NULL);
		if (nl)
			break;
	}
	if (!any)
		return 0;
	*lineno = ++l->lineno;
	if (too_long)
		return WS_ERR_TOO_LARGE;
	if (b->len && b->data[b->len - 1] == '\r')
		b->data[--b->len] = '\0';
	ws_buf_grow(b, 0);	/* NUL-terminated even when empty */
	return 1;
}

uint64_t ws_lines_offset(const struct ws_lines *l)
{
	z_off_t o = gzoffset(l->gz);
	return o < 0 ? 0 : (uint64_t)o;
}

void ws_lines_close(struct ws_lines *l)
{
	if (!l)
		return;
	gzclose(l->gz);
	free(l->buf);
	free(l);
}
