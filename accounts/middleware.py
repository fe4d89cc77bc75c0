"""Two-factor authentication before anything else, for everyone who must use it."""

import rules
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


def needs_two_factor(user) -> bool:
    """Return whether `user` must use TOTP.

    The permissions named in settings.CIOR_TWO_FACTOR_PERMISSIONS decide: superusers, Django
    staff and staff roles (accounts), MILCOMP judges and jury members (milcomp).
    """
    if not getattr(user, "is_authenticated", False):
        return False
    return any(rules.has_perm(name, user) for name in settings.CIOR_TWO_FACTOR_PERMISSIONS)


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffTwoFactorMiddleware:
    """Send a user who must use TOTP, and has no authenticator yet, to its activation.

    Until it is activated, a password-only session reaches only the activation itself (with
    the password asked again before it), logout, and static files: not the account's e-mail or
    password pages, where a stolen password would become a takeover.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        # The authenticator first: one query answers for everyone who has one.
        if (
            user.is_authenticated
            and not self._is_open(request.path_info)
            and not has_totp(user)
            and needs_two_factor(user)
        ):
            messages.warning(
                request,
                _(
                    "Your account needs two-factor authentication: activate it with an "
                    "authenticator app before you continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _is_open(self, path):
        open_paths = {
            reverse(name)
            for name in (
                "mfa_activate_totp",
                "account_reauthenticate",
                "account_logout",
                "account_login",
                "wagtailadmin_logout",
            )
        }
        open_prefixes = (settings.STATIC_URL, settings.MEDIA_URL, "/i18n/", "/favicon.ico")
        return path in open_paths or path.startswith(open_prefixes)
