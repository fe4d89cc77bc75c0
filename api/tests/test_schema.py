"""The OpenAPI schema validates, and its docs page opens without inline script."""

import pytest
import yaml
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def test_schema_validates_as_openapi_3(api):
    response = api.get("/api/v1/schema/")
    schema = yaml.safe_load(response.content)
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/events/" in schema["paths"]
    assert "/api/v1/milcomp/competitions/{slug}/rankings/" in schema["paths"]
    assert "/api/v1/nation/events/{slug}/registrations/" in schema["paths"]
    assert not [path for path in schema["paths"] if not path.startswith("/api/v1/")]
    assert schema["components"]["securitySchemes"]["nationToken"]["scheme"] == "bearer"


def test_docs_page_loads_swagger_from_our_static_files(client):
    response = client.get("/api/v1/docs/")
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert '<script src="/api/v1/docs/?script="></script>' in html
    assert "<script>" not in html and "<style" not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
    script = client.get("/api/v1/docs/?script=")
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()
