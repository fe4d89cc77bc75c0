import datetime
import decimal

import pytest
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from accounts import audit

from .factories import PersonFactory, UserFactory


def test_changes_lists_only_the_fields_that_differ():
    before = {"rank_en": "Major", "nato_code": "OF-3", "email": "a@example.org"}
    after = {"rank_en": "Colonel", "nato_code": "OF-5", "email": "a@example.org"}

    assert audit.changes(before, after, ["rank_en", "nato_code", "email"]) == {
        "rank_en": ["Major", "Colonel"],
        "nato_code": ["OF-3", "OF-5"],
    }


def test_changes_makes_values_json_safe():
    before = {"day": datetime.date(2026, 1, 31), "amount": decimal.Decimal("10.50")}
    after = {"day": datetime.date(2026, 2, 1), "amount": decimal.Decimal("12.00")}

    assert audit.changes(before, after, ["day", "amount"]) == {
        "day": ["2026-01-31", "2026-02-01"],
        "amount": ["10.50", "12.00"],
    }


@pytest.mark.django_db
def test_changes_writes_records_as_text(est, fra):
    person = PersonFactory(nation=est)
    before = audit.snapshot(person, ["nation"])
    person.nation = fra

    assert audit.changes(before, person, ["nation"]) == {"nation": [str(est), str(fra)]}


@pytest.mark.django_db
def test_record_writes_a_wagtail_log_entry_shown_in_history():
    person, user = PersonFactory(rank_en="Major"), UserFactory()

    entry = audit.record(
        person,
        action="cior.role",
        by=user,
        changes={"rank_en": ["Major", "Colonel"]},
        reason="Promotion",
    )

    stored = ModelLogEntry.objects.get(pk=entry.pk)
    assert stored.user == user
    assert stored.object_id == str(person.pk)
    assert stored.data == {"changes": {"rank_en": ["Major", "Colonel"]}, "reason": "Promotion"}
    assert list(registry.get_logs_for_instance(person)) == [stored]
    assert stored.comment == "Rank (English): Major → Colonel; Reason: Promotion"
    assert str(stored.formatter.label) == "Role change"


def test_our_actions_are_registered_with_labels():
    assert str(registry.get_action_label("cior.vote")) == "Vote"
    assert str(registry.get_action_label("cior.payment")) == "Payment"


@pytest.mark.django_db
def test_entries_of_one_request_stay_in_each_objects_history():
    from wagtail.log_actions import LogContext

    first, second = PersonFactory(), PersonFactory()
    with LogContext(user=None):
        audit.record(first, action="cior.role", changes={"a": [1, 2]})
        audit.record(second, action="cior.role", changes={"a": [1, 2]})

    shown = ModelLogEntry.objects.all().latest_by_uuid_and_action()
    assert shown.filter(object_id__in=[str(first.pk), str(second.pk)]).count() == 2
