"""The login pages speak the language the visitor came from, and their language switch works."""

import pytest

pytestmark = pytest.mark.django_db


def test_login_page_follows_the_language_of_the_page_it_returns_to(client, homes):
    response = client.get("/accounts/login/?next=/fr/about/")
    html = response.content.decode()

    assert '<html lang="fr">' in html
    assert "Mot de passe" in html
    assert response.cookies["django_language"].value == "fr"


def test_login_page_language_switch_asks_for_the_other_language(client, homes):
    html = client.get("/accounts/login/?lang=fr").content.decode()

    assert '<html lang="fr">' in html
    assert 'href="/accounts/login/?lang=en"' in html
    english = client.get("/accounts/login/?lang=en").content.decode()
    assert '<html lang="en">' in english
    assert "Password" in english


def test_login_language_is_kept_for_the_next_steps(client, homes):
    client.get("/accounts/login/?lang=fr")

    html = client.get("/accounts/password/reset/").content.decode()

    assert '<html lang="fr">' in html


def test_footer_login_link_carries_the_page_language(client, homes):
    html = client.get("/fr/").content.decode()

    assert 'href="/accounts/login/?lang=fr"' in html


def test_unknown_language_is_ignored(client, homes):
    response = client.get("/accounts/login/?lang=xx&next=//evil.example/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
