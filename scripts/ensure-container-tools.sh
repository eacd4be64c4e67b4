#!/usr/bin/env bash
# Installs what the container-image tests need to build and run images without a registry or a
# Docker engine (podman, with runc as its runtime, and debootstrap for the base image), when they
# are missing. Needs root (or sudo) and Debian's package registry; exits non-zero when it cannot.
set -euo pipefail
missing=()
command -v podman >/dev/null 2>&1 || missing+=(podman)
command -v debootstrap >/dev/null 2>&1 || [ -x /usr/sbin/debootstrap ] || missing+=(debootstrap)
[ -x /usr/sbin/runc ] || missing+=(runc)
bash "$(dirname "$0")/apt-install.sh" ${missing[@]+"${missing[@]}"}
