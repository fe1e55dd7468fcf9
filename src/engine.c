/* Loading the engine's data files (see whosaid.h). Every file is read and
 * every error reported before the load fails, so one run shows them all. */
#include "engine.h"
#include "attrib.h"
#include "buf.h"

#include <stdlib.h>
#include <string.h>

static const char *const abbrev_classes[] = { "title", "month", "number", "common", NULL };
static const char *const genders[] = { "male", "female", "neuter", "any", NULL };
static const char *const cue_categories[] = {
	"neutral", "assertive", "concession", "denial", "directive", "evaluative", "warning",
	"epistemic", NULL
};

static struct ws_wordlist *load(const char *dir, const char *name, unsigned minf, unsigned maxf,
				const char *const *allowed, struct ws_diag *d)
{
	struct ws_buf path = WS_BUF_INIT;
	ws_buf_addf(&path, "%s/rules/%s", dir, name);
	struct ws_wordlist *wl = ws_wordlist_load(path.data, minf, maxf, allowed, d);
	ws_buf_release(&path);
	return wl;
}

/* rules/sieves.txt must name every sieve of attrib.c, in the order they
 * run, each with a confidence that is "-" or a number from 0 to 1. */
static void check_sieves(struct ws_engine *e, const char *dir, struct ws_diag *d)
{
	struct ws_buf path = WS_BUF_INIT;
	ws_buf_addf(&path, "%s/rules/sieves.txt", dir);
	unsigned prev = 0;
	size_t n = 0;
	for (size_t i = 0; ws_sieve_names[i]; i++, n++) {
		const char *name = ws_sieve_names[i];
		const struct ws_word *w = ws_wordlist_get(e->sieves, name, strlen(name));
		e->sieve_conf[i] = -1;
		if (!w) {
			ws_diag_error(d, path.data, 0, 0, "sieve '%s' is missing (whosaid runs it)", name);
			continue;
		}
		if (w->line < prev)
			ws_diag_error(d, path.data, w->line, 1,
				      "sieve '%s' is out of order: the sieves run as listed in "
				      "src/attrib.c", name);
		prev = w->line;
		if (strcmp(w->f[0], "-") != 0) {
			char *end;
			double v = strtod(w->f[0], &end);
			if (*end || v < 0 || v > 1)
				ws_diag_error(d, path.data, w->line, (unsigned)strlen(name) + 2,
					      "confidence '%s' is not '-' or a number from 0 to 1",
					      w->f[0]);
			else
				e->sieve_conf[i] = v;
		}
	}
	if (ws_wordlist_count(e->sieves) != n)
		ws_diag_error(d, path.data, 0, 0, "lists %zu sieves, whosaid has %zu: remove the "
			      "ones it does not know", ws_wordlist_count(e->sieves), n);
	ws_buf_release(&path);
}

static uint32_t classify(void *rules, const struct ws_annot *a)
{
	return ws_rules_classify(rules, a);
}

/* label-words.txt: a word that also labels no one as the label's last word */
static const char *const label_places[] = { "last", NULL };

int ws_engine_load(const char *datadir, FILE *diag, struct ws_engine **out)
{
	struct ws_diag d = { diag, 0, 0 };
	struct ws_engine *e = ws_xcalloc(1, sizeof(*e));
	e->datadir = ws_xstrdup(datadir);
	e->syms = ws_symtab_new();
	e->abbrev = load(datadir, "abbreviations.txt", 1, 1, abbrev_classes, &d);
	e->starters = load(datadir, "sentence-starters.txt", 0, 0, NULL, &d);
	e->particles = load(datadir, "name-particles.txt", 0, 0, NULL, &d);
	e->pronouns = load(datadir, "pronouns.txt", 2, 2, genders, &d);
	e->labels = load(datadir, "label-words.txt", 0, 1, label_places, &d);
	e->cue_nouns = load(datadir, "cue-nouns.txt", 2, 2, cue_categories, &d);
	/* gazetteer forms are tokenized like text, so the tokenizer's lists first */
	e->seg.abbrev = e->abbrev;
	e->seg.starters = e->starters;
	e->sieves = load(datadir, "sieves.txt", 2, 2, NULL, &d);
	if (e->sieves)
		check_sieves(e, datadir, &d);
	struct ws_buf rdir = WS_BUF_INIT;
	ws_buf_addf(&rdir, "%s/rules", datadir);
	ws_rules_load(rdir.data, e->syms, &d, &e->rules);
	ws_buf_release(&rdir);
	/* after the rules: the gazetteer interns only the numeric values of
	 * feature keys that a rule names (see gazetteer.c) */
	e->gaz = ws_gaz_load(datadir, "gazetteers", &e->seg, e->syms, &d);
	if (!d.errors && e->rules)
		ws_gaz_classify(e->gaz, classify, e->rules);
	if (d.errors) {
		ws_engine_free(e);
		*out = NULL;
		return WS_ERR_DATA;
	}
	*out = e;
	return WS_OK;
}

void ws_engine_free(struct ws_engine *e)
{
	if (!e)
		return;
	ws_wordlist_free(e->abbrev);
	ws_wordlist_free(e->starters);
	ws_wordlist_free(e->particles);
	ws_wordlist_free(e->pronouns);
	ws_wordlist_free(e->labels);
	ws_wordlist_free(e->cue_nouns);
	ws_gaz_free(e->gaz);
	ws_rules_free(e->rules);
	ws_wordlist_free(e->sieves);
	ws_symtab_free(e->syms);
	free(e->datadir);
	free(e);
}

void ws_engine_describe(const struct ws_engine *e, FILE *out)
{
	const struct { const char *name; const struct ws_wordlist *wl; } files[] = {
		{ "rules/abbreviations.txt", e->abbrev },
		{ "rules/sentence-starters.txt", e->starters },
		{ "rules/name-particles.txt", e->particles },
		{ "rules/pronouns.txt", e->pronouns },
		{ "rules/label-words.txt", e->labels },
		{ "rules/cue-nouns.txt", e->cue_nouns },
		{ "rules/sieves.txt", e->sieves },
	};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		fprintf(out, "  %-40s %8zu entries\n", files[i].name,
			ws_wordlist_count(files[i].wl));
	ws_gaz_describe(e->gaz, out);
	fprintf(out, "  %-40s %8zu rules in %zu phases\n", "rules/*.rules",
		ws_rules_count(e->rules), ws_rules_phases(e->rules));
}

const char *ws_strerror(int err)
{
	switch (err) {
	case WS_OK: return "ok";
	case WS_ERR_IO: return "input/output error";
	case WS_ERR_DATA: return "errors in the data files";
	case WS_ERR_EMPTY: return "empty document";
	case WS_ERR_BINARY: return "binary file, not text";
	case WS_ERR_ENCODING: return "not UTF-8 text";
	case WS_ERR_TOO_LARGE: return "document too large";
	default: return "unknown error";
	}
}
