"""One list of allowed values per enumerated field, shared by the register form, the import,
its template and instructions, and the exports (the models' TextChoices)."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from accounts.models import Person
from events import imports
from events.forms import RegisterForm
from events.models import Registration, RegistrationType

from .factories import EventFactory, QuotaFactory, RegistrationTypeFactory

pytestmark = pytest.mark.django_db

CASES = [
    *[("sex", code) for code in Person.Sex.values],
    *[("preferred_language", code) for code in Person.Language.values],
    *[("registration_type", code) for code in ("delegate", "observer")],
    *[("accommodation", code) for code in Registration.Accommodation.values],
    *[("diet", code) for code in Registration.Diet.values],
]
# The register form's name of each field.
FORM_FIELD = {"sex": "new_sex", "preferred_language": "new_preferred_language"}


@pytest.fixture
def observer_type(congress, est):
    kind = RegistrationTypeFactory(event=congress, kind="observer", capacity=5)
    QuotaFactory(registration_type=kind, nation=est, places=2)
    return kind


@pytest.fixture
def next_congress(est):
    """A second event the export is imported into."""
    event = EventFactory(slug="summer-congress-2028")
    for kind in ("delegate", "observer"):
        QuotaFactory(
            registration_type=RegistrationTypeFactory(event=event, kind=kind), nation=est, places=5
        )
    return event


def localised(name, lang, **kwargs):
    return reverse(name, kwargs=kwargs).replace("/en/", f"/{lang}/", 1)


def csv_upload(rows):
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return SimpleUploadedFile("list.csv", out.getvalue().encode(), content_type="text/csv")


def stored(registration, key):
    if key in ("sex", "preferred_language"):
        return getattr(registration.person, key)
    if key == "registration_type":
        return registration.registration_type.kind
    return getattr(registration, key)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("key", "code"), CASES)
def test_allowed_value_round_trips_form_export_import(
    client, hod_est, presidency, est, congress, delegate_type, observer_type, next_congress,
    lang, key, code,
):  # fmt: skip
    types = {"delegate": delegate_type, "observer": observer_type}
    data = {
        "new_first_name": "Jaan",
        "new_last_name": "Tamm",
        "registration_type": delegate_type.pk,
        "accommodation": Registration.Accommodation.NONE,
    }
    if key == "registration_type":
        data["registration_type"] = types[code].pk
    else:
        data[FORM_FIELD.get(key, key)] = code
    client.force_login(hod_est)

    # The form.
    response = client.post(
        localised("delegation_register", lang, event=congress.slug, nation="EST"), data
    )

    assert response.status_code == 302
    registration = Registration.objects.get(event=congress)
    assert stored(registration, key) == code

    # The export, in the same language.
    client.force_login(presidency)
    response = client.get(
        localised("events_export_participants", lang, event=congress.slug, fmt="csv")
    )
    headers, row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    with translation.override(lang):
        importable = {str(column.label) for column in imports.COLUMNS}
        label = str(dict(imports.choice_values(congress)[key])[code])
    exported = dict(zip(headers, row, strict=True))
    assert label in row

    # The import of the exported columns that the import reads, as another person.
    kept = [heading for heading in headers if heading in importable]
    values = [exported[heading] for heading in kept]
    values[kept.index(headers[3])] = "Mari"  # First name
    values[kept.index(headers[2])] = "Kask"  # Last name
    with translation.override(lang):
        result = imports.import_file(next_congress, est, csv_upload([kept, values]), by=hod_est)

    assert result.errors == []
    imported = Registration.objects.get(event=next_congress)
    assert imported.person.last_name == "Kask"
    assert stored(imported, key) == code


def test_register_form_offers_exactly_the_models_values(congress, delegate_type, est):
    form = RegisterForm(
        people=Person.objects.none(),
        registration_types=RegistrationType.objects.filter(event=congress),
        nation=est,
        event=congress,
    )

    def codes(name):
        return [code for code, _label in form.fields[name].choices]

    assert codes("diet") == Registration.Diet.values
    assert codes("accommodation") == Registration.Accommodation.values
    assert codes("new_sex") == Person.Sex.values
    assert codes("new_preferred_language") == Person.Language.values
    assert form["diet"].value() in (None, "")  # the default: "No special diet"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("No special diet", ""),
        ("NO SPECIAL DIET", ""),
        ("Pas de régime particulier", ""),
        ("pas de regime particulier", ""),
        ("VEGETARIEN", "vegetarian"),
        ("gluten_free", "gluten_free"),
        ("Sans Gluten", "gluten_free"),
        ("Autre (voir remarques)", "other"),
    ],
)
def test_import_accepts_codes_and_labels_in_either_language(
    congress, delegate_type, est, hod_est, written, code
):
    upload = csv_upload([["First name", "Last name", "Registration type", "Diet"],
                         ["Jaan", "Tamm", "Délégué", written]])  # fmt: skip

    result = imports.import_file(congress, est, upload, by=hod_est)

    assert result.errors == []
    assert Registration.objects.get(event=congress).diet == code


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "en",
            "“Pescatarian” is not an allowed value for Diet. Allowed: No special diet, "
            "Vegetarian, Vegan, Halal, Kosher, Gluten-free, Other (see notes).",
        ),
        (
            "fr",
            "«\u00a0Pescatarian\u00a0» n'est pas une valeur autorisée pour Régime "
            "alimentaire. Valeurs autorisées\u00a0: Pas de régime particulier, Végétarien, "
            "Végétalien, Halal, Casher, Sans gluten, Autre (voir remarques).",
        ),
    ],
)
def test_import_refuses_an_unknown_value_in_the_users_language_and_saves_nothing(
    client, congress, delegate_type, est, hod_est, lang, message
):
    people_before = Person.objects.count()
    upload = csv_upload([["first_name", "last_name", "registration_type", "diet"],
                         ["Jaan", "Tamm", "delegate", "vegan"],
                         ["Mari", "Kask", "delegate", "Pescatarian"]])  # fmt: skip
    client.force_login(hod_est)

    response = client.post(
        localised("delegation_import", lang, event=congress.slug, nation="EST"), {"file": upload}
    )

    assert response.status_code == 400
    errors = response.context["result"].errors
    assert [(e.row, e.column, e.message) for e in errors] == [(3, "diet", message)]
    assert Person.objects.count() == people_before
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_import_template_and_instructions_list_every_allowed_value(
    client, congress, delegate_type, hod_est, lang
):
    client.force_login(hod_est)
    with translation.override(lang):
        labels = {key: [str(label) for _c, label in pairs]
                  for key, pairs in imports.choice_values(congress).items()}  # fmt: skip

    template = client.get(
        localised("delegation_import_template", lang, event=congress.slug, fmt="xlsx")
    )
    workbook = openpyxl.load_workbook(io.BytesIO(template.content))
    page = client.get(localised("delegation_import", lang, event=congress.slug, nation="EST"))

    listed = {row[0]: row[1] for row in workbook.worksheets[1].iter_rows(values_only=True) if row}
    html = page.content.decode()
    for key, values in labels.items():
        with translation.override(lang):
            heading = str(imports.BY_KEY[key].label)
        assert listed[heading] == ", ".join(values)
        assert f"<dt>{heading}</dt><dd>{', '.join(values)}</dd>" in html.replace("&#x27;", "'")
