"""A minimal bilingual site: locales en and fr, a home page per language, a news index each."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from core.models import HomePage

from .factories import NewsIndexPageFactory, PhotoLibraryPageFactory, translate


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Renditions and site root paths are cached; a test must not see another test's rows."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    en = Locale.objects.get_or_create(language_code="en")[0]
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    return {"en": en, "fr": fr}


@pytest.fixture
def homes(locales):
    """The EN home page as the default site's root, and its FR translation."""
    Site.objects.all().delete()
    root = Page.get_first_root_node()
    home = HomePage(title="CIOR", slug="cior", locale=locales["en"], tagline="NATO's reservists")
    root.add_child(instance=home)
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    home_fr = translate(
        home, locales["fr"], revision=False, title="CIOR", tagline="Les réservistes de l'OTAN"
    )
    return {"en": home, "fr": home_fr}


@pytest.fixture
def news_indexes(homes, locales):
    index = NewsIndexPageFactory(parent=homes["en"], revision=False)
    index_fr = translate(
        index,
        locales["fr"],
        revision=False,
        title="Actualités",
        slug="actualites",
        intro="Ce que la confédération et ses nations ont fait.",
    )
    return {"en": index, "fr": index_fr}


@pytest.fixture
def photo_library(homes, locales):
    library = PhotoLibraryPageFactory(parent=homes["en"], revision=False)
    library_fr = translate(library, locales["fr"], revision=False, title="Photothèque")
    return {"en": library, "fr": library_fr}
