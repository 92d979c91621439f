#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the web client's end-to-end test (playwright-core drives
# /usr/bin/chromium; no browser is ever downloaded by npm). Installs it with apt only when it is missing (root only).
# Usage: deploy/local/chromium.sh
set -euo pipefail
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if [ -x /usr/bin/chromium ]; then
  log "chromium present: $(/usr/bin/chromium --version 2> /dev/null || echo /usr/bin/chromium)"
  exit 0
fi
[ "$(id -u)" -eq 0 ] || die "chromium is not installed and installing it needs root: apt-get install -y chromium"
mkdir -p "$TECHO_LOCAL"
log "installing chromium from Debian packages"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > "$TECHO_LOCAL/chromium-apt.log" 2>&1 \
  || { tail -20 "$TECHO_LOCAL/chromium-apt.log" >&2; die "apt-get install chromium failed; log: $TECHO_LOCAL/chromium-apt.log"; }
log "chromium installed: $(/usr/bin/chromium --version 2> /dev/null)"
