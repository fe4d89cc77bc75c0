"""Fixtures shared by every app's tests: a minimal bilingual site."""

from contextlib import contextmanager

import pytest
from django.db import transaction
from wagtail.models import Locale, Page, Site

from core.models import HomePage


@pytest.fixture
def locales(db):
    en, _ = Locale.objects.get_or_create(language_code="en")
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    return {"en": en, "fr": fr}


@pytest.fixture
def homes(locales):
    """An English home page as the default site's root, and its French translation."""
    root = Page.objects.get(depth=1)
    Page.objects.filter(depth=2).delete()
    home_en = root.add_child(
        instance=HomePage(title="CIOR", slug="home", tagline="Reserve officers of NATO")
    )
    home_en.save_revision().publish()
    home_fr = home_en.copy_for_translation(locales["fr"])
    home_fr.tagline = "Les officiers de réserve de l'OTAN"
    home_fr.slug = "accueil"
    home_fr.save()
    home_fr.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home_en, is_default_site=True, site_name="CIOR"
    )
    return {"en": home_en, "fr": home_fr}


def translate(page, **french):
    """Publish the French translation of `page` with the `french` field values set."""
    fr_page = page.copy_for_translation(Locale.objects.get(language_code="fr"))
    for name, value in french.items():
        setattr(fr_page, name, value)
    fr_page.save_revision().publish()
    return fr_page.specific


def add_translated(parent_pages, page, **french):
    """Add `page` under parent_pages["en"], publish it, and its French translation."""
    parent_pages["en"].add_child(instance=page)
    page.save_revision().publish()
    return {"en": page, "fr": translate(page, **french)}


@contextmanager
def kept_for_module(django_db_blocker):
    """Let a module-scoped fixture write rows that every test of the module sees.

    Each test runs in a savepoint inside this transaction; it is rolled back after the module.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Start each test with an empty cache: Wagtail caches site roots by page id."""
    from django.conf import settings
    from django.core.cache import caches

    # A test that mixes @override_settings with the `settings` fixture restores them in the
    # wrong order and leaks its settings into the worker's next tests: refuse to go on then.
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"), (
        "an earlier test leaked its settings; change them through the `settings` fixture only"
    )
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _english_by_default():
    """Start each test in English: a request to /fr/ leaves French active in the thread."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


def log_in_with_two_factor(client, user):
    """Give `user` a TOTP authenticator (staff must have one) and log them in."""
    from accounts.services import activate_totp

    activate_totp(user, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", by=None)
    client.force_login(user)
    return client


class RecordingPurgeBackend:
    """A wagtail.contrib.frontend_cache backend that records the URLs it is asked to purge."""

    purged = []

    def __init__(self, params):
        self.hostnames = ["*"]

    def invalidates_hostname(self, hostname):
        return True

    def purge(self, url):
        self.purged.append(url)

    def purge_batch(self, urls):
        self.purged.extend(urls)


@pytest.fixture
def page_cache(settings):
    """Turn the page cache on (locmem) with a recording edge; return the list of purged URLs.

    Edits must be committed to reach it: wrap them in django_capture_on_commit_callbacks.
    """
    from django.core.cache import cache

    settings.CIOR_PAGE_CACHE_SECONDS = 600
    settings.CIOR_FRAGMENT_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {"edge": {"BACKEND": "conftest.RecordingPurgeBackend"}}
    cache.clear()
    RecordingPurgeBackend.purged = []
    yield RecordingPurgeBackend.purged
    RecordingPurgeBackend.purged = []


# People every app's tests use: two nations, their heads of delegation and staff, the Presidency.


@pytest.fixture
def est(db):
    from nations.tests.factories import NationFactory

    return NationFactory(code="EST", name_en="Estonia", name_fr="Estonie")


@pytest.fixture
def fra(db):
    from nations.tests.factories import NationFactory

    return NationFactory(code="FRA", name_en="France", name_fr="France")


def _role(role, **scope):
    from accounts.models import RoleAssignment
    from accounts.tests.conftest import staff_user

    return staff_user(getattr(RoleAssignment.Role, role), **scope)


@pytest.fixture
def hod_est(est):
    return _role("HEAD_OF_DELEGATION", nation=est)


@pytest.fixture
def staff_est(est):
    return _role("NATIONAL_STAFF", nation=est)


@pytest.fixture
def hod_fra(fra):
    return _role("HEAD_OF_DELEGATION", nation=fra)


@pytest.fixture
def presidency(db):
    return _role("PRESIDENCY")
