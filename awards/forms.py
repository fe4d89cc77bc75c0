"""Forms of the Medal of Merit pages: nominate, and the Presidency's decisions."""

from pathlib import Path

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Person, validate_nato_code
from events.models import Event
from governance.models import CouncilMeeting
from nations.models import Nation

from .models import Nomination, SupportingDocument


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def check_document(upload) -> None:
    """Raise ValidationError unless `upload` is a PDF, image or office document of a
    reasonable size whose content matches its extension."""
    extension = Path(upload.name).suffix.lower()
    signatures = SupportingDocument.ALLOWED_TYPES.get(extension)
    if signatures is None:
        raise forms.ValidationError(
            _("“%(name)s” is not accepted: send PDF, JPEG, PNG, DOCX or ODT files.")
            % {"name": upload.name}
        )
    if upload.size > SupportingDocument.MAX_SIZE:
        raise forms.ValidationError(
            _("“%(name)s” is too large (%(size)s): at most %(max)s per file.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(SupportingDocument.MAX_SIZE),
            }
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in signatures):
        raise forms.ValidationError(
            _("“%(name)s” does not contain what its name says: it cannot be accepted.")
            % {"name": upload.name}
        )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        nation = f" ({person.nation.code})" if person.nation else ""
        return f"{person.rank} {person.full_name or person}".strip() + nation


class NominationForm(forms.Form):
    """Nominate an existing person (of the own nations for a head of delegation, anyone for the
    Presidency) or a new one of any nation; the citation in both languages; the grounds."""

    nominee = PersonChoiceField(
        label=_("Nominee"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("— a new person, described below —"),
    )
    new_first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    new_last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    new_rank_en = forms.CharField(
        label=pgettext_lazy("military", "Rank (English)"), max_length=100, required=False
    )
    new_rank_fr = forms.CharField(
        label=pgettext_lazy("military", "Rank (French)"), max_length=100, required=False
    )
    new_nato_code = forms.CharField(
        label=_("NATO rank code"),
        max_length=5,
        required=False,
        validators=[validate_nato_code],
        help_text=_("e.g. OF-4 or OR-7."),
    )
    new_nation = forms.ModelChoiceField(
        label=_("Nation"), queryset=Nation.objects.order_by("code"), required=False
    )
    new_email = forms.EmailField(label=_("E-mail"), required=False)
    new_preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=Person._meta.get_field("preferred_language").choices,
        initial="en",
        required=False,
    )
    citation_en = forms.CharField(
        label=_("Citation in English"),
        widget=forms.Textarea(attrs={"rows": 4, "lang": "en"}),
        max_length=2000,
        error_messages={"required": _("Write the citation in English.")},
    )
    citation_fr = forms.CharField(
        label=_("Citation in French"),
        widget=forms.Textarea(attrs={"rows": 4, "lang": "fr"}),
        max_length=2000,
        error_messages={"required": _("Write the citation in French.")},
    )
    grounds = forms.CharField(
        label=_("Grounds"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The nominee's merits for CIOR and/or NATO in reserve matters."),
        error_messages={"required": _("Give the grounds of the nomination.")},
    )
    documents = MultipleFileField(
        label=_("Supporting documents"),
        required=False,
        help_text=_("Up to 5 files: PDF, JPEG, PNG, DOCX or ODT, 10 MB each at most."),
    )
    nation = forms.ModelChoiceField(
        label=_("Nominating as head of delegation of"), queryset=Nation.objects.none()
    )

    NEW_FIELDS = [
        "new_first_name",
        "new_last_name",
        "new_rank_en",
        "new_rank_fr",
        "new_nato_code",
        "new_nation",
        "new_email",
        "new_preferred_language",
    ]

    def __init__(self, *args, people, nations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominee"].queryset = people
        if nations is None:  # the Presidency nominates in its own name
            del self.fields["nation"]
        else:
            self.fields["nation"].queryset = nations
            if len(nations) == 1:  # the usual case: no choice to make
                self.fields["nation"].initial = nations[0]
                self.fields["nation"].widget = forms.HiddenInput()

    def clean_new_nato_code(self):
        return self.cleaned_data["new_nato_code"].upper()

    def clean_documents(self):
        uploads = self.cleaned_data["documents"]
        if len(uploads) > SupportingDocument.MAX_FILES:
            raise forms.ValidationError(
                _("Send at most %(count)d files.") % {"count": SupportingDocument.MAX_FILES}
            )
        errors = []
        for upload in uploads:
            try:
                check_document(upload)
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return uploads

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("nominee")
        described = cleaned.get("new_first_name") or cleaned.get("new_last_name")
        if chosen is None and not described:
            self.add_error("nominee", _("Choose the nominee, or describe a new person below."))
        elif chosen is not None and described:
            self.add_error("nominee", _("Either choose a person or describe a new one, not both."))
        elif chosen is None:
            for name in ("new_first_name", "new_last_name", "new_nation"):
                if not cleaned.get(name):
                    self.add_error(name, _("Needed for a new person."))
        return cleaned

    def new_person(self):
        """Return the fields of the new person described, or None when one was chosen."""
        if self.cleaned_data.get("nominee") is not None:
            return None
        data = self.cleaned_data
        return {
            "first_name": data["new_first_name"].strip(),
            "last_name": data["new_last_name"].strip(),
            "rank_en": data["new_rank_en"].strip(),
            "rank_fr": data["new_rank_fr"].strip(),
            "nato_code": data["new_nato_code"],
            "nation": data["new_nation"],
            "email": data["new_email"],
            "preferred_language": data["new_preferred_language"] or "en",
        }


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for declining.")},
    )


class CouncilForm(forms.Form):
    meeting = forms.ModelChoiceField(
        label=_("Council meeting"),
        queryset=CouncilMeeting.objects.none(),
        error_messages={"required": _("Choose the Council meeting.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (
            CouncilMeeting.objects.filter(ends_on__gte=timezone.localdate())
            .exclude(status=CouncilMeeting.Status.CLOSED)
            .order_by("starts_on")
        )


class DiplomaForm(forms.Form):
    presented_at = forms.ModelChoiceField(
        label=_("Presented at"),
        queryset=Event.objects.none(),
        error_messages={"required": _("Choose the event at which the medal is presented.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presented_at"].queryset = Event.objects.filter(
            kind__in=Nomination.PRESENTATION_KINDS, parent__isnull=True
        ).order_by("-starts_on")


class ConsentForm(forms.Form):
    consent = forms.TypedChoiceField(
        label=_("Public roll"),
        choices=[("1", _("The recipient consents")), ("0", _("No consent (withdrawn)"))],
        coerce=lambda value: value == "1",
    )
