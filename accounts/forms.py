"""Admin forms: a nation-scoped user only chooses among the own nations."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from nations.models import Nation

from . import rules as access


class PersonAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "nation" in self.fields and for_user is not None and not access.is_presidency(for_user):
            field = self.fields["nation"]
            field.queryset = Nation.objects.filter(pk__in=access.nation_ids_for(for_user))
            field.required = True
            field.help_text = _("You manage the people of these nations only.")
