"""The Medal of Merit demo: a roll of a few years, one nomination in review, one before the
Council with its vote open; loading twice adds nothing."""

import pytest

from accounts import demo as accounts_demo
from awards import demo
from awards.models import MedalRollPage, Nomination
from conftest import add_translated
from core.models import StandardPage
from governance.models import Motion
from nations import demo as nations_demo
from nations.tests.sites import build_site

State = Nomination.State
pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    context = build_site()
    nations_demo.load(context)
    accounts_demo.load(context)
    context.pages["medal-of-merit"] = add_translated(
        context.homes,
        StandardPage(title="CIOR Medal of Merit", slug="medal-of-merit"),
        slug="medaille-du-merite",
    )
    demo.load(context)
    return context


def _rows():
    return sorted(Nomination.objects.values_list("nominee__last_name", "state", "year"))


def test_the_demo_has_a_roll_a_nomination_in_review_and_one_before_the_council(loaded):
    states = [state for _, state, _ in _rows()]

    assert states.count(State.AWARDED) == 5
    assert Nomination.objects.on_roll().count() == 4
    assert states.count(State.IN_REVIEW) == 1
    before = Nomination.objects.get(state=State.BEFORE_COUNCIL)
    assert (before.nominated_by.email, before.nominee.nation.code) == ("hod.fra@example.org", "DEU")
    assert (before.motion.status, before.motion.subject) == (Motion.Status.VOTING, "medal")
    assert before.motion.meeting.attendances.filter(present_in_person=True).count() == 34
    assert MedalRollPage.objects.count() == 2


def test_loading_the_demo_again_adds_nothing(loaded):
    before, motions = _rows(), Motion.objects.count()

    demo.load(loaded)

    assert (_rows(), Motion.objects.count()) == (before, motions)
