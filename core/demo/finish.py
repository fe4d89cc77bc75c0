"""Demo loader, last step: partners, the demo administrator, French tree sync, search index."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from core.models import Partner, PartnersPage

from . import seed_content
from .pages import add_translated_page

DEMO_ADMIN = {"username": "admin", "password": "cior-demo", "email": "admin@example.org"}


def load(context):
    _partners(context)
    _admin(context)
    _sync_french_tree(context)
    if context.created:
        call_command("update_index", verbosity=0)


def _partners(context):
    spec = seed_content.RECORD_PAGES["partners"]
    add_translated_page(
        context,
        "partners",
        context.homes,
        PartnersPage,
        en={"title": spec["title"]["en"], "slug": spec["slug"]["en"], "intro": spec["intro"]["en"]},
        fr={"title": spec["title"]["fr"], "slug": spec["slug"]["fr"], "intro": spec["intro"]["fr"]},
        common={"show_in_menus": True},
    )
    for order, partner in enumerate(seed_content.PARTNERS):
        _, created = Partner.objects.update_or_create(
            acronym=partner["acronym"],
            defaults={
                "sort_order": order,
                "name_en": partner["name"]["en"],
                "name_fr": partner["name"]["fr"],
                "description_en": partner["description"]["en"],
                "description_fr": partner["description"]["fr"],
                "url": partner.get("url", ""),
            },
        )
        if created:
            context.log(f"partner {partner['acronym']}")


def _admin(context):
    User = get_user_model()
    if not User.objects.filter(username=DEMO_ADMIN["username"]).exists():
        User.objects.create_superuser(**DEMO_ADMIN)
        context.log("demo administrator")


def _sync_french_tree(context):
    """Keep the French tree in step with the English one: untranslated pages show English."""
    en = Locale.objects.get(language_code="en")
    fr = Locale.objects.get(language_code="fr")
    sync, created = LocaleSynchronization.objects.get_or_create(
        locale=fr, defaults={"sync_from": en}
    )
    if created:
        context.log("French tree synchronised from English")
    sync.sync_trees()
