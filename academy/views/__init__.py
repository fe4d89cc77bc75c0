"""The Language Academy and YRO pages (/<lang>/academy/): public, the programme managers' (the
presidency, the CLA director, the YRO-C chair), and the delegations' (own nations only).

Scope comes from the permission rules (academy/rules.py) and `visible_to(user)`: a record
outside the user's scope answers 404, by any route. Changes are POST-only and go through
academy.services; a refused change comes back as a message in the user's language, nothing
changed.
"""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme


def add_errors(form, error: ValidationError):
    """Show a service's ValidationError on the form, by field where the form has the field."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def file_response(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    add_never_cache_headers(response)  # personal data: no shared or browser cache keeps it
    return response


def next_url(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return default
