#!/usr/bin/env bash
# The GitHub Action's start step (action.yml): installs authflow-mocks, starts `serve` in the
# background on 127.0.0.1, waits until GET /healthz answers, and exports its base URL.
#
# Inputs (as the Action passes them): INPUT_VERSION (an npm version or range of authflow-mocks,
# default latest; or the path of a built checkout, e.g. `.` after `npm ci`), INPUT_CONFIG (a config
# file), INPUT_PORT (default 4010), INPUT_PROVIDERS (comma-separated ids; default all).
# Writes AUTHFLOW_MOCKS_URL to $GITHUB_ENV, `url` and `pid` to $GITHUB_OUTPUT. The server's output
# goes to $RUNNER_TEMP/authflow-mocks/serve.log; scripts/action/stop.sh ends it.
set -euo pipefail

version="${INPUT_VERSION:-latest}"
port="${INPUT_PORT:-4010}"
work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/authflow-mocks"
mkdir -p "$work"

if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  echo "::error::authflow-mocks: port must be 1-65535, got '$port'"
  exit 2
fi

case "$version" in
.* | /*)
  cli="$(cd "$version" && pwd)/dist/cli/cli.js"
  if [ ! -f "$cli" ]; then
    echo "::error::authflow-mocks: $cli not found (run npm ci, which builds it, first)"
    exit 2
  fi
  ;;
*)
  npm install --prefix "$work/package" --no-audit --no-fund --no-save --omit=dev --loglevel=error \
    "authflow-mocks@$version" >/dev/null
  cli="$work/package/node_modules/authflow-mocks/dist/cli/cli.js"
  ;;
esac

args=(serve --host 127.0.0.1 --port "$port" --quiet)
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
if [ -n "${INPUT_PROVIDERS:-}" ]; then args+=(--provider "${INPUT_PROVIDERS// /}"); fi

log="$work/serve.log"
# Its own session: the job's later steps and their signals do not reach it; stop.sh (or the
# runner's clean-up of orphan processes at the end of the job) ends it.
setsid node "$cli" "${args[@]}" >"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$work/serve.pid"

url="http://127.0.0.1:$port"
for _ in $(seq 1 300); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "::error::authflow-mocks exited before answering; its output:"
    cat "$log"
    exit 1
  fi
  if node -e "fetch('$url/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    echo "authflow-mocks: healthy at $url (pid $pid)"
    if [ -n "${GITHUB_ENV:-}" ]; then echo "AUTHFLOW_MOCKS_URL=$url" >>"$GITHUB_ENV"; fi
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
      echo "url=$url" >>"$GITHUB_OUTPUT"
      echo "pid=$pid" >>"$GITHUB_OUTPUT"
    fi
    exit 0
  fi
  sleep 0.2
done
echo "::error::authflow-mocks did not answer $url/healthz within 60 s; its output:"
cat "$log"
kill "$pid" 2>/dev/null || true
exit 1
