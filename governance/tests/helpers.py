"""Helpers shared by the governance page tests."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

INLINE_TAG = re.compile(r"</?(?:a|abbr|b|em|i|img|span|strong|time)\b[^>]*>")


def text_of(html):
    """Return the visible text of some HTML: inline tags dropped, others read as a space."""
    html = INLINE_TAG.sub("", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def section(html, heading_id):
    """Return the HTML of the <section> labelled by the heading `heading_id`."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


def cards(html, css_class):
    """Return the text of each <li> of class `css_class` (nested lists not supported)."""
    items = re.findall(rf'<li class="{css_class}[^"]*">(.*?)</li>', html, flags=re.S)
    return [text_of(item) for item in items]


def warm_query_count(client, url):
    """Return the queries a second request of `url` makes (caches warmed by the first)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)
