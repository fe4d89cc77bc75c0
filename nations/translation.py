from modeltranslation.translator import TranslationOptions, register

from .models import Association, Nation


@register(Nation)
class NationTranslationOptions(TranslationOptions):
    fields = ("name",)
    # English is required where the field is; French may wait (English shows meanwhile).
    required_languages = ("en",)


@register(Association)
class AssociationTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
