"""Signed verification tokens and the public verification page: genuine or not, nothing more."""

import pytest
from django.core import signing

from accounts.tests.factories import PersonFactory
from events import verification
from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory

CONFIRMED = Registration.State.CONFIRMED


@pytest.fixture
def event(db):
    return EventFactory(title_en="Mid-Winter Meeting 2027", title_fr="Réunion d'hiver 2027")


@pytest.fixture
def registration(event, est):
    person = PersonFactory(nation=est, first_name="Kadri", last_name="Kask")
    return RegistrationFactory(event=event, person=person, nation=est, state=CONFIRMED)


def tampered(token, position):
    """Change one character of `token` at `position` to another of the same alphabet."""
    old = token[position]
    new = "A" if old != "A" else "B"
    return token[:position] + new + token[position + 1 :]


# Tokens ----------------------------------------------------------------------------------


@pytest.mark.parametrize("purpose", ["badge", "letter", "certificate"])
def test_token_round_trip_gives_the_registration_and_purpose(registration, purpose):
    token = verification.make_token(registration, purpose)

    assert verification.check_token(token) == (registration, purpose)


def test_token_is_short_and_carries_no_personal_data(registration):
    token = verification.make_token(registration, "badge")

    assert len(token) < 60
    assert token.startswith(f"b{registration.pk}:")
    assert "Kask" not in token and "EST" not in token


@pytest.mark.parametrize("position", [0, 1, -1, -10])
def test_token_with_one_character_changed_is_not_valid(registration, position):
    token = verification.make_token(registration, "badge")

    registration_found, _purpose = verification.check_token(tampered(token, position))

    assert registration_found is None


def test_token_with_its_purpose_swapped_is_not_valid(registration):
    badge = verification.make_token(registration, "badge")

    assert verification.check_token("c" + badge[1:]) == (None, None)
    assert verification.check_token("l" + badge[1:]) == (None, None)


def test_token_for_another_registration_id_is_not_valid(registration):
    token = verification.make_token(registration, "badge")
    _value, signature = token.split(":")

    assert verification.check_token(f"b{registration.pk + 1}:{signature}") == (None, None)


def test_token_signed_with_another_salt_is_not_valid(registration):
    forged = signing.Signer(salt="something.else").sign(f"b{registration.pk}")
    default_salt = signing.Signer().sign(f"b{registration.pk}")

    assert verification.check_token(forged) == (None, None)
    assert verification.check_token(default_salt) == (None, None)


@pytest.mark.parametrize("garbage", ["", ":", "b", "bxyz:abc", "b12", "zz:zz", "b:" + "A" * 43])
def test_garbled_token_is_not_valid(db, garbage):
    assert verification.check_token(garbage) == (None, None)


def test_token_of_a_cancelled_registration_turns_not_valid(registration):
    token = verification.make_token(registration, "badge")
    registration.state = Registration.State.CANCELLED
    registration.save()

    assert verification.check_token(token) == (None, "badge")


def test_token_of_a_deleted_registration_is_not_valid(registration):
    token = verification.make_token(registration, "letter")
    Registration.objects.filter(pk=registration.pk).delete()

    assert verification.check_token(token) == (None, "letter")


def test_certificate_token_of_a_no_show_is_not_valid_but_the_badge_stays(registration):
    certificate = verification.make_token(registration, "certificate")
    badge = verification.make_token(registration, "badge")
    registration.attended = False
    registration.save()

    assert verification.check_token(certificate)[0] is None
    assert verification.check_token(badge)[0] == registration


# The public page -------------------------------------------------------------------------


def test_verify_page_says_valid_with_kind_and_event_but_no_personal_data(
    client, homes, registration
):
    token = verification.make_token(registration, "badge")

    response = client.get(f"/en/verify/{token}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Valid" in page and "Not valid" not in page
    assert "Badge" in page
    assert "Mid-Winter Meeting 2027" in page
    assert registration.event.starts_on.strftime("%Y") in page
    assert "Kadri" not in page and "KASK" not in page.upper()
    assert "Estonia" not in page
    assert registration.reference not in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_verify_page_in_french_shows_the_french_event_title(client, homes, registration):
    token = verification.make_token(registration, "certificate")

    page = client.get(f"/fr/verify/{token}/").content.decode()

    assert "Réunion d'hiver 2027" in page or "Réunion d&#x27;hiver 2027" in page
    assert '<html lang="fr">' in page


@pytest.mark.parametrize("how", ["tampered", "swapped", "garbled", "cancelled"])
def test_verify_page_says_not_valid_the_same_neutral_way(client, homes, registration, how):
    token = verification.make_token(registration, "badge")
    if how == "tampered":
        token = tampered(token, -3)
    elif how == "swapped":
        token = "c" + token[1:]
    elif how == "garbled":
        token = "not-a-token"
    else:
        registration.state = Registration.State.CANCELLED
        registration.save()

    response = client.get(f"/en/verify/{token}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Not valid" in page
    assert "This code does not match a valid CIOR document." in page
    assert "Mid-Winter Meeting 2027" not in page
    assert "Badge" not in page
    assert "no-store" in response["Cache-Control"]
