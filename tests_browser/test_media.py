"""The anthem page: its audio plays in the browser and its music sheet is a PDF."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_anthem_audio_loads_and_music_sheet_is_a_pdf(page):
    page.goto("/en/about/anthem/")
    player = page.locator("main figure.block-media").filter(has=page.locator("audio"))
    expect(player.locator("figcaption")).to_have_text("Comrades all")
    audio = player.locator("audio")

    # preload="metadata": the browser fetches and decodes the file's header by itself.
    audio.evaluate(
        """(element) => element.readyState >= 1 || new Promise((resolve, reject) => {
            element.addEventListener("loadedmetadata", resolve, {once: true});
            element.addEventListener("error", () => reject(new Error("audio error")), {once: true});
        })"""
    )
    assert audio.evaluate("(element) => element.duration") > 0
    audio_response = page.request.get(audio.evaluate("(element) => element.currentSrc"))
    assert audio_response.status == 200
    assert audio_response.headers["content-type"].startswith("audio/")

    sheet = page.get_by_role("link", name=re.compile(r"^Music sheet of “Comrades all”"))
    sheet_response = page.request.get(sheet.get_attribute("href"))
    assert sheet_response.status == 200
    assert sheet_response.headers["content-type"] == "application/pdf"
    assert sheet_response.body().startswith(b"%PDF-")
