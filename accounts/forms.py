"""Admin forms: a nation-scoped user only chooses among the own nations."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from nations.models import Nation

from . import rules as access
from .validators import validate_email_free_in_nation


class PersonAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "nation" in self.fields and for_user is not None and not access.is_presidency(for_user):
            field = self.fields["nation"]
            field.queryset = Nation.objects.filter(pk__in=access.nation_ids_for(for_user))
            field.required = True
            field.help_text = _("You manage the people of these nations only.")

    def clean(self):
        cleaned = super().clean()
        try:
            validate_email_free_in_nation(
                cleaned.get("email"), nation=cleaned.get("nation"), person=self.instance
            )
        except ValidationError as error:
            self.add_error("email" if "email" in self.fields else None, error)
        return cleaned
