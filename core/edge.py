"""The edge cache's purge (deploy/nginx/cior.conf), sent once the transaction commits.

Wagtail purges a page from its signal handlers, inside the transaction that publishes it; the
edge answers a PURGE by fetching the page again from an app server, which must then see the
committed page, not the one before.

A PURGE therefore costs a page render (some 10-40 ms), and one edit may purge dozens of URLs
(a title in the menu: every page, in both languages). Sent one after the other, the last of
them would be refreshed seconds after the first; they are sent a few at a time, in the order
given (the edited page first), so that the edge holds the new pages sooner.
"""

from concurrent.futures import ThreadPoolExecutor

from django.db import transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend


class OnCommitHTTPBackend(HTTPBackend):
    """Wagtail's HTTP purge backend, deferred to the commit (at once outside a transaction);
    a batch is sent `CONCURRENCY` requests at a time (4 by default, 1 for one at a time)."""

    def __init__(self, params):
        params = dict(params)
        self.concurrency = max(1, int(params.pop("CONCURRENCY", 4)))
        super().__init__(params)

    def purge(self, url):
        send = super().purge
        transaction.on_commit(lambda: send(url))

    def purge_batch(self, urls):
        urls = list(urls)
        if not urls:
            return
        send = super().purge

        def send_all():
            # One worker sends them one after the other, in order.
            with ThreadPoolExecutor(max_workers=min(self.concurrency, len(urls))) as pool:
                for _ in pool.map(send, urls):  # map re-raises a request's error here
                    pass

        transaction.on_commit(send_all)
