import pytest

from accounts.models import RoleAssignment
from accounts.tests.conftest import staff_user
from governance.tests.factories import CommitteeFactory

from .factories import CourseClassFactory, SessionFactory, ThresholdFactory

Role = RoleAssignment.Role


@pytest.fixture
def cla_committee(db):
    return CommitteeFactory(acronym="CLA-C", slug="cla-c", name="Language Academy Committee")


@pytest.fixture
def yro_committee(db):
    return CommitteeFactory(acronym="YRO-C", slug="yro-c", name="Young Reserve Officers Committee")


@pytest.fixture
def director(cla_committee):
    """The CLA director: the chair of the CLA-C."""
    return staff_user(Role.COMMITTEE_CHAIR, committee=cla_committee)


@pytest.fixture
def yro_chair(yro_committee):
    return staff_user(Role.COMMITTEE_CHAIR, committee=yro_committee)


@pytest.fixture
def session(db):
    """A session of 100 places with English classes at levels 1-3 (2 places each) and
    thresholds 0 / 40 / 70."""
    session = SessionFactory()
    for level in (1, 2, 3):
        CourseClassFactory(session=session, name=f"English {level}", level=level, capacity=2)
    for level, score in ((1, 0), (2, 40), (3, 70)):
        ThresholdFactory(session=session, level=level, min_score=score)
    return session
