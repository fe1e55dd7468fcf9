/* Entities: turns the Person and Organization annotations of the rule
 * phases into the document's mentions and clusters them into entities
 * (Bashar al-Assad, Assad and President Assad are one), with the title
 * and gender found around them. */
#ifndef WS_ENTITIES_H
#define WS_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

/* Fills d->ents and d->ments from d's annotations. */
void ws_entities_build(struct ws_doc *d);

/* Joins the Apposition annotations to the mentions of the entities marked
 * in only (indexed by entity), as ws_entities_build() does for the persons
 * and organisations it finds: for a speaker that attribution found to be a
 * person ("Sexton, a writing professor,"). Sorts the mentions when it adds
 * any. */
void ws_entities_appositions(struct ws_doc *d, const uint8_t *only);

/* The entity of the mention that covers exactly tokens [first, last), or
 * that ends at last - 1 and starts at or after first; -1 if none. Inline:
 * attribution asks it of every token a speaker may end at. */
static inline int32_t ws_entity_at(const struct ws_doc *d, uint32_t first, uint32_t last)
{
	if (last == 0 || last > d->ment_end.n)
		return -1;
	int32_t m = d->ment_end.v[last - 1];
	if (m < 0 || d->ment_tok.v[2 * (size_t)m] < first)
		return -1;
	return d->ments.v[m].entity;
}

/* The first token of the mention that ends at token last - 1, or last when
 * no mention ends there. */
static inline uint32_t ws_mention_first(const struct ws_doc *d, uint32_t last)
{
	if (last == 0 || last > d->ment_end.n || d->ment_end.v[last - 1] < 0)
		return last;
	return d->ment_tok.v[2 * (size_t)d->ment_end.v[last - 1]];
}

/* The first mention, in d->ments sorted by start, that starts at or after
 * byte off; d->ments.n when none does. */
size_t ws_mention_from(const struct ws_doc *d, uint32_t off);

#include "whosaid.h"

/* Sorts the mentions into text order and rebuilds the index that
 * ws_entity_at() and ws_mention_first() use. */
void ws_mentions_sort(struct ws_doc *d);

/* The entity of type whose clustering key is k[0..n) (a person's last name
 * word without particle, an organisation's name), or -1. O(1). */
int32_t ws_entity_find(const struct ws_doc *d, enum ws_speaker_type type, const char *k,
		       size_t n);
/* A new entity named sp, keyed by token keytok (persons, unknown speakers). */
/* Drops the entities that no mention and no statement refers to (a speaker
 * search that found a name and then no frame leaves one) and renumbers the
 * rest in order. */
void ws_entities_compact(struct ws_doc *d);
int32_t ws_entity_new(struct ws_doc *d, enum ws_speaker_type type, struct ws_span sp,
		      uint32_t keytok);
/* Renames an entity to a longer form with the same key. */
void ws_entity_rename(struct ws_doc *d, int32_t e, struct ws_span sp, uint32_t keytok);

#endif
