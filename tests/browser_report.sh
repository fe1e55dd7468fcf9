#!/bin/sh
# Browser test of the compare report: builds it for tests/compare/extract,
# loads it in headless chromium, checks the charts and a known speaker are in
# the DOM and that the crafted quote's script did not run, and saves a
# screenshot to out/report.png. Usage: tests/browser_report.sh build/whosaid
set -eu
bin=${1:-build/whosaid}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "browser test: no chromium (run make browser-deps)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" compare -q -o "$tmp/r" tests/compare/extract
run() {
	timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
	  --disable-component-update --disable-sync --no-first-run --user-data-dir="$tmp/profile" \
	  "$@" "file://$tmp/r/report.html" 2>"$tmp/chromium.log"
}
run --dump-dom >"$tmp/dom.html" || { tail -n 20 "$tmp/chromium.log"; exit 1; }
fail=0
check() { # description, then a command that must succeed
	what=$1; shift
	if "$@"; then echo "browser test: ok: $what"; else echo "browser test: FAILED: $what"; fail=1; fi
}
svgs=$(grep -o '<svg' "$tmp/dom.html" | wc -l)
check "five SVG charts in the DOM (found $svgs)" [ "$svgs" -eq 5 ]
check "rects drawn in the charts" grep -q '<rect' "$tmp/dom.html"
check "a known speaker in the DOM" grep -q 'Volodymyr Zelenskiy' "$tmp/dom.html"
check "the crafted quote shown as text" grep -q '&lt;script&gt;document.title' "$tmp/dom.html"
check "no script element" sh -c "! grep -q '<script' '$tmp/dom.html'"
check "the crafted script did not add its element" sh -c "! grep -q '<xssran' '$tmp/dom.html'"
check "the crafted script did not set the title" sh -c "! grep -q '<title>owned' '$tmp/dom.html'"
mkdir -p out
run --screenshot="$tmp/report.png" --window-size=1280,900 >/dev/null || { tail -n 20 "$tmp/chromium.log"; exit 1; }
cp "$tmp/report.png" out/report.png
check "screenshot saved to out/report.png" test -s out/report.png
exit $fail
