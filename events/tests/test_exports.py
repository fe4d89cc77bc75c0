"""Exports of registrations: participants, rooms, needs, as XLSX and CSV, scoped by nation."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.tests.factories import PersonFactory
from events import exports
from events.models import Registration

from .factories import DiscountCodeFactory, RegistrationFactory, RegistrationTypeFactory

State = Registration.State
pytestmark = pytest.mark.django_db


def url(name, event, fmt, lang="en", **query):
    path = reverse(f"events_export_{name}", kwargs={"event": event.slug, "fmt": fmt})
    path = path.replace("/en/", f"/{lang}/", 1)
    if query:
        path += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return path


def read_csv(response):
    content = response.content
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def read_xlsx(response, sheet=0):
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.worksheets[sheet].iter_rows(values_only=True))
    return workbook, rows


@pytest.fixture
def people(congress, delegate_type, est, fra):
    """Two Estonians (one with a double room and a vegetarian diet), one French delegate."""
    discount = DiscountCodeFactory(event=congress, nation=est, code="EST2027", percent=20)
    tamm = RegistrationFactory(
        event=congress,
        registration_type=delegate_type,
        person=PersonFactory(
            nation=est,
            first_name="Jaan",
            last_name="Tamm",
            rank_en="Major",
            rank_fr="Commandant",
            sex="male",
        ),
        state=State.CONFIRMED,
        fee=Decimal("200.00"),
        discount_code=discount,
        arrival_date=datetime.date(2027, 7, 1),
        departure_date=datetime.date(2027, 7, 4),
        accommodation=Registration.Accommodation.HOTEL_DOUBLE,
        room_shared_with="Mari Kask",
        diet=Registration.Diet.VEGETARIAN,
        dietary_notes="No mushrooms",
        passport_number="K1234567",
        nationality="Estonian",
        date_of_birth=datetime.date(1980, 5, 1),
    )
    kask = RegistrationFactory(
        event=congress,
        registration_type=delegate_type,
        person=PersonFactory(nation=est, first_name="Mari", last_name="Kask"),
        state=State.SUBMITTED,
        accommodation=Registration.Accommodation.NONE,
        accessibility_needs="Wheelchair access",
    )
    dupont = RegistrationFactory(
        event=congress,
        registration_type=delegate_type,
        person=PersonFactory(nation=fra, first_name="Jean", last_name="Dupont"),
        state=State.SUBMITTED,
        accommodation=Registration.Accommodation.HOTEL_SINGLE,
        diet=Registration.Diet.HALAL,
    )
    cancelled = RegistrationFactory(
        event=congress,
        registration_type=delegate_type,
        person=PersonFactory(nation=fra, first_name="Paul", last_name="Annule"),
        state=State.CANCELLED,
        accommodation=Registration.Accommodation.HOTEL_SINGLE,
    )
    return {"tamm": tamm, "kask": kask, "dupont": dupont, "cancelled": cancelled}


def test_participants_xlsx_for_presidency_lists_every_nation_with_passport(
    client, presidency, congress, people
):
    client.force_login(presidency)

    response = client.get(url("participants", congress, "xlsx"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="CIOR-summer-congress-2027-participants.xlsx"'
    )
    workbook, rows = read_xlsx(response)
    sheet = workbook.worksheets[0]
    assert sheet.freeze_panes == "A3"
    assert sheet["A2"].font.bold
    headers = rows[1]
    assert headers[:6] == ("Reference", "Nation", "Last name", "First name", "Rank", "NATO code")
    assert "Passport number" in headers
    by_name = {row[2]: dict(zip(headers, row, strict=True)) for row in rows[2:]}
    assert sorted(by_name) == ["Dupont", "Kask", "Tamm"]  # the cancelled one is left out
    tamm = by_name["Tamm"]
    assert tamm["Reference"] == people["tamm"].reference
    assert tamm["Nation"] == "EST"
    assert tamm["Rank"] == "Major"
    assert tamm["State"] == "Confirmed"
    assert tamm["Fee (EUR)"] == 200
    assert tamm["Discount code"] == "EST2027"
    assert tamm["Arrival"] == datetime.datetime(2027, 7, 1)
    assert tamm["Accommodation"] == "Hotel, double room"
    assert tamm["Shares the room with"] == "Mari Kask"
    assert tamm["Diet"] == "Vegetarian"
    assert tamm["Passport number"] == "K1234567"
    assert by_name["Kask"]["Accessibility needs"] == "Wheelchair access"
    assert sheet.column_dimensions["A"].width > 10


def test_participants_csv_in_french_has_french_headers_and_values(
    client, presidency, congress, people
):
    client.force_login(presidency)

    rows = read_csv(client.get(url("participants", congress, "csv", lang="fr")))

    headers = rows[0]
    assert headers[0] == "Référence"
    assert "Grade" in headers
    tamm = dict(zip(headers, next(row for row in rows if "Tamm" in row), strict=True))
    assert tamm["Grade"] == "Commandant"
    assert "Homme" in tamm.values()


def test_participants_csv_for_head_of_delegation_has_own_nation_only_without_passport(
    client, hod_fra, congress, people
):
    client.force_login(hod_fra)

    response = client.get(url("participants", congress, "csv"))

    assert response["Content-Disposition"] == (
        'attachment; filename="CIOR-summer-congress-2027-participants-FRA.csv"'
    )
    rows = read_csv(response)
    assert "Passport number" not in rows[0]
    assert [row[2] for row in rows[1:]] == ["Dupont"]
    assert "K1234567" not in response.content.decode("utf-8-sig")


def test_export_of_another_nation_is_not_found_for_head_of_delegation(
    client, hod_fra, congress, people
):
    client.force_login(hod_fra)

    for name in ("participants", "rooms", "needs"):
        assert client.get(url(name, congress, "csv", nation="EST")).status_code == 404
        assert client.get(url(name, congress, "xlsx", nation="XXX")).status_code == 404


def test_export_filters_by_nation_type_and_state(client, presidency, congress, people):
    RegistrationFactory(
        event=congress,
        registration_type=RegistrationTypeFactory(event=congress, kind="observer"),
        person=PersonFactory(nation=people["tamm"].nation, last_name="Observer"),
        state=State.CONFIRMED,
    )
    client.force_login(presidency)

    confirmed = read_csv(
        client.get(url("participants", congress, "csv", nation="EST", state="confirmed"))
    )
    delegates = read_csv(
        client.get(url("participants", congress, "csv", nation="est", type="delegate"))
    )
    every = read_csv(client.get(url("participants", congress, "csv", state="all")))
    response = client.get(url("participants", congress, "csv", nation="EST"))

    assert [row[2] for row in confirmed[1:]] == ["Observer", "Tamm"]
    assert [row[2] for row in delegates[1:]] == ["Kask", "Tamm"]
    assert sorted(row[2] for row in every[1:]) == ["Annule", "Dupont", "Kask", "Observer", "Tamm"]
    assert response["Content-Disposition"].endswith('participants-EST.csv"')
    assert client.get(url("participants", congress, "csv", type="general")).status_code == 404
    assert client.get(url("participants", congress, "csv", state="lost")).status_code == 404


def test_export_in_an_unknown_format_is_not_found(client, presidency, congress, people):
    client.force_login(presidency)

    assert client.get(url("participants", congress, "pdf")).status_code == 404


def test_export_requires_login_and_a_delegation_role(client, congress, people, est):
    anonymous = client.get(url("participants", congress, "csv"))
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]

    from accounts.tests.factories import UserFactory

    client.force_login(UserFactory(person=PersonFactory(nation=est)))
    assert client.get(url("participants", congress, "csv")).status_code == 403


def test_room_list_has_holding_registrations_needing_a_hotel_by_nation(
    client, presidency, congress, people
):
    client.force_login(presidency)

    _workbook, rows = read_xlsx(client.get(url("rooms", congress, "xlsx")))

    headers = rows[1]
    assert headers[0] == "Nation"
    listed = [dict(zip(headers, row, strict=True)) for row in rows[2:]]
    assert [(row["Nation"], row["Last name"]) for row in listed] == [
        ("EST", "Tamm"),
        ("FRA", "Dupont"),
    ]
    assert listed[0]["Room type"] == "Hotel, double room"
    assert listed[0]["Shares the room with"] == "Mari Kask"
    assert listed[0]["Nights"] == 3
    assert listed[1]["Room type"] == "Hotel, single room"


def test_needs_summary_counts_diets_per_nation_and_lists_notes(
    client, presidency, congress, people
):
    client.force_login(presidency)

    response = client.get(url("needs", congress, "xlsx"))
    workbook = load_workbook(io.BytesIO(response.content))
    summary = list(workbook.worksheets[0].iter_rows(values_only=True))
    notes = list(workbook.worksheets[1].iter_rows(values_only=True))

    headers = summary[1]
    counts = {row[0]: dict(zip(headers, row, strict=True)) for row in summary[2:]}
    assert counts["EST"]["Vegetarian"] == 1
    assert counts["EST"]["No special diet"] == 1
    assert counts["FRA"]["Halal"] == 1
    assert counts["Total"]["Total"] == 3
    assert [(row[0], row[2], row[4], row[5], row[6]) for row in notes[2:]] == [
        ("EST", "Kask", "No special diet", None, "Wheelchair access"),
        ("EST", "Tamm", "Vegetarian", "No mushrooms", None),
        ("FRA", "Dupont", "Halal", None, None),
    ]


def test_needs_csv_has_both_sections(client, hod_fra, congress, people):
    client.force_login(hod_fra)

    rows = read_csv(client.get(url("needs", congress, "csv")))

    assert rows[0] == ["Diets"]
    assert rows[2][0] == "FRA"
    assert rows[3][0] == "Total"
    assert ["Needs"] in rows
    assert not any("EST" in row for row in rows)


def test_formula_injection_is_neutralised_in_csv_and_xlsx(
    client, presidency, congress, delegate_type, est
):
    RegistrationFactory(
        event=congress,
        registration_type=delegate_type,
        person=PersonFactory(
            nation=est, first_name='=HYPERLINK("http://evil")', last_name="@SUM(A1)"
        ),
        dietary_notes="+cmd|' /C calc'!A0",
        accessibility_needs="-2+3",
    )
    client.force_login(presidency)

    rows = read_csv(client.get(url("participants", congress, "csv")))
    _, xlsx_rows = read_xlsx(client.get(url("participants", congress, "xlsx")))

    row = rows[1]
    assert row[2] == "'@SUM(A1)"
    assert row[3] == '\'=HYPERLINK("http://evil")'
    assert "'+cmd|' /C calc'!A0" in row
    assert "'-2+3" in row
    xlsx_row = xlsx_rows[2]
    assert xlsx_row[2] == "'@SUM(A1)"
    assert xlsx_row[3] == '\'=HYPERLINK("http://evil")'


def test_neutralised_leaves_numbers_and_plain_text_alone():
    assert exports.neutralised(-5) == -5
    assert exports.neutralised("Tamm") == "Tamm"
    assert exports.neutralised("=1+1") == "'=1+1"


def test_exports_use_a_bounded_number_of_queries(
    client, presidency, congress, delegate_type, est, fra, django_assert_max_num_queries
):
    for index in range(60):
        RegistrationFactory(
            event=congress,
            registration_type=delegate_type,
            person=PersonFactory(nation=est if index % 2 else fra),
            discount_code=None,
        )
    client.force_login(presidency)
    client.get(url("participants", congress, "csv"))  # warm the session and caches

    for name in ("participants", "rooms", "needs"):
        for fmt in ("csv", "xlsx"):
            with django_assert_max_num_queries(8):
                response = client.get(url(name, congress, fmt))
            assert response.status_code == 200
    rows = read_csv(client.get(url("participants", congress, "csv")))
    assert len(rows) == 61
