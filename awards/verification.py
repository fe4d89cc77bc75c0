"""The signed token a Medal of Merit diploma carries in its QR code, as events.verification
does for badges and certificates: "m<nomination id>:<signature>", with its own salt, free of
personal data. The public page says "valid" or "not valid", nothing more."""

from django.core import signing

from .models import Nomination

_signer = signing.Signer(salt="cior.awards.verification.diploma")


def make_token(nomination: Nomination) -> str:
    """Return the signed token of a nomination's diploma."""
    return _signer.sign(f"m{nomination.pk}")


def check_token(token: str) -> Nomination | None:
    """Return the nomination whose diploma the token proves, if genuine and still standing
    (awarded, diploma issued); None otherwise."""
    try:
        value = _signer.unsign(str(token or ""))
    except signing.BadSignature:
        return None
    if not value.startswith("m") or not value[1:].isdigit():
        return None
    nomination = Nomination.objects.filter(pk=int(value[1:])).select_related("presented_at").first()
    if nomination is None or not nomination.diploma_ready:
        return None
    return nomination
