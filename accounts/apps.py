from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("People and accounts")


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with our user forms (accounts.users): the documented way."""

    default = False
    user_viewset = "accounts.users.UserViewSet"
