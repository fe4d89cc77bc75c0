import pytest

from accounts.models import RoleAssignment

from .factories import EventFactory, QuotaFactory, RegistrationTypeFactory

Role = RoleAssignment.Role


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
