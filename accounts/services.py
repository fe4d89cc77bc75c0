"""Writes to people, roles and login accounts; each one leaves an audit entry."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import audit
from .models import Person, RoleAssignment


def _field_names(model):
    """Return the fields an audit entry compares (per-language columns, not their proxy)."""
    names = [f.name for f in model._meta.concrete_fields if f.editable and not f.primary_key]
    return [name for name in names if f"{name}_en" not in names]


PERSON_FIELDS = _field_names(Person)
ROLE_FIELDS = _field_names(RoleAssignment)


def _check(**fields):
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"Unknown person fields: {', '.join(sorted(unknown))}")


def create_person(*, by, reason: str = "", **fields) -> Person:
    """Create a person from `fields`.

    Validates the record, saves it and writes a "wagtail.create" audit entry with the values.
    """
    _check(**fields)
    with transaction.atomic():
        person = Person(**fields)
        person.full_clean()
        person.save()
        audit.record(
            person,
            action="wagtail.create",
            by=by,
            changes=audit.changes({}, person, [name for name in PERSON_FIELDS if name in fields]),
            reason=reason,
        )
    return person


def save_person(person: Person, *, by, reason: str = "", **fields) -> Person:
    """Set `fields` on `person` and save it.

    Locks the stored row, compares it with the new values, saves, and writes a "wagtail.edit"
    audit entry with the old and new value of every field that changed (none when nothing did).
    """
    _check(**fields)
    with transaction.atomic():
        stored = Person.objects.select_for_update().get(pk=person.pk)
        before = audit.snapshot(stored, PERSON_FIELDS)
        for name, value in fields.items():
            setattr(stored, name, value)
        stored.full_clean()
        stored.save()
        changed = audit.changes(before, stored, PERSON_FIELDS)
        if changed:
            audit.record(stored, action="wagtail.edit", by=by, changes=changed, reason=reason)
    return stored


def delete_person(person: Person, *, by, reason: str = "") -> None:
    """Delete `person`, recording the values it had (its roles go with it)."""
    _delete_recorded(person, PERSON_FIELDS, by=by, reason=reason)


def assign_role(person: Person, *, role, by, reason: str = "", **scope) -> RoleAssignment:
    """Give `person` a role (scope: nation=, committee=, starts_on=, ends_on=).

    Validates the scope against the role, saves it and writes a "cior.role" audit entry.
    """
    with transaction.atomic():
        assignment = RoleAssignment(person=person, role=role, **scope)
        assignment.full_clean()
        assignment.save()
        audit.record(
            assignment,
            action="wagtail.create",
            by=by,
            changes=audit.changes({}, assignment, ROLE_FIELDS),
            reason=reason,
        )
    return assignment


def save_role(assignment: RoleAssignment, *, by, reason: str = "", **fields) -> RoleAssignment:
    """Change a role assignment (its dates, scope or role) and record old and new values."""
    unknown = set(fields) - set(ROLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown role fields: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        stored = RoleAssignment.objects.select_for_update().get(pk=assignment.pk)
        before = audit.snapshot(stored, ROLE_FIELDS)
        for name, value in fields.items():
            setattr(stored, name, value)
        stored.full_clean()
        stored.save()
        changed = audit.changes(before, stored, ROLE_FIELDS)
        if changed:
            audit.record(stored, action="wagtail.edit", by=by, changes=changed, reason=reason)
    return stored


def end_role(assignment: RoleAssignment, *, on, by, reason: str = "") -> RoleAssignment:
    """End a role assignment on the date `on` (the holder keeps it until that day included)."""
    return save_role(assignment, ends_on=on, by=by, reason=reason)


def delete_role(assignment: RoleAssignment, *, by, reason: str = "") -> None:
    """Delete a role assignment, recording what it was."""
    _delete_recorded(assignment, ROLE_FIELDS, by=by, reason=reason)


def _delete_recorded(obj, fields, *, by, reason):
    """Lock `obj`, write an audit entry of its `fields` values, then delete it."""
    with transaction.atomic():
        stored = type(obj).objects.select_for_update().get(pk=obj.pk)
        audit.record(
            stored,
            action="wagtail.delete",
            by=by,
            changes=audit.changes(stored, {}, fields),
            reason=reason,
        )
        stored.delete()


def create_account(person: Person, *, email: str, password: str | None, by, is_superuser=False):
    """Open a login account for `person`, who logs in with `email`.

    Creates the user (unusable password when `password` is None: the holder sets one through
    "forgotten password"), allauth's verified primary e-mail address, and an audit entry.
    """
    from allauth.account.models import EmailAddress

    User = get_user_model()
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address already exists.")})
    with transaction.atomic():
        user = User(
            username=email,
            email=email,
            person=person,
            first_name=person.first_name if person else "",
            last_name=person.last_name if person else "",
            is_superuser=is_superuser,
            is_staff=is_superuser,
        )
        if password is None:
            user.set_unusable_password()
        else:
            user.set_password(password)
        user.save()
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        audit.record(
            user,
            action="wagtail.create",
            by=by,
            changes={"email": [None, email], "person": [None, audit.json_safe(person)]},
        )
    return user


def activate_totp(user, *, secret: str, by):
    """Give `user` a TOTP authenticator with a known base32 `secret` (demo and tests).

    People activate their own through /accounts/2fa/; this replaces nothing that exists.
    """
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    with transaction.atomic():
        existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if existing is not None:
            return existing
        authenticator = TOTP.activate(user, secret).instance
        audit.record(user, action="cior.two_factor", by=by, changes={"totp": [False, True]})
    return authenticator
