"""The presidency page on the demo records: the term of the date, and each past term's team.

The demo's latest term is Norway's (2024–2026, its officers by role only); the Estonian team,
as the client's text gives it, is at /structure/presidency/2022/.
"""

import datetime
import re

import pytest

from governance.queries import honorary_delegates

from .factories import AppointmentFactory, PresidencyTermFactory
from .helpers import cards, section, text_of, warm_query_count

pytestmark = pytest.mark.django_db


def team_cards(html):
    return cards(section(html, "team-heading"), "person-card")


def test_presidency_page_shows_the_latest_term_by_date(client, demo_site):
    html = client.get("/en/structure/presidency/").content.decode()

    assert '<h2 id="team-heading">Presidency 2024–2026 · Norway</h2>' in html
    assert team_cards(html) == [
        "President Norway · Other",
        "Secretary General Norway · Other",
        "Permanent Representative of CIOR to NATO Colonel Belgium · Army",
    ]


def test_presidency_page_shows_the_term_covering_today(client, demo_site):
    term = PresidencyTermFactory(
        starts_on=datetime.date.today() - datetime.timedelta(days=30),
        ends_on=datetime.date.today() + datetime.timedelta(days=600),
    )
    AppointmentFactory(term=term, role="president")

    html = client.get("/en/structure/presidency/").content.decode()

    heading = f"Presidency {term.years} · {term.nation.name}"
    assert f'<h2 id="team-heading">{heading}</h2>' in html
    past = cards(section(html, "past-heading"), "term-list__item")
    assert past[0] == "2024–2026 Norway – Nordic presidency led by Norway"


def test_presidency_page_of_a_past_term_shows_the_estonian_team(client, demo_site):
    html = client.get("/en/structure/presidency/2022/").content.decode()

    assert '<h2 id="team-heading">Presidency 2022–2024 · Estonia</h2>' in html
    team = team_cards(html)
    assert len(team) == 7
    assert team[0] == "Toomas LUMAN President Lieutenant Colonel Estonia · Army"
    assert team[1] == "Secretary General Major Estonia · Army"
    assert team[2] == "Permanent Representative of CIOR to NATO Colonel Belgium · Army"
    assert team[4] == (
        "Kaupo KIIS Assistant Secretary General – Operations Lieutenant Colonel Estonia · Army"
    )


def test_presidency_page_of_an_unknown_year_is_not_found(client, demo_site):
    assert client.get("/en/structure/presidency/1950/").status_code == 404


def test_presidency_page_links_each_past_term_to_its_team(client, demo_site):
    html = client.get("/fr/structure/presidence/").content.decode()

    assert 'href="/fr/structure/presidence/2022/"' in html
    assert 'href="/fr/structure/presidence/2018/"' in html


def test_presidency_page_shows_a_nameless_record_by_rank_and_role(client, demo_site):
    html = client.get("/en/structure/presidency/2022/").content.decode()

    assert team_cards(html)[3] == (
        "Assistant Secretary General – Organization Lieutenant Senior Grade Estonia · Navy"
    )
    assert "None" not in text_of(html)
    assert not re.search(r"<h3[^>]*>\s*</h3>", html)


def test_presidency_page_in_french_shows_the_french_records(client, demo_site):
    response = client.get("/fr/structure/presidence/2022/")
    html = response.content.decode()
    team = team_cards(html)

    assert response.status_code == 200
    assert "<h1>Présidence</h1>" in html
    assert team[0].startswith("Toomas LUMAN")
    assert "Lieutenant-colonel Estonie" in team[0]
    assert "Commandant Estonie" in team[1]
    assert "Lieutenant de vaisseau Finlande" in team[6]


def test_presidency_page_lists_past_presidencies_with_nation_and_years(client, demo_site):
    html = client.get("/en/structure/presidency/").content.decode()

    past = cards(section(html, "past-heading"), "term-list__item")
    assert "2020–2022 Germany" in past
    assert "2018–2020 United Kingdom" in past
    assert "2022–2024 Estonia" in past
    assert not any("Norway" in term for term in past)  # The term shown above.


def test_presidency_page_in_french_names_past_presidencies_in_french(client, demo_site):
    html = client.get("/fr/structure/presidence/").content.decode()

    past = cards(section(html, "past-heading"), "term-list__item")
    assert "2020–2022 Allemagne" in past
    assert "2018–2020 Royaume-Uni" in past


def test_presidency_page_makes_the_estonian_president_an_honorary_delegate(client, demo_site):
    # The Estonian term ended in 2024: its President and SG are now Honorary Delegates.
    html = client.get("/en/structure/presidency/").content.decode()

    honorary = cards(section(html, "honorary-heading"), "honorary-list__item")
    assert honorary == [
        "Name not recorded (Norway) President (Norway, 2024–2026)",
        "Name not recorded (Norway) Secretary General (Norway, 2024–2026)",
        "Toomas LUMAN, Lieutenant Colonel (Estonia) President (Estonia, 2022–2024)",
        "Major (Estonia) Secretary General (Estonia, 2022–2024)",
    ]


@pytest.mark.parametrize("language, slug", [("en", "presidency"), ("fr", "presidence")])
def test_presidency_page_queries_do_not_grow_with_the_records(
    client, demo_site, django_assert_max_num_queries, language, slug
):
    base = warm_query_count(client, f"/{language}/structure/plain/")
    for year in range(1990, 2018, 2):
        term = PresidencyTermFactory(
            starts_on=datetime.date(year, 8, 1), ends_on=datetime.date(year + 2, 7, 31)
        )
        for role in ("president", "secretary_general", "asg", "asg", "head_of_office"):
            AppointmentFactory(term=term, role=role)
    client.get(f"/{language}/structure/{slug}/")

    # Two reads of its own, whatever the records: the terms, then the appointments shown.
    with django_assert_max_num_queries(min(base + 2, 20)):
        response = client.get(f"/{language}/structure/{slug}/")

    assert response.status_code == 200
    assert len(honorary_delegates()) == 32  # 14 terms × 2, the Estonian and Norwegian P and SG.
