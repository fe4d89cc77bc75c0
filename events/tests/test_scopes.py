"""Scopes of the delegation routes: another nation's head of delegation gets 404 on every
Estonian route, by GET and by POST, and nothing changes."""

import pytest
from django.urls import reverse

from accounts.models import Person
from accounts.tests.factories import PersonFactory, UserFactory
from events import services
from events.models import Registration

State = Registration.State
pytestmark = pytest.mark.django_db


@pytest.fixture
def estonian_registrations(congress, delegate_type, hod_est, est):
    people = [PersonFactory(nation=est, email="") for _ in range(3)]
    return [
        services.register(
            congress, person=person, registration_type=delegate_type, by=hod_est, notify=False
        )
        for person in people
    ]


def _snapshot():
    return list(Registration.objects.order_by("pk").values_list("pk", "person_id", "state"))


def test_other_head_of_delegation_gets_404_on_every_estonian_route(
    client, hod_fra, congress, delegate_type, estonian_registrations, est, fra
):
    registration = estonian_registrations[0]
    french = PersonFactory(nation=fra)
    spare = PersonFactory(nation=est)
    before, people_before = _snapshot(), Person.objects.count()
    client.force_login(hod_fra)

    gets = [
        reverse("delegation_event", args=[congress.slug, "EST"]),
        reverse("delegation_event", args=[congress.slug, "est"]),
        reverse("delegation_register", args=[congress.slug, "EST"]),
        reverse("registration_detail", args=[registration.pk]),
    ]
    posts = [
        (
            reverse("delegation_register", args=[congress.slug, "EST"]),
            {"person": spare.pk, "registration_type": delegate_type.pk},
        ),
        (
            reverse("delegation_register", args=[congress.slug, "EST"]),
            {"registration_type": delegate_type.pk, "new_last_name": "Intruder"},
        ),
        (reverse("registration_detail", args=[registration.pk]), {"diet": "vegan"}),
        (reverse("registration_cancel", args=[registration.pk]), {"reason": "x"}),
        (reverse("registration_substitute", args=[registration.pk]), {"person": french.pk}),
        (reverse("registration_substitute", args=[registration.pk]), {"person": spare.pk}),
        (reverse("registration_confirm", args=[registration.pk]), {}),
        (reverse("registration_reject", args=[registration.pk]), {"reason": "x"}),
    ]

    statuses = [client.get(url).status_code for url in gets]
    statuses += [client.post(url, data).status_code for url, data in posts]

    assert statuses == [404] * len(statuses)
    assert _snapshot() == before
    assert Person.objects.count() == people_before
    assert Registration.objects.get(pk=registration.pk).diet == ""


def test_other_head_of_delegation_sees_only_own_nation_on_home_and_overview(
    client, hod_fra, congress, estonian_registrations
):
    client.force_login(hod_fra)

    home = client.get(reverse("delegation_home")).content.decode()
    overview = client.get(reverse("delegation_event_overview", args=[congress.slug]))

    assert reverse("delegation_event", args=[congress.slug, "FRA"]) in home
    assert "/EST/" not in home
    assert overview["Location"] == reverse("delegation_event", args=[congress.slug, "FRA"])


def test_national_staff_manages_own_nation(
    client, staff_est, congress, delegate_type, estonian_registrations, est
):
    client.force_login(staff_est)
    spare = PersonFactory(nation=est)

    page = client.get(reverse("delegation_event", args=[congress.slug, "EST"]))
    registered = client.post(
        reverse("delegation_register", args=[congress.slug, "EST"]),
        {"person": spare.pk, "registration_type": delegate_type.pk},
    )

    assert page.status_code == 200
    assert registered.status_code == 302
    assert Registration.objects.get(person=spare).state == State.WAITING


def test_participant_gets_404_on_others_and_nation_pages(
    client, congress, delegate_type, estonian_registrations, est
):
    person = PersonFactory(nation=est)
    client.force_login(UserFactory(person=person))
    other = estonian_registrations[0]

    statuses = [
        client.get(reverse("delegation_event", args=[congress.slug, "EST"])).status_code,
        client.get(reverse("delegation_register", args=[congress.slug, "EST"])).status_code,
        client.get(reverse("delegation_event_overview", args=[congress.slug])).status_code,
        client.get(reverse("registration_detail", args=[other.pk])).status_code,
        client.post(reverse("registration_cancel", args=[other.pk])).status_code,
    ]

    assert statuses == [404] * 5
    assert Registration.objects.get(pk=other.pk).state == State.SUBMITTED


def test_anonymous_is_sent_to_login_on_every_route(client, congress, estonian_registrations):
    registration = estonian_registrations[0]
    urls = [
        reverse("delegation_event_overview", args=[congress.slug]),
        reverse("delegation_event", args=[congress.slug, "EST"]),
        reverse("delegation_register", args=[congress.slug, "EST"]),
        reverse("registration_detail", args=[registration.pk]),
    ]

    locations = [client.get(url)["Location"] for url in urls]
    cancel = client.post(reverse("registration_cancel", args=[registration.pk]))

    assert all(location.startswith(reverse("account_login")) for location in locations)
    assert cancel["Location"].startswith(reverse("account_login"))
    assert Registration.objects.get(pk=registration.pk).state == State.SUBMITTED


def test_draft_event_is_not_found(client, presidency, congress, est):
    congress.status = congress.Status.DRAFT
    congress.save()
    client.force_login(presidency)

    response = client.get(reverse("delegation_event", args=[congress.slug, "EST"]))

    assert response.status_code == 404
