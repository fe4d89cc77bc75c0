"""What every API view shares: the language asked, conditional GETs (ETag, 304), caching."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

LANGUAGES = [code for code, _name in settings.LANGUAGES]

LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=LANGUAGES,
    description="The language of text fields (else Accept-Language; English by default). "
    "A field without a translation is in English.",
)


def activate_language(request) -> str:
    """Activate `?lang=` when it is a site language, else keep what LocaleMiddleware chose
    from Accept-Language (English by default); return it."""
    asked = request.GET.get("lang", "")
    if asked in LANGUAGES:
        translation.activate(asked)
    language = translation.get_language()
    if language not in LANGUAGES:
        language = settings.LANGUAGE_CODE
        translation.activate(language)
    request.LANGUAGE_CODE = language
    return language


def accepts_gzip(request) -> bool:
    """Whether the client's Accept-Encoding takes gzip (named or `*`, with a q above 0)."""
    for item in request.headers.get("Accept-Encoding", "").split(","):
        coding, _sep, params = item.strip().partition(";")
        if coding.strip().lower() not in ("gzip", "x-gzip", "*"):
            continue
        q = params.strip().lower().removeprefix("q=").strip()
        try:
            return not q or float(q) > 0
        except ValueError:
            return False
    return False


def conditional(request, response):
    """Give a 200 response an ETag (its content's hash unless set) and answer 304 when the
    client's If-None-Match still matches."""
    if response.status_code != 200 or request.method not in ("GET", "HEAD"):
        return response
    if not response.has_header("ETag"):
        set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response) or response


class ApiViewMixin:
    """Language (`?lang=`, Accept-Language), Vary, Cache-Control and ETag/304 for every view."""

    max_age = 60  # public reads may be cached a minute
    private = False

    def initial(self, request, *args, **kwargs):
        activate_language(request)
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ["Accept-Language", "Authorization"])
        if self.private:
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code == 200:
            patch_cache_control(response, public=True, max_age=self.max_age)
        if hasattr(response, "add_post_render_callback") and not response.is_rendered:
            response.add_post_render_callback(lambda rendered: conditional(request, rendered))
        return response
