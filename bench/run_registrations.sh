#!/usr/bin/env bash
# Fire concurrent registration POSTs at the production configuration; check for overbookings.
# Usage: bench/run_registrations.sh [--requests 1000] [--clients 50] [--sqlite] ... (--help)
# See bench/README.md. The Python script stops the server and removes the throwaway data dir
# and database on exit; the trap below also ends it on Ctrl-C / TERM.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -x .venv/bin/python ] || { echo "No .venv: run 'uv sync --locked' (or bin/run) first." >&2; exit 1; }
.venv/bin/python bench/registrations.py "$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"' INT TERM HUP
wait "$child"
