"""Where the public page types live in the demo site, found the way a visitor's tools would."""

from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@dataclass
class SiteMap:
    """The paths of the live pages, as /sitemap.xml lists them."""

    paths: list

    @classmethod
    def from_xml(cls, content):
        tree = ElementTree.fromstring(content)
        return cls([urlsplit(loc.text).path for loc in tree.findall(".//s:loc", SITEMAP_NS)])

    def find(self, language, slug):
        """Return the path of the `language` page whose last segment is `slug`, or skip."""
        found = [
            path
            for path in self.paths
            if path.startswith(f"/{language}/") and path.rstrip("/").rsplit("/", 1)[-1] == slug
        ]
        if not found:
            pytest.skip(
                f"No live page /{language}/…/{slug}/ in /sitemap.xml: "
                "its demo loader has not created it yet."
            )
        return found[0]

    def first_child(self, parent):
        """Return the path of the first page listed right under `parent`, or skip."""
        depth = parent.count("/") + 1
        children = sorted(
            path for path in self.paths if path.startswith(parent) and path.count("/") == depth
        )
        if not children:
            pytest.skip(f"No live page under {parent} in /sitemap.xml: the demo has none yet.")
        return children[0]


# Each public page type: its name and how to find its path in the site map.
PUBLIC_PAGES = {
    "home": lambda site: "/en/",
    "standard page": lambda site: "/en/about/",
    "deep standard page": lambda site: "/en/about/anthem/",
    "presidency": lambda site: site.find("en", "presidency"),
    "committees index": lambda site: site.find("en", "committees"),
    "committee": lambda site: site.first_child(site.find("en", "committees")),
    "member nations": lambda site: site.find("en", "nations"),
    "partners": lambda site: site.find("en", "partners"),
    "news index": lambda site: site.find("en", "news"),
    "article": lambda site: site.first_child(site.find("en", "news")),
    "photo library": lambda site: site.find("en", "photos"),
    "events calendar": lambda site: site.find("en", "events"),
    "event": lambda site: site.first_child(site.find("en", "events")),
    "search results": lambda site: "/en/search/?q=Churchill",
    "milcomp results": lambda site: "/en/milcomp/results/2026/",
    "milcomp live results (fr)": lambda site: "/fr/milcomp/results/2027/",
    "404": lambda site: "/en/no-such-page/",
    "home (fr)": lambda site: "/fr/",
    "standard page (fr)": lambda site: "/fr/a-propos/",
    "article (fr)": lambda site: site.first_child(site.find("fr", "actualites")),
    "event (fr)": lambda site: site.first_child(site.find("fr", "evenements")),
}
NOT_FOUND_PAGES = {"404"}
