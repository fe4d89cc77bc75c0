"""Errors as RFC 9457 problem details (`application/problem+json`), and the request parser.

Every refusal of the API answers a JSON object with `type`, `title`, `status` and `detail`
(in the language asked), plus `errors` {field: [messages]} for invalid input; nothing is
changed. A service's ValidationError and PermissionDenied become 400 and 403 problems, as
DRF's own exceptions do.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: gettext_lazy("Invalid request"),
    401: gettext_lazy("Authentication required"),
    403: gettext_lazy("Forbidden"),
    404: gettext_lazy("Not found"),
    405: gettext_lazy("Method not allowed"),
    406: gettext_lazy("Not acceptable"),
    413: gettext_lazy("Request body too large"),
    415: gettext_lazy("Unsupported media type"),
    429: gettext_lazy("Too many requests"),
}
TYPES = {
    400: "invalid-request",
    401: "not-authenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    413: "body-too-large",
    415: "unsupported-media-type",
    429: "too-many-requests",
}


def problem(status_code: int, detail, *, errors=None, type_=None) -> dict:
    """Return the problem details body for `status_code`."""
    body = {
        "type": f"/api/v1/problems/{type_ or TYPES.get(status_code, 'error')}",
        "title": str(TITLES.get(status_code, _("Error"))),
        "status": status_code,
        "detail": str(detail),
    }
    if errors:
        body["errors"] = errors
    return body


def _flatten(detail):
    """DRF's error detail (nested lists and dicts of ErrorDetail) as plain JSON."""
    if isinstance(detail, dict):
        return {str(key): _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_flatten(item) for item in detail]
    return str(detail)


def _from_django(exc):
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            return exceptions.ValidationError(exc.message_dict)
        return exceptions.ValidationError({"non_field_errors": exc.messages})
    return exc


def exception_handler(exc, context):
    """DRF's exception handler, answering problem details (see the module)."""
    exc = _from_django(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(data if isinstance(data, dict) else {"non_field_errors": data})
        body = problem(400, _("The request is not valid: see errors."), errors=errors)
    else:
        detail = data.get("detail", "") if isinstance(data, dict) else data
        body = problem(response.status_code, _flatten(detail))
    problem_response = Response(body, status=response.status_code, content_type=CONTENT_TYPE)
    for header in ("Retry-After", "WWW-Authenticate", "Allow"):
        if header in response:
            problem_response[header] = response[header]
    return problem_response


def not_found(request, *args, **kwargs):
    """A path under /api/ that names nothing: a 404 problem (not the site's HTML page)."""
    return JsonResponse(
        problem(404, _("No such endpoint: see /api/v1/schema/.")),
        status=404,
        content_type=CONTENT_TYPE,
    )
