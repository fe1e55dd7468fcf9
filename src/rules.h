/* The rule language: declarative patterns over tokens and annotations,
 * compiled to a Pike VM and run phase by phase (rules/README.md is the
 * full specification). A compiled rule set is read-only and shared by
 * threads; each thread runs it with its own scratch. Matching is linear in
 * the number of tokens: a match never spans more than WS_RULE_MAX_SPAN
 * tokens nor crosses its phase's scope (sentence or paragraph). */
#ifndef WS_RULES_H
#define WS_RULES_H

#include <stddef.h>

#include "annot.h"
#include "diag.h"
#include "symtab.h"
#include "tokenize.h"

#define WS_RULE_MAX_SPAN 64

struct ws_ruleset;
struct ws_rules_scratch;

/* Compiles every *.rules file in dir, in name order: each file is one
 * phase. Interns names in syms. Every error is reported to d; returns
 * WS_ERR_DATA (and *out NULL) when there was any. A missing directory is
 * an empty rule set. */
int ws_rules_load(const char *dir, struct ws_symtab *syms, struct ws_diag *d,
		  struct ws_ruleset **out);

/* Compiles one phase from text (file names the source in diagnostics) and
 * appends it to *rs, creating the set when *rs is NULL. Returns 0 or
 * WS_ERR_DATA. */
int ws_rules_add_phase(struct ws_ruleset **rs, const char *file, const char *text, size_t len,
		       struct ws_symtab *syms, struct ws_diag *d);

void ws_rules_free(struct ws_ruleset *rs);
size_t ws_rules_phases(const struct ws_ruleset *rs);
size_t ws_rules_count(const struct ws_ruleset *rs);

/* The class of an annotation's type and features: which of rs's tests it
 * passes, numbered from 1, for ws_annot.cls. Annotations given to
 * ws_rules_run() with a class skip working it out. Adding a phase to rs
 * forgets the classes, so classify after the last one. */
uint32_t ws_rules_classify(struct ws_ruleset *rs, const struct ws_annot *a);

struct ws_rules_scratch *ws_rules_scratch_new(void);
void ws_rules_scratch_free(struct ws_rules_scratch *s);

/* Room for ntok word keys (ws_gaz_keys_into()), for the caller to fill
 * before the next ws_rules_run() over ntok tokens, and the epoch of the
 * keys it fills in: that run finds the tokens' tests by their keys (0:
 * none, by their bytes). */
uint32_t *ws_rules_word_keys(struct ws_rules_scratch *s, size_t ntok);
void ws_rules_keys_epoch(struct ws_rules_scratch *s, uint64_t epoch);

/* Runs every phase over the document. annots holds the annotations made so
 * far (gazetteer lookups); each phase sees them and those of earlier
 * phases, and appends its own. Features of new annotations live in the
 * scratch until its next run. */
void ws_rules_run(const struct ws_ruleset *rs, struct ws_rules_scratch *s, const char *text,
		  const struct ws_tokens *tk, ws_annot_vec *annots);

#endif
