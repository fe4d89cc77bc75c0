"""The site's URLs, plus the media files a web server serves in production."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from cior import urls as site_urls

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urls.urlpatterns,
]
handler404 = site_urls.handler404
handler500 = site_urls.handler500
