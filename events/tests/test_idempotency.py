"""A retried registration or import POST (same idempotency key) creates nothing twice."""

import pytest
from django.urls import reverse

from accounts.models import Person
from accounts.tests.factories import PersonFactory
from events.models import Registration

from .test_import import GOOD_ROWS, HEADER, csv_file

pytestmark = pytest.mark.django_db


def test_register_posted_twice_with_same_key_registers_once(
    client, hod_est, congress, delegate_type, est
):
    person = PersonFactory(nation=est, first_name="Jaan", last_name="Tamm")
    client.force_login(hod_est)
    url = reverse("delegation_register", args=[congress.slug, "EST"])
    form = client.get(url).context["form"]
    key = form["idempotency_key"].value()
    data = {"person": person.pk, "registration_type": delegate_type.pk, "idempotency_key": key}

    first = client.post(url, data)
    retry = client.post(url, data, follow=True)

    nation_url = reverse("delegation_event", args=[congress.slug, "EST"])
    assert first["Location"] == nation_url
    assert retry.redirect_chain == [(nation_url, 302)]
    messages = [str(m) for m in retry.context["messages"]]
    assert messages[-1] == "This form had already been sent: nothing was done twice."
    assert list(Registration.objects.values_list("person_id", flat=True)) == [person.pk]


def test_register_new_person_posted_twice_creates_one_person(
    client, hod_est, congress, delegate_type, est
):
    client.force_login(hod_est)
    url = reverse("delegation_register", args=[congress.slug, "EST"])
    data = {
        "registration_type": delegate_type.pk,
        "new_first_name": "Tiit",
        "new_last_name": "Uus",
        "new_sex": "male",
        "new_preferred_language": "en",
        "idempotency_key": "same-key-twice",
    }

    client.post(url, data)
    client.post(url, data)

    assert Person.objects.filter(last_name__iexact="Uus").count() == 1
    assert Registration.objects.count() == 1


def test_register_retry_whose_form_is_still_valid_goes_to_the_first_result(
    client, hod_est, congress, delegate_type, est
):
    client.force_login(hod_est)
    url = reverse("delegation_register", args=[congress.slug, "EST"])
    # A new person without an e-mail address: the retried form is as valid as the first.
    data = {
        "registration_type": delegate_type.pk,
        "new_last_name": "Uus",
        "idempotency_key": "valid-twice",
    }

    first = client.post(url, data)
    retry = client.post(url, data, follow=True)

    nation_url = reverse("delegation_event", args=[congress.slug, "EST"])
    assert first["Location"] == nation_url
    assert retry.redirect_chain == [(nation_url, 302)]
    messages = [str(m) for m in retry.context["messages"]]
    assert messages[-1] == "This form had already been sent: nothing was done twice."
    assert Person.objects.filter(last_name__iexact="Uus").count() == 1


def test_register_page_carries_a_hidden_key(client, hod_est, congress, delegate_type):
    client.force_login(hod_est)

    html = client.get(reverse("delegation_register", args=[congress.slug, "EST"])).content.decode()

    assert '<input type="hidden" name="idempotency_key"' in html


def test_import_posted_twice_with_same_key_imports_once(
    client, hod_est, congress, delegate_type, est
):
    client.force_login(hod_est)
    url = reverse("delegation_import", args=[congress.slug, "EST"])
    rows = [HEADER, *(row for row in GOOD_ROWS if "observer" not in row)]

    first = client.post(url, {"file": csv_file(rows), "idempotency_key": "k-import"})
    registrations = Registration.objects.count()
    retry = client.post(url, {"file": csv_file(rows), "idempotency_key": "k-import"})

    assert first.status_code == 200
    assert registrations == 3
    assert retry["Location"] == reverse("delegation_event", args=[congress.slug, "EST"])
    assert Registration.objects.count() == registrations


def test_import_refused_then_retried_with_same_key_is_checked_again(
    client, hod_est, congress, delegate_type, est
):
    client.force_login(hod_est)
    url = reverse("delegation_import", args=[congress.slug, "EST"])
    rows = [HEADER, *(row for row in GOOD_ROWS if "observer" not in row)]
    bad = [*rows, ["", "", "", "", "", "", "delegate", "", "", "", "", ""]]

    refused = client.post(url, {"file": csv_file(bad), "idempotency_key": "k-again"})
    accepted = client.post(url, {"file": csv_file(rows), "idempotency_key": "k-again"})

    assert refused.status_code == 400
    assert accepted.status_code == 200
    assert Registration.objects.count() == 3
