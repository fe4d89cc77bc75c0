"""A head of delegation logs in with a password and a TOTP code and sees only their nation."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from accounts.demo import demo_totp_secret

pytestmark = pytest.mark.browser


# The last code given per account: allauth refuses a code already used (it marks it in the
# cache for its whole window), so two logins of one account within 30 s need two windows.
_given = {}


def current_code(email):
    """The demo account's TOTP code now, from its fixed demo secret (RFC 6238, 30 s); never
    the code given last for the account (waits for the next window, at most 30 s)."""
    while True:
        code = format_hotp_value(hotp_value(demo_totp_secret(email), int(time.time()) // 30))
        if _given.get(email) != code:
            _given[email] = code
            return code
        time.sleep(1)


@pytest.mark.parametrize("viewport", ["desktop"])
def test_head_of_delegation_logs_in_with_two_factor_and_sees_only_own_nation(page, viewport):
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))

    page.locator('input[name="login"]').fill("hod.est@example.org")
    page.locator('input[name="password"]').fill("cior-demo")
    page.locator('main button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.locator('input[name="code"]').fill(current_code("hod.est@example.org"))
    page.get_by_role("button", name="Sign In").click()

    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto("/admin/snippets/accounts/person/")
    rows = page.locator("table.listing tbody tr")
    expect(rows.first).to_be_visible()
    nations = {" ".join(cell.split()) for cell in rows.locator("td").all_inner_texts()}
    assert any("Estonia" in cell for cell in nations), nations
    for other in ("France", "Norway", "Belgium", "Germany"):
        assert not any(other in cell for cell in nations), (other, nations)
