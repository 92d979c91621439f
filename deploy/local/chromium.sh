#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the web client's end-to-end test (playwright-core drives
# /usr/bin/chromium; no browser is ever downloaded by npm), with a Japanese font so the Japanese screens render in
# the screenshots. Installs with apt only what is missing (root only).
# Usage: deploy/local/chromium.sh
set -euo pipefail
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/opentype/ipafont-gothic ] || missing+=(fonts-ipafont-gothic)
if [ "${#missing[@]}" -eq 0 ]; then
  log "chromium present: $(/usr/bin/chromium --version 2> /dev/null || echo /usr/bin/chromium)"
  exit 0
fi
[ "$(id -u)" -eq 0 ] || die "${missing[*]} not installed and installing needs root: apt-get install -y ${missing[*]}"
mkdir -p "$TECHO_LOCAL"
log "installing ${missing[*]} from Debian packages"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > "$TECHO_LOCAL/chromium-apt.log" 2>&1 \
  || { tail -20 "$TECHO_LOCAL/chromium-apt.log" >&2; die "apt-get install ${missing[*]} failed; log: $TECHO_LOCAL/chromium-apt.log"; }
log "chromium ready: $(/usr/bin/chromium --version 2> /dev/null)"
