"""Badges, visa letters and certificates: what the PDFs say, in whose language, and refusals.

WeasyPrint renders take time: each test below renders at most one PDF.
"""

import datetime
import io

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from pypdf import PdfReader

from accounts.tests.factories import PersonFactory
from events import documents, verification
from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory, RegistrationTypeFactory

CONFIRMED = Registration.State.CONFIRMED
MM = 72 / 25.4  # PDF points per millimetre


@pytest.fixture
def event(est):
    """A congress in Tallinn, 10–13 July 2025 (started: certificates may be issued)."""
    return EventFactory(
        title_en="Summer Congress 2025",
        title_fr="Congrès d'été 2025",
        slug="summer-congress-2025",
        city_en="Tallinn",
        venue_en="Congress Centre",
        host_nation=est,
        starts_on=datetime.date(2025, 7, 10),
        ends_on=datetime.date(2025, 7, 13),
    )


def register(event, nation, *, language="en", state=CONFIRMED, **fields):
    person = PersonFactory(
        nation=nation,
        preferred_language=language,
        first_name=fields.pop("first_name", "Marie"),
        last_name=fields.pop("last_name", "Dupont"),
    )
    kind = RegistrationTypeFactory(event=event, kind="delegate", colour="#c8102e")
    return RegistrationFactory(
        event=event, registration_type=kind, person=person, nation=nation, state=state, **fields
    )


PASSPORT = {
    "passport_number": "FR1234567",
    "nationality": "française",
    "passport_expires_on": datetime.date(2030, 1, 31),
    "date_of_birth": datetime.date(1980, 5, 17),
    "place_of_birth": "Lyon",
    "arrival_date": datetime.date(2025, 7, 9),
    "departure_date": datetime.date(2025, 7, 14),
}


def pdf_pages(data):
    reader = PdfReader(io.BytesIO(data))
    return [(page.extract_text(), page.mediabox) for page in reader.pages]


def size_mm(mediabox):
    return round(float(mediabox.width) / MM), round(float(mediabox.height) / MM)


# Badges ----------------------------------------------------------------------------------


def test_badge_pdf_shows_name_rank_nation_and_type_in_registrant_language(event, fra):
    registration = register(event, fra, language="fr")

    pages = pdf_pages(documents.badge_pdf(registration))

    assert len(pages) == 1
    text, mediabox = pages[0]
    assert size_mm(mediabox) == (105, 148)  # A6 portrait
    assert "Marie DUPONT" in text
    assert "Commandant" in text  # rank_fr: the registrant reads French
    assert "Major" not in text
    assert "FRA" in text
    assert "DÉLÉGUÉ" in text  # the type, in French too
    assert "Congrès d'été 2025" in text
    assert "10–13 juillet 2025" in text
    assert registration.reference in text


def test_badge_sheet_of_five_confirmed_badges_has_two_a4_pages(event, est):
    registrations = [
        register(event, est, first_name=f"Person{n}", last_name=f"Tamm{n}") for n in range(5)
    ]

    pages = pdf_pages(documents.badges_pdf(registrations))

    assert len(pages) == 2
    assert [size_mm(mediabox) for _text, mediabox in pages] == [(210, 297), (210, 297)]
    first, second = pages[0][0], pages[1][0]
    assert all(f"Person{n} TAMM{n}" in first for n in range(4))
    assert "Person4 TAMM4" in second
    assert "Person0 TAMM0" not in second
    assert "Major" in first  # English speakers: rank_en


def test_badge_context_qr_links_to_a_verification_url_that_verifies(event, fra):
    registration = register(event, fra, language="fr")

    context = documents.badge_context(registration)

    with override_settings(SITE_URL="https://www.cior.example"):
        url = documents.verification_url(registration, verification.BADGE)
    assert url.startswith("https://www.cior.example/fr/verify/")
    assert context["verify_url"].endswith(url.removeprefix("https://www.cior.example"))
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert verification.check_token(token) == (registration, "badge")
    assert context["qr"].startswith("data:image/svg+xml")
    assert context["rank"] == "Commandant"
    assert context["ink"] == "#ffffff"  # white on the red band


@override_settings(ALLOWED_HOSTS=["congress.example.org"])
def test_verification_url_uses_the_request_host_when_there_is_one(event, est):
    registration = register(event, est)
    request = RequestFactory().get("/en/", HTTP_HOST="congress.example.org")

    url = documents.verification_url(registration, verification.LETTER, request=request)

    assert url.startswith("http://congress.example.org/en/verify/l")


def test_badge_bands_take_their_type_colours_from_a_stylesheet_not_a_style_attribute(event, est):
    red = register(event, est)  # #c8102e: white ink
    gold = register(event, est, first_name="Kadri")
    gold.registration_type = RegistrationTypeFactory(event=event, kind="observer", colour="#ffd700")
    gold.save()  # dark ink

    context = documents.badges_context([red, gold], sheet=True)
    html = render_to_string("events/pdf/badges.html", context)
    pdf = documents.badges_pdf([red, gold])

    red_id, gold_id = red.registration_type_id, gold.registration_type_id
    assert context["css"] == (
        f".badge__type--{red_id} {{ background-color: #c8102e; color: #ffffff; }}\n"
        f".badge__type--{gold_id} {{ background-color: #ffd700; color: #111111; }}\n"
    )
    assert f'class="badge__type badge__type--{red_id}"' in html
    assert f'class="badge__type badge__type--{gold_id}"' in html
    assert "style=" not in html
    fills = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    assert "0.784314 0.062745 0.180392 rg" in fills  # the red band
    assert "1 0.843137 0 rg" in fills  # the gold band


def test_badges_pdf_refuses_a_registration_not_confirmed(event, est):
    waiting = register(event, est, state=Registration.State.WAITING)

    with pytest.raises(documents.DocumentRefused, match="confirmed registration"):
        documents.badges_pdf([waiting])


# Visa invitation letter ------------------------------------------------------------------


def test_visa_letter_in_french_shows_passport_data_signatory_and_reference(event, fra):
    registration = register(event, fra, language="fr", **PASSPORT)

    pages = pdf_pages(documents.visa_letter_pdf(registration, today=datetime.date(2025, 5, 2)))

    text = " ".join(page_text for page_text, _box in pages)
    assert size_mm(pages[0][1]) == (210, 297)
    for expected in (
        "Marie DUPONT",
        "Commandant",
        "FR1234567",
        "française",
        "31 janvier 2030",  # passport expiry, in French
        "17 mai 1980",
        "Lyon",
        "9 juillet 2025",
        "14 juillet 2025",
        "Congrès d'été 2025",
        "Tallinn",
        "Congress Centre",
        "Colonel Jaan TAMM",
        "Chef du comité d'organisation",
        registration.reference,
        "2 mai 2025",
        "/fr/verify/l",
    ):
        assert expected in text, expected


def test_visa_letter_refused_without_passport_data_names_what_is_missing(event, fra):
    registration = register(event, fra, nationality="française")

    with pytest.raises(documents.DocumentRefused) as refusal:
        documents.visa_letter_pdf(registration)

    assert "passport number" in str(refusal.value)
    assert "date of birth" in str(refusal.value)
    assert "nationality" not in str(refusal.value)


def test_visa_letter_refused_for_a_registration_not_confirmed(event, fra):
    registration = register(event, fra, state=Registration.State.SUBMITTED, **PASSPORT)

    with pytest.raises(documents.DocumentRefused, match="Submitted"):
        documents.check_visa_letter(registration)


def test_visa_letter_refused_when_the_event_has_no_signatory(event, fra):
    event.visa_signatory_name = ""
    event.save()
    registration = register(event, fra, **PASSPORT)

    with pytest.raises(documents.DocumentRefused, match="signatory"):
        documents.check_visa_letter(registration)


# Attendance certificate ------------------------------------------------------------------


def test_certificate_in_french_shows_name_rank_nation_event_and_place(event, fra):
    registration = register(event, fra, language="fr")

    pages = pdf_pages(documents.certificate_pdf(registration, today=datetime.date(2025, 8, 1)))

    assert len(pages) == 1
    text, mediabox = pages[0]
    assert size_mm(mediabox) == (297, 210)  # A4 landscape
    for expected in (
        "Marie DUPONT",
        "Commandant",
        "France (FRA)",
        "Congrès d'été 2025",
        "Tallinn",
        "10–13 juillet 2025",
        "13 juillet 2025",  # issued on: the event's last day
        registration.reference,
    ):
        assert expected in text, expected


def test_certificate_is_signed_by_the_president_of_the_time(event, fra, est):
    from governance.tests.factories import AppointmentFactory, PresidencyTermFactory

    term = PresidencyTermFactory(
        nation=est, starts_on=datetime.date(2024, 8, 1), ends_on=datetime.date(2026, 7, 31)
    )
    president = PersonFactory(first_name="Toomas", last_name="Luman", rank_fr="Lieutenant-colonel")
    AppointmentFactory(term=term, role="president", person=president)
    registration = register(event, fra, language="fr")

    text = pdf_pages(documents.certificate_pdf(registration, today=datetime.date(2025, 8, 1)))[0][0]

    assert "Lieutenant-colonel Toomas LUMAN" in text
    assert "Président (Estonie)" in text
    assert "a pris part à l'événement" in text


def test_certificate_refused_for_a_no_show(event, est):
    registration = register(event, est, attended=False)

    with pytest.raises(documents.DocumentRefused, match="attended"):
        documents.certificate_pdf(registration)


def test_certificate_refused_before_the_event_starts(event, est):
    registration = register(event, est)

    with pytest.raises(documents.DocumentRefused, match="10 July 2025"):
        documents.check_certificate(registration, today=datetime.date(2025, 7, 9))


def test_certificate_refused_for_a_cancelled_registration(event, est):
    registration = register(event, est, state=Registration.State.CANCELLED)

    with pytest.raises(documents.DocumentRefused, match="Cancelled"):
        documents.check_certificate(registration, today=datetime.date(2025, 8, 1))


# Helpers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ((2027, 7, 12), (2027, 7, 12), "12 July 2027"),
        ((2027, 7, 12), (2027, 7, 15), "12–15 July 2027"),
        ((2027, 6, 30), (2027, 7, 3), "30 June – 3 July 2027"),
        ((2027, 12, 30), (2028, 1, 2), "30 December 2027 – 2 January 2028"),
    ],
)
def test_date_range_writes_the_shortest_unambiguous_form(start, end, expected):
    assert documents.date_range(datetime.date(*start), datetime.date(*end)) == expected


@pytest.mark.parametrize(
    ("colour", "ink"),
    [("#ffffff", "#111111"), ("#ffd700", "#111111"), ("#1f3a68", "#ffffff"), ("bad", "#ffffff")],
)
def test_ink_for_picks_the_readable_text_colour(colour, ink):
    assert documents.ink_for(colour) == ink
