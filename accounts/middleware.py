"""Two-factor authentication is required for every account with a staff role."""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import rules as access


def needs_two_factor(user) -> bool:
    """Return whether `user` must use TOTP: superusers, Django staff and staff roles."""
    return bool(
        user.is_authenticated and (user.is_superuser or user.is_staff or access.is_staff_role(user))
    )


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffTwoFactorMiddleware:
    """Send a staff user without a TOTP authenticator to the activation page.

    Only the account pages (/accounts/: activation, logout, password), static files and media
    stay open until the authenticator is activated.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            needs_two_factor(request.user)
            and not self._is_open(request.path_info)
            and not has_totp(request.user)
        ):
            messages.warning(
                request,
                _(
                    "Your account has a staff role: activate two-factor authentication "
                    "with an authenticator app before you continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _is_open(self, path):
        from django.conf import settings

        open_prefixes = (
            reverse("account_login").rsplit("login/", 1)[0],  # /accounts/
            reverse("wagtailadmin_logout"),
            settings.STATIC_URL,
            settings.MEDIA_URL,
            "/i18n/",
            "/favicon.ico",
        )
        return path.startswith(open_prefixes)
