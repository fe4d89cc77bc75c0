"""Full-page screenshots of the home page for a person to look at (in test-artifacts/)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Lazy images below the fold would be blank in a full-page screenshot: load them all first.
LOAD_ALL_IMAGES = """async () => {
  const images = [...document.images];
  images.forEach((image) => { image.loading = "eager"; });
  await Promise.all(images.map((image) => image.decode().catch(() => null)));
  return images.filter((image) => image.naturalWidth === 0).map((image) => image.currentSrc);
}"""


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_home_page_screenshot(page, viewport, language, artifacts_dir):
    page.goto(f"/{language}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    broken_images = page.evaluate(LOAD_ALL_IMAGES)

    path = artifacts_dir / f"home-{language}-{viewport}.png"
    page.screenshot(path=path, full_page=True)

    assert broken_images == []
    assert path.stat().st_size > 10_000
    # Nothing may stick out sideways (the page would scroll horizontally).
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"page is {widths[0]}px wide in a {widths[1]}px viewport"
