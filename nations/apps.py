from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationsConfig(AppConfig):
    name = "nations"
    verbose_name = _("Nations")
