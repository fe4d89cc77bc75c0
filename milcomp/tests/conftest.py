import pytest

from accounts.models import RoleAssignment
from accounts.tests.conftest import staff_user
from nations.tests.factories import NationFactory

from .factories import CompetitionFactory

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
def hod_fra(fra):
    return staff_user(Role.HEAD_OF_DELEGATION, nation=fra)


@pytest.fixture
def presidency(db):
    return staff_user(Role.PRESIDENCY)


@pytest.fixture
def competition(db):
    """A competition being set up (teams still declared), year 2027, slug "2027"."""
    return CompetitionFactory(year=2027)


@pytest.fixture
def discipline(competition):
    return competition.disciplines.get(kind="shooting")
