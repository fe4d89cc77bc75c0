"""The API token's audit action, shown in the admin's history and Reports → Site history."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts import audit


@hooks.register("register_log_actions")
def register_api_token_action(actions):
    audit.register_action(actions, "cior.api_token", _("API token"), _("API token changed"))
