"""Signed tokens that a badge, a visa letter or a certificate carries in its QR code.

A token is "<purpose letter><registration id>:<signature>", e.g. "b42:Xy...": short enough for a
small QR code, unforgeable without the SECRET_KEY, and free of personal data (a registration id
says nothing about anyone). Each purpose signs with its own salt, so a badge's token cannot be
passed off as a certificate's by changing its letter.
"""

from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import Registration

BADGE, LETTER, CERTIFICATE = "badge", "letter", "certificate"
PURPOSES = {
    BADGE: ("b", _("Badge")),
    LETTER: ("l", _("Visa invitation letter")),
    CERTIFICATE: ("c", _("Attendance certificate")),
}
_PURPOSE_BY_LETTER = {letter: purpose for purpose, (letter, _label) in PURPOSES.items()}


def _signer(purpose):
    return signing.Signer(salt=f"cior.events.verification.{purpose}")


def make_token(registration: Registration, purpose: str) -> str:
    """Return the signed token of a registration's document: badge, letter or certificate."""
    letter, _label = PURPOSES[purpose]
    return _signer(purpose).sign(f"{letter}{registration.pk}")


def purpose_label(purpose: str) -> str:
    """Return the document kind's name in the active language ("Badge", ...)."""
    return str(PURPOSES[purpose][1])


def stands(registration: Registration, purpose: str) -> bool:
    """Return whether the document `purpose` of `registration` is still valid: the registration
    is confirmed (and, for a certificate, the person attended)."""
    if registration.state != Registration.State.CONFIRMED:
        return False
    return purpose != CERTIFICATE or registration.attended


def check_token(token: str, *, queryset=None) -> tuple[Registration | None, str | None]:
    """Return (registration, purpose) for a genuine token whose document still stands.

    The registration is None when the token is forged or garbled, when the registration no longer
    exists, or when it no longer supports the document (cancelled, rejected, no-show for a
    certificate); the purpose is None when the token is not genuine.
    """
    value = str(token or "").rsplit(":", 1)[0]
    purpose = _PURPOSE_BY_LETTER.get(value[:1])
    if purpose is None:
        return None, None
    try:
        registration_id = int(_signer(purpose).unsign(token)[1:])
    except (signing.BadSignature, ValueError):
        return None, None
    if queryset is None:
        queryset = Registration.objects.select_related("event")
    registration = queryset.filter(pk=registration_id).first()
    if registration is None or not stands(registration, purpose):
        return None, purpose
    return registration, purpose
