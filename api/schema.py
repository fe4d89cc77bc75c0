"""How drf-spectacular documents the API: our paths only, and the nation token scheme."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


def only_api_v1(endpoints, **kwargs):
    """Keep /api/v1/ (Wagtail's admin API and wagtail-localize's are not ours to publish)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class NationTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.NationTokenAuthentication"
    name = "nationToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A nation's API token, made by its head of delegation on the "
            "delegation pages (API tokens).",
        }
