"""Bad input gets RFC 9457 problem details and changes nothing; no 500."""

import json
import time
from contextlib import contextmanager

import pytest

from accounts.models import Person
from api import parsers, services
from events.models import Registration

from .conftest import bearer

pytestmark = pytest.mark.django_db


def register_url(event):
    return f"/api/v1/nation/events/{event.slug}/registrations/"


def post(api, url, body, key, **extra):
    return api.generic(
        "POST",
        url,
        body,
        content_type=extra.pop("content_type", "application/json"),
        **bearer(key),
        **extra,
    )


@contextmanager
def client_rate(rate):
    """Set the API's per-client rate limit (DRF reads its rates when the class is defined)."""
    from rest_framework.throttling import SimpleRateThrottle

    original = SimpleRateThrottle.THROTTLE_RATES
    SimpleRateThrottle.THROTTLE_RATES = {"client": rate}
    try:
        yield
    finally:
        SimpleRateThrottle.THROTTLE_RATES = original


def assert_problem(response, status, title=None):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("/api/v1/problems/")
    assert body["detail"]
    if title:
        assert body["title"] == title
    return body


def nothing_changed():
    assert Registration.objects.count() == 0
    assert Person.objects.filter(last_name="Tamm").count() == 0


def test_malformed_json(api, congress, delegate_type, est_key):
    response = post(api, register_url(congress), '{"registrations": [', est_key)
    body = assert_problem(response, 400, "Invalid request")
    assert "JSON parse error" in str(body)
    nothing_changed()


def test_wrong_types_and_unknown_fields(api, congress, delegate_type, est_key):
    body = {
        "registrations": [
            {"person": "Jaan", "registration_type": "delegate", "colour": "red"},
        ]
    }
    response = post(api, register_url(congress), json.dumps(body), est_key)
    problem = assert_problem(response, 400)
    assert problem["errors"]["registrations"]["0"]["colour"] == ["Unknown field."]
    nothing_changed()
    body = {"registrations": [{"person": 1, "registration_type": "delegate"}], "extra": 1}
    problem = assert_problem(post(api, register_url(congress), json.dumps(body), est_key), 400)
    assert problem["errors"]["extra"] == ["Unknown field."]


def test_out_of_range_id(api, congress, delegate_type, est_key):
    body = {"registrations": [{"person": 10**30, "registration_type": "delegate"}]}
    problem = assert_problem(post(api, register_url(congress), json.dumps(body), est_key), 400)
    assert "person" in problem["errors"]["registrations"]["0"]
    nothing_changed()


def test_problem_in_french(api, congress, delegate_type, est_key):
    body = {"registrations": [{"registration_type": "general"}]}
    response = post(api, register_url(congress) + "?lang=fr", json.dumps(body), est_key)
    problem = assert_problem(response, 400, "Requête non valide")
    assert "choix valide" in str(problem["errors"])


def test_huge_body(api, congress, delegate_type, est_key):
    huge = json.dumps({"registrations": [{"x": "a" * (parsers.MAX_BODY_BYTES + 10)}]})
    response = post(api, register_url(congress), huge, est_key)
    assert_problem(response, 413, "Request body too large")
    nothing_changed()


def test_wrong_media_type(api, congress, delegate_type, est_key):
    response = post(api, register_url(congress), "a=b", est_key, content_type="text/plain")
    assert_problem(response, 415)


@pytest.mark.parametrize("header", ["Bearer nope", "Bearer", "Bearer a b", "Bearer é"])
def test_bad_tokens(api, congress, delegate_type, header):
    response = api.get(
        "/api/v1/nation/people/", HTTP_AUTHORIZATION=header.encode().decode("latin-1")
    )
    assert_problem(response, 401)
    assert response["WWW-Authenticate"] == "Bearer"


def test_no_token(api):
    assert_problem(api.get("/api/v1/nation/people/"), 401, "Authentication required")


def test_expired_token(api, congress, delegate_type, est, hod_est, est_key):
    token = services.ApiToken.objects.get()
    token.created_at -= services.datetime.timedelta(days=40)
    token.expires_at -= services.datetime.timedelta(days=40)
    token.save()
    body = {
        "registrations": [
            {
                "new_person": {"first_name": "Jaan", "last_name": "Tamm"},
                "registration_type": "delegate",
            }
        ]
    }
    response = post(api, register_url(congress), json.dumps(body), est_key)
    problem = assert_problem(response, 401)
    assert problem["detail"] == "This token has expired."
    nothing_changed()


def test_revoked_token(api, congress, delegate_type, hod_est, est_key):
    services.revoke_token(services.ApiToken.objects.get(), by=hod_est)
    response = api.get("/api/v1/nation/people/", **bearer(est_key))
    assert assert_problem(response, 401)["detail"] == "This token has been revoked."


def test_over_limit_client(api, settings, est):
    from rest_framework.settings import api_settings

    with client_rate("3/day"):  # a window the test never crosses
        for _n in range(3):
            assert api.get("/api/v1/nations/").status_code == 200
        response = api.get("/api/v1/nations/")
        problem = assert_problem(response, 429, "Too many requests")
        assert int(response["Retry-After"]) > 0
        assert "throttled" in problem["detail"].lower()
        # Another client is counted apart.
        assert api.get("/api/v1/nations/", REMOTE_ADDR="10.0.0.9").status_code == 200
    assert api_settings.DEFAULT_THROTTLE_RATES["client"]


def test_over_limit_counts_in_the_counters_cache_once_per_request(api, est):
    from django.core.cache import cache, caches

    with client_rate("2/day"):
        statuses = [api.get("/api/v1/nations/").status_code for _n in range(4)]
    counter = f"throttle_client_127.0.0.1:{int(time.time() // 86400)}"

    assert statuses == [200, 200, 429, 429]
    assert caches["counters"].get(counter) == 4
    assert cache.get(counter) is None  # not among the pages of the default cache


def test_an_unreachable_counter_cache_lets_requests_through(api, est, settings, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "counters": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        },
    }
    with client_rate("1/day"):
        statuses = [api.get("/api/v1/nations/").status_code for _n in range(3)]

    assert statuses == [200, 200, 200]
    assert "127.0.0.1:1" in caplog.text  # logged, not raised


def test_unknown_endpoint_and_method(api, est):
    assert_problem(api.get("/api/v1/nowhere/"), 404)
    assert_problem(api.get("/api/v2/events/"), 404)
    assert_problem(api.post("/api/v1/nations/", {}, format="json"), 405)
