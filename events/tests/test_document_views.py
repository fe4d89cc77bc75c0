"""Document downloads: who gets which PDF, refusals that say why, and 404 outside one's scope."""

import datetime
import io

import pytest
from pypdf import PdfReader

from accounts.tests.factories import PersonFactory, UserFactory
from conftest import log_in_with_two_factor
from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory, RegistrationTypeFactory

CONFIRMED = Registration.State.CONFIRMED
PASSPORT = {
    "passport_number": "EE7654321",
    "nationality": "Estonian",
    "date_of_birth": datetime.date(1985, 3, 4),
}


@pytest.fixture
def event(est):
    """An event that started yesterday: every document may be issued."""
    today = datetime.date.today()
    return EventFactory(
        title_en="YRO Workshop 2026",
        slug="yro-workshop",
        host_nation=est,
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=2),
    )


def register(event, nation, *, state=CONFIRMED, first_name="Kadri", last_name="Kask", **fields):
    person = PersonFactory(nation=nation, first_name=first_name, last_name=last_name)
    kind = RegistrationTypeFactory(event=event, kind="delegate")
    return RegistrationFactory(
        event=event, registration_type=kind, person=person, nation=nation, state=state, **fields
    )


@pytest.fixture
def estonian(event, est):
    return register(event, est, **PASSPORT)


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return [page.extract_text() for page in reader.pages]


def url(name, registration):
    return f"/en/registration/{registration.pk}/{name}"


# Scopes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("document", ["badge.pdf", "visa-letter.pdf", "certificate.pdf"])
def test_documents_of_another_nation_answer_404(client, homes, hod_fra, estonian, document):
    log_in_with_two_factor(client, hod_fra)

    response = client.get(url(document, estonian))

    assert response.status_code == 404


def test_nation_badges_of_another_nation_answer_404(client, homes, hod_fra, estonian, event):
    log_in_with_two_factor(client, hod_fra)

    response = client.get(f"/en/delegation/{event.slug}/est/badges.pdf")

    assert response.status_code == 404


def test_documents_ask_an_anonymous_visitor_to_log_in(client, homes, estonian):
    response = client.get(url("badge.pdf", estonian))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_participant_without_role_gets_404_for_someone_elses_badge(client, homes, estonian, est):
    other = UserFactory(person=PersonFactory(nation=est))
    client.force_login(other)

    assert client.get(url("badge.pdf", estonian)).status_code == 404


# Downloads -------------------------------------------------------------------------------


def test_head_of_delegation_gets_the_own_nations_badge(client, homes, hod_est, estonian):
    log_in_with_two_factor(client, hod_est)

    response = client.get(url("badge.pdf", estonian))

    (text,) = pdf_text(response)
    assert "Kadri KASK" in text
    assert "EST" in text
    assert "YRO Workshop 2026" in text
    assert response["Content-Disposition"] == (
        f'attachment; filename="CIOR-badge-{estonian.reference}.pdf"'
    )
    assert "no-store" in response["Cache-Control"]


def test_head_of_delegation_gets_the_own_nations_visa_letter(client, homes, hod_est, estonian):
    log_in_with_two_factor(client, hod_est)

    response = client.get(url("visa-letter.pdf", estonian))

    text = " ".join(pdf_text(response))
    assert "Letter of invitation for a visa application" in text
    assert "Kadri KASK" in text
    assert "EE7654321" in text
    assert "Colonel Jaan TAMM" in text
    assert "Head of the Organising Committee" in text
    assert estonian.reference in text
    assert "http://testserver/en/verify/l" in text
    assert f"CIOR-visa-letter-{estonian.reference}.pdf" in response["Content-Disposition"]


def test_participant_gets_the_own_badge(client, homes, estonian):
    client.force_login(UserFactory(person=estonian.person))

    response = client.get(url("badge.pdf", estonian))

    (text,) = pdf_text(response)
    assert "Kadri KASK" in text
    assert estonian.reference in text


def test_participant_gets_the_own_certificate(client, homes, estonian):
    participant = UserFactory(person=estonian.person)
    client.force_login(participant)

    response = client.get(url("certificate.pdf", estonian))

    text = " ".join(pdf_text(response))
    assert "Certificate of attendance" in text
    assert "Major Kadri KASK" in text
    assert "Estonia (EST)" in text
    assert f"CIOR-certificate-{estonian.reference}.pdf" in response["Content-Disposition"]


def test_nation_badges_print_every_confirmed_registration_four_to_a_sheet(
    client, homes, hod_est, event, est, django_assert_max_num_queries
):
    for n in range(5):
        register(event, est, first_name=f"Person{n}", last_name=f"Tamm{n}")
    register(event, est, first_name="Waiting", state=Registration.State.WAITING)
    register(event, est, first_name="Cancelled", state=Registration.State.CANCELLED)
    log_in_with_two_factor(client, hod_est)

    with django_assert_max_num_queries(15):
        response = client.get(f"/en/delegation/{event.slug}/est/badges.pdf")

    pages = pdf_text(response)
    assert len(pages) == 2
    text = " ".join(pages)
    assert all(f"Person{n} TAMM{n}" in text for n in range(5))
    assert "Waiting" not in text and "Cancelled" not in text
    assert response["Content-Disposition"] == (
        f'attachment; filename="CIOR-badges-{event.slug}-EST.pdf"'
    )


# Refusals --------------------------------------------------------------------------------


def test_badge_of_a_registration_not_confirmed_is_refused_with_the_reason(
    client, homes, hod_est, event, est
):
    waiting = register(event, est, state=Registration.State.WAITING)
    log_in_with_two_factor(client, hod_est)

    response = client.get(url("badge.pdf", waiting))

    page = response.content.decode()
    assert response.status_code == 409
    assert "This document cannot be issued." in page
    assert "A badge is issued only for a confirmed registration" in page
    assert "Waiting list" in page


def test_visa_letter_without_passport_data_is_refused_naming_what_is_missing(
    client, homes, hod_est, event, est
):
    registration = register(event, est, nationality="Estonian")
    log_in_with_two_factor(client, hod_est)

    response = client.get(url("visa-letter.pdf", registration))

    page = response.content.decode()
    assert response.status_code == 409
    assert "Missing: passport number, date of birth." in page


def test_visa_letter_refusal_is_in_the_readers_language(client, homes, hod_est, event, est):
    registration = register(event, est)
    log_in_with_two_factor(client, hod_est)

    response = client.get(f"/fr/registration/{registration.pk}/visa-letter.pdf")

    assert response.status_code == 409
    assert '<html lang="fr">' in response.content.decode()


def test_certificate_of_a_no_show_is_refused(client, homes, hod_est, event, est):
    registration = register(event, est, attended=False)
    log_in_with_two_factor(client, hod_est)

    response = client.get(url("certificate.pdf", registration))

    assert response.status_code == 409
    assert "marked as attended" in response.content.decode()


def test_nation_badges_without_confirmed_registrations_are_refused(
    client, homes, hod_est, event, est
):
    register(event, est, state=Registration.State.SUBMITTED)
    log_in_with_two_factor(client, hod_est)

    response = client.get(f"/en/delegation/{event.slug}/EST/badges.pdf")

    assert response.status_code == 409
    assert "no confirmed registration" in response.content.decode()


def test_nation_badges_of_an_unknown_event_or_nation_answer_404(client, homes, hod_est, event):
    log_in_with_two_factor(client, hod_est)

    assert client.get("/en/delegation/no-such-event/est/badges.pdf").status_code == 404
    assert client.get(f"/en/delegation/{event.slug}/xyz/badges.pdf").status_code == 404


def test_a_pdf_asked_from_a_french_page_has_a_french_file_name(client, homes, hod_est, estonian):
    log_in_with_two_factor(client, hod_est)

    letter = client.get(f"/fr/registration/{estonian.pk}/visa-letter.pdf")
    english = client.get(f"/en/registration/{estonian.pk}/visa-letter.pdf")

    assert letter["Content-Disposition"] == (
        f'attachment; filename="CIOR-lettre-visa-{estonian.reference}.pdf"'
    )
    assert english["Content-Disposition"] == (
        f'attachment; filename="CIOR-visa-letter-{estonian.reference}.pdf"'
    )
