"""Each role's first page after login (accounts.home), in English and in French, with the
two-factor code: a head of delegation lands on the nation's home, a judge on the disciplines,
the confederation's staff in the admin with the panels of what waits for them, the programme
directors on the Language Academy."""

import re

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
    page.locator('input[name="code"]').fill(current_code(email))
    page.locator('main button[type="submit"]:not([form])').click()
    expect(page).not_to_have_url(re.compile(r"/accounts/2fa/authenticate/"))


# (account, where it lands, its page's main heading, a heading on it), in English and French.
ROLE_HOMES = {
    "en": [
        ("hod.est", "/en/my/", "Delegation · Estonia", "Events and registrations"),
        ("staff.nor", "/en/my/", "Delegation · Norway", "Events and registrations"),
        ("judge", "/en/milcomp/judge/", "Result entry", None),
        ("jury", "/en/milcomp/judge/", "Result entry", None),
        ("cla.director", "/en/academy/manage/", "Language Academy and YRO", None),
        ("yro.chair", "/en/academy/yro/", "YRO Workshops and Seminars", None),
        ("admin", "/admin/", None, "Registrations to confirm"),
        ("treasurer", "/admin/", None, "Subscriptions"),
        ("editor", "/admin/", None, "French to write"),
    ],
    "fr": [
        ("hod.est", "/fr/my/", "Délégation · Estonie", "Événements et inscriptions"),
        ("staff.nor", "/fr/my/", "Délégation · Norvège", "Événements et inscriptions"),
        ("judge", "/fr/milcomp/judge/", "Saisie des résultats", None),
        ("jury", "/fr/milcomp/judge/", "Saisie des résultats", None),
        ("cla.director", "/fr/academy/manage/", "Académie de langues et YRO", None),
        ("yro.chair", "/fr/academy/yro/", "Ateliers et séminaires YRO", None),
        ("admin", "/admin/", None, "Inscriptions à confirmer"),
        ("treasurer", "/admin/", None, "Cotisations"),
        ("editor", "/admin/", None, "Français à rédiger"),
    ],
}


# Every account in English first, then in French: a TOTP code logs in once, so the same account
# must not log in twice within its 30 s window (log_in_from waits for the next code if it does).
@pytest.mark.parametrize(
    "language, account, landing, title, heading",
    [(language, *case) for language in ("en", "fr") for case in ROLE_HOMES[language]],
    ids=[f"{language}-{case[0]}" for language in ("en", "fr") for case in ROLE_HOMES[language]],
)
def test_each_role_lands_on_its_home(page, language, account, landing, title, heading):
    log_in_from(page, f"/{language}/", f"{account}@example.org")

    expect(page).to_have_url(re.compile(rf"{re.escape(landing)}$"))
    if title:
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
    if heading:
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    if landing.endswith("/my/"):
        expect(page.locator(".account-menu")).to_be_visible()
