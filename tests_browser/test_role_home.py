"""Each role's first page after login (accounts.home), in English and in French, with the
two-factor code: a head of delegation lands on the nation's home, a judge on the disciplines,
the confederation's staff in the admin, the CLA director on the Language Academy."""

import re
import time

import pytest
from playwright.sync_api import expect

from tests_browser.test_back_office import current_code

pytestmark = pytest.mark.browser


def log_in_from(page, start, email, password="cior-demo"):
    """Open `start`, follow the footer's login link, log in with the password and the code."""
    page.goto(start)
    page.locator(".site-footer a[href^='/accounts/login/']").click()
    page.locator('input[name="login"]').fill(email)
    page.locator('input[name="password"]').fill(password)
    page.locator('main button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    for _attempt in range(2):
        page.locator('input[name="code"]').fill(current_code(email))
        page.locator('main button[type="submit"]:not([form])').click()
        page.wait_for_load_state()
        if "/accounts/2fa/authenticate/" not in page.url:
            return
        time.sleep(31 - time.time() % 30)  # that code was used: the next window's code
    pytest.fail(f"{email} could not log in with a TOTP code")


@pytest.mark.parametrize(
    "language, heading, panel",
    [
        ("en", "Delegation · Estonia", "Events and registrations"),
        ("fr", "Délégation · Estonie", "Événements et inscriptions"),
    ],
)
def test_head_of_delegation_lands_on_the_nation_home(page, language, heading, panel):
    log_in_from(page, f"/{language}/", "hod.est@example.org")

    expect(page).to_have_url(re.compile(rf"/{language}/my/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("heading", name=panel)).to_be_visible()
    expect(page.locator(".account-menu")).to_be_visible()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_judge_lands_on_the_disciplines(page, language):
    log_in_from(page, f"/{language}/", "judge@example.org")

    expect(page).to_have_url(re.compile(rf"/{language}/milcomp/judge/$"))


def test_presidency_lands_in_the_admin(page):
    log_in_from(page, "/en/", "admin@example.org")

    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_cla_director_lands_on_the_language_academy(page):
    log_in_from(page, "/fr/", "cla.director@example.org")

    expect(page).to_have_url(re.compile(r"/fr/academy/manage/$"))
