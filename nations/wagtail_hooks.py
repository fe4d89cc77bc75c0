"""Back-office for the member nations: English and French names side by side."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Nation


class NationViewSet(SnippetViewSet):
    model = Nation
    icon = "globe"
    menu_label = _("Nations")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "code", "membership", "joined_year", "status"]
    list_filter = ["membership", "status"]
    list_export = ["code", "name_en", "name_fr", "membership", "joined_year", "status"]
    ordering = ["code"]
    # Plain database search over both languages: partial words match ("Slov" finds both).
    search_fields = ["code", "name_en", "name_fr"]
    search_backend_name = None
    copy_view_enabled = False

    panels = [
        FieldPanel("code"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_fr")])],
            heading=_("Name"),
        ),
        FieldRowPanel([FieldPanel("membership"), FieldPanel("status"), FieldPanel("joined_year")]),
    ]


register_snippet(NationViewSet)
