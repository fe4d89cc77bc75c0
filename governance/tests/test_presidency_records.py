"""The presidency page and its reads on records made for each test: elect teams, honorary
delegates derived from the term history, the Permanent Representative."""

import datetime

import pytest
from django.utils import timezone

from governance.models import PresidencyPage
from governance.queries import honorary_delegates, presidency
from nations.tests.factories import NationFactory

from .factories import AppointmentFactory, PresidencyTermFactory
from .helpers import cards, section, text_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEAR = datetime.timedelta(days=365)


def past_term(**kwargs):
    return PresidencyTermFactory(starts_on=TODAY - 3 * YEAR, ends_on=TODAY - YEAR, **kwargs)


def current_term(**kwargs):
    return PresidencyTermFactory(starts_on=TODAY - YEAR, ends_on=TODAY + YEAR, **kwargs)


def future_term(**kwargs):
    return PresidencyTermFactory(starts_on=TODAY + YEAR, ends_on=TODAY + 3 * YEAR, **kwargs)


def test_honorary_delegates_are_past_presidents_and_sgs_not_current_ones(client, empty_site):
    norland = NationFactory(name_en="Norland")
    past, current = past_term(nation=norland), current_term()
    AppointmentFactory(
        term=past, person__first_name="Anna", person__last_name="Past", person__nation=norland
    )
    AppointmentFactory(
        term=past,
        role="secretary_general",
        person__first_name="Carl",
        person__last_name="Sec",
        person__nation=norland,
    )
    AppointmentFactory(term=past, role="asg", portfolio="plans", person__last_name="Asg")
    AppointmentFactory(term=current, person__first_name="Bob", person__last_name="Now")

    html = client.get("/en/structure/presidency/").content.decode()

    assert cards(section(html, "honorary-heading"), "honorary-list__item") == [
        f"Anna PAST, Major (Norland) President (Norland, {past.years})",
        f"Carl SEC, Major (Norland) Secretary General (Norland, {past.years})",
    ]
    assert "Bob NOW" in text_of(section(html, "team-heading"))


def test_honorary_delegates_list_a_person_once_with_every_past_office(empty_site):
    earlier = PresidencyTermFactory(starts_on=TODAY - 5 * YEAR, ends_on=TODAY - 3 * YEAR)
    later = past_term()
    person = AppointmentFactory(term=earlier, role="secretary_general").person
    AppointmentFactory(term=later, person=person)
    AppointmentFactory(term=current_term())

    delegates = honorary_delegates()

    assert [d.person for d in delegates] == [person]
    assert [(o.role, o.term) for o in delegates[0].offices] == [
        ("president", later),
        ("secretary_general", earlier),
    ]


def test_presidency_page_calls_a_future_team_elect(client, empty_site):
    future = future_term(nation=NationFactory(name_en="Norland"))
    AppointmentFactory(term=future, person__first_name="Eva", person__last_name="Next")
    AppointmentFactory(
        term=future, role="secretary_general", person__first_name="", person__last_name=""
    )
    PresidencyPage.objects.update(term=future)

    html = client.get("/en/structure/presidency/").content.decode()

    assert f'<h2 id="team-heading">Presidency-elect {future.years} · Norland</h2>' in html
    team = cards(section(html, "team-heading"), "person-card")
    assert team[0].startswith("Eva NEXT President-elect Major")
    assert team[1].startswith("Secretary General-elect Major")
    assert "takes office on" in html


def test_presidency_page_without_a_chosen_term_shows_the_current_one(client, empty_site):
    past_term()
    current = current_term()
    future_term()

    html = client.get("/en/structure/presidency/").content.decode()

    assert presidency().term == current
    assert f"Presidency {current.years} · {current.nation.name}" in html
    assert "President-elect" not in html


def test_presidency_leaves_out_a_former_perm_rep_and_vice_presidents(empty_site):
    term = current_term()
    AppointmentFactory(term=None, role="perm_rep", person__last_name="Former", ends_on=TODAY - YEAR)
    AppointmentFactory(term=None, role="perm_rep", person__last_name="Serving")
    AppointmentFactory(term=term, role="vice_president", person__last_name="Delegation")
    AppointmentFactory(term=term, role="asg", portfolio="plans", person__last_name="Plans")
    AppointmentFactory(term=term, person__last_name="Chief")

    team = presidency(term_id=term.pk).team

    assert [a.person.last_name for a in team] == ["Chief", "Serving", "Plans"]


def test_presidency_page_without_records_says_so(client, empty_site):
    html = client.get("/en/structure/presidency/").content.decode()

    assert "The presidency team will be announced here." in html
    assert "No past President or Secretary General is recorded yet." in html
    assert "past-heading" not in html
