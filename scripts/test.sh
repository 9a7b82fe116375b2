#!/bin/sh
# The whole suite: lint, type check, then unit, Nuxt and browser tests.
# The browser tests build the app once and run against that one server.
set -e
export NUXT_TELEMETRY_DISABLED=1
# PORTAL_TEST_CLOCK_SHIFT=+365d npm test: every Node process of the run (tests, servers, CLIs)
# believes the date is that far away (tests/support/clock-shift.mjs; test runs only).
if [ -n "${PORTAL_TEST_CLOCK_SHIFT:-}" ]; then
  export NODE_OPTIONS="${NODE_OPTIONS:-} --import=$(pwd)/tests/support/clock-shift.mjs"
fi
sh scripts/ensure-chromium.sh
sh scripts/ensure-fault-services.sh
echo "== lint" && eslint .
echo "== typecheck" && nuxt typecheck
echo "== tests" && vitest run "$@"
