"""Nation-scoped access with a token: the nation's people and registrations, registering a
batch through the same services, and never another nation's data."""

import json

import pytest
from wagtail.models import ModelLogEntry

from accounts.tests.factories import PersonFactory
from api import services
from api.models import ApiToken, digest
from events.models import Registration
from events.tests.factories import RegistrationFactory

from .conftest import bearer

pytestmark = pytest.mark.django_db


def register(api, event, key, entries):
    return api.post(
        f"/api/v1/nation/events/{event.slug}/registrations/",
        json.dumps({"registrations": entries}),
        content_type="application/json",
        **bearer(key),
    )


def new(first, last, kind="delegate"):
    return {"new_person": {"first_name": first, "last_name": last}, "registration_type": kind}


# --- Tokens ----------------------------------------------------------------------------------


def test_token_is_kept_hashed_and_audited(hod_est, est):
    _token, key = services.create_token(est, name="Registry", days=90, by=hod_est)
    assert key.startswith("cior_") and len(key) > 40
    stored = ApiToken.objects.get()
    assert stored.key_digest == digest(key) and key not in stored.key_digest
    assert stored.key_hint == key[:11]
    assert (stored.expires_at - stored.created_at).days == 90
    entry = ModelLogEntry.objects.for_instance(stored).get()
    assert entry.action == "cior.api_token" and entry.user == hod_est


def test_only_the_head_of_delegation_makes_tokens(hod_est, staff_est, hod_fra, est):
    from django.core.exceptions import PermissionDenied

    for user in (staff_est, hod_fra):
        with pytest.raises(PermissionDenied):
            services.create_token(est, name="x", days=30, by=user)
    assert ApiToken.objects.count() == 0


# --- Reading the nation's data -------------------------------------------------------------------


def test_people_and_registrations_of_the_own_nation_only(api, est, fra, congress, est_key):
    jaan = PersonFactory(first_name="Jaan", last_name="Tamm", nation=est)
    pierre = PersonFactory(first_name="Pierre", last_name="Durand", nation=fra)
    RegistrationFactory(event=congress, person=jaan)
    RegistrationFactory(event=congress, person=pierre)
    people = api.get("/api/v1/nation/people/", **bearer(est_key)).json()
    names = {p["last_name"] for p in people["results"]}
    assert "Tamm" in names and "Durand" not in names
    assert {p["nation"] for p in people["results"]} == {"EST"}
    registrations = api.get(
        f"/api/v1/nation/registrations/?event={congress.slug}", **bearer(est_key)
    ).json()
    assert [r["person"]["last_name"] for r in registrations["results"]] == ["Tamm"]
    me = api.get("/api/v1/nation/", **bearer(est_key)).json()
    assert me["code"] == "EST" and me["token"] == "Estonian registry"


def test_token_of_nation_a_never_reads_nation_b(api, est, fra, congress, est_key):
    pierre = PersonFactory(nation=fra)
    registration = RegistrationFactory(event=congress, person=pierre)
    for url in (
        f"/api/v1/nation/people/{pierre.pk}/",
        f"/api/v1/nation/registrations/{registration.pk}/",
    ):
        response = api.get(url, **bearer(est_key))
        assert response.status_code == 404
        assert "Durand" not in response.content.decode()


@pytest.mark.parametrize("rows", [2, 10])
def test_nation_lists_take_a_fixed_number_of_queries(
    api, est, congress, est_key, rows, django_assert_max_num_queries
):
    for _n in range(rows):
        RegistrationFactory(event=congress, person=PersonFactory(nation=est))
    # token, its last use, the creator's roles, count, page
    with django_assert_max_num_queries(6):
        body = api.get("/api/v1/nation/registrations/", **bearer(est_key)).json()
    assert body["count"] == rows
    with django_assert_max_num_queries(6):
        assert api.get("/api/v1/nation/people/", **bearer(est_key)).json()["count"] >= rows


def test_private_responses_are_not_cached_by_proxies(api, est_key):
    response = api.get("/api/v1/nation/people/", **bearer(est_key))
    assert "private" in response["Cache-Control"]


# --- Registering ---------------------------------------------------------------------------


def test_register_three_people_through_the_services(
    api, est, congress, delegate_type, est_key, hod_est
):
    existing = PersonFactory(first_name="Mari", last_name="Kask", nation=est)
    response = register(
        api,
        congress,
        est_key,
        [
            {"person": existing.pk, "registration_type": "delegate", "diet": "vegetarian"},
            new("Jaan", "Tamm"),
            new("Peeter", "Saar"),
        ],
    )
    assert response.status_code == 201, response.content
    rows = response.json()["registrations"]
    # Estonia has 2 delegate places: the third waits, as on the delegation pages.
    assert [(r["person"]["last_name"], r["state"]) for r in rows] == [
        ("Kask", "submitted"),
        ("Tamm", "submitted"),
        ("Saar", "waiting"),
    ]
    stored = Registration.objects.order_by("pk")
    assert [r.registered_by for r in stored] == [hod_est] * 3
    assert stored[0].diet == "vegetarian"
    assert {r.nation.code for r in stored} == {"EST"}
    assert ModelLogEntry.objects.filter(action="cior.registration").count() == 3


def test_batch_is_all_or_nothing(api, est, congress, delegate_type, est_key):
    already = PersonFactory(nation=est, last_name="Kask")
    RegistrationFactory(event=congress, person=already, registration_type=delegate_type)
    response = register(
        api,
        congress,
        est_key,
        [new("Jaan", "Tamm"), {"person": already.pk, "registration_type": "delegate"}],
    )
    assert response.status_code == 400
    problem = response.json()
    assert "already registered" in str(problem["errors"]["registrations"]["1"])
    assert Registration.objects.count() == 1
    assert not already.__class__.objects.filter(last_name="Tamm").exists()


def test_token_of_nation_a_cannot_register_nation_b(
    api, est, fra, congress, delegate_type, est_key
):
    pierre = PersonFactory(nation=fra, last_name="Durand")
    response = register(
        api, congress, est_key, [{"person": pierre.pk, "registration_type": "delegate"}]
    )
    assert response.status_code == 400
    assert response.json()["errors"]["registrations"]["0"]["person"] == [
        "No person of your nation has this id."
    ]
    assert Registration.objects.count() == 0


def test_new_people_belong_to_the_token_nation(api, est, fra, congress, delegate_type, fra_key):
    response = register(api, congress, fra_key, [new("Jean", "Martin")])
    assert response.status_code == 201
    assert Registration.objects.get().person.nation == fra


def test_closed_registration_is_refused(api, est, congress, delegate_type, est_key):
    congress.status = congress.Status.REGISTRATION_CLOSED
    congress.save()
    response = register(api, congress, est_key, [new("Jaan", "Tamm")])
    assert response.status_code == 400
    assert "closed" in str(response.json()["errors"])
    assert Registration.objects.count() == 0


def test_token_stops_when_its_creator_is_no_longer_head_of_delegation(api, est, hod_est, est_key):
    from accounts.models import RoleAssignment

    RoleAssignment.objects.filter(person=hod_est.person).delete()
    response = api.get("/api/v1/nation/people/", **bearer(est_key))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
