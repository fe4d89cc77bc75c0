"""How allauth behaves here: accounts are opened by staff, never by self sign-up; failed
logins are counted per client address (behind the trusted proxies) and per account there."""

import ipaddress

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse


def client_ip(request) -> str:
    """Return the visitor's address: the one the outermost trusted proxy saw.

    Each of the TRUSTED_PROXY_COUNT proxies appends the address it saw to X-Forwarded-For, so
    the client is that many entries from the end; what comes before was written by the client
    and is not believed. Without trusted proxies, or with a header shorter than promised (a
    request that went around the proxies), the connection's own address is the client.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",")]
    if count and len(forwarded) >= count:
        try:
            return str(ipaddress.ip_address(forwarded[-count]))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        """Send everyone to their role's first page (accounts.views.home), unless ?next= says
        otherwise: the admin for the confederation's staff, the nation's home for its heads of
        delegation and staff, the disciplines for judges."""
        return reverse("role_home")

    def get_client_ip(self, request):
        return client_ip(request)

    def _get_login_attempts_cache_key(self, request, **credentials):
        """Key the per-account limit of failed logins by address and account together.

        allauth keys it by account alone, so five wrong passwords typed by anyone, anywhere,
        would lock the account's owner out; the per-address limit still bounds a guesser.
        allauth offers no public hook for this key: it is the one method to override, and
        the password reset clears the same key through it.
        """
        account_key = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{self.get_client_ip(request)}:{account_key}"
