"""What an uncached page reads from the shared cache under the page generation (core.cache):
where a page is (its route), whether a view restriction can apply, the header and the footer.
Each is exact at once after any change, and no visitor chooses what is kept."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core import cache as core_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(settings):
    """What pages read is kept under the generation; the pages themselves are not (every
    request renders: what shows is what was kept)."""
    settings.CIOR_FRAGMENT_CACHE = True
    settings.CIOR_PAGE_CACHE_SECONDS = 0
    cache.clear()


def sql_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, [query["sql"] for query in queries.captured_queries]


def page_queries(sql):
    return [query for query in sql if 'FROM "wagtailcore_page"' in query]


def test_a_page_is_routed_from_its_kept_address_with_fewer_queries(client, seed_site, kept):
    first, first_sql = sql_of(client, "/en/about/history/")
    again, again_sql = sql_of(client, "/en/about/history/")

    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert len(page_queries(again_sql)) < len(page_queries(first_sql))
    home = seed_site.homes["en"]
    key = core_cache.route_key(core_cache.generation(), home, ["about", "history"])
    assert cache.get(key) == (
        seed_site.pages["history"]["en"].pk,
        seed_site.pages["history"]["en"].content_type_id,
    )


def test_an_address_changed_behind_wagtails_back_is_never_served_from_the_kept_route(
    client, seed_site, kept
):
    """A write that moves no generation (a queryset update) cannot make a kept address serve
    a page that is no longer there: the page read must still be at that address."""
    history = seed_site.pages["history"]["en"]
    assert client.get("/en/about/history/").status_code == 200

    Page.objects.filter(pk=history.pk).update(
        slug="story", url_path=history.url_path.replace("/history/", "/story/")
    )

    assert client.get("/en/about/history/").status_code == 404
    assert client.get("/en/about/story/").status_code == 200


def test_guessed_addresses_keep_nothing(client, seed_site, kept):
    home = seed_site.homes["en"]
    assert client.get("/en/about/history/").status_code == 200
    for number in range(20):
        assert client.get(f"/en/about/guess-{number}/").status_code == 404
        assert client.get(f"/en/about/history/guess-{number}/").status_code == 404

    current = core_cache.generation()
    for number in range(20):
        for parts in (["about", f"guess-{number}"], ["about", "history", f"guess-{number}"]):
            assert cache.get(core_cache.route_key(current, home, parts)) is None
    assert cache.get(core_cache.route_key(current, home, ["about", "history"])) is not None


def test_no_view_restriction_is_read_unless_one_can_apply_and_a_new_one_applies_at_once(
    client, seed_site, kept, django_capture_on_commit_callbacks
):
    client.get("/en/about/history/")
    _response, sql = sql_of(client, "/en/about/history/")
    # Wagtail's check reads the page's ancestors, then their restrictions.
    assert not [query for query in sql if '"alias_of_id" FROM "wagtailcore_page"' in query]
    assert not [query for query in sql if '"page_id" IN (' in query]

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=seed_site.pages["about"]["en"], restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get_or_create(name="Council")[0])

    response = client.get("/en/about/history/")
    assert (response.status_code, response["Location"]) == (
        302,
        "/accounts/login/?next=/en/about/history/",
    )
    assert client.get("/en/").status_code == 200  # outside the restricted branch

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()

    assert client.get("/en/about/history/").status_code == 200


def test_the_kept_header_is_each_pages_own_and_never_a_logged_in_users(
    client, seed_site, kept, django_user_model
):
    about = client.get("/en/about/").text
    history = client.get("/en/about/history/").text
    user = django_user_model.objects.create_user(
        username="reader", email="reader@example.org", password="x"
    )
    client.force_login(user)
    logged_in = client.get("/en/about/history/").text
    client.logout()
    anonymous_again = client.get("/en/about/history/").text

    assert 'href="/en/about/" aria-current="page"' in about
    assert 'href="/en/about/" class="is-ancestor"' in history
    assert "reader@example.org" in logged_in and 'action="/accounts/logout/"' in logged_in
    assert "reader@example.org" not in anonymous_again
    assert 'action="/accounts/logout/"' not in anonymous_again
    assert 'hreflang="fr" lang="fr"' in history


def test_the_kept_footer_says_this_year_in_each_language(client, seed_site, kept):
    year = timezone.localdate().year
    english = client.get("/en/").text
    french = client.get("/fr/").text

    assert f"© CIOR {year}" in english and f"© CIOR {year}" in french
    assert "Log in to the back-office" in english
    assert "Log in to the back-office" not in french
