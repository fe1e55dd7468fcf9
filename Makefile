# whosaid: build, test and run. `make run` and `make test` are the whole set-up
# on a fresh Debian 12 machine: both install missing packages first (`make deps`).

SHELL   := /bin/bash
CC      ?= cc
BUILD   ?= build
PREFIX  ?= /usr/local
DATADIR ?= $(CURDIR)
WERROR  ?=
SAN     ?=
VERSION := 0.1.0

OPT     ?= -O2 -g
CFLAGS  ?=
ALL_CFLAGS := $(OPT) -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes $(WERROR) \
           -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
           -DWS_VERSION='"$(VERSION)"' -DWS_DATADIR='"$(DATADIR)"' $(SAN) -MMD -MP $(CFLAGS)
ALL_LDFLAGS := $(SAN) $(LDFLAGS)
LDLIBS  := -lstemmer -lutf8proc -ljansson -lz -lpthread -lm

DEB_PKGS := gcc make libc6-dev libstemmer-dev uthash-dev libcriterion-dev \
            libutf8proc-dev libjansson-dev zlib1g-dev time parallel
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

LIB_SRC  := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_OBJ := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.o)

.PHONY: all deps run test unit check-asan clean install eval bench gazetteers gazetteers-verify golden-update confidence

all: $(BUILD)/whosaid $(BUILD)/libwhosaid.a

deps:
	@missing=$$(for p in $(DEB_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -DWS_TESTDIR='"$(CURDIR)/tests"' -DWS_BIN='"$(CURDIR)/$(BUILD)/whosaid"' -c -o $@ $<

$(BUILD) $(BUILD)/tests:
	@mkdir -p $@

$(BUILD)/libwhosaid.a: $(LIB_OBJ)
	rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/whosaid: $(BUILD)/main.o $(BUILD)/libwhosaid.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/unit: $(TEST_OBJ) $(BUILD)/libwhosaid.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ -lcriterion $(LDLIBS)

# One Criterion binary holds the unit tests and the golden tests; it runs last,
# after the report's browser test, so the run ends with Criterion's summary line.
test: deps browser-deps
	@$(MAKE) --no-print-directory all $(BUILD)/unit
	@tests/browser_report.sh $(BUILD)/whosaid
	$(BUILD)/unit -j2

check-asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=all' all build-asan/unit
	@mkdir -p out
	@# Criterion does not fail a test whose process LeakSanitizer flags when it
	@# exits: the log is searched for any sanitizer report instead.
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build-asan/unit -j2 2>&1 | tee out/asan.log; \
	  test $${PIPESTATUS[0]} -eq 0 && ! grep -q -E 'ERROR: (Leak|Address)Sanitizer|runtime error:' out/asan.log

run: deps all
	@$(BUILD)/whosaid extract -o out --manifest corpus/manifest.tsv corpus
	@$(BUILD)/whosaid compare -o out/report out

clean:
	rm -rf build build-asan build-fuzz out

# The installed binary looks for its data in $(PREFIX)/share/whosaid, so it
# is built apart with that DATADIR; the gazetteers' download cache stays.
install: deps
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/install DATADIR=$(PREFIX)/share/whosaid \
	  $(BUILD)/install/whosaid
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/whosaid \
	  $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/install/whosaid $(DESTDIR)$(PREFIX)/bin/whosaid
	install -m 644 src/whosaid.1 $(DESTDIR)$(PREFIX)/share/man/man1/whosaid.1
	tar -cf - --exclude=.cache rules gazetteers | tar -xf - -C $(DESTDIR)$(PREFIX)/share/whosaid

# Speed of the full pipeline on >= 50 MB (BENCH_CORPUS=DIR, BENCH_MB=N,
# BENCH_RUNS=N): MB/s and documents/s at -j1 and -j2, peak RSS, load time.
bench: deps all
	@tests/bench.sh $(BUILD)/whosaid

-include $(LIB_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(BUILD)/main.d

# Rewrites the expected files of the golden tests from the current build.
# Review `git diff tests/golden` before committing: that diff is the change
# in behaviour.
golden-update: all
	@for d in tests/golden/*/; do \
	  tmp=$$(mktemp -d); \
	  $(BUILD)/whosaid extract -q -o $$tmp $$(cat $$d/args); \
	  for f in quotes.tsv entities.tsv mentions.tsv docs.tsv; do cp $$tmp/$$f $$d/$$f; done; \
	  rm -rf $$tmp; echo "updated $$d"; \
	done

# Regenerates the generated gazetteer lists from their pinned sources; the
# verify target rebuilds into a temporary directory and fails on any diff.
gazetteers:
	gazetteers/build.sh

gazetteers-verify:
	gazetteers/build.sh --verify

# Accuracy on PolNeAR (not committed: the texts belong to their publishers).
# Tune on train (EVAL_SPLIT=train), report on dev.
POLNEAR    ?= $(CURDIR)/../shared/eval/polnear
EVAL_SPLIT ?= dev
eval: deps all
	@test -d $(POLNEAR)/$(EVAL_SPLIT)/text || { echo "make eval: no PolNeAR at $(POLNEAR) (set POLNEAR=DIR)"; exit 2; }
	@$(BUILD)/whosaid extract -q -o out/eval-$(EVAL_SPLIT) $(POLNEAR)/$(EVAL_SPLIT)/text; test $$? -le 1
	$(BUILD)/whosaid eval --gold $(POLNEAR)/gold_$(EVAL_SPLIT).tsv --meta $(POLNEAR)/metadata.tsv \
	  --mentions out/eval-$(EVAL_SPLIT)/mentions.tsv \
	  out/eval-$(EVAL_SPLIT)/quotes.tsv

# Hardening (issue 8). Fuzzing and valgrind need packages `make test` does
# not, so each target installs its own with the same idempotent check.
FUZZ_PKGS     := clang libclang-rt-14-dev
VALGRIND_PKGS := valgrind
FUZZ_SECONDS  ?= 60
# A fixed seed makes a run reproducible (CI); FUZZ_SEED=0 picks a random one.
FUZZ_SEED     ?= 1
FUZZ_CC       ?= clang
FUZZ_TARGETS  := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=undefined

.PHONY: fuzz fuzz-build fuzz-deps valgrind-deps browser-deps check-valgrind

# The report's browser test (in make test) needs chromium.
BROWSER_PKGS  := chromium

fuzz-deps valgrind-deps browser-deps:
	@pkgs='$(if $(filter fuzz-deps,$@),$(FUZZ_PKGS),$(if $(filter browser-deps,$@),$(BROWSER_PKGS),$(VALGRIND_PKGS)))'; \
	missing=$$(for p in $$pkgs; do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "make $@: installing" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# The library is built with libFuzzer's coverage hooks but without its main;
# each tests/fuzz/fuzz_NAME.c links against it as build-fuzz/fuzz_NAME.
fuzz-build: deps fuzz-deps
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=$(FUZZ_CC) OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='-fsanitize=fuzzer-no-link $(FUZZ_SAN)' build-fuzz/libwhosaid.a \
	  $(FUZZ_TARGETS:%=build-fuzz/fuzz_%)

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c build-fuzz/libwhosaid.a
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Isrc -o $@ $< build-fuzz/libwhosaid.a $(LDLIBS)

# Runs every target FUZZ_SECONDS seconds from its seed corpus. New inputs go
# to build-fuzz/corpus/NAME, a crash or hang to build-fuzz/NAME-crash-*: copy
# it into tests/fuzz/corpus/NAME/ (the regression tests replay those) and fix.
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build-fuzz/corpus/$$t; \
	  echo "fuzz $$t: $(FUZZ_SECONDS) s"; \
	  build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -seed=$(FUZZ_SEED) -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix=build-fuzz/$$t- \
	    build-fuzz/corpus/$$t tests/fuzz/corpus/$$t >build-fuzz/$$t.log 2>&1; \
	  rc=$$?; grep -E '^#[0-9]+.*DONE|^stat::(average_exec|peak_rss)' build-fuzz/$$t.log; \
	  if [ $$rc -ne 0 ]; then tail -n 60 build-fuzz/$$t.log; echo "fuzz $$t: FAILED"; exit 1; fi; \
	done

# valgrind memcheck on the whosaid binary (the Criterion runner forks, so it
# is not run under valgrind itself): the golden cases, the project corpus and
# the fuzz seeds, which hold every input that once crashed. valgrind reports
# on descriptor 3; whosaid's own messages about bad documents go to a file.
VALGRIND := valgrind --tool=memcheck --leak-check=full --show-leak-kinds=all \
	    --errors-for-leak-kinds=all --error-exitcode=99 -q --log-fd=3
check-valgrind: deps valgrind-deps all
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	vg() { want=$$1; shift; rc=0; $(VALGRIND) "$$@" 3>&2 >>$$tmp/stdout 2>>$$tmp/stderr || rc=$$?; \
	  [ $$rc -le $$want ] || { echo "check-valgrind: $$* exited $$rc"; tail -n 20 $$tmp/stderr; exit 1; }; }; \
	for d in tests/golden/*/; do \
	  echo "valgrind: golden $$d"; \
	  vg 1 $(BUILD)/whosaid extract -q -o $$tmp/g $$(cat $$d/args); \
	  for f in quotes.tsv entities.tsv mentions.tsv docs.tsv; do \
	    [ ! -f $$d/$$f ] || diff -u $$d/$$f $$tmp/g/$$f; done; \
	done; \
	echo "valgrind: corpus/ and tests/fuzz/corpus/doc/"; \
	mkdir -p $$tmp/in; for f in tests/fuzz/corpus/doc/*; do cp $$f $$tmp/in/$$(basename $$f).txt; done; \
	vg 1 $(BUILD)/whosaid extract -q -o $$tmp/c corpus $$tmp/in; \
	vg 1 $(BUILD)/whosaid extract corpus $$tmp/in; \
	vg 0 $(BUILD)/whosaid check; \
	vg 2 $(BUILD)/whosaid extract --bogus; \
	echo "check-valgrind: no errors, no leaks"

-include $(FUZZ_TARGETS:%=build-fuzz/fuzz_%.d)

# Each sieve's precision on PolNeAR train: the confidence column of
# rules/sieves.txt. Prints "sieve rows precision" (statements matched with
# the right speaker / statements the sieve made, Jaccard >= 0.5).
confidence: deps all
	@$(MAKE) --no-print-directory eval EVAL_SPLIT=train > /dev/null
	@for s in $$(grep -v '^#' rules/sieves.txt | cut -f1); do \
	  awk -F'\t' -v s=$$s 'NR == 1 || $$20 == s' out/eval-train/quotes.tsv > out/sieve.tsv; \
	  n=$$(($$(wc -l < out/sieve.tsv) - 1)); \
	  p=$$($(BUILD)/whosaid eval --tsv --gold $(POLNEAR)/gold_train.tsv out/sieve.tsv | \
	      awk -F'\t' '$$1 == "all" && $$2 == "0.5" && $$3 == "all" { print $$12 }'); \
	  printf '%-20s %6d %s\n' $$s $$n $$p; \
	done
