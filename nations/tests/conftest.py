import pytest
from django.core.cache import cache

from nations import demo

from .sites import build_site, kept_for_module


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches the site's root paths: a test must not see another test's site."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_context(db):
    """A fresh site, as the nations demo loader finds it, for tests of the loader itself."""
    return build_site()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The site with the demo nations and their page, built once for the test module."""
    with kept_for_module(django_db_blocker):
        context = build_site()
        demo.load(context)
        yield context
