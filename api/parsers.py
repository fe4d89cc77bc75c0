"""The API's request parser: JSON, refusing a body too large before reading it."""

import io

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser

# A request body above this size is refused before it is read (a batch of registrations is
# far smaller).
MAX_BODY_BYTES = 256 * 1024


class BodyTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = format_lazy(
        gettext_lazy("The request body is larger than {max} kB."), max=MAX_BODY_BYTES // 1024
    )
    default_code = "body_too_large"


class LimitedJSONParser(JSONParser):
    """DRF's JSON parser, refusing a body over MAX_BODY_BYTES before reading it."""

    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        length = request.META.get("CONTENT_LENGTH") if request is not None else None
        try:
            too_large = int(length or 0) > MAX_BODY_BYTES
        except ValueError:
            too_large = True
        if too_large:
            raise BodyTooLarge
        data = stream.read(MAX_BODY_BYTES + 1) if stream is not None else b""
        if len(data) > MAX_BODY_BYTES:
            raise BodyTooLarge
        return super().parse(io.BytesIO(data), media_type, parser_context)
