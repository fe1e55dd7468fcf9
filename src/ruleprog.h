/* The compiled form of the rule language, shared by its compiler
 * (rulec.c) and its matcher (rulematch.c). */
#ifndef WS_RULEPROG_H
#define WS_RULEPROG_H

#include <stdint.h>

#include "buf.h"
#include "rules.h"

/* What a test looks at. */
enum ws_rtest_kind {
	RT_TEXT,	/* the token's bytes equal lit */
	RT_LOWER,	/* the token's bytes equal lit, ASCII case ignored */
	RT_SHAPE,	/* ival == enum ws_shape */
	RT_KIND,	/* ival == enum ws_tok_kind */
	RT_FLAG,	/* ival is a WS_TF_* bit that is set */
	RT_ANNOT,	/* an annotation of type starts here (with feature tests) */
};

/* A feature test on an annotation: key == value, or key != value (which
 * also holds when the feature is absent). */
struct ws_rfeat {
	const char *key, *value;
	uint8_t neq;
};

struct ws_rtest {
	uint8_t kind;		/* enum ws_rtest_kind */
	uint8_t neg;		/* the test must fail */
	int ival;
	char *lit;
	size_t litlen;
	const char *type;	/* RT_ANNOT */
	struct ws_rfeat *feats;
	uint32_t nfeats;
};

/* One pattern element: its tests all hold on the same token. When span is
 * set, the element consumes a whole annotation: the test at index span
 * (an RT_ANNOT test) chooses it, and the others hold on its first token. */
struct ws_relem {
	struct ws_rtest *tests;
	uint32_t ntests;
	int32_t span;		/* index of the spanning test, -1: one token */
};

enum ws_rop { OP_ELEM, OP_SPLIT, OP_JMP, OP_SAVE, OP_MATCH };

struct ws_rinst {
	uint8_t op;
	uint32_t x, y;	/* ELEM: elem, next; SPLIT: x preferred, y; JMP: x;
			 * SAVE: slot, next; MATCH: rule */
};

/* A feature value on the right-hand side: a constant, or the value of a
 * feature of the first annotation of type inside a labelled span. */
struct ws_rval {
	const char *key;
	const char *value;	/* constant, or NULL for a reference */
	int32_t slot;		/* the label's slot pair, for a reference */
	const char *type, *fkey;
};

struct ws_raction {
	const char *type;	/* the annotation made */
	int32_t slot;		/* label slot pair, or -1 for the whole match */
	struct ws_rval *vals;
	uint32_t nvals;
};

struct ws_rule {
	const char *name;	/* interned "phase/rule" */
	int priority;
	unsigned line;
	struct ws_raction *actions;
	uint32_t nactions;
};

enum ws_rcontrol { RC_APPELT, RC_ALL };
enum ws_rscope { RS_SENTENCE, RS_PARAGRAPH };

struct ws_rphase {
	char *name;
	char *file;
	uint8_t control;
	uint8_t scope;
	WS_VEC(struct ws_rinst) prog;
	WS_VEC(struct ws_relem) elems;
	WS_VEC(struct ws_rule) rules;
	uint32_t nslots;	/* 2 per label */
	uint32_t entry;		/* first instruction of the phase */
	WS_VEC(uint32_t) firsts;	/* elements a match can start with */
};

struct ws_ruleset {
	WS_VEC(struct ws_rphase) phases;
};

#endif
