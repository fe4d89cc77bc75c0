"""Erase the passport data of past events once their retention period is over (run daily)."""

from django.core.management.base import BaseCommand

from events import services, tasks


class Command(BaseCommand):
    help = (
        "Blank the passport number, nationality, passport expiry, date and place of birth of "
        "every registration of the events that ended more than passport_retention_days ago. "
        "Run it daily (cron or a systemd timer); a second run finds nothing to do. With "
        "--enqueue the task worker does it (events.tasks.erase_passport_data)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be erased; change nothing."
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the erasure for the task worker (manage.py db_worker) and return.",
        )

    def handle(self, *args, dry_run=False, enqueue=False, **options):
        if enqueue and not dry_run:
            result = tasks.erase_passport_data.enqueue()
            self.stdout.write(
                f"Queued the passport erasure for the task worker (task {result.id})."
            )
            return
        due = services.erase_passport_data(dry_run=dry_run)
        if not due:
            self.stdout.write("No passport data to erase.")
            return
        verb = "Would erase" if dry_run else "Erased"
        for event, count in due:
            self.stdout.write(
                f"{verb} the passport data of {count} registration(s) of "
                f"{event.slug} (ended {event.ends_on}, kept {event.passport_retention_days} days)."
            )
        if dry_run:
            self.stdout.write("Dry run: nothing changed.")
