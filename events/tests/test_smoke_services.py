"""The registration services through the database: quotas, waiting list, promotion."""

import pytest

from accounts.tests.factories import PersonFactory
from events import services
from events.models import Registration

State = Registration.State
pytestmark = pytest.mark.django_db


def test_third_estonian_waits_and_is_promoted_when_one_cancels(
    congress, delegate_type, hod_est, est
):
    people = [PersonFactory(nation=est, email=f"p{i}@example.org") for i in range(3)]
    regs = [
        services.register(congress, person=p, registration_type=delegate_type, by=hod_est)
        for p in people
    ]
    assert [r.state for r in regs] == [State.SUBMITTED, State.SUBMITTED, State.WAITING]

    services.cancel(regs[0], by=hod_est, reason="ill")

    regs[2].refresh_from_db()
    assert regs[2].state == State.SUBMITTED
    assert regs[2].state_reason == "Promoted from the waiting list"
