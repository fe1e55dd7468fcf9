/* TSV rendering (see output.h). No quoting: fields are cleaned instead,
 * which is what awk, cut and R's read.delim(quote='') expect. */
#include "output.h"
#include "text.h"
#include "titleparts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ws_unprintable8() of four bytes. */
static uint32_t unprintable4(uint32_t v)
{
	const uint32_t ones = 0x01010101u;
	return ((v - ones * 0x20) | (v + ones) | v) & ones * 0x80;
}

#if defined(__SSE2__)
/* Whether any of sixteen bytes is no printable ASCII (< 0x20 or >= 0x7F;
 * a signed compare puts bytes >= 0x80 below 0x20). */
static inline int unprintable16(__m128i v)
{
	__m128i ok = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)),
				      _mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)));
	return _mm_movemask_epi8(ok) != 0xFFFF;
}
#endif

/* Rows are written through a cursor into room made for the whole row at
 * once: a field then costs no capacity check, length update or NUL. A
 * cleaned field takes at most three bytes a byte (an invalid byte becomes
 * U+FFFD), a number WS_U_ROOM. */
#define FIELD_ROOM(n) (3 * (size_t)(n))

/* put_field() from byte i on, where a byte that is not printable ASCII
 * may lie (and in fields of under four bytes): character by character. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static char *put_rest(char *d, const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	while (i < n) {
		if (u[i] >= 0x20 && u[i] < 0x7F) {
			*d++ = s[i++];
			continue;
		}
		uint32_t cp;
		size_t k = ws_utf8_next(u, n, i, &cp);
		if (cp == WS_CP_INVALID) {
			memcpy(d, "\xEF\xBF\xBD", 3);
			d += 3;
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
			   cp == 0x2028 || cp == 0x2029) {
			*d++ = ' ';
		} else {
			memcpy(d, s + i, k);
			d += k;
		}
		i += k;
	}
	return d;
}

/* s[0..n) cleaned as one field at d (FIELD_ROOM(n) bytes of room); the
 * end. Most fields are printable ASCII throughout: checked and copied
 * sixteen bytes at a time where SSE2 is, else eight (the last sixteen or
 * eight again where n is no multiple of them; a short field as two
 * four-byte words that may overlap). */
static inline __attribute__((always_inline)) char *put_field(char *d, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
#if defined(__SSE2__)
	if (n >= 16) {
		/* a quote's text, most bytes of the output: sixteen at a time */
		__m128i v;
		for (; i + 16 <= n; i += 16) {
			v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
			if (unprintable16(v))
				return put_rest(d + i, s, n, i);
			_mm_storeu_si128((__m128i *)(void *)(d + i), v);
		}
		if (i < n) {
			v = _mm_loadu_si128((const __m128i *)(const void *)(u + n - 16));
			if (unprintable16(v))
				return put_rest(d + i, s, n, i);
			_mm_storeu_si128((__m128i *)(void *)(d + n - 16), v);
		}
		return d + n;
	}
#endif
	if (n >= 8) {
		uint64_t v;
		for (; i + 8 <= n; i += 8) {
			memcpy(&v, u + i, 8);
			if (ws_unprintable8(v))
				return put_rest(d + i, s, n, i);
			memcpy(d + i, &v, 8);
		}
		if (i < n) {
			memcpy(&v, u + n - 8, 8);
			if (ws_unprintable8(v))
				return put_rest(d + i, s, n, i);
			memcpy(d + n - 8, &v, 8);
		}
		return d + n;
	}
	if (n >= 4) {
		uint32_t x, y;
		memcpy(&x, u, 4);
		memcpy(&y, u + n - 4, 4);
		if (unprintable4(x) | unprintable4(y))
			return put_rest(d, s, n, 0);
		memcpy(d, &x, 4);
		memcpy(d + n - 4, &y, 4);
		return d + n;
	}
	return put_rest(d, s, n, 0);
}

void ws_tsv_field(struct ws_buf *b, const char *s, size_t n)
{
	if (b->len + FIELD_ROOM(n) + 1 > b->cap)
		ws_buf_grow(b, FIELD_ROOM(n));
	char *e = put_field(b->data + b->len, s, n);
	b->len = (size_t)(e - b->data);
	*e = '\0';
}

/* Room for need more bytes and a NUL; the cursor at the buffer's end. */
static inline char *row_begin(struct ws_buf *b, size_t need)
{
	if (b->len + need + 1 > b->cap)
		ws_buf_grow(b, need);
	return b->data + b->len;
}

/* The row written up to d, ended. */
static inline void row_end(struct ws_buf *b, char *d)
{
	*d = '\0';
	b->len = (size_t)(d - b->data);
}

/* A document's text, asked for once a document and not once a field. */
struct dtext {
	const char *text;
	size_t len;
};

/* The text of a span of the document, or NULL (n = 0) when empty or out
 * of it. */
static inline const char *span_text(const struct dtext *t, struct ws_span sp, size_t *n)
{
	if (sp.end > sp.start && sp.end <= t->len) {
		*n = sp.end - sp.start;
		return t->text + sp.start;
	}
	*n = 0;
	return NULL;
}

/* "start<TAB>end", or only the tab for an empty span. */
static inline char *put_offsets(char *d, struct ws_span sp)
{
	if (sp.end > sp.start) {
		d = ws_put_u(d, sp.start);
		*d++ = '\t';
		return ws_put_u(d, sp.end);
	}
	*d++ = '\t';
	return d;
}

static void field_str(struct ws_buf *b, const char *s)
{
	if (s)
		ws_tsv_field(b, s, strlen(s));
}

static void field_span(struct ws_buf *b, const struct ws_doc *d, struct ws_span sp)
{
	size_t len;
	const char *text = ws_doc_text(d, &len);
	if (sp.end > sp.start && sp.end <= len)
		ws_tsv_field(b, text + sp.start, sp.end - sp.start);
}

/* x as "%.2f" prints it. A run has a few distinct confidences (one per
 * sieve) and printf of a double costs a thousand instructions: each
 * thread keeps the last ones it printed. */
#define FIXED_BITS 6

struct fixed2 {
	uint64_t bits;
	uint8_t len;	/* 0: an empty entry */
	char s[23];
};

static void field_fixed2(struct ws_buf *b, double x)
{
	static _Thread_local struct fixed2 cache[1 << FIXED_BITS];
	uint64_t bits;
	memcpy(&bits, &x, sizeof(bits));
	struct fixed2 *e = &cache[(bits * 0x9E3779B97F4A7C15ULL) >> (64 - FIXED_BITS)];
	if (e->len && e->bits == bits) {
		ws_buf_add(b, e->s, e->len);
		return;
	}
	int n = snprintf(e->s, sizeof(e->s), "%.2f", x);
	if (n > 0 && (size_t)n < sizeof(e->s)) {
		e->bits = bits;
		e->len = (uint8_t)n;
		ws_buf_add(b, e->s, (size_t)n);
		return;
	}
	e->len = 0;
	ws_buf_addf(b, "%.2f", x);	/* too long to keep */
}

/* A tab between two fields. Unlike ws_buf_addc() it leaves the NUL
 * unwritten: every row goes on to end in ws_buf_addc(b, '\n'), which
 * writes it, and a tab is output's most common add. */
static inline void tab(struct ws_buf *b)
{
	if (b->len + 2 > b->cap)
		ws_buf_grow(b, 1);
	b->data[b->len++] = '\t';
}

/* Writes at d again the n bytes at s, earlier in the buffer: the columns
 * every row of a document repeats are cleaned once, for its first row, and
 * copied into the room made for each other row. Up to 32 bytes eight a
 * round, the last round writing some bytes twice; a copy of under eight
 * bytes takes eight: the room made holds more (the numbers' room) and the
 * first row, whose eight bytes from s it reads, has more than its doc_id. */
static inline char *put_again(char *d, const char *s, size_t n)
{
	if (n <= 8) {
		memcpy(d, s, 8);
		return d + n;
	}
	if (n > 32) {
		memcpy(d, s, n);
		return d + n;
	}
	for (size_t i = 0; i + 8 < n; i += 8)
		memcpy(d + i, s + i, 8);
	memcpy(d + n - 8, s + n - 8, 8);
	return d + n;
}

static void doc_cols(struct ws_buf *b, const struct ws_docinfo *m, int with_date)
{
	field_str(b, m->doc_id);
	tab(b);
	field_str(b, m->outlet);
	if (with_date) {
		tab(b);
		field_str(b, m->date);
	}
}

void ws_out_quotes_header(struct ws_buf *b)
{
	ws_buf_adds(b, "doc_id\toutlet\tdate\tquote_no\tquote_type\tquote_start\tquote_end\t"
		       "quote\tcue\tcue_lemma\tcue_start\tcue_end\tmention\tmention_start\t"
		       "mention_end\tspeaker\tspeaker_type\tspeaker_title\tentity_no\tsieve\t"
		       "confidence\tcue_category\n");
}

void ws_out_quotes(struct ws_buf *b, const struct ws_docinfo *m, const struct ws_doc *d)
{
	struct dtext dt;
	dt.text = ws_doc_text(d, &dt.len);
	const struct ws_statement *st;
	const struct ws_entity *en;
	size_t n = ws_doc_statements(d, &st);
	ws_doc_entities(d, &en);
	size_t cols = b->len, ncols = 0;
	for (size_t i = 0; i < n; i++) {
		const struct ws_statement *s = &st[i];
		const struct ws_entity *e = s->entity >= 0 ? &en[s->entity] : NULL;
		if (i == 0) {
			doc_cols(b, m, 1);
			ncols = b->len - cols;
		}
		size_t again = i ? ncols : 0;
		size_t qtn, spn;
		const char *qt = ws_quote_type_name_len(s->type, &qtn);
		const char *sp = ws_speaker_type_name_len(s->speaker_type, &spn);
		size_t ln = s->cue_lemma ? strlen(s->cue_lemma) : 0;
		size_t sn = s->sieve ? strlen(s->sieve) : 0;
		size_t tn, cn, mtn, nn = 0, tin = 0;
		const char *t = span_text(&dt, s->span, &tn), *c = span_text(&dt, s->cue, &cn);
		const char *mt = span_text(&dt, s->mention, &mtn), *nm = NULL, *ti = NULL;
		if (e) {
			nm = span_text(&dt, e->name, &nn);
			ti = span_text(&dt, e->title, &tin);
		}
		/* the document's columns again, 8 numbers, 18 tabs */
		char *o = row_begin(b, again + 8 * WS_U_ROOM + 18 +
					       FIELD_ROOM(qtn + spn + tn + cn + mtn + nn + tin + ln + sn));
		o = put_again(o, b->data + cols, again);
		*o++ = '\t';
		o = ws_put_u(o, i + 1);
		*o++ = '\t';
		o = put_field(o, qt, qtn);
		*o++ = '\t';
		o = put_offsets(o, s->span);
		*o++ = '\t';
		o = put_field(o, t, tn);
		*o++ = '\t';
		o = put_field(o, c, cn);
		*o++ = '\t';
		o = put_field(o, s->cue_lemma, ln);
		*o++ = '\t';
		o = put_offsets(o, s->cue);
		*o++ = '\t';
		o = put_field(o, mt, mtn);
		*o++ = '\t';
		o = put_offsets(o, s->mention);
		*o++ = '\t';
		o = put_field(o, nm, nn);
		*o++ = '\t';
		o = put_field(o, sp, spn);
		*o++ = '\t';
		o = put_field(o, ti, tin);
		*o++ = '\t';
		if (e)
			o = ws_put_u(o, (unsigned long long)s->entity + 1);
		*o++ = '\t';
		o = put_field(o, s->sieve, sn);
		*o++ = '\t';
		row_end(b, o);
		if (s->confidence >= 0)
			field_fixed2(b, s->confidence);
		size_t ccn = s->cue_category ? strlen(s->cue_category) : 0;
		o = row_begin(b, 2 + FIELD_ROOM(ccn));	/* a tab, the newline */
		*o++ = '\t';
		o = put_field(o, s->cue_category, ccn);
		*o++ = '\n';
		row_end(b, o);
	}
}

void ws_out_entities_header(struct ws_buf *b)
{
	ws_buf_adds(b, "doc_id\toutlet\tentity_no\ttype\tname\ttitle\t");
	for (int i = 0; i < WS_TP_N; i++) {
		ws_buf_adds(b, ws_title_part_names[i]);
		tab(b);
	}
	ws_buf_adds(b, "title_office_norm\t");
	ws_buf_adds(b, "gender\tmentions\tfirst_start\tfirst_end\taliases\tquotes\n");
}

static int same_text(const char *t, struct ws_span a, struct ws_span b)
{
	return a.end - a.start == b.end - b.start &&
	       memcmp(t + a.start, t + b.start, a.end - a.start) == 0;
}

/* The distinct ways an entity was written, other than its name, joined by
 * " | " in order of first appearance. */
/* The entity's other names: its mentions ment[0..n) (ascending) as
 * written, each once, but for pronouns, wide mentions and its name. */
static void aliases(struct ws_buf *b, const struct ws_doc *d, int32_t ent, const uint32_t *ment,
		    size_t n)
{
	const struct ws_mention *mn;
	const struct ws_entity *en;
	ws_doc_mentions(d, &mn);
	ws_doc_entities(d, &en);
	const char *t = ws_doc_text(d, NULL);
	int first = 1;
	for (size_t x = 0; x < n; x++) {
		size_t i = ment[x];
		if (mn[i].pronoun || mn[i].wide || same_text(t, mn[i].span, en[ent].name))
			continue;
		int seen = 0;
		for (size_t y = 0; y < x && !seen; y++)
			seen = same_text(t, mn[ment[y]].span, mn[i].span);
		if (seen)
			continue;
		if (!first)
			ws_buf_adds(b, " | ");
		field_span(b, d, mn[i].span);
		first = 0;
	}
}

/* The title's parts, each followed by a tab; a part of several spans is
 * written with one space between them. */
/* The office to count by: what an office honorific stands for ("Sen.":
 * senator), else the office as written in ASCII lower case, so "Senator",
 * "Sen." and "senator" are one office. */
static void office_norm(struct ws_buf *b, const struct ws_doc *d, const struct ws_title_parts *tp)
{
	if (tp->office_expands) {
		field_str(b, tp->office_expands);
		return;
	}
	const char *text = ws_doc_text(d, NULL);
	char low[256];
	size_t n = 0;
	for (int j = 0; j < tp->n[WS_TP_OFFICE]; j++) {
		struct ws_span sp = tp->s[WS_TP_OFFICE][j];
		if (j && n < sizeof(low))
			low[n++] = ' ';
		for (uint32_t k = sp.start; k < sp.end && n < sizeof(low); k++) {
			char c = text[k];
			low[n++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
		}
	}
	if (n == sizeof(low))
		return;	/* an office this long is no office; leave it empty */
	ws_tsv_field(b, low, n);
}

static void title_parts(struct ws_buf *b, const struct ws_doc *d, struct ws_span title)
{
	if (title.end <= title.start) {
		/* most entities have no title: every part empty, as
		 * ws_title_parts() would find them, and the office too */
		char *o = row_begin(b, WS_TP_N + 1);
		for (int i = 0; i <= WS_TP_N; i++)
			*o++ = '\t';
		row_end(b, o);
		return;
	}
	struct ws_title_parts tp;
	ws_title_parts(d, title, &tp);
	for (int i = 0; i < WS_TP_N; i++) {
		for (int j = 0; j < tp.n[i]; j++) {
			if (j)
				ws_buf_addc(b, ' ');
			field_span(b, d, tp.s[i][j]);
		}
		tab(b);
	}
	office_norm(b, d, &tp);
	tab(b);
}

void ws_out_entities(struct ws_buf *b, const struct ws_docinfo *m, const struct ws_doc *d)
{
	struct dtext dt;
	dt.text = ws_doc_text(d, &dt.len);
	const struct ws_entity *en;
	const struct ws_mention *mn;
	size_t n = ws_doc_entities(d, &en), nm = ws_doc_mentions(d, &mn);
	/* each entity's mentions in text order, by a counting sort: the
	 * aliases then cost each entity its own mentions, not all of them */
	uint32_t first_here[64], ment_here[512];	/* most documents' share: no malloc */
	uint32_t *first = n + 2 <= 64 ? first_here : ws_xmalloc((n + 2) * sizeof(uint32_t));
	uint32_t *ment = nm + 1 <= 512 ? ment_here : ws_xmalloc((nm + 1) * sizeof(uint32_t));
	memset(first, 0, (n + 2) * sizeof(uint32_t));
	for (size_t k = 0; k < nm; k++)
		if (mn[k].entity >= 0 && (size_t)mn[k].entity < n)
			first[mn[k].entity + 2]++;
	for (size_t e = 2; e < n + 2; e++)
		first[e] += first[e - 1];
	for (size_t k = 0; k < nm; k++)
		if (mn[k].entity >= 0 && (size_t)mn[k].entity < n)
			ment[first[mn[k].entity + 1]++] = (uint32_t)k;
	size_t cols = b->len, ncols = 0;
	for (size_t i = 0; i < n; i++) {
		const struct ws_entity *e = &en[i];
		if (i == 0) {
			doc_cols(b, m, 0);
			ncols = b->len - cols;
		}
		size_t again = i ? ncols : 0;
		size_t tn, nn, tin;
		const char *type = ws_speaker_type_name_len(e->type, &tn);
		const char *name = span_text(&dt, e->name, &nn), *ti = span_text(&dt, e->title, &tin);
		/* the document's columns again, a number, 5 tabs */
		char *o = row_begin(b, again + WS_U_ROOM + 5 + FIELD_ROOM(tn + nn + tin));
		o = put_again(o, b->data + cols, again);
		*o++ = '\t';
		o = ws_put_u(o, i + 1);
		*o++ = '\t';
		o = put_field(o, type, tn);
		*o++ = '\t';
		o = put_field(o, name, nn);
		*o++ = '\t';
		o = put_field(o, ti, tin);
		*o++ = '\t';
		row_end(b, o);
		title_parts(b, d, e->title);
		size_t gn = e->gender ? strlen(e->gender) : 0;
		o = row_begin(b, 3 * WS_U_ROOM + 4 + FIELD_ROOM(gn));	/* 4 tabs */
		o = put_field(o, e->gender, gn);
		*o++ = '\t';
		o = ws_put_u(o, e->mentions);
		*o++ = '\t';
		o = put_offsets(o, e->first);
		*o++ = '\t';
		row_end(b, o);
		aliases(b, d, (int32_t)i, ment + first[i], first[i + 1] - first[i]);
		o = row_begin(b, WS_U_ROOM + 2);	/* a tab, the newline */
		*o++ = '\t';
		o = ws_put_u(o, e->quotes);
		*o++ = '\n';
		row_end(b, o);
	}
	if (first != first_here)
		free(first);
	if (ment != ment_here)
		free(ment);
}

void ws_out_mentions_header(struct ws_buf *b)
{
	ws_buf_adds(b, "doc_id\tentity_no\ttype\tstart\tend\ttext\trule\n");
}

void ws_out_mentions(struct ws_buf *b, const struct ws_docinfo *m, const struct ws_doc *d)
{
	struct dtext dt;
	dt.text = ws_doc_text(d, &dt.len);
	const struct ws_mention *mn;
	const struct ws_entity *en;
	size_t n = ws_doc_mentions(d, &mn);
	ws_doc_entities(d, &en);
	size_t cols = b->len, ncols = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0) {
			field_str(b, m->doc_id);
			ncols = b->len - cols;
		}
		size_t again = i ? ncols : 0;
		size_t tn, xn, rn = mn[i].rule ? strlen(mn[i].rule) : 0;
		const char *type = ws_speaker_type_name_len(
			mn[i].entity >= 0 ? en[mn[i].entity].type : mn[i].type, &tn);
		const char *x = span_text(&dt, mn[i].span, &xn);
		/* the document's column again, 3 numbers, 6 tabs and the newline */
		char *o = row_begin(b, again + 3 * WS_U_ROOM + 7 + FIELD_ROOM(tn + xn + rn));
		o = put_again(o, b->data + cols, again);
		*o++ = '\t';
		if (mn[i].entity >= 0)
			o = ws_put_u(o, (unsigned long long)mn[i].entity + 1);
		*o++ = '\t';
		o = put_field(o, type, tn);
		*o++ = '\t';
		o = put_offsets(o, mn[i].span);
		*o++ = '\t';
		o = put_field(o, x, xn);
		*o++ = '\t';
		o = put_field(o, mn[i].rule, rn);
		*o++ = '\n';
		row_end(b, o);
	}
}

void ws_out_docs_header(struct ws_buf *b)
{
	ws_buf_adds(b, "doc_id\toutlet\tdate\tsource\tbytes\tstatus\terror\tquotes\tentities\t"
		       "title\turl\n");
}

void ws_out_doc(struct ws_buf *b, const struct ws_docinfo *m)
{
	doc_cols(b, m, 1);
	tab(b);
	field_str(b, m->source);
	tab(b);
	ws_buf_addu(b, m->bytes);
	tab(b);
	ws_buf_adds(b, m->status == WS_OK ? "ok" : "error");
	tab(b);
	field_str(b, m->error);
	tab(b);
	ws_buf_addu(b, m->quotes);
	tab(b);
	ws_buf_addu(b, m->entities);
	tab(b);
	field_str(b, m->title);
	tab(b);
	field_str(b, m->url);
	ws_buf_addc(b, '\n');
}
