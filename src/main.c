/* whosaid's command line: parses arguments and calls the library. */
#include "compare.h"
#include "engine.h"
#include "eval.h"
#include "jsonl.h"
#include "manifest.h"
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
	"  cat       join the output directories of shards (whosaid cat --help)\n"
	"  check     validate the rules and gazetteers and report what was loaded\n"
	"  eval      score a quotes.tsv against gold attributions (whosaid eval --help)\n"
	"  compare   compare outlets: speakers, cues, shared statements, an HTML report\n"
	"            (whosaid compare --help)\n"
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
	"Reads articles and writes one row per attributed statement. A PATH is a\n"
	"file, a directory (its *.txt files are articles and its *.jsonl and\n"
	"*.jsonl.gz files hold one article per line, found recursively), or - for\n"
	"standard input (one article, or JSON Lines with --jsonl).\n"
	"\n"
	"input:\n"
	"  --jsonl              read - and file arguments as JSON Lines whatever\n"
	"                       their names (.jsonl and .jsonl.gz always are)\n"
	"  --field K=NAME,...   JSON member holding each of id, text, outlet, date,\n"
	"                       title, url (a.b for nested; default: id; text or\n"
	"                       maintext; outlet or source_domain; date or\n"
	"                       date_publish; title; url)\n"
	"  --manifest FILE      TSV with a header giving outlet, date, title and url\n"
	"                       by doc_id\n"
	"  --manifest-columns K=NAME,...\n"
	"                       the manifest's header names for doc_id, outlet, date,\n"
	"                       title, url (PolNeAR: doc_id=filename,outlet=publisher,\n"
	"                       date=publication_date)\n"
	"  --outlet NAME        the outlet of every document (wins over all others)\n"
	"  --outlet-from-dir    the first directory level under a directory argument\n"
	"                       is the outlet (corpus/bbc/... -> bbc)\n"
	"  --max-doc-bytes N    larger documents get an error row (default 16777216)\n"
	"  --shard K/N          only documents whose doc_id hashes to K of N\n"
	"                       (FNV-1a 64 of the doc_id, modulo N, is K-1)\n"
	"\n"
	"output:\n"
	"  -o, --output DIR     write quotes, entities, mentions and docs files and\n"
	"                       run.json in DIR; without it quotes go to standard output\n"
	"  --format tsv|jsonl   TSV (default) or JSON Lines: one object per row,\n"
	"                       numbers as numbers, empty fields as null\n"
	"  --no-header          TSV without header lines (for mappers and pipes)\n"
	"\n"
	"running:\n"
	"  -j, --jobs N         worker threads (default: one per core); the output is\n"
	"                       the same for every N\n"
	"  --data DIR           where rules/ and gazetteers/ are (default: $WHOSAID_DATA,\n"
	"                       else " WS_DATADIR ")\n"
	"  -q, --quiet          no progress line and no summary on standard error\n"
	"  -h, --help           show this help\n"
	"\n"
	"doc_id is a text file's path relative to its directory argument without\n"
	".txt (a file argument: its name); for JSON Lines the id field, else\n"
	"FILE:LINE. Metadata comes from --outlet, else the manifest, else the\n"
	"JSON fields, else the directory. See man whosaid.\n";

static const char usage_cat[] =
	"usage: whosaid cat [-q] -o DIR OUTDIR...\n"
	"\n"
	"Joins output directories of whosaid extract (the shards of one corpus,\n"
	"made with --shard K/N, the same data and the same --format) into DIR: one\n"
	"header per file, rows in argument order, run.json with summed counts.\n"
	"entity_no counts within a document, so nothing is renumbered.\n"
	"Refuses directories made with other data or without a run.json.\n";

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
	const char *manifest = NULL, *manifest_cols = NULL;
	struct ws_fields fields;
	ws_fields_init(&fields);
	o.fields = &fields;
	char msg[256];
	int rc;
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
			rc = WS_EXIT_OK;
			goto done;
		} else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			o.quiet = 1;
		} else if (strcmp(a, "--outlet-from-dir") == 0) {
			o.outlet_from_dir = 1;
		} else if (strcmp(a, "--jsonl") == 0) {
			o.force_jsonl = 1;
		} else if (strcmp(a, "--no-header") == 0) {
			o.no_header = 1;
		} else if (strcmp(a, "-j") == 0 || is_opt(a, "--jobs") ||
			   (strncmp(a, "-j", 2) == 0 && a[2] >= '0' && a[2] <= '9')) {
			if (a[1] == 'j' && a[2])
				v = a + 2;
			else if (strcmp(a, "-j") == 0)
				v = i + 1 < argc ? argv[++i] : NULL;
			else
				v = opt_value(argc, argv, &i, "--jobs");
			char *end;
			long n = v ? strtol(v, &end, 10) : 0;
			if (!v || *end || n < 1 || n > 256) {
				rc = bad_usage("%s needs a number of threads from 1 to 256", a,
					       "extract");
				goto done;
			}
			o.jobs = (int)n;
		} else if (is_opt(a, "--format")) {
			v = opt_value(argc, argv, &i, "--format");
			if (v && strcmp(v, "tsv") == 0) {
				o.format = WS_FMT_TSV;
			} else if (v && strcmp(v, "jsonl") == 0) {
				o.format = WS_FMT_JSONL;
			} else {
				rc = bad_usage("%s needs tsv or jsonl", a, "extract");
				goto done;
			}
		} else if (is_opt(a, "--shard")) {
			v = opt_value(argc, argv, &i, "--shard");
			if (!v || ws_shard_parse(v, &o.shard) != 0) {
				rc = bad_usage("%s needs K/N with 1 <= K <= N, as in 2/8", a, "extract");
				goto done;
			}
		} else if (is_opt(a, "--field")) {
			v = opt_value(argc, argv, &i, "--field");
			if (!v || ws_fields_set(&fields, v, msg, sizeof(msg)) != 0) {
				fprintf(stderr, "whosaid: --field: %s\n", v ? msg : "needs K=NAME,...");
				rc = bad_usage("%s", "", "extract");
				goto done;
			}
		} else if (is_opt(a, "--manifest")) {
			if (!(manifest = opt_value(argc, argv, &i, "--manifest"))) {
				rc = bad_usage("%s needs a file", a, "extract");
				goto done;
			}
		} else if (is_opt(a, "--manifest-columns")) {
			if (!(manifest_cols = opt_value(argc, argv, &i, "--manifest-columns"))) {
				rc = bad_usage("%s needs K=NAME,...", a, "extract");
				goto done;
			}
		} else if ((strcmp(a, "-o") == 0 || is_opt(a, "--output"))) {
			if (strcmp(a, "-o") == 0)
				v = i + 1 < argc ? argv[++i] : NULL;
			else
				v = opt_value(argc, argv, &i, "--output");
			if (!v || !*v) {
				rc = bad_usage("%s needs a directory", a, "extract");
				goto done;
			}
			o.outdir = v;
		} else if (is_opt(a, "--outlet")) {
			if (!(v = opt_value(argc, argv, &i, "--outlet"))) {
				rc = bad_usage("%s needs a name", a, "extract");
				goto done;
			}
			o.outlet = v;
		} else if (is_opt(a, "--data")) {
			if (!(v = opt_value(argc, argv, &i, "--data"))) {
				rc = bad_usage("%s needs a directory", a, "extract");
				goto done;
			}
			datadir = v;
		} else if (is_opt(a, "--max-doc-bytes")) {
			char *end;
			v = opt_value(argc, argv, &i, "--max-doc-bytes");
			unsigned long long n = v ? strtoull(v, &end, 10) : 0;
			if (!v || *end || n == 0 || v[0] == '-') {
				rc = bad_usage("%s needs a positive number of bytes", a, "extract");
				goto done;
			}
			o.max_doc_bytes = (size_t)n;
		} else {
			rc = bad_usage("unknown option '%s'", a, "extract");
			goto done;
		}
	}
	if (npaths == 0) {
		rc = bad_usage("%sno input: name files or directories of articles, or - for "
			       "standard input", "", "extract");
		goto done;
	}
	if (manifest_cols && !manifest) {
		rc = bad_usage("%s--manifest-columns needs --manifest FILE", "", "extract");
		goto done;
	}
	struct ws_manifest *man = NULL;
	if (manifest) {
		if (ws_manifest_load(manifest, manifest_cols, stderr, &man) != WS_OK) {
			fprintf(stderr, "whosaid: cannot run: the manifest %s has errors (fix the "
				"lines above)\n", manifest);
			rc = WS_EXIT_USAGE;
			goto done;
		}
		o.manifest = man;
		o.manifest_path = manifest;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct ws_engine *e;
	rc = load_engine(datadir, &e);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (rc) {
		ws_manifest_free(man);
		goto done;
	}
	o.datadir = datadir;
	o.load_seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	struct ws_run_stats st;
	rc = ws_run_extract(e, paths, npaths, &o, &st);
	if (o.outdir && !o.quiet && rc != WS_EXIT_OUTPUT)
		fprintf(stderr, "whosaid: documents %zu (failed %zu), statements %zu, "
			"speakers %zu, %.2f MB in %.3f s -> %s/\n",
			st.docs, st.failed, st.statements, st.speakers, (double)st.bytes / 1e6,
			st.seconds, o.outdir);
	ws_engine_free(e);
	ws_manifest_free(man);
done:
	ws_fields_release(&fields);
	free(paths);
	return rc;
}

static int cmd_cat(int argc, char **argv)
{
	const char *outdir = NULL;
	int quiet = 0, n = 0;
	char **dirs = calloc((size_t)argc, sizeof(char *));
	int rc = WS_EXIT_OK;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (a[0] != '-') {
			dirs[n++] = argv[i];
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage_cat, stdout);
			goto done;
		} else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			quiet = 1;
		} else if (strcmp(a, "-o") == 0 || is_opt(a, "--output")) {
			if (strcmp(a, "-o") == 0)
				v = i + 1 < argc ? argv[++i] : NULL;
			else
				v = opt_value(argc, argv, &i, "--output");
			if (!v || !*v) {
				rc = bad_usage("%s needs a directory", a, "cat");
				goto done;
			}
			outdir = v;
		} else {
			rc = bad_usage("unknown option '%s'", a, "cat");
			goto done;
		}
	}
	if (!outdir || n == 0) {
		rc = bad_usage("%sname the output with -o DIR and at least one directory to join",
			       "", "cat");
		goto done;
	}
	rc = ws_run_cat(dirs, n, outdir, quiet);
done:
	free(dirs);
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
		else if (strcmp(what, "cat") == 0)
			fputs(usage_cat, stdout);
		else if (strcmp(what, "check") == 0)
			fputs(usage_check, stdout);
		else if (strcmp(what, "compare") == 0) {
			char *av[] = { "compare", "--help", NULL };
			return ws_compare_main(2, av);
		} else if (strcmp(what, "eval") == 0) {
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
	if (strcmp(cmd, "cat") == 0)
		return cmd_cat(argc - 1, argv + 1);
	if (strcmp(cmd, "eval") == 0)
		return ws_eval_main(argc - 1, argv + 1);
	if (strcmp(cmd, "compare") == 0)
		return ws_compare_main(argc - 1, argv + 1);
	fprintf(stderr, "whosaid: unknown command '%s'\ntry 'whosaid --help'\n", cmd);
	return WS_EXIT_USAGE;
}
