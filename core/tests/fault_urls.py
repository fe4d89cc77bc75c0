"""URLs for the fault tests: views that fail as the database or the disk fail."""

import errno

from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.urls import path


def database_down(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: refused')


def disk_full(request):
    raise OSError(errno.ENOSPC, "No space left on device")


def bug(request):
    raise ValueError("a bug, not a fault of what the site stands on")


def table_missing(request):
    """What a page does while the database is being restored: its tables are not there yet."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM cior_table_not_restored_yet")
    return HttpResponse("never")


def sql_bug(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT no_such_column FROM django_migrations")
    return HttpResponse("never")


def session_read(request):
    request.session.get("anything")
    return HttpResponse("never")


urlpatterns = i18n_patterns(
    path("database-down/", database_down),
    path("disk-full/", disk_full),
    path("bug/", bug),
    path("session/", session_read),
    path("table-missing/", table_missing),
    path("sql-bug/", sql_bug),
)

handler500 = "core.views.server_error"
