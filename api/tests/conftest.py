import pytest
from rest_framework.test import APIClient

from api import services
from events.tests.conftest import (  # noqa: F401  (fixtures)
    congress,
    delegate_type,
)


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def est_key(hod_est, est):
    """The key of an API token of Estonia, made by its head of delegation."""
    _token, key = services.create_token(est, name="Estonian registry", days=30, by=hod_est)
    return key


@pytest.fixture
def fra_key(hod_fra, fra):
    _token, key = services.create_token(fra, name="French registry", days=30, by=hod_fra)
    return key


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
