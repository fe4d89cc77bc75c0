import pytest
from django.core.cache import cache

from core.demo.pages import add_translated_page
from governance import demo
from governance.models import CommitteeIndexPage, PresidencyPage
from nations import demo as nations_demo
from nations.tests.sites import build_site, kept_for_module


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches the site's root paths: a test must not see another test's site."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The site with the demo nations, committees, terms, team and pages, built once per module."""
    with kept_for_module(django_db_blocker):
        context = build_site()
        nations_demo.load(context)
        demo.load(context)
        yield context


@pytest.fixture(scope="module")
def empty_site(django_db_setup, django_db_blocker):
    """The site with a presidency page (current term) and a committees page, but no records."""
    with kept_for_module(django_db_blocker):
        context = build_site()
        structure = context.pages["structure"]
        add_translated_page(
            context,
            "presidency",
            structure,
            PresidencyPage,
            en={"title": "Presidency", "slug": "presidency"},
            fr={"title": "Présidence", "slug": "presidence"},
        )
        add_translated_page(
            context,
            "committees",
            structure,
            CommitteeIndexPage,
            en={"title": "Committees", "slug": "committees"},
            fr={"title": "Comités", "slug": "comites"},
        )
        yield context


TEST_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def with_totp(user):
    """Give a staff account its authenticator: the admin sends staff without one to set it up."""
    from accounts.services import activate_totp

    activate_totp(user, secret=TEST_SECRET, by=None)
    return user


@pytest.fixture
def admin_user(admin_user):
    return with_totp(admin_user)
