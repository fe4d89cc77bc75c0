"""Helpers for the demo loader: create a page in English and its French translation once."""

from dataclasses import dataclass, field

from wagtail.models import Locale, Page


@dataclass
class DemoContext:
    """What the demo loaders share: the two home pages and the pages made so far, by key."""

    homes: dict = field(default_factory=dict)  # {"en": HomePage, "fr": HomePage}
    pages: dict = field(default_factory=dict)  # {key: {"en": Page, "fr": Page}}
    stdout: object = None
    created: list = field(default_factory=list)

    def log(self, message):
        self.created.append(message)
        if self.stdout is not None:
            self.stdout.write(f"  {message}")


def publish(page):
    page.save_revision().publish()
    return page


def add_translated_page(context, key, parents, model, *, en, fr, common=None):
    """Create `model` under parents["en"] and its translation under parents["fr"], once.

    `en` and `fr` are the field values of each language (title and slug included), `common`
    those shared by both. Existing pages (found by slug under the parent) are left as they are.
    Returns {"en": page, "fr": page} and records it in context.pages[key].
    """
    common = common or {}
    result = {}
    en_page = parents["en"].get_children().filter(slug=en["slug"]).specific().first()
    if en_page is None:
        en_page = model(**common, **en)
        parents["en"].add_child(instance=en_page)
        publish(en_page)
        context.log(f"page {en_page.url_path} (en)")
    result["en"] = en_page
    fr_locale = Locale.objects.get(language_code="fr")
    fr_page = en_page.get_translations().filter(locale=fr_locale).specific().first()
    if fr_page is None:
        fr_page = en_page.copy_for_translation(fr_locale, copy_parents=False)
        for name, value in {**common, **fr}.items():
            setattr(fr_page, name, value)
        fr_page.save()
        publish(fr_page)
        context.log(f"page {fr_page.url_path} (fr)")
    result["fr"] = fr_page
    context.pages[key] = result
    return result


def root_page():
    """Return the tree root (Wagtail's migrations make it; create it if a database lacks it)."""
    root = Page.objects.filter(depth=1).first()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    return root
