"""The flows a visitor clicks through: the main menu, the language switch, search, section cards."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def open_menu_if_collapsed(page, viewport):
    """On a phone, open the menu behind the "Menu" button; check it was closed before."""
    if viewport != "phone":
        return
    toggle = page.locator("[data-nav-toggle]")
    expect(toggle).to_have_accessible_name("Menu")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#main-nav a").first).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#main-nav a").first).to_be_visible()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_main_menu_leads_to_each_section(page, viewport):
    page.goto("/en/")
    home_href = page.locator("#main-nav a").first.get_attribute("href")
    items = [
        (" ".join(link.inner_text().split()), link.get_attribute("href"))
        for link in page.locator("#main-nav a").all()
        if link.get_attribute("href") != home_href
    ]
    names = [name for name, _ in items]
    assert len(items) >= 4, names
    assert {"About CIOR", "Structure"} <= set(names)

    for name, href in items:
        open_menu_if_collapsed(page, viewport)
        page.locator("#main-nav").get_by_role("link", name=name, exact=True).click()

        expect(page).to_have_url(re.compile(re.escape(href) + "$"))
        expect(page.locator("main h1")).to_contain_text(name)  # Equal to it, or containing it.
        current = page.locator('#main-nav a[aria-current="page"]')
        expect(current).to_have_count(1)
        expect(current).to_have_text(name)


@pytest.mark.parametrize(
    ("viewport", "english", "french"),
    [
        ("desktop", ("/en/about/history/", "History"), ("/fr/a-propos/historique/", "Historique")),
        ("phone", ("/en/about/history/", "History"), ("/fr/a-propos/historique/", "Historique")),
        (
            "desktop",
            ("/en/", "World's largest military reserve officer organization"),
            ("/fr/", "La plus grande organisation d'officiers de réserve au monde"),
        ),
    ],
    ids=["history-desktop", "history-phone", "home-desktop"],
)
def test_language_switch_leads_to_the_translation_and_back(page, english, french):
    english_path, english_h1 = english
    french_path, french_h1 = french
    page.goto(english_path)
    switch = page.locator("nav.lang-switch")
    expect(switch.get_by_role("link", name="English")).to_have_attribute("aria-current", "true")

    switch.get_by_role("link", name="Français").click()

    expect(page).to_have_url(re.compile(re.escape(french_path) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("main h1")).to_have_text(french_h1)
    expect(switch.get_by_role("link", name="Français")).to_have_attribute("aria-current", "true")

    switch.get_by_role("link", name="English").click()

    expect(page).to_have_url(re.compile(re.escape(english_path) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main h1")).to_have_text(english_h1)


@pytest.mark.parametrize(
    ("viewport", "home", "history_title", "history_path", "other_language"),
    [
        ("desktop", "/en/", "History", "/en/about/history/", "/fr/"),
        ("phone", "/fr/", "Historique", "/fr/a-propos/historique/", "/en/"),
    ],
    ids=["en-desktop", "fr-phone"],
)
def test_header_search_finds_the_history_page(
    page, home, history_title, history_path, other_language
):
    page.goto(home)

    page.locator("#header-search").fill("Churchill")
    page.locator("#header-search").press("Enter")

    expect(page).to_have_url(re.compile(re.escape(f"{home}search/?q=Churchill") + "$"))
    # French quotation marks, with non-breaking spaces inside.
    quoted = re.compile(r"«\s*Churchill\s*»") if "/fr/" in home else "“Churchill”"
    expect(page.locator(".search-count")).to_contain_text(quoted)
    results = page.locator(".search-results h2 a")
    hrefs = [link.get_attribute("href") for link in results.all()]
    assert history_path in hrefs
    assert not [href for href in hrefs if href.startswith(other_language)]

    results.get_by_text(history_title, exact=True).click()

    expect(page).to_have_url(re.compile(re.escape(history_path) + "$"))
    expect(page.locator("main h1")).to_have_text(history_title)


def test_section_page_lists_its_children_as_cards_that_lead_to_them(page):
    page.goto("/en/about/")

    cards = page.locator(".child-pages .card")
    titles = [" ".join(title.split()) for title in cards.locator(".card__title").all_inner_texts()]
    assert titles == [
        "History",
        "Vision and purpose",
        "Reservists",
        "CIOR anthem",
        "CIOR Coat of Arms",
        "CIOR Medal of Merit",
    ]

    # The whole card is the link's target, not only its title.
    cards.filter(has=page.get_by_role("link", name="History", exact=True)).click()

    expect(page).to_have_url(re.compile(r"/en/about/history/$"))
    expect(page.locator("main h1")).to_have_text("History")
    crumbs = page.get_by_role("navigation", name="Breadcrumb").locator("li")
    expect(crumbs).to_have_text(["Home", "About CIOR", "History"])
