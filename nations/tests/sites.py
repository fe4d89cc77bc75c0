"""Test sites built once per test module (like Django's setUpTestData) to keep the suite fast."""

from wagtail.models import Locale, Page, Site

from conftest import add_translated, kept_for_module, translate
from core.demo.pages import DemoContext
from core.models import HomePage, StandardPage


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
    structure = add_translated(homes, StandardPage(title="Structure", slug="structure"))
    plain = add_translated(structure, StandardPage(title="Plain", slug="plain"))
    return DemoContext(homes=homes, pages={"structure": structure, "plain": plain})


__all__ = ["build_site", "kept_for_module"]
