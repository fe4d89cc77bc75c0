"""The public roll: recipients by year, in the visitor's language, only with their consent."""

import datetime

import pytest

from accounts.tests.factories import PersonFactory
from awards.models import MedalRollPage
from conftest import add_translated
from core.models import StandardPage
from governance.tests.helpers import text_of
from nations.tests.factories import NationFactory

from .factories import AwardedFactory, NominationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roll_pages(homes):
    medal = add_translated(
        homes,
        StandardPage(title="CIOR Medal of Merit", slug="medal-of-merit"),
        title="Médaille du mérite de la CIOR",
        slug="medaille-du-merite",
    )
    return add_translated(
        medal,
        MedalRollPage(title="Roll of the Medal of Merit", slug="roll"),
        title="Palmarès de la Médaille du mérite",
        slug="palmares",
    )


@pytest.fixture
def recipients(db):
    bel = NationFactory(code="BEL", name_en="Belgium", name_fr="Belgique")
    nld = NationFactory(code="NLD", name_en="Netherlands", name_fr="Pays-Bas")
    peeters = PersonFactory(
        first_name="Luc", last_name="Peeters", nation=bel, rank_en="Colonel", rank_fr="Colonel"
    )
    de_vries = PersonFactory(
        first_name="Anouk",
        last_name="Vries",
        nation=nld,
        rank_en="Lieutenant Colonel",
        rank_fr="Lieutenant-colonel",
    )
    hidden = PersonFactory(first_name="Agnieszka", last_name="Nowak", nation=nld)
    AwardedFactory(
        nominee=peeters,
        awarded_on=datetime.date(2024, 2, 6),
        citation_en="For the Language Academy.",
        citation_fr="Pour l'Académie de langues.",
    )
    AwardedFactory(
        nominee=de_vries,
        awarded_on=datetime.date(2025, 2, 6),
        citation_en="For the YRO Workshop.",
        citation_fr="Pour l'atelier YRO.",
    )
    AwardedFactory(nominee=hidden, awarded_on=datetime.date(2025, 2, 6), publication_consent=False)
    NominationFactory(nominee=PersonFactory(last_name="Pending"))


def test_the_roll_lists_consenting_recipients_by_year_in_english(client, roll_pages, recipients):
    response = client.get("/en/medal-of-merit/roll/")

    text = text_of(response.content.decode())
    assert (
        "2025 Lieutenant Colonel Anouk VRIES – Netherlands For the YRO Workshop. "
        "2024 Colonel Luc PEETERS – Belgium For the Language Academy."
    ) in text
    assert "NOWAK" not in text and "PENDING" not in text


def test_the_roll_in_french_shows_the_french_citation(client, roll_pages, recipients):
    response = client.get("/fr/medaille-du-merite/palmares/")

    text = text_of(response.content.decode())
    assert (
        "2025 Lieutenant-colonel Anouk VRIES – Pays-Bas Pour l'atelier YRO. "
        "2024 Colonel Luc PEETERS – Belgique Pour l'Académie de langues."
    ) in text.replace("&#x27;", "'")
    assert "NOWAK" not in text


def test_the_medal_page_links_to_the_roll(client, roll_pages):
    response = client.get("/en/medal-of-merit/")

    assert 'href="/en/medal-of-merit/roll/"' in response.content.decode()


def test_the_roll_takes_the_same_queries_whatever_the_number_of_recipients(
    client, roll_pages, recipients, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/en/medal-of-merit/roll/")
    with CaptureQueriesContext(connection) as few:
        client.get("/en/medal-of-merit/roll/")
    budget = len(few)  # now: each request empties the connection's query log
    assert budget <= 20  # the page, the site's menu and footer, the roll
    for year in range(2000, 2020):
        AwardedFactory(awarded_on=datetime.date(year, 2, 6))
    client.get("/en/medal-of-merit/roll/")  # the new nations changed what workers keep

    with django_assert_max_num_queries(budget):
        response = client.get("/en/medal-of-merit/roll/")

    assert text_of(response.content.decode()).count("For outstanding service") == 20
