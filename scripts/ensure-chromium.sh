#!/usr/bin/env bash
# What npm test needs from Debian beyond Node: Chromium for the browser tests (driven through playwright-core;
# asbuilt never downloads a browser), and zsh and fish to prove the completion scripts load and complete.
# Installs the missing apt packages (needs root or sudo). Idempotent and quiet when everything is present.
set -euo pipefail
missing=()
if ! { [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1; }; then missing+=(chromium); fi
command -v zsh >/dev/null 2>&1 || missing+=(zsh)
command -v fish >/dev/null 2>&1 || missing+=(fish)
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "asbuilt: ${missing[*]} missing and this user cannot install them. Run: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "asbuilt: installing Debian's ${missing[*]} for the tests…" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "asbuilt: installed ${missing[*]}" >&2
