#!/usr/bin/env bash
# Installs the real programs the end-to-end tests drive (telnet, expect, plink, HAProxy in front
# of the telnet port, headless Chromium for a browser page, the TinTin++ MUD client, and redis-server for the cluster tests), when they are missing. Needs root (or sudo) and Debian's package registry; prints what it did.
set -euo pipefail
missing=()
command -v telnet >/dev/null 2>&1 || missing+=(telnet)
command -v expect >/dev/null 2>&1 || missing+=(expect)
command -v plink >/dev/null 2>&1 || missing+=(putty-tools)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Debian installs TinTin++ (a MUD client) under /usr/games, which is not on every PATH.
command -v tt++ >/dev/null 2>&1 || [ -x /usr/games/tt++ ] || missing+=(tintin++)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing ${missing[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
$sudo apt-get install -o DPkg::Lock::Timeout=120 -y -qq --no-install-recommends "${missing[@]}" >&2
