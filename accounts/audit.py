"""The audit trail: who changed what, when, from which value to which, and why.

Entries are Wagtail log entries (ModelLogEntry for records, PageLogEntry for pages), so they
show in each object's "History" in the admin and in Reports → Site history.

    from accounts import audit

    before = audit.snapshot(subscription, FIELDS)
    ... change subscription, save it ...
    audit.record(
        subscription,
        action="cior.payment",
        by=user,
        changes=audit.changes(before, subscription, FIELDS),
        reason="Bank transfer 2026-03-01",
    )

Custom actions ("cior.vote", "cior.payment", ...) are listed in ACTIONS below and registered
with labels by accounts/wagtail_hooks.py; an app may register more in its own wagtail_hooks.py
with `audit.register_action(actions, "cior.something", _("Label"), _("Message"))`.
"""

import datetime
import decimal
import uuid
from collections.abc import Iterable, Mapping

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, get_active_log_context
from wagtail.log_actions import log as wagtail_log

from . import audit_display

# Our own actions: (label shown in filters, message shown in the history).
ACTIONS = {
    "cior.role": (_("Role change"), _("Role changed")),
    "cior.two_factor": (_("Two-factor authentication"), _("Two-factor authentication changed")),
    "cior.appointment": (_("Appointment"), _("Appointment changed")),
    "cior.membership": (_("Committee membership"), _("Committee membership changed")),
    "cior.subscription": (_("Subscription"), _("Subscription changed")),
    "cior.invoice": (_("Invoice"), _("Invoice changed")),
    "cior.payment": (_("Payment"), _("Payment recorded")),
    "cior.vote": (_("Vote"), _("Vote recorded")),
    "cior.motion": (_("Motion"), _("Motion changed")),
    "cior.registration": (_("Registration"), _("Registration changed")),
    "cior.passport_erasure": (_("Passport data erased"), _("Passport data erased")),
    "cior.team": (_("MILCOMP team"), _("Team changed")),
    "cior.result": (_("MILCOMP result"), _("Result changed")),
    "cior.protest": (_("MILCOMP protest"), _("Protest changed")),
    "cior.competition": (_("MILCOMP competition"), _("Competition changed")),
}


def json_safe(value):
    """Return `value` as something JSON can store: dates, decimals and records become text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, Mapping):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, Iterable):
        return [json_safe(item) for item in value]
    return str(value)


def _value(source, field):
    if isinstance(source, Mapping):
        return source.get(field)
    return getattr(source, field, None)


def snapshot(obj, fields: Iterable[str]) -> dict:
    """Return the JSON-safe values of `fields` of `obj`, to compare after a change."""
    return {field: json_safe(_value(obj, field)) for field in fields}


def changes(before, after, fields: Iterable[str]) -> dict:
    """Return {field: [old, new]} for the fields whose value differs.

    `before` and `after` are model instances or mappings (a `snapshot`); values are made
    JSON-safe (text for dates, decimals and records) before they are compared.
    """
    result = {}
    for field in fields:
        old = json_safe(_value(before, field))
        new = json_safe(_value(after, field))
        if old != new:
            result[field] = [old, new]
    return result


def record(obj, *, action: str, by=None, changes: dict | None = None, reason: str = ""):
    """Write an audit entry for `obj` and return it.

    `action` is a Wagtail action ("wagtail.create", "wagtail.edit", "wagtail.delete") or one of
    ours (ACTIONS); `by` the user who acted (None for the system); `changes` {field: [old, new]}.
    Call it before deleting `obj`, inside the same transaction as the change.
    """
    data = {"changes": json_safe(changes or {}), "reason": reason}
    return wagtail_log(
        instance=obj,
        action=action,
        user=by if getattr(by, "is_authenticated", False) else None,
        uuid=_entry_uuid(obj),
        data=data,
        content_changed=action in {"wagtail.create", "wagtail.edit"} or bool(changes),
        deleted=action == "wagtail.delete",
    )


def _entry_uuid(obj):
    """Group the entries of one request per object, not across objects.

    Wagtail's history shows one entry per (uuid, action) and gives every entry of a request the
    same uuid: a service that records the same action for several objects in one request would
    leave all but the last out of their histories.
    """
    request_uuid = get_active_log_context().uuid
    if request_uuid is None:
        return None
    return uuid.uuid5(request_uuid, f"{obj._meta.label_lower}:{obj.pk}")


def describe(log_entry) -> str:
    """Return the changes and reason of an entry as one line, readable in the active language:
    "Rank (english): Major → Colonel; Reason: Promotion" (see accounts.audit_display)."""
    return audit_display.describe(log_entry)


class ChangesLogFormatter(LogFormatter):
    """A formatter whose comment lists the old and new values recorded with the entry."""

    def format_comment(self, log_entry):
        return describe(log_entry) or super().format_comment(log_entry)


def register_action(actions, action, label, message):
    """Register `action` with Wagtail's log registry, its history showing the changes."""
    formatter = type(
        "CiorLogFormatter", (ChangesLogFormatter,), {"label": label, "message": message}
    )
    actions.register_action(action)(formatter)
