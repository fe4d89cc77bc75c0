"""URLs for the fault tests: views that fail as the database or the disk fail."""

import errno

from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError
from django.http import HttpResponse
from django.urls import path


def database_down(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: refused')


def disk_full(request):
    raise OSError(errno.ENOSPC, "No space left on device")


def bug(request):
    raise ValueError("a bug, not a fault of what the site stands on")


def session_read(request):
    request.session.get("anything")
    return HttpResponse("never")


urlpatterns = i18n_patterns(
    path("database-down/", database_down),
    path("disk-full/", disk_full),
    path("bug/", bug),
    path("session/", session_read),
)

handler500 = "core.views.server_error"
