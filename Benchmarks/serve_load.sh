#!/usr/bin/env bash
# Load on the HTTP API: wrk (Debian package) on loopback, 200 connections for 30 s against /api/events and
# /api/control of a store (default: the one Benchmarks/run.sh fills), with the server's peak memory.
#   Benchmarks/serve_load.sh [STORE]
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:-.build/bench/bench.sqlite}
[ -f "$store" ] || { echo "no store at $store: run Benchmarks/run.sh first, or name one" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
swift build -c release --product sitrep >/dev/null
work=$(mktemp -d)
trap 'kill -INT "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$store" "$work/store.sqlite"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.build/release/sitrep serve --db "$work/store.sqlite" --port "$port" 2>/dev/null &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
for path in /api/events /api/control; do
  echo "== $path"
  wrk -t2 -c200 -d30s --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|99%|50%|Non-2xx|Socket errors|requests in"
done
echo "server peak memory: $(awk '/VmHWM/ { print $2, $3 }' /proc/$server/status)"
