"""The search and filter form of the public photo library."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PhotoFilterForm(forms.Form):
    """Free text, event, nation and year; every criterion optional.

    A value that is not among the choices (an event renamed since a link was shared, say) is
    dropped before binding, so it neither filters nor shows as an error.
    """

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    event = forms.ChoiceField(label=_("Event"), required=False)
    nation = forms.ChoiceField(label=_("Nation"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, events, nations, years):
        choices = {
            "event": [(event, event) for event in events],
            "nation": [(nation.code, nation.name) for nation in nations],
            "year": [(str(year), str(year)) for year in years],
        }
        data = data.copy()
        for name, options in choices.items():
            if data.get(name) not in {value for value, _label in options}:
                data.pop(name, None)
        data["q"] = data.get("q", "")[: self.base_fields["q"].max_length]
        super().__init__(data, auto_id="photo-filter-%s", label_suffix="")
        self.fields["event"].choices = [("", _("All events")), *choices["event"]]
        self.fields["nation"].choices = [("", _("All nations")), *choices["nation"]]
        self.fields["year"].choices = [("", _("All years")), *choices["year"]]

    def criteria(self):
        """Return the chosen criteria as keyword arguments of queries.filter_photos."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "text": data.get("q", ""),
            "event": data.get("event", ""),
            "nation": data.get("nation", ""),
            "year": data.get("year"),
        }
