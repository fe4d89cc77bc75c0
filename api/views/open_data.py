"""Open data downloads under /api/v1/open-data/: JSON or CSV, with the licence."""

from django.http import Http404, HttpResponse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.views import APIView

from .. import open_data
from .base import LANG_PARAMETER, ApiViewMixin
from .public import public_events

FORMATS = {"json": "application/json", "csv": "text/csv; charset=utf-8"}


def _download(content, fmt, name):
    response = HttpResponse(content, content_type=FORMATS[fmt])
    language = translation.get_language()
    response["Content-Disposition"] = f'attachment; filename="cior-{name}-{language}.{fmt}"'
    response["Link"] = f'<{open_data.LICENCE["url"]}>; rel="license"'
    return response


SCHEMA = {
    "parameters": [LANG_PARAMETER],
    "responses": {200: OpenApiResponse(OpenApiTypes.BINARY, description="JSON or CSV")},
}


class EventsDownload(ApiViewMixin, APIView):
    """Every public event, as JSON or CSV (CC BY 4.0)."""

    max_age = 3600

    @extend_schema(summary="Open data: the events calendar", **SCHEMA)
    def get(self, request, fmt):
        if fmt not in FORMATS:
            raise Http404
        data = open_data.events(public_events())
        if fmt == "json":
            return _download(open_data.as_json(data), fmt, "events")
        rows = open_data.event_rows(data)
        return _download(open_data.as_csv(open_data.EVENT_COLUMNS, rows), fmt, "events")


class ResultsDownload(ApiViewMixin, APIView):
    """Every ranking of every past MILCOMP, as JSON or CSV (CC BY 4.0)."""

    max_age = 3600

    @extend_schema(summary="Open data: the MILCOMP results archive", **SCHEMA)
    def get(self, request, fmt):
        if fmt not in FORMATS:
            raise Http404
        archive = open_data.results_archive()
        if fmt == "json":
            return _download(open_data.as_json(archive), fmt, "milcomp-results")
        rows = open_data.result_rows(archive)
        return _download(open_data.as_csv(open_data.RESULT_COLUMNS, rows), fmt, "milcomp-results")
