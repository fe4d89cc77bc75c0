"""MILCOMP live results: a judge enters rifle results on a phone while public pages, open in
another browser, show the overall and category rankings change without a reload."""

import re

import pytest
from playwright.sync_api import expect

from tests_browser.conftest import CSP_RECORDER, VIEWPORTS
from tests_browser.test_delegation import log_in

pytestmark = pytest.mark.browser

# Another team than test_milcomp_judge's (the last one), other values.
RIFLE = [[10, 10, 10, 10, 10], [9, 9, 9, 9, 9], [8, 8, 8, 8, 8]]
RAPID = [6, 5, 4]
RIFLE_POINTS = 8 * sum(map(sum, RIFLE)) + 30 * sum(RAPID)  # 1080 + 450
LIVE_TIMEOUT = 20_000  # polls every 5 s; the machine may be busy


@pytest.fixture
def viewer(browser, site_url, console):
    """A public visitor's page in its own browser (context), on a desktop screen."""
    context = browser.new_context(base_url=site_url, locale="en-GB", **VIEWPORTS["desktop"])
    context.add_init_script(CSP_RECORDER)
    viewer = context.new_page()
    viewer.set_default_timeout(10_000)
    viewer.on(
        "console",
        lambda message: (
            console.problems.append((viewer.url, message.text)) if message.type == "error" else None
        ),
    )
    viewer.on("pageerror", lambda error: console.problems.append((viewer.url, f"Uncaught {error}")))
    yield viewer
    assert viewer.evaluate("window.__cspViolations") == []
    context.close()


def log_in_as_judge(page):
    log_in(page, "judge@example.org")  # judges use TOTP too
    page.goto("/en/milcomp/judge/2027/shooting/")
    expect(page).to_have_url(re.compile(r"/en/milcomp/judge/2027/shooting/$"))


def total(viewer, team_name):
    return viewer.locator(f'tr[data-team="{team_name}"] [data-total]')


@pytest.mark.parametrize("viewport", ["phone"])
def test_live_rankings_change_without_reload_when_a_judge_saves_rifle_results(
    page, viewport, viewer, browser, site_url
):
    log_in_as_judge(page)
    # The demo left the rifle series of the second half of the start order to be entered.
    teams = page.locator(".entry-team")
    team = teams.nth(teams.count() - 2)
    team_name = team.locator(".entry-team__name").inner_text()

    polls = []
    viewer.on(
        "response",
        lambda response: polls.append(response) if response.url.endswith("/live/") else None,
    )
    viewer.goto("/en/milcomp/results/2027/")
    expect(viewer.locator("[data-results-banner]")).to_contain_text("PROVISIONAL RESULTS")
    before = int(total(viewer, team_name).inner_text())
    category = viewer.locator(f'tr[data-team="{team_name}"] [data-category]').get_attribute(
        "data-category"
    )
    ranking = viewer.context.new_page()
    ranking.goto(f"/en/milcomp/results/2027/category/{category}/")
    expect(total(ranking, team_name)).to_have_text(str(before))
    # Mark both documents: a reload would lose the marks.
    for public_page in (viewer, ranking):
        public_page.evaluate("window.__notReloaded = true")
    # Unchanged polls are revalidated: the first poll stores the fragment with its ETag, the
    # next ones send If-None-Match and get 304 Not Modified; nothing is swapped in again.
    for _ in range(30):
        if len(polls) >= 2:
            break
        viewer.wait_for_timeout(500)
    assert len(polls) >= 2, "the page did not poll its live fragment"
    etag = polls[0].header_value("etag")
    assert polls[1].request.header_value("if-none-match") == etag
    # (The browser hands the stored copy to htmx as a 200: ask the server directly.)
    revalidated = viewer.request.get(polls[0].url, headers={"If-None-Match": etag})
    assert revalidated.status == 304

    team.locator("summary").click()
    for m, (rings, hits) in enumerate(zip(RIFLE, RAPID, strict=True)):
        for k, ring in enumerate(rings, start=1):
            team.locator(f'input[name$="-m{m}_rifle_{k}"]').fill(str(ring))
        team.locator(f'input[name$="-m{m}_rifle_rapid"]').fill(str(hits))
    team.get_by_role("button", name=f"Save {team_name}").click()
    expect(page.locator(".flash--success")).to_have_text(f"{team_name} saved.")

    expected = str(before + RIFLE_POINTS)
    expect(total(viewer, team_name)).to_have_text(expected, timeout=LIVE_TIMEOUT)
    expect(total(ranking, team_name)).to_have_text(expected, timeout=LIVE_TIMEOUT)
    for public_page in (viewer, ranking):
        assert public_page.evaluate("window.__notReloaded") is True
        expect(public_page.locator("[data-results-banner]")).to_contain_text("PROVISIONAL")
    # The rankings are in the new order: totals never increase down the table.
    totals = [int(text) for text in viewer.locator("tr[data-team] [data-total]").all_inner_texts()]
    ranked = totals[: len(totals) - viewer.locator("tr.results-row--dsq").count()]
    assert ranked == sorted(ranked, reverse=True)
