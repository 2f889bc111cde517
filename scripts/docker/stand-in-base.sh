#!/usr/bin/env bash
# Builds a stand-in for the Dockerfile's base image (node:22-bookworm-slim) where no registry can
# be reached: FROM scratch, with this machine's `node`, the libraries `ldd` lists for it, an
# /etc/passwd naming the `node` user (uid 1000, as the real image) and a world-writable /tmp. It
# has no shell and no npm, so the project's Dockerfile must not need them either. It is tagged
# with the real base's name, so the Dockerfile stays the one a user builds against the registry.
#
#   scripts/docker/stand-in-base.sh [TAG]     (DOCKER_HOST names the daemon; TAG default node:22-bookworm-slim)
#
# An image already tagged TAG that is not a stand-in (a real pull) is left alone.
set -euo pipefail
tag="${1:-node:22-bookworm-slim}"
label=org.authflow-mocks.stand-in

if existing="$(docker image inspect --format "{{ index .Config.Labels \"$label\" }}" "$tag" 2>/dev/null)"; then
  if [ "$existing" != "true" ]; then
    echo "stand-in-base: $tag exists and is not a stand-in; kept" >&2
    exit 0
  fi
fi

node_bin="$(readlink -f "$(command -v node)")"
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
root="$context/rootfs"
mkdir -p "$root/usr/local/bin" "$root/etc" "$root/tmp" "$context/home/node"
chmod 1777 "$root/tmp"
cp "$node_bin" "$root/usr/local/bin/node"

# Every library the dynamic loader resolves for node, at the path it resolves it (symlinks followed),
# and the loader itself.
ldd "$node_bin" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u | while read -r lib; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done

cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/usr/sbin/nologin
node:x:1000:1000::/home/node:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
node:x:1000:
nogroup:x:65534:
GROUP

cat > "$context/Dockerfile" <<DOCKERFILE
FROM scratch
COPY --chown=0:0 rootfs/ /
COPY --chown=1000:1000 home/ /home/
ENV PATH=/usr/local/bin:/usr/bin:/bin NODE_VERSION=$(node --version | tr -d v)
LABEL $label=true
CMD ["node"]
DOCKERFILE
docker build -q -t "$tag" "$context" >/dev/null
# It must run node as the Dockerfile's HEALTHCHECK and ENTRYPOINT do.
docker run --rm --network none --user node "$tag" node -e "process.exit(process.getuid() === 1000 ? 0 : 1)"
echo "stand-in-base: built $tag from $node_bin ($(node --version))"
