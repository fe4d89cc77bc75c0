from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Committee, CouncilMeeting, Motion, PresidencyTerm

# English is required where the field is; French may wait (English shows meanwhile).


@register(Committee)
class CommitteeTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "description", "main_product")
    required_languages = ("en",)


@register(PresidencyTerm)
class PresidencyTermTranslationOptions(TranslationOptions):
    fields = ("description",)
    required_languages = ("en",)


@register(CouncilMeeting)
class CouncilMeetingTranslationOptions(TranslationOptions):
    fields = ("title", "place")
    required_languages = ("en",)


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)


@register(Motion)
class MotionTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("en",)
