/* Attribution (see attrib.h): ordered, named sieves that find statements
 * around reporting cues and quotes and link each to its speaker. The
 * sieves and their measured precision are listed in rules/sieves.txt; every
 * statement records the sieve that made it.
 *
 * A cue (a reporting verb or phrase found by the gazetteer, with auxiliaries
 * such as "has" or "also" before it) makes a frame: a speaker on one side
 * and the content on the other.
 *   X said (that) CONTENT.          speaker before, content after
 *   CONTENT, X said.                speaker before, content before
 *   CONTENT, said X.                speaker after, content before
 *   According to X, CONTENT.        speaker after, content after
 * Content that is exactly a quote span is direct, content holding one is
 * mixed, other content is indirect. Quotes no frame claims go to the
 * continuation and fallback sieves. This file runs the sieves in order;
 * attrib_int.h lists the files that hold them. */
#include "attrib_int.h"
#include "entities.h"

#include <stdlib.h>
#include <string.h>

/* The sieves, in order; their names must match rules/sieves.txt. */
const char *const ws_sieve_names[] = {
	"explicit:subject",	/* X said ...; ..., X said */
	"explicit:inverted",	/* ..., said X */
	"according-to",		/* according to X */
	"lead-in",		/* X said: "..." (a quote after a colon) */
	"label",		/* X: ... (a name and a colon open a paragraph: transcripts, headlines) */
	"headline",		/* X Says Y: a headline opening with its speaker and a verb of saying */
	"pronoun",		/* he said ...: the last compatible speaker */
	"description",		/* the Syrian president said ...: the entity of that title */
	"group",		/* officials said ..., the government said ... */
	"anonymous",		/* a source familiar with ... said */
	"nominal",		/* the employee said, several operatives said: a noun phrase, no entity */
	"agentless",		/* asked about X, ...; X is expected to ...: no one is named */
	"continuation",		/* a quote paragraph after a statement by X */
	"fallback",		/* a quote standing alone, speaker unknown */
	NULL
};

static const char *intern(const struct ws_doc *d, const char *s)
{
	return ws_sym_find(d->eng->syms, s, strlen(s));
}

static void find_names(const struct ws_doc *d, struct names *n)
{
	n->lookup = intern(d, "Lookup");
	n->ptitle = intern(d, "PersonTitle");
	n->major = intern(d, "major");
	n->minor = intern(d, "minor");
	n->lemma = intern(d, "lemma");
	n->category = intern(d, "category");
	n->speaker = intern(d, "speaker");
	n->gender = intern(d, "gender");
	n->cue = intern(d, "cue");
	n->person = intern(d, "person");
	n->role = intern(d, "role");
	n->group = intern(d, "group");
	n->title = intern(d, "title");
	n->head = intern(d, "head");
	n->modifier = intern(d, "modifier");
	n->portfolio = intern(d, "portfolio");
	n->honorific = intern(d, "honorific");
	n->source = intern(d, "source");
	n->anonymous = intern(d, "anonymous");
	n->place = intern(d, "place");
	n->demonym = intern(d, "demonym");
	n->org = intern(d, "org");
	n->institution = intern(d, "institution");
	n->after = intern(d, "after");
	n->canonical = intern(d, "canonical");
	n->object = intern(d, "object");
	n->infinitive = intern(d, "infinitive");
	n->nonresponse = intern(d, "nonresponse");
	n->recipient = intern(d, "recipient");
	n->topic = intern(d, "topic");
	n->ambiguous = intern(d, "ambiguous");
	n->time = intern(d, "time");
}

/* Documents of up to this many tokens leave attribution's buffers to the
 * next; a bigger one frees them. */
#define ATTRIB_KEEP_TOKENS 65536

void ws_attribute(struct ws_doc *d)
{
	struct actx c;
	memset(&c, 0, sizeof(c));
	c.d = d;
	c.tokv = d->tk.tok.v;
	c.text = d->text;
	c.ntok = d->tk.tok.n;
	c.last_speaker = -1;
	c.nents0 = d->ents.n;
	if (!d->anames) {
		d->anames = ws_xmalloc(sizeof(struct names));
		find_names(d, d->anames);
	}
	c.nm = *(const struct names *)d->anames;
	if (!d->acues)
		d->acues = ws_xcalloc(CUE_FEATS, sizeof(struct cue_feats));
	c.cuef = d->acues;
	size_t n = c.ntok, nw = n / 64 + 1;
	/* the flags and maps live in the document's buffers, cleared here:
	 * no allocation per document once they are big enough */
	WS_VEC_RESERVE(d->abytes, n + 1 + d->quotes.n + 1);
	memset(d->abytes.v, 0, n + 1 + d->quotes.n + 1);
	c.cue_used = d->abytes.v;
	c.claimed = d->abytes.v + n + 1;
	WS_VEC_RESERVE(d->awords, 6 * nw);
	memset(d->awords.v, 0, 5 * nw * sizeof(uint64_t));	/* stops: all written */
	/* word_in()'s bits: zero already, but for room new to this document */
	if (d->awbits.n < n + 1) {
		WS_VEC_RESERVE(d->awbits, n + 1);
		memset(d->awbits.v + d->awbits.n, 0, (n + 1 - d->awbits.n) * sizeof(uint64_t));
		d->awbits.n = n + 1;
	}
	struct wfound wfound;
	wfound.n = 0;
	c.wbits = d->awbits.v;
	c.wfound = &wfound;
	c.lookup_end = d->awords.v;
	c.time_end = d->awords.v + nw;
	c.anon_end = d->awords.v + 2 * nw;
	c.group_end = d->awords.v + 3 * nw;
	c.time_start = d->awords.v + 4 * nw;
	uint64_t *stops = d->awords.v + 5 * nw;
	struct ws_tokmap *maps[] = { &c.cue_map, &c.title_map, &c.qopen_map, &c.qclose_map,
				     &c.lookup_map };
	for (size_t i = 0; i < 5; i++) {
		*maps[i] = d->amaps[i];
		ws_tokmap_reset(maps[i], n + 1);
	}
	/* the lookups come first in d->gaz, sorted by first token */
	c.nlookups = d->nlookup;
	for (size_t k = 0; k < c.nlookups; k++) {
		const struct ws_annot *a = &d->gaz.v[k];
		if (k == 0 || a->first != d->gaz.v[k - 1].first)
			ws_tokmap_set(&c.lookup_map, a->first, (int32_t)k);
		const char *major = ws_annot_get(a, c.nm.major);
		if (major == c.nm.time)
			c.time_start[a->first >> 6] |= 1ULL << (a->first & 63);
		if (a->last <= n) {
			uint64_t bit = 1ULL << (a->last & 63);
			c.lookup_end[a->last >> 6] |= bit;
			if (major == c.nm.time)
				c.time_end[a->last >> 6] |= bit;
			else if (major == c.nm.source && ws_annot_get(a, c.nm.minor) == c.nm.anonymous) {
				c.anon_end[a->last >> 6] |= bit;
				c.nanon++;
			}
			else if (major == c.nm.person && ws_annot_get(a, c.nm.minor) == c.nm.group)
				c.group_end[a->last >> 6] |= bit;
		}
		if (major != c.nm.cue)
			continue;
		/* the longest cue at a token: lookups come by first token */
		struct ws_tokmap *m = &c.cue_map;
		if (m->n && m->key[m->n - 1] == a->first) {
			if (d->gaz.v[m->val[m->n - 1]].last < a->last)
				m->val[m->n - 1] = (int32_t)k;
		} else {
			ws_tokmap_set(m, a->first, (int32_t)k);
		}
	}
	/* the titles, as the entity builder listed them: not a pass over all
	 * the rules' annotations again */
	if (d->titles_listed) {
		for (size_t k = 0; k < d->titles.n; k++)
			ws_tokmap_set(&c.title_map, d->gaz.v[d->titles.v[k]].last - 1,
				      (int32_t)d->titles.v[k]);
	} else {
		for (size_t k = c.nlookups; k < d->gaz.n; k++)
			if (d->gaz.v[k].type == c.nm.ptitle && d->gaz.v[k].last > 0)
				ws_tokmap_set(&c.title_map, d->gaz.v[k].last - 1, (int32_t)k);
	}
	for (size_t qi = 0; qi < d->quotes.n; qi++) {
		const struct ws_qspan *q = &d->quotes.v[qi];
		if (q->depth != 0)
			continue;
		ws_tokmap_set(&c.qopen_map, q->open_tok, (int32_t)qi);
		ws_tokmap_set(&c.qclose_map, q->close_tok, (int32_t)qi);
	}
	/* the lookups' maps were set by ascending first token, once each */
	ws_tokmap_finish_sorted(&c.cue_map);
	ws_tokmap_finish(&c.title_map);
	ws_tokmap_finish(&c.qopen_map);
	ws_tokmap_finish(&c.qclose_map);
	ws_tokmap_finish_sorted(&c.lookup_map);
	/* the cues, in text order; a cue inside a quote reports the quote's
	 * own speech, not the article's. Only the tokens where a cue is, a
	 * quote opens or a paragraph starts do anything: the loop goes from
	 * one to the next by their bits */
	for (size_t w = 0; w < nw; w++)
		stops[w] = c.cue_map.bits[w] | c.qopen_map.bits[w];
	for (size_t p = 0; p < d->tk.para.n; p++)
		stops[d->tk.para.v[p].first >> 6] |= 1ULL << (d->tk.para.v[p].first & 63);
	int32_t inquote = -1;
	int in_heading = 0;
	for (size_t i = next_bit(stops, 0, n); i < n; i = next_bit(stops, i + 1, n)) {
		if (inquote >= 0 && i > d->quotes.v[inquote].close_tok)
			inquote = -1;
		if ((tok(&c, i)->flags & WS_TF_PARA_START) && inquote < 0) {
			size_t next = label_at(&c, i);
			if (next) {
				i = next - 1;
				continue;
			}
			in_heading = is_heading(&c, tok(&c, i)->para);
			if ((next = headline_at(&c, i))) {
				i = next - 1;
				continue;
			}
		}
		if (in_heading)
			continue;
		int32_t q = QUOTE_OPEN(&c, i);
		if (q >= 0 && inquote < 0)
			inquote = q;
		if (inquote >= 0) {	/* nothing inside: on past the quote */
			if (d->quotes.v[inquote].close_tok > i)
				i = d->quotes.v[inquote].close_tok;
			continue;
		}
		if (CUE_AT(&c, i) < 0 || c.cue_used[i])
			continue;
		frame_at(&c, i);
	}
	sort_statements(d);
	ws_mentions_sort(d);
	nominal_cues(&c);
	sort_statements(d);
	ws_mentions_sort(d);
	loose_quotes(&c);
	sort_statements(d);
	ws_mentions_sort(d);
	unknown_speakers(&c);
	ws_entities_compact(d);
	/* every row carries its entity's final type */
	for (size_t i = 0; i < d->stmts.n; i++) {
		struct ws_statement *s = &d->stmts.v[i];
		if (s->entity >= 0)
			s->speaker_type = d->ents.v[s->entity].type;
	}
	/* word_in()'s bits back to zero for the next document */
	if (wfound.n <= WFOUND)
		for (size_t k = 0; k < wfound.n; k++)
			c.wbits[wfound.tok[k]] = 0;
	else
		memset(c.wbits, 0, (n + 1) * sizeof(uint64_t));
	/* kept for the next document, unless a huge one made them big: its
	 * memory goes back, as the per-document arrays give theirs */
	int huge = n > ATTRIB_KEEP_TOKENS;
	for (size_t i = 0; i < 5; i++) {
		d->amaps[i] = *maps[i];
		if (huge)
			ws_tokmap_free(&d->amaps[i]);
	}
	if (huge) {
		WS_VEC_FREE(d->abytes);
		WS_VEC_FREE(d->awords);
		WS_VEC_FREE(d->awbits);
	}
}
