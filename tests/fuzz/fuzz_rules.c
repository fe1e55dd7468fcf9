/* libFuzzer target: the rule compiler and, for programs that compile, the
 * matcher. The input is a rule file, optionally followed by a line
 * "--- text" and a document to run the rules over (a fixed sentence when
 * absent). Gazetteer lookups are simulated for a few words so rules over
 * Lookup features have something to match. Checks: a refused file has at
 * least one reported error, and every annotation made lies within the
 * document's tokens and the span limit. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annot.h"
#include "buf.h"
#include "diag.h"
#include "rules.h"
#include "symtab.h"
#include "tokenize.h"
#include "whosaid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char default_text[] =
	"Syrian President Bashar Assad met Walid Muallem, the Pentagon spokeswoman "
	"said on Monday. \"We will not go,\" said Dr. Anna Berg of the United Nations.";

static const struct {
	const char *word, *major, *minor, *gender;
} lookups[] = {
	{ "Syrian", "place", "demonym", NULL },
	{ "President", "title", "head", NULL },
	{ "Bashar", "person", "first_name", "male" },
	{ "Walid", "person", "first_name", "male" },
	{ "Anna", "person", "first_name", "female" },
	{ "Pentagon", "org", "government", NULL },
	{ "spokeswoman", "title", "head", "female" },
	{ "Monday", "date", "weekday", NULL },
	{ "United", "org", "international", NULL },
};
#define NLOOKUPS (sizeof(lookups) / sizeof(lookups[0]))

static struct ws_feat feats[NLOOKUPS][3];
static const char *lookup_type;

static void intern_lookups(struct ws_symtab *syms)
{
	lookup_type = ws_intern_str(syms, "Lookup");
	for (size_t i = 0; i < NLOOKUPS; i++) {
		feats[i][0].key = ws_intern_str(syms, "major");
		feats[i][0].value = ws_intern_str(syms, lookups[i].major);
		feats[i][1].key = ws_intern_str(syms, "minor");
		feats[i][1].value = ws_intern_str(syms, lookups[i].minor);
		feats[i][2].key = ws_intern_str(syms, "gender");
		feats[i][2].value = lookups[i].gender ? ws_intern_str(syms, lookups[i].gender) : NULL;
	}
}

static const char *find_sep(const char *s, size_t n, size_t *seplen)
{
	static const char sep[] = "\n--- text\n";
	for (size_t i = 0; i + sizeof(sep) - 1 <= n; i++)
		if (memcmp(s + i, sep, sizeof(sep) - 1) == 0) {
			*seplen = sizeof(sep) - 1;
			return s + i;
		}
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	size_t seplen = 0;
	const char *sep = find_sep(in, size, &seplen);
	size_t rlen = sep ? (size_t)(sep - in) : size;
	/* the compiler gets its own heap copy so ASan sees reads past the end */
	char *rules = malloc(rlen + 1);
	if (!rules)
		return 0;
	memcpy(rules, in, rlen);
	rules[rlen] = '\0';
	const char *text = default_text;
	size_t tlen = sizeof(default_text) - 1;
	char *tcopy = NULL;
	if (sep) {
		tlen = size - rlen - seplen;
		tcopy = malloc(tlen + 1);
		if (!tcopy) {
			free(rules);
			return 0;
		}
		memcpy(tcopy, sep + seplen, tlen);
		tcopy[tlen] = '\0';
		text = tcopy;
	}

	struct ws_symtab *syms = ws_symtab_new();
	intern_lookups(syms);
	struct ws_diag d = { NULL, 0, 0 };
	struct ws_ruleset *rs = NULL;
	int rc = ws_rules_add_phase(&rs, "fuzz.rules", rules, rlen, syms, &d);
	if (rc != 0 && d.errors == 0)
		abort();	/* refused without saying where */
	if (rc == 0 && d.errors != 0)
		abort();	/* accepted with errors */
	if (rc == 0 && rs) {
		struct ws_seglists lists;
		memset(&lists, 0, sizeof(lists));
		struct ws_tokens tk;
		memset(&tk, 0, sizeof(tk));
		if (ws_tokenize(&lists, text, tlen, &tk) == 0) {
			ws_annot_vec annots = { 0 };
			for (size_t t = 0; t < tk.tok.n; t++) {
				size_t n = tk.tok.v[t].end - tk.tok.v[t].start;
				for (size_t i = 0; i < NLOOKUPS; i++) {
					if (strlen(lookups[i].word) != n ||
					    memcmp(text + tk.tok.v[t].start, lookups[i].word, n) != 0)
						continue;
					struct ws_annot a = { (uint32_t)t, (uint32_t)t + 1, lookup_type,
							      feats[i], lookups[i].gender ? 3u : 2u, 0,
							      "gazetteer:fuzz" };
					WS_VEC_PUSH(annots, a);
				}
			}
			size_t given = annots.n;
			struct ws_rules_scratch *sc = ws_rules_scratch_new();
			ws_rules_run(rs, sc, text, &tk, &annots);
			for (size_t i = given; i < annots.n; i++) {
				const struct ws_annot *a = &annots.v[i];
				if (a->first >= a->last || a->last > tk.tok.n ||
				    a->last - a->first > WS_RULE_MAX_SPAN || !a->type)
					abort();
				for (uint32_t f = 0; f < a->nfeat; f++)
					if (!a->feat[f].key)
						abort();
			}
			ws_rules_scratch_free(sc);
			WS_VEC_FREE(annots);
		}
		ws_tokens_release(&tk);
	}
	ws_rules_free(rs);
	ws_symtab_free(syms);
	free(rules);
	free(tcopy);
	return 0;
}
