"""A news index and a photo library in each language, on the root conftest's `homes`."""

import pytest

from .factories import NewsIndexPageFactory, PhotoLibraryPageFactory, translate


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
