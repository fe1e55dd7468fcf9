/* The document's insides: one article's tokens, quote spans and results,
 * reused from article to article by one thread. */
#ifndef WS_DOC_H
#define WS_DOC_H

#include "buf.h"
#include "engine.h"
#include "gazetteer.h"
#include "quotes.h"
#include "text.h"
#include "titleparts.h"
#include "tokenize.h"
#include "tokmap.h"
#include "whosaid.h"

/* An item sorted by its first token or offset (entities.c): an
 * annotation's or a mention's, and its index. */
struct ws_order_item {
	uint32_t first, idx;
};

/* A name key (a surname, a first name) and the entity it names, in
 * entities.c's open-addressing table; k NULL: an empty slot. */
struct ws_keyslot {
	const char *k;
	uint32_t n;
	int32_t ent;
};

struct ws_doc {
	const struct ws_engine *eng;
	const char *text;
	size_t len;
	struct ws_text_scan scan;
	struct ws_tokens tk;
	/* Lookup annotations of the gazetteers (gazetteer.h), by first token,
	 * then longer first; their features point into the engine. */
	ws_annot_vec gaz;		/* then the rule phases' annotations */
	size_t nlookup;			/* how many of gaz are the gazetteers' */
	struct ws_title_keys title_keys;
	unsigned gaz_opts;		/* ws_gaz_lookup() options; 0: longest only */
	struct ws_gaz_scratch *gazs;	/* this document's lookup buffers and stemmer */
	struct ws_rules_scratch *rs;	/* this document's rule matcher state */
	ws_qspan_vec quotes;
	struct ws_qstats qstats;
	WS_VEC(struct ws_statement) stmts;
	WS_VEC(struct ws_entity) ents;
	WS_VEC(struct ws_mention) ments;
	WS_VEC(uint32_t) ment_tok;	/* per mention: first and last token */
	WS_VEC(int32_t) ment_end;	/* per token: the mention ending there, or -1 */
	/* the tokens whose ment_end is set; every other entry up to its cap
	 * is -1, so that indexing again clears only these */
	WS_VEC(uint32_t) ment_set;
	/* how many mentions there were when they were last sorted and
	 * indexed, none changed since; SIZE_MAX: not so (entities.c) */
	size_t ments_indexed;
	WS_VEC(uint32_t) ent_key;
	WS_VEC(int32_t) ekey;		/* hash table of entities by key (entities.c) */	/* per entity: last token of its name */
	/* the entity builder's per-token tables (entities.c), all -1 and 0
	 * between documents, kept for their memory */
	WS_VEC(int32_t) eends;
	WS_VEC(uint8_t) ebytes;
	WS_VEC(uint32_t) eset;		/* the tokens whose eends entries are set (a
					 * huge document's tables are its own) */
	/* the PersonTitle annotations (indices into gaz, ascending), which
	 * the entity builder lists as it meets them for attribution's map of
	 * where titles end; titles_listed: it has, for this document */
	WS_VEC(uint32_t) titles;
	int titles_listed;
	/* the builder's table of name keys (entities.c), kept for its memory */
	WS_VEC(struct ws_keyslot) eslots;
	/* ... and its sorting buffers: the items in order, a merge's other
	 * half, the mentions and their tokens being moved */
	WS_VEC(struct ws_order_item) eorder, etmp;
	WS_VEC(struct ws_order_item) eapps;	/* the Appositions, found with the names */
	WS_VEC(struct ws_mention) emoved;
	WS_VEC(uint32_t) emoved_tok;
	/* ... the tokens mentions cover, and the entities' new numbers */
	WS_VEC(uint8_t) ecovered;
	WS_VEC(int32_t) emap;
	/* attribution's per-token maps and flags (attrib.c), kept for their
	 * memory from document to document */
	struct ws_tokmap amaps[5];
	WS_VEC(uint8_t) abytes;
	WS_VEC(uint64_t) awords;
	/* word_in()'s bits per token (attrib_int.h), all zero between
	 * documents: the first n are, n the most any document has used */
	WS_VEC(uint64_t) awbits;
	/* the engine's interned names that entities and attribution compare
	 * with, found at the first document: the engine never changes; and
	 * attribution's cues' features as they are met (attrib_int.h) */
	void *enames, *anames, *acues;
};

/* Helpers on tokens used by several stages. */
static inline size_t ws_tok_len(const struct ws_doc *d, size_t i)
{
	return d->tk.tok.v[i].end - d->tk.tok.v[i].start;
}

static inline const char *ws_tok_text(const struct ws_doc *d, size_t i)
{
	return d->text + d->tk.tok.v[i].start;
}

/* The token is exactly the ASCII literal lit. Inline: with a literal the
 * length folds away and the compare is a load or two. */
static inline int ws_tok_eq(const struct ws_doc *d, size_t i, const char *lit)
{
	size_t n = strlen(lit);
	return ws_tok_len(d, i) == n && memcmp(ws_tok_text(d, i), lit, n) == 0;
}

#endif
