"""The judge's offline mode: land obstacle times entered with the network off are kept on the
phone, sent when it returns, and shown on the public live results; a result changed meanwhile
is shown side by side with the judge's entry, to choose."""

import pytest
from playwright.sync_api import expect

from tests_browser.test_delegation import log_in

pytestmark = pytest.mark.browser

LAND = "/en/milcomp/judge/2027/land/"  # published: each change gives a reason


@pytest.fixture(scope="module")
def judge_cookies(browser, site_url):
    """The judge's session, signed in once (TOTP) for this module's tests."""
    context = browser.new_context(base_url=site_url, locale="en-GB")
    log_in(context.new_page(), "judge@example.org")
    cookies = context.cookies()
    context.close()
    return cookies


@pytest.fixture
def judge_page(page, judge_cookies):
    page.context.add_cookies(judge_cookies)
    page.goto(LAND)
    # The service worker controls the page and keeps it with its files.
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    return page


def enter_land(team, time, reason):
    if team.locator("details").get_attribute("open") is None:
        team.locator("summary").click()
    team.locator('input[name$="-time"]').fill(time)
    team.locator('input[name$="-failed_obstacles"]').fill("0")
    team.locator('input[name$="-reason"]').fill(reason)
    team.locator(".entry-form__save").click()


def version(team):
    return int(team.locator(".entry-team__version").inner_text().split()[-1])


@pytest.mark.parametrize("viewport", ["phone"])
def test_entries_made_offline_are_sent_when_the_network_returns(judge_page, viewport):
    page = judge_page
    teams = [page.locator(".entry-team").nth(index) for index in range(3)]
    names = [team.locator(".entry-team__name").inner_text() for team in teams]
    before = [version(team) for team in teams]
    times = ["5:11", "5:12", "5:13"]

    page.context.set_offline(True)
    expect(page.locator("[data-offline]")).to_contain_text("No network")
    for team, time in zip(teams, times, strict=True):
        enter_land(team, time, "Obstacle sheets typed in at the course")
        expect(team.locator("[data-pending]")).to_have_text("Not sent yet")
    expect(page.locator("[data-offline]")).to_contain_text("Entries not sent yet: 3")
    # A reload without network: the kept page, and the entries still waiting on the phone.
    page.reload()
    expect(page.locator("[data-pending]")).to_have_count(3)
    expect(teams[1].locator('input[name$="-time"]')).to_have_value("5:12")

    page.context.set_offline(False)
    expect(page.locator("[data-pending]")).to_have_count(0)
    expect(page.locator("[data-offline]")).to_be_hidden()
    for team, time, old in zip(teams, times, before, strict=True):
        expect(team.locator("[data-saved-values]")).to_contain_text(f"Time {time}")
        expect(team.locator(".entry-team__version")).to_have_text(f"version {old + 1}")

    page.goto("/en/milcomp/results/2027/discipline/land/")
    for name, time in zip(names, times, strict=True):
        expect(page.locator(f'tr[data-team="{name}"]')).to_contain_text(time)


def test_result_changed_meanwhile_is_shown_side_by_side_to_choose(
    judge_page, browser, site_url, judge_cookies, console
):
    page = judge_page
    team = page.locator(".entry-team").nth(4)
    before = version(team)
    page.context.set_offline(True)
    enter_land(team, "7:07", "Re-timed from the video")
    expect(team.locator("[data-pending]")).to_have_text("Not sent yet")

    # Meanwhile another device of the jury's saves this team (through the same service).
    other = browser.new_context(base_url=site_url, locale="en-GB")
    other.add_cookies(judge_cookies)
    other_page = other.new_page()
    other_page.goto(LAND)
    other_team = other_page.locator(".entry-team").nth(4)
    enter_land(other_team, "6:06", "Stopwatch of the second judge")
    expect(other_team.locator(".entry-team__version")).to_have_text(f"version {before + 1}")
    other.close()

    page.context.set_offline(False)
    conflict = team.locator("[data-conflict]")
    expect(conflict.locator('[data-side="yours"]')).to_contain_text("Time 7:07")
    expect(conflict.locator('[data-side="server"]')).to_contain_text("Time 6:06")
    expect(conflict.locator('[data-side="server"]')).to_contain_text(f"version {before + 1}")
    expect(team.locator("[data-saved-values]")).not_to_contain_text("7:07")  # nothing overwritten

    conflict.get_by_role("button", name="Keep mine").click()
    expect(conflict).to_have_count(0)
    expect(team.locator("[data-pending]")).to_have_count(0)
    expect(team.locator("[data-saved-values]")).to_contain_text("Time 7:07")
    expect(team.locator(".entry-team__version")).to_have_text(f"version {before + 2}")
    # Chromium logs the one 409 answer as a console error: it is this test's conflict.
    conflicts = [p for p in console.problems if "status of 409 (Conflict)" in p[1]]
    assert len(conflicts) == 1
    console.problems.remove(conflicts[0])


def test_logging_out_asks_about_unsent_entries_then_leaves_nothing_on_the_device(page, console):
    """Its own session (logging out ends it): an entry made offline is counted when the judge
    logs out; cancelling keeps the judge in to send it; confirming deletes the kept pages, the
    service worker and the entries."""
    log_in(page, "judge@example.org")
    page.goto(LAND)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    team = page.locator(".entry-team").nth(6)
    page.context.set_offline(True)
    enter_land(team, "8:08", "Typed in at the course")
    expect(team.locator("[data-pending]")).to_have_text("Not sent yet")

    def log_out(accept):
        # Answered by a handler as soon as it shows: a confirm still open when the click looks
        # for the navigations it started blocks the page, and the click waits until it times
        # out (CI, stop 20).
        def answer(dialog):
            dialog.accept() if accept else dialog.dismiss()

        page.once("dialog", answer)
        with page.expect_event("dialog") as shown:
            page.get_by_role("button", name="Log out").click()
        return shown.value.message

    question = log_out(accept=False)
    assert question == (
        "Results entered on this device and not sent yet: 1. Logging out deletes them from "
        "this device. Log out anyway?"
    )
    expect(page.locator("[data-pending]")).to_have_count(1)  # still here, still logged in

    page.context.set_offline(False)
    expect(page.locator("[data-pending]")).to_have_count(0)  # sent
    page.route("**/entry.json", lambda route: route.abort())  # online, but it cannot be sent
    enter_land(team, "8:09", "Second thoughts")
    expect(team.locator("[data-pending]")).to_have_text("Not sent yet")
    assert log_out(accept=True) == question
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)

    left = page.evaluate(
        """async () => ({
            databases: (await indexedDB.databases()).map((db) => db.name),
            caches: await caches.keys(),
            workers: (await navigator.serviceWorker.getRegistrations()).length,
        })"""
    )
    assert left == {"databases": [], "caches": [], "workers": 0}
    # Chromium logs the aborted sends as console errors: they are this test's.
    aborted = [p for p in console.problems if "entry.json" in p[0] and "ERR_FAILED" in p[1]]
    assert aborted
    for problem in aborted:
        console.problems.remove(problem)
