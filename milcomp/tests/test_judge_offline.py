"""The judge's offline mode: one entry sent as JSON (entry.json), the service worker's script,
and what the entry page says is still missing per team."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from milcomp.models import RawResult, Team

from .factories import CompetitionFactory, freeze, judge, make_team

RINGS = [10, 9, 8, 7, 10]


@pytest.fixture
def running(competition, est, fra):
    make_team(competition, est)
    make_team(competition, fra)
    return freeze(competition)


@pytest.fixture
def shooting_judge(running):
    return judge(running, "shooting")


def save_url(competition, kind="shooting"):
    return reverse("milcomp_judge_entry_save", args=[competition.slug, kind])


def shooting_fields(team, *, version=0, hits=4, weapons=("pistol", "rifle")):
    prefix = f"t{team.pk}"
    fields = {f"{prefix}-version": str(version), f"{prefix}-status": "ok"}
    for m in range(3):
        for weapon in weapons:
            for k, ring in enumerate(RINGS, start=1):
                fields[f"{prefix}-m{m}_{weapon}_{k}"] = str(ring)
            fields[f"{prefix}-m{m}_{weapon}_rapid"] = str(hits)
    return fields


def send(client, competition, body, kind="shooting"):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(save_url(competition, kind), data, content_type="application/json")


def test_entry_is_saved_and_answered_as_the_page_shows_it(client, running, shooting_judge):
    team = Team.objects.get(name="FRA 1")
    client.force_login(shooting_judge)

    response = send(client, running, {"team": team.pk, "fields": shooting_fields(team)})

    assert response.status_code == 200
    body = response.json()
    assert (body["team"], body["version"], body["missing"]) == (team.pk, 1, [])
    assert "Member 1: pistol 10 9 8 7 10, rapid 4; rifle 10 9 8 7 10, rapid 4" in body["summary"]
    assert body["fields"][f"t{team.pk}-m2_rifle_3"] == "8"
    assert body["fields"][f"t{team.pk}-version"] == "1"
    result = RawResult.objects.get(team=team)
    assert (result.version, result.entered_by) == (1, shooting_judge)
    assert result.data["members"][2]["rifle_precision"] == RINGS


def test_partly_entered_answer_lists_what_is_missing(client, running, shooting_judge):
    team = Team.objects.get(name="EST 1")
    client.force_login(shooting_judge)

    body = send(
        client, running, {"team": team.pk, "fields": shooting_fields(team, weapons=["rifle"])}
    ).json()

    first = team.members.get(position=1).person.full_name
    assert f"Member 1 – {first}: pistol precision, 0 of 5 shots" in body["missing"]
    assert len(body["missing"]) == 3


def test_stale_version_is_a_conflict_with_the_servers_entry(client, running, shooting_judge):
    team = Team.objects.get(name="EST 1")
    other = judge(running, "shooting")
    client.force_login(other)
    send(client, running, {"team": team.pk, "fields": shooting_fields(team, hits=6)})
    client.force_login(shooting_judge)

    response = send(client, running, {"team": team.pk, "fields": shooting_fields(team, hits=2)})

    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert "was changed by someone else meanwhile" in body["detail"]
    assert body["server"]["version"] == 1
    assert body["server"]["by"] == str(other.person)
    assert body["server"]["fields"][f"t{team.pk}-m0_rifle_rapid"] == "6"
    assert (
        "Member 1: pistol 10 9 8 7 10, rapid 6; rifle 10 9 8 7 10, rapid 6"
        in (body["server"]["summary"])
    )
    assert (
        "Member 1: pistol 10 9 8 7 10, rapid 2; rifle 10 9 8 7 10, rapid 2"
        in (body["yours"]["summary"])
    )
    result = RawResult.objects.get(team=team)
    assert (result.version, result.data["members"][0]["rifle_rapid_hits"]) == (1, 6)


def test_entry_sent_again_after_a_lost_answer_is_saved_once(client, running, shooting_judge):
    team = Team.objects.get(name="EST 1")
    client.force_login(shooting_judge)
    send(client, running, {"team": team.pk, "fields": shooting_fields(team)})

    # The network dropped the answer: the page sends the same entry again, on version 0.
    again = send(client, running, {"team": team.pk, "fields": shooting_fields(team)})

    assert (again.status_code, again.json()["version"]) == (200, 1)
    assert RawResult.objects.get(team=team).version == 1


def test_entry_based_on_the_servers_version_replaces_it(client, running, shooting_judge):
    team = Team.objects.get(name="EST 1")
    client.force_login(shooting_judge)
    send(client, running, {"team": team.pk, "fields": shooting_fields(team, hits=6)})

    response = send(
        client, running, {"team": team.pk, "fields": shooting_fields(team, version=1, hits=2)}
    )

    assert (response.status_code, response.json()["version"]) == (200, 2)
    assert RawResult.objects.get(team=team).data["members"][0]["rifle_rapid_hits"] == 2


def test_judge_of_another_discipline_is_refused(client, running):
    team = Team.objects.get(name="EST 1")
    client.force_login(judge(running, "land"))

    response = send(client, running, {"team": team.pk, "fields": shooting_fields(team)})

    assert response.status_code == 403
    assert response.json()["detail"] == "You do not judge this discipline."
    assert not RawResult.objects.exists()


def test_head_of_delegation_is_refused(client, running, hod_est):
    team = Team.objects.get(name="EST 1")
    client.force_login(hod_est)

    response = send(client, running, {"team": team.pk, "fields": shooting_fields(team)})

    assert response.status_code == 403
    assert not RawResult.objects.exists()


def test_another_competitions_team_or_discipline_is_refused(client, running, shooting_judge, est):
    team = Team.objects.get(competition=running, name="EST 1")
    other = CompetitionFactory(year=2028)
    stranger = make_team(other, est)
    freeze(other)
    client.force_login(shooting_judge)

    foreign_team = send(client, running, {"team": stranger.pk, "fields": shooting_fields(team)})
    foreign_discipline = send(client, other, {"team": stranger.pk, "fields": {}})

    assert foreign_team.status_code == 404
    assert foreign_team.json()["detail"] == "This team does not take part in this competition."
    assert foreign_discipline.status_code == 403
    assert not RawResult.objects.exists()


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ('{"team": 1, "fields": ', "The entry is not valid JSON (line 1, column 23)."),
        ("[1, 2]", "The entry must be a JSON object with “team” and “fields”."),
        ('{"team": "1", "fields": {}}', "“team” (a number) and “fields” (an object)"),
        ('{"team": 1, "fields": {"a": [1]}}', "Each field of the entry must be a text or a number"),
    ],
    ids=["truncated", "not-an-object", "team-as-text", "field-as-list"],
)
def test_malformed_entry_is_refused_with_a_clear_message(
    client, running, shooting_judge, body, detail
):
    client.force_login(shooting_judge)

    response = send(client, running, body)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert detail in response.json()["detail"]
    assert not RawResult.objects.exists()


def test_impossible_value_is_refused_with_the_field_named(client, running, shooting_judge):
    team = Team.objects.get(name="EST 1")
    fields = shooting_fields(team)
    fields[f"t{team.pk}-m1_rifle_2"] = "11"
    client.force_login(shooting_judge)

    response = send(client, running, {"team": team.pk, "fields": fields})

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors[f"t{team.pk}-m1_rifle_2"] == ["Ensure this value is less than or equal to 10."]
    assert not RawResult.objects.exists()


def test_errors_are_in_the_judges_language(client, running, shooting_judge):
    from django.utils import translation

    client.force_login(shooting_judge)
    with translation.override("fr"):
        url = reverse("milcomp_judge_entry_save", args=[running.slug, "shooting"])

    response = client.post(url, "[]", content_type="application/json")

    assert response.json()["detail"] == (
        "La saisie doit être un objet JSON avec «\u00a0team\u00a0» et «\u00a0fields\u00a0»."
    )
    assert response.json()["title"] == "Requête non valide"


def test_entry_without_the_csrf_token_is_refused(running, shooting_judge):
    team = Team.objects.get(name="EST 1")
    client = Client(enforce_csrf_checks=True)
    client.force_login(shooting_judge)

    response = send(client, running, {"team": team.pk, "fields": shooting_fields(team)})

    assert response.status_code == 403
    assert not RawResult.objects.exists()


def test_signed_out_entry_answers_401(client, running):
    team = Team.objects.get(name="EST 1")

    response = send(client, running, {"team": team.pk, "fields": shooting_fields(team)})

    assert response.status_code == 401
    assert not RawResult.objects.exists()


def test_service_worker_is_served_under_the_judges_pages(client):
    response = client.get("/en/milcomp/judge/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript"
    assert 'var CACHE = "cior-judge-v1";' in response.content.decode()


def test_entry_page_lists_what_is_missing_per_team(client, running, shooting_judge):
    complete, partial = Team.objects.get(name="EST 1"), Team.objects.get(name="FRA 1")
    client.force_login(shooting_judge)
    send(client, running, {"team": complete.pk, "fields": shooting_fields(complete)})
    send(client, running, {"team": partial.pk, "fields": shooting_fields(partial, weapons=[])})

    page = client.get(reverse("milcomp_judge_entry", args=[running.slug, "shooting"]))

    text = page.content.decode()
    assert "1 of 2 teams entered, 1 partly entered" in text
    assert text.count("data-result-state>Partly entered</span>") == 1
    assert text.count("pistol precision, 0 of 5 shots") == 3
    assert text.count("rifle precision, 0 of 5 shots") == 3
    assert 'src="/static/js/judge-offline.js"' in text
    assert 'data-endpoint="/en/milcomp/judge/2027/shooting/entry.json"' in text


def test_saving_clears_older_messages(client, running, shooting_judge):
    team = Team.objects.get(name="EST 1")
    client.force_login(shooting_judge)
    # A message left unread (as "Successfully signed in" was on the judge's pages).
    client.post(reverse("milcomp_discipline_publish", args=[running.slug, "shooting"]))
    data = {"team": team.pk, **shooting_fields(team)}

    response = client.post(
        reverse("milcomp_judge_entry", args=[running.slug, "shooting"]), data, follow=True
    )

    text = response.content.decode()
    assert "EST 1 saved." in text
    assert "No result has been entered" not in text


def test_broken_json_is_refused_in_french_with_its_position_only(client, running, shooting_judge):
    from django.utils import translation

    client.force_login(shooting_judge)
    with translation.override("fr"):
        url = reverse("milcomp_judge_entry_save", args=[running.slug, "shooting"])

    response = client.post(url, '{"team": 1,\n "fields": ', content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"] == (
        "La saisie n’est pas du JSON valable (ligne 2, colonne 12)."
    )
    assert not RawResult.objects.exists()
