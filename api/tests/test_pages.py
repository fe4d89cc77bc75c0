"""The head of delegation's token page, the developers page and the open data downloads."""

import csv
import io
import json

import pytest
from django.urls import reverse

from api.models import ApiToken, digest
from conftest import log_in_with_two_factor
from events.tests.factories import EventFactory

from .test_public import scored  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_head_of_delegation_makes_a_token_shown_once(client, homes, hod_est, est):
    log_in_with_two_factor(client, hod_est)
    response = client.post("/en/delegation/api-tokens/", {"name": "Registry", "days": "90"})
    html = response.content.decode()
    token = ApiToken.objects.get()
    key = html.split("<code data-new-key>")[1].split("</code>")[0]
    assert token.key_digest == digest(key) and token.nation == est and token.name == "Registry"
    again = client.get("/en/delegation/api-tokens/").content.decode()
    assert key not in again and token.key_hint in again and "Registry" in again


def test_head_of_delegation_revokes_a_token(client, homes, hod_est, est_key):
    log_in_with_two_factor(client, hod_est)
    token = ApiToken.objects.get()
    client.post(reverse("api_tokens_revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == hod_est


def test_another_nation_cannot_see_or_revoke_a_token(client, homes, hod_fra, est_key):
    log_in_with_two_factor(client, hod_fra)
    token = ApiToken.objects.get()
    assert "Estonian registry" not in client.get("/en/delegation/api-tokens/").content.decode()
    assert client.post(reverse("api_tokens_revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_national_staff_have_no_token_page(client, homes, staff_est):
    log_in_with_two_factor(client, staff_est)
    assert client.get("/en/delegation/api-tokens/").status_code == 404


def test_token_page_in_french(client, homes, hod_est):
    log_in_with_two_factor(client, hod_est)
    html = client.get("/fr/delegation/api-tokens/").content.decode()
    assert "Jetons d&#x27;API" in html or "Jetons d'API" in html


def test_developers_page_in_both_languages(client, homes):
    english = client.get("/en/developers/").content.decode()
    assert "API for developers" in english and "curl" in english and "CC BY 4.0" in english
    french = client.get("/fr/developpeurs/").content.decode()
    assert "API pour les développeurs" in french
    assert "<script>" not in french


def test_events_open_data_json_and_csv(api, est):
    EventFactory(slug="congress", title_en="Summer Congress", title_fr="Congrès d'été")
    body = json.loads(api.get("/api/v1/open-data/events.json?lang=fr").content)
    assert body["licence"]["name"] == "CC BY 4.0"
    assert body["data"][0]["title"] == "Congrès d'été"
    response = api.get("/api/v1/open-data/events.csv")
    assert 'rel="license"' in response["Link"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0]["slug"] == "congress" and rows[0]["title"] == "Summer Congress"


def test_results_archive_has_past_competitions_only(api, scored):  # noqa: F811
    assert json.loads(api.get("/api/v1/open-data/milcomp-results.json").content)["data"] == []
    scored.status = scored.Status.FINISHED
    scored.save()
    body = json.loads(api.get("/api/v1/open-data/milcomp-results.json").content)
    assert body["data"][0]["competition"]["year"] == 2027
    response = api.get("/api/v1/open-data/milcomp-results.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    overall = [r for r in rows if r["ranking"] == "overall"]
    assert [(r["place"], r["name"], r["total"]) for r in overall] == [
        ("1", "EST 1", "4508"),
        ("2", "FRA 1", "3108"),
        ("3", "EST 2", "2748"),
    ]


def test_public_pages_link_the_open_data(client, homes):
    html = client.get("/en/milcomp/results/").content.decode()
    assert "/api/v1/open-data/milcomp-results.csv" in html and "CC BY 4.0" in html
