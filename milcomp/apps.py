from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MilcompConfig(AppConfig):
    name = "milcomp"
    verbose_name = _("Military Competition")
