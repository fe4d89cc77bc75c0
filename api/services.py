"""Writes of the API: a nation's tokens, and a batch of registrations sent with one.

Registrations go through events.services.register (and people through
accounts.services.create_person), exactly as the delegation pages and the import do: the same
rules, quotas, waiting list, validation, audit entries and mails.
"""

import datetime
import secrets
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from accounts import services as people
from events import notifications
from events import services as registrations

from .models import KEY_PREFIX, ApiToken, digest

MAX_DAYS = 366
AUDITED_FIELDS = ["name", "nation", "expires_at", "revoked_at"]


def create_token(nation, *, name: str, days: int, by) -> tuple[ApiToken, str]:
    """Create an API token of `nation` valid `days` days; return it and its key (shown once).

    Only the key's digest is stored. Writes an audit entry. Raises PermissionDenied unless `by`
    is the nation's head of delegation, ValidationError for a blank name or a bad duration.
    """
    if not by.has_perm("api.manage_tokens", nation):
        raise PermissionDenied
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name.")})
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(
            {"days": _("A token is valid from 1 to %(max)s days.") % {"max": MAX_DAYS}}
        )
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        token = ApiToken(
            nation=nation,
            name=name,
            key_digest=digest(key),
            key_hint=key[: len(KEY_PREFIX) + 6],
            created_by=by,
            created_at=now,
            expires_at=now + datetime.timedelta(days=days),
        )
        token.full_clean(exclude=["nation", "created_by", "revoked_by"])
        token.save()
        audit.record(
            token,
            action="cior.api_token",
            by=by,
            changes=audit.changes({}, token, AUDITED_FIELDS),
            reason=_("API token created"),
        )
    return token, key


def revoke_token(token: ApiToken, *, by) -> ApiToken:
    """Revoke `token` at once (idempotent). Locks its row and writes an audit entry."""
    if not by.has_perm("api.manage_tokens", token):
        raise PermissionDenied
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            return token
        before = audit.snapshot(token, AUDITED_FIELDS)
        token.revoked_at = timezone.now()
        token.revoked_by = by
        token.save(update_fields=["revoked_at", "revoked_by"])
        audit.record(
            token,
            action="cior.api_token",
            by=by,
            changes=audit.changes(before, token, AUDITED_FIELDS),
            reason=_("API token revoked"),
        )
    return token


# How often a token's "last used" time is written (not on every request).
LAST_USED_EVERY = datetime.timedelta(minutes=5)


def note_use(token: ApiToken, *, now=None) -> None:
    """Record that `token` was used now, at most once per LAST_USED_EVERY (one UPDATE)."""
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


# --- A batch of registrations ---------------------------------------------------------------


@dataclass
class Entry:
    """One registration of a batch: an existing person, or a new one's fields."""

    registration_type: object  # events.RegistrationType
    person: object = None  # accounts.Person of the token's nation
    new_person: dict | None = None
    discount_code: str = ""
    details: dict = field(default_factory=dict)


class BatchRefused(ValidationError):
    """A batch refused as a whole: `index` is the entry at fault (0-based)."""

    def __init__(self, error: ValidationError, index: int):
        super().__init__(error.messages)
        self.index = index
        self.error = error


def register_batch(event, nation, entries: list[Entry], *, by) -> list:
    """Register every entry for `event` in one transaction, or none.

    Each through events.services.register (quotas, waiting list, audit) and, for new people,
    accounts.services.create_person; the mails leave after the commit, over one connection.
    Raises PermissionDenied when `by` may not register for `nation`, BatchRefused (a
    ValidationError) naming the first entry refused.
    """
    if not by.has_perm("events.register_for_nation", nation):
        raise PermissionDenied
    done = []
    with transaction.atomic():
        for index, entry in enumerate(entries):
            try:
                person = entry.person
                if person is None:
                    person = people.create_person(
                        by=by,
                        reason=_("Added through the API"),
                        nation=nation,
                        **entry.new_person,
                    )
                done.append(
                    registrations.register(
                        event,
                        person=person,
                        registration_type=entry.registration_type,
                        by=by,
                        discount_code=entry.discount_code,
                        details=entry.details,
                        notify=False,
                    )
                )
            except ValidationError as error:
                raise BatchRefused(error, index) from error
        transaction.on_commit(
            lambda: notifications.queue([(r, r.state) for r in done], heads=False)
        )
    return done
