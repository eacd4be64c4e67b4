#!/usr/bin/env bash
# Installs the named Debian packages with apt (through sudo when not root); the ensure-*.sh
# scripts call it with what they found missing. Exits non-zero when it cannot.
set -euo pipefail
[ $# -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root to install: $*" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing $* ..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
$sudo apt-get install -o DPkg::Lock::Timeout=120 -y -qq --no-install-recommends "$@" >&2
