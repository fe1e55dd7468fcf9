# whosaid: build, test and run. `make run` and `make test` are the whole set-up
# on a fresh Debian 12 machine: both install missing packages first (`make deps`).

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
            libutf8proc-dev libjansson-dev zlib1g-dev time
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

LIB_SRC  := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_OBJ := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.o)

.PHONY: all deps run test unit check-asan clean install eval bench gazetteers gazetteers-verify golden-update

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
	$(AR) rcs $@ $^

$(BUILD)/whosaid: $(BUILD)/main.o $(BUILD)/libwhosaid.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/unit: $(TEST_OBJ) $(BUILD)/libwhosaid.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ -lcriterion $(LDLIBS)

# One Criterion binary holds the unit tests and the golden tests, so the run ends
# with Criterion's summary line.
test: deps
	@$(MAKE) --no-print-directory all $(BUILD)/unit
	$(BUILD)/unit -j2

check-asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=all' all build-asan/unit
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build-asan/unit -j2

run: deps all
	@$(BUILD)/whosaid extract -o out corpus

clean:
	rm -rf build build-asan out

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/whosaid
	install -m 755 $(BUILD)/whosaid $(DESTDIR)$(PREFIX)/bin/whosaid
	cp -r rules gazetteers $(DESTDIR)$(PREFIX)/share/whosaid/

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
	  out/eval-$(EVAL_SPLIT)/quotes.tsv
