"""What every template may use: `fragments`, for `{% cache %}` fragments of the content.

    {% cache fragments.seconds "home-news" fragments.generation LANGUAGE_CODE fragments.day %}

A fragment is keyed by the page generation (core.cache: every change of the content moves it),
so it shows an edit at once; without a generation `fragments.seconds` is 0 and nothing is kept.
Read lazily: a template without a fragment costs nothing.
"""

from django.utils import timezone
from django.utils.functional import cached_property

from . import cache as page_cache


class Fragments:
    def __init__(self, request):
        self.request = request

    @cached_property
    def generation(self) -> str:
        return page_cache.generation(self.request) or ""

    @cached_property
    def seconds(self) -> int:
        return page_cache.fragment_seconds(self.request)

    @property
    def day(self) -> str:
        """Today (what is upcoming changes at midnight)."""
        return timezone.localdate().isoformat()


def fragments(request):
    return {"fragments": Fragments(request)}
