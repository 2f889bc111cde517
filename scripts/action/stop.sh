#!/usr/bin/env bash
# The GitHub Action's stop step (`stop: true`): ends the server start.sh started (SIGTERM: requests
# in flight finish) and prints the end of its output. Safe to run when nothing was started.
set -uo pipefail
work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/authflow-mocks"
if [ ! -f "$work/serve.pid" ]; then
  echo "authflow-mocks: not running"
  exit 0
fi
pid="$(cat "$work/serve.pid")"
if kill -TERM "$pid" 2>/dev/null; then
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
fi
rm -f "$work/serve.pid"
echo "authflow-mocks: stopped (pid $pid); the end of its output:"
tail -n 20 "$work/serve.log" 2>/dev/null || true
