#!/usr/bin/env bash
# A private Docker daemon with its own directories, for CI and the container tests, on machines
# without systemd (or where the system's daemon must not be touched):
#
#   scripts/docker/dockerd.sh start DIR   starts dockerd with everything under DIR and prints its
#                                         DOCKER_HOST (unix://DIR/docker.sock) once it answers
#   scripts/docker/dockerd.sh stop DIR    stops it, unmounts what it left under DIR/exec, removes DIR
#
# No bridge and no iptables rules are set up (--bridge none): containers use --network host.
set -euo pipefail
command="${1:-}"
dir="${2:-}"
if [ -z "$dir" ] || { [ "$command" != start ] && [ "$command" != stop ]; }; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

case "$command" in
start)
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  sock="$dir/docker.sock"
  # setsid: the daemon is in its own session, so a Ctrl-C in the terminal reaches the tests, not it;
  # the stop command (or the tests' teardown) ends it.
  setsid dockerd -H "unix://$sock" --data-root "$dir/data" --exec-root "$dir/exec" \
    --pidfile "$dir/dockerd.pid" --bridge none --iptables=false --ip6tables=false \
    >"$dir/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 150); do
    if DOCKER_HOST="unix://$sock" docker version >/dev/null 2>&1; then
      echo "unix://$sock"
      exit 0
    fi
    if ! kill -0 $! 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "dockerd did not start; its log:" >&2
  tail -n 20 "$dir/dockerd.log" >&2 || true
  exit 1
  ;;
stop)
  [ -d "$dir" ] || exit 0
  dir="$(cd "$dir" && pwd)"
  if [ -f "$dir/dockerd.pid" ]; then
    pid="$(cat "$dir/dockerd.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      # Running containers first, so the daemon stops within its own timeout.
      ids="$(DOCKER_HOST="unix://$dir/docker.sock" docker ps -q 2>/dev/null || true)"
      if [ -n "$ids" ]; then
        # shellcheck disable=SC2086
        DOCKER_HOST="unix://$dir/docker.sock" docker rm -f $ids >/dev/null 2>&1 || true
      fi
      kill -TERM "$pid"
      for _ in $(seq 1 150); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
      done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
  fi
  # Mounts the daemon left behind (its own shm, overlay layers, netns files), deepest first.
  if [ -r /proc/self/mounts ]; then
    awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r | while read -r m; do
      umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
  fi
  rm -rf "$dir"
  ;;
esac
