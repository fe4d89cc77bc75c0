from modeltranslation.translator import TranslationOptions, register

from .models import Committee, PresidencyTerm

# English is required where the field is; French may wait (English shows meanwhile).


@register(Committee)
class CommitteeTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "description", "main_product")
    required_languages = ("en",)


@register(PresidencyTerm)
class PresidencyTermTranslationOptions(TranslationOptions):
    fields = ("description",)
    required_languages = ("en",)
