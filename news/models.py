"""News articles and the photo library edited by the STRATCOM committee."""

import re

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.cache import fragment_seconds
from core.models import SitePage


class Photo(AbstractImage):
    """An image of the photo library: alt text, bilingual caption, credit and what it shows."""

    caption = models.CharField(_("caption"), max_length=255, blank=True)
    credit = models.CharField(_("credit"), max_length=255, blank=True)
    taken_on = models.DateField(_("date taken"), null=True, blank=True)
    event_name = models.CharField(_("event"), max_length=200, blank=True)
    nations = models.ManyToManyField(
        "nations.Nation", verbose_name=_("nations"), blank=True, related_name="photos"
    )
    people_shown = models.CharField(_("people shown"), max_length=500, blank=True)
    publication_cleared = models.BooleanField(
        _("cleared for publication"),
        default=True,
        help_text=_("Only cleared photos appear in the public photo library."),
    )

    admin_form_fields = Image.admin_form_fields + (
        "caption_en",
        "caption_fr",
        "credit",
        "taken_on",
        "event_name",
        "nations",
        "people_shown",
        "publication_cleared",
    )
    search_fields = AbstractImage.search_fields + [
        index.SearchField("caption"),
        index.SearchField("event_name"),
        index.SearchField("people_shown"),
        index.FilterField("taken_on"),
        index.FilterField("publication_cleared"),
    ]

    class Meta(AbstractImage.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class PhotoRendition(AbstractRendition):
    image = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsIndexPage(SitePage, Page):
    """Lists the articles below it, newest first, filterable by category."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["news.ArticlePage"]
    max_count_per_parent = 1
    articles_per_page = 12

    class Meta:
        verbose_name = _("news index")

    def route(self, request, path_components):
        """Route to an article in one query (Wagtail's route takes two). Its cover is read
        when the article is rendered, not when its kept fragments are served."""
        if path_components:
            article = ArticlePage.objects.child_of(self).filter(slug=path_components[0]).first()
            if article is not None:
                return article.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        # Imported here: queries imports this module.
        from . import queries

        context = super().get_context(request, *args, **kwargs)
        category = request.GET.get("category", "")
        if category not in ArticlePage.Category.values:
            category = ""

        def page_of_cards():
            articles = queries.with_cover_renditions(
                queries.published_articles(self.locale_id, category=category)
            )
            paginator = Paginator(articles, self.articles_per_page)
            page_obj = paginator.get_page(request.GET.get("page"))
            page_obj.object_list = queries.as_cards(page_obj.object_list, request)
            return page_obj

        # Read only when the list is rendered: not when its fragment is kept (the template's
        # {% cache %}), which it is for the plain addresses: a category and a page of 1-99.
        context["page_obj"] = SimpleLazyObject(page_of_cards)
        number = request.GET.get("page", "1")
        plain = (
            set(request.GET) <= {"page", "category"}
            and request.GET.get("category", "") == category
            and re.fullmatch(r"[1-9][0-9]?", number) is not None
        )
        # Any other address reads and keeps nothing ({% cache %} reads its key whatever the
        # time it is asked to keep for: that key is never written).
        context["list_key"] = f"{category}:{number}" if plain else "not-kept"
        context["list_seconds"] = fragment_seconds(request) if plain else 0
        context["category"] = category
        context["categories"] = [
            {"value": "", "label": _("All news"), "current": not category},
            *(
                {"value": value, "label": label, "current": value == category}
                for value, label in ArticlePage.Category.choices
            ),
        ]
        return context


class ArticlePage(SitePage, Page):
    """A news article: date, byline, lead, body, a cover photo and a gallery."""

    class Category(models.TextChoices):
        CIOR = "cior", _("CIOR activities & events")
        NATIONAL = "national", _("National events")
        OTHER = "other", _("Other")

    date = models.DateField(_("date"))
    byline = models.CharField(
        _("byline"),
        max_length=200,
        blank=True,
        help_text=_("e.g. 'Jane Doe, Captain (R), Estonia / CIOR Public Affairs'."),
    )
    category = models.CharField(
        _("category"), max_length=10, choices=Category.choices, default=Category.CIOR
    )
    lead = models.TextField(_("lead"), blank=True)
    cover = models.ForeignKey(
        Photo,
        verbose_name=_("cover photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("byline"), FieldPanel("category"), FieldPanel("tags")],
            heading=_("Publication"),
        ),
        FieldPanel("lead"),
        FieldPanel("cover"),
        FieldPanel("body"),
        InlinePanel("gallery_images", label=_("Gallery")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("byline"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]
    parent_page_types = ["news.NewsIndexPage"]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-date"]

    def get_context(self, request, *args, **kwargs):
        # Imported here: queries imports this module.
        from . import queries, renditions

        context = super().get_context(request, *args, **kwargs)

        def prepared():
            gallery = list(self.gallery_images.select_related("image"))
            # Each photo's renditions for what it shows here, all in one query: the cover's,
            # the gallery's, and those of the images in the body (the template reuses these
            # objects).
            wanted = [(item.image, renditions.GALLERY_SPECS) for item in gallery]
            if self.cover:
                wanted.append((self.cover, [*renditions.COVER, renditions.OPEN_GRAPH]))
            wanted += [
                (block.value["image"], renditions.BODY_IMAGE)
                for block in self.body
                if block.block_type == "image" and block.value["image"]
            ]
            queries.attach_renditions(wanted)
            og_image = None
            if self.cover:
                og_image = get_rendition_or_not_found(self.cover, renditions.OPEN_GRAPH)
            # Its width is zero when the photo's file is missing: no og:image then.
            if og_image is None or not og_image.width:
                og_image = None
            return {
                "cover": self.cover,
                "og_image": og_image,
                "og_image_url": request.build_absolute_uri(og_image.url) if og_image else "",
                "gallery": gallery,
                "tags": list(self.tags.all()),
            }

        # Read only when rendered: not when the template's fragments of this article are kept
        # ({% cache %} under the page generation, which any edit of it moves).
        found = SimpleLazyObject(prepared)
        for name in ("cover", "og_image", "og_image_url", "gallery", "tags"):
            context[name] = SimpleLazyObject(lambda name=name: found[name])
        context["fragment_host"] = f"{request.scheme}://{request.get_host()}"
        return context


class ArticleGalleryImage(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        Photo, verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("image")]


class PhotoLibraryPage(SitePage, Page):
    """The public photo library, searchable by event, nation and date."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    subpage_types = []
    photos_per_page = 24

    class Meta:
        verbose_name = _("photo library")

    def get_context(self, request, *args, **kwargs):
        # Imported here: queries and forms import this module.
        from . import queries, renditions
        from .forms import PhotoFilterForm

        context = super().get_context(request, *args, **kwargs)
        events, years = queries.photo_events_and_years()
        form = PhotoFilterForm(
            request.GET, events=events, nations=queries.photo_nations(), years=years
        )
        criteria = form.criteria()
        photos = (
            queries.filter_photos(queries.cleared_photos(), **criteria)
            .prefetch_related("nations")
            .prefetch_renditions(*renditions.LIBRARY_SPECS)
        )
        paginator = Paginator(photos, self.photos_per_page)
        context["form"] = form
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        context["filtered"] = any(criteria.values())
        return context
