"""A head of delegation logs in with a password and a TOTP code and sees only their nation."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from accounts.demo import demo_totp_secret

pytestmark = pytest.mark.browser


# The code windows given per account: allauth refuses a code already used (it marks it in the
# cache), and takes the codes of the windows before and after the current one
# (MFA_TOTP_TOLERANCE = 1), so that three logins of one account fit in one window.
_given = {}


def current_code(email):
    """A TOTP code of the demo account that the server takes now and was never given before:
    the current window's, else the next one's, else the last one's (while at least 5 s of the
    current window remain, so that it is still in the tolerance when the server checks it);
    waits for the next window when all three were given (RFC 6238, 30 s)."""
    given = _given.setdefault(email, set())
    while True:
        now = time.time()
        window = int(now) // 30
        candidates = [window, window + 1] + ([window - 1] if now % 30 < 25 else [])
        for counter in candidates:
            if counter not in given:
                given.add(counter)
                return format_hotp_value(hotp_value(demo_totp_secret(email), counter))
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
