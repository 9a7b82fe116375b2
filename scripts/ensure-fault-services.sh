#!/bin/sh
# The fault tests (tests/e2e/faults/) start a PostgreSQL and a Redis of their
# own on free ports, from Debian's binaries: initdb/pg_ctl under
# /usr/lib/postgresql/*/bin and redis-server. Installs Debian's packages when
# they are missing and apt-get can run as root; never downloads them any other way.
set -e
have_pg() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
have_redis() { command -v redis-server >/dev/null 2>&1; }
if have_pg && have_redis; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-fault-services: installing Debian's postgresql and redis-server" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql redis-server >&2
  exit 0
fi
echo "ensure-fault-services: the fault tests need Debian's 'postgresql' (initdb, pg_ctl) and 'redis-server' packages: apt-get install postgresql redis-server" >&2
exit 1
