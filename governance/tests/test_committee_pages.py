import datetime
import re

import pytest

from accounts.tests.factories import PersonFactory
from governance.models import Committee
from nations.models import Nation
from nations.tests.factories import NationFactory

from .factories import CommitteeFactory, CommitteeMembershipFactory
from .helpers import cards, section, text_of, warm_query_count

pytestmark = pytest.mark.django_db

ENGLISH_NAMES = [
    "Young Reserve Officers Committee",
    "Language Academy Committee",
    "Civil-Military Cooperation Committee",
    "Military Competition Committee",
    "Cyber Reserve Committee",
    "Strategy and Communication Committee",
    "Defence Attitudes and Security Issues Committee",
    "Legal Affairs Committee",
]


def test_committees_page_shows_the_eight_committees_as_cards(client, demo_site):
    html = client.get("/en/structure/committees/").content.decode()

    committees = cards(html, "card committee-card")
    assert len(committees) == 8
    for acronym, name, card in zip(
        Committee.objects.values_list("acronym", flat=True), ENGLISH_NAMES, committees, strict=True
    ):
        assert card.startswith(f"{acronym} {name}")
    assert "Main product: YRO Workshop and YRO Seminar" in committees[0]
    assert '<a href="/en/structure/committees/cr-c/">Cyber Reserve Committee</a>' in html


def test_committees_page_in_french_names_committees_in_french(client, demo_site):
    html = client.get("/fr/structure/comites/").content.decode()

    committees = cards(html, "card committee-card")
    assert committees[0].startswith("YRO-C Comité des jeunes officiers de réserve")
    assert "Atelier YRO et séminaire YRO" in committees[0]
    assert '<a href="/fr/structure/comites/cr-c/">' in html
    assert "Young Reserve Officers Committee" not in html


def test_committee_page_shows_the_committee_record(client, demo_site):
    response = client.get("/en/structure/committees/cr-c/")
    html = response.content.decode()
    text = text_of(html)

    assert response.status_code == 200
    assert "<h1>Cyber Reserve Committee</h1>" in html
    assert "<title>Cyber Reserve Committee (CR-C) | CIOR</title>" in html
    assert '<time datetime="2022-08-01">' in html
    assert "Main product International Cyber Event (ICE)" in text
    assert "CR-C was formed on the 1st of August 2022" in text
    assert '<a class="back-link" href="/en/structure/committees/">All committees</a>' in html


def test_committee_page_shows_a_year_when_only_the_year_is_known(client, demo_site):
    html = client.get("/en/structure/committees/cimic-c/").content.decode()

    assert '<dd><time datetime="2012">2012</time></dd>' in html


def test_committee_page_in_french_shows_the_french_record(client, demo_site):
    html = client.get("/fr/structure/comites/cr-c/").content.decode()
    text = text_of(html)

    assert "<h1>Comité de la réserve cyber</h1>" in html
    assert "<title>Comité de la réserve cyber (CR-C) | CIOR</title>" in html
    assert "1 août 2022" in text
    assert '<a class="back-link" href="/fr/structure/comites/">' in html


def test_committee_page_breadcrumbs_end_with_the_committee(client, demo_site):
    html = client.get("/en/structure/committees/legal-c/").content.decode()

    start = html.index('<nav class="breadcrumbs')
    crumbs = html[start : html.index("</nav>", start)]
    assert text_of(crumbs) == "Home Structure Committees Legal Affairs Committee"
    assert '<span aria-current="page">Legal Affairs Committee</span>' in crumbs
    assert '<a href="/en/structure/committees/">Committees</a>' in crumbs


def test_committee_page_language_switch_leads_to_the_same_committee(client, demo_site):
    html = client.get("/en/structure/committees/yro-c/").content.decode()

    assert 'href="/fr/structure/comites/yro-c/" hreflang="fr"' in html


def test_committee_page_falls_back_to_english_where_french_is_missing(client, demo_site):
    CommitteeFactory(slug="new-c", acronym="NEW-C", name_en="New Committee", name_fr="")

    html = client.get("/fr/structure/comites/new-c/").content.decode()

    assert "<h1>New Committee</h1>" in html


@pytest.mark.parametrize(
    "url", ["/en/structure/committees/no-such-c/", "/fr/structure/comites/no-such-c/"]
)
def test_unknown_committee_is_not_found(client, demo_site, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url, own_reads",
    [
        ("/en/structure/committees/", 1),
        ("/fr/structure/comites/", 1),
        # The committee, then its chair, secretary and members with their people and nations.
        ("/en/structure/committees/cr-c/", 2),
        ("/fr/structure/comites/cr-c/", 2),
    ],
)
def test_committee_pages_queries_do_not_grow_with_the_records(
    client, demo_site, django_assert_max_num_queries, url, own_reads
):
    base = warm_query_count(client, url[:4] + "structure/plain/")
    CommitteeFactory.create_batch(30)
    cyber = Committee.objects.get(slug="cr-c")
    for _ in range(12):
        CommitteeMembershipFactory(committee=cyber, person__nation=NationFactory())
    client.get(url)

    with django_assert_max_num_queries(min(base + own_reads, 20)):
        response = client.get(url)

    assert response.status_code == 200


def officers(html):
    return cards(section(html, "officers-heading"), "person-card")


def members_by_nation(html):
    """Return {nation: [members]} as the page lists them."""
    groups = re.findall(
        r'<li class="committee-members__nation">(.*?)</ul>\s*</li>',
        section(html, "members-heading"),
        flags=re.S,
    )
    result = {}
    for group in groups:
        nation = text_of(re.search(r"<h3>(.*?)</h3>", group, flags=re.S).group(1))
        result[nation] = [
            text_of(m) for m in re.findall(r'<li class="committee-member">(.*?)</li>', group)
        ]
    return result


def test_committee_page_shows_chair_secretary_and_members_by_nation(client, demo_site):
    html = client.get("/en/structure/committees/yro-c/").content.decode()

    assert officers(html) == [
        "Pieter DE VRIES Chair Lieutenant Colonel Netherlands",
        "Lena HOFFMANN Secretary Major Germany",
    ]
    assert members_by_nation(html) == {
        "Belgium": ["Lieutenant Sarah JANSSENS", "Captain Thomas PEETERS"],
        "France": ["Captain Camille LEFÈVRE"],
        "Poland": ["Lieutenant Michał KOWALCZYK"],
        "United States": ["Captain Emily CARTER"],
    }
    assert '<img class="person-card__flag" src="/static/img/flags/bel.svg" alt=""' in html


def test_committee_page_in_french_names_nations_and_ranks_in_french(client, demo_site):
    html = client.get("/fr/structure/comites/yro-c/").content.decode()

    assert officers(html)[0].startswith("Pieter DE VRIES")
    assert officers(html)[0].endswith("Lieutenant-colonel Pays-Bas")
    # Sorted by the French names: États-Unis under E.
    assert members_by_nation(html) == {
        "Belgique": ["Lieutenant Sarah JANSSENS", "Capitaine Thomas PEETERS"],
        "États-Unis": ["Capitaine Emily CARTER"],
        "France": ["Capitaine Camille LEFÈVRE"],
        "Pologne": ["Lieutenant Michał KOWALCZYK"],
    }


def test_committee_page_leaves_out_past_members(client, demo_site):
    yro = Committee.objects.get(slug="yro-c")
    CommitteeMembershipFactory(
        committee=yro,
        person=PersonFactory(
            first_name="Old", last_name="Timer", nation=Nation.objects.get(code="ITA")
        ),
        ends_on=datetime.date(2025, 7, 31),
    )

    html = client.get("/en/structure/committees/yro-c/").content.decode()

    assert "TIMER" not in html
    assert "Italy" not in members_by_nation(html)


def test_committee_page_without_members_says_so(client, demo_site):
    CommitteeFactory(slug="new-c", acronym="NEW-C")

    html = client.get("/en/structure/committees/new-c/").content.decode()

    assert "officers-heading" not in html
    assert "The heads of delegation have not nominated members yet." in text_of(html)
