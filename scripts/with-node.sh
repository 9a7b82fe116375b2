#!/bin/sh
# Runs a command with Node >= 22.12 first on PATH. Where the machine's Node is
# older, installs the npm registry's node@24 into .tools/ (git-ignored) once.
set -e
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
tools="$root/.tools"
node_ok() {
  command -v node >/dev/null 2>&1 && node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if [ -x "$tools/node_modules/.bin/node" ]; then
  PATH="$tools/node_modules/.bin:$PATH"
elif ! node_ok; then
  echo "with-node: Node $(node -v 2>/dev/null || echo none) is older than 22.12; installing node@24 from the npm registry into .tools/" >&2
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"private":true}' >"$tools/package.json"
  npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error node@24 >&2
  PATH="$tools/node_modules/.bin:$PATH"
fi
PATH="$root/node_modules/.bin:$PATH"
export PATH
exec "$@"
