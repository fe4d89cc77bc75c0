"""Signed tokens that a graduation (Language Academy) or YRO certificate carries in its QR
code, the same pattern as events.verification: "<letter><id>:<signature>", no personal data,
a salt per kind so that one kind's token cannot pass for the other's."""

from django.core import signing
from django.utils.translation import gettext_lazy as _

GRADUATION, YRO = "graduation", "yro"
KINDS = {
    GRADUATION: ("a", _("Language Academy graduation certificate")),
    YRO: ("y", _("YRO certificate")),
}
_KIND_BY_LETTER = {letter: kind for kind, (letter, _label) in KINDS.items()}


def _signer(kind):
    return signing.Signer(salt=f"cior.academy.verification.{kind}")


def make_token(kind: str, pk: int) -> str:
    letter, _label = KINDS[kind]
    return _signer(kind).sign(f"{letter}{pk}")


def kind_label(kind: str) -> str:
    return str(KINDS[kind][1])


def read_token(token: str) -> tuple[str | None, int | None]:
    """Return (kind, id) of a genuine token, (None, None) for a forged or garbled one."""
    value = str(token or "").rsplit(":", 1)[0]
    kind = _KIND_BY_LETTER.get(value[:1])
    if kind is None:
        return None, None
    try:
        return kind, int(_signer(kind).unsign(token)[1:])
    except (signing.BadSignature, ValueError):
        return None, None
