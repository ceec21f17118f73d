#!/usr/bin/env bash
# Browser test of the copydesk page: installs Debian's chromium and playwright-core if missing,
# starts `copydesk serve` on a free loopback port, runs e2e/page.test.mjs, stops the server.
# Not part of .ci/run (it needs a browser install); run it by hand: bash e2e/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
(cd e2e && [ -d node_modules/playwright-core ] || npm install --no-audit --no-fund --silent)
cargo build --release --quiet
mkdir -p docs
./target/release/copydesk serve --bind 127.0.0.1:0 --no-config 2> /tmp/copydesk-serve.log &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q "listening on" /tmp/copydesk-serve.log && break; sleep 0.1; done
url=$(grep -o "http://[0-9.:]*" /tmp/copydesk-serve.log | head -n 1)
COPYDESK_URL="$url" node e2e/page.test.mjs
