"""Count the SQL queries of one render of each page, in-process, against the bench database.

    .venv/bin/python bench/count_queries.py /en/ /en/news/ article /fr/ [--show] [--json]
    .venv/bin/python bench/count_queries.py --renditions-only

"article" stands for the first article linked from /en/news/, "event" for the first of the
next events linked from /en/. A page that does not answer 200
gets no count (null). Each page is requested once to
warm up (per-process caches such as Wagtail's site root paths), then once more inside
`CaptureQueriesContext`: that second count is the page's, with no page cache anywhere.
--show prints each page's queries grouped by their SQL shape (repeated shapes first), which is
how an N+1 shows itself. --json prints one JSON object on the last line (used by pages.py).
"""

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cior.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.template.base import Node  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

ARTICLE_LINK = re.compile(r'class="card__title"><a href="([^"]+)"')
EVENT_LINK = re.compile(r'class="next-events__title" href="([^"]+)"')
NEWS_INDEX = "/en/news/"


def find_article(client):
    """Return the path of the first article on the English news index, or None."""
    response = client.get(NEWS_INDEX)
    match = ARTICLE_LINK.search(response.content.decode())
    if response.status_code != 200 or not match:
        print(f"No article link found on {NEWS_INDEX} ({response.status_code}).", file=sys.stderr)
        return None
    return match.group(1)


def find_event(client):
    """Return the path of the first of the next events on the English home page, or None."""
    response = client.get("/en/")
    match = EVENT_LINK.search(response.content.decode())
    if response.status_code != 200 or not match:
        print("No event link found on /en/.", file=sys.stderr)
        return None
    return match.group(1)


def shape(sql):
    """The SQL with its literal values blanked and its column list cut, for grouping."""
    sql = re.sub(r"^SELECT (?!COUNT).*? FROM ", "SELECT ... FROM ", sql)
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+\b", "?", sql)
    return re.sub(r"\((?:\?, )+\?\)", "(?...)", sql)


def origin():
    """Where a query comes from: innermost library frame < template line < project frame."""
    ours = library = template = None
    frame = sys._getframe(3)
    while frame is not None and ours is None:
        name = frame.f_code.co_filename
        node = frame.f_locals.get("self")
        if template is None and isinstance(node, Node) and getattr(node, "token", None):
            origin_name = getattr(getattr(node, "origin", None), "template_name", None)
            if origin_name:
                template = f"{origin_name}:{node.token.lineno}"
        if "/django/" not in name and name != __file__:
            if name.startswith(str(ROOT)) and "/.venv/" not in name:
                ours = f"{Path(name).relative_to(ROOT)}:{frame.f_lineno} {frame.f_code.co_name}"
            elif library is None:
                library = f"{Path(name).name}:{frame.f_lineno} {frame.f_code.co_name}"
        frame = frame.f_back
    return " < ".join(part for part in (library, template, ours) if part) or "?"


def count(client, path, show=False):
    """Return [(sql, origin)] of the second render of `path`, or None if it does not answer 200."""
    client.get(path)  # warm-up
    origins = []

    def record(execute, sql, params, many, context):
        origins.append(origin() if show else "")
        return execute(sql, params, many, context)

    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(record):
        response = client.get(path)
    if response.status_code != 200:
        print(f"{path} answered {response.status_code}", file=sys.stderr)
        return None
    return list(zip([query["sql"] for query in captured.captured_queries], origins, strict=False))


def renditions():
    from news.models import PhotoRendition

    return PhotoRendition.objects.count()


def live_articles():
    from news.models import ArticlePage

    return ArticlePage.objects.live().filter(locale__language_code="en").count()


def main(argv):
    show = "--show" in argv
    as_json = "--json" in argv
    if "--renditions-only" in argv:
        print(json.dumps({"renditions": renditions()}))
        return
    paths = [arg for arg in argv if not arg.startswith("--")] or ["/en/", NEWS_INDEX, "article"]
    client = Client(HTTP_HOST="127.0.0.1")
    result = {
        "counts": {},
        "article": None,
        "event": None,
        "renditions": renditions(),
        "live_articles": live_articles(),
    }
    for path in paths:
        if path == "article":
            path = result["article"] = find_article(client)
            if path is None:
                continue
        if path == "event":
            path = result["event"] = find_event(client)
            if path is None:
                continue
        queries = count(client, path, show)
        result["counts"][path] = None if queries is None else len(queries)
        if queries is None:
            continue
        if not as_json or show:
            print(f"{path}: {len(queries)} queries")
        if show:
            groups = Counter((shape(sql), where) for sql, where in queries)
            for (sql, where), times in groups.most_common():
                print(f"  {times:2d} x [{where}]\n       {sql[:400]}")
    result["renditions_after"] = renditions()
    if as_json:
        print(json.dumps(result))
    elif result["renditions_after"] != result["renditions"]:
        print(
            f"renditions made by these visits: {result['renditions_after'] - result['renditions']}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
