"""The site's own page types: the home page, flexible standard pages and partners."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index

from . import cache as page_cache
from .blocks import BodyBlock


class SitePage:
    """Mixed into every page type of the site (before Page)."""

    def get_view_restrictions(self):
        """The restrictions checked on each view of the page: none without a query when no
        restriction can apply (core.cache.view_restrictions)."""
        return page_cache.view_restrictions(self, super().get_view_restrictions)


class HomePage(SitePage, Page):
    """The root of each language's tree: key figures, aims, the latest news and events."""

    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("tagline"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Route the address below this home page: from the page kept for it (or for the
        longest part of it that is a page) when there is one, in one query, else by Wagtail's
        walk down the tree (a query or two per level), keeping where the page found is."""
        page, consumed = page_cache.kept_page(request, self, path_components)
        if page is None:
            result = super().route(request, path_components)
        else:
            result = page.route(request, path_components[consumed:])
        if result[0] is not page:
            page_cache.keep_route(request, self, result[0])
        return result


class StandardPage(SitePage, Page):
    """A flexible content page; lists its child pages below the body when it has any."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class Partner(Orderable):
    """A sister body or partner institution shown on the partners page."""

    acronym = models.CharField(_("acronym"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])
    url = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("acronym"),
        FieldPanel("name_en"),
        FieldPanel("name_fr"),
        FieldPanel("description_en"),
        FieldPanel("description_fr"),
        FieldPanel("url"),
        FieldPanel("logo"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return f"{self.acronym} – {self.name}"


class PartnersPage(SitePage, Page):
    """Lists the partner records (NRFC, CIOMR, CISOR, Baltic Defence College...)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = Partner.objects.select_related("logo")
        return context


class SubmissionKey(models.Model):
    """A form submission already carried out: its idempotency key and where it led.

    A form that creates rows carries a random key (core.idempotency); the row is written in the
    same transaction as what the form creates, so a retried POST (a lost response, a double
    click) finds it and is sent to the first result instead of creating anything twice.
    """

    key = models.CharField(max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", null=True
    )
    result_url = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="core_submissionkey_unique")
        ]

    def __str__(self):
        return self.key
