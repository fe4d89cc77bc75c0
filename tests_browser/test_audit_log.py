"""The presidency reads the audit log: readable changes, names on one line where they fit."""

import pytest
from playwright.sync_api import expect

from tests_browser.test_delegation import log_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", ["desktop"])
def test_audit_log_shows_readable_changes_and_unbroken_names(page, viewport, artifacts_dir):
    log_in(page, "admin@example.org")

    page.goto("/admin/reports/site-history/")
    table = page.locator("table.audit-log__table")
    expect(table).to_be_visible()
    first_change = table.locator("ul.audit-changes li").first
    first_change.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "audit-log-desktop.png"), full_page=False)

    changes = " ".join(table.locator("td.audit-log__changes").all_inner_texts())
    assert "{'" not in changes and "['" not in changes, changes[:500]
    assert ": " in changes and "→" in changes, changes[:500]
    # The changes column is on screen, not pushed off to the right by the others.
    assert first_change.bounding_box()["x"] < 1280 - 200
    # A name of several words wraps no more than its width needs: never one word a line.
    labels = table.locator(".audit-log__label")
    for index in range(min(labels.count(), 25)):
        label = labels.nth(index)
        words = label.inner_text().split()
        lines = label.evaluate(
            "span => { const r = document.createRange(); r.selectNodeContents(span);"
            " return new Set([...r.getClientRects()].map(rect => Math.round(rect.top))).size; }"
        )
        if len(words) >= 3:
            assert lines < len(words), (words, lines)
        assert label.bounding_box()["width"] >= 190, words
