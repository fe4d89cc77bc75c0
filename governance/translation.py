from modeltranslation.translator import TranslationOptions, register

from .models import Committee, PresidencyTerm


@register(Committee)
class CommitteeTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "description", "main_product")


@register(PresidencyTerm)
class PresidencyTermTranslationOptions(TranslationOptions):
    fields = ("description",)
