"""Idempotency keys: a retried POST of a form that creates rows creates nothing twice.

The form carries a hidden random key (`IdempotencyKeyField`, a new one each time the form is
shown). The view claims the key inside the transaction that creates the rows (`claim`); the
unique constraint on (user, key) makes a second claim wait for the first transaction and then
fail, so even two copies of one POST arriving together create one result. The view then sends
the retry to the first result (`previous_result`).

    key = form.cleaned_data["idempotency_key"]
    if idempotency.previous_result(key, user=request.user):
        return idempotency.replay(request, key)
    try:
        with transaction.atomic():
            idempotency.claim(key, user=request.user, result_url=url)
            ...create the rows...
    except IntegrityError:
        if not idempotency.previous_result(key, user=request.user):
            raise
        return idempotency.replay(request, key)  # the same POST twice at once

Keys older than KEEP_DAYS are removed by `forget_old` (run with the daily jobs).
"""

import secrets
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SubmissionKey

KEEP_DAYS = 7


def new_key() -> str:
    """Return a fresh random key for a form."""
    return secrets.token_urlsafe(24)


class IdempotencyKeyField(forms.CharField):
    """A hidden field holding the form's idempotency key (empty allowed: older clients)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("initial", new_key)
        super().__init__(**kwargs)


def previous_result(key, *, user) -> str | None:
    """Return where the submission with `key` led, or None when there was none."""
    if not key:
        return None
    user_id = user.pk if user is not None and user.is_authenticated else None
    return (
        SubmissionKey.objects.filter(key=key, user_id=user_id)
        .values_list("result_url", flat=True)
        .first()
    )


def claim(key, *, user, result_url):
    """Record the submission with `key`, leading to `result_url`.

    Call it inside the transaction that creates the rows: a second claim of the same key
    raises IntegrityError (after waiting for the first transaction on PostgreSQL).
    No key (an older client), no record.
    """
    if not key:
        return
    user_id = user.pk if user is not None and user.is_authenticated else None
    SubmissionKey.objects.create(key=key, user_id=user_id, result_url=result_url)


def replay(request, key):
    """Send a retried submission to where the first one led, saying nothing was done twice."""
    messages.info(request, _("This form had already been sent: nothing was done twice."))
    return redirect(previous_result(key, user=request.user))


def forget_old(*, now=None) -> int:
    """Remove the keys older than KEEP_DAYS; return how many."""
    limit = (now or timezone.now()) - timedelta(days=KEEP_DAYS)
    deleted, _ = SubmissionKey.objects.filter(created_at__lt=limit).delete()
    return deleted
