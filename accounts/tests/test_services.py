import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from accounts import services
from accounts.models import Person, RoleAssignment

from .factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def _entries(obj):
    return list(
        ModelLogEntry.objects.filter(
            object_id=str(obj.pk), content_type__model=obj._meta.model_name
        )
        .order_by("id")
        .values_list("action", "data")
    )


def test_save_person_records_old_and_new_values(est):
    person, user = PersonFactory(nation=est, rank_en="Major", nato_code="OF-3"), UserFactory()

    services.save_person(person, by=user, rank_en="Lieutenant Colonel", nato_code="OF-4")

    assert Person.objects.get(pk=person.pk).nato_code == "OF-4"
    assert _entries(person) == [
        (
            "wagtail.edit",
            {
                "changes": {
                    "rank_en": ["Major", "Lieutenant Colonel"],
                    "nato_code": ["OF-3", "OF-4"],
                },
                "reason": "",
            },
        )
    ]


def test_save_person_without_change_records_nothing(est):
    person = PersonFactory(nation=est)

    services.save_person(person, by=None, first_name=person.first_name)

    assert _entries(person) == []


def test_create_person_validates_the_nato_code(est):
    with pytest.raises(ValidationError) as error:
        services.create_person(by=None, last_name="Tamm", nation=est, nato_code="OF-11")

    assert "nato_code" in error.value.message_dict
    assert not Person.objects.filter(last_name="Tamm").exists()


@pytest.mark.parametrize("code", ["OF-1", "OF-10", "OR-9", "WO-5", ""])
def test_nato_codes_accepted(code, est):
    person = services.create_person(by=None, last_name="Saar", nation=est, nato_code=code)

    assert person.nato_code == code


@pytest.mark.parametrize("code", ["OF-0", "OF-11", "OR-10", "WO-6", "of-3", "Major"])
def test_nato_codes_refused(code):
    with pytest.raises(ValidationError):
        Person(last_name="Saar", nato_code=code).full_clean()


def test_delete_person_records_what_it_was(est):
    person = PersonFactory(nation=est, last_name="Tamm")
    pk = person.pk

    services.delete_person(person, by=None, reason="Duplicate")

    assert not Person.objects.filter(pk=pk).exists()
    data = ModelLogEntry.objects.get(object_id=str(pk), action="wagtail.delete").data
    assert data["changes"]["last_name"] == ["Tamm", None]
    assert data["reason"] == "Duplicate"


def test_assign_and_end_role_are_recorded(est):
    person = PersonFactory(nation=est)

    assignment = services.assign_role(
        person, role=RoleAssignment.Role.HEAD_OF_DELEGATION, nation=est, by=None
    )
    services.end_role(assignment, on=datetime.date(2026, 7, 31), by=None, reason="Term ended")

    assert [action for action, _ in _entries(assignment)] == ["wagtail.create", "wagtail.edit"]
    assert _entries(assignment)[1][1] == {
        "changes": {"ends_on": [None, "2026-07-31"]},
        "reason": "Term ended",
    }


def test_assign_role_refuses_a_role_without_its_scope():
    with pytest.raises(ValidationError):
        services.assign_role(PersonFactory(), role=RoleAssignment.Role.HEAD_OF_DELEGATION, by=None)


def test_create_account_logs_in_by_email(est):
    person = PersonFactory(nation=est)

    user = services.create_account(person, email="Mari.Tamm@Example.org", password="x", by=None)

    assert user.email == "mari.tamm@example.org"
    assert user.emailaddress_set.get().verified is True
    with pytest.raises(ValidationError):
        services.create_account(None, email="mari.tamm@example.org", password="x", by=None)
