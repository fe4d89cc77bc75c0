"""Security walk of every route of api/urls.py: anonymous, a token of nation A (Estonia) and a
token of nation B (France), each with GET and POST.

A route added to api.urls without an entry in ARGS fails `test_every_route_is_walked`. No
answer is a 500; every refusal is a problem (JSON); B's token never gets A's people (their
names are searched in its answers) and no refused POST changes the database.
"""

import json

import pytest
from django.urls import URLPattern

from accounts.tests.factories import PersonFactory
from api import urls as api_urls
from events.models import Registration
from events.tests.factories import RegistrationFactory
from milcomp.tests.factories import CompetitionFactory

from .conftest import bearer

pytestmark = pytest.mark.django_db

A_MARKER = "aamarker"
# The URL arguments of each named route (None: the route takes none).
ARGS = {
    "api_events": None,
    "api_event": {"slug": "congress"},
    "api_news": None,
    "api_article": {"id": "7d1c6b9e-0000-4000-8000-000000000000"},
    "api_nations": None,
    "api_nation": {"code": "EST"},
    "api_committees": None,
    "api_committee": {"slug": "nope"},
    "api_presidency": None,
    "api_competitions": None,
    "api_competition": {"slug": "2027"},
    "api_rankings": {"slug": "2027"},
    "api_ranking": {"slug": "2027", "ranking": "overall"},
    "api_ranking_of": {"slug": "2027", "ranking": "category", "key": "novice"},
    "api_nation_self": None,
    "api_nation_people": None,
    "api_nation_person": {"pk": "A_PERSON"},
    "api_nation_registrations": None,
    "api_nation_registration": {"pk": "A_REGISTRATION"},
    "api_nation_register": {"slug": "summer-congress-2027"},
    "api_open_events": {"fmt": "json"},
    "api_open_results": {"fmt": "csv"},
    "api_schema": None,
    "api_docs": None,
}


def named_routes():
    return [p for p in api_urls.urlpatterns if isinstance(p, URLPattern) and p.name]


def test_every_route_is_walked():
    assert {p.name for p in named_routes()} == set(ARGS)


@pytest.fixture
def world(est, fra, congress, delegate_type):
    person = PersonFactory(nation=est, last_name=A_MARKER)
    registration = RegistrationFactory(event=congress, person=person)
    CompetitionFactory(year=2027)
    return {"A_PERSON": person.pk, "A_REGISTRATION": registration.pk}


def url_of(pattern, world):
    from django.urls import reverse

    args = ARGS[pattern.name] or {}
    return reverse(pattern.name, kwargs={k: world.get(v, v) for k, v in args.items()})


@pytest.mark.parametrize("who", ["anonymous", "est", "fra"])
def test_walk_every_route(api, world, est_key, fra_key, who):
    keys = {"anonymous": None, "est": est_key, "fra": fra_key}
    headers = bearer(keys[who]) if keys[who] else {}
    before = Registration.objects.count()
    for pattern in named_routes():
        url = url_of(pattern, world)
        got = api.get(url, **headers)
        assert got.status_code < 500, (url, got.status_code)
        if got.status_code >= 400:
            assert got["Content-Type"] == "application/problem+json", url
        if who != "est":
            assert A_MARKER not in got.content.decode("utf-8", "replace").lower(), url
        body = json.dumps(
            {"registrations": [{"person": world["A_PERSON"], "registration_type": "delegate"}]}
        )
        posted = api.post(url, body, content_type="application/json", **headers)
        assert posted.status_code < 500, (url, posted.status_code)
        if who != "est":
            assert A_MARKER not in posted.content.decode("utf-8", "replace").lower(), url
            assert posted.status_code >= 400, url
    if who != "est":
        assert Registration.objects.count() == before
