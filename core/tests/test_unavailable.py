"""Database and storage faults answer 503 with Retry-After, in the user's language, logged once."""

import logging

import pytest
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import OperationalError, connection
from django.test import Client, override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.urls("core.tests.fault_urls")]


class SessionStore(DatabaseSessionStore):
    """A session store whose database is gone (used through SESSION_ENGINE below)."""

    def load(self):
        raise OperationalError("server closed the connection unexpectedly")


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def test_database_down_answers_503_in_english_with_retry_after(client):
    response = client.get("/en/database-down/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "The site is briefly unavailable" in html
    assert "Please try again in a minute." in html


def test_database_down_answers_503_in_french(client):
    response = client.get("/fr/database-down/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Le site est brièvement indisponible" in html
    assert 'href="/fr/"' in html


def test_full_disk_answers_503(client):
    response = client.get("/en/disk-full/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_bug_still_answers_500(client):
    response = client.get("/en/bug/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Something went wrong" in response.content.decode()


def test_missing_table_while_restoring_answers_503(client):
    response = client.get("/fr/table-missing/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Le site est brièvement indisponible" in response.content.decode()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite: any SQL error is operational"
)
def test_a_wrong_query_is_a_bug_not_a_fault(client):
    response = client.get("/en/sql-bug/")

    assert response.status_code == 500
    assert "Retry-After" not in response


def test_database_fault_is_logged_in_one_line(client, caplog):
    with caplog.at_level(logging.INFO):
        client.get("/en/database-down/")

    failures = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.name for r in failures] == ["cior.unavailable"]
    assert failures[0].getMessage() == (
        "Service unavailable: GET /en/database-down/: OperationalError: connection to server at "
        '"127.0.0.1", port 5432 failed: refused'
    )
    assert failures[0].exc_info is None


@override_settings(SESSION_ENGINE="core.tests.test_unavailable")
def test_session_unreadable_answers_503_keeps_cookie_and_logs_once(client, caplog):
    client.cookies["sessionid"] = "abcdefghijklmnopqrstuvwxyz012345"

    with caplog.at_level(logging.INFO):
        response = client.get("/fr/session/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Le site est brièvement indisponible" in response.content.decode()
    # SessionMiddleware would delete the cookie of a session it could not read: the visitor
    # stays logged in once the database is back.
    assert "sessionid" not in response.cookies
    failures = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(failures) == 1
    assert failures[0].getMessage().startswith("Service unavailable: GET /fr/session/")
