"""A rate limit per client: per API token when one is sent, else per address.

A fixed window counted in the `counters` cache (settings.CACHES: Redis when configured, else
a small file cache of its own): one increment per request while the window's counter exists,
an `add` when it does not, rather than DRF's default log of every request's time, which grows
with the limit and is rewritten whole on each request. When the cache cannot count (Redis
down), requests are let through and the failure logged: the limit is a protection, not a
dependency.
"""

import logging
import time

from django.core.cache import caches
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken

logger = logging.getLogger(__name__)


def count(counter: str, timeout: int) -> int | None:
    """Add one to `counter` (created for `timeout` seconds); return its value, None if the
    cache cannot say."""
    cache = caches["counters"]
    try:
        try:
            return cache.incr(counter)
        except ValueError:  # no counter yet: this window's first request
            if cache.add(counter, 1, timeout):
                return 1
            return cache.incr(counter)  # another worker created it meanwhile
    except Exception:  # an unreachable cache must not refuse requests
        logger.warning("Rate-limit counter unavailable: request let through.")
        return None


class ClientRateThrottle(SimpleRateThrottle):
    """Allows settings.API_RATE_LIMIT requests per client and window (DRF's rate syntax)."""

    scope = "client"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        now = time.time()
        window = int(now // self.duration)
        self.window_ends = (window + 1) * self.duration
        self.now = now
        requests = count(f"{key}:{window}", self.duration + 1)
        return requests is None or requests <= self.num_requests

    def wait(self):
        return max(1.0, self.window_ends - self.now)
