"""Checks of what is typed about a person, shared by every form that creates or edits one."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Person


def validate_email_free_in_nation(email, *, nation, person=None):
    """Refuse `email` when another person of `nation` already has it.

    One address is one person of a nation: a second would split a participant's registrations,
    mails and history in two. The import matches such a row to the existing person instead.
    """
    if not email or nation is None:
        return
    others = Person.objects.filter(nation=nation, email__iexact=email.strip())
    if person is not None and person.pk:
        others = others.exclude(pk=person.pk)
    other = others.first()
    if other is not None:
        raise ValidationError(
            _(
                "%(person)s (%(nation)s) already has the e-mail address %(email)s: choose that "
                "person instead of adding another."
            )
            % {"person": other, "nation": nation.code, "email": email.strip()},
            code="email_taken",
        )
