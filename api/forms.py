from django import forms
from django.utils.translation import gettext_lazy as _

from .services import MAX_DAYS

DURATIONS = [(30, _("30 days")), (90, _("90 days")), (180, _("180 days")), (MAX_DAYS, _("1 year"))]


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. 'National registry'."),
    )
    days = forms.TypedChoiceField(label=_("Valid for"), choices=DURATIONS, coerce=int, initial=90)
