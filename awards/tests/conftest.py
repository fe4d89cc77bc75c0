import datetime

import pytest
from django.utils import timezone

from accounts.models import RoleAssignment
from accounts.tests.conftest import staff_user
from accounts.tests.factories import PersonFactory
from awards import services
from governance.tests.factories import CouncilMeetingFactory
from nations.tests.factories import NationFactory

Role = RoleAssignment.Role


@pytest.fixture
def deu(db):
    return NationFactory(code="DEU", name_en="Germany", name_fr="Allemagne")


@pytest.fixture
def hod_est(est):
    user = staff_user(Role.HEAD_OF_DELEGATION, nation=est)
    user.email = "hod.est@example.org"
    user.save(update_fields=["email"])
    return user


@pytest.fixture
def hod_est_2(est):
    """A second head of delegation of Estonia, who did not nominate."""
    return staff_user(Role.HEAD_OF_DELEGATION, nation=est)


@pytest.fixture
def hod_fra(fra):
    user = staff_user(Role.HEAD_OF_DELEGATION, nation=fra)
    user.person.preferred_language = "fr"
    user.person.save(update_fields=["preferred_language"])
    return user


@pytest.fixture
def editor(db):
    return staff_user(Role.EDITOR)


@pytest.fixture
def nominee(deu):
    return PersonFactory(
        nation=deu, first_name="Katrin", last_name="Vogel", rank_en="Colonel", rank_fr="Colonel"
    )


@pytest.fixture
def nomination(hod_est, est, nominee):
    """Estonia's head of delegation nominates a German colonel."""
    return services.nominate(
        by=hod_est,
        nominee=nominee,
        nation=est,
        citation_en="For her decisive part in the CIOR–NRFC cooperation.",
        citation_fr="Pour sa part décisive dans la coopération CIOR–NRFC.",
        grounds="She chaired the joint working group for four years.",
    )


@pytest.fixture
def coming_meeting(db):
    """A Council meeting next month, every nation of the tests present."""
    starts_on = timezone.localdate() + datetime.timedelta(days=30)
    return CouncilMeetingFactory(
        starts_on=starts_on, ends_on=starts_on + datetime.timedelta(days=2), status="planned"
    )
