"""Forms of the delegation pages: register a person, edit a registration's details, cancel,
substitute, reject.

The register form's field names are an interface (the bench script and the import posts use
them): `person`, `registration_type`, `discount_code` and the detail fields named like the
Registration model fields (services.DETAIL_FIELDS). A person not yet in the registry can be
created inline with the `new_*` fields. `idempotency_key` (hidden) makes a retried POST
create nothing twice (core.idempotency).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import fields_for_model
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Person, validate_nato_code
from accounts.validators import validate_email_free_in_nation
from core.idempotency import IdempotencyKeyField

from .models import Registration, RegistrationType
from .services import DETAIL_FIELDS
from .validators import registration_date_errors

NOT_CHOOSABLE = _(
    "This person cannot be chosen: choose a person of the nation who is not registered for this "
    "event yet."
)
DATE_FIELDS = {"arrival_date", "departure_date", "passport_expires_on", "date_of_birth"}


def _detail_fields():
    """Return fresh form fields for the registration details, dates as date pickers."""
    widgets = {
        name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d") for name in DATE_FIELDS
    }
    fields = fields_for_model(Registration, fields=DETAIL_FIELDS, widgets=widgets)
    for field in fields.values():
        field.required = False  # A field left out of a post keeps the model's default.
    return fields


class RegistrationDetailsForm(forms.Form):
    """Stay, diet, accessibility and passport details (every one optional), for `event`."""

    def __init__(self, *args, event, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        self.fields.update(_detail_fields())

    def clean(self):
        cleaned = super().clean()
        dates = {name: cleaned.get(name) for name in DATE_FIELDS}
        for name, message in registration_date_errors(dates, event=self.event).items():
            self.add_error(name, message)
        return cleaned

    def details(self):
        """Return the cleaned details, as services.register/update_details take them."""
        details = {name: self.cleaned_data[name] for name in DETAIL_FIELDS if name in self.fields}
        if not details.get("accommodation"):
            details["accommodation"] = Registration.Accommodation.NONE
        return details

    def stay_fields(self):
        return [self[name] for name in DETAIL_FIELDS[:7]]

    def passport_fields(self):
        return [self[name] for name in DETAIL_FIELDS[7:]]


class UpperCaseField(forms.CharField):
    def to_python(self, value):
        return super().to_python(value).upper()


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        """ "Major Jaan TAMM"; a record without a name: "Major (name not recorded)"."""
        name = person.full_name or _("(name not recorded)")
        return f"{person.rank} {name}" if person.rank else str(name)


class RegistrationTypeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, registration_type):
        return _("%(type)s (%(fee)s EUR)") % {
            "type": registration_type.get_kind_display(),
            "fee": number_format(registration_type.fee, 2, force_grouping=True),
        }


class NewPersonMixin:
    """The `new_*` fields that create a person of the nation when none is chosen in `person`.

    The form's `nation` is the new person's: an e-mail address another person of it has is
    refused (accounts.validators).
    """

    nation = None

    NEW_FIELDS = [
        "new_first_name",
        "new_last_name",
        "new_rank",
        "new_nato_code",
        "new_sex",
        "new_email",
        "new_preferred_language",
    ]

    def add_new_person_fields(self):
        self.fields["person"].required = False
        self.fields["new_first_name"] = forms.CharField(
            label=_("First name"), max_length=100, required=False
        )
        self.fields["new_last_name"] = forms.CharField(
            label=_("Last name"), max_length=100, required=False
        )
        self.fields["new_rank"] = forms.CharField(
            label=pgettext_lazy("military", "Rank"), max_length=100, required=False
        )
        self.fields["new_nato_code"] = UpperCaseField(
            label=_("NATO rank code"),
            max_length=5,
            required=False,
            validators=[validate_nato_code],
            help_text=_("e.g. OF-4 or OR-7."),
        )
        self.fields["new_sex"] = forms.ChoiceField(
            label=_("Sex"),
            choices=Person.Sex.choices,
            initial=Person.Sex.UNSPECIFIED,
            required=False,
        )
        self.fields["new_email"] = forms.EmailField(label=_("E-mail"), required=False)
        self.fields["new_preferred_language"] = forms.ChoiceField(
            label=_("Preferred language"),
            choices=Person.Language.choices,
            initial=Person.Language.ENGLISH,
            required=False,
        )

    def clean_person_or_new(self, cleaned):
        person = cleaned.get("person")
        first, last = cleaned.get("new_first_name", ""), cleaned.get("new_last_name", "")
        if person is None and not (first or last):
            self.add_error(
                "person", _("Choose a person, or give the name of a person to add to the list.")
            )
        elif person is not None and (first or last):
            self.add_error(
                "person", _("Either choose a person or add a new one, not both at once.")
            )
        elif person is None and not last:
            self.add_error("new_last_name", _("Give the last name of the new person."))
        if person is None and cleaned.get("new_email"):
            try:
                validate_email_free_in_nation(cleaned["new_email"], nation=self.nation)
            except ValidationError as error:
                self.add_error("new_email", error)

    def new_person_fields(self) -> dict | None:
        """Return the fields of the person to create (None when one was chosen)."""
        if self.cleaned_data.get("person") is not None:
            return None
        data = self.cleaned_data
        return {
            "first_name": data["new_first_name"].strip(),
            "last_name": data["new_last_name"].strip(),
            "rank_en": data["new_rank"].strip(),
            "nato_code": data["new_nato_code"],
            "sex": data["new_sex"] or Person.Sex.UNSPECIFIED,
            "email": data["new_email"],
            "preferred_language": data["new_preferred_language"] or "en",
        }

    def new_person_form_fields(self):
        return [self[name] for name in self.NEW_FIELDS]


class RegisterForm(NewPersonMixin, RegistrationDetailsForm):
    """Register a person of a nation (chosen or created here) for an event."""

    person = PersonChoiceField(
        label=_("Person"),
        queryset=Person.objects.none(),
        empty_label=_("Choose a person, or add one below"),
    )
    registration_type = RegistrationTypeChoiceField(
        label=_("Registration type"), queryset=RegistrationType.objects.none(), empty_label=None
    )
    discount_code = forms.CharField(
        label=_("Discount code"),
        max_length=30,
        required=False,
        help_text=_("The code the Council gave your nation, if any."),
    )
    idempotency_key = IdempotencyKeyField()

    def __init__(self, *args, people, registration_types, nation, **kwargs):
        self.nation = nation
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].error_messages["invalid_choice"] = NOT_CHOOSABLE
        self.fields["registration_type"].queryset = registration_types
        self.add_new_person_fields()

    def clean(self):
        cleaned = super().clean()
        self.clean_person_or_new(cleaned)
        return cleaned


class SubstituteForm(NewPersonMixin, forms.Form):
    """Give a registration's place to another person of the nation (chosen or created here)."""

    person = PersonChoiceField(
        label=_("Substitute"),
        queryset=Person.objects.none(),
        empty_label=_("Choose a person, or add one below"),
    )

    def __init__(self, *args, people, nation, **kwargs):
        self.nation = nation
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].error_messages["invalid_choice"] = NOT_CHOOSABLE
        self.add_new_person_fields()

    def clean(self):
        cleaned = super().clean()
        self.clean_person_or_new(cleaned)
        return cleaned


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)
