/* Golden tests: each directory under tests/golden/ holds an `args` file
 * (the paths to extract, relative to the project) and the exact TSV files
 * whosaid must write for them. Differences are shown with diff -u. To
 * accept a changed output, run `make golden-update` and review the diff
 * in git: make test never updates an expectation. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const files[] = {
	"quotes.tsv", "entities.tsv", "mentions.tsv", "docs.tsv", NULL
};

static int run_case(const char *name)
{
	char path[4096], cmd[8192], args[2048] = "";
	snprintf(path, sizeof(path), "%s/golden/%s/args", WS_TESTDIR, name);
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "%s: cannot read", path);
	size_t n = fread(args, 1, sizeof(args) - 1, f);
	fclose(f);
	args[n] = '\0';
	for (char *p = args; *p; p++)
		if (*p == '\n')
			*p = ' ';
	char out[] = "/tmp/whosaid-golden-XXXXXX";
	cr_assert_not_null(mkdtemp(out));
	snprintf(cmd, sizeof(cmd), "cd '%s/..' && '%s' extract -q -o '%s' %s", WS_TESTDIR,
		 WS_BIN, out, args);
	int rc = system(cmd);
	int failed = 0;
	if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) > 1) {
		cr_log_error("golden %s: whosaid failed (%d)", name, rc);
		failed = 1;
	}
	for (int i = 0; files[i]; i++) {
		struct stat st;
		snprintf(path, sizeof(path), "%s/golden/%s/%s", WS_TESTDIR, name, files[i]);
		if (stat(path, &st) != 0)
			continue;
		snprintf(cmd, sizeof(cmd), "diff -u '%s' '%s/%s' >&2", path, out, files[i]);
		if (system(cmd) != 0) {
			cr_log_error("golden %s: %s differs (diff above)", name, files[i]);
			failed = 1;
		}
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", out);
	if (system(cmd) != 0)
		cr_log_warn("could not remove %s", out);
	return failed;
}

Test(golden, every_case_matches_its_expected_tsv, .timeout = 60)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/golden", WS_TESTDIR);
	DIR *d = opendir(dir);
	cr_assert_not_null(d, "no %s", dir);
	struct dirent *de;
	int cases = 0, failed = 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		cases++;
		failed += run_case(de->d_name);
	}
	closedir(d);
	cr_assert_gt(cases, 0, "no golden cases found");
	cr_assert_eq(failed, 0, "%d of %d golden cases differ", failed, cases);
}
