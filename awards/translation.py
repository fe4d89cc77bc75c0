from modeltranslation.translator import TranslationOptions, register

from .models import Nomination


@register(Nomination)
class NominationTranslationOptions(TranslationOptions):
    # The citation is read out and printed in both official languages: both are required.
    fields = ("citation",)
    required_languages = ("en", "fr")
