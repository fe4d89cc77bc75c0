"""The page cache (core.cache): anonymous pages from the shared cache, every change shown at
once through it, the edge purged, the right headers, and a dead cache that changes nothing."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from core import cache as core_cache
from core.models import StandardPage

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.25,
            "SOCKET_TIMEOUT": 0.25,
            "IGNORE_EXCEPTIONS": True,
        },
    }
}


def fresh(page):
    """The page as it is in the database now (the module's objects outlive each test)."""
    return type(page).objects.get(pk=page.pk)


def test_an_anonymous_page_is_kept_then_served_without_a_query(
    client, seed_site, page_cache, django_assert_num_queries
):
    first = client.get("/en/about/history/")

    with django_assert_num_queries(0):
        again = client.get("/en/about/history/")

    assert (first["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")
    assert again.content == first.content
    assert "<h1>History</h1>" in again.text or "History" in again.text


def test_a_kept_page_says_public_with_a_short_s_maxage_an_etag_and_vary_cookie(
    client, seed_site, page_cache
):
    response = client.get("/en/about/history/")

    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=0", "s-maxage=60"}
    assert "Cookie" in response["Vary"]
    assert response["ETag"].startswith('"')
    again = client.get("/en/about/history/", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_a_logged_in_user_is_never_served_or_kept_from_the_cache(
    client, seed_site, page_cache, django_user_model
):
    client.get("/en/about/history/")  # kept for anonymous visitors
    client.force_login(django_user_model.objects.create_user("reader", "reader@example.org"))

    response = client.get("/en/about/history/")

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_pages_with_unknown_or_out_of_range_query_parameters_are_not_kept(
    client, seed_site, page_cache
):
    assert client.get("/en/about/history/?page=2")["X-Page-Cache"] == "miss"
    assert client.get("/en/about/history/?page=2")["X-Page-Cache"] == "hit"
    for query in ("page=100", "page=0", "page=abc", "utm_source=x", "page=2&page=3"):
        response = client.get(f"/en/about/history/?{query}")
        assert "X-Page-Cache" not in response, query
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/en/search/?q=reserve", "/en/delegation/", "/accounts/login/"])
def test_search_delegation_and_login_pages_are_not_kept(client, seed_site, page_cache, path):
    response = client.get(path)

    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_the_generation_moves_only_once_the_change_is_committed(
    seed_site, page_cache, django_capture_on_commit_callbacks
):
    before = core_cache.generation()
    history = fresh(seed_site.pages["history"]["en"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        history.title = "History of CIOR"
        history.save_revision().publish()
        assert core_cache.generation() == before  # inside the transaction: unchanged

    for callback in callbacks:
        callback()
    assert core_cache.generation() != before


def test_a_renamed_page_shows_at_once_and_is_purged(
    client, seed_site, page_cache, django_capture_on_commit_callbacks
):
    client.get("/en/about/")
    client.get("/en/about/history/")
    history = fresh(seed_site.pages["history"]["en"])

    with django_capture_on_commit_callbacks(execute=True):
        history.title = "Our history since 1948"
        history.slug = "our-history"
        history.save_revision().publish()

    old = client.get("/en/about/history/")  # Wagtail made a redirect, served at once
    assert (old.status_code, old["Location"]) == (301, "/en/about/our-history/")
    assert "<h1>Our history since 1948</h1>" in client.get("/en/about/our-history/").text
    assert '<a href="/en/about/our-history/">' in client.get("/en/about/").text
    assert "http://localhost/en/about/our-history/" in page_cache
    assert "http://localhost/en/about/" in page_cache
    assert "http://localhost/en/" in page_cache


def test_a_moved_page_shows_at_its_new_address_at_once(
    client, seed_site, page_cache, django_capture_on_commit_callbacks
):
    client.get("/en/about/history/")
    history = fresh(seed_site.pages["history"]["en"])
    home = fresh(seed_site.homes["en"])

    with django_capture_on_commit_callbacks(execute=True):
        history.move(home, pos="last-child")

    old = client.get("/en/about/history/")
    assert (old.status_code, old["Location"]) == (301, "/en/history/")
    assert client.get("/en/history/").status_code == 200
    assert "http://localhost/en/about/history/" in page_cache  # the old address
    assert "http://localhost/en/history/" in page_cache


def test_an_unpublished_page_is_gone_at_once_and_purged(
    client, seed_site, page_cache, django_capture_on_commit_callbacks
):
    client.get("/en/about/history/")
    french = client.get("/fr/a-propos/historique/").text
    assert 'hreflang="en" href="http://testserver/en/about/history/"' in french

    with django_capture_on_commit_callbacks(execute=True):
        fresh(seed_site.pages["history"]["en"]).unpublish()

    assert client.get("/en/about/history/").status_code == 404
    french = client.get("/fr/a-propos/historique/").text
    assert 'hreflang="en" href="http://testserver/en/about/history/"' not in french
    assert "http://localhost/en/about/history/" in page_cache


def test_a_new_page_shows_at_once_and_a_deleted_one_is_gone(
    client, seed_site, page_cache, django_capture_on_commit_callbacks
):
    assert "/en/about/veterans/" not in client.get("/en/about/").text
    about = fresh(seed_site.pages["about"]["en"])

    with django_capture_on_commit_callbacks(execute=True):
        page = about.add_child(instance=StandardPage(title="Veterans", slug="veterans"))
        page.save_revision().publish()
    assert '<a href="/en/about/veterans/">' in client.get("/en/about/").text
    assert "<h1>Veterans</h1>" in client.get("/en/about/veterans/").text

    del page_cache[:]
    with django_capture_on_commit_callbacks(execute=True):
        fresh(page).delete()

    assert client.get("/en/about/veterans/").status_code == 404
    assert "/en/about/veterans/" not in client.get("/en/about/").text
    assert "http://localhost/en/about/veterans/" in page_cache


def test_a_page_made_private_asks_for_a_login_at_once(
    client, seed_site, page_cache, django_capture_on_commit_callbacks
):
    assert client.get("/en/about/history/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=seed_site.pages["about"]["en"], restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get_or_create(name="Council")[0])

    response = client.get("/en/about/history/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/en/about/history/"
    assert "no-cache" in response["Cache-Control"]


def test_the_menu_is_kept_per_generation_and_a_renamed_menu_page_shows_everywhere(
    client, seed_site, page_cache, django_capture_on_commit_callbacks
):
    client.get("/en/about/history/")
    about = fresh(seed_site.pages["about"]["en"])

    with django_capture_on_commit_callbacks(execute=True):
        about.title = "Who we are"
        about.save_revision().publish()

    assert ">Who we are</a>" in client.get("/en/about/history/").text
    assert "http://localhost/en/about/history/" in page_cache  # every page shows the menu


def test_with_redis_unreachable_pages_and_the_login_answer_uncached(client, seed_site, settings):
    # Through the settings fixture only: a decorator's override would be restored before the
    # fixture's own and leak the dead cache into the worker's next tests.
    settings.CACHES = DEAD_REDIS
    settings.CIOR_PAGE_CACHE_SECONDS = 600
    settings.CIOR_FRAGMENT_CACHE = True

    home = client.get("/en/")
    history = client.get("/en/about/history/")
    login = client.get("/accounts/login/")

    assert home.status_code == 200 and "1948" in home.text
    assert history.status_code == 200 and history["X-Page-Cache"] == "bypass"
    assert login.status_code == 200 and 'name="login"' in login.text
    assert core_cache.generation() is None
    cache.get("anything")  # ignored, not raised
