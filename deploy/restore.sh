#!/usr/bin/env bash
# Restore a CIOR backup made by deploy/backup.sh: the database (pg_restore into the database
# DATABASE_URL names, which must exist, emptied first) and the media files (MEDIA_ROOT
# replaced by the tarball's content).
#
#   deploy/restore.sh BACKUP_DIR [--yes]
#
# Stop the app servers and the task worker first (systemctl stop cior-gunicorn cior-worker),
# restore, then clear the shared cache (redis-cli -u "$REDIS_URL" flushdb), start them again
# and purge the edge cache (rm -rf /var/cache/nginx/cior/* && systemctl reload nginx).
# Without --yes it asks before replacing anything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:?Usage: deploy/restore.sh BACKUP_DIR [--yes]}"
: "${DATABASE_URL:?Set DATABASE_URL (postgres://...)}"
media="${MEDIA_ROOT:-${CIOR_VAR_DIR:-$root/var}/media}"
[ -f "$dir/database.dump" ] || { echo "No database.dump in $dir" >&2; exit 2; }
if [ -f "$dir/manifest" ]; then
  expected="$(sed -n 's/^database_sha256=//p' "$dir/manifest")"
  actual="$(sha256sum "$dir/database.dump" | cut -d' ' -f1)"
  [ "$expected" = "$actual" ] || { echo "database.dump does not match its manifest" >&2; exit 2; }
fi
if [ "${2:-}" != "--yes" ]; then
  read -r -p "Replace the database and $media with $dir? [y/N] " answer
  [ "$answer" = "y" ] || exit 1
fi

# One transaction: a failed restore leaves the database as it was.
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
  --exit-on-error --dbname="$DATABASE_URL" "$dir/database.dump"
if [ -f "$dir/media.tar.gz" ]; then
  mkdir -p "$media"
  find "$media" -mindepth 1 -delete
  tar --extract --gzip --file="$dir/media.tar.gz" --directory="$media"
fi
echo "Restored $dir"
