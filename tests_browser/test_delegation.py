"""A head of delegation registers three people for the coming congress on a phone: the third
goes to the waiting list; then downloads the nation's badges sheet.

The demo gives Estonia 3 delegate places at the coming Summer Congress, one held by its head
of delegation (events/demo.py), so two more fit and the third waits.
"""

import re

import pytest
from playwright.sync_api import expect

from tests_browser.test_back_office import current_code

pytestmark = pytest.mark.browser

HEAD_OF_DELEGATION = "hod.est@example.org"


def log_in(page, email, password="cior-demo"):
    """Log in with the password and the account's current TOTP code (never one given before:
    allauth refuses a code used already)."""
    page.goto("/accounts/login/")
    page.locator('input[name="login"]').fill(email)
    page.locator('input[name="password"]').fill(password)
    page.locator('main button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.locator('input[name="code"]').fill(current_code(email))
    page.get_by_role("button", name="Sign In").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/2fa/authenticate/"))


def register(page, *, person=None, new=None, kind="Delegate (350.00 EUR)"):
    page.get_by_role("link", name="Register a person").click()
    expect(page.get_by_role("heading", name="Register a person")).to_be_visible()
    if person:
        page.locator("#id_person").select_option(label=person)
    for name, value in (new or {}).items():
        page.locator(f"#id_new_{name}").fill(value)
    page.locator("#id_registration_type").select_option(label=kind)
    page.get_by_role("button", name="Register", exact=True).click()


def record_accessibility(page):
    """Collect the violations that Wagtail's user bar (shown to staff) finds with axe and
    reports as console errors: [(url, rule, target)]."""
    violations = []

    def on_console(message):
        if message.type == "error" and message.text.startswith("axe.run results"):
            results = message.args[1].json_value() if len(message.args) > 1 else []
            for violation in results or []:
                for node in violation["nodes"]:
                    violations.append((page.url, violation["id"], node["target"]))

    page.on("console", on_console)
    return violations


# The shared footer's name (a styled <p>) is flagged "p-as-heading" on every page a staff user
# sees; it is not part of the delegation pages.
KNOWN_ELSEWHERE = [".site-footer__name"]


@pytest.mark.parametrize("viewport", ["phone"])
def test_head_of_delegation_registers_three_and_the_third_waits(page, viewport, console):
    violations = record_accessibility(page)
    log_in(page, HEAD_OF_DELEGATION)

    page.goto("/en/delegation/")
    congress_row = page.locator("tr", has_text=re.compile(r"Summer Congress \d{4}")).first
    congress_row.get_by_role("link", name="Registrations of Estonia").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Estonia")
    places = page.locator('.quota-list li[data-type="delegate"]')
    expect(places).to_contain_text("Delegate: 1 of 3 places")

    register(page, person="First Lieutenant Andres REBANE")
    expect(page.locator(".messages")).to_contain_text(
        "Andres REBANE is registered as Delegate: submitted"
    )
    register(page, person="Sergeant First Class Tiina LEPP")
    expect(page.locator(".messages")).to_contain_text("Tiina LEPP is registered as Delegate")
    register(
        page,
        new={"first_name": "Mart", "last_name": "Uustalu", "rank": "Major", "nato_code": "OF-3"},
    )

    message = page.locator(".messages")
    expect(message).to_contain_text("Mart UUSTALU: the quota is full")
    expect(message).to_contain_text("waiting list")
    expect(places).to_contain_text("Delegate: 3 of 3 places, 1 waiting")
    waiting = page.locator('section[data-state="waiting"]')
    expect(waiting).to_contain_text("Mart UUSTALU")
    expect(page.locator('section[data-state="submitted"]')).to_contain_text("Andres REBANE")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Badges of the confirmed (PDF)").click()
    download = download_info.value
    with open(download.path(), "rb") as sheet:
        assert sheet.read(5) == b"%PDF-"

    assert [v for v in violations if v[2] != KNOWN_ELSEWHERE] == []
    console.problems[:] = [p for p in console.problems if not p[1].startswith("axe.run results")]
