"""The home page's next events ({% next_events 3 %})."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from conftest import add_translated
from events.models import Event
from events.pages import EventIndexPage
from events.templatetags.events_tags import date_range
from nations.models import Nation

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def _in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def _next_events(html):
    section = html.split('aria-labelledby="next-events"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'class="next-events__title" href="([^"]+)">([^<]+)</a>', section)


@pytest.fixture
def calendar(homes):
    return add_translated(
        homes,
        EventIndexPage(title="Events", slug="events"),
        title="Événements",
        slug="evenements",
    )


@pytest.fixture
def upcoming(calendar):
    EventFactory(slug="past", title_en="Past", starts_on=_in_days(-10), ends_on=_in_days(-8))
    EventFactory(slug="draft", title_en="Draft", status=Event.Status.DRAFT, starts_on=_in_days(1))
    # Under way: still "next" until it ends.
    EventFactory(
        slug="now",
        title_en="Under way",
        title_fr="En cours",
        starts_on=_in_days(-1),
        ends_on=_in_days(1),
    )
    congress = EventFactory(
        slug="congress",
        title_en="Congress",
        title_fr="Congrès",
        starts_on=_in_days(30),
        ends_on=_in_days(34),
    )
    EventFactory(slug="sub", parent=congress, title_en="Sub-event", starts_on=_in_days(31))
    EventFactory(
        slug="mid-winter",
        title_en="Mid-Winter Meeting",
        title_fr="Réunion de mi-hiver",
        kind=Event.Kind.MID_WINTER,
        starts_on=_in_days(10),
        ends_on=_in_days(12),
    )
    EventFactory(slug="later", title_en="Later", starts_on=_in_days(90), ends_on=_in_days(91))


def test_home_shows_the_next_three_public_events(client, upcoming):
    html = client.get("/en/").content.decode()

    assert _next_events(html) == [
        ("/en/events/now/", "Under way"),
        ("/en/events/mid-winter/", "Mid-Winter Meeting"),
        ("/en/events/congress/", "Congress"),
    ]
    assert '<a class="more-link" href="/en/events/">All events</a>' in html


def test_home_in_french_shows_the_next_events_in_french(client, upcoming):
    html = client.get("/fr/").content.decode()

    assert _next_events(html) == [
        ("/fr/evenements/en-cours/", "En cours"),
        ("/fr/evenements/reunion-de-mi-hiver/", "Réunion de mi-hiver"),
        ("/fr/evenements/congres/", "Congrès"),
    ]


def test_home_without_upcoming_events_says_so(client, calendar):
    html = client.get("/en/").content.decode()

    assert "No upcoming events are announced yet." in html


def test_home_without_a_calendar_page_shows_no_events_section(client, homes):
    EventFactory(slug="lonely")

    html = client.get("/en/").content.decode()

    assert 'aria-labelledby="next-events"' not in html


@pytest.mark.parametrize("path", ["/en/", "/en/events/", "/en/events/congress/"])
def test_home_calendar_and_event_page_take_at_most_15_queries_whatever_the_number_of_events(
    client, upcoming, path, settings
):
    settings.CIOR_FRAGMENT_CACHE = True  # the menu from the shared cache, as in production
    client.get(path)
    with CaptureQueriesContext(connection) as few:
        assert client.get(path).status_code == 200
    for number in range(50):
        EventFactory(slug=f"event-{number}", starts_on=_in_days(5 + number))
    client.get(path)

    with CaptureQueriesContext(connection) as many:
        html = client.get(path).text

    assert len(few.captured_queries) <= 15
    assert len(many.captured_queries) == len(few.captured_queries)
    if path == "/en/":
        assert len(_next_events(html)) == 3


@pytest.mark.parametrize(
    ("language", "starts", "ends", "expected"),
    [
        ("en", (2027, 2, 6), (2027, 2, 6), "6 February 2027"),
        ("en", (2027, 2, 6), (2027, 2, 9), "6–9 February 2027"),
        ("en", (2027, 2, 27), (2027, 3, 2), "27 February – 2 March 2027"),
        ("en", (2026, 12, 30), (2027, 1, 2), "30 December 2026 – 2 January 2027"),
        ("fr", (2027, 2, 6), (2027, 2, 9), "6–9 février 2027"),
        ("fr", (2027, 7, 30), (2027, 8, 2), "30 juillet – 2 août 2027"),
    ],
)
def test_date_range_reads_in_the_language(language, starts, ends, expected):
    from django.utils import translation

    event = Event(starts_on=datetime.date(*starts), ends_on=datetime.date(*ends))

    with translation.override(language):
        assert date_range(event) == expected


def test_a_new_renamed_or_cancelled_event_shows_on_the_home_at_once(
    client, upcoming, page_cache, django_capture_on_commit_callbacks
):
    """The home is kept by the page cache; an event's save drops it once committed."""
    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        EventFactory(slug="soon", title_en="Language Academy", starts_on=_in_days(2))
    assert [title for _url, title in _next_events(client.get("/en/").text)] == [
        "Under way",
        "Language Academy",
        "Mid-Winter Meeting",
    ]
    assert {"http://localhost/en/", "http://localhost/en/events/soon/"} <= set(page_cache)

    with django_capture_on_commit_callbacks(execute=True):
        Event.objects.get(slug="soon").delete()
        mid_winter = Event.objects.get(slug="mid-winter")
        mid_winter.title_en = "Mid-Winter Meeting 2027"
        mid_winter.status = Event.Status.CANCELLED
        mid_winter.save()

    html = client.get("/en/").text
    assert [title for _url, title in _next_events(html)] == [
        "Under way",
        "Mid-Winter Meeting 2027",
        "Congress",
    ]
    assert "· Cancelled" in html
    assert "http://localhost/fr/evenements/reunion-de-mi-hiver/" in page_cache


def test_a_renamed_host_nation_shows_on_the_event_page_at_once(
    client, upcoming, page_cache, django_capture_on_commit_callbacks
):
    nation = Nation.objects.create(code="ZZZ", name="Zedland", membership="associate")
    Event.objects.filter(slug="congress").update(host_nation=nation)
    assert "Zedland" in client.get("/en/events/congress/").text

    with django_capture_on_commit_callbacks(execute=True):
        nation.name_en = "Renamed Republic"
        nation.save()

    assert "Renamed Republic" in client.get("/en/events/congress/").text
    assert "http://localhost/en/events/congress/" in page_cache


def test_the_next_events_move_on_with_the_date(client, upcoming, monkeypatch, page_cache):
    """The day is part of the page cache's key: the home kept yesterday is not served."""
    client.get("/en/")
    tomorrow_but_one = _in_days(2)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow_but_one)

    # "Under way" ended yesterday (ends_on = today + 1 < today + 2): no longer next.
    assert [title for _url, title in _next_events(client.get("/en/").text)] == [
        "Mid-Winter Meeting",
        "Congress",
        "Later",
    ]


def test_a_new_fee_or_programme_item_shows_on_the_event_page_at_once(
    client, upcoming, page_cache, django_capture_on_commit_callbacks
):
    """The event page is kept (page cache) and so is what it reads (the event, its programme
    and fees, under the generation): a fee or a programme change drops both once committed."""
    from .factories import ProgrammeItemFactory, RegistrationTypeFactory

    congress = Event.objects.get(slug="congress")
    with django_capture_on_commit_callbacks(execute=True):
        fee = RegistrationTypeFactory(event=congress, fee="250.00")
    assert "250.00 EUR" in client.get("/en/events/congress/").text
    assert client.get("/en/events/congress/")["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        fee.fee = "275.00"
        fee.save()
        ProgrammeItemFactory(event=congress, title_en="Wreath laying")

    html = client.get("/en/events/congress/").text
    assert "275.00 EUR" in html and "250.00 EUR" not in html
    assert "Wreath laying" in html
    assert "http://localhost/en/events/congress/" in page_cache


def test_unknown_event_addresses_are_not_kept(client, upcoming, page_cache, monkeypatch):
    """What the address names is only kept when it is a public event: no client fills the
    cache with lookups of slugs that do not exist."""
    from django.core.cache import cache

    kept = []
    set_value = cache.set
    monkeypatch.setattr(
        cache, "set", lambda key, *a, **k: (kept.append(key), set_value(key, *a, **k))
    )
    for number in range(3):
        assert client.get(f"/en/events/no-such-event-{number}/").status_code == 404
    assert client.get("/en/events/congress/").status_code == 200

    english = Locale.objects.get(language_code="en").pk
    assert [key for key in kept if ":event-page:" in key] == [
        f"cior:event-page:{cache.get('cior:pages:generation')}:{english}:congress"
    ]
