#!/usr/bin/env bash
# Two app servers on this machine behind the edge cache, sharing one PostgreSQL and one Redis
# (see deploy/two_servers.py). Installs nginx and Redis (Debian packages) and starts
# PostgreSQL when missing.
#
#   deploy/two_servers.sh --check     # set up, check, clean up: the step bin/test runs
#   deploy/two_servers.sh --serve     # set up and serve until Ctrl-C
#
# With --check, exits 0 with a message (a skip) when nginx cannot be installed here.
source "$(dirname "$0")/../bin/_setup.sh"
[ -x .venv/bin/python ] || ensure_environment
if ! command -v nginx >/dev/null; then
  if ! (apt_install nginx) || ! command -v nginx >/dev/null; then
    echo "SKIP two servers: nginx cannot be installed here." >&2
    exit 0
  fi
fi
command -v redis-server >/dev/null || apt_install redis-server
ensure_postgres
# Debian starts the packaged nginx on port 80 when it installs it: not ours, left alone.
.venv/bin/python deploy/two_servers.py "$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"' INT TERM HUP
wait "$child"
