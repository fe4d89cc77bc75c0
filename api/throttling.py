"""A rate limit per client: per API token when one is sent, else per address.

A fixed window counted in the shared cache (`cache.add` then `cache.incr`: two small
operations, atomic on Redis), rather than DRF's default log of every request's time, which
grows with the limit and is rewritten whole on each request.
"""

import time

from django.core.cache import cache
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken


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
        counter = f"{key}:{window}"
        cache.add(counter, 0, self.duration + 1)
        try:
            count = cache.incr(counter)
        except ValueError:  # expired between add and incr: a new window
            cache.set(counter, 1, self.duration + 1)
            count = 1
        return count <= self.num_requests

    def wait(self):
        return max(1.0, self.window_ends - self.now)
