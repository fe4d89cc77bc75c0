"""The audit trail as people read it: field labels, old → new values in the reader's language.

The stored entries keep what the services wrote (`{"changes": {field: [old, new]}, "reason": …}`,
values made JSON-safe by `audit.json_safe`); this module only renders them:

- a field's label is the model field's verbose name ("Status", « Statut »), a per-language
  column's is the field's with the language ("Name (French)"), others a translated or
  humanised key ("Paid");
- a value of a field with choices is its label ("Published"), a date or time is written the
  reader's way (« 1 août 2026 »), an amount with the reader's separators (« 1 500,00 »), a
  boolean Yes or No, a record its name as stored, and lists and mappings (a team's members and
  their results) readable text instead of Python's `{'members': [...]}`.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

EMPTY = "–"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
DECIMAL = re.compile(r"^-?\d+\.\d+$")

# The language of a per-language column, as it follows a field's name: "Name (French)".
COLUMN_LANGUAGES = {
    "en": pgettext_lazy("language of a field", "English"),
    "fr": pgettext_lazy("language of a field", "French"),
}

# Keys recorded outside the models' fields (computed values, the inside of JSON inputs).
KEY_LABELS = {
    "paid": pgettext_lazy("amount", "Paid"),
    "balance": _("Balance"),
    "members": _("Members"),
    "pistol_precision": _("Pistol precision"),
    "pistol_rapid_hits": _("Pistol rapid hits"),
    "rifle_precision": _("Rifle precision"),
    "rifle_rapid_hits": _("Rifle rapid hits"),
    "seconds": _("Seconds"),
    "time": _("Time"),
    "failed_obstacles": _("Failed obstacles"),
    "missed_posts": _("Missed posts"),
    "true_distances": _("True distances"),
    "estimates": _("Estimates"),
    "throws": _("Throws"),
    "score": _("Score"),
    "percent": _("Percent"),
}


@dataclass(frozen=True)
class Change:
    """One recorded change, ready to show: "Status: Draft → Published"."""

    label: str
    old: str
    new: str

    def __str__(self):
        if self.old == EMPTY:
            return gettext("%(label)s: %(new)s") % {"label": self.label, "new": self.new}
        return gettext("%(label)s: %(old)s → %(new)s") % {
            "label": self.label,
            "old": self.old,
            "new": self.new,
        }


def entry_model(log_entry):
    """Return the model class of an entry's object, None when the model is gone."""
    content_type = getattr(log_entry, "content_type", None)
    return content_type.model_class() if content_type is not None else None


def entry_changes(log_entry) -> list[Change]:
    """Return the changes an audit entry recorded, in the active language."""
    model = entry_model(log_entry)
    changes = (log_entry.data or {}).get("changes") or {}
    shown = []
    for name, values in changes.items():
        old, new = _old_and_new(values)
        field = model_field(model, name)
        shown.append(
            Change(
                label=field_label(model, name),
                old=value_text(field, old),
                new=value_text(field, new),
            )
        )
    return shown


def _old_and_new(values):
    if isinstance(values, list | tuple):
        padded = [*values, None, None]
        return padded[0], padded[1]
    return None, values


def entry_reason(log_entry) -> str:
    return str((log_entry.data or {}).get("reason") or "")


def describe(log_entry) -> str:
    """Return an entry's changes and reason as one line: "Rank (English): Major → Colonel; …"."""
    parts = [str(change) for change in entry_changes(log_entry)]
    reason = entry_reason(log_entry)
    if reason:
        parts.append(gettext("Reason: %(reason)s") % {"reason": reason})
    return "; ".join(parts)


def model_field(model, name):
    """Return the model's field called `name` (or `name` + "_id"), None if there is none."""
    if model is None:
        return None
    for candidate in (name, name.removesuffix("_id")):
        try:
            return model._meta.get_field(candidate)
        except FieldDoesNotExist:
            continue
    return None


def field_label(model, name: str) -> str:
    """Return the label of a recorded field: its verbose name, translated."""
    language = _column_language(name)
    if language is not None:
        base = model_field(model, name[: -len(language) - 1])
        if base is not None and hasattr(base, "verbose_name"):
            return f"{capfirst(str(base.verbose_name))} ({COLUMN_LANGUAGES[language]})"
    field = model_field(model, name)
    if field is not None and hasattr(field, "verbose_name"):
        return capfirst(str(field.verbose_name))
    return key_label(name)


def _column_language(name):
    """Return "fr" for "name_fr" (a per-language column of django-modeltranslation)."""
    for code in COLUMN_LANGUAGES:
        if name.endswith(f"_{code}"):
            return code
    return None


def key_label(key) -> str:
    """Return the label of a key recorded outside a model field: translated or humanised."""
    key = str(key)
    if key in KEY_LABELS:
        return str(KEY_LABELS[key])
    return capfirst(key.replace("_", " ").strip())


def value_text(field, value) -> str:
    """Return a recorded value as the reader reads it, in the active language."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    choices = getattr(field, "flatchoices", None) if field is not None else None
    if choices and not isinstance(value, list | dict):
        labels = {str(key): label for key, label in choices}
        if str(value) in labels:
            return str(labels[str(value)])
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        return _datetime_text(value)
    if isinstance(field, models.DateField) and isinstance(value, str):
        return _date_text(value)
    if isinstance(field, models.DecimalField) and isinstance(value, str | int | float):
        return _decimal_text(value, field.decimal_places)
    if isinstance(value, str) and field is not None and not isinstance(field, models.JSONField):
        return value  # text as typed: "2026-01-15" in a reference stays as it is
    return plain_text(value)


def plain_text(value) -> str:
    """Return a value without a field to guide: lists and mappings as readable text."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, dict):
        return (
            " · ".join(f"{key_label(key)}: {plain_text(item)}" for key, item in value.items())
            or EMPTY
        )
    if isinstance(value, list | tuple):
        if any(isinstance(item, dict) for item in value):
            return (
                "; ".join(
                    f"({index}) {plain_text(item)}" for index, item in enumerate(value, start=1)
                )
                or EMPTY
            )
        return ", ".join(plain_text(item) for item in value) or EMPTY
    if isinstance(value, str):
        if DATETIME.match(value):
            return _datetime_text(value)
        if DATE.match(value):
            return _date_text(value)
        if DECIMAL.match(value):
            return _decimal_text(value, len(value.split(".")[1]))
        return value
    if isinstance(value, float):
        return formats.number_format(value, use_l10n=True)
    return str(value)


def _date_text(value: str) -> str:
    try:
        day = datetime.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return formats.date_format(day, "DATE_FORMAT")


def _datetime_text(value: str) -> str:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return value
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "DATETIME_FORMAT")


def _decimal_text(value, places) -> str:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return formats.number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)
