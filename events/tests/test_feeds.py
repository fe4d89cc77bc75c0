"""iCalendar feeds: all events, one kind, a person's own registrations."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from accounts.tests.factories import PersonFactory
from conftest import add_translated
from events.models import Event, Registration
from events.pages import EventIndexPage
from events.queries import feed_token_for
from nations.tests.factories import NationFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

Status = Event.Status
State = Registration.State


def _in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def _parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def _by_uid(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def calendar_pages(homes):
    return add_translated(
        homes,
        EventIndexPage(title="Events", slug="events"),
        title="Événements",
        slug="evenements",
    )


@pytest.fixture
def events(calendar_pages):
    bel = NationFactory(code="BEL", name_en="Belgium", name_fr="Belgique")
    mid_winter = EventFactory(
        slug="mid-winter-meeting",
        kind=Event.Kind.MID_WINTER,
        title_en="Mid-Winter Meeting",
        title_fr="Réunion de mi-hiver",
        summary_en="The Council meets at NATO.",
        city_en="Brussels",
        city_fr="Bruxelles",
        venue_en="NATO Headquarters",
        venue_fr="Siège de l'OTAN",
        host_nation=bel,
        starts_on=_in_days(20),
        ends_on=_in_days(22),
    )
    congress = EventFactory(
        slug="summer-congress",
        title_en="Summer Congress",
        title_fr="Congrès d'été",
        starts_on=_in_days(200),
        ends_on=_in_days(205),
    )
    cancelled = EventFactory(
        slug="cancelled-seminar",
        kind=Event.Kind.YRO_SEMINAR,
        title_en="Cancelled Seminar",
        title_fr="Séminaire annulé",
        starts_on=_in_days(50),
        ends_on=_in_days(50),
        status=Status.CANCELLED,
    )
    draft = EventFactory(slug="draft", title_en="Draft Meeting", status=Status.DRAFT)
    ancient = EventFactory(
        slug="ancient",
        title_en="Ancient Congress",
        starts_on=_in_days(-800),
        ends_on=_in_days(-797),
    )
    return {
        "mid_winter": mid_winter,
        "congress": congress,
        "cancelled": cancelled,
        "draft": draft,
        "ancient": ancient,
    }


def test_all_events_feed_is_a_valid_calendar_in_english(client, events):
    calendar = _parse(client.get("/en/feeds/events.ics"))
    vevents = _by_uid(calendar)
    mid_winter = events["mid_winter"]
    entry = vevents[f"event-{mid_winter.pk}@cior.net"]

    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//CIOR//Events calendar//EN"
    assert str(calendar["X-WR-CALNAME"]) == "CIOR events"
    assert set(vevents) == {
        f"event-{events[key].pk}@cior.net" for key in ("mid_winter", "congress", "cancelled")
    }
    assert entry.decoded("DTSTART") == mid_winter.starts_on
    assert entry.decoded("DTEND") == mid_winter.ends_on + datetime.timedelta(days=1)
    assert str(entry["SUMMARY"]) == "Mid-Winter Meeting"
    assert str(entry["LOCATION"]) == "NATO Headquarters, Brussels, Belgium"
    assert str(entry["URL"]) == "http://testserver/en/events/mid-winter-meeting/"
    assert str(entry["STATUS"]) == "CONFIRMED"
    assert "The Council meets at NATO." in str(entry["DESCRIPTION"])
    assert isinstance(entry.decoded("DTSTAMP"), datetime.datetime)


def test_all_events_feed_in_french_names_events_in_french(client, events):
    calendar = _parse(client.get("/fr/feeds/events.ics"))
    entry = _by_uid(calendar)[f"event-{events['mid_winter'].pk}@cior.net"]

    assert str(entry["SUMMARY"]) == "Réunion de mi-hiver"
    assert str(entry["LOCATION"]) == "Siège de l'OTAN, Bruxelles, Belgique"
    assert str(entry["URL"]) == "http://testserver/fr/evenements/reunion-de-mi-hiver/"
    assert entry.decoded("DTSTART") == events["mid_winter"].starts_on


def test_feed_uids_are_the_same_in_both_languages_and_every_time(client, events):
    english = set(_by_uid(_parse(client.get("/en/feeds/events.ics"))))
    french = set(_by_uid(_parse(client.get("/fr/feeds/events.ics"))))
    again = set(_by_uid(_parse(client.get("/en/feeds/events.ics"))))

    assert english == french == again


def test_feed_marks_cancelled_events(client, events):
    entry = _by_uid(_parse(client.get("/en/feeds/events.ics")))[
        f"event-{events['cancelled'].pk}@cior.net"
    ]

    assert str(entry["STATUS"]) == "CANCELLED"
    assert entry.decoded("DTEND") - entry.decoded("DTSTART") == datetime.timedelta(days=1)


def test_kind_feed_has_only_that_kind(client, events):
    calendar = _parse(client.get("/en/feeds/events/summer_congress.ics"))

    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Summer Congress"]
    assert str(calendar["X-WR-CALNAME"]) == "CIOR: Summer Congress"


def test_kind_feed_in_french(client, events):
    calendar = _parse(client.get("/fr/feeds/events/summer_congress.ics"))

    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Congrès d'été"]


def test_kind_feed_is_404_for_an_unknown_kind(client, events):
    assert client.get("/en/feeds/events/picnic.ics").status_code == 404


def test_feed_without_a_calendar_page_still_answers_without_urls(client, db):
    EventFactory(slug="lonely", title_en="Lonely Meeting")

    calendar = _parse(client.get("/en/feeds/events.ics"))
    (entry,) = calendar.walk("VEVENT")

    assert str(entry["SUMMARY"]) == "Lonely Meeting"
    assert "URL" not in entry


def test_personal_feed_shows_only_the_persons_live_registrations(client, events):
    person, other = PersonFactory(), PersonFactory()
    confirmed = RegistrationFactory(
        event=events["mid_winter"], person=person, state=State.CONFIRMED
    )
    waiting = RegistrationFactory(event=events["congress"], person=person, state=State.WAITING)
    RegistrationFactory(event=events["cancelled"], person=person, state=State.CANCELLED)
    RegistrationFactory(event=events["ancient"], person=other, state=State.CONFIRMED)
    token = feed_token_for(person).token

    calendar = _parse(client.get(f"/en/feeds/my/{token}.ics"))
    vevents = _by_uid(calendar)

    assert set(vevents) == {
        f"event-{confirmed.event_id}@cior.net",
        f"event-{waiting.event_id}@cior.net",
    }
    assert str(calendar["X-WR-CALNAME"]) == "My CIOR events"
    assert str(vevents[f"event-{confirmed.event_id}@cior.net"]["STATUS"]) == "CONFIRMED"
    assert str(vevents[f"event-{waiting.event_id}@cior.net"]["STATUS"]) == "TENTATIVE"
    assert "Your registration: Delegate, Waiting list" in str(
        vevents[f"event-{waiting.event_id}@cior.net"]["DESCRIPTION"]
    )


def test_personal_feed_in_french(client, events):
    person = PersonFactory()
    RegistrationFactory(event=events["mid_winter"], person=person, state=State.SUBMITTED)
    token = feed_token_for(person).token

    calendar = _parse(client.get(f"/fr/feeds/my/{token}.ics"))
    (entry,) = calendar.walk("VEVENT")

    assert str(entry["SUMMARY"]) == "Réunion de mi-hiver"
    assert entry.decoded("DTSTART") == events["mid_winter"].starts_on


def test_personal_feed_is_404_for_an_unknown_token(client, events):
    assert client.get("/en/feeds/my/not-a-token.ics").status_code == 404


def test_feed_token_for_gives_one_token_per_person(db):
    person = PersonFactory()

    first, second = feed_token_for(person), feed_token_for(person)

    assert first.pk == second.pk and len(first.token) >= 32
    assert feed_token_for(PersonFactory()).token != first.token


def test_feeds_take_a_bounded_number_of_queries(
    client, calendar_pages, django_assert_max_num_queries
):
    person = PersonFactory()
    for number in range(30):
        event = EventFactory(slug=f"event-{number}", starts_on=_in_days(10 + number))
        RegistrationFactory(event=event, person=person, state=State.CONFIRMED)
    token = feed_token_for(person).token
    client.get("/en/feeds/events.ics")

    with django_assert_max_num_queries(6):
        everything = _parse(client.get("/en/feeds/events.ics"))
    with django_assert_max_num_queries(6):
        congresses = _parse(client.get("/fr/feeds/events/summer_congress.ics"))
    with django_assert_max_num_queries(6):
        own = _parse(client.get(f"/en/feeds/my/{token}.ics"))

    assert len(everything.walk("VEVENT")) == 30
    assert len(congresses.walk("VEVENT")) == 30
    assert len(own.walk("VEVENT")) == 30
