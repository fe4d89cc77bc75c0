"""Reads about login accounts reused by commands, tests and the demo."""

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.contrib.auth import get_user_model


def account_by_email(email: str):
    """Return the active account that logs in with `email`, or None."""
    return get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()


def totp_authenticator(user):
    """Return the user's TOTP authenticator, or None when two-factor is not activated."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()


def totp_code(authenticator, *, at: float | None = None) -> tuple[str, int]:
    """Return the authenticator's code at time `at` (now) and the seconds it stays current."""
    at = time.time() if at is None else at
    period = mfa_settings.TOTP_PERIOD
    secret = decrypt(authenticator.data["secret"])
    counter = int(at) // period
    return format_hotp_value(hotp_value(secret, counter)), period - int(at) % period
