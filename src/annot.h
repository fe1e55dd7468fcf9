/* Annotations: typed spans over tokens with features, the common currency
 * of the stages after tokenizing. Gazetteer lookups make "Lookup"
 * annotations; rule phases read annotations and make new ones. Type names,
 * feature keys and values are interned strings (symtab.h), so equal
 * strings are equal pointers and comparing them is one instruction. */
#ifndef WS_ANNOT_H
#define WS_ANNOT_H

#include <stdint.h>

#include "buf.h"

struct ws_feat {
	const char *key;	/* interned */
	const char *value;	/* interned */
};

struct ws_annot {
	uint32_t first, last;		/* tokens [first, last) */
	const char *type;		/* interned: "Lookup", "Person", "Title" ... */
	const struct ws_feat *feat;	/* nfeat features; owned by the engine or the
					 * document, never by the annotation */
	uint32_t nfeat;
	uint32_t cls;			/* which tests of the engine's rule set its type and
					 * features pass, as a class of ws_rules_classify();
					 * 0: not known (the rules work it out) */
	const char *rule;		/* what made it: "gazetteer:title/heads.lst", a rule name */
};

typedef WS_VEC(struct ws_annot) ws_annot_vec;

/* The value of feature key (an interned pointer) or NULL. */
static inline const char *ws_annot_get(const struct ws_annot *a, const char *key)
{
	for (uint32_t i = 0; i < a->nfeat; i++)
		if (a->feat[i].key == key)
			return a->feat[i].value;
	return NULL;
}

#endif
