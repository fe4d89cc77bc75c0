"""Impossible input is refused with a message in the user's language, by the delegation's
forms and the import alike: oversized workbooks, implausible dates, a second person with an
existing person's e-mail."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Person
from accounts.tests.factories import PersonFactory
from events import imports
from events.models import Registration
from events.validators import registration_date_errors

from .test_delegation_views import logged_in, register_url, text
from .test_import import HEADER, check, row, xlsx_file

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _padded_xlsx(extra_bytes):
    """A valid one-row workbook carrying an extra entry of `extra_bytes` zeros (compresses to
    almost nothing, as a zip bomb does)."""
    upload = xlsx_file([HEADER, row()])
    out = io.BytesIO(upload.read())
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * extra_bytes)
    return SimpleUploadedFile("list.xlsx", out.getvalue())


def test_xlsx_unpacking_beyond_the_limit_is_refused_before_parsing(congress, delegate_type, est):
    upload = _padded_xlsx(imports.MAX_UNPACKED_BYTES + 1)
    assert upload.size < 200 * 1024  # small on the wire

    with pytest.raises(imports.FileRefused) as refused:
        imports.read_table(upload)

    assert str(refused.value) == (
        "The workbook is too large once unpacked (more than 20 MB): keep only the list of "
        "people in it."
    )


def test_xlsx_unpacking_limit_is_told_in_french(client, congress, delegate_type, est, hod_est):
    with translation.override("fr"):
        url = reverse("delegation_import", args=[congress.slug, "EST"])
    client.force_login(hod_est)

    response = client.post(url, {"file": _padded_xlsx(imports.MAX_UNPACKED_BYTES + 1)})

    assert "Le classeur est trop volumineux une fois décompressé" in response.content.decode()
    assert not Registration.objects.exists()


def test_xlsx_below_the_limit_is_read(congress, delegate_type, est):
    table = imports.read_table(_padded_xlsx(1024 * 1024))

    assert table[0] == HEADER


def _years_ago(years):
    return TODAY.replace(year=TODAY.year - years, day=min(TODAY.day, 28))


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"date_of_birth": datetime.date(9999, 12, 31)}, "date_of_birth", "at least 16 years ago"),
        ({"date_of_birth": TODAY}, "date_of_birth", "at least 16 years ago"),
        ({"date_of_birth": datetime.date(1, 1, 1)}, "date_of_birth", "not plausible"),
        ({"passport_expires_on": datetime.date(1, 1, 1)}, "passport_expires_on", "expires before"),
        ({"passport_expires_on": datetime.date(9999, 1, 1)}, "passport_expires_on", "plausible"),
        ({"arrival_date": datetime.date(1, 1, 1)}, "arrival_date", "more than a year away"),
        ({"departure_date": datetime.date(9999, 1, 1)}, "departure_date", "more than a year away"),
    ],
)
def test_implausible_dates_are_named(congress, values, field, message):
    errors = registration_date_errors(values, event=congress)

    assert list(errors) == [field]
    assert message in errors[field]


def test_plausible_dates_pass(congress):
    values = {
        "date_of_birth": _years_ago(16),
        "passport_expires_on": congress.ends_on,
        "arrival_date": congress.starts_on,
        "departure_date": congress.ends_on,
    }

    assert registration_date_errors(values, event=congress) == {}


def test_passport_expiring_before_the_event_ends_names_the_end(congress):
    expiry = congress.ends_on - datetime.timedelta(days=1)

    errors = registration_date_errors({"passport_expires_on": expiry}, event=congress)

    end = f"{congress.ends_on.day} {congress.ends_on:%B %Y}"
    assert errors["passport_expires_on"] == (
        f"The passport expires before the event ends ({end}): a visa letter needs a passport "
        "valid until then."
    )


def test_import_refuses_implausible_dates_row_by_row(congress, delegate_type, est):
    errors = check(
        congress,
        est,
        [row(date_of_birth="9999-12-31"), row(first_name="C", date_of_birth="0001-01-01")],
    )

    assert [(number, column) for number, column, _message in errors] == [
        (2, "date_of_birth"),
        (3, "date_of_birth"),
    ]
    assert "at least 16 years ago" in errors[0][2]


def test_import_refuses_a_passport_expiry_of_year_one(congress, delegate_type, est):
    header = [*HEADER, "passport_expires_on"]
    table = [header, [*row(), "0001-01-01"]]

    _rows, errors = imports.check(congress, est, table)

    assert [(e.row, e.column) for e in errors] == [(2, "passport_expires_on")]
    assert "expires before the event ends" in errors[0].message


def test_register_form_refuses_impossible_birth_and_passport_dates(
    client, hod_est, congress, delegate_type, est
):
    person = PersonFactory(nation=est)

    response = logged_in(client, hod_est).post(
        register_url(congress, "EST"),
        {
            "person": person.pk,
            "registration_type": delegate_type.pk,
            "date_of_birth": "9999-12-31",
            "passport_expires_on": "0001-01-01",
        },
    )

    page = text(response)
    assert "A date of birth must be in the past and at least 16 years ago." in page
    assert "The passport expires before the event ends" in page
    assert not Registration.objects.exists()


def test_registration_details_refuse_impossible_dates_in_french(
    client, hod_est, congress, delegate_type, est
):
    from events import services

    registration = services.register(
        congress,
        person=PersonFactory(nation=est),
        registration_type=delegate_type,
        by=hod_est,
        notify=False,
    )
    with translation.override("fr"):
        url = reverse("registration_detail", args=[registration.pk])

    response = logged_in(client, hod_est).post(url, {"date_of_birth": "9999-12-31"})

    assert "au moins 16 ans" in text(response)
    registration.refresh_from_db()
    assert registration.date_of_birth is None


def test_new_person_with_the_email_of_a_compatriot_is_refused(
    client, hod_est, congress, delegate_type, est
):
    PersonFactory(nation=est, first_name="Jaan", last_name="Tamm", email="jaan@example.ee")

    response = logged_in(client, hod_est).post(
        register_url(congress, "EST"),
        {
            "registration_type": delegate_type.pk,
            "new_first_name": "Johann",
            "new_last_name": "Tamm",
            "new_email": "JAAN@example.ee",
        },
    )

    assert (
        "Jaan TAMM (EST) already has the e-mail address JAAN@example.ee: choose that person "
        "instead of adding another."
    ) in text(response)
    assert Person.objects.filter(email__iexact="jaan@example.ee").count() == 1
    assert not Registration.objects.exists()


def test_new_person_with_the_email_of_someone_of_another_nation_is_added(
    client, hod_est, congress, delegate_type, est, fra
):
    PersonFactory(nation=fra, email="shared@example.org")

    logged_in(client, hod_est).post(
        register_url(congress, "EST"),
        {
            "registration_type": delegate_type.pk,
            "new_first_name": "Kadri",
            "new_last_name": "Kask",
            "new_email": "shared@example.org",
        },
    )

    assert Person.objects.filter(email="shared@example.org").count() == 2
    assert Registration.objects.get().person.last_name == "Kask"


def test_import_row_with_a_known_email_is_that_person_not_a_second_one(
    congress, delegate_type, est
):
    existing = PersonFactory(nation=est, first_name="Jaan", last_name="Tamm", email="j@example.ee")

    rows, errors = imports.check(
        congress, est, [HEADER, row(first_name="Johann", last_name="Tamm", email="J@example.ee")]
    )

    assert errors == []
    assert rows[0].person == existing
