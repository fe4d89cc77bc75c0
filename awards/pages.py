"""The public roll of the Medal of Merit: a page per language, below the Medal of Merit page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.models import SitePage

from . import queries


class MedalRollPage(SitePage, Page):
    """Lists the recipients by year of award: name, rank, nation, citation in the page's
    language; only those who consented to appear (queries.roll)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Medal of Merit roll")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["years"] = queries.roll()
        return context
