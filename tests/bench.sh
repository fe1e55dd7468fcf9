#!/bin/sh
# make bench: builds a corpus of at least BENCH_MB megabytes of article text
# by repeating BENCH_CORPUS (default corpus/) in a temporary directory, and
# the same articles as one JSON Lines file; runs the full extraction at -j1
# and -j2 (best of BENCH_RUNS) and prints MB/s, documents/s, peak RSS (from
# /usr/bin/time -v) and the engine load time. The corpus is removed after.
set -eu
BIN=${1:-build/whosaid}
SRC=${BENCH_CORPUS:-corpus}
MIN_MB=${BENCH_MB:-50}
RUNS=${BENCH_RUNS:-2}
TIME=/usr/bin/time

[ -x "$BIN" ] || { echo "bench: no $BIN: run make first" >&2; exit 2; }
[ -d "$SRC" ] || { echo "bench: no corpus directory $SRC (set BENCH_CORPUS=DIR)" >&2; exit 2; }
[ -x "$TIME" ] || { echo "bench: no $TIME: apt-get install time" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

txt_bytes() { find "$1" -name '*.txt' -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }

size=$(txt_bytes "$SRC")
[ "$size" -gt 0 ] || { echo "bench: no *.txt files under $SRC" >&2; exit 2; }
target=$((MIN_MB * 1000000))
# Doubling: copy 0 is the corpus, then the whole set is copied next to
# itself until it is large enough, so a small corpus needs few cp calls.
mkdir "$tmp/corpus" "$tmp/corpus/c0"
cp -r "$SRC/." "$tmp/corpus/c0/"
have=$size
n=1
while [ "$have" -lt "$target" ]; do
	mkdir "$tmp/next"
	for d in "$tmp"/corpus/c*; do
		cp -r "$d" "$tmp/next/c$n"
		n=$((n + 1))
		have=$((have + $(txt_bytes "$d")))
		[ "$have" -ge "$target" ] && break
	done
	mv "$tmp"/next/c* "$tmp/corpus/"
	rmdir "$tmp/next"
done
docs=$(find "$tmp/corpus" -name '*.txt' -type f | wc -l)

# The same articles as JSON Lines (no tool but awk needed).
find "$tmp/corpus" -name '*.txt' -type f | sort | xargs "$(dirname "$0")/txt2jsonl.sh" > "$tmp/corpus.jsonl"

printf 'bench: %s documents, %.1f MB of text (%s repeated), %s\n' "$docs" \
	"$(echo "$have" | awk '{print $1 / 1e6}')" "$SRC" "$(nproc) cores"
"$BIN" check >/dev/null || { echo "bench: whosaid check fails" >&2; exit 2; }

json_num() { sed -n "s/.*\"$1\": *\\([0-9.e+-]*\\).*/\\1/p" "$2" | head -1; }

# One configuration, best of RUNS: prints "secs bytes docs rss_kb load".
measure() {
	best=""
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -rf "$tmp/out"
		$TIME -v -o "$tmp/time" "$BIN" extract -q "$@" -o "$tmp/out" >/dev/null 2>"$tmp/err" ||
			[ $? -eq 1 ] || { cat "$tmp/err" >&2; exit 1; }
		secs=$(json_num run_seconds "$tmp/out/run.json")
		rss=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$tmp/time")
		line="$secs $(json_num bytes "$tmp/out/run.json") $(json_num documents "$tmp/out/run.json") $rss $(json_num load_seconds "$tmp/out/run.json")"
		if [ -z "$best" ] || awk -v a="$secs" -v b="${best%% *}" 'BEGIN {exit !(a < b)}'; then
			best=$line
		fi
		i=$((i + 1))
	done
	echo "$best"
}

report() {
	echo "$2" | awk -v name="$1" '{
		printf "%-12s %7.2f s  %8.1f MB/s  %8.0f docs/s  peak RSS %6.1f MB  load %.3f s\n",
		       name, $1, $2 / 1e6 / $1, $3 / $1, $4 / 1024, $5 }'
}

"$BIN" extract -q -j1 -o "$tmp/out" "$tmp/corpus" >/dev/null 2>&1 || true	# warm the page cache
r1=$(measure -j1 "$tmp/corpus")
r2=$(measure -j2 "$tmp/corpus")
rj=$(measure -j2 "$tmp/corpus.jsonl")
echo "           (seconds of extraction after the engine is loaded; best of $RUNS)"
report "dir -j1" "$r1"
report "dir -j2" "$r2"
report "jsonl -j2" "$rj"
echo "$r1 $r2" | awk '{
	mb1 = $2 / 1e6 / $1; mb2 = $7 / 1e6 / $6; sp = mb2 / mb1; rss = ($4 > $9 ? $4 : $9) / 1024
	printf "speed-up -j2/-j1: %.2fx\n", sp
	printf "targets: -j1 >= 100 MB/s: %s; -j2 >= 1.8x: %s; RSS < 200 MB: %s\n",
	       (mb1 >= 100 ? "met" : "NOT MET"), (sp >= 1.8 ? "met" : "NOT MET"),
	       (rss < 200 ? "met" : "NOT MET") }'
