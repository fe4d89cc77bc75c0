"""One view returning the home page's bytes through the project's middleware stack, and the
project's own URLs after it (bench/side_by_side.py)."""

import os
from pathlib import Path

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path

from cior.urls import urlpatterns as project_urls

BODY = Path(os.environ["CIOR_BARE_BODY"]).read_bytes()


def bare(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = i18n_patterns(path("bare/", bare)) + project_urls
