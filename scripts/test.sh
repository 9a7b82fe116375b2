#!/bin/sh
# The whole suite: lint, type check, then unit, Nuxt and browser tests.
# The browser tests build the app once and run against that one server.
set -e
export NUXT_TELEMETRY_DISABLED=1
sh scripts/ensure-chromium.sh
sh scripts/ensure-fault-services.sh
echo "== lint" && eslint .
echo "== typecheck" && nuxt typecheck
echo "== tests" && vitest run "$@"
