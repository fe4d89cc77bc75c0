import pytest

from accounts.models import RoleAssignment

from .factories import CompetitionFactory

Role = RoleAssignment.Role


@pytest.fixture
def competition(db):
    """A competition being set up (teams still declared), year 2027, slug "2027"."""
    return CompetitionFactory(year=2027)


@pytest.fixture
def discipline(competition):
    return competition.disciplines.get(kind="shooting")
