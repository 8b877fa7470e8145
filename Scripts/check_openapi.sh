#!/usr/bin/env bash
# Checks the committed OpenAPI file against a running server with schemathesis (PyPI): every operation is
# called with generated valid and invalid input; no answer may be a server error or disagree with the file
# (status codes, content types, response schemas).
#   Scripts/check_openapi.sh                 fixed seed (CI)
#   SEED=random Scripts/check_openapi.sh     a new seed each run
set -euo pipefail
cd "$(dirname "$0")/.."
examples=${MAX_EXAMPLES:-40}
seed=${SEED:-20210812}
venv=.build/schemathesis-venv
if [ ! -x "$venv/bin/st" ]; then
  echo "check_openapi: installing schemathesis into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q schemathesis
fi
swift build --product sitrep >/dev/null
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
.build/debug/sitrep ingest Tests/Fixtures/Server/store.jsonl --db "$work/store.sqlite" 2>/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=schemathesis-token-0123
.build/debug/sitrep serve --db "$work/store.sqlite" --port "$port" --token "$token" 2>"$work/server.log" &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
"$venv/bin/st" --config-file Scripts/schemathesis.toml run Sources/SitrepServer/Data/openapi.json --url "http://127.0.0.1:$port" \
  --checks all --max-examples "$examples" $([ "$seed" = random ] || echo "--seed $seed") -H "Authorization: Bearer $token" --no-color
