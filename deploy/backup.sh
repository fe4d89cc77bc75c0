#!/usr/bin/env bash
# Back up CIOR: the PostgreSQL database (pg_dump, custom format) and the media files (a tarball
# of MEDIA_ROOT), into one new directory.
#
#   deploy/backup.sh [BACKUP_ROOT]        # default /var/backups/cior
#
# Reads DATABASE_URL (postgres://...) and MEDIA_ROOT (default $CIOR_VAR_DIR/media, or
# var/media) from the environment, as the app does: run it with the app's environment,
# e.g. `set -a; . /etc/cior/cior.env; set +a; deploy/backup.sh`. Prints the directory made.
# With media on S3 (AWS_STORAGE_BUCKET_NAME), back the bucket up with the provider's
# versioning or `rclone sync`; this script then saves the database only.
# Restore with deploy/restore.sh DIR. Safe to run while the site serves (pg_dump takes a
# consistent snapshot; media files are only ever added).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${DATABASE_URL:?Set DATABASE_URL (postgres://...)}"
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "DATABASE_URL is not PostgreSQL: copy the SQLite file with sqlite3 .backup instead." >&2; exit 2 ;;
esac
media="${MEDIA_ROOT:-${CIOR_VAR_DIR:-$root/var}/media}"
backup_root="${1:-/var/backups/cior}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dir="$backup_root/cior-$stamp"
mkdir -p "$dir"
chmod 700 "$dir"

pg_dump --format=custom --no-owner --no-privileges --file="$dir/database.dump" --dbname="$DATABASE_URL"
if [ -z "${AWS_STORAGE_BUCKET_NAME:-}" ] && [ -d "$media" ]; then
  tar --create --gzip --file="$dir/media.tar.gz" --directory="$media" .
fi
# What was saved, to check a restore against.
{
  echo "made_at=$stamp"
  echo "database_sha256=$(sha256sum "$dir/database.dump" | cut -d' ' -f1)"
  [ -f "$dir/media.tar.gz" ] && echo "media_files=$(find "$media" -type f | wc -l)"
} >"$dir/manifest"
echo "$dir"
