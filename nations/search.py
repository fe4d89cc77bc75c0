"""Nations found by the site search (core.queries.search_records)."""

from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.queries import RecordHit, matching

from .models import Nation, NationsPage


def records(terms):
    nations = list(
        Nation.objects.active().filter(matching(terms, "name_en", "name_fr", "code"))[:10]
    )
    if not nations:
        return []
    page = NationsPage.objects.live().filter(locale=Locale.get_active()).first()
    base = page.url if page else ""
    return [
        RecordHit(
            kind=_("Member nation"),
            title=nation.name,
            url=f"{base}#nation-{nation.code.lower()}" if base else "",
            summary=nation.get_membership_display(),
        )
        for nation in nations
    ]
