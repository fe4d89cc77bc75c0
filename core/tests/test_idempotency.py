"""Idempotency keys: a retried POST creates nothing twice."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.tests.factories import UserFactory
from core import idempotency
from core.models import SubmissionKey

pytestmark = pytest.mark.django_db


def test_claim_twice_same_key_same_user_is_refused():
    user = UserFactory()
    idempotency.claim("k1", user=user, result_url="/en/first/")

    with pytest.raises(IntegrityError), transaction.atomic():
        idempotency.claim("k1", user=user, result_url="/en/second/")

    assert idempotency.previous_result("k1", user=user) == "/en/first/"
    assert SubmissionKey.objects.count() == 1


def test_same_key_of_another_user_is_another_submission():
    first, second = UserFactory(), UserFactory()
    idempotency.claim("k1", user=first, result_url="/en/first/")

    assert idempotency.previous_result("k1", user=second) is None


def test_empty_key_records_nothing():
    user = UserFactory()
    idempotency.claim("", user=user, result_url="/en/first/")

    assert SubmissionKey.objects.count() == 0
    assert idempotency.previous_result("", user=user) is None


def test_forget_old_removes_keys_past_a_week():
    user = UserFactory()
    idempotency.claim("old", user=user, result_url="/en/a/")
    idempotency.claim("new", user=user, result_url="/en/b/")
    SubmissionKey.objects.filter(key="old").update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )

    assert idempotency.forget_old() == 1
    assert list(SubmissionKey.objects.values_list("key", flat=True)) == ["new"]


def test_form_field_gives_each_form_a_new_key():
    field = idempotency.IdempotencyKeyField()

    first, second = field.initial(), field.initial()

    assert first != second
    assert len(first) == 32
