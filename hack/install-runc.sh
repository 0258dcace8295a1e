#!/usr/bin/env bash
# Makes sure runc is on PATH: ImageRunIT (test/e2e) runs the transport controller's image with it.
# Installs Debian's runc package when it is missing (as root, with apt-get).
#
#   hack/install-runc.sh
set -euo pipefail

if command -v runc >/dev/null; then
  exit 0
fi
die() { printf 'install-runc: error: %s\n' "$*" >&2; exit 1; }
command -v apt-get >/dev/null || die "runc is not installed and apt-get is missing; install runc"
[[ $(id -u) -eq 0 ]] || die "runc is not installed; install it as root: apt-get install runc"
echo "[install-runc] apt-get install runc" >&2
if ! apt-cache show runc >/dev/null 2>&1; then
  apt-get update -qq >&2
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq runc >&2
command -v runc >/dev/null || die "runc still not on PATH after apt-get install"
