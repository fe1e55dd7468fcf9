/* `whosaid compare` (see compare.h): reads extraction outputs, keys speakers
 * across documents, counts by outlet and cue, and finds the same statement
 * in several documents with 5-word shingles and an inverted index. */
#include "compare.h"
#include "report.h"
#include "run.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <uthash.h>

const char *const ws_cmp_stype_names[WS_ST_N] = {
	"person", "organization", "place", "group", "anonymous", "unknown"
};
const char *const ws_cmp_gender_names[WS_G_N] = { "female", "male", "unknown" };

#define SHINGLE 5		/* words per shingle */
#define MIN_WORDS 3		/* shorter quotes are never clustered */
#define MAX_POSTING 200		/* shingles shared by more statements are boilerplate */
#define DIFF_WORDS 12		/* words listed per difference */

/* A string interned once, or a count keyed by a string. */
struct node {
	char *s;
	long n;
	long v;
	UT_hash_handle hh;
};

struct docinfo {
	char *id;		/* doc_id TAB outlet */
	const char *url;
	UT_hash_handle hh;
};

struct ws_cmp_priv {
	const struct ws_speakerkey *keys;
	struct node *strings;		/* interned strings */
	struct node *cues;		/* cue form -> category (in v, an interned pointer) */
	struct node *genders;		/* doc_id TAB entity_no -> gender */
	struct docinfo *docs;
	WS_VEC(const char *) doc_outlet;	/* outlet of each ok document */
	WS_VEC(struct ws_cmp_stmt) stmts;
	char **folded;			/* folded words of each statement */
	const char **cats;
};

static const char *intern(struct ws_cmp_priv *p, const char *s, size_t n)
{
	struct node *x;
	HASH_FIND(hh, p->strings, s, n, x);
	if (!x) {
		x = ws_xcalloc(1, sizeof(*x));
		x->s = ws_xstrndup(s, n);
		HASH_ADD_KEYPTR(hh, p->strings, x->s, n, x);
	}
	return x->s;
}

static struct node *count_get(struct node **h, const char *s, size_t n)
{
	struct node *x;
	HASH_FIND(hh, *h, s, n, x);
	if (!x) {
		x = ws_xcalloc(1, sizeof(*x));
		x->s = ws_xstrndup(s, n);
		HASH_ADD_KEYPTR(hh, *h, x->s, n, x);
	}
	return x;
}

static void nodes_free(struct node **h)
{
	struct node *x, *t;
	HASH_ITER(hh, *h, x, t) {
		HASH_DEL(*h, x);
		free(x->s);
		free(x);
	}
}

/* Cue categories from gazetteers/cue/verbs.lst (every form and the lemma=)
 * and cue/phrases.lst (every variant). */
static int load_cues(struct ws_cmp_priv *p, const char *path, FILE *err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		if (err)
			fprintf(err, "whosaid: %s: cannot read: %s\n", path, strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, f)) > 0) {
		if (line[0] == '#')
			continue;
		line[strcspn(line, "\r\n")] = '\0';
		char *tab = strchr(line, '\t');
		if (!tab)
			continue;
		*tab = '\0';
		const char *cat = NULL, *lemma = NULL;
		for (char *feat = tab + 1, *nt; feat; feat = nt) {
			nt = strchr(feat, '\t');
			if (nt)
				*nt++ = '\0';
			if (strncmp(feat, "category=", 9) == 0 && feat[9])
				cat = intern(p, feat + 9, strlen(feat + 9));
			else if (strncmp(feat, "lemma=", 6) == 0)
				lemma = feat + 6;
		}
		if (!cat)
			continue;
		int own = 0;	/* the lemma is one of the line's forms */
		for (char *v = line, *nb; v; v = nb) {
			nb = strchr(v, '|');
			if (nb)
				*nb++ = '\0';
			own |= lemma && strcmp(v, lemma) == 0;
			struct node *x = count_get(&p->cues, v, strlen(v));
			if (!x->n++)
				x->v = (long)(intptr_t)cat;
		}
		if (lemma) {
			/* the lemma's own line (verbs.lst) wins; a phrase's
			 * lemma ("went so far as to say": say) counts only
			 * for a lemma no line has given */
			struct node *x = count_get(&p->cues, lemma, strlen(lemma));
			if (!x->n++ || own)
				x->v = (long)(intptr_t)cat;
		}
	}
	free(line);
	fclose(f);
	return 0;
}

static const char *cue_category(struct ws_cmp_priv *p, const char *lemma, const char *cue)
{
	struct node *x;
	if (!*lemma && !*cue)
		return intern(p, "none", 4);
	HASH_FIND(hh, p->cues, lemma, strlen(lemma), x);
	if (!x)
		HASH_FIND(hh, p->cues, cue, strlen(cue), x);
	if (!x) {		/* "added that" -> "added" */
		size_t n = strcspn(lemma, " ");
		HASH_FIND(hh, p->cues, lemma, n, x);
	}
	return x ? (const char *)(intptr_t)x->v : intern(p, "other", 5);
}

struct ws_cmp *ws_cmp_new(const struct ws_speakerkey *k, const char *datadir, FILE *err)
{
	struct ws_cmp *c = ws_xcalloc(1, sizeof(*c));
	c->priv = ws_xcalloc(1, sizeof(*c->priv));
	c->priv->keys = k;
	char path[4096];
	snprintf(path, sizeof(path), "%s/gazetteers/cue/verbs.lst", datadir);
	int rc = load_cues(c->priv, path, err);
	snprintf(path, sizeof(path), "%s/gazetteers/cue/phrases.lst", datadir);
	if (rc || load_cues(c->priv, path, err)) {
		ws_cmp_free(c);
		return NULL;
	}
	return c;
}

void ws_cmp_free(struct ws_cmp *c)
{
	if (!c)
		return;
	struct ws_cmp_priv *p = c->priv;
	for (size_t i = 0; i < c->nspeaker; i++) {
		free(c->speaker[i].by_outlet);
		free(c->speaker[i].docs_by_outlet);
		free((void *)c->speaker[i].title_by_outlet);
	}
	free(c->speaker);
	for (size_t i = 0; i < c->ncluster; i++)
		free(c->cluster[i].stmt);
	free(c->cluster);
	free(c->outlet);
	free(c->cue);
	if (p) {
		if (p->folded)
			for (size_t i = 0; i < p->stmts.n; i++)
				free(p->folded[i]);
		free(p->folded);
		free(p->cats);
		WS_VEC_FREE(p->stmts);
		WS_VEC_FREE(p->doc_outlet);
		struct docinfo *d, *t;
		HASH_ITER(hh, p->docs, d, t) {
			HASH_DEL(p->docs, d);
			free(d->id);
			free(d);
		}
		nodes_free(&p->strings);
		nodes_free(&p->cues);
		nodes_free(&p->genders);
		free(p);
	}
	free(c);
}

/* ---- reading TSV by header names ---------------------------------------- */

struct tsv {
	FILE *f;
	const char *path;
	char *line;
	size_t cap;
	unsigned lineno;
	char *field[64];
	size_t n;
};

static size_t split_tabs(char *line, char **field, size_t max)
{
	size_t n = 0;
	line[strcspn(line, "\r\n")] = '\0';
	for (char *s = line, *t; s && n < max; s = t) {
		t = strchr(s, '\t');
		if (t)
			*t++ = '\0';
		field[n++] = s;
	}
	return n;
}

/* Opens path and finds the columns named in names[] (NULL-ended) into col[];
 * a column that is missing is -1, and an error when required. */
static int tsv_open(struct tsv *t, const char *path, const char *const *names, int *col,
		    int required, FILE *err)
{
	memset(t, 0, sizeof(*t));
	t->path = path;
	t->f = fopen(path, "r");
	if (!t->f) {
		if (err)
			fprintf(err, "whosaid: %s: cannot read: %s (compare reads the -o "
				"directories of whosaid extract)\n", path, strerror(errno));
		return -1;
	}
	if (getline(&t->line, &t->cap, t->f) <= 0) {
		if (err)
			fprintf(err, "whosaid: %s:1: no header line\n", path);
		return -1;
	}
	t->lineno = 1;
	t->n = split_tabs(t->line, t->field, 64);
	int bad = 0;
	for (int i = 0; names[i]; i++) {
		col[i] = -1;
		for (size_t j = 0; j < t->n; j++)
			if (strcmp(t->field[j], names[i]) == 0)
				col[i] = (int)j;
		if (col[i] < 0 && i < required) {
			if (err)
				fprintf(err, "whosaid: %s:1: no column '%s' (is it a TSV from "
					"whosaid extract?)\n", path, names[i]);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

static int tsv_next(struct tsv *t)
{
	for (;;) {
		if (getline(&t->line, &t->cap, t->f) <= 0)
			return 0;
		t->lineno++;
		if (t->line[0] == '\n' || t->line[0] == '\0')
			continue;
		t->n = split_tabs(t->line, t->field, 64);
		return 1;
	}
}

static const char *get(const struct tsv *t, int col)
{
	return col >= 0 && (size_t)col < t->n ? t->field[col] : "";
}

static void tsv_close(struct tsv *t)
{
	if (t->f)
		fclose(t->f);
	free(t->line);
}

static int stype_of(const char *s)
{
	for (int i = 0; i < WS_ST_N; i++)
		if (strcmp(s, ws_cmp_stype_names[i]) == 0)
			return i;
	return WS_ST_UNKNOWN;
}

static int read_docs(struct ws_cmp *c, const char *dir, FILE *err)
{
	static const char *const names[] = { "doc_id", "outlet", "status", "url", NULL };
	struct ws_cmp_priv *p = c->priv;
	char path[4096];
	int col[4];
	struct tsv t;
	snprintf(path, sizeof(path), "%s/docs.tsv", dir);
	int rc = tsv_open(&t, path, names, col, 3, err);
	while (rc == 0 && tsv_next(&t)) {
		if (strcmp(get(&t, col[2]), "ok") != 0)
			continue;
		struct ws_buf id = WS_BUF_INIT;
		ws_buf_addf(&id, "%s\t%s", get(&t, col[0]), get(&t, col[1]));
		struct docinfo *d;
		HASH_FIND(hh, p->docs, id.data, id.len, d);
		if (d) {
			if (err)
				fprintf(err, "whosaid: %s:%u: document %s of outlet '%s' was read "
					"before; counted once\n", path, t.lineno, get(&t, col[0]),
					get(&t, col[1]));
			ws_buf_release(&id);
			continue;
		}
		d = ws_xcalloc(1, sizeof(*d));
		d->id = id.data;
		const char *url = get(&t, col[3]);
		d->url = *url ? intern(p, url, strlen(url)) : NULL;
		HASH_ADD_KEYPTR(hh, p->docs, d->id, id.len, d);
		const char *outlet = get(&t, col[1]);
		WS_VEC_PUSH(p->doc_outlet, intern(p, outlet, strlen(outlet)));
	}
	tsv_close(&t);
	return rc;
}

static int read_entities(struct ws_cmp *c, const char *dir, FILE *err)
{
	static const char *const names[] = { "doc_id", "entity_no", "gender", NULL };
	struct ws_cmp_priv *p = c->priv;
	char path[4096];
	int col[3];
	struct tsv t;
	snprintf(path, sizeof(path), "%s/entities.tsv", dir);
	int rc = tsv_open(&t, path, names, col, 2, err);
	struct ws_buf key = WS_BUF_INIT;
	while (rc == 0 && tsv_next(&t)) {
		ws_buf_reset(&key);
		ws_buf_addf(&key, "%s\t%s", get(&t, col[0]), get(&t, col[1]));
		const char *g = get(&t, col[2]);
		count_get(&p->genders, key.data, key.len)->v =
			strcmp(g, "female") == 0 ? WS_G_FEMALE :
			strcmp(g, "male") == 0 ? WS_G_MALE : WS_G_UNKNOWN;
	}
	ws_buf_release(&key);
	tsv_close(&t);
	return rc;
}

enum { Q_DOC, Q_OUTLET, Q_DATE, Q_NO, Q_TYPE, Q_START, Q_END, Q_QUOTE, Q_CUE, Q_LEMMA,
       Q_SPEAKER, Q_STYPE, Q_TITLE, Q_ENTITY, Q_CATEGORY, Q_N };

static int read_quotes(struct ws_cmp *c, const char *dir, FILE *err)
{
	static const char *const names[] = { "doc_id", "outlet", "date", "quote_no", "quote_type",
					     "quote_start", "quote_end", "quote", "cue",
					     "cue_lemma", "speaker", "speaker_type",
					     "speaker_title", "entity_no", "cue_category", NULL };
	struct ws_cmp_priv *p = c->priv;
	char path[4096];
	int col[Q_N];
	struct tsv t;
	snprintf(path, sizeof(path), "%s/quotes.tsv", dir);
	/* cue_category is optional: outputs of older versions lack it */
	int rc = tsv_open(&t, path, names, col, Q_CATEGORY, err);
	struct ws_buf key = WS_BUF_INIT;
#define F(i) intern(p, get(&t, col[i]), strlen(get(&t, col[i])))
	while (rc == 0 && tsv_next(&t)) {
		struct ws_cmp_stmt s;
		memset(&s, 0, sizeof(s));
		s.doc_id = F(Q_DOC);
		s.outlet = F(Q_OUTLET);
		s.date = F(Q_DATE);
		s.quote = F(Q_QUOTE);
		s.cue_lemma = F(Q_LEMMA);
		/* the extractor's own category when the file has it */
		s.category = *get(&t, col[Q_CATEGORY]) ? F(Q_CATEGORY)
			     : cue_category(p, s.cue_lemma, get(&t, col[Q_CUE]));
		s.speaker = F(Q_SPEAKER);
		s.stype_name = F(Q_STYPE);
		s.stype = stype_of(s.stype_name);
		s.title = F(Q_TITLE);
		s.quote_no = strtol(get(&t, col[Q_NO]), NULL, 10);
		s.start = strtol(get(&t, col[Q_START]), NULL, 10);
		s.end = strtol(get(&t, col[Q_END]), NULL, 10);
		const char *qt = get(&t, col[Q_TYPE]);
		s.qtype = strcmp(qt, "direct") == 0 ? WS_CQ_DIRECT :
			  strcmp(qt, "mixed") == 0 ? WS_CQ_MIXED : WS_CQ_INDIRECT;
		ws_buf_reset(&key);
		ws_buf_addf(&key, "%s\t%s", s.doc_id, get(&t, col[Q_ENTITY]));
		struct node *g;
		HASH_FIND(hh, p->genders, key.data, key.len, g);
		s.gender = g ? (int)g->v : WS_G_UNKNOWN;
		ws_buf_reset(&key);
		ws_buf_addf(&key, "%s\t%s", s.doc_id, s.outlet);
		struct docinfo *d;
		HASH_FIND(hh, p->docs, key.data, key.len, d);
		s.url = d ? d->url : NULL;
		s.cluster = -1;
		s.speaker_no = -1;
		WS_VEC_PUSH(p->stmts, s);
	}
#undef F
	ws_buf_release(&key);
	tsv_close(&t);
	return rc;
}

int ws_cmp_read(struct ws_cmp *c, const char *dir, FILE *err)
{
	if (read_docs(c, dir, err) || read_entities(c, dir, err) || read_quotes(c, dir, err))
		return -1;
	return 0;
}

/* ---- aggregation --------------------------------------------------------- */

static int cmp_stmt(const void *a, const void *b)
{
	const struct ws_cmp_stmt *x = a, *y = b;
	int r = strcmp(x->doc_id, y->doc_id);
	if (!r)
		r = strcmp(x->outlet, y->outlet);
	if (!r)
		r = (x->quote_no > y->quote_no) - (x->quote_no < y->quote_no);
	if (!r)
		r = (x->start > y->start) - (x->start < y->start);
	return r;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The sorted distinct strings of a hash, NULL-ended. */
static const char **sorted_keys(struct node *h, size_t *n)
{
	*n = HASH_COUNT(h);
	const char **v = ws_xcalloc(*n + 1, sizeof(*v));
	size_t i = 0;
	for (struct node *x = h; x; x = x->hh.next)
		v[i++] = x->s;
	qsort(v, *n, sizeof(*v), cmp_str);
	return v;
}

static size_t index_of(const char *const *sorted, size_t n, const char *s)
{
	const char *const *hit = bsearch(&s, sorted, n, sizeof(*sorted), cmp_str);
	return hit ? (size_t)(hit - sorted) : 0;
}

/* Keeps the most frequent value seen so far in *best. */
static void vote(const char **best, long *bestn, const char *v, long n)
{
	size_t lv = strlen(v), lb = *best ? strlen(*best) : 0;
	/* ties: the fuller form ("Bashar al-Assad" over "Assad"), then byte order */
	if (n > *bestn || (n == *bestn && *best && (lv > lb || (lv == lb && strcmp(v, *best) < 0)))) {
		*best = v;
		*bestn = n;
	}
}

static void assign_speakers(struct ws_cmp *c)
{
	struct ws_cmp_priv *p = c->priv;
	struct ws_cmp_stmt *s = p->stmts.v;
	size_t n = p->stmts.n;
	const char **key = ws_xcalloc(n ? n : 1, sizeof(*key));
	struct node *keys = NULL, *last = NULL;
	struct ws_buf b = WS_BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		s[i].level = WS_ATTR_ANON;
		if (!*s[i].speaker || s[i].stype == WS_ST_ANON)
			continue;
		s[i].level = WS_ATTR_TITLE;
		if (!ws_speakerkey_is_named(p->keys, s[i].speaker, strlen(s[i].speaker)))
			continue;
		size_t words = ws_speakerkey_make(p->keys, s[i].speaker, strlen(s[i].speaker), &b);
		if (!words)
			continue;
		s[i].level = WS_ATTR_NAMED;
		key[i] = intern(p, b.data, b.len);
		struct node *k = count_get(&keys, b.data, b.len);
		k->v = (long)words;
		if (words > 1 && s[i].stype == WS_ST_PERSON) {
			/* surname -> the one full name ending in it, or ambiguous */
			const char *sur = strrchr(key[i], ' ') + 1;
			struct node *l = count_get(&last, sur, strlen(sur));
			if (!l->v)
				l->v = (long)(intptr_t)key[i];
			else if ((const char *)(intptr_t)l->v != key[i])
				l->n = 1;
		}
	}
	/* "Assad" alone joins "bashar assad" when no other full name ends so */
	for (size_t i = 0; i < n; i++) {
		if (!key[i] || strchr(key[i], ' '))
			continue;
		struct node *l;
		HASH_FIND(hh, last, key[i], strlen(key[i]), l);
		if (l && !l->n && l->v)
			key[i] = (const char *)(intptr_t)l->v;
	}
	nodes_free(&keys);
	nodes_free(&last);
	for (size_t i = 0; i < n; i++)
		if (key[i])
			count_get(&keys, key[i], strlen(key[i]));
	const char **sorted = sorted_keys(keys, &c->nspeaker);
	c->speaker = ws_xcalloc(c->nspeaker ? c->nspeaker : 1, sizeof(*c->speaker));
	for (size_t j = 0; j < c->nspeaker; j++) {
		struct ws_cmp_speaker *sp = &c->speaker[j];
		sp->key = intern(p, sorted[j], strlen(sorted[j]));
		sp->by_outlet = ws_xcalloc(c->noutlet + 1, sizeof(long));
		sp->docs_by_outlet = ws_xcalloc(c->noutlet + 1, sizeof(long));
		sp->title_by_outlet = ws_xcalloc(c->noutlet + 1, sizeof(char *));
	}
	/* names, titles, types and genders by vote */
	struct node *votes = NULL;
	const char **lastdoc = ws_xcalloc(c->nspeaker * (c->noutlet + 1) + 1, sizeof(char *));
	long *bestn = ws_xcalloc(c->nspeaker * (c->noutlet + 1) * 2 + 4 * c->nspeaker + 1,
				 sizeof(long));
	long *gvote = ws_xcalloc(c->nspeaker * 2 + 1, sizeof(long));
	const char **lastany = ws_xcalloc(c->nspeaker + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		if (!key[i])
			continue;
		size_t j = index_of(sorted, c->nspeaker, key[i]);
		struct ws_cmp_speaker *sp = &c->speaker[j];
		int o = s[i].outlet_no;
		s[i].speaker_no = (int)j;
		sp->statements++;
		sp->by_outlet[o]++;
		if (lastany[j] != s[i].doc_id) {
			lastany[j] = s[i].doc_id;
			sp->docs++;
		}
		if (lastdoc[j * (c->noutlet + 1) + (size_t)o] != s[i].doc_id) {
			lastdoc[j * (c->noutlet + 1) + (size_t)o] = s[i].doc_id;
			sp->docs_by_outlet[o]++;
		}
		if (s[i].gender != WS_G_UNKNOWN)
			gvote[j * 2 + (size_t)s[i].gender]++;
		const char *what[3] = { s[i].speaker, s[i].stype_name, s[i].title };
		const char **best[3] = { &sp->name, &sp->stype_name, &sp->title };
		for (int w = 0; w < 3; w++) {
			if ((w == 2 && !*what[w]) || (w == 1 && s[i].stype == WS_ST_UNKNOWN))
				continue;
			ws_buf_reset(&b);
			ws_buf_addf(&b, "%zu\t%d\t%s", j, w, what[w]);
			long cnt = ++count_get(&votes, b.data, b.len)->n;
			vote(best[w], &bestn[4 * j + (size_t)w], what[w], cnt);
		}
		if (*s[i].title) {
			ws_buf_reset(&b);
			ws_buf_addf(&b, "%zu\t%d\t%d\t%s", j, 3, o, s[i].title);
			long cnt = ++count_get(&votes, b.data, b.len)->n;
			size_t slot = 4 * c->nspeaker + (j * (c->noutlet + 1) + (size_t)o);
			vote(&sp->title_by_outlet[o], &bestn[slot], s[i].title, cnt);
		}
	}
	for (size_t j = 0; j < c->nspeaker; j++) {
		struct ws_cmp_speaker *sp = &c->speaker[j];
		sp->gender = gvote[2 * j] > gvote[2 * j + 1] ? WS_G_FEMALE :
			     gvote[2 * j + 1] > gvote[2 * j] ? WS_G_MALE : WS_G_UNKNOWN;
		if (!sp->title)
			sp->title = "";
		if (!sp->stype_name)
			sp->stype_name = ws_cmp_stype_names[WS_ST_UNKNOWN];
		for (size_t o = 0; o < c->noutlet; o++)
			if (!sp->title_by_outlet[o])
				sp->title_by_outlet[o] = "";
	}
	nodes_free(&votes);
	nodes_free(&keys);
	free(lastdoc);
	free(lastany);
	free(bestn);
	free(gvote);
	free(sorted);
	free(key);
	ws_buf_release(&b);
}

static void count_outlets(struct ws_cmp *c)
{
	struct ws_cmp_priv *p = c->priv;
	struct node *names = NULL;
	for (size_t i = 0; i < p->doc_outlet.n; i++)
		count_get(&names, p->doc_outlet.v[i], strlen(p->doc_outlet.v[i]));
	for (size_t i = 0; i < p->stmts.n; i++)
		count_get(&names, p->stmts.v[i].outlet, strlen(p->stmts.v[i].outlet));
	const char **sorted = sorted_keys(names, &c->noutlet);
	c->outlet = ws_xcalloc(c->noutlet + 1, sizeof(*c->outlet));
	for (size_t o = 0; o < c->noutlet; o++)
		c->outlet[o].name = intern(p, sorted[o], strlen(sorted[o]));
	for (size_t i = 0; i < p->doc_outlet.n; i++)
		c->outlet[index_of(sorted, c->noutlet, p->doc_outlet.v[i])].docs++;
	c->documents = (long)p->doc_outlet.n;
	for (size_t i = 0; i < p->stmts.n; i++) {
		struct ws_cmp_stmt *s = &p->stmts.v[i];
		s->outlet_no = (int)index_of(sorted, c->noutlet, s->outlet);
		struct ws_cmp_outlet *o = &c->outlet[s->outlet_no];
		o->statements++;
		o->qtype[s->qtype]++;
		o->stype[s->stype]++;
	}
	nodes_free(&names);
	free(sorted);
}

static void count_speakers_by_outlet(struct ws_cmp *c)
{
	for (size_t j = 0; j < c->nspeaker; j++)
		for (size_t o = 0; o < c->noutlet; o++)
			if (c->speaker[j].by_outlet[o]) {
				c->outlet[o].speakers++;
				if (!strcmp(c->speaker[j].stype_name, "person"))
					c->outlet[o].gender[c->speaker[j].gender]++;
			}
}

static int cmp_cue(const void *a, const void *b)
{
	const struct ws_cmp_cue *x = a, *y = b;
	if (x->outlet_no != y->outlet_no)
		return x->outlet_no - y->outlet_no;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->lemma, y->lemma);
}

static void count_cues(struct ws_cmp *c)
{
	struct ws_cmp_priv *p = c->priv;
	struct node *h = NULL, *cats = NULL;
	struct ws_buf b = WS_BUF_INIT;
	for (size_t i = 0; i < p->stmts.n; i++) {
		const struct ws_cmp_stmt *s = &p->stmts.v[i];
		ws_buf_reset(&b);
		ws_buf_addf(&b, "%d\t%s", s->outlet_no, s->cue_lemma);
		struct node *x = count_get(&h, b.data, b.len);
		x->n++;
		x->v = (long)i;
		count_get(&cats, s->category, strlen(s->category));
	}
	c->ncue = HASH_COUNT(h);
	c->cue = ws_xcalloc(c->ncue + 1, sizeof(*c->cue));
	size_t k = 0;
	for (struct node *x = h; x; x = x->hh.next, k++) {
		const struct ws_cmp_stmt *s = &p->stmts.v[x->v];
		c->cue[k] = (struct ws_cmp_cue){ s->outlet_no, s->cue_lemma, s->category, x->n };
	}
	qsort(c->cue, c->ncue, sizeof(*c->cue), cmp_cue);
	const char **sorted = sorted_keys(cats, &c->ncategories);
	p->cats = ws_xcalloc(c->ncategories + 1, sizeof(char *));
	for (size_t i = 0; i < c->ncategories; i++)
		p->cats[i] = intern(p, sorted[i], strlen(sorted[i]));
	c->categories = p->cats;
	free(sorted);
	nodes_free(&h);
	nodes_free(&cats);
	ws_buf_release(&b);
}

/* ---- statement clusters -------------------------------------------------- */

static uint64_t fnv(const char *s, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

struct posting {
	uint64_t h;
	size_t stmt;
};

static int cmp_posting(const void *a, const void *b)
{
	const struct posting *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->stmt > y->stmt) - (x->stmt < y->stmt);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static size_t find(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

/* The distinct shingles of a folded word string: hashes of SHINGLE
 * consecutive words, or of all words of a shorter quote. */
static size_t shingles(const char *folded, uint64_t **out)
{
	WS_VEC(uint64_t) w = { 0 };
	for (const char *s = folded; *s;) {
		size_t len = strcspn(s, " ");
		WS_VEC_PUSH(w, fnv(s, len, 0xcbf29ce484222325ULL));
		s += len;
		while (*s == ' ')
			s++;
	}
	size_t n = 0;
	*out = NULL;
	if (w.n >= MIN_WORDS) {
		size_t k = w.n < SHINGLE ? w.n : SHINGLE;
		*out = ws_xcalloc(w.n - k + 1, sizeof(uint64_t));
		for (size_t i = 0; i + k <= w.n; i++) {
			uint64_t h = 0xcbf29ce484222325ULL;
			for (size_t j = 0; j < k; j++)
				h = fnv((const char *)&w.v[i + j], sizeof(uint64_t), h);
			(*out)[n++] = h;
		}
		qsort(*out, n, sizeof(uint64_t), cmp_u64);
		size_t u = 0;
		for (size_t i = 0; i < n; i++)
			if (!u || (*out)[u - 1] != (*out)[i])
				(*out)[u++] = (*out)[i];
		n = u;
	}
	WS_VEC_FREE(w);
	return n;
}

/* Words of a that are not in b, space-joined, at most DIFF_WORDS of them. */
static const char *word_diff(struct ws_cmp_priv *p, const char *a, const char *b)
{
	struct node *set = NULL, *seen = NULL;
	for (const char *s = b; *s;) {
		size_t len = strcspn(s, " ");
		count_get(&set, s, len);
		s += len + (s[len] == ' ');
	}
	struct ws_buf out = WS_BUF_INIT;
	size_t words = 0;
	for (const char *s = a; *s;) {
		size_t len = strcspn(s, " ");
		struct node *x;
		HASH_FIND(hh, set, s, len, x);
		if (!x && !count_get(&seen, s, len)->n++) {
			if (words++ == DIFF_WORDS) {
				ws_buf_adds(&out, " …");
				break;
			}
			if (out.len)
				ws_buf_addc(&out, ' ');
			ws_buf_add(&out, s, len);
		}
		s += len + (s[len] == ' ');
	}
	const char *r = intern(p, out.data ? out.data : "", out.len);
	ws_buf_release(&out);
	nodes_free(&set);
	nodes_free(&seen);
	return r;
}

/* Majority of v[0..n) (small ints), ties to the smallest. */
static int majority(const int *v, size_t n, int skip)
{
	int best = -1;
	size_t bestn = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i] == skip)
			continue;
		size_t k = 0;
		for (size_t j = 0; j < n; j++)
			k += v[j] == v[i];
		if (k > bestn || (k == bestn && v[i] < best)) {
			best = v[i];
			bestn = k;
		}
	}
	return best;
}

static void flag_cluster(struct ws_cmp *c, struct ws_cmp_cluster *cl)
{
	struct ws_cmp_priv *p = c->priv;
	struct ws_cmp_stmt *s = p->stmts.v;
	int *sp = ws_xcalloc(cl->n, sizeof(int)), *cat = ws_xcalloc(cl->n, sizeof(int));
	int *wording = ws_xcalloc(cl->n, sizeof(int));
	int maxlevel = 0, minlevel = WS_ATTR_NAMED;
	for (size_t i = 0; i < cl->n; i++) {
		const struct ws_cmp_stmt *x = &s[cl->stmt[i]];
		sp[i] = x->level == WS_ATTR_NAMED ? x->speaker_no : -1;
		cat[i] = (int)index_of(c->categories, c->ncategories, x->category);
		/* the wording's number: the first occurrence with the same words */
		wording[i] = (int)i;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(p->folded[cl->stmt[j]], p->folded[cl->stmt[i]])) {
				wording[i] = (int)j;
				break;
			}
		if (x->level > maxlevel)
			maxlevel = x->level;
		if (x->level < minlevel)
			minlevel = x->level;
	}
	int msp = majority(sp, cl->n, -1), mcat = majority(cat, cl->n, -2);
	int mw = majority(wording, cl->n, -2);
	int nsp = 0, ncat = 0, nw = 0;
	for (size_t i = 0; i < cl->n; i++) {
		int first_sp = 1, first_cat = 1, first_w = 1;
		for (size_t j = 0; j < i; j++) {
			first_sp &= sp[j] != sp[i];
			first_cat &= cat[j] != cat[i];
			first_w &= wording[j] != wording[i];
		}
		nsp += sp[i] >= 0 && first_sp;
		ncat += first_cat;
		nw += first_w;
	}
	const char *ref = p->folded[cl->stmt[mw]];
	for (size_t i = 0; i < cl->n; i++) {
		struct ws_cmp_stmt *x = &s[cl->stmt[i]];
		if (sp[i] >= 0 && sp[i] != msp)
			x->flags |= WS_DIS_SPEAKER;
		if (x->level < maxlevel)
			x->flags |= WS_DIS_VAGUER;
		if (cat[i] != mcat)
			x->flags |= WS_DIS_CUE;
		if (wording[i] != mw) {
			x->flags |= WS_DIS_WORDING;
			x->added = word_diff(p, p->folded[cl->stmt[i]], ref);
			x->missing = word_diff(p, ref, p->folded[cl->stmt[i]]);
		}
		cl->flags |= x->flags;
	}
	cl->score = 3 * (nsp > 1 ? nsp - 1 : 0) + 2 * (maxlevel - minlevel) +
		    2 * (ncat - 1) + (nw > 1);
	free(sp);
	free(cat);
	free(wording);
}

static void cluster_statements(struct ws_cmp *c)
{
	struct ws_cmp_priv *p = c->priv;
	size_t n = p->stmts.n;
	struct ws_cmp_stmt *s = p->stmts.v;
	uint64_t **sh = ws_xcalloc(n + 1, sizeof(*sh));
	size_t *nsh = ws_xcalloc(n + 1, sizeof(size_t));
	WS_VEC(struct posting) post = { 0 };
	struct ws_buf b = WS_BUF_INIT;
	p->folded = ws_xcalloc(n + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		ws_fold_words(s[i].quote, strlen(s[i].quote), &b);
		p->folded[i] = ws_xstrdup(b.data ? b.data : "");
		nsh[i] = shingles(p->folded[i], &sh[i]);
		for (size_t k = 0; k < nsh[i]; k++)
			WS_VEC_PUSH(post, ((struct posting){ sh[i][k], i }));
	}
	ws_buf_release(&b);
	qsort(post.v, post.n, sizeof(*post.v), cmp_posting);

	size_t *parent = ws_xcalloc(n + 1, sizeof(size_t));
	size_t *shared = ws_xcalloc(n + 1, sizeof(size_t));
	size_t *touched = ws_xcalloc(n + 1, sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	for (size_t i = 0; i < n; i++) {
		size_t nt = 0;
		for (size_t k = 0; k < nsh[i]; k++) {
			/* the posting list of this shingle */
			size_t lo = 0, hi = post.n;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (post.v[mid].h < sh[i][k])
					lo = mid + 1;
				else
					hi = mid;
			}
			size_t end = lo;
			while (end < post.n && post.v[end].h == sh[i][k])
				end++;
			if (end - lo > MAX_POSTING)
				continue;
			for (size_t q = lo; q < end; q++) {
				size_t j = post.v[q].stmt;
				if (j <= i)
					continue;
				if (!shared[j]++)
					touched[nt++] = j;
			}
		}
		for (size_t t = 0; t < nt; t++) {
			size_t j = touched[t], m = shared[j];
			shared[j] = 0;
			if (s[i].doc_id == s[j].doc_id && s[i].outlet == s[j].outlet)
				continue;
			size_t small = nsh[i] < nsh[j] ? nsh[i] : nsh[j];
			double jac = (double)m / (double)(nsh[i] + nsh[j] - m);
			/* Jaccard, or containment for a quote trimmed by one outlet */
			if (jac >= 0.5 || (m >= 3 && (double)m >= 0.8 * (double)small)) {
				size_t a = find(parent, i), z = find(parent, j);
				if (a != z)
					parent[a > z ? a : z] = a < z ? a : z;
			}
		}
	}
	/* clusters in order of their first statement; keep those in 2+ documents */
	int *id = ws_xcalloc(n + 1, sizeof(int));
	for (size_t i = 0; i < n; i++)
		id[i] = -1;
	WS_VEC(struct ws_cmp_cluster) cl = { 0 };
	/* group members by root in one pass */
	size_t *count = ws_xcalloc(n + 1, sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		count[find(parent, i)]++;
	for (size_t i = 0; i < n; i++) {
		size_t r = find(parent, i);
		if (count[r] < 2)
			continue;
		if (id[r] < 0) {
			struct ws_cmp_cluster x;
			memset(&x, 0, sizeof(x));
			x.stmt = ws_xcalloc(count[r], sizeof(size_t));
			id[r] = (int)cl.n;
			WS_VEC_PUSH(cl, x);
		}
		struct ws_cmp_cluster *x = &cl.v[id[r]];
		x->stmt[x->n++] = i;
	}
	/* only statements of several documents make a cluster */
	size_t kept = 0;
	for (size_t k = 0; k < cl.n; k++) {
		struct ws_cmp_cluster *x = &cl.v[k];
		int docs = 0, outlets = 0;
		for (size_t i = 0; i < x->n; i++) {
			int newdoc = 1, newout = 1;
			for (size_t j = 0; j < i; j++) {
				const struct ws_cmp_stmt *a = &s[x->stmt[i]], *z = &s[x->stmt[j]];
				newdoc &= !(a->doc_id == z->doc_id && a->outlet == z->outlet);
				newout &= a->outlet != z->outlet;
			}
			docs += newdoc;
			outlets += newout;
		}
		if (docs < 2) {
			free(x->stmt);
			continue;
		}
		x->docs = docs;
		x->outlets = outlets;
		cl.v[kept++] = *x;
	}
	c->cluster = cl.v;
	c->ncluster = kept;
	for (size_t k = 0; k < kept; k++) {
		for (size_t i = 0; i < c->cluster[k].n; i++)
			s[c->cluster[k].stmt[i]].cluster = (int)k;
		flag_cluster(c, &c->cluster[k]);
	}
	for (size_t i = 0; i < n; i++)
		free(sh[i]);
	free(sh);
	free(nsh);
	free(parent);
	free(shared);
	free(touched);
	free(id);
	free(count);
	WS_VEC_FREE(post);
}

void ws_cmp_finish(struct ws_cmp *c)
{
	struct ws_cmp_priv *p = c->priv;
	qsort(p->stmts.v, p->stmts.n, sizeof(*p->stmts.v), cmp_stmt);
	c->stmt = p->stmts.v;
	c->nstmt = p->stmts.n;
	count_outlets(c);
	assign_speakers(c);
	count_speakers_by_outlet(c);
	count_cues(c);
	cluster_statements(c);
}

/* ---- TSV output ---------------------------------------------------------- */

/* A field: TAB, CR, LF and other control characters become spaces. */
static void put(FILE *f, const char *s)
{
	for (; s && *s; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s, f);
}

static double share(long a, long b)
{
	return b ? (double)a / (double)b : 0.0;
}

struct ranked {
	const char *name;
	long n;
};

static int cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* "name (n); name (n)" for the top k. */
static void put_top(FILE *f, struct ranked *r, size_t n, size_t k)
{
	qsort(r, n, sizeof(*r), cmp_ranked);
	for (size_t i = 0; i < n && i < k; i++) {
		if (i)
			fputs("; ", f);
		put(f, r[i].name);
		fprintf(f, " (%ld)", r[i].n);
	}
}

static void write_outlets(const struct ws_cmp *c, FILE *f)
{
	fputs("outlet\tdocuments\tstatements\tstatements_per_doc\tdirect\tmixed\tindirect", f);
	for (int t = 0; t < WS_ST_N; t++)
		fprintf(f, "\t%s", ws_cmp_stype_names[t]);
	fputs("\tfemale\tmale\tgender_unknown\tspeakers\ttop_speakers\ttop_cues\tcue_categories\n", f);
	struct ranked *r = ws_xcalloc(c->nspeaker + c->ncue + c->ncategories + 1, sizeof(*r));
	for (size_t o = 0; o < c->noutlet; o++) {
		const struct ws_cmp_outlet *x = &c->outlet[o];
		put(f, x->name);
		fprintf(f, "\t%ld\t%ld\t%.2f", x->docs, x->statements, share(x->statements, x->docs));
		for (int t = 0; t < WS_CQ_N; t++)
			fprintf(f, "\t%.3f", share(x->qtype[t], x->statements));
		for (int t = 0; t < WS_ST_N; t++)
			fprintf(f, "\t%.3f", share(x->stype[t], x->statements));
		long persons = x->gender[0] + x->gender[1] + x->gender[2];
		for (int g = 0; g < WS_G_N; g++)
			fprintf(f, "\t%.3f", share(x->gender[g], persons));
		fprintf(f, "\t%ld\t", x->speakers);
		size_t n = 0;
		for (size_t j = 0; j < c->nspeaker; j++)
			if (c->speaker[j].by_outlet[o])
				r[n++] = (struct ranked){ c->speaker[j].name, c->speaker[j].by_outlet[o] };
		put_top(f, r, n, 5);
		fputc('\t', f);
		n = 0;
		for (size_t k = 0; k < c->ncue; k++)
			if (c->cue[k].outlet_no == (int)o)
				r[n++] = (struct ranked){ *c->cue[k].lemma ? c->cue[k].lemma : "(none)",
							  c->cue[k].n };
		put_top(f, r, n, 5);
		fputc('\t', f);
		n = 0;
		for (size_t g = 0; g < c->ncategories; g++) {
			long cnt = 0;
			for (size_t k = 0; k < c->ncue; k++)
				if (c->cue[k].outlet_no == (int)o && c->cue[k].category == c->categories[g])
					cnt += c->cue[k].n;
			if (cnt)
				r[n++] = (struct ranked){ c->categories[g], cnt };
		}
		put_top(f, r, n, n);
		fputc('\n', f);
	}
	free(r);
}

static void write_speakers(const struct ws_cmp *c, FILE *f)
{
	fputs("speaker_key\toutlet\tname\ttype\tgender\ttitle\tstatements\tdocuments\t"
	      "outlets_total\tstatements_total\n", f);
	for (size_t j = 0; j < c->nspeaker; j++) {
		const struct ws_cmp_speaker *sp = &c->speaker[j];
		long outlets = 0;
		for (size_t o = 0; o < c->noutlet; o++)
			outlets += sp->by_outlet[o] > 0;
		for (size_t o = 0; o < c->noutlet; o++) {
			if (!sp->by_outlet[o])
				continue;
			put(f, sp->key);
			fputc('\t', f);
			put(f, c->outlet[o].name);
			fputc('\t', f);
			put(f, sp->name);
			fputc('\t', f);
			put(f, sp->stype_name);
			fprintf(f, "\t%s\t", ws_cmp_gender_names[sp->gender]);
			put(f, sp->title_by_outlet[o]);
			fprintf(f, "\t%ld\t%ld\t%ld\t%ld\n", sp->by_outlet[o], sp->docs_by_outlet[o],
				outlets, sp->statements);
		}
	}
}

const char *ws_cmp_level_name(int level)
{
	return level == WS_ATTR_NAMED ? "named" : level == WS_ATTR_TITLE ? "title" : "anonymous";
}

static void write_statements(const struct ws_cmp *c, FILE *f)
{
	fputs("cluster\tdocuments\toutlets\tdoc_id\toutlet\tdate\tquote_no\tquote_start\tquote_end\t"
	      "speaker_key\tspeaker\tspeaker_type\tattribution\tcue_lemma\tcue_category\t"
	      "diff_speaker\tdiff_attribution\tdiff_cue\tdiff_wording\twords_added\t"
	      "words_missing\tquote\n", f);
	for (size_t k = 0; k < c->ncluster; k++) {
		const struct ws_cmp_cluster *cl = &c->cluster[k];
		for (size_t i = 0; i < cl->n; i++) {
			const struct ws_cmp_stmt *s = &c->stmt[cl->stmt[i]];
			fprintf(f, "%zu\t%d\t%d\t", k + 1, cl->docs, cl->outlets);
			put(f, s->doc_id);
			fputc('\t', f);
			put(f, s->outlet);
			fputc('\t', f);
			put(f, s->date);
			fprintf(f, "\t%ld\t%ld\t%ld\t", s->quote_no, s->start, s->end);
			put(f, s->speaker_no >= 0 ? c->speaker[s->speaker_no].key : "");
			fputc('\t', f);
			put(f, s->speaker);
			fputc('\t', f);
			put(f, s->stype_name);
			fprintf(f, "\t%s\t", ws_cmp_level_name(s->level));
			put(f, s->cue_lemma);
			fputc('\t', f);
			put(f, s->category);
			fprintf(f, "\t%d\t%d\t%d\t%d\t", !!(s->flags & WS_DIS_SPEAKER),
				!!(s->flags & WS_DIS_VAGUER), !!(s->flags & WS_DIS_CUE),
				!!(s->flags & WS_DIS_WORDING));
			put(f, s->added);
			fputc('\t', f);
			put(f, s->missing);
			fputc('\t', f);
			put(f, s->quote);
			fputc('\n', f);
		}
	}
}

static void write_cues(const struct ws_cmp *c, FILE *f)
{
	fputs("outlet\tcue_lemma\tcue_category\tstatements\tshare\n", f);
	for (size_t k = 0; k < c->ncue; k++) {
		const struct ws_cmp_cue *q = &c->cue[k];
		put(f, c->outlet[q->outlet_no].name);
		fputc('\t', f);
		put(f, q->lemma);
		fputc('\t', f);
		put(f, q->category);
		fprintf(f, "\t%ld\t%.3f\n", q->n, share(q->n, c->outlet[q->outlet_no].statements));
	}
}

/* Writes dir/name through a temporary file renamed when complete. */
static int write_file(const struct ws_cmp *c, const char *dir, const char *name,
		      void (*fn)(const struct ws_cmp *, FILE *), FILE *err)
{
	char path[4096], tmp[4200];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	snprintf(tmp, sizeof(tmp), "%s/.%s.tmp", dir, name);
	FILE *f = fopen(tmp, "w");
	if (!f) {
		if (err)
			fprintf(err, "whosaid: %s: cannot write: %s\n", tmp, strerror(errno));
		return -1;
	}
	fn(c, f);
	int bad = ferror(f);
	bad |= fclose(f) != 0;
	if (bad || rename(tmp, path) != 0) {
		if (err)
			fprintf(err, "whosaid: %s: cannot write: %s\n", path, strerror(errno));
		remove(tmp);
		return -1;
	}
	return 0;
}

static void write_report(const struct ws_cmp *c, FILE *f)
{
	ws_report_html(c, f);
}

int ws_cmp_write_tsv(const struct ws_cmp *c, const char *dir, FILE *err)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		if (err)
			fprintf(err, "whosaid: %s: cannot create: %s\n", dir, strerror(errno));
		return -1;
	}
	if (write_file(c, dir, "outlets.tsv", write_outlets, err) ||
	    write_file(c, dir, "speakers.tsv", write_speakers, err) ||
	    write_file(c, dir, "statements.tsv", write_statements, err) ||
	    write_file(c, dir, "cues.tsv", write_cues, err))
		return -1;
	return 0;
}

/* ---- the command --------------------------------------------------------- */

static const char usage_compare[] =
	"usage: whosaid compare [options] OUTDIR... -o REPORTDIR\n"
	"\n"
	"Compares the outlets of one or more output directories of whosaid extract\n"
	"(shards of one run, or several runs) and writes to REPORTDIR:\n"
	"  outlets.tsv     per outlet: documents, statements, quote types, speaker\n"
	"                  types, gender of person speakers, top speakers and cues\n"
	"  speakers.tsv    per speaker and outlet, speakers merged across documents\n"
	"  statements.tsv  the same statement in several documents, with the ways\n"
	"                  outlets disagree on speaker, attribution, cue and words\n"
	"  cues.tsv        cue lemmas and categories per outlet\n"
	"  report.html     all of it as one self-contained page with charts\n"
	"\n"
	"options:\n"
	"  -o, --output DIR   where to write (created if missing)\n"
	"  --data DIR         where gazetteers/ is (default: $WHOSAID_DATA, else\n"
	"                     " WS_DATADIR ")\n"
	"  -q, --quiet        no summary on standard error\n"
	"  -h, --help         show this help\n";

int ws_compare_main(int argc, char **argv)
{
	const char *outdir = NULL, *datadir = getenv("WHOSAID_DATA");
	int quiet = 0, n = 0, rc = WS_EXIT_OK;
	char **dirs = ws_xcalloc((size_t)argc + 1, sizeof(char *));
	if (!datadir || !*datadir)
		datadir = WS_DATADIR;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-') {
			dirs[n++] = argv[i];
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage_compare, stdout);
			goto done;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			quiet = 1;
		} else if (!strcmp(a, "-o") || !strcmp(a, "--output") || !strcmp(a, "--data")) {
			if (i + 1 >= argc || !*argv[i + 1]) {
				fprintf(stderr, "whosaid: %s needs a directory\ntry 'whosaid compare "
					"--help'\n", a);
				rc = WS_EXIT_USAGE;
				goto done;
			}
			if (!strcmp(a, "--data"))
				datadir = argv[++i];
			else
				outdir = argv[++i];
		} else if (!strncmp(a, "--output=", 9) && a[9]) {
			outdir = a + 9;
		} else if (!strncmp(a, "--data=", 7) && a[7]) {
			datadir = a + 7;
		} else {
			fprintf(stderr, "whosaid: unknown option '%s'\ntry 'whosaid compare --help'\n",
				a);
			rc = WS_EXIT_USAGE;
			goto done;
		}
	}
	if (!outdir || n == 0) {
		fprintf(stderr, "whosaid: name the report directory with -o DIR and at least one "
			"output directory of whosaid extract\ntry 'whosaid compare --help'\n");
		rc = WS_EXIT_USAGE;
		goto done;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct ws_speakerkey *k = ws_speakerkey_load(datadir, stderr);
	struct ws_cmp *c = k ? ws_cmp_new(k, datadir, stderr) : NULL;
	if (!c) {
		fprintf(stderr, "whosaid: cannot compare: data files missing or wrong in %s\n",
			datadir);
		ws_speakerkey_free(k);
		rc = WS_EXIT_USAGE;
		goto done;
	}
	for (int i = 0; i < n && rc == WS_EXIT_OK; i++)
		if (ws_cmp_read(c, dirs[i], stderr) != 0)
			rc = WS_EXIT_USAGE;
	if (rc == WS_EXIT_OK) {
		ws_cmp_finish(c);
		if (ws_cmp_write_tsv(c, outdir, stderr) != 0 ||
		    write_file(c, outdir, "report.html", write_report, stderr) != 0)
			rc = WS_EXIT_OUTPUT;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (rc == WS_EXIT_OK && !quiet)
		fprintf(stderr, "whosaid: compare: %ld documents, %zu statements, %zu outlets, "
			"%zu speakers, %zu statements in several documents, %.3f s -> %s/\n",
			c->documents, c->nstmt, c->noutlet, c->nspeaker, c->ncluster,
			(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
			outdir);
	ws_cmp_free(c);
	ws_speakerkey_free(k);
done:
	free(dirs);
	return rc;
}
