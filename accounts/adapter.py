"""How allauth behaves here: accounts are opened by staff, never by self sign-up."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from . import rules as access


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        """Send staff to the admin after login (unless ?next= says otherwise)."""
        user = request.user
        if user.is_superuser or user.is_staff or access.is_staff_role(user):
            return reverse("wagtailadmin_home")
        return super().get_login_redirect_url(request)
