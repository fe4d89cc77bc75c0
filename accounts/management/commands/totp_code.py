"""Print the current two-factor code of an account (for the demo accounts' fixed secrets)."""

from django.core.management.base import BaseCommand, CommandError

from accounts.queries import account_by_email, totp_authenticator, totp_code


class Command(BaseCommand):
    help = (
        "Print the current 6-digit TOTP code of the account that logs in with EMAIL. "
        "Meant for the demo accounts, whose secrets are fixed; it reads the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        user = account_by_email(email)
        if user is None:
            raise CommandError(f"No active account logs in with {email}.")
        authenticator = totp_authenticator(user)
        if authenticator is None:
            raise CommandError(f"{email} has no two-factor authenticator (TOTP) activated.")
        code, seconds = totp_code(authenticator)
        self.stdout.write(code)
        if options["verbosity"] > 0:
            self.stderr.write(f"(current for {seconds} more seconds; each code logs in once)")
