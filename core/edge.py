"""The edge cache's purge (deploy/nginx/cior.conf), sent once the transaction commits.

Wagtail purges a page from its signal handlers, inside the transaction that publishes it; the
edge answers a PURGE by fetching the page again from an app server, which must then see the
committed page, not the one before.
"""

from django.db import transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend


class OnCommitHTTPBackend(HTTPBackend):
    """Wagtail's HTTP purge backend, deferred to the commit (at once outside a transaction)."""

    def purge(self, url):
        send = super().purge
        transaction.on_commit(lambda: send(url))
