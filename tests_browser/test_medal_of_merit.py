"""A Medal of Merit nomination from a head of delegation's phone to the public roll: Estonia's
head of delegation nominates a Norwegian officer; the presidency recommends and puts it to the
coming Mid-Winter Meeting's Council (demo data), opens the vote, records every nation's vote
for, closes it; the medal is awarded; with the recipient's consent recorded, the name shows on
the roll in English and French."""

import re

import pytest
from playwright.sync_api import expect

from tests_browser.test_delegation import log_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", ["phone"])
def test_a_nomination_goes_through_the_council_to_the_public_roll(browser, page, viewport):
    log_in(page, "hod.est@example.org")
    page.goto("/en/awards/nominations/new/")
    page.locator("#id_new_first_name").fill("Erik")
    page.locator("#id_new_last_name").fill("Lund")
    page.locator("#id_new_rank_en").fill("Commander")
    page.locator("#id_new_rank_fr").fill("Capitaine de frégate")
    page.locator("#id_new_nation").select_option(label="Norway (NOR)")
    page.locator("#id_citation_en").fill("For thirty years of service to the Nordic reserves.")
    page.locator("#id_citation_fr").fill("Pour trente ans au service des réserves nordiques.")
    page.locator("#id_grounds").fill("Founder of the Nordic reserve officers' forum.")
    page.get_by_role("button", name="Submit the nomination").click()
    expect(page.locator(".messages")).to_contain_text("Your nomination of Erik LUND is submitted")
    expect(page.locator("main")).to_contain_text("In review by the Presidency")
    nomination_url = page.url

    presidency = browser.new_context(base_url=page.url.split("/en/")[0], locale="en-GB")
    admin = presidency.new_page()
    log_in(admin, "admin@example.org")
    admin.goto(nomination_url)
    admin.get_by_role("button", name="Recommend to the Council").click()
    expect(admin.locator("main")).to_contain_text("Recommended by the Presidency")
    admin.locator("#id_meeting").select_option(index=1)
    admin.get_by_role("button", name="Put to the Council's vote").click()
    expect(admin.locator("main")).to_contain_text("Before the Council")

    admin.goto("/admin/council/")
    # The newest motion is the meeting's last row.
    admin.locator("tr", has_text="Erik LUND").last.get_by_role("button", name="Open voting").click()
    admin.locator("tr", has_text="Erik LUND").last.get_by_role("link", name="Record votes").click()
    # .all() does not wait: the grid must be there before its radios are listed.
    expect(admin.locator(".vote-grid")).to_be_visible()
    for radio in admin.locator('input[type="radio"][value="for"]').all():
        radio.check()
    admin.get_by_role("button", name="Save the votes").click()
    expect(admin.get_by_text("The votes are saved.")).to_be_visible()
    admin.goto("/admin/council/")
    admin.locator("tr", has_text="Erik LUND").last.get_by_role(
        "button", name="Close voting"
    ).click()
    expect(admin.locator("tr", has_text="Erik LUND").last).to_contain_text("Adopted")

    admin.goto(nomination_url)
    expect(admin.locator("main")).to_contain_text("Awarded")
    admin.locator("#id_consent").select_option("1")
    admin.get_by_role("button", name="Record the consent").click()
    expect(admin.locator("main")).to_contain_text("The recipient consents to appear")
    presidency.close()

    page.goto("/en/about/medal-of-merit/roll/")
    expect(page.locator("main")).to_contain_text(
        re.compile(r"Commander Erik LUND – Norway\s+For thirty years of service")
    )
    page.goto("/fr/a-propos/medaille-du-merite/palmares/")
    expect(page.locator("main")).to_contain_text(
        re.compile(r"Capitaine de frégate Erik LUND – Norvège\s+Pour trente ans")
    )
