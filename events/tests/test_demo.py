"""The events demo loader: idempotent, every registration state, room for the browser test."""

import pytest
from django.utils import timezone
from django.utils.text import slugify

from accounts import demo as accounts_demo
from conftest import kept_for_module
from core.demo.pages import DemoContext
from events import demo, services
from events.models import Event, Registration
from nations.models import Nation
from nations.tests.factories import NationFactory

State = Registration.State

CODES = ["BEL", "DEU", "EST", "FRA", "NOR", "POL", "USA", "GBR"]


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Load the demo twice in one module-wide transaction; return what each run created."""
    with kept_for_module(django_db_blocker):
        for code in CODES:
            NationFactory(code=code, name_en=code.title(), name_fr=code.title())
        accounts_demo.load(DemoContext())
        first, second = DemoContext(), DemoContext()
        demo.load(first)
        demo.load(second)
        yield first, second


@pytest.fixture
def congress(loaded, db):
    return Event.objects.get(kind=Event.Kind.SUMMER_CONGRESS, status="registration_open")


def test_demo_second_load_creates_nothing(loaded, db):
    first, second = loaded

    assert len(first.created) > 50
    assert second.created == []


def test_demo_has_every_state_from_several_nations(congress):
    rows = congress.registrations.values_list("state", "nation__code")
    by_state = {}
    for state, code in rows:
        by_state.setdefault(state, set()).add(code)

    assert set(by_state) == set(State.values)
    assert len({code for codes in by_state.values() for code in codes}) >= 6
    assert len(by_state[State.CONFIRMED]) >= 4


def test_demo_registration_is_open_now(congress, db):
    mwm = Event.objects.get(kind=Event.Kind.MID_WINTER)

    assert congress.registration_is_open()
    assert mwm.registration_is_open()
    assert congress.starts_on > timezone.localdate()
    assert {e.kind for e in congress.sub_events.all()} == {
        "cimex",
        "yro_workshop",
        "milcomp",
        "symposium",
        "council",
        "gala",
    }
    assert [e.kind for e in mwm.sub_events.all()] == ["council"]
    assert congress.programme.count() == 5


def test_demo_estonia_has_two_delegate_places_left(congress):
    delegate = congress.registration_types.get(kind="delegate")

    places = services.places(delegate, Nation.objects.get(code="EST"))

    assert (places.quota, places.held_by_nation, places.free) == (3, 1, 2)


def test_demo_confirmed_registrations_with_passport_data_and_audit(congress):
    from wagtail.models import ModelLogEntry

    with_passport = [r for r in congress.registrations.all() if r.has_passport_data]
    confirmed = congress.registrations.get(person__email="hod.est@example.org")

    assert {r.state for r in with_passport} == {State.CONFIRMED}
    assert len(with_passport) >= 3
    assert ModelLogEntry.objects.for_instance(confirmed).count() == 2  # registered, confirmed


def test_demo_past_congress_has_attended_confirmed_registrations(loaded, db):
    past = Event.objects.get(kind=Event.Kind.SUMMER_CONGRESS, ends_on__lt=timezone.localdate())

    attended = past.registrations.filter(state=State.CONFIRMED, attended=True).count()
    no_shows = past.registrations.filter(attended=False).count()

    assert (attended, no_shows) == (7, 1)
    assert not past.registrations.exclude(passport_number="").exists()


def test_demo_events_have_french_slugs_from_their_french_titles(loaded, db):
    events = list(Event.objects.exclude(title_fr=""))

    assert events
    assert all(event.french_slug == slugify(event.title_fr) for event in events)
    assert all(
        event.french_slug != event.slug for event in events if event.title_fr != event.title_en
    )
