/* libFuzzer target: the gazetteer loader (lists.def and list lines) and the
 * lookup over a document. The input is three parts separated by lines
 * "=====": a lists.def, the text of every list file it names (each gets the
 * same bytes), and a document (a fixed sentence when absent). They are
 * written to a temporary directory and loaded. Checks: a refused load
 * reports an error, and every Lookup annotation lies within the tokens. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "annot.h"
#include "buf.h"
#include "diag.h"
#include "gazetteer.h"
#include "symtab.h"
#include "tokenize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char default_text[] =
	"Syrian President Bashar Assad met Walid Muallem, the Pentagon spokeswoman "
	"said on Monday in New York. \"We will not go,\" said Dr. Anna Berg.";

static char root[64];

/* What the last input wrote, removed before the next one: files first,
 * then directories (a fork of rm per input would halve the speed). */
static char made[32][160];
static int nmade;

static void remember(const char *path)
{
	if (nmade < 32)
		snprintf(made[nmade++], sizeof(made[0]), "%s", path);
}

static void clean(void)
{
	for (int i = nmade - 1; i >= 0; i--)
		if (unlink(made[i]) != 0)
			rmdir(made[i]);
	nmade = 0;
}

static void write_file(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return;	/* a name the file system refuses: the loader reports it */
	remember(path);
	if (n && fwrite(s, 1, n, f) != n)
		abort();
	if (fclose(f) != 0)
		abort();
}

/* The next part of [*p, end): up to a line "=====" or the end. */
static int part(const char **p, const char *end, const char **s, size_t *n)
{
	if (*p > end)
		return 0;
	static const char sep[] = "\n=====\n";
	const char *q = *p;
	const char *hit = NULL;
	for (; q + sizeof(sep) - 1 <= end; q++)
		if (memcmp(q, sep, sizeof(sep) - 1) == 0) {
			hit = q;
			break;
		}
	*s = *p;
	*n = (size_t)((hit ? hit : end) - *p);
	*p = hit ? hit + sizeof(sep) - 1 : end + 1;
	return 1;
}

/* Writes the list text to every FILE named in lists.def that is a plain
 * relative path, making its directory. */
static void write_lists(const char *def, size_t dn, const char *list, size_t ln)
{
	struct ws_buf path = WS_BUF_INIT;
	const char *p = def, *end = def + dn;
	int files = 0;
	while (p < end && files < 8) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		size_t k = 0;
		while (p + k < eol && p[k] != ' ' && p[k] != '\t' && p[k] != '\0')
			k++;
		int ok = k > 0 && k < 64 && p[0] != '#' && p[0] != '/';
		for (size_t i = 0; ok && i < k; i++)
			if (p[i] == '.' && i + 1 < k && p[i + 1] == '.')
				ok = 0;
		if (ok) {
			const char *slash = memchr(p, '/', k);
			ws_buf_reset(&path);
			ws_buf_addf(&path, "%s/gz/", root);
			if (slash) {
				ws_buf_add(&path, p, (size_t)(slash - p));
				if (mkdir(path.data, 0777) == 0)
					remember(path.data);
				ws_buf_reset(&path);
				ws_buf_addf(&path, "%s/gz/", root);
			}
			ws_buf_add(&path, p, k);
			struct stat st;
			if (!(stat(path.data, &st) == 0 && S_ISDIR(st.st_mode)))
				write_file(path.data, list, ln);
			files++;
		}
		p = nl ? nl + 1 : end;
	}
	ws_buf_release(&path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!root[0]) {
		snprintf(root, sizeof(root), "/tmp/fuzz-gazetteer-%ld", (long)getpid());
		mkdir(root, 0777);
		char gz[96];
		snprintf(gz, sizeof(gz), "%s/gz", root);
		mkdir(gz, 0777);
	}
	clean();
	const char *p = (const char *)data, *end = p + size;
	const char *def = "", *list = "", *text = default_text;
	size_t dn = 0, ln = 0, tn = sizeof(default_text) - 1;
	part(&p, end, &def, &dn);
	part(&p, end, &list, &ln);
	int has_text = part(&p, end, &text, &tn);
	if (!has_text) {
		text = default_text;
		tn = sizeof(default_text) - 1;
	}
	char lpath[128];
	snprintf(lpath, sizeof(lpath), "%s/gz/lists.def", root);
	write_file(lpath, def, dn);
	write_lists(def, dn, list, ln);

	struct ws_symtab *syms = ws_symtab_new();
	/* FUZZ_DIAG=1 shows the loader's messages when replaying one input */
	struct ws_diag d = { getenv("FUZZ_DIAG") ? stderr : NULL, 0, 0 };
	struct ws_seglists seg;
	memset(&seg, 0, sizeof(seg));
	struct ws_gaz *g = ws_gaz_load(root, "gz", &seg, syms, &d);
	if (!g && d.errors == 0)
		abort();	/* refused without saying where */
	if (g) {
		char *t = malloc(tn + 1);
		if (!t)
			abort();
		memcpy(t, text, tn);
		t[tn] = '\0';
		struct ws_tokens tk;
		memset(&tk, 0, sizeof(tk));
		if (ws_tokenize(&seg, t, tn, &tk) == 0) {
			struct ws_gaz_scratch *sc = ws_gaz_scratch_new();
			ws_annot_vec out = { 0 };
			for (unsigned opts = 0; opts < 2; opts++) {
				out.n = 0;
				size_t n = ws_gaz_lookup(g, sc, t, &tk, opts, &out);
				if (n != out.n)
					abort();
				for (size_t i = 0; i < out.n; i++)
					if (out.v[i].first >= out.v[i].last || out.v[i].last > tk.tok.n ||
					    out.v[i].nfeat < 4)
						abort();
			}
			WS_VEC_FREE(out);
			ws_gaz_scratch_free(sc);
		}
		ws_tokens_release(&tk);
		free(t);
		ws_gaz_free(g);
	}
	ws_symtab_free(syms);
	return 0;
}
