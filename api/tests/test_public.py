"""The public read API: contents in both languages, filters, pagination, ETag, CORS, queries."""

import datetime
import gzip

import pytest

from accounts.tests.factories import PersonFactory
from events.models import Event
from events.tests.factories import EventFactory, ProgrammeItemFactory, RegistrationTypeFactory
from governance.tests.factories import (
    AppointmentFactory,
    CommitteeFactory,
    CommitteeMembershipFactory,
    PresidencyTermFactory,
)
from milcomp.tests.factories import CompetitionFactory, freeze, judge, make_team, shooting_data
from milcomp.tests.test_public_views import save
from nations.tests.factories import AssociationFactory, NationFactory

pytestmark = pytest.mark.django_db


def _event(**fields):
    return EventFactory(**fields)


# --- Events ----------------------------------------------------------------------------------


def test_events_list_in_french_falls_back_to_english(api, est):
    EventFactory(
        title_en="Mid-Winter Meeting 2027",
        title_fr="Réunion d'hiver 2027",
        summary_en="In Brussels",
        summary_fr="",
        host_nation=est,
        kind="mid_winter",
    )
    body = api.get("/api/v1/events/?lang=fr").json()
    event = body["results"][0]
    assert event["title"] == "Réunion d'hiver 2027"
    assert event["summary"] == "In Brussels"  # no French yet: the English shows
    assert event["kind_label"] == "Réunion de mi-hiver"
    assert event["host_nation"] == "EST"


def test_events_list_language_from_accept_language(api):
    EventFactory(title_en="Summer Congress", title_fr="Congrès d'été")
    response = api.get("/api/v1/events/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response["Content-Language"] == "fr"
    assert response.json()["results"][0]["title"] == "Congrès d'été"
    english = api.get("/api/v1/events/", HTTP_ACCEPT_LANGUAGE="de")
    assert english.json()["results"][0]["title"] == "Summer Congress"


def test_events_list_leaves_drafts_out_and_shows_sub_events(api, est):
    congress = EventFactory(slug="congress", title_en="Congress")
    EventFactory(slug="milcomp", parent=congress, kind="milcomp", title_en="MILCOMP")
    EventFactory(slug="draft-one", parent=congress, status=Event.Status.DRAFT)
    body = api.get("/api/v1/events/?top_level=true").json()
    assert [e["slug"] for e in body["results"]] == ["congress"]
    assert [s["slug"] for s in body["results"][0]["sub_events"]] == ["milcomp"]
    children = api.get("/api/v1/events/?parent=congress").json()
    assert [e["slug"] for e in children["results"]] == ["milcomp"]
    assert children["results"][0]["parent"]["slug"] == "congress"


def test_events_filter_by_kind_year_and_nation(api, est, fra):
    EventFactory(
        slug="a",
        kind="mid_winter",
        host_nation=est,
        starts_on=datetime.date(2027, 2, 1),
        ends_on=datetime.date(2027, 2, 3),
    )
    EventFactory(
        slug="b",
        kind="summer_congress",
        host_nation=fra,
        starts_on=datetime.date(2027, 7, 1),
        ends_on=datetime.date(2027, 7, 5),
    )
    EventFactory(
        slug="c",
        kind="mid_winter",
        host_nation=fra,
        starts_on=datetime.date(2028, 2, 1),
        ends_on=datetime.date(2028, 2, 3),
    )

    def slugs(query):
        return [e["slug"] for e in api.get(f"/api/v1/events/?{query}").json()["results"]]

    assert slugs("kind=mid_winter") == ["a", "c"]
    assert slugs("year=2027") == ["a", "b"]
    assert slugs("nation=fra") == ["b", "c"]
    assert slugs("kind=mid_winter&year=2028&nation=FRA") == ["c"]


def test_event_detail_has_programme_and_registration_types(api):
    event = EventFactory(slug="congress")
    ProgrammeItemFactory(event=event, title_en="Opening ceremony", title_fr="Cérémonie d'ouverture")
    RegistrationTypeFactory(event=event, kind="delegate")
    body = api.get("/api/v1/events/congress/?lang=fr").json()
    assert [p["title"] for p in body["programme"]] == ["Cérémonie d'ouverture"]
    assert body["registration_types"][0]["kind"] == "delegate"
    assert body["registration_types"][0]["label"] == "Délégué"


def test_event_detail_of_a_draft_is_a_404_problem(api):
    EventFactory(slug="secret", status=Event.Status.DRAFT)
    response = api.get("/api/v1/events/secret/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Not found"


def test_events_list_is_paginated(api):
    for n in range(3):
        EventFactory(slug=f"e{n}")
    body = api.get("/api/v1/events/?page_size=2").json()
    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"].endswith("page=2&page_size=2")
    second = api.get("/api/v1/events/?page_size=2&page=2").json()
    assert [e["slug"] for e in second["results"]] == ["e2"]


@pytest.mark.parametrize("rows", [2, 12])
def test_events_list_queries_do_not_grow_with_rows(api, est, rows, django_assert_max_num_queries):
    for _n in range(rows):
        parent = EventFactory(host_nation=est)
        EventFactory(parent=parent, kind="milcomp", host_nation=est)
    with django_assert_max_num_queries(3):  # count, page, sub-events
        body = api.get("/api/v1/events/?page_size=100").json()
    assert body["count"] == rows * 2


# --- ETag, CORS -------------------------------------------------------------------------------


def test_unchanged_list_answers_304(api):
    EventFactory(slug="congress")
    first = api.get("/api/v1/events/")
    etag = first["ETag"]
    again = api.get("/api/v1/events/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    french = api.get("/api/v1/events/?lang=fr", HTTP_IF_NONE_MATCH=etag)
    assert french.status_code == 200  # another language, another ETag


def test_cors_allows_any_site_to_read(api):
    response = api.get("/api/v1/nations/", HTTP_ORIGIN="https://www.roa.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = api.options(
        "/api/v1/nations/",
        HTTP_ORIGIN="https://www.roa.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_cors_headers_only_under_the_api(client, homes):
    response = client.get("/en/", HTTP_ORIGIN="https://www.roa.org")
    assert "Access-Control-Allow-Origin" not in response


# --- Nations, committees, presidency --------------------------------------------------------------


def test_nations_show_public_fields_of_the_association(api, est):
    AssociationFactory(
        nation=est,
        name_en="Estonian Reserve Officers' Association",
        name_fr="",
        website="https://ero.ee",
        contact_email="secret@ero.ee",
    )
    body = api.get("/api/v1/nations/?lang=fr").json()
    nation = body["results"][0]
    assert nation["code"] == "EST"
    assert nation["name"] == "Estonie"
    assert nation["association"] == {
        "name": "Estonian Reserve Officers' Association",
        "website": "https://ero.ee",
    }
    assert "secret@ero.ee" not in str(body)


@pytest.mark.parametrize("rows", [2, 10])
def test_nations_list_queries_do_not_grow(api, rows, django_assert_max_num_queries):
    for _n in range(rows):
        AssociationFactory(nation=NationFactory())
    with django_assert_max_num_queries(2):
        assert api.get("/api/v1/nations/").json()["count"] == rows


def test_committee_shows_its_members_by_nation(api, est):
    committee = CommitteeFactory(slug="yro-c", acronym="YRO-C", name_fr="Comité YRO")
    chair = PersonFactory(first_name="Anna", last_name="Kask", nation=est)
    CommitteeMembershipFactory(committee=committee, person=chair, role="chair")
    member = PersonFactory(first_name="Jaan", last_name="Tamm", nation=est)
    CommitteeMembershipFactory(committee=committee, person=member)
    body = api.get("/api/v1/committees/yro-c/?lang=fr").json()
    assert body["name"] == "Comité YRO"
    assert body["chair"]["name"] == "Anna KASK"
    assert body["members_by_nation"] == [
        {
            "nation": "EST",
            "nation_name": "Estonie",
            "members": [
                {
                    "name": "Jaan TAMM",
                    "rank": member.rank,
                    "nato_code": member.nato_code,
                    "nation": "EST",
                }
            ],
        }
    ]
    assert "email" not in str(body)


@pytest.mark.parametrize("rows", [2, 8])
def test_committees_list_queries_do_not_grow(api, rows, django_assert_max_num_queries):
    for _n in range(rows):
        CommitteeFactory()
    with django_assert_max_num_queries(2):
        assert api.get("/api/v1/committees/").json()["count"] == rows


def test_presidency_shows_the_current_team(api, est):
    term = PresidencyTermFactory(nation=est)
    president = PersonFactory(first_name="Mart", last_name="Saar", nation=est)
    AppointmentFactory(term=term, person=president, role="president")
    body = api.get("/api/v1/presidency/?lang=fr").json()
    assert body["term"]["nation"] == "EST"
    assert body["team"][0]["title"] == "Président"
    assert body["team"][0]["person"]["name"] == "Mart SAAR"


# --- MILCOMP ------------------------------------------------------------------------------------


@pytest.fixture
def scored(est, fra):
    competition = CompetitionFactory(
        year=2027, title_en="MILCOMP 2027", title_fr="MILCOMP 2027 (fr)"
    )
    make_team(competition, est)
    make_team(competition, fra)
    make_team(competition, est)
    competition = freeze(competition)
    competition.status = competition.Status.RUNNING
    competition.save(update_fields=["status"])
    user = judge(competition, "shooting", "land")
    save(competition, "EST 1", "shooting", shooting_data(), user)
    save(competition, "EST 1", "land", {"seconds": 200, "failed_obstacles": 0}, user)
    save(competition, "FRA 1", "shooting", shooting_data(), user)
    save(competition, "EST 2", "shooting", shooting_data(rings=(10, 9, 9, 8, 10), hits=3), user)
    return competition


def test_competitions_list(api, scored):
    body = api.get("/api/v1/milcomp/competitions/?lang=fr").json()
    assert body["results"][0]["slug"] == "2027"
    assert body["results"][0]["title"] == "MILCOMP 2027 (fr)"


def test_rankings_give_every_ranking_provisional(api, scored):
    body = api.get("/api/v1/milcomp/competitions/2027/rankings/").json()
    names = [(r["ranking"], r["key"]) for r in body["rankings"]]
    assert names[0] == ("overall", None)
    assert ("category", "novice") in names and ("discipline", "land") in names
    assert names[-2:] == [("individual-shooting", None), ("nation-cup", None)]
    overall = body["rankings"][0]
    assert [(r["place"], r["name"], r["total"]) for r in overall["rows"]] == [
        (1, "EST 1", 4508),
        (2, "FRA 1", 3108),
        (3, "EST 2", 2748),
    ]
    assert overall["official"] is False
    assert body["official"] is False
    assert {s["state"] for s in overall["states"]} == {"open"}
    cup = body["rankings"][-1]
    assert [(r["nation"], r["points"]) for r in cup["rows"]] == [("EST", 7256), ("FRA", 3108)]
    shooting = body["rankings"][-2]
    assert len(shooting["rows"]) == 9
    assert all(row["name"] for row in shooting["rows"])


def test_one_ranking_and_its_etag(api, scored):
    url = "/api/v1/milcomp/competitions/2027/rankings/discipline/land/"
    response = api.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    body = response.json()
    assert body["title"] == "Parcours d'obstacles terrestre"
    assert next(r["name"] for r in body["rows"]) == "EST 1"
    assert (
        api.get(url, HTTP_IF_NONE_MATCH=response["ETag"], HTTP_ACCEPT_LANGUAGE="fr").status_code
        == 304
    )


def test_rankings_move_on_with_a_new_result(api, scored, est):
    url = "/api/v1/milcomp/competitions/2027/rankings/overall/"
    first = api.get(url)
    user = judge(scored, "land")
    save(scored, "FRA 1", "land", {"seconds": 100, "failed_obstacles": 0}, user)
    second = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second.json()["rows"][0]["name"] == "FRA 1"


def test_unknown_ranking_is_a_404_problem(api, scored):
    response = api.get("/api/v1/milcomp/competitions/2027/rankings/category/giants/")
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_warm_rankings_take_one_query(api, scored, django_assert_max_num_queries):
    """Only the competition's id is read (a renamed or deleted one is seen at once; its edits
    move the results version); the rankings come from the shared cache under that version."""
    url = "/api/v1/milcomp/competitions/2027/rankings/"
    api.get(url)
    with django_assert_max_num_queries(1):
        assert api.get(url).status_code == 200


def test_rankings_gzip_when_the_client_takes_it(api, scored):
    url = "/api/v1/milcomp/competitions/2027/rankings/"
    plain = api.get(url)
    packed = api.get(url, HTTP_ACCEPT_ENCODING="br, gzip;q=0.8")
    refused = api.get(url, HTTP_ACCEPT_ENCODING="gzip;q=0, identity")

    assert "Content-Encoding" not in plain and "Content-Encoding" not in refused
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content == refused.content
    assert len(packed.content) * 3 < len(plain.content)
    assert packed["ETag"] != plain["ETag"] == refused["ETag"]
    assert "Accept-Encoding" in packed["Vary"] and "Accept-Encoding" in plain["Vary"]
    again = api.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"])
    assert again.status_code == 304


def test_rankings_show_a_renamed_competition_and_its_new_slug_at_once(
    api, scored, django_capture_on_commit_callbacks
):
    old_url = "/api/v1/milcomp/competitions/2027/rankings/"
    before = api.get(old_url)
    with django_capture_on_commit_callbacks(execute=True):
        scored.slug = "2027-tallinn"
        scored.title_en = "MILCOMP 2027, Tallinn"
        scored.save()

    assert api.get(old_url).status_code == 404
    after = api.get("/api/v1/milcomp/competitions/2027-tallinn/rankings/")
    assert after["ETag"] != before["ETag"]
    assert after.json()["competition"]["title"] == "MILCOMP 2027, Tallinn"
