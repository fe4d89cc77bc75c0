"""A delegation's list imported from CSV or XLSX: all checked first, all saved or nothing."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from accounts.models import Person
from accounts.tests.factories import PersonFactory
from events import imports, services
from events.models import Registration

from .factories import DiscountCodeFactory, RegistrationTypeFactory

pytestmark = pytest.mark.django_db
State = Registration.State

HEADER = [
    "first_name",
    "last_name",
    "rank",
    "nato_code",
    "sex",
    "email",
    "registration_type",
    "arrival_date",
    "departure_date",
    "diet",
    "passport_number",
    "date_of_birth",
]
GOOD_ROWS = [
    ["Jaan", "Tamm", "Major", "OF-3", "male", "jaan@example.ee", "delegate", "2027-07-01",
     "2027-07-05", "vegan", "EE123", "1980-05-17"],
    ["Mari", "Kask", "Captain", "of-2", "F", "mari@example.ee", "Delegate", "01/07/2027",
     "05/07/2027", "", "", ""],
    ["Peeter", "Sepp", "", "", "", "", "observer", "", "", "", "", ""],
    ["Liis", "Mets", "Lieutenant", "OF-1", "female", "liis@example.ee", "delegate", "", "",
     "Halal", "", ""],
]  # fmt: skip


@pytest.fixture
def observers(congress):
    return RegistrationTypeFactory(event=congress, kind="observer")


def csv_file(rows, delimiter=",", name="list.csv", bom=False):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    data = out.getvalue().encode("utf-8-sig" if bom else "utf-8")
    return SimpleUploadedFile(name, data, content_type="text/csv")


def xlsx_file(rows, name="list.xlsx"):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def import_url(event, code="EST"):
    return reverse("delegation_import", args=[event.slug, code])


def post(client, user, event, upload, code="EST"):
    client.force_login(user)
    return client.post(import_url(event, code), {"file": upload})


def counts():
    return Person.objects.count(), Registration.objects.count()


# Good files.


def test_good_csv_imports_people_and_registrations(
    client, congress, delegate_type, observers, est, hod_est
):
    existing = PersonFactory(nation=est, first_name="Liis", last_name="Mets", email="")
    people_before = Person.objects.count()

    response = post(client, hod_est, congress, csv_file([HEADER, *GOOD_ROWS], delimiter=";"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "The file was imported" in html
    assert "4 registrations saved" in html
    assert "3 within the places, 1 on the waiting list; 3 people added" in html
    assert Person.objects.count() == people_before + 3
    jaan = Registration.objects.get(person__email="jaan@example.ee")
    assert (jaan.state, jaan.registration_type.kind, jaan.diet) == (
        State.SUBMITTED,
        "delegate",
        "vegan",
    )
    assert (jaan.arrival_date, jaan.departure_date) == (
        datetime.date(2027, 7, 1),
        datetime.date(2027, 7, 5),
    )
    assert jaan.person.nation == est and jaan.person.nato_code == "OF-3"
    assert jaan.registered_by == hod_est
    mari = Registration.objects.get(person__email="mari@example.ee")
    assert mari.arrival_date == datetime.date(2027, 7, 1)
    assert mari.person.sex == "female" and mari.person.nato_code == "OF-2"
    liis = Registration.objects.get(person=existing)  # matched by name, not created again
    assert (liis.state, liis.diet) == (State.WAITING, "halal")  # EST's 2 delegate places taken
    peeter = Registration.objects.get(person__first_name="Peeter")
    assert (peeter.registration_type, peeter.state) == (observers, State.SUBMITTED)


def test_good_xlsx_with_date_cells_imports(client, congress, delegate_type, est, hod_est):
    rows = [
        ["First name", "Last name", "Registration type", "Arrival", "Departure", "E-mail"],
        ["Jaan", "Tamm", "Delegate", datetime.datetime(2027, 7, 1), datetime.date(2027, 7, 4),
         "jaan@example.ee"],
        ["Mari", "Kask", "delegate", "2027-07-02", "03/07/2027", None],
        [None, None, None, None, None, None],
    ]  # fmt: skip

    response = post(client, hod_est, congress, xlsx_file(rows))

    assert "2 registrations saved" in response.content.decode()
    jaan, mari = Registration.objects.order_by("submitted_at", "pk")
    assert (jaan.arrival_date, jaan.departure_date) == (
        datetime.date(2027, 7, 1),
        datetime.date(2027, 7, 4),
    )
    assert (mari.person.full_name, mari.departure_date) == ("Mari KASK", datetime.date(2027, 7, 3))


def test_french_headers_with_bom_and_semicolons_import(client, congress, delegate_type, est,
                                                        hod_est):  # fmt: skip
    DiscountCodeFactory(event=congress, nation=est, code="EST27", percent=20)
    rows = [
        ["Prénom", "Nom", "Grade", "Code OTAN du grade", "Sexe", "Courriel", "Type d'inscription",
         "Arrivée", "Départ", "Code de réduction"],
        ["Anne", "Lepp", "Commandant", "OF-3", "Femme", "anne@example.ee", "delegate",
         "01/07/2027", "04/07/2027", "est27"],
    ]  # fmt: skip

    post(client, hod_est, congress, csv_file(rows, delimiter=";", bom=True))

    registration = Registration.objects.get()
    assert registration.person.full_name == "Anne LEPP"
    assert registration.person.sex == "female"
    assert registration.fee == delegate_type.fee * 8 / 10
    assert registration.discount_code.code == "EST27"


# Rejected files: the whole file, with row numbers as the spreadsheet shows them.


def test_file_with_errors_in_rows_3_and_5_is_rejected_and_nothing_saved(
    client, congress, delegate_type, observers, est, hod_est
):
    rows = [HEADER, GOOD_ROWS[0], list(GOOD_ROWS[1]), GOOD_ROWS[2], list(GOOD_ROWS[3])]
    rows[2][3] = "OF-12"  # row 3: NATO code
    rows[4][6] = "speaker"  # row 5: not a type of this event
    rows[4][7] = "2027-06-30x"  # row 5: not a date
    before = counts()

    response = post(client, hod_est, congress, csv_file(rows))

    assert response.status_code == 400
    assert counts() == before
    assert not Registration.objects.exists()
    result = response.context["result"]
    assert [(e.row, e.column) for e in result.errors] == [
        (3, "nato_code"),
        (5, "registration_type"),
        (5, "arrival_date"),
    ]
    assert "“OF-12” is not a NATO rank code" in result.errors[0].message
    assert "“speaker” is not a registration type of this event" in result.errors[1].message
    assert "“2027-06-30x” is not a date" in result.errors[2].message
    html = response.content.decode()
    assert "The file was not imported" in html
    assert 'data-row="3"' in html and 'data-row="5"' in html
    assert 'data-row="2"' not in html and 'data-row="4"' not in html


def check(event, nation, rows):
    """Return the errors of `rows` (with the header) as (row, column, message)."""
    table = [HEADER, *rows]
    _rows, errors = imports.check(event, nation, table)
    return [(e.row, e.column, e.message) for e in errors]


def row(**values):
    base = dict(zip(HEADER, ["A", "B", "", "", "", "", "delegate", "", "", "", "", ""],
                    strict=True))  # fmt: skip
    base.update(values)
    return [base[key] for key in HEADER]


def test_check_required_names_and_type(congress, delegate_type, est):
    errors = check(congress, est, [row(first_name="", registration_type=" ")])

    assert errors == [
        (2, "first_name", "This value is required."),
        (2, "registration_type", "This value is required."),
    ]


def test_check_departure_before_arrival(congress, delegate_type, est):
    errors = check(congress, est, [row(arrival_date="2027-07-05", departure_date="2027-07-01")])

    assert errors == [(2, "departure_date", "The departure cannot be before the arrival.")]


def test_check_duplicate_people_within_the_file(congress, delegate_type, est):
    errors = check(
        congress,
        est,
        [
            row(first_name="Jaan", last_name="Tamm", email="j@example.ee"),
            row(first_name="Other", last_name="Name", email="J@EXAMPLE.EE"),
            row(first_name="jaan", last_name="TAMM"),
        ],
    )

    assert errors == [
        (3, "", "The same person is already in row 2."),
        (4, "", "The same person is already in row 2."),
    ]


def test_check_already_registered_person(congress, delegate_type, est, hod_est):
    person = PersonFactory(nation=est, first_name="Jaan", last_name="Tamm", email="j@example.ee")
    services.register(congress, person=person, registration_type=delegate_type, by=hod_est)

    errors = check(congress, est, [row(first_name="X", last_name="Y", email="j@example.ee")])

    assert errors == [(2, "", "Jaan TAMM is already registered for this event.")]


def test_check_person_of_another_nation_is_not_matched(congress, delegate_type, est, fra):
    PersonFactory(nation=fra, first_name="Jaan", last_name="Tamm", email="j@example.ee")

    rows, errors = imports.check(
        congress, est, [HEADER, row(first_name="Jaan", last_name="Tamm", email="j@example.ee")]
    )

    assert errors == []
    assert rows[0].person is None


def test_check_bad_email_choice_and_discount_code(congress, delegate_type, est, fra):
    DiscountCodeFactory(event=congress, nation=fra, code="FRA27")
    table = [
        [*HEADER, "discount_code"],
        [*row(email="not-an-address", sex="x", diet="carnivore"), "FRA27"],
    ]

    _rows, errors = imports.check(congress, est, table)

    assert [(e.row, e.column) for e in errors] == [
        (2, "sex"),
        (2, "email"),
        (2, "diet"),
        (2, "discount_code"),
    ]
    assert errors[3].message == "This discount code is not valid for this nation and event."


def test_check_too_long_value(congress, delegate_type, est):
    errors = check(congress, est, [row(passport_number="X" * 31)])

    assert errors == [(2, "passport_number", "At most 30 characters (this one has 31).")]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("list.pdf", b"%PDF-1.4"), "Upload a .csv or .xlsx file."),
        (SimpleUploadedFile("list.xlsx", b"not a zip"), "The file cannot be read"),
        (SimpleUploadedFile("list.csv", b"\xff\xfe\x00\x00a\x00"), "The file cannot be read"),
        (SimpleUploadedFile("list.csv", b"name,surname\nA,B\n"), "Missing required columns"),
        (SimpleUploadedFile("list.csv", b"first_name,last_name,registration_type\n"), "no rows"),
        (SimpleUploadedFile("list.csv", b"a" * (2 * 1024 * 1024 + 1)), "too large"),
    ],
)
def test_unreadable_or_wrong_files_are_refused(
    client, congress, delegate_type, hod_est, upload, message
):
    before = counts()

    response = post(client, hod_est, congress, upload)

    assert response.status_code == 400
    [error] = response.context["result"].errors
    assert message in error.message
    assert error.row == 0
    assert counts() == before


def test_empty_upload_is_refused_by_the_form(client, congress, delegate_type, hod_est):
    response = post(client, hod_est, congress, SimpleUploadedFile("list.csv", b""))

    assert "The submitted file is empty." in response.content.decode()
    assert not Registration.objects.exists()


def test_more_than_1000_rows_refused(client, congress, delegate_type, hod_est):
    rows = [HEADER] + [row(first_name=f"P{n}") for n in range(1001)]

    response = post(client, hod_est, congress, csv_file(rows))

    [error] = response.context["result"].errors
    assert error.message == "The file has 1001 rows: at most 1000."
    assert not Registration.objects.exists()


def test_unknown_column_is_reported(congress, delegate_type, est):
    _rows, errors = imports.check(congress, est, [[*HEADER, "Shoe size"], [*row(), "44"]])

    assert [(e.row, e.column) for e in errors] == [(1, "Shoe size")]


# Templates.


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_downloads_and_reimports_cleanly(
    client, congress, delegate_type, est, hod_est, fmt
):
    client.force_login(hod_est)

    response = client.get(reverse("delegation_import_template", args=[congress.slug, fmt]))

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    upload = SimpleUploadedFile(f"template.{fmt}", response.content)
    if fmt == "xlsx":
        workbook = openpyxl.load_workbook(io.BytesIO(response.content))
        assert len(workbook.worksheets) == 2
        header = [c.value for c in workbook.worksheets[0][1]]
        allowed = {r[0]: r[1] for r in workbook.worksheets[1].iter_rows(values_only=True) if r}
        assert "Delegate" in allowed["Registration type"]
    else:
        header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[:3] == ["First name", "Last name", "Rank"]

    response = client.post(import_url(congress), {"file": upload})

    assert "1 registration saved" in response.content.decode()
    registration = Registration.objects.get()
    assert registration.person.full_name == "Jaan TAMM"
    assert registration.arrival_date == congress.starts_on
    assert registration.accommodation == "hotel_single"


def test_french_template_reimports_cleanly(client, congress, delegate_type, est, hod_est):
    client.force_login(hod_est)
    with translation.override("fr"):
        url = reverse("delegation_import_template", args=[congress.slug, "csv"])
    assert url.startswith("/fr/")

    content = client.get(url).content

    assert b";" in content.splitlines()[0]
    client.post(import_url(congress), {"file": SimpleUploadedFile("modele.csv", content)})
    assert Registration.objects.get().person.full_name == "Jaan TAMM"


def test_template_unknown_format_or_without_nation_role_is_404(
    client, congress, delegate_type, est
):
    participant = PersonFactory(nation=est)
    from accounts.tests.factories import UserFactory

    client.force_login(UserFactory(person=participant))

    assert (
        client.get(reverse("delegation_import_template", args=[congress.slug, "csv"])).status_code
        == 404
    )


# Scope and dates.


def test_head_of_another_nation_cannot_import_404(client, congress, delegate_type, hod_fra):
    client.force_login(hod_fra)

    assert client.get(import_url(congress, "EST")).status_code == 404
    response = post(client, hod_fra, congress, csv_file([HEADER, GOOD_ROWS[0]]), code="EST")

    assert response.status_code == 404
    assert not Registration.objects.exists()


def test_import_page_shows_form_and_templates(client, congress, delegate_type, hod_est):
    client.force_login(hod_est)

    html = client.get(import_url(congress)).content.decode()

    assert 'enctype="multipart/form-data"' in html
    assert reverse("delegation_import_template", args=[congress.slug, "xlsx"]) in html
    assert reverse("delegation_event", args=[congress.slug, "EST"]) in html


def test_import_after_closing_shows_message_and_saves_nothing(
    client, congress, delegate_type, hod_est
):
    congress.registration_closes_at = congress.registration_opens_at + datetime.timedelta(hours=1)
    congress.save()

    response = post(client, hod_est, congress, csv_file([HEADER, GOOD_ROWS[0]]))

    html = response.content.decode()
    assert "Registration for this event is closed." in html
    assert 'type="file"' not in html
    assert not Registration.objects.exists()


def test_presidency_imports_after_closing(client, congress, delegate_type, presidency, est):
    congress.registration_closes_at = congress.registration_opens_at + datetime.timedelta(hours=1)
    congress.save()

    post(client, presidency, congress, csv_file([HEADER, GOOD_ROWS[0]]))

    assert Registration.objects.get().nation == est


def test_import_mails_registrants_only_after_commit(
    client,
    congress,
    delegate_type,
    hod_est,
    mailoutbox,
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    hod_est.person.email = "head@example.ee"
    hod_est.person.save()

    connections = []
    original = mail.get_connection

    def counting_connection(*args, **kwargs):
        connections.append(original(*args, **kwargs))
        return connections[-1]

    monkeypatch.setattr(mail, "get_connection", counting_connection)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, hod_est, congress, csv_file([HEADER, GOOD_ROWS[0], GOOD_ROWS[1]]))

    assert sorted(m.to[0] for m in mailoutbox) == ["jaan@example.ee", "mari@example.ee"]
    assert len(connections) == 1  # both rows' mails over one connection
