"""Forms of the Language Academy and YRO pages. They check what a person typed (types, ranges,
required fields); the services check the rules that need the database (deadline, duplicates)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import NATO_CODES, Person
from nations.models import Nation

from .models import Application, Language

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SENIOR_NCO_CODES = {f"OR-{n}" for n in range(5, 10)} | {f"WO-{n}" for n in range(1, 6)}


class ApplicationFields(forms.Form):
    """What every application states about the course and the applicant's standing."""

    category = forms.ChoiceField(label=_("Status"), choices=Application.Category.choices)
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DATE_INPUT)
    language = forms.ChoiceField(label=_("Course language"), choices=Language.choices)
    motivation = forms.CharField(
        label=_("Motivation"), required=False, max_length=2000, widget=forms.Textarea({"rows": 4})
    )

    def check_rank_matches(self, nato_code):
        category = self.cleaned_data.get("category")
        if category == Application.Category.RESERVE_OFFICER and not nato_code.startswith("OF-"):
            self.add_error(
                "nato_code" if "nato_code" in self.fields else "category",
                _("A reserve officer holds a NATO rank code OF-1 to OF-10."),
            )
        if category == Application.Category.RESERVE_NCO and nato_code not in SENIOR_NCO_CODES:
            self.add_error(
                "nato_code" if "nato_code" in self.fields else "category",
                _("A senior NCO holds a NATO rank code OR-5 to OR-9 or WO-1 to WO-5."),
            )


class PublicApplicationForm(ApplicationFields):
    """The public form: the applicant, who has no account, states who they are."""

    field_order = [
        "first_name",
        "last_name",
        "rank",
        "nato_code",
        "nation",
        "email",
        "category",
        "date_of_birth",
        "language",
        "motivation",
    ]
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    rank = forms.CharField(label=_("Rank"), max_length=100, required=False)
    nato_code = forms.ChoiceField(
        label=_("NATO rank code"),
        choices=[("", _("None (civilian)"))] + [(code, code) for code in NATO_CODES],
        required=False,
    )
    nation = forms.ModelChoiceField(label=_("Nation"), queryset=Nation.objects.none())
    email = forms.EmailField(label=_("E-mail"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nation"].queryset = Nation.objects.active().order_by("code")

    def clean(self):
        cleaned = super().clean()
        self.check_rank_matches(cleaned.get("nato_code") or "")
        return cleaned

    def new_person(self, language):
        data = self.cleaned_data
        return {
            "first_name": data["first_name"].strip(),
            "last_name": data["last_name"].strip(),
            # A national rank title reads the same in both languages.
            "rank_en": data["rank"].strip(),
            "rank_fr": data["rank"].strip(),
            "nato_code": data["nato_code"],
            "nation": data["nation"],
            "email": data["email"],
            "preferred_language": language,
        }


class DelegationApplicationForm(ApplicationFields):
    """A delegation enters one of the nation's people (already in the registry)."""

    field_order = ["person", "category", "date_of_birth", "language", "motivation"]
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())

    def __init__(self, *args, nation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(nation=nation).order_by(
            "last_name", "first_name"
        )

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("person")
        if person is not None:
            self.check_rank_matches(person.nato_code)
        return cleaned


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class ScoreForm(forms.Form):
    placement_score = forms.IntegerField(
        label=_("Placement test score (0–100)"),
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": _("A score is a whole number from 0 to 100."),
            "max_value": _("A score is a whole number from 0 to 100."),
            "invalid": _("A score is a whole number from 0 to 100."),
        },
    )


def _stanag_field(label):
    return forms.IntegerField(label=label, required=False, min_value=0, max_value=5)


class ExamForm(forms.Form):
    listening = _stanag_field(_("Listening"))
    speaking = _stanag_field(_("Speaking"))
    reading = _stanag_field(_("Reading"))
    writing = _stanag_field(_("Writing"))


class LoacResultForm(forms.Form):
    percent = forms.IntegerField(
        label=_("LOAC result (%)"),
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": _("A result is a whole percentage from 0 to 100."),
            "max_value": _("A result is a whole percentage from 0 to 100."),
            "invalid": _("A result is a whole percentage from 0 to 100."),
        },
    )
