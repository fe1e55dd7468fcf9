/* libFuzzer target: the word-list loader (the .txt lists in rules/) on arbitrary bytes.
 * The first byte picks the field bounds and the allowed values, as the
 * engine's five lists use them; the rest is written to a temporary file and
 * loaded. Whatever the bytes, the load returns a list or NULL with at least
 * one error, and every key found can be looked up again. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "wordlist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const classes[] = { "title", "month", "number", "common", NULL };
static const char *const genders[] = { "male", "female", "neuter", "any", NULL };

static const struct {
	unsigned minf, maxf;
	const char *const *allowed;
} shapes[] = {
	{ 1, 1, classes },	/* abbreviations.txt */
	{ 0, 0, NULL },		/* sentence-starters.txt, name-particles.txt */
	{ 2, 2, genders },	/* pronouns.txt */
	{ 2, 2, NULL },		/* sieves.txt */
	{ 0, 4, NULL },
	{ 0, 9, classes },
};

static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	if (!path[0]) {
		snprintf(path, sizeof(path), "/tmp/fuzz-wordlist-%ld.txt", (long)getpid());
	}
	unsigned s = data[0] % (sizeof(shapes) / sizeof(shapes[0]));
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1)
		abort();
	if (fclose(f) != 0)
		abort();
	FILE *devnull = fopen("/dev/null", "w");
	struct ws_diag d = { devnull, 0, 0 };
	struct ws_wordlist *wl = ws_wordlist_load(path, shapes[s].minf, shapes[s].maxf,
						  shapes[s].allowed, &d);
	if (!wl && d.errors == 0)
		abort();	/* refused without saying why */
	if (wl && d.errors != 0)
		abort();	/* accepted a file with errors */
	if (wl) {
		/* Every line that made an entry must be found by its key. */
		const char *p = (const char *)data + 1, *end = (const char *)data + size;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			const char *eol = nl ? nl : end;
			const char *tab = memchr(p, '\t', (size_t)(eol - p));
			const char *kend = tab ? tab : eol;
			if (!tab && kend > p && kend[-1] == '\r')
				kend--;
			if (kend > p && p[0] != '#' && !memchr(p, '\0', (size_t)(kend - p)) &&
			    !ws_wordlist_get(wl, p, (size_t)(kend - p)))
				abort();
			p = nl ? nl + 1 : end;
		}
	}
	ws_wordlist_free(wl);
	fclose(devnull);
	return 0;
}
