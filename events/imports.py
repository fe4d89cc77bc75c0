"""Import of a delegation's people and registrations from a CSV or XLSX file (domain.md §7).

The whole file is checked first: every row, every field. Any error rejects the file with the
list of (row as the spreadsheet numbers it, column, message in the user's language) and nothing
is saved. A clean file is saved in one transaction through services.register (a full quota
sends the registration to the waiting list: that is not an error).

Columns: `COLUMNS` below; the header may use the column's key ("first_name"), its English or
French heading ("First name", "Prénom") or the heading in the user's language. A row matches
an existing person of the nation by e-mail, else by first and last name; otherwise it creates
one.
"""

import csv
import datetime
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import services as people
from accounts.models import NATO_CODES, Person

from . import notifications, services
from .models import DiscountCode, Registration, RegistrationType
from .validators import registration_date_errors

MAX_ROWS = 1000
MAX_BYTES = 2 * 1024 * 1024  # the file as uploaded: a CSV is read as it is, within this
# An XLSX is a zip: what it unpacks to is bounded too, before openpyxl parses anything (a
# 300 KB file can hold a 300 MB cell). A list of 1,000 people unpacks to a few MB.
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
EXTENSIONS = ("csv", "xlsx")


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # lazy: the heading in the user's language
    french: str  # the French heading, accepted whatever the catalogue says
    required: bool = False
    kind: str = "text"  # text, date, choice


COLUMNS = [
    Column("first_name", gettext_lazy("First name"), "Prénom", required=True),
    Column("last_name", gettext_lazy("Last name"), "Nom", required=True),
    Column("rank", gettext_lazy("Rank"), "Grade"),
    Column("nato_code", gettext_lazy("NATO rank code"), "Code OTAN du grade"),
    Column("sex", gettext_lazy("Sex"), "Sexe", kind="choice"),
    Column("email", gettext_lazy("E-mail"), "Courriel"),
    Column(
        "preferred_language", gettext_lazy("Preferred language"), "Langue préférée", kind="choice"
    ),
    Column(
        "registration_type",
        gettext_lazy("Registration type"),
        "Type d'inscription",
        required=True,
        kind="choice",
    ),
    Column("discount_code", gettext_lazy("Discount code"), "Code de réduction"),
    Column("arrival_date", gettext_lazy("Arrival"), "Arrivée", kind="date"),
    Column("departure_date", gettext_lazy("Departure"), "Départ", kind="date"),
    Column("accommodation", gettext_lazy("Accommodation"), "Hébergement", kind="choice"),
    Column("room_shared_with", gettext_lazy("Shares the room with"), "Partage la chambre avec"),
    Column("diet", gettext_lazy("Diet"), "Régime alimentaire", kind="choice"),
    Column("dietary_notes", gettext_lazy("Dietary notes"), "Remarques alimentaires"),
    Column("accessibility_needs", gettext_lazy("Accessibility needs"), "Besoins d'accessibilité"),
    Column("passport_number", gettext_lazy("Passport number"), "Numéro de passeport"),
    Column("nationality", gettext_lazy("Nationality"), "Nationalité"),
    Column(
        "passport_expires_on",
        gettext_lazy("Passport expiry"),
        "Expiration du passeport",
        kind="date",
    ),
    Column("date_of_birth", gettext_lazy("Date of birth"), "Date de naissance", kind="date"),
    Column("place_of_birth", gettext_lazy("Place of birth"), "Lieu de naissance"),
]
BY_KEY = {column.key: column for column in COLUMNS}
PERSON_KEYS = ["first_name", "last_name", "rank", "nato_code", "sex", "email", "preferred_language"]
DETAIL_KEYS = [c.key for c in COLUMNS if c.key in services.DETAIL_FIELDS]
LANGUAGES = [("en", "English"), ("fr", "French")]


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str  # the heading as written in the file ("" for the whole row or file)
    message: str


@dataclass
class Row:
    number: int
    values: dict  # key -> cleaned value
    person: Person | None = None  # an existing person, when matched


@dataclass
class Result:
    errors: list[RowError] = field(default_factory=list)
    registrations: list[Registration] = field(default_factory=list)
    created_people: int = 0

    @property
    def ok(self):
        return not self.errors and bool(self.registrations)

    def count(self, *states):
        return sum(1 for r in self.registrations if r.state in states)

    @property
    def holding(self):
        return self.count(*Registration.HOLDING)

    @property
    def waiting(self):
        return self.count(Registration.State.WAITING)


class FileRefused(Exception):
    """The file as a whole cannot be read (extension, size, format, header, row count)."""


# Normalising headings and values ------------------------------------------------------------


def _norm(text) -> str:
    """Lower case, no accents, no punctuation or spaces: "Prénom" -> "prenom"."""
    text = unicodedata.normalize("NFKD", str(text or "")).casefold()
    return "".join(c for c in text if c.isalnum())


def _in_languages(lazy) -> list[str]:
    names = []
    for code, _name in LANGUAGES:
        with translation.override(code):
            names.append(str(lazy))
    return names


def _header_aliases() -> dict[str, str]:
    aliases = {}
    for column in COLUMNS:
        for name in [column.key, column.french, *_in_languages(column.label)]:
            aliases.setdefault(_norm(name), column.key)
    aliases.setdefault(_norm("Nom de famille"), "last_name")
    aliases.setdefault(_norm("Email"), "email")
    aliases.setdefault(_norm("Code OTAN"), "nato_code")
    for name in _in_languages(gettext_lazy("NATO code")):  # the exports' heading
        aliases.setdefault(_norm(name), "nato_code")
    return aliases


# Initials of the sexes, accepted as well as the codes and labels (F, M, and H for "homme").
EXTRA_CHOICES = {"sex": {"f": "female", "m": "male", "h": "male"}}


def _choices(key, pairs) -> dict[str, str]:
    """Map the normalised code and English and French labels of each choice to its code."""
    mapping = {}
    for code, label in pairs:
        for name in [code, *_in_languages(label)]:
            if _norm(name):
                mapping.setdefault(_norm(name), code)
    for name, code in EXTRA_CHOICES.get(key, {}).items():
        mapping.setdefault(_norm(name), code)
    return mapping


def choice_values(event) -> dict[str, list[tuple[str, object]]]:
    """Return the allowed (code, label) pairs of each choice column, for this event.

    The models' choices are the one list: the form offers them, the import accepts them (by
    code or by label in English or French), the template lists them and the exports write their
    labels. "No special diet" (the form's default, code "") is a value like the others.
    """
    return {
        "sex": list(Person.Sex.choices),
        "preferred_language": list(Person.Language.choices),
        # Lazy labels, so that the import knows them in both languages.
        "registration_type": [(t.kind, RegistrationType.Kind(t.kind).label) for t in _types(event)],
        "accommodation": list(Registration.Accommodation.choices),
        "diet": list(Registration.Diet.choices),
    }


def allowed_values(event) -> list[tuple[str, str]]:
    """Return (column heading, its allowed values) in the active language, for the instructions."""
    values = choice_values(event)
    return [
        (str(column.label), ", ".join(str(label) for _code, label in values[column.key]))
        for column in COLUMNS
        if column.key in values
    ]


def _types(event):
    return list(event.registration_types.order_by("pk"))


# Reading the file ---------------------------------------------------------------------------


def read_table(upload) -> list[list]:
    """Return the rows of the uploaded file (first sheet of an XLSX) as lists of cells."""
    name = (getattr(upload, "name", "") or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if extension not in EXTENSIONS:
        raise FileRefused(_("Upload a .csv or .xlsx file."))
    if upload.size > MAX_BYTES:
        raise FileRefused(
            _("The file is too large (%(size)s MB): at most 2 MB.")
            % {"size": f"{upload.size / 1024 / 1024:.1f}"}
        )
    data = upload.read()
    if extension == "csv":
        return _read_csv(data)
    return _read_xlsx(data)


def _read_csv(data: bytes) -> list[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise FileRefused(_("The file cannot be read: save it as CSV in UTF-8.")) from None
    if "\x00" in text:
        raise FileRefused(_("The file cannot be read: save it as CSV in UTF-8."))
    first_line = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as error:
        raise FileRefused(_("The file cannot be read: %(error)s") % {"error": error}) from None


def _refuse_large_archive(data: bytes):
    """Refuse an XLSX that unpacks to more than MAX_UNPACKED_BYTES, without unpacking it all.

    The archive's directory states each entry's size; it may lie, so the entries are also
    unpacked in chunks and counted, stopping at the limit.
    """
    unreadable = _("The file cannot be read: save it as an Excel workbook (.xlsx).")
    too_large = _(
        "The workbook is too large once unpacked (more than %(limit)d MB): keep only the list "
        "of people in it."
    ) % {"limit": MAX_UNPACKED_BYTES // (1024 * 1024)}
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FileRefused(unreadable) from None
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise FileRefused(too_large)
    unpacked = 0
    try:
        for entry in entries:
            with archive.open(entry) as member:
                while chunk := member.read(1024 * 1024):
                    unpacked += len(chunk)
                    if unpacked > MAX_UNPACKED_BYTES:
                        raise FileRefused(too_large)
    except FileRefused:
        raise
    except Exception:  # encrypted, corrupt (bad CRC), an unknown compression...
        raise FileRefused(unreadable) from None


def _read_xlsx(data: bytes) -> list[list]:
    import openpyxl

    _refuse_large_archive(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a broken or foreign file: zipfile, KeyError, XML errors...
        raise FileRefused(
            _("The file cannot be read: save it as an Excel workbook (.xlsx).")
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows, filled = [], 0
        for index, row in enumerate(sheet.iter_rows(values_only=True)):
            # A small workbook can unpack into millions of cells: stop reading early.
            if index > 50 * MAX_ROWS:
                break
            if any(_cell_text(v) for v in row):
                filled += 1
                if filled > MAX_ROWS + 1:  # the headings and MAX_ROWS rows
                    raise FileRefused(
                        _("The file has more than %(limit)d rows.") % {"limit": MAX_ROWS}
                    )
            elif index > MAX_ROWS + 50:
                continue
            rows.append(list(row))
        return rows
    finally:
        workbook.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# Checking -----------------------------------------------------------------------------------


def _parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _cell_text(value)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


class _Checker:
    def __init__(self, event, nation, header):
        self.event, self.nation = event, nation
        self.errors = []
        self.header = header
        self.choices = {key: _choices(key, pairs) for key, pairs in choice_values(event).items()}
        self.types = {t.kind: t for t in _types(event)}
        self.codes = {
            code.casefold()
            for code in DiscountCode.objects.filter(event=event, nation=nation).values_list(
                "code", flat=True
            )
        }
        nation_people = list(Person.objects.filter(nation=nation))
        self.by_email, self.by_name = {}, {}
        for person in nation_people:
            if person.email:
                self.by_email.setdefault(person.email.casefold(), []).append(person)
            key = (person.first_name.casefold().strip(), person.last_name.casefold().strip())
            self.by_name.setdefault(key, []).append(person)
        self.registered = set(
            Registration.objects.filter(
                event=event, state__in=Registration.ACTIVE, person__nation=nation
            ).values_list("person_id", flat=True)
        )
        # What the rows checked so far stand for -> their row number.
        self.seen_person, self.seen_email, self.seen_name = {}, {}, {}

    def error(self, row, key, message):
        self.errors.append(RowError(row, self.header.get(key, ""), message))

    def check(self, number, cells: dict) -> Row:
        values = {}
        for key, raw in cells.items():
            column = BY_KEY[key]
            text = _cell_text(raw)
            if not text:
                if column.required:
                    self.error(number, key, _("This value is required."))
                continue
            try:
                values[key] = self._clean(column, raw, text)
            except ValidationError as error:
                self.error(number, key, " ".join(error.messages))
        for key, message in registration_date_errors(values, event=self.event).items():
            self.error(number, key, message)
        row = Row(number, values)
        if "first_name" in values and "last_name" in values:
            self._match(row)
        return row

    def _clean(self, column, raw, text):
        key = column.key
        if column.kind == "date":
            try:
                return _parse_date(raw)
            except ValueError:
                raise ValidationError(
                    _("“%(value)s” is not a date: write YYYY-MM-DD or DD/MM/YYYY.")
                    % {"value": text}
                ) from None
        if column.kind == "choice":
            code = self.choices[key].get(_norm(text))
            if code is None:
                if key == "registration_type":
                    message = _("“%(value)s” is not a registration type of this event.")
                else:
                    message = _("“%(value)s” is not an allowed value for %(column)s.")
                message %= {"value": text, "column": column.label}
                allowed = ", ".join(str(label) for _c, label in choice_values(self.event)[key])
                allowed = _("Allowed: %(values)s.") % {"values": allowed}
                raise ValidationError(f"{message} {allowed}")
            return self.types[code] if key == "registration_type" else code
        if key == "nato_code":
            code = text.upper().replace(" ", "")
            if code not in NATO_CODES:
                raise ValidationError(
                    _(
                        "“%(value)s” is not a NATO rank code (OF-1 to OF-10, WO-1 to WO-5, "
                        "OR-1 to OR-9)."
                    )
                    % {"value": text}
                )
            return code
        if key == "email":
            validate_email(text)
            return text
        if key == "discount_code":
            if text.casefold() not in self.codes:
                raise ValidationError(
                    _("This discount code is not valid for this nation and event.")
                )
            return text
        max_length = _max_length(key)
        if max_length and len(text) > max_length:
            raise ValidationError(
                _("At most %(limit)d characters (this one has %(length)d).")
                % {"limit": max_length, "length": len(text)}
            )
        return text

    def _match(self, row):
        values, number = row.values, row.number
        name = (values["first_name"].casefold(), values["last_name"].casefold())
        email = values.get("email", "").casefold()
        candidates = self.by_email.get(email, []) if email else []
        if not candidates and not email:
            candidates = self.by_name.get(name, [])
        elif not candidates:
            # A new address: the same name without an address is still the same person.
            candidates = [p for p in self.by_name.get(name, []) if not p.email]
        if len(candidates) > 1:
            self.error(
                number,
                "email" if email else "last_name",
                _("Several people of the nation match this row: give the e-mail address."),
            )
            return
        row.person = candidates[0] if candidates else None
        duplicate = self.seen_person.get(row.person.pk) if row.person else None
        if duplicate is None and email:
            duplicate = self.seen_email.get(email)
        if duplicate is None:
            # The same name twice is the same person unless both rows give (other) addresses.
            duplicate = next(
                (n for n, other in self.seen_name.get(name, []) if not email or not other), None
            )
        if duplicate is not None:
            self.error(
                number, "", _("The same person is already in row %(row)d.") % {"row": duplicate}
            )
            return
        if row.person:
            self.seen_person[row.person.pk] = number
        if email:
            self.seen_email[email] = number
        self.seen_name.setdefault(name, []).append((number, email))
        if row.person and row.person.pk in self.registered:
            self.error(
                number,
                "",
                _("%(person)s is already registered for this event.") % {"person": row.person},
            )


def _max_length(key):
    for model in (Person, Registration):
        try:
            return model._meta.get_field(key).max_length
        except Exception:
            continue
    return None


def check(event, nation, table: list[list]) -> tuple[list[Row], list[RowError]]:
    """Check every row of `table` (first row: the headings); return the rows and the errors."""
    if not table:
        raise FileRefused(_("The file is empty."))
    aliases = _header_aliases()
    header, positions, unknown = {}, {}, []
    for index, heading in enumerate(table[0]):
        text = _cell_text(heading)
        key = aliases.get(_norm(text))
        if key and key not in positions:
            positions[key] = index
            header[key] = text
        elif text:
            unknown.append(text)
    missing = [str(c.label) for c in COLUMNS if c.required and c.key not in positions]
    if missing:
        raise FileRefused(
            _("Missing required columns: %(columns)s. The first row must hold the headings.")
            % {"columns": ", ".join(missing)}
        )
    data = [
        (number, row)
        for number, row in enumerate(table[1:], start=2)
        if any(_cell_text(cell) for cell in row)
    ]
    if not data:
        raise FileRefused(_("The file has no rows under the headings."))
    if len(data) > MAX_ROWS:
        raise FileRefused(
            _("The file has %(count)d rows: at most %(limit)d.")
            % {"count": len(data), "limit": MAX_ROWS}
        )
    checker = _Checker(event, nation, header)
    if unknown:
        checker.errors.append(
            RowError(
                1,
                ", ".join(unknown),
                _("Unknown column: use the headings of the template."),
            )
        )
    rows = []
    for number, cells in data:
        values = {
            key: cells[index] if index < len(cells) else None for key, index in positions.items()
        }
        rows.append(checker.check(number, values))
    return rows, checker.errors


# Saving -------------------------------------------------------------------------------------


def import_file(event, nation, upload, *, by) -> Result:
    """Check the uploaded file and, when it is clean, save it all in one transaction."""
    result = Result()
    try:
        rows, result.errors = check(event, nation, read_table(upload))
    except FileRefused as refused:
        result.errors = [RowError(0, "", str(refused))]
        return result
    if result.errors:
        return result
    try:
        with transaction.atomic():
            for row in rows:
                result.registrations.append(_save(event, nation, row, by=by, result=result))
    except ValidationError as error:
        result.errors = [RowError(row.number, "", " ".join(error.messages))]
        result.registrations, result.created_people = [], 0
        return result
    registrations = list(result.registrations)
    # Every row's mails over one connection to the mail server (not one per row).
    transaction.on_commit(
        lambda: notifications.queue([(r, r.state) for r in registrations], heads=False)
    )
    return result


def _save(event, nation, row, *, by, result) -> Registration:
    values = row.values
    person = row.person
    if person is None:
        fields = {key: values[key] for key in PERSON_KEYS if key in values}
        if "rank" in fields:
            # A national title, as written: the English column always (the fallback), the
            # French one too when the importer works in French.
            rank = fields.pop("rank")
            fields["rank_en"] = rank
            if translation.get_language() == "fr":
                fields["rank_fr"] = rank
        person = people.create_person(
            by=by, reason=_("Imported from a file"), nation=nation, **fields
        )
        result.created_people += 1
    details = {key: values[key] for key in DETAIL_KEYS if key in values}
    details.setdefault("accommodation", Registration.Accommodation.NONE)
    return services.register(
        event,
        person=person,
        registration_type=values["registration_type"],
        by=by,
        discount_code=values.get("discount_code", ""),
        details=details,
        notify=False,
    )


# The template -------------------------------------------------------------------------------


def template_rows(event) -> list[list[str]]:
    """The headings in the active language and one example row."""
    types = _types(event)
    example_type = (
        types[0].get_kind_display() if types else str(RegistrationType.Kind.DELEGATE.label)
    )
    example = {
        "first_name": "Jaan",
        "last_name": "Tamm",
        "rank": _("Major"),
        "nato_code": "OF-3",
        "sex": str(Person.Sex.MALE.label),
        "email": "jaan.tamm@example.org",
        "preferred_language": str(Person.Language.ENGLISH.label),
        "registration_type": str(example_type),
        "arrival_date": event.starts_on.isoformat(),
        "departure_date": event.ends_on.isoformat(),
        "accommodation": str(Registration.Accommodation.HOTEL_SINGLE.label),
        "diet": str(Registration.Diet.VEGETARIAN.label),
    }
    return [[str(c.label) for c in COLUMNS], [example.get(c.key, "") for c in COLUMNS]]


def template_csv(event) -> bytes:
    """The CSV template: UTF-8 with a BOM (Excel), `;` in French (Excel's separator there)."""
    out = io.StringIO()
    delimiter = ";" if translation.get_language() == "fr" else ","
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(template_rows(event))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def template_xlsx(event) -> bytes:
    """The XLSX template: the headings and an example; a second sheet lists allowed values."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _("Participants")[:31]
    for row in template_rows(event):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = max(
            14, len(str(column.label)) + 2
        )
        if column.kind == "date":
            sheet.cell(row=2, column=index).number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    allowed = workbook.create_sheet(_("Allowed values")[:31])
    allowed.append([_("Column"), _("Allowed values")])
    for cell in allowed[1]:
        cell.font = Font(bold=True)
    values = choice_values(event)
    for column in COLUMNS:
        if column.key in values:
            allowed.append(
                [str(column.label), ", ".join(str(label) for _code, label in values[column.key])]
            )
        elif column.kind == "date":
            allowed.append([str(column.label), _("A date: YYYY-MM-DD or DD/MM/YYYY")])
        elif column.key == "nato_code":
            allowed.append([str(column.label), ", ".join(NATO_CODES)])
    allowed.append([])
    allowed.append([_("Required columns"), ", ".join(str(c.label) for c in COLUMNS if c.required)])
    allowed.column_dimensions["A"].width = 28
    allowed.column_dimensions["B"].width = 100
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
