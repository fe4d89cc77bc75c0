"""Badges, visa invitation letters and attendance certificates as PDFs.

Each document is rendered in its registrant's language (`person.preferred_language`) and carries
a QR code of a signed verification link (events.verification); the public page behind it says
"valid" or "not valid", nothing more. The `check_*` functions say, in the active language, why a
document cannot be issued; the `*_pdf` functions check first, then render.
"""

import datetime
from pathlib import Path

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.documents import join_pdf, render_document, render_pdf
from governance.queries import signatory

from . import verification
from .models import DocumentJob, Registration, date_range

STYLESHEET = "css/events-print.css"
BADGES_PER_SHEET = 4  # A6 badges on an A4 sheet, two by two
# Documents laid out per WeasyPrint run in a batch: the job's progress moves after each run.
# A multiple of BADGES_PER_SHEET, so that every sheet but the last is full.
BATCH_CHUNK = 5 * BADGES_PER_SHEET
DOCUMENT_RELATIONS = ("person", "nation", "registration_type", "event", "event__host_nation")


def file_name(word, *parts) -> str:
    """A PDF's file name, `word` (translated by the caller) in the language of the page it is
    asked from: "CIOR-visa-letter-R-42.pdf", « CIOR-lettre-visa-R-42.pdf »."""
    return "-".join(["CIOR", slugify(word), *(str(part) for part in parts)]) + ".pdf"


class DocumentRefused(Exception):
    """The document cannot be issued; the message says why, in the active language."""


# Reading what a document needs -------------------------------------------------------------


def document_language(registration: Registration) -> str:
    """Return the registrant's language, or the site's default when it is not one we speak."""
    language = registration.person.preferred_language
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def verification_url(registration: Registration, purpose: str, *, request=None) -> str:
    """Return the absolute verification link of a document, in the registrant's language.

    With a request the link uses the host it came to; without one, settings.SITE_URL.
    """
    token = verification.make_token(registration, purpose)
    with translation.override(document_language(registration)):
        path = reverse("events_verify", kwargs={"token": token})
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL + path


def qr_code(url: str) -> str:
    """Return a QR code of `url` as an SVG data URI (error correction M: survives scuffing)."""
    return segno.make(url, error="m").svg_data_uri(border=0, dark="#000")


def static_uri(path: str | None) -> str | None:
    """Return the file:// URI of a static file for WeasyPrint, None when there is none."""
    found = finders.find(path) if path else None
    return Path(found).as_uri() if found else None


def format_date(day: datetime.date | None) -> str:
    """Return a date in words in the active language ("12 July 2027", "12 juillet 2027")."""
    return date_format(day, "j F Y") if day else ""


def ink_for(colour: str) -> str:
    """Return black or white, whichever reads better on the background `colour` (#rrggbb)."""
    try:
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    except (TypeError, ValueError):
        return "#ffffff"
    luminance = 0.299 * red + 0.587 * green + 0.114 * blue
    return "#111111" if luminance > 150 else "#ffffff"


# Checks ------------------------------------------------------------------------------------


def check_badge(registration: Registration) -> None:
    """Raise DocumentRefused unless the registration is confirmed."""
    if registration.state != Registration.State.CONFIRMED:
        raise DocumentRefused(
            _("A badge is issued only for a confirmed registration; this one is “%(state)s”.")
            % {"state": registration.get_state_display()}
        )


def check_visa_letter(registration: Registration) -> None:
    """Raise DocumentRefused unless the registration is confirmed, has its passport data and
    the event names a signatory."""
    if registration.state != Registration.State.CONFIRMED:
        raise DocumentRefused(
            _(
                "A visa invitation letter is issued only for a confirmed registration; "
                "this one is “%(state)s”."
            )
            % {"state": registration.get_state_display()}
        )
    if not registration.has_passport_data:
        missing = [
            str(Registration._meta.get_field(name).verbose_name)
            for name in ("passport_number", "nationality", "date_of_birth")
            if not getattr(registration, name)
        ]
        raise DocumentRefused(
            _("The visa invitation letter needs the registrant's passport data. Missing: %(list)s.")
            % {"list": ", ".join(missing)}
        )
    if not registration.event.visa_signatory_name:
        raise DocumentRefused(
            _("The event has no visa letter signatory yet: the presidency must enter one.")
        )


def check_certificate(registration: Registration, *, today: datetime.date | None = None) -> None:
    """Raise DocumentRefused unless the registration is confirmed, the person attended and the
    event has started."""
    today = today or timezone.localdate()
    if registration.state != Registration.State.CONFIRMED:
        raise DocumentRefused(
            _(
                "An attendance certificate is issued only for a confirmed registration; "
                "this one is “%(state)s”."
            )
            % {"state": registration.get_state_display()}
        )
    if not registration.attended:
        raise DocumentRefused(
            _("An attendance certificate is issued only to a participant marked as attended.")
        )
    if registration.event.starts_on > today:
        raise DocumentRefused(
            _("An attendance certificate is issued once the event has started, on %(date)s.")
            % {"date": format_date(registration.event.starts_on)}
        )


# Badges ------------------------------------------------------------------------------------


def badge_context(registration: Registration, *, request=None) -> dict:
    """Return what one badge shows, in the registrant's language."""
    event, person, nation = registration.event, registration.person, registration.nation
    kind = registration.registration_type
    url = verification_url(registration, verification.BADGE, request=request)
    language = document_language(registration)
    with translation.override(language):
        return {
            "language": language,
            "reference": registration.reference,
            "type_name": str(kind),
            "type_id": kind.pk,
            "colour": kind.colour,
            "ink": ink_for(kind.colour),
            "full_name": person.full_name,
            "rank": person.rank,
            "nation_code": nation.code,
            "nation_name": nation.name,
            "flag": static_uri(nation.flag_static_path),
            "event_title": event.title,
            "dates": date_range(event.starts_on, event.ends_on),
            "city": event.city,
            "verify_url": url,
            "qr": qr_code(url),
            "scan_label": _("Scan to verify"),
        }


def badges_context(registrations, *, request=None, sheet: bool) -> dict:
    """Return what the badges template shows of `registrations` (all confirmed)."""
    for registration in registrations:
        check_badge(registration)
    badges = [badge_context(registration, request=request) for registration in registrations]
    if sheet:
        pages = [
            badges[start : start + BADGES_PER_SHEET]
            for start in range(0, len(badges), BADGES_PER_SHEET)
        ]
    else:
        pages = [[badge] for badge in badges]
    # Each registration type's band colours (validated #rrggbb; ink is black or white).
    colours = {badge["type_id"]: (badge["colour"], badge["ink"]) for badge in badges}
    css = "".join(
        f".badge__type--{pk} {{ background-color: {colour}; color: {ink}; }}\n"
        for pk, (colour, ink) in colours.items()
    )
    return {
        "sheet": sheet,
        "pages": pages,
        "css": css,
        "emblem": static_uri("img/cior-emblem.png"),
        "title": registrations[0].reference if len(registrations) == 1 else "CIOR badges",
    }


def badges_pdf(registrations, *, request=None, sheet: bool | None = None) -> bytes:
    """Render badges to PDF: one A6 page for a single badge, or A4 sheets of four (two by two,
    to cut) when `sheet` (the default for more than one). Every registration must be confirmed;
    load them with select_related("person", "nation", "registration_type", "event")."""
    registrations = list(registrations)
    sheet = len(registrations) > 1 if sheet is None else sheet
    context = badges_context(registrations, request=request, sheet=sheet)
    return render_pdf("events/pdf/badges.html", context, stylesheet=STYLESHEET, css=context["css"])


def badge_pdf(registration: Registration, *, request=None) -> bytes:
    """Render one registration's badge on an A6 page."""
    return badges_pdf([registration], request=request, sheet=False)


# Visa invitation letter --------------------------------------------------------------------


def visa_letter_context(registration: Registration, *, request=None, today=None) -> dict:
    """Return what the visa letter shows, its dates written in the registrant's language."""
    event, person = registration.event, registration.person
    today = today or timezone.localdate()
    url = verification_url(registration, verification.LETTER, request=request)
    with translation.override(document_language(registration)):
        return {
            "registration": registration,
            "event": event,
            "person": person,
            "nation": registration.nation,
            "host_nation": event.host_nation,
            "emblem": static_uri("img/cior-emblem.png"),
            "issued_on": format_date(today),
            "dates": date_range(event.starts_on, event.ends_on),
            "starts_on": format_date(event.starts_on),
            "ends_on": format_date(event.ends_on),
            "date_of_birth": format_date(registration.date_of_birth),
            "passport_expires_on": format_date(registration.passport_expires_on),
            "arrival": format_date(registration.arrival_date),
            "departure": format_date(registration.departure_date),
            "verify_url": url,
            "qr": qr_code(url),
        }


def visa_letter_pdf(registration: Registration, *, request=None, today=None) -> bytes:
    """Render the visa invitation letter (A4) in the registrant's language."""
    check_visa_letter(registration)
    context = visa_letter_context(registration, request=request, today=today)
    with translation.override(document_language(registration)):
        return render_pdf("events/pdf/visa_letter.html", context, stylesheet=STYLESHEET)


# Attendance certificate --------------------------------------------------------------------


def certificate_context(registration: Registration, *, request=None, today=None) -> dict:
    """Return what the certificate shows, in the registrant's language."""
    event = registration.event
    today = today or timezone.localdate()
    url = verification_url(registration, verification.CERTIFICATE, request=request)
    with translation.override(document_language(registration)):
        return {
            "registration": registration,
            "event": event,
            "person": registration.person,
            "nation": registration.nation,
            "emblem": static_uri("img/cior-emblem.png"),
            "flag": static_uri(registration.nation.flag_static_path),
            "issued_on": format_date(min(today, event.ends_on) if event.ends_on else today),
            "dates": date_range(event.starts_on, event.ends_on),
            "kind": str(event.get_kind_display()),
            "verify_url": url,
            "qr": qr_code(url),
            "signatory": signatory(on=event.ends_on),
        }


def certificate_document(registration: Registration, *, request=None, today=None):
    """Lay out the attendance certificate (A4 landscape) in the registrant's language."""
    check_certificate(registration, today=today)
    context = certificate_context(registration, request=request, today=today)
    with translation.override(document_language(registration)):
        return render_document("events/pdf/certificate.html", context, stylesheet=STYLESHEET)


def certificate_pdf(registration: Registration, *, request=None, today=None) -> bytes:
    """Render the attendance certificate (A4 landscape) in the registrant's language."""
    return certificate_document(registration, request=request, today=today).write_pdf()


# Batches: every badge or certificate of an event, or of a nation at it (a DocumentJob) ------


def batch_registrations(kind: str, event, nation=None):
    """Return the registrations a batch of `kind` covers, by nation and name: the confirmed
    ones (for certificates, those who attended too), of `nation` if given."""
    registrations = Registration.objects.filter(event=event, state=Registration.State.CONFIRMED)
    if kind == DocumentJob.Kind.CERTIFICATES:
        registrations = registrations.filter(attended=True)
    if nation is not None:
        registrations = registrations.filter(nation=nation)
    return registrations.select_related(*DOCUMENT_RELATIONS).order_by(
        "nation__code", "person__last_name", "person__first_name", "pk"
    )


def check_batch(kind: str, event, nation=None, *, today=None) -> int:
    """Return how many documents the batch holds; raise DocumentRefused when there is none
    to make (or certificates before the event has started)."""
    today = today or timezone.localdate()
    if kind == DocumentJob.Kind.CERTIFICATES and event.starts_on > today:
        raise DocumentRefused(
            _("An attendance certificate is issued once the event has started, on %(date)s.")
            % {"date": format_date(event.starts_on)}
        )
    count = batch_registrations(kind, event, nation).count()
    if count:
        return count
    names = {"nation": nation.name if nation is not None else "", "event": event.title}
    if kind == DocumentJob.Kind.CERTIFICATES and nation is not None:
        message = _("%(nation)s has no participant marked as attended at %(event)s.")
    elif kind == DocumentJob.Kind.CERTIFICATES:
        message = _("No participant is marked as attended at %(event)s.")
    elif nation is not None:
        message = _("%(nation)s has no confirmed registration for %(event)s yet.")
    else:
        message = _("%(event)s has no confirmed registration yet.")
    raise DocumentRefused(message % names)


def make_batch(job: DocumentJob, *, today=None) -> None:
    """Make the job's PDF, BATCH_CHUNK documents at a time, recording the progress after each
    chunk and the file (private storage) at the end; a refusal or an error marks it failed.

    Side effects: updates the job row as it goes (seen at once by the page that polls it).
    A refusal is worded in the active language (the requester's: events.tasks).
    """
    jobs = DocumentJob.objects.filter(pk=job.pk)
    registrations = list(batch_registrations(job.kind, job.event, job.nation))
    jobs.update(state=DocumentJob.State.RUNNING, done=0, total=len(registrations))
    try:
        if not registrations:
            check_batch(job.kind, job.event, job.nation, today=today)
        parts = []
        for start in range(0, len(registrations), BATCH_CHUNK):
            chunk = registrations[start : start + BATCH_CHUNK]
            if job.kind == DocumentJob.Kind.BADGES:
                context = badges_context(chunk, sheet=True)
                parts.append(
                    render_document(
                        "events/pdf/badges.html",
                        context,
                        stylesheet=STYLESHEET,
                        css=context["css"],
                    )
                )
            else:
                parts += [certificate_document(registration, today=today) for registration in chunk]
            jobs.update(done=start + len(chunk))
        job.refresh_from_db()
        job.file.save(job.filename, ContentFile(join_pdf(parts)), save=False)
        job.state, job.finished_at = DocumentJob.State.DONE, timezone.now()
        job.save(update_fields=["file", "state", "finished_at"])
    except DocumentRefused as refusal:
        jobs.update(state=DocumentJob.State.FAILED, error=str(refusal), finished_at=timezone.now())
    except Exception:
        # No reason to give the requester (the page says it failed); the presidency sees
        # the traceback among the failed tasks.
        jobs.update(state=DocumentJob.State.FAILED, finished_at=timezone.now())
        raise  # the task fails: listed for the presidency under Reports
