"""Registration exports for the presidency and the delegations: participants, rooms, needs.

Each builder turns registrations (loaded by the caller in one query, with `select_related`) into
`Sheet`s: a title, column headers in the active language and rows of plain values. `to_xlsx` and
`to_csv` write sheets as files. Text that a spreadsheet would read as a formula (starting with
=, +, -, @, a tab, a carriage return or a line feed, their full-width and small forms such as
＝ ＋ － ＠, or the minus sign −, after any leading spaces) is prefixed with a quote, so a name
typed as "=HYPERLINK(...)" or "＝HYPERLINK(...)" stays text in Excel and LibreOffice.

Passport columns (number, nationality, expiry, date and place of birth) are in the participants
export of the presidency only: the presidency and the host need them for visa letters; a head of
delegation entered them and sees them on the registration page, and a spreadsheet that travels
by mail should carry as few passport numbers as possible.
"""

import csv
import datetime
import io
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Registration

# NFKC folds the full-width and small forms (＝ ﹦ ＋ ﹢ － ﹣ ＠ ﹫) onto these.
FORMULA_STARTS = frozenset("=+-@\t\r\n\u2212")
HOTEL = (Registration.Accommodation.HOTEL_SINGLE, Registration.Accommodation.HOTEL_DOUBLE)


@dataclass
class Sheet:
    """A table to write: a title (the XLSX sheet's name), headers and rows of plain values."""

    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)


def starts_like_a_formula(text: str) -> bool:
    """Return whether a spreadsheet could read `text` as a formula (see the module's doc)."""
    if text[:1] in FORMULA_STARTS:
        return True
    first = text.lstrip(" \u00a0\u3000")[:1]
    return bool(first) and unicodedata.normalize("NFKC", first)[:1] in FORMULA_STARTS


def neutralised(value):
    """Return `value`, a text a spreadsheet would run as a formula prefixed with a quote."""
    if isinstance(value, str) and starts_like_a_formula(value):
        return "'" + value
    return value


def _local(moment, event):
    """Return an aware datetime as the event's naive local time (Excel has no time zones)."""
    if moment is None:
        return None
    return timezone.localtime(moment, event.tz).replace(tzinfo=None, microsecond=0)


def _nights(registration):
    if registration.arrival_date and registration.departure_date:
        return (registration.departure_date - registration.arrival_date).days
    return None


def _person_columns(registration):
    person = registration.person
    return [
        person.last_name,
        person.first_name,
        person.rank or "",
        person.nato_code,
        person.get_sex_display(),
    ]


def _person_headers():
    return [
        _("Last name"),
        _("First name"),
        _("Rank"),
        _("NATO code"),
        _("Sex"),
    ]


PASSPORT_FIELDS = [
    "passport_number",
    "nationality",
    "passport_expires_on",
    "date_of_birth",
    "place_of_birth",
]


def participants(event, registrations, *, with_passport=False) -> list[Sheet]:
    """Return the participants sheet: one row per registration, in the given order."""
    headers = [
        _("Reference"),
        _("Nation"),
        *_person_headers(),
        _("Preferred language"),
        _("Registration type"),
        _("State"),
        _("Fee (EUR)"),
        _("Discount code"),
        _("Submitted at"),
        _("Arrival"),
        _("Departure"),
        _("Accommodation"),
        _("Shares the room with"),
        _("Diet"),
        _("Dietary notes"),
        _("Accessibility needs"),
    ]
    if with_passport:
        headers += [
            _("Passport number"),
            _("Nationality"),
            _("Passport expiry"),
            _("Date of birth"),
            _("Place of birth"),
        ]
    rows = []
    for registration in registrations:
        row = [
            registration.reference,
            registration.nation.code,
            *_person_columns(registration),
            registration.person.get_preferred_language_display(),
            registration.registration_type.get_kind_display(),
            registration.get_state_display(),
            registration.fee,
            registration.discount_code.code if registration.discount_code else "",
            _local(registration.submitted_at, event),
            registration.arrival_date,
            registration.departure_date,
            registration.get_accommodation_display(),
            registration.room_shared_with,
            registration.get_diet_display(),
            registration.dietary_notes,
            registration.accessibility_needs,
        ]
        if with_passport:
            row += [getattr(registration, name) for name in PASSPORT_FIELDS]
        rows.append(row)
    return [Sheet(_("Participants"), headers, rows)]


def rooms(event, registrations) -> list[Sheet]:
    """Return the room list: the registrations that need a hotel room, by nation then name."""
    needing = [r for r in registrations if r.accommodation in HOTEL]
    needing.sort(key=lambda r: (r.nation.code, r.person.last_name, r.person.first_name, r.pk))
    headers = [
        _("Nation"),
        _("Reference"),
        *_person_headers(),
        _("Registration type"),
        _("State"),
        _("Room type"),
        _("Shares the room with"),
        _("Arrival"),
        _("Departure"),
        _("Nights"),
    ]
    rows = [
        [
            r.nation.code,
            r.reference,
            *_person_columns(r),
            r.registration_type.get_kind_display(),
            r.get_state_display(),
            r.get_accommodation_display(),
            r.room_shared_with,
            r.arrival_date,
            r.departure_date,
            _nights(r),
        ]
        for r in needing
    ]
    return [Sheet(_("Rooms"), headers, rows)]


def needs(event, registrations) -> list[Sheet]:
    """Return the dietary and accessibility summary: the diets counted per nation (with a
    total row), then the list of the people with a diet, dietary notes or accessibility needs."""
    registrations = sorted(
        registrations, key=lambda r: (r.nation.code, r.person.last_name, r.person.first_name)
    )
    diets = list(Registration.Diet)
    counts = Counter((r.nation.code, r.diet or "") for r in registrations)
    nations = sorted({r.nation.code for r in registrations})
    summary_rows = []
    for code in nations:
        values = [counts[(code, diet.value)] for diet in diets]
        summary_rows.append([code, *values, sum(values)])
    totals = [sum(counts[(code, diet.value)] for code in nations) for diet in diets]
    summary_rows.append([_("Total"), *totals, sum(totals)])
    summary = Sheet(
        _("Diets"), [_("Nation"), *[str(diet.label) for diet in diets], _("Total")], summary_rows
    )
    noted = [
        r
        for r in registrations
        if r.diet or r.dietary_notes.strip() or r.accessibility_needs.strip()
    ]
    notes = Sheet(
        _("Needs"),
        [
            _("Nation"),
            _("Reference"),
            _("Last name"),
            _("First name"),
            _("Diet"),
            _("Dietary notes"),
            _("Accessibility needs"),
        ],
        [
            [
                r.nation.code,
                r.reference,
                r.person.last_name,
                r.person.first_name,
                r.get_diet_display(),
                r.dietary_notes,
                r.accessibility_needs,
            ]
            for r in noted
        ],
    )
    return [summary, notes]


# --- Files ----------------------------------------------------------------------------------


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralised(str(value))


def to_csv(sheets: list[Sheet]) -> bytes:
    """Return the sheets as one CSV file (UTF-8 with a BOM, which Excel needs to read accents).

    Several sheets follow each other, each after a line with its title and a blank line.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for index, sheet in enumerate(sheets):
        if len(sheets) > 1:
            if index:
                writer.writerow([])
            writer.writerow([neutralised(sheet.title)])
        writer.writerow([neutralised(header) for header in sheet.headers])
        for row in sheet.rows:
            writer.writerow([_csv_value(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_value(value):
    if isinstance(value, Decimal):
        return float(value)
    return neutralised(value)


def _sheet_title(title):
    # Excel: at most 31 characters, none of []:*?/\
    return "".join(c for c in str(title) if c not in "[]:*?/\\")[:31] or "Sheet"


def to_xlsx(sheets: list[Sheet], *, title: str = "") -> bytes:
    """Return the sheets as an XLSX workbook: an optional title row, a bold frozen header row,
    dates as dates, fees as numbers, and columns wide enough for their content."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(_sheet_title(sheet.title))
        header_row = 1
        if title:
            worksheet.append([neutralised(title)])
            worksheet.cell(row=1, column=1).font = Font(bold=True, size=13)
            header_row = 2
        worksheet.append([neutralised(header) for header in sheet.headers])
        for cell in worksheet[header_row]:
            cell.font = bold
        worksheet.freeze_panes = f"A{header_row + 1}"
        widths = [len(str(header)) for header in sheet.headers]
        for row in sheet.rows:
            worksheet.append([_xlsx_value(value) for value in row])
            for cell, value in zip(worksheet[worksheet.max_row], row, strict=False):
                if isinstance(value, datetime.datetime):
                    cell.number_format = "yyyy-mm-dd hh:mm"
                elif isinstance(value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
            for index, value in enumerate(row[: len(widths)]):
                widths[index] = max(widths[index], len(_csv_value(value)))
        for index, width in enumerate(widths, start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = min(max(width, 6), 50) + 2
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
