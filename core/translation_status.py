"""What is not translated into French yet: records with empty French fields, untranslated pages."""

from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, Subquery
from modeltranslation.translator import translator
from wagtail.models import Locale, Page


@dataclass
class MissingField:
    model: str
    obj: object
    fields: list


def records_missing_french():
    """Return the records with an English text whose French counterpart is empty.

    Walks every model registered for per-field translation, so new apps are covered without
    being named here. One query per registered model.
    """
    missing = []
    for model in translator.get_registered_models(abstract=False):
        if model._meta.proxy:
            continue
        fields = list(translator.get_options_for_model(model).fields)
        condition = Q()
        for name in fields:
            condition |= ~Q(**{f"{name}_en": ""}) & (
                Q(**{f"{name}_fr": ""}) | Q(**{f"{name}_fr__isnull": True})
            )
        for obj in model._default_manager.filter(condition).order_by("pk"):
            empty = [
                str(model._meta.get_field(f"{name}_fr").verbose_name)
                for name in fields
                if getattr(obj, f"{name}_en") and not getattr(obj, f"{name}_fr")
            ]
            missing.append(MissingField(str(model._meta.verbose_name), obj, empty))
    return missing


def pages_missing_french():
    """Return the English pages that have no French translation, or only an alias of English."""
    fr = Locale.objects.filter(language_code="fr").first()
    en = Locale.objects.filter(language_code="en").first()
    if fr is None or en is None:
        return []
    translated = Page.objects.filter(locale=fr, alias_of__isnull=True).values("translation_key")
    return list(
        Page.objects.filter(locale=en, depth__gt=1)
        .exclude(translation_key__in=translated)
        .order_by("path")
    )


def pages_with_outdated_french():
    """Return the English pages published again after their French translation was, in one query."""
    fr = Locale.objects.filter(language_code="fr").first()
    en = Locale.objects.filter(language_code="en").first()
    if fr is None or en is None:
        return []
    french_published = Page.objects.filter(
        locale=fr, alias_of__isnull=True, translation_key=OuterRef("translation_key")
    ).values("last_published_at")[:1]
    return list(
        Page.objects.filter(locale=en, depth__gt=1, live=True)
        .annotate(french_published_at=Subquery(french_published))
        .filter(french_published_at__lt=F("last_published_at"))
        .order_by("path")
    )
