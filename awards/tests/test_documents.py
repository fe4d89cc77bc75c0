"""The bilingual diploma (PDF text in both languages) and its public verification page."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accounts.tests.factories import PersonFactory
from awards import documents, services, verification
from events.models import Event
from events.tests.factories import EventFactory
from governance.tests.helpers import text_of
from nations.tests.factories import NationFactory

from .factories import AwardedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(presidency):
    bel = NationFactory(code="BEL", name_en="Belgium", name_fr="Belgique")
    person = PersonFactory(
        first_name="Luc",
        last_name="Peeters",
        nation=bel,
        rank_en="Colonel",
        rank_fr="Colonel",
        preferred_language="fr",
    )
    awarded = AwardedFactory(
        nominee=person,
        awarded_on=datetime.date(2026, 2, 6),
        citation_en="For the Language Academy.",
        citation_fr="Pour l'Académie de langues.",
    )
    congress = EventFactory(
        kind=Event.Kind.SUMMER_CONGRESS,
        title_en="Summer Congress 2026",
        title_fr="Congrès d'été 2026",
    )
    return services.issue_diploma(
        awarded, presented_at=congress, by=presidency, on=datetime.date(2026, 8, 1)
    )


def _text(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_the_diploma_says_it_all_in_english_and_french(issued):
    text = _text(documents.diploma_pdf(issued))

    for expected in [
        "Medal of Merit",
        "The Council of CIOR awards the CIOR Medal of Merit to",
        "Colonel Luc PEETERS",
        "Belgium",
        "For the Language Academy.",
        "Presented at Summer Congress 2026, 1 August 2026",
        "Médaille du mérite",
        "Le Conseil de la CIOR décerne la Médaille du mérite de la CIOR à",
        "Belgique",
        "Pour l'Académie de langues.",
        "Remise : Congrès d'été 2026, le 1 août 2026",
        f"MM-2026-{issued.pk:04d}",
        "/fr/verify/medal/",
    ]:
        assert expected in text, expected


def test_the_diploma_is_refused_before_it_is_issued():
    with pytest.raises(documents.DiplomaRefused):
        documents.diploma_pdf(AwardedFactory())


def test_the_verification_page_says_valid_and_nothing_personal(client, issued):
    url = reverse("awards_verify", args=[verification.make_token(issued)])

    text = text_of(client.get(url).content.decode())

    assert "Valid Document Medal of Merit diploma Year of award 2026" in text
    assert "PEETERS" not in text and "Belgium" not in text


@pytest.mark.parametrize("token", ["m1:forged", "garbage", "b1:xyz"])
def test_the_verification_page_says_not_valid_for_a_forged_token(client, issued, token):
    text = text_of(client.get(reverse("awards_verify", args=[token])).content.decode())

    assert "Not valid" in text


def test_a_diploma_of_a_nomination_no_longer_standing_is_not_valid(client, issued):
    token = verification.make_token(issued)
    type(issued).objects.filter(pk=issued.pk).update(diploma_issued_on=None)

    text = text_of(client.get(reverse("awards_verify", args=[token])).content.decode())

    assert "Not valid" in text


def test_the_nominator_downloads_the_diploma(client, issued, hod_est):
    type(issued).objects.filter(pk=issued.pk).update(nominated_by=hod_est)
    client.force_login(hod_est)

    response = client.get(reverse("awards_diploma", args=[issued.pk]))

    assert "Colonel Luc PEETERS" in _text(response.content)
