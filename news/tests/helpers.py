"""Read what a page says: the titles of its cards, the captions of its photos."""

import html
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext


def card_titles(response):
    """Return the titles of the article cards of a page, in order."""
    found = re.findall(r'class="card__title"><a href="[^"]*">(.*?)</a>', response.text)
    return [html.unescape(title) for title in found]


def photo_captions(response):
    """Return the captions of the photos listed on a photo library page, in order."""
    found = re.findall(r'class="gallery__caption">(.*?)</p>', response.text)
    return [html.unescape(caption) for caption in found]


def queries_of(client, url):
    """Return how many SQL queries a GET of `url` takes once the site caches are warm."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)
