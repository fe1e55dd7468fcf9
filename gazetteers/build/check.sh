#!/usr/bin/env bash
# Validate gazetteers/lists.def and every list it names against the format in
# README.md; print entries and bytes per list and the totals. Exit 1 on error.
# Usage: gazetteers/build/check.sh [GAZETTEERS_DIR]
set -euo pipefail
export LC_ALL=C
G="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
status=0
files=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ''|'#'*) continue ;; esac
  read -r f maj min flags extra <<<"$line"
  if [ -n "${extra:-}" ] || [ -z "${flags:-}" ]; then echo "lists.def: bad line: $line" >&2; status=1; continue; fi
  [[ "$maj" =~ ^[a-z][a-z0-9_]*$ && "$min" =~ ^[a-z][a-z0-9_]*$ ]] || { echo "lists.def: bad MAJOR/MINOR: $line" >&2; status=1; }
  [[ "$flags" == "-" || "$flags" =~ ^(fold|stem|ambiguous)(,(fold|stem|ambiguous))*$ ]] || { echo "lists.def: bad FLAGS: $line" >&2; status=1; }
  [ -f "$G/$f" ] || { echo "lists.def: missing file $f" >&2; status=1; continue; }
  files+=("$f:$flags")
done < "$G/lists.def"

total_e=0; total_b=0
printf '%-28s %8s %9s\n' LIST ENTRIES BYTES
for ff in "${files[@]}"; do
  f="${ff%%:*}"; flags="${ff#*:}"
  fold=0; [[ ",$flags," == *",fold,"* ]] && fold=1
  if ! iconv -f UTF-8 -t UTF-8 "$G/$f" >/dev/null 2>&1; then echo "$f: not valid UTF-8" >&2; status=1; fi
  out="$(awk -v F="$f" -v FOLD=$fold '
    function err(m) { printf "%s:%d: %s: %s\n", F, NR, m, $0 > "/dev/stderr"; bad = 1 }
    /\r/ { err("CR character") }
    /^#/ || /^$/ { next }
    {
      n = split($0, fld, "\t")
      if (fld[1] == "") { err("empty entry"); next }
      if (fld[1] ~ /#/) err("# inside entry")
      m = split(fld[1], v, "|")
      for (i = 1; i <= m; i++) {
        s = v[i]
        if (s == "") err("empty form")
        else if (s ~ /^ | $|  /) err("bad spacing in form")
        else if (s ~ /[[:cntrl:]]/) err("control character in form")
        k = FOLD ? tolower(s) : s
        if (k in seen) err("duplicate form \"" s "\" (first at line " seen[k] ")")
        else seen[k] = NR
      }
      delete keys
      for (i = 2; i <= n; i++) {
        if (fld[i] !~ /^[a-z][a-z0-9_]*=[^\t|]+$/) { err("bad feature \"" fld[i] "\""); continue }
        key = substr(fld[i], 1, index(fld[i], "=") - 1); val = substr(fld[i], index(fld[i], "=") + 1)
        if (key in keys) err("repeated feature " key)
        keys[key] = 1
        if (key == "gender" && val !~ /^(male|female|unisex)$/) err("bad gender")
        if (key == "country" && val !~ /^[A-Z][A-Z]$/) err("bad country")
        if (key == "population" && val !~ /^[0-9]+$/) err("bad population")
        if (key == "ambiguous" && val != "1") err("ambiguous must be 1")
        if (key == "category" && val !~ /^(neutral|assertive|concession|denial|directive|evaluative|warning|epistemic)$/) err("bad category")
      }
      entries++
    }
    END { print entries + 0; exit bad }' "$G/$f")" || status=1
  bytes=$(wc -c < "$G/$f")
  printf '%-28s %8d %9d\n' "$f" "$out" "$bytes"
  total_e=$((total_e + out)); total_b=$((total_b + bytes))
done
printf '%-28s %8d %9d\n' TOTAL "$total_e" "$total_b"
[ $status -eq 0 ] && echo "check: OK" || echo "check: FAILED" >&2
exit $status
