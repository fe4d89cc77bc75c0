"""The first page after login (accounts.home): each role starts where its work is, and a
nation's home shows its events with places left, registrations by state, fees and invoices."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.models import RoleAssignment
from accounts.tests.conftest import staff_user
from accounts.tests.factories import PersonFactory, UserFactory
from nations import engine as nations_engine
from nations.tests.factories import make_invoice

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def test_login_sends_everyone_to_their_role_home(client, hod_est):
    client.force_login(hod_est)
    from allauth.account.adapter import get_adapter

    response = client.get(reverse("role_home"))

    assert get_adapter().get_login_redirect_url(response.wsgi_request) == "/en/my/"
    assert response.status_code == 200


@pytest.mark.parametrize(
    "role, expected",
    [(Role.PRESIDENCY, "/admin/"), (Role.EDITOR, "/admin/"), (Role.TREASURER, "/admin/")],
)
def test_role_home_sends_the_confederations_staff_to_the_admin(client, role, expected):
    client.force_login(staff_user(role))

    response = client.get("/en/my/")

    assert (response.status_code, response["Location"]) == (302, expected)


def test_role_home_sends_a_participant_to_their_registrations(client):
    client.force_login(UserFactory(person=PersonFactory()))

    response = client.get("/fr/my/")

    assert (response.status_code, response["Location"]) == (302, "/fr/delegation/")


def test_role_home_asks_anonymous_visitors_to_log_in(client):
    response = client.get("/en/my/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_role_home_shows_the_nations_events_places_and_fees(
    client, hod_est, est, fra, congress, delegate_type
):
    RegistrationFactory(event=congress, registration_type=delegate_type, nation=est, fee=250)
    RegistrationFactory(
        event=congress, registration_type=delegate_type, nation=est, state="confirmed", fee=300
    )
    RegistrationFactory(
        event=congress, registration_type=delegate_type, nation=est, state="waiting", fee=250
    )
    RegistrationFactory(event=congress, registration_type=delegate_type, nation=fra, fee=999)
    client.force_login(hod_est)

    html = client.get("/en/my/").content.decode()

    assert "<h1>Delegation · Estonia</h1>" in html
    assert congress.title_en in html
    assert '<th scope="row">Delegate</th><td>2 / 2</td><td>0</td><td>1</td>' in html
    assert "Submitted: <strong>1</strong>" in html
    assert "Confirmed: <strong>1</strong>" in html
    assert "Waiting list: <strong>1</strong>" in html
    assert "Fees of the places held: <strong>550.00 EUR</strong>" in html
    assert "999" not in html  # France's registration
    assert f'href="/en/delegation/{congress.slug}/EST/"' in html
    assert "/FRA/" not in html


def test_role_home_in_french(client, hod_est, est, congress, delegate_type):
    RegistrationFactory(event=congress, registration_type=delegate_type, nation=est, fee=1500)
    client.force_login(hod_est)

    html = client.get("/fr/my/").content.decode()

    assert "<h1>Délégation · Estonie</h1>" in html
    assert "Soumise : <strong>1</strong>" in html
    assert "1\xa0500,00 EUR" in html


def test_role_home_shows_invoices_with_their_state_and_what_is_owed(client, hod_est, est, fra):
    today = datetime.date.today()
    make_invoice(est, today.year - 1, "1000.00", due_on=today - datetime.timedelta(200), paid=400)
    make_invoice(est, today.year, "1200.00", due_on=today + datetime.timedelta(30))
    make_invoice(fra, today.year, "7777.00", due_on=today + datetime.timedelta(30))
    client.force_login(hod_est)

    html = client.get("/en/my/").content.decode()

    assert "Still owed: <strong>1,800.00 EUR</strong>" in html
    assert "Overdue" in html and "Unpaid" in html
    assert "is in arrears" in html
    assert "7777" not in html


def test_role_home_queries_do_not_grow_with_events_and_registrations(
    client, hod_est, est, congress, delegate_type, django_assert_max_num_queries
):
    client.force_login(hod_est)
    client.get("/en/my/")
    for _ in range(5):
        event = EventFactory()
        for _ in range(3):
            RegistrationFactory(event=event, nation=est)

    with django_assert_max_num_queries(20):
        response = client.get("/en/my/")

    assert response.content.decode().count('class="home-events__item"') == 6


@pytest.mark.parametrize(
    "amount, paid, due_in, state",
    [
        ("100", "100", -5, nations_engine.PAID),
        ("100", "40", 5, nations_engine.PARTLY_PAID),
        ("100", "40", -5, nations_engine.OVERDUE),
        ("100", "0", 5, nations_engine.OPEN),
    ],
)
def test_payment_state(amount, paid, due_in, state):
    today = datetime.date(2026, 12, 6)
    assert (
        nations_engine.payment_state(
            amount=Decimal(amount),
            paid=Decimal(paid),
            due_on=today + datetime.timedelta(due_in),
            today=today,
        )
        == state
    )


def test_header_shows_the_account_menu_when_logged_in(client, hod_est, homes):
    client.force_login(hod_est)

    html = client.get("/en/").content.decode()

    assert 'href="/en/my/">My CIOR</a>' in html
    assert 'action="/accounts/logout/"' in html


def test_role_home_sends_the_cla_director_to_the_language_academy(client):
    from governance.tests.factories import CommitteeFactory

    committee = CommitteeFactory(acronym="CLA-C", slug="cla-c")
    client.force_login(staff_user(Role.COMMITTEE_CHAIR, committee=committee))

    response = client.get("/fr/my/")

    assert (response.status_code, response["Location"]) == (302, "/fr/academy/manage/")
