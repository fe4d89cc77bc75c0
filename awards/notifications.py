"""Mail to the nominator at each step of a nomination, in the nominator's language
(`Person.preferred_language` of the account's person; English without one). Nobody else is
told: a nomination is confidential."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from events.notifications import send_all

SUBJECTS = {
    "submitted": lambda: _("Medal of Merit: your nomination of %(person)s is received"),
    "recommended": lambda: _("Medal of Merit: the Presidency recommends %(person)s"),
    "declined": lambda: _("Medal of Merit: the Presidency declines the nomination of %(person)s"),
    "before_council": lambda: _(
        "Medal of Merit: the nomination of %(person)s is before the Council"
    ),
    "awarded": lambda: _("Medal of Merit: the Council awards the medal to %(person)s"),
    "refused": lambda: _("Medal of Merit: the Council does not award the medal to %(person)s"),
    "no_quorum": lambda: _("Medal of Merit: the Council's vote on %(person)s had no quorum"),
    "diploma": lambda: _("Medal of Merit: the diploma of %(person)s is issued"),
}


def nominator_address(nomination):
    """Return (e-mail, language) of the nominator, or (None, None) when there is no address."""
    user = nomination.nominated_by
    if user is None:
        return None, None
    person = user.person
    email = user.email or (person.email if person else "")
    language = person.preferred_language if person else settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return (email or None), language


def message(nomination, what: str, language: str) -> tuple[str, str]:
    """Return the subject and body of the mail about `what`, in `language`."""
    with translation.override(language):
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + SUBJECTS[what]() % {
            "person": nomination.nominee
        }
        body = render_to_string(
            "awards/mail/nomination.txt",
            {"nomination": nomination, "what": what, "site_url": settings.SITE_URL},
        )
    return subject, body


def mails(nomination, what: str) -> list[tuple]:
    """Return the mail about `what` to the nominator, as send_mass_mail takes it."""
    email, language = nominator_address(nomination)
    if what not in SUBJECTS or email is None:
        return []
    return [(*message(nomination, what, language), None, [email])]


def send(nomination, what: str) -> int:
    """Send the nominator the mail about `what`; return how many were sent."""
    from .models import Nomination

    fresh = (
        Nomination.objects.select_related(
            "nominee", "nominee__nation", "nominated_by__person", "motion__meeting", "presented_at"
        )
        .filter(pk=nomination.pk)
        .first()
    )
    return send_all(mails(fresh, what)) if fresh else 0
