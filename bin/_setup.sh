# Shared set-up for bin/run and bin/test: installs what is missing, changes nothing else.
# Sourced, not run. Idempotent: a second run installs nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.local/bin:$PATH"
export UV_PYTHON_DOWNLOADS=never

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

apt_updated=""
apt_install() {
  # Install the Debian packages given, only those not installed yet.
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    $sudo apt-get update -qq
    apt_updated=1
  fi
  say "Installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_python() {
  command -v python3 >/dev/null || apt_install python3
  python3 -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' || {
    echo "Python 3.11 is required (found $(python3 --version))." >&2
    exit 1
  }
}

ensure_uv() {
  command -v uv >/dev/null && return 0
  say "Installing uv"
  if ! python3 -m pip --version >/dev/null 2>&1; then
    apt_install python3-pip
  fi
  python3 -m pip install --user --quiet uv 2>/dev/null ||
    python3 -m pip install --user --quiet --break-system-packages uv
  command -v uv >/dev/null || { echo "uv could not be installed" >&2; exit 1; }
}

ensure_system_libraries() {
  # gettext for compilemessages; Pango and fonts for WeasyPrint's PDFs.
  if command -v dpkg-query >/dev/null; then
    apt_install gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
  fi
}

ensure_environment() {
  ensure_python
  ensure_uv
  ensure_system_libraries
  say "Syncing the locked Python environment (uv sync --locked)"
  uv sync --locked --quiet
  export VIRTUAL_ENV="$ROOT/.venv"
  export PATH="$ROOT/.venv/bin:$PATH"
}

compile_messages() {
  python manage.py compilemessages --ignore=.venv -v 0
}

ensure_postgres() {
  # Start PostgreSQL when it is not answering on 127.0.0.1:5432, installing it if needed,
  # and make sure the role running the tests exists.
  if ! command -v pg_isready >/dev/null || ! pg_isready -q -h 127.0.0.1 -p 5432; then
    command -v pg_ctlcluster >/dev/null || apt_install postgresql
    local version
    version="$(ls /etc/postgresql | sort -n | tail -1)"
    [ -n "$version" ] || { echo "No PostgreSQL cluster found" >&2; exit 1; }
    say "Starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not start" >&2; exit 1; }
  fi
  local me
  me="$(id -un)"
  if ! psql -h /var/run/postgresql -d postgres -Atc 'select 1' >/dev/null 2>&1; then
    say "Creating the PostgreSQL role $me"
    su postgres -c "createuser --superuser $me" 2>/dev/null || true
  fi
}
