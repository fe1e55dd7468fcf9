/* Title parts (see titleparts.h): the gazetteer's own types of a title's
 * words decide its parts, so the lists in gazetteers/title/ are what a
 * linguist edits to change them. */
#include "titleparts.h"
#include "doc.h"
#include "symtab.h"

#include <string.h>

const char *const ws_title_part_names[WS_TP_N] = {
	"title_honorific", "title_modifiers", "title_nationality", "title_org", "title_office",
	"title_portfolio",
};

/* What the lists say of a word: a bit per kind, and for the kinds that
 * make an office or a portfolio the length (tokens) of the longest such
 * lookup starting there. */
enum { K_HEAD = 1, K_HON_OFFICE = 2, K_HON = 4, K_PORT = 8, K_MOD = 16, K_PLACE = 32,
       K_ORG = 64, K_NAME = 128 };

struct word {
	uint8_t kind;		/* of every lookup starting there */
	uint8_t long_kind;	/* of the longest ones ("Republican Party" an org,
				 * not the modifier "Republican") */
	uint8_t head_len, port_len, len;	/* len: the longest lookup of any kind */
	const char *expands;	/* what an office honorific of head_len stands
				 * for ("Sen.": senator), or NULL */
};

void ws_title_keys_init(struct ws_title_keys *k, const struct ws_symtab *st)
{
#define K(f, s) (k->f = ws_sym_find(st, s, sizeof(s) - 1))
	K(major, "major");
	K(minor, "minor");
	K(expands, "expands");
	K(head, "head");
	K(role, "role");
	K(honorific, "honorific");
	K(portfolio, "portfolio");
	K(modifier, "modifier");
	K(place, "place");
	K(org, "org");
	K(cue_word, "cue_word");
	K(person, "person");
	K(first_name, "first_name");
	K(surname, "surname");
#undef K
}

static uint8_t clamp(uint32_t n)
{
	return n > 255 ? 255 : (uint8_t)n;
}

static void classify(const struct ws_title_keys *k, const struct ws_annot *a, struct word *w)
{
	const char *major = ws_annot_get(a, k->major), *minor = ws_annot_get(a, k->minor);
	uint8_t len = clamp(a->last - a->first), before = w->kind;
	if (!major || !minor)
		return;
	w->kind = 0;
	if (minor == k->head || minor == k->role) {
		w->kind |= K_HEAD;
		if (len > w->head_len) {
			w->head_len = len;
			w->expands = NULL;
		}
	} else if (minor == k->honorific) {
		const char *ex = k->expands ? ws_annot_get(a, k->expands) : NULL;
		w->kind |= ex ? K_HON_OFFICE : K_HON;
		if (ex && len > w->head_len) {
			w->head_len = len;
			w->expands = ex;
		}
	} else if (minor == k->portfolio) {
		w->kind |= K_PORT;
		if (len > w->port_len)
			w->port_len = len;
	} else if (minor == k->modifier) {
		w->kind |= K_MOD;
	} else if (major == k->place) {
		w->kind |= K_PLACE;
	} else if (major == k->org && minor != k->cue_word) {
		w->kind |= K_ORG;
	} else if (major == k->person && (minor == k->first_name || minor == k->surname)) {
		w->kind |= K_NAME;
	}
	uint8_t mine = w->kind;
	w->kind |= before;
	if (len > w->len) {
		w->len = len;
		w->long_kind = mine;
	} else if (len == w->len) {
		w->long_kind |= mine;
	}
}

/* The first Lookup annotation starting at or after token t among the
 * document's n Lookups, which lead d->gaz sorted by first token. */
static size_t lookup_from(const struct ws_doc *d, size_t n, uint32_t t)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->gaz.v[mid].first < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void add(const struct ws_doc *d, struct ws_title_parts *p, enum ws_title_part part,
		size_t t0, size_t t1)
{
	const struct ws_token *tk = d->tk.tok.v;
	uint8_t *n = &p->n[part];
	/* a word right after the part's last one joins its span */
	if (*n && t0 > 0 && p->s[part][*n - 1].end == tk[t0 - 1].end) {
		p->s[part][*n - 1].end = tk[t1 - 1].end;
		return;
	}
	if (*n < WS_TP_SPANS)
		p->s[part][(*n)++] = (struct ws_span){ tk[t0].start, tk[t1 - 1].end };
}

/* A word before the office: its part by the lists, most telling first. */
static int before_part(const struct ws_doc *d, const struct word *w, size_t t)
{
	uint8_t kind = w->long_kind;
	if (kind & K_MOD)
		return WS_TP_MODIFIERS;
	if (kind & K_PLACE)
		return WS_TP_NATIONALITY;
	if (kind & K_ORG)
		return WS_TP_ORG;
	if (kind & K_HON)
		return WS_TP_HONORIFIC;
	if (kind & (K_HEAD | K_HON_OFFICE | K_PORT))
		return WS_TP_MODIFIERS;	/* "Deputy" before "Foreign Minister" */
	const struct ws_token *tk = &d->tk.tok.v[t];
	if (tk->kind != WS_TOK_WORD)
		return -1;
	if (kind & K_NAME || tk->shape != WS_SHAPE_LOWER)
		return WS_TP_ORG;	/* whose: "Clinton campaign manager" */
	return WS_TP_MODIFIERS;		/* "longtime", "conservative" */
}

void ws_title_parts(const struct ws_doc *d, struct ws_span title, struct ws_title_parts *p)
{
	memset(p, 0, sizeof *p);
	const struct ws_title_keys *k = &d->title_keys;
	size_t ntok = d->tk.tok.n;
	if (title.end <= title.start || !ntok || !k->major || !k->minor)
		return;
	const struct ws_token *tk = d->tk.tok.v;
	size_t t0 = 0, hi = ntok;
	while (t0 < hi) {	/* the first token starting in the title */
		size_t mid = t0 + (hi - t0) / 2;
		if (tk[mid].start < title.start)
			t0 = mid + 1;
		else
			hi = mid;
	}
	size_t t1 = t0;
	while (t1 < ntok && tk[t1].end <= title.end)
		t1++;
	if (t1 <= t0 || t1 - t0 > 64)
		return;
	size_t nlook = d->nlookup;
	struct word w[64];
	memset(w, 0, sizeof w);
	for (size_t i = lookup_from(d, nlook, (uint32_t)t0); i < nlook && d->gaz.v[i].first < t1; i++)
		if (d->gaz.v[i].last <= t1)
			classify(k, &d->gaz.v[i], &w[d->gaz.v[i].first - t0]);

	/* the office: the last head, a multi-word head read as one */
	size_t h = t1, hl = t1;
	for (size_t i = t0; i < t1;) {
		const struct word *x = &w[i - t0];
		if (x->kind & (K_HEAD | K_HON_OFFICE) && x->head_len) {
			h = i;
			hl = i + x->head_len;
			i = hl;
		} else {
			i++;
		}
	}
	size_t o0 = h;
	if (h < t1) {
		/* portfolio words just before it: "Foreign Minister" */
		for (int moved = 1; moved;) {
			moved = 0;
			for (size_t j = t0; j < o0; j++)
				if (w[j - t0].port_len && j + w[j - t0].port_len == o0) {
					o0 = j;
					moved = 1;
					break;
				}
		}
	}
	for (size_t i = t0; i < o0;) {
		const struct word *x = &w[i - t0];
		size_t len = x->len ? x->len : 1;
		if (i + len > o0)
			len = o0 - i;
		int part = before_part(d, x, i);
		if (part >= 0)
			add(d, p, (enum ws_title_part)part, i, i + len);
		i += len;
	}
	if (h == t1)
		return;
	if (hl < t1 && (ws_tok_eq(d, hl, "for") || ws_tok_eq(d, hl, "of") ||
			ws_tok_eq(d, hl, "on"))) {
		add(d, p, WS_TP_OFFICE, o0, hl);
		add(d, p, WS_TP_PORTFOLIO, hl, t1);
	} else {
		add(d, p, WS_TP_OFFICE, o0, t1);
	}
	/* "Sen." alone is the office senator; "Ohio Gov." the office governor */
	if (o0 == h && (hl == t1 || p->n[WS_TP_PORTFOLIO]))
		p->office_expands = w[h - t0].expands;
}
