from modeltranslation.translator import TranslationOptions, register

from .models import Competition

# English is required; French may wait (the English shows meanwhile).


@register(Competition)
class CompetitionTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)
