"""The Medal of Merit diploma: one A4 landscape page in English and French side by side, with a
QR code of the signed verification link (awards.verification) in the recipient's language."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.documents import render_pdf
from events.documents import format_date, qr_code, static_uri

from . import verification
from .models import Nomination

STYLESHEET = "css/awards-print.css"


class DiplomaRefused(Exception):
    """The diploma cannot be printed; the message says why, in the active language."""


def verification_url(nomination: Nomination, *, request=None) -> str:
    """Return the absolute verification link of the diploma, in the recipient's language."""
    language = nomination.nominee.preferred_language
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        path = reverse("awards_verify", kwargs={"token": verification.make_token(nomination)})
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL + path


def _side(nomination: Nomination, language: str) -> dict:
    """Return one language's texts of the diploma."""
    person, event = nomination.nominee, nomination.presented_at
    with translation.override(language):
        return {
            "language": language,
            "org": _("Interallied Confederation of Reserve Officers"),
            "title": _("Medal of Merit"),
            "intro": _("The Council of CIOR awards the CIOR Medal of Merit to"),
            "rank": person.rank,
            "name": person.full_name,
            "nation": person.nation.name if person.nation else "",
            "citation": getattr(nomination, f"citation_{language}") or nomination.citation_en,
            "presented": _("Presented at %(event)s, %(date)s")
            % {"event": event.title, "date": format_date(nomination.diploma_issued_on)},
            "awarded": _("Awarded by the Council on %(date)s")
            % {"date": format_date(nomination.awarded_on)},
        }


def diploma_context(nomination: Nomination, *, request=None) -> dict:
    url = verification_url(nomination, request=request)
    return {
        "sides": [_side(nomination, "en"), _side(nomination, "fr")],
        "emblem": static_uri("img/cior-emblem.png"),
        "reference": f"MM-{nomination.awarded_on:%Y}-{nomination.pk:04d}",
        "verify_url": url,
        "qr": qr_code(url),
    }


def diploma_pdf(nomination: Nomination, *, request=None) -> bytes:
    """Render the bilingual diploma; refuse before the award or before it is issued. Load the
    nomination with select_related("nominee__nation", "presented_at")."""
    if not nomination.diploma_ready:
        raise DiplomaRefused(
            _("The diploma is printed once the medal is awarded and the diploma issued.")
        )
    return render_pdf(
        "awards/pdf/diploma.html",
        diploma_context(nomination, request=request),
        stylesheet=STYLESHEET,
    )
