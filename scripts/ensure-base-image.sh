#!/usr/bin/env bash
# Builds the local base image the container-image tests use in place of a registry image
# (Debian bookworm with openjdk-17-jre-headless, from Debian's own mirror), unless it exists.
# Usage: ensure-base-image.sh [IMAGE]   (default localhost/chuk-debian-jre:17)
set -euo pipefail
image="${1:-localhost/chuk-debian-jre:17}"
if podman image exists "$image"; then
  exit 0
fi
mirror=""
for sources in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
  [ -r "$sources" ] || continue
  mirror=$(grep -m1 -oE 'https?://[^ ]+/debian/?( |$)' "$sources" | tr -d ' ' || true)
  [ -n "$mirror" ] && break
done
mirror="${mirror:-http://deb.debian.org/debian}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
dir=$(mktemp -d /var/tmp/chuk-rootfs.XXXXXX)
trap '$sudo rm -rf "$dir"' EXIT
echo "debootstrap bookworm from $mirror into $dir ..." >&2
$sudo debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$dir" "$mirror" >&2
$sudo rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
$sudo tar -C "$dir" -c . | podman import --change 'CMD ["/bin/bash"]' - "$image" >&2
