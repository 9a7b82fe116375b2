#!/bin/sh
# Finds a system Chromium for the browser tests, installing Debian's package
# when none is there and apt-get can run as root. Never downloads a browser
# any other way (no `playwright install`).
set -e
for candidate in "${CHROME_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    exit 0
  fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium and fonts-noto-cjk" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >&2
  exit 0
fi
echo "ensure-chromium: no Chromium found. Install Debian's 'chromium' and 'fonts-noto-cjk' packages (apt-get install chromium fonts-noto-cjk) or set CHROME_PATH to a Chromium binary." >&2
exit 1
