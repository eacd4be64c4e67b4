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
bash "$(dirname "$0")/apt-install.sh" ${missing[@]+"${missing[@]}"}
