from modeltranslation.translator import TranslationOptions, register

from .models import Nation


@register(Nation)
class NationTranslationOptions(TranslationOptions):
    fields = ("name",)
