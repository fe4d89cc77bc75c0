"""Every page type on a 360 px phone, in English and French: the page itself never scrolls
sideways (long words and URLs wrap, tables scroll inside their own container, forms fit), and
the MILCOMP results keep the place, the team and the total on screen."""

import pytest
from playwright.sync_api import expect

from tests_browser.conftest import CSP_RECORDER
from tests_browser.test_delegation import log_in

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
WIDTH = PHONE["viewport"]["width"]

# Each page type: its path in each language, found in the demo site's /sitemap.xml.
PUBLIC_PAGES = {
    "home": lambda site, lang: f"/{lang}/",
    "standard page": lambda site, lang: {"en": "/en/about/", "fr": "/fr/a-propos/"}[lang],
    "news index": lambda site, lang: site.find(lang, {"en": "news", "fr": "actualites"}[lang]),
    "article": lambda site, lang: site.first_child(
        site.find(lang, {"en": "news", "fr": "actualites"}[lang])
    ),
    "events calendar": lambda site, lang: site.find(
        lang, {"en": "events", "fr": "evenements"}[lang]
    ),
    "event": lambda site, lang: site.first_child(
        site.find(lang, {"en": "events", "fr": "evenements"}[lang])
    ),
    "results": lambda site, lang: f"/{lang}/milcomp/results/2027/",
    "search": lambda site, lang: f"/{lang}/search/?q=Tallinn",
    "site map": lambda site, lang: f"/{lang}/site-map/",
    "login": lambda site, lang: "/accounts/login/",
}
# Pages of a logged-in user: (account, path without the language).
PRIVATE_PAGES = {
    "role home": ("hod.est@example.org", "/my/"),
    "delegation": ("hod.est@example.org", "/delegation/"),
    "judge entry": ("judge@example.org", "/milcomp/judge/2027/shooting/"),
}

# What sticks out of the viewport and is not inside a container that scrolls on its own.
OVERFLOWING = """(width) => {
  const scrollsItself = (element) => {
    for (let node = element.parentElement; node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (/(auto|scroll|hidden|clip)/.test(style.overflowX)) return true;
    }
    return false;
  };
  const describe = (element) =>
    element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
    (element.className && typeof element.className === "string"
      ? "." + element.className.trim().split(/\\s+/).join(".") : "") +
    ` (right ${Math.round(element.getBoundingClientRect().right)}px)`;
  return [...document.body.querySelectorAll("*")]
    .filter((element) => element.getBoundingClientRect().right > width + 0.5)
    .filter((element) => !scrollsItself(element))
    .slice(0, 8)
    .map(describe);
}"""


@pytest.fixture(scope="module")
def phone(browser, site_url):
    """Open a new 360 × 740 phone context in `language`; close them all at the end."""
    contexts = []

    def open_context(language="en"):
        context = browser.new_context(
            base_url=site_url, locale={"en": "en-GB", "fr": "fr-FR"}[language], **PHONE
        )
        context.add_init_script(CSP_RECORDER)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.set_default_navigation_timeout(20_000)
        return page

    yield open_context
    for context in contexts:
        context.close()


def sideways_overflow(page):
    """Return how far the page scrolls sideways past the screen, and what sticks out."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    return scroll_width, page.evaluate(OVERFLOWING, WIDTH)


def check_width(page, path, problems):
    response = page.goto(path)
    assert response.status < 400, f"{path} answered {response.status}"
    page.wait_for_load_state("load")
    scroll_width, culprits = sideways_overflow(page)
    if scroll_width > WIDTH:
        problems.append(f"{path}: scrollWidth {scroll_width} > {WIDTH}: {culprits}")
    blocked = page.evaluate("window.__cspViolations")
    if blocked:
        problems.append(f"{path}: CSP violations {blocked}")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_public_pages_do_not_scroll_sideways_on_a_phone(phone, site_map, language):
    page = phone(language)
    problems = []

    for find in PUBLIC_PAGES.values():
        check_width(page, find(site_map, language), problems)

    assert problems == []


def test_logged_in_pages_do_not_scroll_sideways_on_a_phone(phone):
    problems = []
    pages = {}
    for account, path in PRIVATE_PAGES.values():
        if account not in pages:
            pages[account] = phone("en")
            log_in(pages[account], account)
        for language in ("en", "fr"):
            check_width(pages[account], f"/{language}{path}", problems)

    assert problems == []


@pytest.mark.parametrize(
    "language, category", [("en", "Experienced"), ("fr", "Expérimenté")], ids=["en", "fr"]
)
def test_results_keep_place_team_and_total_on_a_phone_screen(phone, language, category):
    page = phone(language)
    page.goto(f"/{language}/milcomp/results/2027/")
    first = page.locator("tr[data-team]").first
    first.scroll_into_view_if_needed()

    for cell in ("[data-place]", ".results-table__team", "[data-total]"):
        expect(first.locator(cell)).to_be_in_viewport(ratio=1)
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    # The disciplines scroll inside the table's own container, which says so.
    table = page.locator(".results-scroll").first
    assert table.evaluate("(element) => element.scrollWidth > element.clientWidth")
    expect(page.locator(".results-scroll-hint").first).to_be_visible()
    # Scrolled to its end, the place, the team and the total are still on screen.
    table.evaluate("(element) => { element.scrollLeft = element.scrollWidth; }")
    for cell in ("[data-place]", ".results-table__team", "[data-total]"):
        expect(first.locator(cell)).to_be_in_viewport(ratio=1)
    # Nation and category are two items, apart on screen and in the text read out.
    row = page.locator("tr[data-team]", has_text=category).first
    nation = row.locator(".results-table__nation").bounding_box()
    kind = row.locator("[data-category]").bounding_box()
    assert kind["x"] >= nation["x"] + nation["width"], (nation, kind)
    assert f"{category}" in row.locator("[data-category]").inner_text()
    assert "DEU" + category not in row.inner_text()
