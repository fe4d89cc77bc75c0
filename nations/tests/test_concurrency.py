"""Two treasurers issuing the year's invoices at the same moment: one issues, one finds none."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connection

from nations import services
from nations.models import Invoice, Nation

from .factories import AssociationFactory, NationFactory, SubscriptionRateFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _database_that_waits_for_locks():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        # Shared-cache in-memory SQLite locks whole tables and fails at once instead of waiting.
        pytest.skip("needs PostgreSQL or a file-based SQLite test database")


def run_together(function, times):
    """Call function in `times` threads released at once; return results and errors."""
    barrier = threading.Barrier(times)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            results.append(function())
        except Exception as error:  # reported by the assertion on `errors`
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_concurrent_issues_never_duplicate_a_number_or_an_invoice():
    SubscriptionRateFactory(year=2026, membership=Nation.Membership.FULL, amount=Decimal("1500"))
    for index in range(8):
        AssociationFactory(nation=NationFactory(code=f"QC{chr(65 + index)}"))

    results, errors = run_together(
        lambda: services.issue_invoices(2026, by=None, issued_on=datetime.date(2026, 1, 15)), 2
    )

    assert errors == []
    assert sorted(len(created) for created in results) == [0, 8]
    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers == [f"2026-{n:03d}" for n in range(1, 9)]
    assert Invoice.objects.values("nation").distinct().count() == 8
