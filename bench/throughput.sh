#!/usr/bin/env bash
# End-to-end throughput on a generated corpus: bench/throughput.sh [ARTICLES] [DIR]
# Generates the corpus deterministically (examples/gen_corpus.rs), then times copydesk on it.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
dir="${2:-/tmp/copydesk-corpus-$n}"
cargo build --release --quiet --example gen_corpus
cargo build --release --quiet
[ -d "$dir" ] || ./target/release/examples/gen_corpus "$n" "$dir"
bytes=$(find "$dir" -name "*.txt" -printf "%s\n" | awk "{s+=\$1} END {print s}")
for jobs in 1 2; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o /tmp/copydesk-rss ./target/release/copydesk check -j "$jobs" --format concise "$dir" >/dev/null || true
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  rss=$(tail -n 1 /tmp/copydesk-rss)
  printf 'jobs=%s files=%s bytes=%s seconds=%.2f MB/s=%.2f max RSS=%s KB\n' "$jobs" "$n" "$bytes" "$secs" "$(echo "$bytes / 1000000 / $secs" | bc -l)" "$rss"
done
