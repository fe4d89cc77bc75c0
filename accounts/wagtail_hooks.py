"""Back-office for the people known to CIOR: rank in English and French side by side."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["__str__", "rank", "nation", "service"]
    list_filter = ["nation", "service"]
    list_export = [
        "first_name",
        "last_name",
        "rank_en",
        "rank_fr",
        "nato_code",
        "nation",
        "service",
        "email",
    ]
    ordering = ["last_name", "first_name"]
    search_fields = ["first_name", "last_name", "rank_en", "rank_fr", "email"]
    search_backend_name = None
    copy_view_enabled = False

    panels = [
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("rank_en"), FieldPanel("rank_fr")]),
                FieldPanel("nato_code"),
            ],
            heading=_("Rank"),
        ),
        FieldRowPanel([FieldPanel("nation"), FieldPanel("service")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("preferred_language")]),
    ]

    def get_queryset(self, request):
        return Person.objects.select_related("nation")


register_snippet(PersonViewSet)
