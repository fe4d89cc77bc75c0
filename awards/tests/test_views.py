"""The nomination pages and the admin: confidentiality on every route, with each role; the
nomination form's bad input."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import Nomination, SupportingDocument
from awards.tests.factories import AwardedFactory
from events.models import Event
from events.tests.factories import EventFactory
from governance.tests.helpers import text_of

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def documented(nomination):
    SupportingDocument.objects.create(
        nomination=nomination,
        file=SimpleUploadedFile("letter.pdf", PDF),
        name="letter.pdf",
        size=len(PDF),
    )
    return nomination


def _routes(nomination):
    """Every GET route of one nomination (the admin's included)."""
    document = nomination.documents.first()
    pk = nomination.pk
    return [
        reverse("awards_nomination", args=[pk]),
        reverse("awards_document", args=[pk, document.pk]),
        reverse("awards_diploma", args=[pk]),
        reverse("wagtailsnippets_awards_nomination:inspect", args=[pk]),
        reverse("wagtailsnippets_awards_nomination:history", args=[pk]),
        reverse("wagtailsnippets_awards_nomination:edit", args=[pk]),
        reverse("wagtailsnippets_awards_nomination:delete", args=[pk]),
        reverse("wagtailsnippets_awards_nomination:usage", args=[pk]),
        reverse("wagtailsnippetchoosers_awards_nomination:chosen", args=[pk]),
    ]


ACTIONS = ["recommend", "decline", "council", "diploma", "consent"]


@pytest.mark.parametrize("role", [None, "hod_est_2", "hod_fra", "staff_est", "editor"])
def test_nobody_but_the_presidency_and_the_nominator_reaches_a_nomination(
    request, client, documented, role
):
    if role is not None:
        client.force_login(request.getfixturevalue(role))
    before = list(Nomination.objects.values_list("pk", "state"))

    for url in _routes(documented):
        response = client.get(url)
        assert response.status_code in {302, 403, 404}, url
        assert b"Vogel" not in response.content and b"VOGEL" not in response.content, url
        if response.status_code == 302:
            assert "/login/" in response["Location"] or response["Location"] == "/admin/", url
    for action in ACTIONS:
        response = client.post(
            reverse("awards_nomination_action", args=[documented.pk, action]), {"reason": "x"}
        )
        assert response.status_code in {302, 403, 404}, action
        if response.status_code == 302:
            assert "/login/" in response["Location"]

    assert list(Nomination.objects.values_list("pk", "state")) == before


@pytest.mark.parametrize("role", [None, "hod_est_2", "hod_fra", "staff_est", "editor"])
def test_nobody_but_the_presidency_and_the_nominator_lists_or_finds_a_nomination(
    request, client, documented, role
):
    if role is not None:
        client.force_login(request.getfixturevalue(role))
    listings = [
        reverse("awards_nominations"),
        reverse("wagtailsnippets_awards_nomination:list"),
        reverse("wagtailsnippets_awards_nomination:list") + "?q=Vogel",
        reverse("wagtailsnippets_awards_nomination:list_results") + "?q=Vogel",
        reverse("wagtailsnippetchoosers_awards_nomination:choose"),
        reverse("wagtailsnippetchoosers_awards_nomination:choose_results") + "?q=Vogel",
        reverse("wagtailadmin_reports:site_history"),
    ]
    for url in listings:
        response = client.get(url)  # the search term is echoed: look for the record's text
        assert b"VOGEL" not in response.content, url
        assert "CIOR–NRFC".encode() not in response.content, url


def test_the_nominator_sees_the_nomination_and_its_documents(client, hod_est, documented):
    client.force_login(hod_est)

    listing = text_of(client.get(reverse("awards_nominations")).content.decode())
    page = client.get(reverse("awards_nomination", args=[documented.pk]))
    document = client.get(_routes(documented)[1])
    inspect = client.get(reverse("wagtailsnippets_awards_nomination:inspect", args=[documented.pk]))
    chooser = client.get(reverse("wagtailsnippetchoosers_awards_nomination:choose"))

    assert "Colonel Katrin VOGEL Germany 2026 In review by the Presidency" in listing
    text = text_of(page.content.decode())
    assert "She chaired the joint working group for four years." in text
    assert "letter.pdf" in text
    assert "The Presidency's steps" not in text
    assert b"".join(document.streaming_content) == PDF
    assert document["Cache-Control"].startswith("max-age=0")
    assert "VOGEL" in inspect.content.decode()
    assert "VOGEL" in chooser.content.decode()


def test_the_nominator_may_not_take_the_presidencys_steps(client, hod_est, nomination):
    client.force_login(hod_est)

    response = client.post(reverse("awards_nomination_action", args=[nomination.pk, "recommend"]))

    assert response.status_code == 403
    nomination.refresh_from_db()
    assert nomination.state == Nomination.State.IN_REVIEW


def test_the_admin_adds_edits_and_deletes_nothing_even_for_the_presidency(
    client, presidency, nomination
):
    client.force_login(presidency)

    edit = client.post(
        reverse("wagtailsnippets_awards_nomination:edit", args=[nomination.pk]),
        {"grounds": "changed"},
    )
    delete = client.post(reverse("wagtailsnippets_awards_nomination:delete", args=[nomination.pk]))
    add = client.get(reverse("wagtailsnippets_awards_nomination:add"))

    assert {edit.status_code, delete.status_code, add.status_code} <= {302, 403}
    nomination.refresh_from_db()
    assert nomination.grounds == "She chaired the joint working group for four years."


def test_the_presidency_recommends_puts_to_council_and_sees_the_history(
    client, presidency, nomination, coming_meeting
):
    client.force_login(presidency)

    client.post(reverse("awards_nomination_action", args=[nomination.pk, "recommend"]))
    client.post(
        reverse("awards_nomination_action", args=[nomination.pk, "council"]),
        {"meeting": coming_meeting.pk},
    )
    page = text_of(client.get(reverse("awards_nomination", args=[nomination.pk])).content.decode())

    nomination.refresh_from_db()
    assert nomination.state == Nomination.State.BEFORE_COUNCIL
    assert "Mid-Winter Meeting – motion 1 (Draft)" in page
    assert "State: Recommended by the Presidency → Before the Council" in page


def test_a_decline_without_reason_shows_the_error_and_changes_nothing(
    client, presidency, nomination
):
    client.force_login(presidency)

    response = client.post(
        reverse("awards_nomination_action", args=[nomination.pk, "decline"]), {"reason": ""}
    )

    assert "Give the reason for declining." in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.state == Nomination.State.IN_REVIEW


def test_the_diploma_is_issued_at_a_congress(client, presidency):
    awarded = AwardedFactory()
    congress = EventFactory(kind=Event.Kind.SUMMER_CONGRESS, title_en="Summer Congress 2026")
    client.force_login(presidency)

    client.post(
        reverse("awards_nomination_action", args=[awarded.pk, "diploma"]),
        {"presented_at": congress.pk},
    )

    awarded.refresh_from_db()
    assert awarded.presented_at == congress


# The nomination form -----------------------------------------------------------------------


def _form(**overrides):
    data = {
        "new_first_name": "Dan",
        "new_last_name": "Brooks",
        "new_nation": "",
        "new_preferred_language": "en",
        "citation_en": "For service.",
        "citation_fr": "Pour services.",
        "grounds": "Twenty years.",
    }
    data.update(overrides)
    return data


def test_a_head_of_delegation_nominates_a_person_of_another_nation(client, hod_est, deu, est):
    client.force_login(hod_est)

    response = client.post(
        reverse("awards_nominate"),
        _form(
            new_nation=deu.pk,
            nation=est.pk,
            documents=[
                SimpleUploadedFile("cv.pdf", PDF),
                SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\nxx"),
            ],
        ),
    )

    nomination = Nomination.objects.get()
    assert response["Location"] == reverse("awards_nomination", args=[nomination.pk])
    assert (nomination.nominee.full_name, nomination.nominee.nation) == ("Dan BROOKS", deu)
    assert sorted(nomination.documents.values_list("name", flat=True)) == ["cv.pdf", "photo.png"]
    stored = nomination.documents.first().file
    assert "/media/" not in stored.path and stored.name.startswith("awards/nominations/")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"citation_fr": ""}, "Rédigez la citation en français."),
        ({"new_first_name": "", "new_last_name": ""}, "Choisissez la personne proposée"),
        (
            {"documents": [SimpleUploadedFile("virus.exe", b"MZ")]},
            "« virus.exe » n’est pas accepté",
        ),
        (
            {"documents": [SimpleUploadedFile("fake.pdf", b"<html>")]},
            "« fake.pdf » ne contient pas ce que son nom annonce",
        ),
        (
            {"documents": [SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024))]},
            "« big.pdf » est trop volumineux",
        ),
    ],
)
def test_bad_input_is_refused_in_french_and_changes_nothing(
    client, hod_est, deu, est, overrides, message
):
    client.force_login(hod_est)

    response = client.post(
        reverse("awards_nominate").replace("/en/", "/fr/"),
        _form(new_nation=deu.pk, nation=est.pk, **overrides),
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Nomination.objects.count() == 0
    assert SupportingDocument.objects.count() == 0


def test_a_duplicate_nomination_is_refused_with_the_reason(
    client, hod_fra, fra, nomination, nominee
):
    client.force_login(hod_fra)
    data = _form(
        new_first_name="Katrin", new_last_name="Vogel", new_nation=nominee.nation_id, nation=fra.pk
    )

    response = client.post(reverse("awards_nominate"), data)

    expected = f"Katrin VOGEL has already been nominated in {nomination.year}."
    assert expected in response.content.decode()
    assert Nomination.objects.count() == 1


def test_a_head_of_delegation_may_not_nominate_for_another_nation(client, hod_est, fra, deu):
    client.force_login(hod_est)

    response = client.post(reverse("awards_nominate"), _form(new_nation=deu.pk, nation=fra.pk))

    assert "Select a valid choice" in response.content.decode()
    assert Nomination.objects.count() == 0


def test_national_staff_may_not_nominate(client, staff_est, deu):
    client.force_login(staff_est)

    response = client.post(reverse("awards_nominate"), _form(new_nation=deu.pk))

    assert response.status_code == 404
    assert Nomination.objects.count() == 0
