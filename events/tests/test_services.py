"""The registration rules through the database (domain.md §7): quotas, capacity, waiting list,
promotion, substitution, closing dates, discount codes, duplicates, audit."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.tests.factories import PersonFactory
from events import services
from events.models import Event, Registration
from nations.tests.factories import NationFactory

from .factories import DiscountCodeFactory, QuotaFactory, RegistrationTypeFactory

State = Registration.State
pytestmark = pytest.mark.django_db


@pytest.fixture
def deu(db):
    """A nation without a quota row: limited by the capacity only."""
    return NationFactory(code="DEU", name_en="Germany", name_fr="Allemagne")


def people(nation, count, prefix="P"):
    return [
        PersonFactory(nation=nation, first_name=f"{prefix}{i}", email=f"{prefix}{i}@ex.org".lower())
        for i in range(count)
    ]


def register_all(event, persons, registration_type, by, start=None):
    """Register each person, one second apart (submission order is explicit)."""
    start = start or timezone.now()
    return [
        services.register(
            event,
            person=person,
            registration_type=registration_type,
            by=by,
            now=start + datetime.timedelta(seconds=index),
        )
        for index, person in enumerate(persons)
    ]


def states(registrations):
    return [Registration.objects.get(pk=r.pk).state for r in registrations]


# Quotas and capacity.


def test_register_beyond_quota_waits_in_submission_order(congress, delegate_type, est, hod_est):
    regs = register_all(congress, people(est, 4), delegate_type, hod_est)

    assert states(regs) == [State.SUBMITTED, State.SUBMITTED, State.WAITING, State.WAITING]
    waiting = list(Registration.objects.waiting().values_list("pk", flat=True))
    assert waiting == [regs[2].pk, regs[3].pk]


def test_register_beyond_capacity_waits_even_without_quota_row(
    congress, delegate_type, est, fra, deu, hod_est, hod_fra, presidency
):
    register_all(congress, people(est, 2, "E"), delegate_type, hod_est)
    register_all(congress, people(fra, 2, "F"), delegate_type, hod_fra)
    german = register_all(congress, people(deu, 3, "D"), delegate_type, presidency)

    assert states(german) == [State.SUBMITTED, State.WAITING, State.WAITING]
    assert Registration.objects.holding_a_place().count() == 5


def test_register_with_quota_zero_waits(congress, est, hod_est):
    observers = RegistrationTypeFactory(event=congress, kind="observer")
    QuotaFactory(registration_type=observers, nation=est, places=0)

    [registration] = register_all(congress, people(est, 1), observers, hod_est)

    assert registration.state == State.WAITING


def test_register_without_quota_nor_capacity_is_unlimited(congress, est, hod_est):
    guests = RegistrationTypeFactory(event=congress, kind="guest")

    regs = register_all(congress, people(est, 6), guests, hod_est)

    assert set(states(regs)) == {State.SUBMITTED}


def test_register_auto_confirm_confirms_within_quota_only(congress, delegate_type, est, hod_est):
    congress.auto_confirm = True
    congress.save()

    regs = register_all(congress, people(est, 3), delegate_type, hod_est)

    assert states(regs) == [State.CONFIRMED, State.CONFIRMED, State.WAITING]


def test_register_does_not_overtake_the_waiting_list_after_a_quota_rise(
    congress, delegate_type, est, hod_est
):
    regs = register_all(congress, people(est, 3), delegate_type, hod_est)
    delegate_type.quotas.filter(nation=est).update(places=3)  # raised in the admin

    [late] = register_all(congress, people(est, 1, "Late"), delegate_type, hod_est)

    assert states([regs[2], late]) == [State.SUBMITTED, State.WAITING]


# Cancellation, rejection, promotion.


@pytest.fixture
def full_type(congress, delegate_type, est, fra, deu, hod_est, hod_fra, presidency):
    """Capacity 5 held by EST 2, FRA 2, DEU 1; waiting in this order: FRA, DEU, EST, EST."""
    t0 = timezone.now()
    held = {
        "est": register_all(congress, people(est, 2, "E"), delegate_type, hod_est, t0),
        "fra": register_all(congress, people(fra, 2, "F"), delegate_type, hod_fra, t0),
        "deu": register_all(congress, people(deu, 1, "D"), delegate_type, presidency, t0),
    }
    later = t0 + datetime.timedelta(minutes=1)
    waiting = [
        *register_all(congress, people(fra, 1, "FW"), delegate_type, hod_fra, later),
        *register_all(
            congress, people(deu, 1, "DW"), delegate_type, presidency, later + datetime.timedelta(1)
        ),
        *register_all(
            congress, people(est, 2, "EW"), delegate_type, hod_est, later + datetime.timedelta(2)
        ),
    ]
    assert set(states(waiting)) == {State.WAITING}
    return held, waiting


def test_cancel_promotes_first_waiting_of_same_nation_and_type(full_type, hod_est):
    held, waiting = full_type
    _fra_waiting, _deu_waiting, est_first, _est_second = waiting

    services.cancel(held["est"][0], by=hod_est, reason="Ill")

    assert states(waiting) == [State.WAITING, State.WAITING, State.SUBMITTED, State.WAITING]
    promoted = Registration.objects.get(pk=est_first.pk)
    assert promoted.state_reason == "Promoted from the waiting list"
    cancelled = Registration.objects.get(pk=held["est"][0].pk)
    assert (cancelled.state, cancelled.state_reason) == (State.CANCELLED, "Ill")


def test_cancel_without_waiting_of_same_nation_gives_capacity_in_submission_order(
    full_type, presidency
):
    held, waiting = full_type
    _fra_waiting, deu_waiting, _est_first, _est_second = waiting

    # DEU frees a capacity place; DEU's own waiting one comes first.
    services.cancel(held["deu"][0], by=presidency)
    assert states(waiting) == [State.WAITING, State.SUBMITTED, State.WAITING, State.WAITING]

    # DEU again, no DEU waiting left: FRA is at its quota, so the first EST... is at quota too.
    services.cancel(deu_waiting, by=presidency)
    assert states(waiting) == [State.WAITING, State.CANCELLED, State.WAITING, State.WAITING]

    # Raise FRA's quota: the capacity place left goes to FRA, first in submission order.
    fra_quota = held["fra"][0].registration_type.quotas.get(nation=held["fra"][0].nation)
    fra_quota.places = 3
    fra_quota.save()
    services.promote_waiting(held["fra"][0].registration_type)
    assert states(waiting)[0] == State.SUBMITTED


def test_cancel_of_a_waiting_registration_promotes_nobody(full_type, hod_est):
    _held, waiting = full_type

    services.cancel(waiting[2], by=hod_est)

    assert states(waiting) == [State.WAITING, State.WAITING, State.CANCELLED, State.WAITING]
    assert Registration.objects.holding_a_place().count() == 5


def test_cancel_twice_is_refused(congress, delegate_type, est, hod_est):
    [registration] = register_all(congress, people(est, 1), delegate_type, hod_est)
    services.cancel(registration, by=hod_est)

    with pytest.raises(ValidationError, match="already cancelled"):
        services.cancel(registration, by=hod_est)


def test_reject_of_a_holding_registration_promotes(full_type, presidency):
    held, waiting = full_type

    services.reject(held["fra"][1], by=presidency, reason="Not a reserve officer")

    assert states(waiting) == [State.SUBMITTED, State.WAITING, State.WAITING, State.WAITING]
    rejected = Registration.objects.get(pk=held["fra"][1].pk)
    assert (rejected.state, rejected.state_reason) == (State.REJECTED, "Not a reserve officer")


def test_reject_by_a_head_of_delegation_is_refused(full_type, hod_est):
    held, _waiting = full_type

    with pytest.raises(PermissionDenied):
        services.reject(held["est"][0], by=hod_est, reason="no")
    assert Registration.objects.get(pk=held["est"][0].pk).state == State.SUBMITTED


def test_reject_without_reason_is_refused(full_type, presidency):
    held, _waiting = full_type

    with pytest.raises(ValidationError):
        services.reject(held["est"][0], by=presidency, reason="  ")
    assert Registration.objects.get(pk=held["est"][0].pk).state == State.SUBMITTED


def test_confirm_submitted_only_and_by_the_presidency(full_type, presidency, hod_est):
    held, waiting = full_type

    with pytest.raises(PermissionDenied):
        services.confirm(held["est"][0], by=hod_est)
    services.confirm(held["est"][0], by=presidency)
    with pytest.raises(ValidationError, match="Only a submitted"):
        services.confirm(waiting[0], by=presidency)

    assert states([held["est"][0], waiting[0]]) == [State.CONFIRMED, State.WAITING]


def test_promotion_with_auto_confirm_confirms(full_type, hod_est, congress):
    Event.objects.filter(pk=congress.pk).update(auto_confirm=True)
    held, waiting = full_type

    services.cancel(held["est"][0], by=hod_est)

    assert states(waiting)[2] == State.CONFIRMED


# Substitution.


def test_substitute_keeps_state_and_waiting_position(full_type, est, hod_est):
    _held, waiting = full_type
    est_first = waiting[2]
    substitute_person = PersonFactory(nation=est, first_name="Mari", last_name="Kask")

    new = services.substitute(est_first, person=substitute_person, by=hod_est)

    old = Registration.objects.get(pk=est_first.pk)
    assert (old.state, old.state_reason) == (State.CANCELLED, "Substituted by Mari KASK")
    assert new.state == State.WAITING
    assert new.submitted_at == old.submitted_at
    order = list(Registration.objects.waiting().values_list("pk", flat=True))
    assert order == [waiting[0].pk, waiting[1].pk, new.pk, waiting[3].pk]


def test_substitute_of_a_holding_registration_holds_and_promotes_nobody(full_type, est, hod_est):
    held, waiting = full_type

    new = services.substitute(held["est"][0], person=PersonFactory(nation=est), by=hod_est)

    assert new.state == State.SUBMITTED
    assert new.fee == held["est"][0].fee
    assert set(states(waiting)) == {State.WAITING}
    assert Registration.objects.holding_a_place().count() == 5


def test_substitute_person_of_another_nation_refused_for_head_of_delegation(
    congress, delegate_type, est, fra, hod_est
):
    [registration] = register_all(congress, people(est, 1), delegate_type, hod_est)

    with pytest.raises(ValidationError, match="same nation"):
        services.substitute(registration, person=PersonFactory(nation=fra), by=hod_est)

    assert states([registration]) == [State.SUBMITTED]
    assert Registration.objects.count() == 1


def test_substitute_already_registered_person_refused(congress, delegate_type, est, hod_est):
    first, second = register_all(congress, people(est, 2), delegate_type, hod_est)

    with pytest.raises(ValidationError, match="already registered"):
        services.substitute(first, person=second.person, by=hod_est)
    with pytest.raises(ValidationError, match="already registered"):
        services.substitute(first, person=first.person, by=hod_est)

    assert states([first, second]) == [State.SUBMITTED, State.SUBMITTED]


def test_substitute_after_closing_refused_for_head_of_delegation(
    congress, delegate_type, est, hod_est, presidency
):
    [registration] = register_all(congress, people(est, 1), delegate_type, hod_est)
    after = congress.registration_closes_at + datetime.timedelta(minutes=1)

    with pytest.raises(ValidationError, match="closed"):
        services.substitute(registration, person=PersonFactory(nation=est), by=hod_est, now=after)
    new = services.substitute(
        registration, person=PersonFactory(nation=est), by=presidency, now=after
    )

    assert new.state == State.SUBMITTED


# Closing dates and permissions.


def test_register_head_of_delegation_refused_after_closing_presidency_allowed(
    congress, delegate_type, est, hod_est, presidency
):
    person = PersonFactory(nation=est)
    after = congress.registration_closes_at

    with pytest.raises(ValidationError, match="closed"):
        services.register(
            congress, person=person, registration_type=delegate_type, by=hod_est, now=after
        )
    registration = services.register(
        congress, person=person, registration_type=delegate_type, by=presidency, now=after
    )

    assert registration.state == State.SUBMITTED


def test_register_head_of_delegation_refused_before_opening(congress, delegate_type, est, hod_est):
    before = congress.registration_opens_at - datetime.timedelta(seconds=1)

    with pytest.raises(ValidationError, match="closed"):
        services.register(
            congress,
            person=PersonFactory(nation=est),
            registration_type=delegate_type,
            by=hod_est,
            now=before,
        )
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    "status", [Event.Status.REGISTRATION_CLOSED, Event.Status.PUBLISHED, Event.Status.DRAFT]
)
def test_register_head_of_delegation_refused_unless_status_is_open(
    congress, delegate_type, est, hod_est, status
):
    congress.status = status
    congress.save()

    with pytest.raises(ValidationError):
        services.register(
            congress,
            person=PersonFactory(nation=est),
            registration_type=delegate_type,
            by=hod_est,
        )
    assert Registration.objects.count() == 0


def test_register_presidency_allowed_when_status_is_closed(
    congress, delegate_type, est, presidency
):
    congress.status = Event.Status.REGISTRATION_CLOSED
    congress.save()

    registration = services.register(
        congress, person=PersonFactory(nation=est), registration_type=delegate_type, by=presidency
    )

    assert registration.state == State.SUBMITTED


def test_register_person_of_another_nation_refused_for_head_of_delegation(
    congress, delegate_type, fra, hod_est
):
    with pytest.raises(PermissionDenied):
        services.register(
            congress, person=PersonFactory(nation=fra), registration_type=delegate_type, by=hod_est
        )
    assert Registration.objects.count() == 0


def test_cancel_by_head_of_delegation_after_closing_refused(congress, delegate_type, est, hod_est):
    [registration] = register_all(congress, people(est, 1), delegate_type, hod_est)

    with pytest.raises(ValidationError, match="closed"):
        services.cancel(
            registration,
            by=hod_est,
            now=congress.registration_closes_at + datetime.timedelta(days=1),
        )
    assert states([registration]) == [State.SUBMITTED]


def test_may_change_by_role_and_date(congress, est, fra, hod_est, staff_est, presidency):
    after = congress.registration_closes_at + datetime.timedelta(days=1)

    assert services.may_change(hod_est, congress, est)
    assert services.may_change(staff_est, congress, est)
    assert not services.may_change(hod_est, congress, fra)
    assert not services.may_change(hod_est, congress, est, now=after)
    assert services.may_change(presidency, congress, fra, now=after)


def test_register_type_of_another_event_refused(congress, est, hod_est):
    other_type = RegistrationTypeFactory(kind="observer")

    with pytest.raises(ValidationError, match="another event"):
        services.register(
            congress, person=PersonFactory(nation=est), registration_type=other_type, by=hod_est
        )


def test_register_person_without_nation_refused(congress, delegate_type, presidency):
    with pytest.raises(ValidationError, match="no nation"):
        services.register(
            congress,
            person=PersonFactory(nation=None),
            registration_type=delegate_type,
            by=presidency,
        )


# Discount codes, duplicates, details.


def test_register_with_own_nation_code_discounts_the_fee(congress, delegate_type, est, hod_est):
    DiscountCodeFactory(event=congress, nation=est, code="EST-2027", percent=20)

    registration = services.register(
        congress,
        person=PersonFactory(nation=est),
        registration_type=delegate_type,
        by=hod_est,
        discount_code=" est-2027 ",
    )

    assert registration.fee == Decimal("200.00")
    assert registration.discount_code.code == "EST-2027"


def test_register_without_code_pays_the_full_fee(congress, delegate_type, est, hod_est):
    registration = services.register(
        congress, person=PersonFactory(nation=est), registration_type=delegate_type, by=hod_est
    )

    assert registration.fee == Decimal("250.00")
    assert registration.discount_code is None


@pytest.mark.parametrize("code", ["FRA-2027", "NOPE"])
def test_register_with_other_nation_or_unknown_code_refused(
    congress, delegate_type, est, fra, hod_est, code
):
    DiscountCodeFactory(event=congress, nation=fra, code="FRA-2027", percent=50)

    with pytest.raises(ValidationError) as error:
        services.register(
            congress,
            person=PersonFactory(nation=est),
            registration_type=delegate_type,
            by=hod_est,
            discount_code=code,
        )

    assert "discount_code" in error.value.message_dict
    assert Registration.objects.count() == 0


def test_register_same_person_twice_refused_even_for_another_type(
    congress, delegate_type, est, hod_est
):
    person = PersonFactory(nation=est, first_name="Jaan", last_name="Tamm")
    observers = RegistrationTypeFactory(event=congress, kind="observer")
    services.register(congress, person=person, registration_type=delegate_type, by=hod_est)

    with pytest.raises(ValidationError, match="Jaan TAMM is already registered"):
        services.register(congress, person=person, registration_type=observers, by=hod_est)

    assert Registration.objects.filter(person=person).count() == 1


def test_register_again_after_cancellation_allowed(congress, delegate_type, est, hod_est):
    person = PersonFactory(nation=est)
    first = services.register(congress, person=person, registration_type=delegate_type, by=hod_est)
    services.cancel(first, by=hod_est)

    again = services.register(congress, person=person, registration_type=delegate_type, by=hod_est)

    assert again.state == State.SUBMITTED
    assert Registration.objects.filter(person=person).count() == 2


def test_register_departure_before_arrival_refused(congress, delegate_type, est, hod_est):
    with pytest.raises(ValidationError):
        services.register(
            congress,
            person=PersonFactory(nation=est),
            registration_type=delegate_type,
            by=hod_est,
            details={
                "arrival_date": datetime.date(2027, 7, 5),
                "departure_date": datetime.date(2027, 7, 1),
            },
        )
    assert Registration.objects.count() == 0


def test_update_details_changes_and_audits_without_passport_values(
    congress, delegate_type, est, hod_est
):
    [registration] = register_all(congress, people(est, 1), delegate_type, hod_est)

    services.update_details(
        registration, by=hod_est, diet="vegan", passport_number="EE1234567", nationality="EE"
    )

    registration.refresh_from_db()
    assert (registration.diet, registration.passport_number) == ("vegan", "EE1234567")
    entry = ModelLogEntry.objects.for_instance(registration).order_by("-pk").first()
    assert entry.data["changes"] == {
        "diet": ["", "vegan"],
        "passport_number": ["", "***"],
        "nationality": ["", "***"],
    }
    assert "EE1234567" not in str(entry.data)


def test_update_details_of_a_cancelled_registration_is_refused(
    congress, delegate_type, est, hod_est
):
    [registration] = register_all(congress, people(est, 1), delegate_type, hod_est)
    services.cancel(registration, by=hod_est, reason="ill")

    with pytest.raises(ValidationError, match="cancelled or rejected"):
        services.update_details(registration, by=hod_est, diet="vegan")

    registration.refresh_from_db()
    assert registration.diet == ""


# Audit.


def test_audit_records_each_state_change_old_to_new(full_type, hod_est):
    held, waiting = full_type

    services.cancel(held["est"][0], by=hod_est, reason="Ill")

    cancelled = ModelLogEntry.objects.for_instance(held["est"][0]).order_by("pk")
    assert [e.data["changes"]["state"] for e in cancelled] == [
        [None, "submitted"],
        ["submitted", "cancelled"],
    ]
    assert cancelled.last().user == hod_est
    assert cancelled.last().data["reason"] == "Ill"
    promoted = ModelLogEntry.objects.for_instance(waiting[2]).order_by("pk")
    assert [e.data["changes"]["state"] for e in promoted] == [
        [None, "waiting"],
        ["waiting", "submitted"],
    ]
    assert all(e.action == "cior.registration" for e in [*cancelled, *promoted])


def test_audit_of_substitution_names_both_people(congress, delegate_type, est, hod_est):
    [registration] = register_all(congress, people(est, 1), delegate_type, hod_est)
    mari = PersonFactory(nation=est, first_name="Mari", last_name="Kask")

    new = services.substitute(registration, person=mari, by=hod_est)

    [entry] = ModelLogEntry.objects.for_instance(new)
    assert entry.data["changes"] == {
        "state": [None, "submitted"],
        "person": [str(registration.person), "Mari KASK"],
    }
