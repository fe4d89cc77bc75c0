"""What each worker keeps of the page tree (core.structure, core.serving): the page views it
saves, and that every change staff make shows on the next view."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.template import Context, Template
from wagtail.images.models import Filter
from wagtail.models import PageViewRestriction, Site

from core import structure
from core.models import StandardPage

pytestmark = pytest.mark.django_db


def fresh(page):
    """The page as it is in the database now (the module's objects outlive each test)."""
    return type(page).objects.get(pk=page.pk)


def test_a_page_seen_before_is_served_with_one_query(client, seed_site, django_assert_num_queries):
    history = seed_site.pages["history"]["fr"]
    first = client.get(history.url)

    with django_assert_num_queries(2):  # the page's row, the list of its public children
        again = client.get(history.url)

    assert again.status_code == 200
    assert again.content == first.content


def test_the_home_page_seen_before_is_served_with_one_query(
    client, seed_site, django_assert_num_queries
):
    client.get("/en/")
    with django_assert_num_queries(1):
        html = client.get("/en/").content.decode()

    assert "1948" in html
    assert 'hreflang="fr" href="http://testserver/fr/"' in html


def test_a_changed_title_and_slug_show_at_once(client, seed_site):
    history = fresh(seed_site.pages["history"]["en"])
    assert client.get("/en/about/history/").status_code == 200

    history.title = "Our history since 1948"
    history.slug = "our-history"
    history.save_revision().publish()

    assert client.get("/en/about/history/").status_code == 404
    html = client.get("/en/about/our-history/").content.decode()
    assert "<h1>Our history since 1948</h1>" in html
    assert '<a href="/en/about/our-history/">' in client.get("/en/about/").content.decode()


def test_an_unpublished_page_is_gone_at_once_and_comes_back_when_republished(client, seed_site):
    history = fresh(seed_site.pages["history"]["en"])
    assert client.get("/en/about/history/").status_code == 200

    history.unpublish()
    assert client.get("/en/about/history/").status_code == 404
    # Its French translation no longer offers a link to it either.
    french = client.get("/fr/a-propos/historique/").content.decode()
    assert 'hreflang="en" href="http://testserver/en/about/history/"' not in french

    history.save_revision().publish()
    assert client.get("/en/about/history/").status_code == 200


def test_a_page_made_private_after_being_served_asks_for_a_login(client, seed_site):
    about = seed_site.pages["about"]["en"]
    assert client.get("/en/about/history/").status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get_or_create(name="Council")[0])

    response = client.get("/en/about/history/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/en/about/history/"

    restriction.delete()
    assert client.get("/en/about/history/").status_code == 200


def test_a_new_page_is_routed_and_a_deleted_one_is_not(client, seed_site):
    about = fresh(seed_site.pages["about"]["en"])
    assert client.get("/en/about/veterans/").status_code == 404

    page = about.add_child(instance=StandardPage(title="Veterans", slug="veterans"))
    page.save_revision().publish()
    html = client.get("/en/about/veterans/").text
    assert "<h1>Veterans</h1>" in html
    assert '<a href="/en/about/veterans/">' in client.get("/en/about/").text  # listed too

    page.delete()
    assert client.get("/en/about/veterans/").status_code == 404
    assert "/en/about/veterans/" not in client.get("/en/about/").text


def test_a_change_made_by_another_worker_is_seen_through_the_shared_version(client, seed_site):
    """Another process's write moves the version in the shared cache: this worker's copy goes."""
    history = seed_site.pages["history"]["en"]
    client.get("/en/about/history/")
    # The other worker's write: the row changes without a signal in this process...
    type(history).objects.filter(pk=history.pk).update(slug="written-elsewhere")
    assert client.get("/en/about/history/").status_code == 200  # still routed from memory
    # ...and its signal moved the shared version.
    cache.set(structure.VERSION_KEY, "another worker's version")

    assert client.get("/en/about/history/").status_code == 404


def test_what_a_worker_keeps_expires_even_without_a_signal(client, seed_site, monkeypatch):
    history = seed_site.pages["history"]["en"]
    client.get("/en/about/history/")
    type(history).objects.filter(pk=history.pk).update(slug="updated-without-signal")

    clock = structure.time.monotonic() + structure.MAX_AGE + 1
    monkeypatch.setattr(structure.time, "monotonic", lambda: clock)

    assert client.get("/en/about/history/").status_code == 404


def test_the_version_moves_again_after_commit(django_capture_on_commit_callbacks, seed_site):
    before = structure.version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        structure.changed()
    during = structure.version()
    for callback in callbacks:
        callback()

    assert len({before, during, structure.version()}) == 3


def test_a_saved_site_or_photo_moves_the_version_an_article_tag_does_not(seed_site):
    before = structure.version()
    site = Site.objects.get(is_default_site=True)
    site.site_name = "CIOR web"
    site.save()
    after_site = structure.version()

    from nations.models import Nation

    assert after_site != before
    Group.objects.create(name="Not watched")
    assert structure.version() == after_site
    Nation.objects.create(code="ZZZ", name="Zedland", membership="associate")
    assert structure.version() != after_site


def test_picture_tag_parses_its_filter_specs_once(seed_site, monkeypatch):
    from news.tests.factories import PhotoFactory

    photo = PhotoFactory()
    parsed = []
    original = Filter.__init__

    def counting_init(self, spec=None):
        parsed.append(spec)
        original(self, spec)

    monkeypatch.setattr(Filter, "__init__", counting_init)
    template = Template(
        "{% load cior_images %}{% picture photo fill-{40x30,80x60} format-{webp,jpeg} alt='' %}"
    )
    first = template.render(Context({"photo": photo}))
    parsed_first = len(parsed)
    second = template.render(Context({"photo": photo}))

    assert first == second
    assert '<source srcset="' in first and 'type="image/webp"' in first
    assert parsed_first == 4  # fill-40x30|format-webp, ...: the four specs
    assert len(parsed) == parsed_first  # the second render parsed nothing


def test_a_password_restriction_asks_for_the_password_then_serves_the_page(client, seed_site):
    history = seed_site.pages["history"]["en"]
    assert client.get("/en/about/history/").status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=history, restriction_type=PageViewRestriction.PASSWORD, password="cior-1948"
    )

    form = client.get("/en/about/history/")
    action = f"/en/_util/authenticate_with_password/{restriction.pk}/{history.pk}/"
    assert f'action="{action}"' in form.text
    wrong = client.post(action, {"password": "wrong", "return_url": "/en/about/history/"})
    assert "<h1>" + history.title not in client.get("/en/about/history/").text
    assert wrong.status_code == 200

    right = client.post(action, {"password": "cior-1948", "return_url": "/en/about/history/"})
    assert right["Location"] == "/en/about/history/"
    assert f"<h1>{history.title}</h1>" in client.get("/en/about/history/").text


def test_an_editors_redirect_still_answers_for_a_path_no_page_has(client, seed_site):
    from wagtail.contrib.redirects.models import Redirect

    history = seed_site.pages["history"]["en"]
    Redirect.add_redirect("/en/our-story", redirect_to=history, is_permanent=True)

    response = client.get("/en/our-story/")

    assert response.status_code == 301
    assert response["Location"].endswith("/en/about/history/")
