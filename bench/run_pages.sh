#!/usr/bin/env bash
# Measure the home, news index and article pages under the production configuration.
# Usage: bench/run_pages.sh [--servers gunicorn,granian] [--postgres] [--workers N] ... (--help)
# See bench/README.md. The Python script stops the server and removes the throwaway data dir
# and database on exit; the trap below also ends its whole process group on Ctrl-C / TERM.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -x .venv/bin/python ] || { echo "No .venv: run 'uv sync --locked' (or bin/run) first." >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
.venv/bin/python bench/pages.py "$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"' INT TERM HUP
wait "$child"
