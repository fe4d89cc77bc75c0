"""Admin for the site's own records and the missing-translations report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet

from accounts.models import RoleAssignment
from accounts.rules import has_role
from accounts.viewsets import ScopedSnippetViewSet

from .models import Partner
from .translation_status import (
    pages_missing_french,
    pages_with_outdated_french,
    records_missing_french,
)

Role = RoleAssignment.Role


class PartnerViewSet(ScopedSnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    add_to_admin_menu = True
    menu_order = 290
    list_display = ["acronym", "name", "url"]
    search_fields = ["acronym", "name_en", "name_fr"]


register_snippet(PartnerViewSet)


class MissingTranslationsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/missing_translations.html"
    page_title = _("Missing French")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["records"] = records_missing_french()
        context["pages"] = pages_missing_french()
        return context


@hooks.register("register_admin_urls")
def register_missing_translations_url():
    return [
        path(
            "reports/missing-french/",
            MissingTranslationsView.as_view(),
            name="cior_missing_french",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return AdminOnlyMenuItem(
        _("Missing French"),
        reverse("cior_missing_french"),
        name="missing-french",
        icon_name="site",
        order=900,
    )


class MissingFrenchPanel(Component):
    """The admin home's box of pages without a French translation or with an older one."""

    name = "missing_french"
    template_name = "core/admin/home_missing_french_panel.html"
    order = 90
    shown = 5  # The full list is the "Missing French" report.

    def get_context_data(self, parent_context=None):
        missing = pages_missing_french()
        outdated = pages_with_outdated_french()
        return {
            "missing": missing[: self.shown],
            "missing_count": len(missing),
            "outdated": outdated[: self.shown],
            "outdated_count": len(outdated),
            "report_url": reverse("cior_missing_french"),
            # wagtail-localize's "Translate this page", for those who may start a translation.
            "can_translate": parent_context["request"].user.has_perm(
                "wagtail_localize.submit_translation"
            ),
        }


@hooks.register("construct_homepage_panels")
def add_missing_french_panel(request, panels):
    if has_role(request.user, Role.EDITOR, Role.PRESIDENCY):
        panels.append(MissingFrenchPanel())
