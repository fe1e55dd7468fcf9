/* Processing one document: checks the bytes, then runs the stages in
 * order (tokenize, gazetteer lookup, quotes, attribution) over the document's reusable
 * buffers. */
#include "doc.h"
#include "attrib.h"
#include "entities.h"

#include <stdlib.h>
#include <string.h>

struct ws_doc *ws_doc_new(const struct ws_engine *e)
{
	struct ws_doc *d = ws_xcalloc(1, sizeof(*d));
	d->eng = e;
	d->gazs = ws_gaz_scratch_new();
	d->rs = ws_rules_scratch_new();
	/* every match, not only the longest: the rules choose ("Foreign" is a
	 * portfolio inside "Deputy Foreign Minister", though "Foreign Minister"
	 * is also a role noun) */
	d->gaz_opts = WS_GAZ_ALL;
	d->ments_indexed = SIZE_MAX;
	ws_title_keys_init(&d->title_keys, e->syms);
	return d;
}

void ws_doc_free(struct ws_doc *d)
{
	if (!d)
		return;
	ws_tokens_release(&d->tk);
	WS_VEC_FREE(d->gaz);
	ws_gaz_scratch_free(d->gazs);
	ws_rules_scratch_free(d->rs);
	WS_VEC_FREE(d->ment_tok);
	WS_VEC_FREE(d->ment_end);
	WS_VEC_FREE(d->ment_set);
	WS_VEC_FREE(d->quotes);
	WS_VEC_FREE(d->stmts);
	WS_VEC_FREE(d->ents);
	WS_VEC_FREE(d->ments);
	WS_VEC_FREE(d->ent_key);
	WS_VEC_FREE(d->ekey);
	WS_VEC_FREE(d->eends);
	WS_VEC_FREE(d->ebytes);
	WS_VEC_FREE(d->eset);
	WS_VEC_FREE(d->titles);
	WS_VEC_FREE(d->eslots);
	WS_VEC_FREE(d->eorder);
	WS_VEC_FREE(d->etmp);
	WS_VEC_FREE(d->eapps);
	WS_VEC_FREE(d->emoved);
	WS_VEC_FREE(d->emoved_tok);
	WS_VEC_FREE(d->ecovered);
	WS_VEC_FREE(d->emap);
	for (size_t i = 0; i < sizeof(d->amaps) / sizeof(d->amaps[0]); i++)
		ws_tokmap_free(&d->amaps[i]);
	WS_VEC_FREE(d->abytes);
	WS_VEC_FREE(d->awords);
	WS_VEC_FREE(d->awbits);
	free(d->enames);
	free(d->anames);
	free(d->acues);
	free(d);
}

static void reset(struct ws_doc *d)
{
	d->tk.tok.n = d->tk.sent.n = d->tk.para.n = 0;
	d->gaz.n = d->nlookup = 0;
	d->ment_tok.n = d->ment_end.n = 0;
	d->quotes.n = d->stmts.n = d->ents.n = d->ments.n = d->ent_key.n = d->ekey.n = 0;
	d->qstats.unmatched = 0;
	d->ments_indexed = SIZE_MAX;
	d->titles.n = 0;
	d->titles_listed = 0;
}

/* Whether the bytes are an article at all. A few stray invalid or control
 * bytes are tolerated (scraped text has them); a file that is mostly not
 * UTF-8 text is refused rather than turned into nonsense rows. */
static int check_bytes(struct ws_doc *d)
{
	struct ws_text_scan *s = &d->scan;
	ws_text_scan(d->text, d->len, s);
	if (s->encoding != WS_ENC_UTF8)
		return WS_ERR_ENCODING;
	size_t bad = s->invalid + s->nul + s->controls;
	if (s->nul && (s->nul * 100 > s->chars || bad * 20 > s->chars))
		return WS_ERR_BINARY;
	if (s->invalid * 10 > s->chars)
		return WS_ERR_ENCODING;
	if (s->controls * 20 > s->chars)
		return WS_ERR_BINARY;
	return WS_OK;
}

int ws_doc_process(struct ws_doc *d, const char *text, size_t len)
{
	reset(d);
	d->text = text;
	d->len = len;
	int rc = check_bytes(d);
	if (rc)
		return rc;
	if (ws_tokenize(&d->eng->seg, text, len, &d->tk) < 0)
		return WS_ERR_TOO_LARGE;
	if (d->tk.tok.n == 0)
		return WS_ERR_EMPTY;
	/* the lookup's word keys go to the rule matcher, which then need
	 * not read and hash the words again */
	uint32_t *keys = ws_rules_word_keys(d->rs, d->tk.tok.n);
	ws_rules_keys_epoch(d->rs, ws_gaz_keys_into(d->gazs, keys, d->tk.tok.n));
	ws_gaz_lookup(d->eng->gaz, d->gazs, text, &d->tk, d->gaz_opts, &d->gaz);
	d->nlookup = d->gaz.n;
	ws_rules_run(d->eng->rules, d->rs, text, &d->tk, &d->gaz);
	WS_VEC_SHRINK(d->gaz);
	ws_entities_build(d);
	ws_pair_quotes(&d->tk, &d->quotes, &d->qstats);
	ws_attribute(d);
	return WS_OK;
}

size_t ws_doc_statements(const struct ws_doc *d, const struct ws_statement **out)
{
	*out = d->stmts.v;
	return d->stmts.n;
}

size_t ws_doc_entities(const struct ws_doc *d, const struct ws_entity **out)
{
	*out = d->ents.v;
	return d->ents.n;
}

size_t ws_doc_mentions(const struct ws_doc *d, const struct ws_mention **out)
{
	*out = d->ments.v;
	return d->ments.n;
}

size_t ws_doc_invalid_bytes(const struct ws_doc *d)
{
	return d->scan.invalid;
}

const char *ws_doc_text(const struct ws_doc *d, size_t *len)
{
	if (len)
		*len = d->len;
	return d->text;
}

/* The names with their lengths: the output writes one or two a row. */
struct type_name {
	const char *s;
	size_t n;
};
#define TYPE_NAME(lit) { lit, sizeof(lit) - 1 }

/* names[t] of the n names, or names[dflt] for a t out of range. */
static const char *type_name(const struct type_name *names, size_t n, unsigned t, unsigned dflt,
			     size_t *len)
{
	const struct type_name *x = &names[t < n ? t : dflt];
	*len = x->n;
	return x->s;
}

const char *ws_quote_type_name_len(enum ws_quote_type t, size_t *len)
{
	static const struct type_name names[] = {
		[WS_QT_DIRECT] = TYPE_NAME("direct"),
		[WS_QT_MIXED] = TYPE_NAME("mixed"),
		[WS_QT_INDIRECT] = TYPE_NAME("indirect"),
	};
	return type_name(names, sizeof(names) / sizeof(names[0]), (unsigned)t, WS_QT_DIRECT, len);
}

const char *ws_speaker_type_name_len(enum ws_speaker_type t, size_t *len)
{
	static const struct type_name names[] = {
		[WS_SP_UNKNOWN] = TYPE_NAME("unknown"),
		[WS_SP_PERSON] = TYPE_NAME("person"),
		[WS_SP_ORGANIZATION] = TYPE_NAME("organization"),
		[WS_SP_PLACE] = TYPE_NAME("place"),
		[WS_SP_GROUP] = TYPE_NAME("group"),
		[WS_SP_ANONYMOUS] = TYPE_NAME("anonymous"),
	};
	return type_name(names, sizeof(names) / sizeof(names[0]), (unsigned)t, WS_SP_UNKNOWN,
			 len);
}
#undef TYPE_NAME

const char *ws_quote_type_name(enum ws_quote_type t)
{
	size_t n;
	return ws_quote_type_name_len(t, &n);
}

const char *ws_speaker_type_name(enum ws_speaker_type t)
{
	size_t n;
	return ws_speaker_type_name_len(t, &n);
}
