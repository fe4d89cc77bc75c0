"""Every public page type: no serious accessibility violation (axe), no console error.

Console errors and CSP violations fail every browser test (see the `page` fixture); here they
are checked for each public page type by name.
"""

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests_browser.site_pages import NOT_FOUND_PAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}
AXE_OPTIONS = {"resultTypes": ["violations", "incomplete"]}
axe = Axe()


def visit(page, console, site_url, site_map, name):
    """Open the public page type `name` (skip when the demo has none yet); check its status."""
    path = PUBLIC_PAGES[name](site_map)
    expected_status = 404 if name in NOT_FOUND_PAGES else 200
    if expected_status == 404:
        console.expected_404s.add(f"{site_url}{path}")
    response = page.goto(path)
    assert response.status == expected_status, f"{path} answered {response.status}"
    heading = page.locator("h1")
    expect(heading).to_have_count(1)
    if expected_status == 404:
        expect(heading).to_have_text("Page not found")
    else:
        assert heading.inner_text().strip()
    return path


def describe(violations):
    """Return each violation's rule, impact and help, and the targets of its nodes."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {' '.join(node['target'])}" for node in violation["nodes"])
    return "\n".join(lines)


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_logs_no_error_and_has_no_serious_axe_violation(
    page, console, site_url, site_map, name, artifacts_dir
):
    path = visit(page, console, site_url, site_map, name)
    assert console.unexpected() == [], "console errors or CSP violations"
    assert page.evaluate("window.__cspViolations") == []

    results = axe.run(page, options=AXE_OPTIONS).response

    slug = re.sub(r"\W+", "-", name).strip("-")
    report = artifacts_dir / "axe" / f"{slug}.json"
    report.parent.mkdir(exist_ok=True)
    # Everything axe found, and what it could not decide (e.g. text over images), for a person.
    found = {key: results[key] for key in ("violations", "incomplete")}
    report.write_text(json.dumps({"path": path, **found}, indent=1))
    assert results["passes"], "axe checked nothing"
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe on {path}:\n{describe(blocking)}"


@pytest.mark.parametrize("viewport", ["phone"])
def test_home_page_with_open_phone_menu_has_no_serious_accessibility_violation(page):
    page.goto("/en/")
    page.locator("[data-nav-toggle]").click()

    results = axe.run(page).response

    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe on /en/ (phone, menu open):\n{describe(blocking)}"
