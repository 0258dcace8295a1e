#!/usr/bin/env bash
# Installs headless Chromium and its WebDriver from Debian's packages when either is missing; the
# console's browser test (test/e2e ConsoleBrowserIT) drives them. Idempotent: a second run only
# checks. Needs root or sudo on a Debian or Ubuntu machine.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }
if have chromium && have chromedriver; then
  exit 0
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  have sudo || { echo "[install-browser] chromium/chromedriver missing and not root (no sudo)" >&2; exit 1; }
  sudo="sudo -n"
fi
have apt-get || { echo "[install-browser] chromium/chromedriver missing and no apt-get" >&2; exit 1; }
echo "[install-browser] installing chromium and chromium-driver (Debian packages)"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
have chromium && have chromedriver
echo "[install-browser] $(chromium --version 2>/dev/null | head -n 1)"
