"""Remove the idempotency keys older than a week (core.idempotency); run daily."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core import idempotency
from core.models import SubmissionKey


class Command(BaseCommand):
    help = "Remove the form submissions' idempotency keys older than a week."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, remove nothing")

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            removed = idempotency.forget_old()
            kept = SubmissionKey.objects.count()
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would remove" if dry_run else "Removed"
        self.stdout.write(f"{verb} {removed} idempotency keys; {kept} kept.")
