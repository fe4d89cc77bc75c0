"""The API's docs page: Swagger UI from drf-spectacular-sidecar's static files (no CDN).

drf-spectacular's split view serves its start-up script as a file of its own (`?script`), and
our template links a stylesheet instead of the inline style of drf-spectacular's: the page
needs no inline script or style, and the site's strict CSP holds unchanged.
"""

from drf_spectacular.views import SpectacularSwaggerSplitView


class SwaggerView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"
    throttle_classes = []
