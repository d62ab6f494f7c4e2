#!/usr/bin/env bash
# Tests run against Debian's PostgreSQL server; install it on a fresh machine (needs root, as CI is).
set -euo pipefail
if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then exit 0; fi
echo "PostgreSQL server not found: installing Debian's postgresql package"
if [[ $(id -u) -ne 0 ]]; then
  echo "Run as root, or install it yourself: sudo apt-get install -y postgresql" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
