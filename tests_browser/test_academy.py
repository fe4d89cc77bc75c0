"""A Language Academy application from the public French form to a class: the applicant
applies and confirms the e-mail address, Estonia's head of delegation endorses, the CLA
director allocates (the applicant, of the first priority group, waits: places already given
are kept), withdraws a place holder so that the applicant is promoted, and records the
placement score that puts the applicant in a class.
"""

import os
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests_browser import conftest
from tests_browser.test_delegation import log_in

pytestmark = pytest.mark.browser

DIRECTOR = "cla.director@example.org"


def confirmation_link(email, timeout=20):
    """Return the path of the confirmation link mailed to `email` (the console mail backend
    prints it in the server's log: the tests' own server, or CIOR_BROWSER_TEST_LOG's file when
    CIOR_BROWSER_TEST_URL names a running site)."""
    log = conftest._server_log or os.environ.get("CIOR_BROWSER_TEST_LOG")
    if not log:
        pytest.skip("The mails of a running site are read from CIOR_BROWSER_TEST_LOG.")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = Path(log).read_text(errors="replace")
        if email in text:
            found = re.findall(r"https?://[^/\s]+(/fr/academy/confirm/[^\s]+/)", text)
            if found:
                return found[-1]
        time.sleep(0.5)
    pytest.fail(f"No confirmation mail to {email} in the server log")


@pytest.mark.parametrize("viewport", ["desktop"])
def test_cla_application_through_endorsement_allocation_and_placement(page, viewport):
    stamp = int(time.time()) % 100_000  # a new applicant on every run against a kept site
    email = f"lea.martin.{stamp}@example.org"
    name = f"Léa MARTIN-{stamp}"
    # The applicant, in French, without an account.
    page.goto("/fr/academy/")
    page.get_by_role("link", name="Postuler").first.click()
    year = re.search(r"/apply/(\d{4})/", page.url).group(1)
    page.locator("#id_first_name").fill("Léa")
    page.locator("#id_last_name").fill(f"Martin-{stamp}")
    page.locator("#id_rank").fill("Capitaine")
    page.locator("#id_nato_code").select_option("OF-2")
    page.locator("#id_nation").select_option(label="Estonie (EST)")
    page.locator("#id_email").fill(email)
    page.locator("#id_category").select_option("reserve_officer")
    page.locator("#id_date_of_birth").fill("1990-03-14")
    page.locator("#id_language").select_option("fr")
    page.get_by_role("button", name="Envoyer la candidature").click()
    expect(page.get_by_role("heading", name="Candidature envoyée")).to_be_visible()

    page.goto(confirmation_link(email))
    expect(page.get_by_text("Votre adresse électronique est confirmée")).to_be_visible()

    # Estonia's head of delegation endorses.
    log_in(page, "hod.est@example.org")
    page.goto(f"/en/academy/{year}/nation/EST/")
    row = page.locator("tr", has_text=name)
    expect(row).to_contain_text("Awaiting the nation")
    row.get_by_role("button", name="Endorse").click()
    expect(page.get_by_text(f"{name}: application endorsed.")).to_be_visible()
    page.context.clear_cookies()

    # The director allocates: the applicant waits (places already given are kept).
    log_in(page, DIRECTOR)
    page.goto(f"/en/academy/{year}/")
    # The allocation writes an audit entry per changed decision: slow on a busy machine.
    page.get_by_role("button", name=re.compile("Allocate")).click(timeout=60_000)
    expect(page.get_by_text("Allocation done")).to_be_visible(timeout=60_000)
    row = page.locator("tr", has_text=name)
    expect(row).to_contain_text("Waiting list")
    # First of the list on a fresh demo (an earlier run against a kept site may precede it).
    position = int(re.search(r"#(\d+)", row.inner_text()).group(1))

    # Place holders withdraw: the applicant is promoted.
    for _ in range(position):
        page.goto(f"/en/academy/{year}/?state=allocated")
        page.locator("tr[data-state=allocated] a").last.click()
        page.get_by_text("Withdraw the application…").click()
        page.locator("#id_reason").fill("Cannot attend")
        page.get_by_role("button", name="Withdraw", exact=True).click(timeout=60_000)
        expect(page.get_by_text("application withdrawn")).to_be_visible(timeout=60_000)

    page.goto(f"/en/academy/{year}/")
    page.locator("tr", has_text=name).get_by_role("link").first.click()
    expect(page.get_by_text("Promoted from the waiting list")).to_be_visible()
    page.locator("#id_placement_score").fill("12")
    page.get_by_role("button", name="Record the score and place").click()
    expect(page.get_by_text(f"{name}: placement score recorded.")).to_be_visible()
    expect(page.locator("dl.details-list")).to_contain_text("Français 1 (level 1)")
