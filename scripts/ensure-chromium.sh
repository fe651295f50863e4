#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core; asbuilt never downloads a browser.
# Installs the `chromium` apt package when it is missing (needs root or sudo). Idempotent and quiet when present.
set -euo pipefail
if [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "asbuilt: Chromium is missing and this user cannot install it. Run: apt-get install -y chromium" >&2
    exit 1
  fi
fi
echo "asbuilt: installing Debian's chromium package for the browser tests…" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "asbuilt: chromium installed at /usr/lib/chromium/chromium" >&2
