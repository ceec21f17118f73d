#!/usr/bin/env bash
# Fuzz copydesk with cargo-fuzz (libFuzzer): fuzz/run.sh [SECONDS-PER-TARGET]
# Not part of CI. cargo-fuzz needs nightly features; on a stable toolchain RUSTC_BOOTSTRAP=1
# enables them. Seeds the corpora with the fixture articles and rule packs.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-120}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
export RUSTC_BOOTSTRAP=1
for t in article lint_and_fix rules_file; do
  mkdir -p "fuzz/corpus/$t"
  if [ "$t" = rules_file ]; then cp rules/*.toml "fuzz/corpus/$t/"; else cp fixtures/*/*.txt fixtures/markdown/*.md fixtures/html/*.html "fuzz/corpus/$t/"; fi
  cargo fuzz run "$t" "fuzz/corpus/$t" -- -max_total_time="$secs" -max_len=20000
done
