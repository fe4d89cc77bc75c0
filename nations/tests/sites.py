"""Test sites built once per test module (like Django's setUpTestData) to keep the suite fast."""

from contextlib import contextmanager

from django.db import transaction
from wagtail.models import Locale, Page, Site

from core.demo.pages import DemoContext
from core.models import HomePage, StandardPage


@contextmanager
def kept_for_module(django_db_blocker):
    """Let a module-scoped fixture write rows that every test of the module sees.

    Each test runs in a savepoint inside this transaction; it is rolled back after the module.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def translate(page, **french):
    fr_page = page.copy_for_translation(Locale.objects.get(language_code="fr"))
    for name, value in french.items():
        setattr(fr_page, name, value)
    fr_page.save_revision().publish()
    return fr_page.specific


def add_page(parent, page, **french):
    parent["en"].add_child(instance=page)
    page.save_revision().publish()
    return {"en": page, "fr": translate(page, **french)}


def build_site() -> DemoContext:
    """Build the minimal bilingual site the record pages live in.

    Locales en and fr, the EN home page as the default site's root with its FR translation, and
    under each a "structure" page holding a bare "plain" page (what a page costs without records).
    """
    Locale.objects.get_or_create(language_code="en")
    Locale.objects.get_or_create(language_code="fr")
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="CIOR", slug="home"))
    home.save_revision().publish()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    homes = {"en": home, "fr": translate(home, slug="accueil")}
    structure = add_page(homes, StandardPage(title="Structure", slug="structure"))
    plain = add_page(structure, StandardPage(title="Plain", slug="plain"))
    return DemoContext(homes=homes, pages={"structure": structure, "plain": plain})
