/* JSON Lines reading with jansson and TSV-to-JSON row conversion (see
 * jsonl.h). */
#include "jsonl.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const d_id[] = { "id", NULL };
static const char *const d_text[] = { "text", "maintext", NULL };
static const char *const d_outlet[] = { "outlet", "source_domain", NULL };
static const char *const d_date[] = { "date", "date_publish", NULL };
static const char *const d_title[] = { "title", NULL };
static const char *const d_url[] = { "url", NULL };

void ws_fields_init(struct ws_fields *f)
{
	memset(f, 0, sizeof(*f));
	f->names[WS_META_ID] = d_id;
	f->names[WS_META_OUTLET] = d_outlet;
	f->names[WS_META_DATE] = d_date;
	f->names[WS_META_TITLE] = d_title;
	f->names[WS_META_URL] = d_url;
	f->names[WS_FIELD_TEXT] = d_text;
}

int ws_fields_set(struct ws_fields *f, const char *spec, char *err, size_t errlen)
{
	char *names[WS_META_N] = { 0 }, *text = NULL;
	if (ws_meta_keys_parse(spec, names, &text, err, errlen) != 0) {
		for (int k = 0; k < WS_META_N; k++)
			free(names[k]);
		free(text);
		return -1;
	}
	for (int k = 0; k <= WS_META_N; k++) {
		char *v = k == WS_FIELD_TEXT ? text : names[k];
		if (!v)
			continue;
		free(f->own[k]);
		f->own[k] = v;
		f->one[k][0] = v;
		f->one[k][1] = NULL;
		f->names[k] = f->one[k];
	}
	return 0;
}

void ws_fields_release(struct ws_fields *f)
{
	for (int k = 0; k <= WS_META_N; k++)
		free(f->own[k]);
	memset(f, 0, sizeof(*f));
}

/* The member at a dotted path, or NULL. */
static json_t *member(json_t *obj, const char *path)
{
	char key[256];
	while (obj && json_is_object(obj)) {
		const char *dot = strchr(path, '.');
		if (!dot)
			return json_object_get(obj, path);
		size_t n = (size_t)(dot - path);
		if (n >= sizeof(key))
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		obj = json_object_get(obj, key);
		path = dot + 1;
	}
	return NULL;
}

static json_t *first(json_t *root, const char *const *names)
{
	for (size_t i = 0; names[i]; i++) {
		json_t *v = member(root, names[i]);
		if (v && !json_is_null(v))
			return v;
	}
	return NULL;
}

int ws_jrec_parse(const struct ws_fields *f, const char *line, size_t len, struct ws_jrec *r,
		  struct ws_buf *err)
{
	memset(r->v, 0, sizeof(r->v));
	r->text = NULL;
	r->text_len = 0;
	ws_buf_reset(&r->id);
	json_error_t je;
	json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
	r->root = root;
	if (!root) {
		ws_buf_addf(err, "malformed JSON at column %d: %s", je.column, je.text);
		return -1;
	}
	if (!json_is_object(root)) {
		ws_buf_adds(err, "malformed JSON: a line must hold one object");
		return -1;
	}
	for (int k = 0; k < WS_META_N; k++) {
		json_t *v = first(root, f->names[k]);
		if (json_is_string(v)) {
			r->v[k] = json_string_value(v);
		} else if (k == WS_META_ID && json_is_integer(v)) {
			ws_buf_addf(&r->id, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
			r->v[k] = r->id.data;
		}
	}
	json_t *t = first(root, f->names[WS_FIELD_TEXT]);
	if (!json_is_string(t)) {
		ws_buf_adds(err, "no text: none of the fields ");
		for (size_t i = 0; f->names[WS_FIELD_TEXT][i]; i++)
			ws_buf_addf(err, "%s'%s'", i ? ", " : "", f->names[WS_FIELD_TEXT][i]);
		ws_buf_adds(err, " is a string (name it with --field text=NAME)");
		return -1;
	}
	r->text = json_string_value(t);
	r->text_len = json_string_length(t);
	return 0;
}

void ws_jrec_release(struct ws_jrec *r)
{
	json_decref(r->root);
	r->root = NULL;
	ws_buf_release(&r->id);
}

static const char *const numeric_cols[] = {
	"quote_no", "quote_start", "quote_end", "cue_start", "cue_end", "mention_start",
	"mention_end", "entity_no", "confidence", "mentions", "first_start", "first_end",
	"quotes", "entities", "bytes", "start", "end", NULL
};

void ws_jcols_init(struct ws_jcols *c, const char *header, size_t len)
{
	memset(c, 0, sizeof(*c));
	while (len && (header[len - 1] == '\n' || header[len - 1] == '\r'))
		len--;
	size_t cap = 0;
	const char *p = header, *end = header + len;
	for (;;) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		const char *e = tab ? tab : end;
		ws_grow((void **)&c->names, &cap, c->n + 1, sizeof(char *));
		c->names[c->n++] = ws_xstrndup(p, (size_t)(e - p));
		if (!tab)
			break;
		p = tab + 1;
	}
	c->numeric = ws_xcalloc(c->n, 1);
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; numeric_cols[j]; j++)
			if (strcmp(c->names[i], numeric_cols[j]) == 0)
				c->numeric[i] = 1;
}

void ws_jcols_release(struct ws_jcols *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->names[i]);
	free(c->names);
	free(c->numeric);
	memset(c, 0, sizeof(*c));
}

void ws_json_str(struct ws_buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	ws_buf_grow(out, n + 2);
	ws_buf_addc(out, '"');
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		while (run < n && (unsigned char)s[run] >= 0x20 && s[run] != '"' && s[run] != '\\')
			run++;
		ws_buf_add(out, s + i, run - i);
		if (run == n)
			break;
		unsigned char c = (unsigned char)s[run];
		if (c == '"' || c == '\\') {
			ws_buf_addc(out, '\\');
			ws_buf_addc(out, (char)c);
		} else {
			char u[7] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0 };
			ws_buf_add(out, u, 6);
		}
		i = run + 1;
	}
	ws_buf_addc(out, '"');
}

/* A JSON number as TSV writes one: -?digits(.digits)?, with at most 15
 * digits before the point, so that every JSON reader (jansson's 64-bit
 * integers, doubles) takes it exactly; longer digit runs stay strings. */
static int is_number(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && s[i] == '-')
		i++;
	size_t d = i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == d || (s[d] == '0' && i - d > 1) || i - d > 15)
		return 0;
	if (i < n && s[i] == '.') {
		size_t f = ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == f)
			return 0;
	}
	return i == n;
}

void ws_jsonl_from_tsv(struct ws_buf *out, const struct ws_jcols *c, const char *rows, size_t len)
{
	const char *p = rows, *end = rows + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		ws_buf_addc(out, '{');
		for (size_t i = 0; i < c->n; i++) {
			const char *tab = i + 1 < c->n ? memchr(p, '\t', (size_t)(eol - p)) : NULL;
			const char *e = tab ? tab : eol;
			size_t n = (size_t)(e - p);
			if (i)
				ws_buf_addc(out, ',');
			ws_json_str(out, c->names[i], strlen(c->names[i]));
			ws_buf_addc(out, ':');
			if (n == 0)
				ws_buf_adds(out, "null");
			else if (c->numeric[i] && is_number(p, n))
				ws_buf_add(out, p, n);
			else
				ws_json_str(out, p, n);
			p = tab ? tab + 1 : eol;
		}
		ws_buf_adds(out, "}\n");
		p = nl ? nl + 1 : end;
	}
}
