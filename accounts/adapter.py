"""How allauth behaves here: accounts are opened by staff, never by self sign-up."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        """Send everyone to their role's first page (accounts.views.home), unless ?next= says
        otherwise: the admin for the confederation's staff, the nation's home for its heads of
        delegation and staff, the disciplines for judges."""
        return reverse("role_home")
