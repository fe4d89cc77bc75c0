"""Mail about a registration to the registrant and the nation's heads of delegation, each in
the recipient's own language (`Person.preferred_language`).

The services call `send` (or `queue`, for a batch) once their transaction has committed: the
task queue then writes the mails (events.tasks.send_registration_mails: recipients and texts
read in the worker, not in the request), sends them over one connection and tries again later
what the mail server refused (events.tasks.deliver_mails).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Person, RoleAssignment

from .tasks import deliver_mails, send_registration_mails

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


def send(registration, what: str, *, heads=True):
    """Queue the mails about `what` (a state, or "promoted") to every recipient; return the
    queued task's result (None when there is nothing to send)."""
    return queue([(registration, what)], heads=heads)


def queue(changes, *, heads=True):
    """Queue the mails about each (registration, what) of `changes`, written and sent by one
    task over one connection; return its result (None when there is nothing to send)."""
    items = [[registration.pk, what] for registration, what in changes if what in SUBJECTS]
    if not items:
        return None
    return send_registration_mails.enqueue(items, heads)


def send_all(messages: list[tuple]):
    """Queue `messages` (from `mails`) to be sent over one connection to the mail server;
    return the queued task's result (None when there is nothing to send)."""
    if not messages:
        return None
    return deliver_mails.enqueue([list(message) for message in messages])
