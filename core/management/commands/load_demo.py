"""Load the demo content: the seed pages in English and French, records, news, photos."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo.pages import DemoContext

# Each app's demo loader, in dependency order; each is `load(context)` and idempotent.
LOADERS = [
    "core.demo.site",
    "nations.demo",
    "governance.demo",
    "accounts.demo",
    "news.demo",
    "events.demo",
    "events.demo_pages",
    "milcomp.demo",
    "academy.demo",
    "awards.demo",
    "core.demo.finish",
]


class Command(BaseCommand):
    help = "Load the demo content once; running it again adds only what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be created, then roll back."
        )

    def handle(self, *args, dry_run=False, **options):
        context = DemoContext(stdout=self.stdout if options["verbosity"] > 1 else None)
        with transaction.atomic():
            for name in LOADERS:
                import_module(name).load(context)
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would create" if dry_run else "Created"
        if context.created:
            self.stdout.write(f"{verb} {len(context.created)} demo items.")
        else:
            self.stdout.write("Demo content already loaded; nothing to do.")
