"""The academy demo loader: idempotent, 130 applicants for 100 places in every group, a
finished year with certificates, a YRO Workshop with LOAC results."""

import pytest

from academy import demo
from academy.models import Application, LoacResult, Session
from accounts import demo as accounts_demo
from conftest import kept_for_module
from core.demo.pages import DemoContext
from nations.tests.factories import NationFactory


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Load the demo twice in one module-wide transaction; return what each run created."""
    with kept_for_module(django_db_blocker):
        for code in {*demo.NATIONS, "BEL", "GBR"}:
            NationFactory(code=code, name_en=code.title(), name_fr=code.title())
        accounts_demo.load(DemoContext())
        first, second = DemoContext(), DemoContext()
        demo.load(first)
        demo.load(second)
        yield first, second


def test_demo_second_load_creates_nothing(loaded, db):
    first, second = loaded
    assert len(first.created) >= 4
    assert second.created == []


def test_demo_session_has_130_applicants_for_100_places_in_every_group(loaded, db):
    session = Session.objects.order_by("-year").first()
    applications = Application.objects.filter(session=session)
    assert applications.count() == 130
    assert applications.filter(state="allocated").count() == 100
    assert applications.filter(state="waiting").exists()
    groups = set(applications.exclude(group_reason="").values_list("group_reason", flat=True))
    assert groups == {"reserve_under_age", "reserve_over_age", "active_duty", "civilian"}
    assert applications.filter(state="allocated", course_class__isnull=False).count() > 50


def test_demo_previous_year_has_certificates_and_yro_results(loaded, db):
    previous = Session.objects.order_by("year").first()
    assert Application.objects.filter(
        session=previous, certificate_issued_at__isnull=False
    ).exists()
    results = LoacResult.objects.all()
    assert results.count() == len(demo.YRO_PEOPLE)
    assert {result.passed for result in results} == {True, False}
    assert results.filter(certificate_issued_at__isnull=False).exists()
