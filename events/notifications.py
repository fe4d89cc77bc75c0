"""Mail about a registration to the registrant and the nation's heads of delegation, each in
the recipient's own language (`Person.preferred_language`)."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Person, RoleAssignment

SUBJECTS = {
    "submitted": lambda: _("Registration received: %(person)s, %(event)s"),
    "confirmed": lambda: _("Registration confirmed: %(person)s, %(event)s"),
    "waiting": lambda: _("On the waiting list: %(person)s, %(event)s"),
    "promoted": lambda: _("A place is free: %(person)s, %(event)s"),
    "cancelled": lambda: _("Registration cancelled: %(person)s, %(event)s"),
    "rejected": lambda: _("Registration not accepted: %(person)s, %(event)s"),
}


def recipients(registration, *, heads=True) -> list[Person]:
    """Return the registrant (if an address is known) and the nation's heads of delegation
    (not when `heads` is False: an import, whose author sees the report)."""
    people = [registration.person] if registration.person.email else []
    if not heads:
        return people
    delegation_heads = Person.objects.filter(
        pk__in=RoleAssignment.objects.active()
        .filter(role=RoleAssignment.Role.HEAD_OF_DELEGATION, nation_id=registration.nation_id)
        .values("person_id")
    ).exclude(email="")
    people += [head for head in delegation_heads if head.pk != registration.person_id]
    return people


def message(registration, what: str, recipient: Person) -> tuple[str, str]:
    """Return the subject and body of the mail about `what` for `recipient`, in their language."""
    with translation.override(recipient.preferred_language or "en"):
        names = {"person": registration.person, "event": registration.event.title}
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + SUBJECTS[what]() % names
        body = render_to_string(
            "events/mail/registration.txt",
            {
                "registration": registration,
                "what": what,
                "recipient": recipient,
                "is_registrant": recipient.pk == registration.person_id,
            },
        )
    return subject, body


def mails(registration, what: str, *, heads=True) -> list[tuple]:
    """Return the mails about `what` (a state, or "promoted"), one per recipient in their
    language, as send_mass_mail takes them; `heads=False` leaves the heads of delegation out
    (they imported the file and saw the report)."""
    if what not in SUBJECTS:
        return []
    return [
        (*message(registration, what, person), None, [person.email])
        for person in recipients(registration, heads=heads)
    ]


def send(registration, what: str, *, heads=True) -> int:
    """Send the mails about `what` to every recipient; return how many were sent."""
    return send_all(mails(registration, what, heads=heads))


def send_all(messages: list[tuple]) -> int:
    """Send `messages` (from `mails`) over one connection to the mail server."""
    return send_mass_mail(messages, fail_silently=True) if messages else 0
