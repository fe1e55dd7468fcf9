/* The engine's insides, shared by the pipeline stages: the loaded data,
 * read-only after ws_engine_load(). */
#ifndef WS_ENGINE_H
#define WS_ENGINE_H

#include "gazetteer.h"
#include "rules.h"
#include "tokenize.h"
#include "whosaid.h"
#include "symtab.h"
#include "wordlist.h"

struct ws_engine {
	char *datadir;
	struct ws_wordlist *abbrev;	/* rules/abbreviations.txt */
	struct ws_wordlist *starters;	/* rules/sentence-starters.txt */
	struct ws_wordlist *particles;	/* rules/name-particles.txt */
	struct ws_wordlist *pronouns;	/* rules/pronouns.txt */
	struct ws_wordlist *labels;	/* rules/label-words.txt */
	struct ws_wordlist *cue_nouns;	/* rules/cue-nouns.txt */
	struct ws_seglists seg;
	struct ws_symtab *syms;		/* every interned name, key and value */
	struct ws_gaz *gaz;		/* gazetteers/lists.def and its lists */
	struct ws_wordlist *sieves;	/* rules/sieves.txt */
	double sieve_conf[16];		/* per sieve of attrib.c, < 0: not measured */
	struct ws_ruleset *rules;	/* rules/NN-name.rules, one phase per file */
};

#endif
