import pytest

from conftest import kept_for_module
from core.demo import finish, site
from core.demo.pages import DemoContext


@pytest.fixture(scope="module")
def seed_site(django_db_setup, django_db_blocker):
    """The seed's pages in English and French, as the demo loader makes them.

    Loaded once per module inside a transaction that is rolled back at the end; each test
    still runs in its own savepoint (the `db` fixture), so tests cannot see each other's writes.
    """
    with kept_for_module(django_db_blocker):
        context = DemoContext()
        site.load(context)
        finish.load(context)
        yield context
