"""A draft event's exports and documents are the presidency's only; exports never carry a
formula, full-width forms included."""

import pytest

from accounts.tests.factories import PersonFactory, UserFactory
from conftest import log_in_with_two_factor
from events import exports
from events.models import Event, Registration

from .factories import RegistrationFactory
from .test_document_views import PASSPORT, register
from .test_exports import read_csv, read_xlsx, url

pytestmark = pytest.mark.django_db

NOT_PUBLISHED = "is not published yet: its documents and exports are not available."


@pytest.fixture
def draft(congress, delegate_type, est):
    congress.status = Event.Status.DRAFT
    congress.save(update_fields=["status"])
    register(congress, est, **PASSPORT)
    return congress


def _draft_urls(event):
    registration = Registration.objects.get(event=event)
    urls = [
        url(name, event, fmt)
        for name in ("participants", "rooms", "needs")
        for fmt in ("csv", "xlsx")
    ]
    urls += [
        f"/en/registration/{registration.pk}/{doc}"
        for doc in ("badge.pdf", "visa-letter.pdf", "certificate.pdf")
    ]
    urls.append(f"/en/delegation/{event.slug}/est/badges.pdf")
    return urls


@pytest.mark.parametrize("who", ["hod_est", "staff_est", "participant"])
def test_draft_event_exports_and_documents_are_refused_with_a_message(
    client, homes, request, draft, est, who
):
    if who == "participant":
        user = UserFactory(person=Registration.objects.get(event=draft).person)
        client.force_login(user)
    else:
        log_in_with_two_factor(client, request.getfixturevalue(who))

    addresses = _draft_urls(draft)
    if who == "participant":  # a participant has only the own registration's documents
        addresses = [address for address in addresses if "/registration/" in address]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 404, address
        assert response["Content-Type"].startswith("text/html"), address
        assert NOT_PUBLISHED in response.content.decode(), address


def test_draft_event_refusal_is_in_the_readers_language(client, homes, hod_est, draft):
    log_in_with_two_factor(client, hod_est)

    response = client.get(url("participants", draft, "csv", lang="fr"))

    assert response.status_code == 404
    assert "n’est pas encore publié" in response.content.decode()


def test_presidency_exports_and_prints_a_draft_event(client, homes, presidency, draft):
    log_in_with_two_factor(client, presidency)

    csv_rows = read_csv(client.get(url("participants", draft, "csv")))
    badge = client.get(f"/en/registration/{Registration.objects.get(event=draft).pk}/badge.pdf")

    assert csv_rows[1][2] == "Kask"
    assert badge["Content-Type"] == "application/pdf"


FORMULAS = [
    '＝HYPERLINK("http://evil")',
    "﹦1+1",
    "＋cmd",
    "－2+3",
    "＠SUM(A1)",
    "﹫SUM(A1)",
    "\tA",
    "\rA",
    "\nA",
    "−1",
    " =1+1",
    "\u3000＝1",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_neutralised_prefixes_every_formula_start(text):
    assert exports.neutralised(text) == "'" + text


@pytest.mark.parametrize("text", ["Tamm", "O'Neil", "Ｔａｍｍ", "1 = 1", "", "’t Hooft"])
def test_neutralised_leaves_plain_text_alone(text):
    assert exports.neutralised(text) == text


def test_full_width_formulas_are_neutralised_in_csv_and_xlsx(
    client, presidency, congress, delegate_type, est
):
    RegistrationFactory(
        event=congress,
        registration_type=delegate_type,
        person=PersonFactory(
            nation=est, first_name='＝HYPERLINK("http://evil")', last_name="＠SUM(A1)"
        ),
    )
    log_in_with_two_factor(client, presidency)

    row = read_csv(client.get(url("participants", congress, "csv")))[1]
    _, xlsx_rows = read_xlsx(client.get(url("participants", congress, "xlsx")))

    assert row[2:4] == ["'＠SUM(A1)", '\'＝HYPERLINK("http://evil")']
    assert list(xlsx_rows[2][2:4]) == ["'＠SUM(A1)", '\'＝HYPERLINK("http://evil")']
