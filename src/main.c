/* whosaid's command line: parses arguments and calls the library. */
#include "engine.h"
#include "eval.h"
#include "run.h"
#include "whosaid.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static const char usage_main[] =
	"usage: whosaid <command> [options]\n"
	"\n"
	"Finds who said what in news articles and writes it as TSV.\n"
	"\n"
	"commands:\n"
	"  extract   find statements and speakers in articles (whosaid extract --help)\n"
	"  check     validate the rules and gazetteers and report what was loaded\n"
	"  eval      score a quotes.tsv against gold attributions (whosaid eval --help)\n"
	"  help CMD  show the help of a command\n"
	"\n"
	"options:\n"
	"  --help      show this help\n"
	"  --version   show the version\n"
	"\n"
	"exit status: 0 all documents ok, 1 some documents failed (see docs.tsv),\n"
	"2 usage or data-file error, 3 results could not be written\n";

static const char usage_extract[] =
	"usage: whosaid extract [options] PATH...\n"
	"\n"
	"Reads articles (files, or *.txt files found recursively under directories)\n"
	"and writes one row per attributed statement.\n"
	"\n"
	"options:\n"
	"  -o, --output DIR     write quotes.tsv, entities.tsv, mentions.tsv and docs.tsv\n"
	"                       in DIR; without it quotes.tsv goes to standard output\n"
	"  --outlet NAME        the outlet of every document\n"
	"  --outlet-from-dir    the first directory level under a directory argument\n"
	"                       is the outlet (corpus/bbc/... -> bbc)\n"
	"  --max-doc-bytes N    refuse documents larger than N bytes (default 16777216)\n"
	"  --data DIR           where rules/ and gazetteers/ are (default: $WHOSAID_DATA,\n"
	"                       else " WS_DATADIR ")\n"
	"  -q, --quiet          no summary on standard error\n"
	"  -h, --help           show this help\n"
	"\n"
	"doc_id is a file's path relative to its directory argument, without .txt.\n";

static const char usage_check[] =
	"usage: whosaid check [--data DIR]\n"
	"\n"
	"Loads every rule and gazetteer file, reports each error as file:line:col,\n"
	"and prints what was loaded, the load time and the peak memory.\n";

static const char *datadir_default(void)
{
	const char *env = getenv("WHOSAID_DATA");
	return env && *env ? env : WS_DATADIR;
}

static int bad_usage(const char *fmt, const char *arg, const char *cmd)
{
	fprintf(stderr, "whosaid: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\ntry 'whosaid %s --help'\n", cmd);
	return WS_EXIT_USAGE;
}

static int load_engine(const char *datadir, struct ws_engine **e)
{
	int rc = ws_engine_load(datadir, stderr, e);
	if (rc != WS_OK) {
		fprintf(stderr, "whosaid: cannot run: %s in %s (fix the lines above)\n",
			ws_strerror(rc), datadir);
		return WS_EXIT_USAGE;
	}
	return WS_EXIT_OK;
}

/* The value of an option: "--opt VALUE" or "--opt=VALUE". */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (strcmp(argv[*i], name) == 0 && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static int is_opt(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

static int cmd_extract(int argc, char **argv)
{
	struct ws_run_opts o;
	memset(&o, 0, sizeof(o));
	o.max_doc_bytes = 16u << 20;
	const char *datadir = datadir_default();
	char **paths = calloc((size_t)argc, sizeof(char *));
	int npaths = 0, only_paths = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
			paths[npaths++] = argv[i];
		} else if (strcmp(a, "--") == 0) {
			only_paths = 1;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage_extract, stdout);
			free(paths);
			return WS_EXIT_OK;
		} else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			o.quiet = 1;
		} else if (strcmp(a, "--outlet-from-dir") == 0) {
			o.outlet_from_dir = 1;
		} else if ((strcmp(a, "-o") == 0 || is_opt(a, "--output"))) {
			if (strcmp(a, "-o") == 0)
				v = i + 1 < argc ? argv[++i] : NULL;
			else
				v = opt_value(argc, argv, &i, "--output");
			if (!v || !*v) {
				free(paths);
				return bad_usage("%s needs a directory", a, "extract");
			}
			o.outdir = v;
		} else if (is_opt(a, "--outlet")) {
			if (!(v = opt_value(argc, argv, &i, "--outlet"))) {
				free(paths);
				return bad_usage("%s needs a name", a, "extract");
			}
			o.outlet = v;
		} else if (is_opt(a, "--data")) {
			if (!(v = opt_value(argc, argv, &i, "--data"))) {
				free(paths);
				return bad_usage("%s needs a directory", a, "extract");
			}
			datadir = v;
		} else if (is_opt(a, "--max-doc-bytes")) {
			char *end;
			v = opt_value(argc, argv, &i, "--max-doc-bytes");
			unsigned long long n = v ? strtoull(v, &end, 10) : 0;
			if (!v || *end || n == 0 || v[0] == '-') {
				free(paths);
				return bad_usage("%s needs a positive number of bytes", a, "extract");
			}
			o.max_doc_bytes = (size_t)n;
		} else {
			free(paths);
			return bad_usage("unknown option '%s'", a, "extract");
		}
	}
	if (npaths == 0) {
		free(paths);
		return bad_usage("%sno input: name files or directories of articles", "",
				 "extract");
	}
	struct ws_engine *e;
	int rc = load_engine(datadir, &e);
	if (rc) {
		free(paths);
		return rc;
	}
	struct ws_run_stats st;
	rc = ws_run_extract(e, paths, npaths, &o, &st);
	if (o.outdir && !o.quiet && rc != WS_EXIT_OUTPUT)
		fprintf(stderr, "whosaid: documents %zu (failed %zu), statements %zu, "
			"speakers %zu, %.2f MB in %.3f s -> %s/\n",
			st.docs, st.failed, st.statements, st.speakers, (double)st.bytes / 1e6,
			st.seconds, o.outdir);
	ws_engine_free(e);
	free(paths);
	return rc;
}

static int cmd_check(int argc, char **argv)
{
	const char *datadir = datadir_default();
	for (int i = 1; i < argc; i++) {
		const char *v;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(usage_check, stdout);
			return WS_EXIT_OK;
		} else if (is_opt(argv[i], "--data") && (v = opt_value(argc, argv, &i, "--data"))) {
			datadir = v;
		} else {
			return bad_usage("unknown argument '%s'", argv[i], "check");
		}
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct ws_engine *e;
	int rc = load_engine(datadir, &e);
	if (rc)
		return rc;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("data: %s\n", datadir);
	ws_engine_describe(e, stdout);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("load time: %.1f ms\n", ((double)(t1.tv_sec - t0.tv_sec) * 1e3 +
				     (double)(t1.tv_nsec - t0.tv_nsec) / 1e6));
	printf("peak memory: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
	printf("ok\n");
	ws_engine_free(e);
	return WS_EXIT_OK;
}

int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);	/* a closed pipe is a write error we report */
	if (argc < 2) {
		fputs(usage_main, stderr);
		return WS_EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		fputs(usage_main, stdout);
		return WS_EXIT_OK;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("whosaid %s\n", WS_VERSION);
		return WS_EXIT_OK;
	}
	if (strcmp(cmd, "help") == 0) {
		const char *what = argc > 2 ? argv[2] : "";
		if (strcmp(what, "extract") == 0)
			fputs(usage_extract, stdout);
		else if (strcmp(what, "check") == 0)
			fputs(usage_check, stdout);
		else if (strcmp(what, "eval") == 0) {
			char *av[] = { "eval", "--help", NULL };
			return ws_eval_main(2, av);
		} else
			fputs(usage_main, stdout);
		return WS_EXIT_OK;
	}
	if (strcmp(cmd, "extract") == 0)
		return cmd_extract(argc - 1, argv + 1);
	if (strcmp(cmd, "check") == 0)
		return cmd_check(argc - 1, argv + 1);
	if (strcmp(cmd, "eval") == 0)
		return ws_eval_main(argc - 1, argv + 1);
	fprintf(stderr, "whosaid: unknown command '%s'\ntry 'whosaid --help'\n", cmd);
	return WS_EXIT_USAGE;
}
