"""Graduation certificates of the Language Academy and YRO certificates, as bilingual PDFs
(English and French side by side: CIOR's two languages, whatever the holder's), each with a QR
code of a signed verification link (academy.verification) to a page that says only "valid" or
"not valid". Rendered by core.documents.render_pdf.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.documents import render_pdf
from events.documents import format_date, qr_code, static_uri
from events.models import date_range

from . import services, verification

STYLESHEET = "css/academy-print.css"
LANGUAGES = ("en", "fr")


def verification_url(kind: str, pk: int, *, request=None) -> str:
    path = reverse("academy_verify", kwargs={"token": verification.make_token(kind, pk)})
    return request.build_absolute_uri(path) if request is not None else settings.SITE_URL + path


def _in_both_languages(build) -> dict:
    """Return {"en": build(), "fr": build()}, each built with its language active."""
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            texts[language] = build()
    return texts


def graduation_context(application, *, request=None, present_days=None) -> dict:
    """Return what a graduation certificate shows, in English and in French."""
    session, person = application.session, application.person
    present, total = services.attendance_summary(application, present_days=present_days)
    url = verification_url(verification.GRADUATION, application.pk, request=request)

    def texts():
        return {
            "title": _("Certificate of graduation"),
            "intro": _("This is to certify that"),
            "course": _("has completed the course of the CIOR Language Academy %(year)s")
            % {"year": session.year},
            "class": _("%(language)s, level %(level)s (STANAG 6001), class %(class)s")
            % {
                "language": application.get_language_display(),
                "level": application.level,
                "class": application.course_class.name,
            },
            "dates": date_range(session.starts_on, session.ends_on),
            "where": session.event.city,
            "attendance": _("Attendance: %(present)s of %(total)s course days")
            % {"present": present, "total": total},
            "exam": (
                _("STANAG 6001 examination profile (L S R W): %(profile)s")
                % {"profile": application.exam_profile}
                if application.exam_profile
                else ""
            ),
            "issued": _("Issued on %(date)s")
            % {
                "date": format_date(
                    timezone.localtime(application.certificate_issued_at).date()
                    if application.certificate_issued_at
                    else timezone.localdate()
                )
            },
            "verify": _("Verify:"),
        }

    return {
        "application": application,
        "person": person,
        "nation": application.nation,
        "reference": application.reference,
        "texts": _in_both_languages(texts),
        "emblem": static_uri("img/cior-emblem.png"),
        "verify_url": url,
        "qr": qr_code(url),
    }


def graduation_pdf(application, *, request=None) -> bytes:
    """Render the bilingual graduation certificate (A4 landscape)."""
    context = graduation_context(application, request=request)
    return render_pdf("academy/pdf/certificate.html", context, stylesheet=STYLESHEET)


def yro_context(result, *, request=None) -> dict:
    """Return what a YRO certificate shows, in English and in French."""
    registration = result.registration
    event = registration.event
    url = verification_url(verification.YRO, result.pk, request=request)

    def texts():
        return {
            "title": _("Certificate"),
            "intro": _("This is to certify that"),
            "course": _("attended the %(event)s and passed its Law of Armed Conflict examination")
            % {"event": event.title},
            "class": _("LOAC examination result: %(percent)s %% (pass mark %(mark)s %%)")
            % {"percent": result.percent, "mark": result.exam.pass_mark},
            "dates": date_range(event.starts_on, event.ends_on),
            "where": event.city,
            "attendance": "",
            "exam": "",
            "issued": _("Issued on %(date)s")
            % {
                "date": format_date(
                    timezone.localtime(result.certificate_issued_at).date()
                    if result.certificate_issued_at
                    else timezone.localdate()
                )
            },
            "verify": _("Verify:"),
        }

    return {
        "person": registration.person,
        "nation": registration.nation,
        "reference": f"YRO-{event.starts_on.year}-{result.pk:04d}",
        "texts": _in_both_languages(texts),
        "emblem": static_uri("img/cior-emblem.png"),
        "verify_url": url,
        "qr": qr_code(url),
    }


def yro_pdf(result, *, request=None) -> bytes:
    """Render the bilingual YRO certificate (A4 landscape)."""
    return render_pdf(
        "academy/pdf/certificate.html", yro_context(result, request=request), stylesheet=STYLESHEET
    )
