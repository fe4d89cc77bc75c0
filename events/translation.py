from modeltranslation.translator import TranslationOptions, register

from .models import Event, ProgrammeItem

# English is required; French may wait (the English shows meanwhile).


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "city", "venue", "visa_signatory_title")
    required_languages = ("en",)


@register(ProgrammeItem)
class ProgrammeItemTranslationOptions(TranslationOptions):
    fields = ("title", "location")
    required_languages = ("en",)
