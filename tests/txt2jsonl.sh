#!/bin/sh
# Prints one JSON Lines article per text file given: {"id": ..., "text": ...},
# the id being the file's path after its last "corpus/" (all of it when there
# is none). Plain awk, so a fresh machine needs nothing more; control
# characters other than tab, CR and newline become spaces.
exec awk '
function flush() { if (id != "") printf "{\"id\":\"%s\",\"text\":\"%s\"}\n", id, t }
FNR == 1 { flush(); id = FILENAME; sub(/^.*\/corpus\//, "", id); t = ""; first = 1 }
{ s = $0; gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s);
  gsub(/\r/, "\\r", s); gsub(/[[:cntrl:]]/, " ", s);
  t = t (first ? "" : "\\n") s; first = 0 }
END { flush() }' "$@"
