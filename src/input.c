/* Collecting and reading input files (see input.h). */
#include "input.h"
#include "whosaid.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && strcmp(s + n - k, suf) == 0;
}

static char *strip_txt(const char *s)
{
	size_t n = strlen(s);
	if (ends_with(s, ".txt"))
		n -= 4;
	return ws_xstrndup(s, n);
}

static void add(ws_input_vec *out, const char *path, const char *rel, const char *outlet)
{
	struct ws_input in;
	in.path = ws_xstrdup(path);
	in.doc_id = strip_txt(rel);
	in.outlet = outlet ? ws_xstrdup(outlet) : NULL;
	WS_VEC_PUSH(*out, in);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walks dir (the path so far) whose path relative to the argument is rel;
 * depth 0 is the argument itself. An explicit stack of pending directories
 * would be the same; recursion depth is bounded by the file system's. */
static void walk(const char *dir, const char *rel, int depth, const char *outlet,
		 int outlet_from_dir, ws_input_vec *out, FILE *err, int *errors)
{
	DIR *dh = opendir(dir);
	if (!dh) {
		fprintf(err, "whosaid: cannot list directory %s: %s\n", dir, strerror(errno));
		(*errors)++;
		return;
	}
	WS_VEC(char *) names = { 0 };
	struct dirent *de;
	while ((de = readdir(dh)) != NULL) {
		if (de->d_name[0] == '.')
			continue;	/* ., .. and hidden files */
		WS_VEC_PUSH(names, ws_xstrdup(de->d_name));
	}
	closedir(dh);
	qsort(names.v, names.n, sizeof(char *), cmp_names);
	struct ws_buf path = WS_BUF_INIT, r = WS_BUF_INIT;
	for (size_t i = 0; i < names.n; i++) {
		ws_buf_reset(&path);
		ws_buf_addf(&path, "%s/%s", dir, names.v[i]);
		ws_buf_reset(&r);
		if (*rel)
			ws_buf_addf(&r, "%s/%s", rel, names.v[i]);
		else
			ws_buf_adds(&r, names.v[i]);
		struct stat st;
		if (lstat(path.data, &st) != 0) {
			if (ends_with(names.v[i], ".txt"))
				add(out, path.data, r.data, outlet);	/* vanished: its read fails */
			continue;
		}
		if (S_ISLNK(st.st_mode) && stat(path.data, &st) != 0)
			continue;	/* a dangling link */
		if (S_ISDIR(st.st_mode)) {
			if (S_ISLNK(st.st_mode))
				continue;
			const char *o = outlet;
			if (depth == 0 && outlet_from_dir)
				o = names.v[i];
			walk(path.data, r.data, depth + 1, o, outlet_from_dir, out, err, errors);
		} else if (ends_with(names.v[i], ".txt")) {
			add(out, path.data, r.data, outlet);
		}
	}
	for (size_t i = 0; i < names.n; i++)
		free(names.v[i]);
	WS_VEC_FREE(names);
	ws_buf_release(&path);
	ws_buf_release(&r);
}

void ws_inputs_collect(const char *path, int outlet_from_dir, ws_input_vec *out,
		       FILE *err, int *errors)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		size_t n = strlen(path);
		while (n > 1 && path[n - 1] == '/')
			n--;
		char *dir = ws_xstrndup(path, n);
		walk(dir, "", 0, NULL, outlet_from_dir, out, err, errors);
		free(dir);
		return;
	}
	const char *base = strrchr(path, '/');
	add(out, path, base ? base + 1 : path, NULL);
}

void ws_inputs_free(ws_input_vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].path);
		free(v->v[i].doc_id);
		free(v->v[i].outlet);
	}
	WS_VEC_FREE(*v);
}

int ws_read_file(const char *path, size_t max, struct ws_buf *b, uint64_t *size,
		 const char **why)
{
	ws_buf_reset(b);
	*size = 0;
	*why = NULL;
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		*why = strerror(errno);
		return WS_ERR_IO;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		*why = S_ISDIR(st.st_mode) ? "is a directory" : strerror(errno);
		close(fd);
		return WS_ERR_IO;
	}
	if (S_ISREG(st.st_mode)) {
		*size = (uint64_t)st.st_size;
		if ((uint64_t)st.st_size > max) {
			close(fd);
			return WS_ERR_TOO_LARGE;
		}
		ws_buf_grow(b, (size_t)st.st_size);
	}
	for (;;) {
		ws_buf_grow(b, 65536);
		ssize_t n = read(fd, b->data + b->len, b->cap - b->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*why = strerror(errno);
			close(fd);
			return WS_ERR_IO;
		}
		if (n == 0)
			break;
		b->len += (size_t)n;
		if (b->len > max) {
			*size = b->len;
			close(fd);
			ws_buf_reset(b);
			return WS_ERR_TOO_LARGE;
		}
	}
	b->data[b->len] = '\0';
	*size = b->len;
	close(fd);
	return WS_OK;
}
