"""Factories of photos and news pages; pages are added under a parent and published."""

import datetime

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from news.models import ArticleGalleryImage, ArticlePage, NewsIndexPage, Photo, PhotoLibraryPage


class PhotoFactory(DjangoModelFactory):
    class Meta:
        model = Photo
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Photo {n}")
    file = factory.django.ImageField(width=64, height=40, color="navy", format="JPEG")
    description = factory.LazyAttribute(lambda photo: f"Alt text of {photo.title}")
    caption_en = factory.LazyAttribute(lambda photo: f"Caption of {photo.title}")
    caption_fr = factory.LazyAttribute(lambda photo: f"Légende de {photo.title}")
    credit = "CIOR Public Affairs"
    taken_on = datetime.date(2025, 7, 10)
    event_name = "Summer Congress 2025"
    publication_cleared = True

    @factory.post_generation
    def nations(self, create, extracted, **kwargs):
        if create and extracted:
            self.nations.set(extracted)


class PageFactory(DjangoModelFactory):
    """Adds the page under `parent` (required) and publishes it through a revision.

    With `revision=False` the page is only saved live, without a revision: quicker, for
    lists, but no first publication date and no page_published signal.
    """

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    @classmethod
    def _create(cls, model_class, *args, parent, revision=True, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if revision:
            page.save_revision().publish()
        return page


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "News"
    slug = "news"
    intro = "What the confederation and its nations did."


class PhotoLibraryPageFactory(PageFactory):
    class Meta:
        model = PhotoLibraryPage

    title = "Photo library"
    slug = "photos"


class ArticlePageFactory(PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Article number {n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    byline = "Jane Doe, Captain (R), Estonia / CIOR Public Affairs"
    category = ArticlePage.Category.CIOR
    lead = factory.LazyAttribute(lambda page: f"The lead of {page.title}.")
    cover = factory.SubFactory(PhotoFactory)
    body = factory.LazyAttribute(lambda page: [("paragraph", f"<p>The body of {page.title}.</p>")])

    @classmethod
    def _create(cls, model_class, *args, gallery=(), **kwargs):
        kwargs["gallery_images"] = [ArticleGalleryImage(image=photo) for photo in gallery]
        return super()._create(model_class, *args, **kwargs)


def translate(page, locale, *, revision=True, **fields):
    """Create and publish the translation of `page` into `locale` with `fields` changed.

    With `revision=False` the translation is only saved live, as PageFactory does.
    """
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.live = True
    translation.save()
    if revision:
        translation.save_revision().publish()
    return translation
