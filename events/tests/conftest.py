import pytest

from accounts.models import RoleAssignment
from accounts.tests.conftest import staff_user
from nations.tests.factories import NationFactory

from .factories import EventFactory, QuotaFactory, RegistrationTypeFactory

Role = RoleAssignment.Role


@pytest.fixture
def est(db):
    return NationFactory(code="EST", name_en="Estonia", name_fr="Estonie")


@pytest.fixture
def fra(db):
    return NationFactory(code="FRA", name_en="France", name_fr="France")


@pytest.fixture
def hod_est(est):
    return staff_user(Role.HEAD_OF_DELEGATION, nation=est)


@pytest.fixture
def staff_est(est):
    return staff_user(Role.NATIONAL_STAFF, nation=est)


@pytest.fixture
def hod_fra(fra):
    return staff_user(Role.HEAD_OF_DELEGATION, nation=fra)


@pytest.fixture
def presidency(db):
    return staff_user(Role.PRESIDENCY)


@pytest.fixture
def congress(db):
    return EventFactory(slug="summer-congress-2027")


@pytest.fixture
def delegate_type(congress, est, fra):
    """Delegates: capacity 5, Estonia 2 places, France 2 places."""
    kind = RegistrationTypeFactory(event=congress, kind="delegate", capacity=5)
    QuotaFactory(registration_type=kind, nation=est, places=2)
    QuotaFactory(registration_type=kind, nation=fra, places=2)
    return kind
