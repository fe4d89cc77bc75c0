"""Passport data erased `passport_retention_days` after the event (erase_passport_data)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from events import services
from events.models import Registration

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

PASSPORT = {
    "passport_number": "EE1234567",
    "nationality": "Estonian",
    "passport_expires_on": datetime.date(2031, 1, 1),
    "date_of_birth": datetime.date(1980, 5, 17),
    "place_of_birth": "Tartu",
}


def ended(days_ago, retention=30, **kwargs):
    today = timezone.localdate()
    return EventFactory(
        starts_on=today - datetime.timedelta(days_ago + 3),
        ends_on=today - datetime.timedelta(days_ago),
        registration_opens_at=None,
        registration_closes_at=None,
        passport_retention_days=retention,
        **kwargs,
    )


@pytest.fixture
def events():
    """An event past retention (2 with passport data, 1 without), one within retention."""
    past = ended(31, slug="past")
    recent = ended(30, slug="recent")  # ends_on + 30 == today: not yet
    for _ in range(2):
        RegistrationFactory(event=past, diet="vegan", **PASSPORT)
    RegistrationFactory(event=past)
    RegistrationFactory(event=recent, **PASSPORT)
    return past, recent


def run(*args):
    out = StringIO()
    call_command("erase_passport_data", *args, stdout=out)
    return out.getvalue()


def passport_values(event):
    return list(
        Registration.objects.filter(event=event).order_by("pk").values_list(*PASSPORT.keys())
    )


def test_erase_blanks_passport_data_of_events_past_retention_only(events):
    past, recent = events

    output = run()

    assert passport_values(past) == [("", "", None, None, "")] * 3
    assert passport_values(recent) == [tuple(PASSPORT.values())]
    assert set(Registration.objects.filter(event=past).values_list("diet", flat=True)) == {
        "vegan",
        "",
    }
    past.refresh_from_db()
    recent.refresh_from_db()
    assert past.passport_data_erased_at is not None
    assert recent.passport_data_erased_at is None
    assert "Erased the passport data of 2 registration(s) of past" in output
    assert "recent" not in output


def test_erase_writes_one_audit_entry_per_event_without_personal_data(events):
    past, _recent = events

    run()

    [entry] = ModelLogEntry.objects.filter(action="cior.passport_erasure")
    assert entry.object_id == str(past.pk)
    assert entry.data["changes"] == {"registrations_with_passport_data": [2, 0]}
    assert "EE1234567" not in str(entry.data) and "Tartu" not in str(entry.data)


def test_erase_second_run_has_nothing_to_do(events):
    past, _recent = events
    run()
    erased_at = type(past).objects.get(pk=past.pk).passport_data_erased_at

    output = run()

    assert output.strip() == "No passport data to erase."
    assert type(past).objects.get(pk=past.pk).passport_data_erased_at == erased_at
    assert ModelLogEntry.objects.filter(action="cior.passport_erasure").count() == 1


def test_erase_dry_run_changes_nothing(events):
    past, _recent = events

    output = run("--dry-run")

    assert "Would erase the passport data of 2 registration(s) of past" in output
    assert "Dry run: nothing changed." in output
    assert passport_values(past)[:2] == [tuple(PASSPORT.values())] * 2
    past.refresh_from_db()
    assert past.passport_data_erased_at is None
    assert not ModelLogEntry.objects.filter(action="cior.passport_erasure").exists()


def test_erase_uses_each_event_retention(db):
    short = ended(8, retention=7, slug="short")
    long = ended(8, retention=60, slug="long")
    RegistrationFactory(event=short, **PASSPORT)
    RegistrationFactory(event=long, **PASSPORT)

    due = services.erase_passport_data()

    assert [(event.slug, count) for event, count in due] == [("short", 1)]
    assert passport_values(long) == [tuple(PASSPORT.values())]


def test_erase_upcoming_event_untouched(congress):
    RegistrationFactory(event=congress, **PASSPORT)

    assert run().strip() == "No passport data to erase."
    assert passport_values(congress) == [tuple(PASSPORT.values())]
