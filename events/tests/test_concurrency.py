"""Registrations submitted at the same moment never overbook a quota or a capacity.

Real threads on real connections (transaction=True): SQLite in a file (IMMEDIATE transactions,
one writer at a time) and PostgreSQL (the registration type's row locked with SELECT ... FOR
UPDATE). In-memory SQLite cannot wait for locks: skipped there.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from accounts.tests.factories import PersonFactory
from events import services
from events.models import Registration

from .factories import QuotaFactory, RegistrationTypeFactory

State = Registration.State
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _database_that_waits_for_locks():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("needs PostgreSQL or a file-based SQLite test database")


def run_together(functions):
    """Call each function in its own thread, all released at once; return results and errors."""
    barrier = threading.Barrier(len(functions))
    results, errors = [], []

    def worker(function):
        try:
            barrier.wait()
            results.append(function())
        except Exception as error:  # sorted out by the assertions on `errors`
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(f,)) for f in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def registering(event, person, registration_type, by):
    return lambda: services.register(
        event, person=person, registration_type=registration_type, by=by, notify=False
    )


def test_twelve_at_once_fill_quota_three_and_wait_nine(congress, est, hod_est):
    kind = RegistrationTypeFactory(event=congress, kind="observer", capacity=5)
    QuotaFactory(registration_type=kind, nation=est, places=3)
    people = [PersonFactory(nation=est) for _ in range(12)]

    results, errors = run_together([registering(congress, p, kind, hod_est) for p in people])

    assert errors == []
    assert len(results) == 12
    counts = {state: Registration.objects.filter(state=state).count() for state in State}
    assert counts[State.SUBMITTED] == 3
    assert counts[State.WAITING] == 9
    # The waiting list is in submission order: the three admitted were submitted first.
    admitted = Registration.objects.filter(state=State.SUBMITTED).order_by("submitted_at", "pk")
    first_waiting = Registration.objects.waiting().first()
    assert max(r.submitted_at for r in admitted) <= first_waiting.submitted_at


def test_two_nations_competing_never_exceed_capacity(congress, est, fra, hod_est, hod_fra):
    kind = RegistrationTypeFactory(event=congress, kind="observer", capacity=5)
    QuotaFactory(registration_type=kind, nation=est, places=4)
    QuotaFactory(registration_type=kind, nation=fra, places=4)
    functions = [
        registering(congress, PersonFactory(nation=nation), kind, by)
        for nation, by in [(est, hod_est), (fra, hod_fra)]
        for _ in range(6)
    ]

    _results, errors = run_together(functions)

    assert errors == []
    holding = Registration.objects.holding_a_place()
    assert holding.count() == 5
    assert holding.filter(nation=est).count() <= 4
    assert holding.filter(nation=fra).count() <= 4
    assert Registration.objects.waiting().count() == 7


def test_same_person_twice_at_once_gives_one_registration(
    congress, delegate_type, est, hod_est, staff_est
):
    person = PersonFactory(nation=est)
    observers = RegistrationTypeFactory(event=congress, kind="observer")
    functions = [
        registering(congress, person, delegate_type, hod_est),
        registering(congress, person, delegate_type, staff_est),
        registering(congress, person, observers, hod_est),
        registering(congress, person, observers, staff_est),
    ]

    results, errors = run_together(functions)

    assert len(results) == 1
    assert len(errors) == 3
    assert all(isinstance(error, ValidationError) for error in errors), errors
    assert all("already registered" in error.messages[0] for error in errors)
    assert Registration.objects.filter(person=person).count() == 1


def test_cancellations_at_once_promote_each_waiting_once(congress, delegate_type, est, hod_est):
    people = [PersonFactory(nation=est) for _ in range(6)]
    regs = [
        services.register(
            congress, person=p, registration_type=delegate_type, by=hod_est, notify=False
        )
        for p in people
    ]
    assert [r.state for r in regs].count(State.WAITING) == 4

    _results, errors = run_together([lambda r=r: services.cancel(r, by=hod_est) for r in regs[:2]])

    assert errors == []
    holding = Registration.objects.holding_a_place().order_by("submitted_at", "pk")
    assert [r.pk for r in holding] == [regs[2].pk, regs[3].pk]
    assert Registration.objects.waiting().count() == 2
