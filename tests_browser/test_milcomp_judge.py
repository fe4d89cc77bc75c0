"""A MILCOMP judge enters rifle results on a phone: saved per team, shown as provisional."""

import re

import pytest
from playwright.sync_api import expect

from tests_browser.test_delegation import log_in

pytestmark = pytest.mark.browser

RIFLE = [[10, 9, 10, 8, 9], [9, 9, 8, 10, 7], [10, 10, 9, 9, 8]]
RAPID = [5, 6, 4]


@pytest.mark.parametrize("viewport", ["phone"])
def test_judge_enters_rifle_results_for_a_team_on_a_phone(page, viewport):
    log_in(page, "judge@example.org")  # judges use TOTP too
    page.goto("/en/milcomp/judge/")

    page.get_by_role("link", name="Shooting", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/milcomp/judge/2027/shooting/$"))
    expect(page.locator("[data-discipline-state]")).to_have_text("Open: results being entered")
    # The demo left the rifle series of the second half of the start order to be entered.
    team = page.locator(".entry-team").last
    team_name = team.locator(".entry-team__name").inner_text()
    team.locator("summary").click()
    for m, (rings, hits) in enumerate(zip(RIFLE, RAPID, strict=True)):
        for k, ring in enumerate(rings, start=1):
            team.locator(f'input[name$="-m{m}_rifle_{k}"]').fill(str(ring))
        team.locator(f'input[name$="-m{m}_rifle_rapid"]').fill(str(hits))
    team.get_by_role("button", name=f"Save {team_name}").click()

    # Sent by the page's offline mode (judge-offline.js): no reload, the team shows what was saved.
    expect(page.locator(".flash--success")).to_have_text(f"{team_name} saved.")
    saved = page.locator(".entry-team").filter(has_text=team_name)
    expect(saved.locator("[data-result-state]")).to_have_text("Provisional")
    expect(saved.locator("[data-saved-values]")).to_contain_text("rifle 10 9 10 8 9, rapid 5")
    expect(saved.locator("[data-saved-values]")).to_contain_text("rifle 10 10 9 9 8, rapid 4")
    expect(saved.locator('input[name$="-m1_rifle_5"]')).to_have_value("7")
    expect(saved.locator('input[name$="-m1_rifle_rapid"]')).to_have_value("6")
    expect(saved.locator(".entry-team__version")).to_have_text("version 2")
