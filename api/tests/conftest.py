import pytest
from rest_framework.test import APIClient

from api import rankings, services
from events.tests.conftest import (  # noqa: F401  (fixtures)
    congress,
    delegate_type,
    est,
    fra,
    hod_est,
    hod_fra,
    presidency,
    staff_est,
)
from milcomp import results


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture(autouse=True)
def _fresh_results_caches():
    results.clear_local_caches()
    rankings.local.clear()
    yield
    results.clear_local_caches()
    rankings.local.clear()


@pytest.fixture
def est_key(hod_est, est):  # noqa: F811  (fixtures imported above)
    """The key of an API token of Estonia, made by its head of delegation."""
    _token, key = services.create_token(est, name="Estonian registry", days=30, by=hod_est)
    return key


@pytest.fixture
def fra_key(hod_fra, fra):  # noqa: F811
    _token, key = services.create_token(fra, name="French registry", days=30, by=hod_fra)
    return key


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
