#!/usr/bin/env bash
# Time copydesk against the tools an editor might pick instead, on the same generated corpus:
# proselint (PyPI), textlint with write-good (npm), harper.js (npm, run under node). Each peer is
# timed only when installed; the script prints seconds and the ratio to copydesk.
#   bench/compare.sh [ARTICLES]
set -uo pipefail
cd "$(dirname "$0")/.."
n="${1:-500}"
dir="/tmp/copydesk-corpus-$n"
cargo build --release --quiet --example gen_corpus && cargo build --release --quiet
[ -d "$dir" ] || ./target/release/examples/gen_corpus "$n" "$dir"
files=$(find "$dir" -name '*.txt' | sort)
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
base=$(t ./target/release/copydesk check --format concise "$dir")
printf '%-28s %8.2f s\n' "copydesk" "$base"
if command -v proselint >/dev/null; then
  p=$(t sh -c "echo \"$files\" | xargs proselint check")
  printf '%-28s %8.2f s  (%.0fx copydesk)\n' "proselint" "$p" "$(echo "$p / $base" | bc -l)"
else echo "proselint: not installed (pip install proselint)"; fi
if [ -x bench/node_modules/.bin/textlint ]; then
  p=$(t bench/node_modules/.bin/textlint --rule write-good $files)
  printf '%-28s %8.2f s  (%.0fx copydesk)\n' "textlint + write-good" "$p" "$(echo "$p / $base" | bc -l)"
else echo "textlint: not installed (cd bench && npm install textlint textlint-rule-write-good)"; fi
if [ -d bench/node_modules/harper.js ]; then
  p=$(t node bench/harper.mjs $files)
  printf '%-28s %8.2f s  (%.0fx copydesk)\n' "harper.js" "$p" "$(echo "$p / $base" | bc -l)"
else echo "harper.js: not installed (cd bench && npm install harper.js)"; fi
