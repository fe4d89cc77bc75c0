"""The public events calendar (/en/events/, /fr/evenements/) and the event pages below it."""

import datetime
import re
from unittest import mock

import pytest
from django.utils import timezone

from accounts.models import RoleAssignment
from accounts.tests.conftest import staff_user
from conftest import add_translated, log_in_with_two_factor
from events import services
from events.models import Event
from events.pages import EventIndexPage
from nations.tests.factories import NationFactory

from .factories import EventFactory, ProgrammeItemFactory, RegistrationTypeFactory

pytestmark = pytest.mark.django_db

Status = Event.Status


def _in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def _text(html):
    """Return the HTML's text (the <main> of a whole page), tags removed, spaces collapsed."""
    if "<main" in html:
        html = html.split("<main", 1)[1].split(">", 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _titles(html):
    """Return the titles of the event cards in `html`, in order."""
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def _section(html, heading_id):
    """Return the HTML of the <section> labelled by `heading_id`."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


@pytest.fixture
def calendar(homes):
    return add_translated(
        homes,
        EventIndexPage(title="Events", slug="events"),
        title="Événements",
        slug="evenements",
    )


@pytest.fixture
def bel(db):
    return NationFactory(code="BEL", name_en="Belgium", name_fr="Belgique")


@pytest.fixture
def events(calendar, bel):
    """A Mid-Winter Meeting, a congress with two sub-events, a past congress, a draft, a
    cancelled seminar."""
    mid_winter = EventFactory(
        slug="mid-winter-meeting",
        kind=Event.Kind.MID_WINTER,
        title_en="Mid-Winter Meeting",
        title_fr="Réunion de mi-hiver",
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
        summary_en="The yearly gathering of all member nations.",
        summary_fr="La réunion annuelle de toutes les nations membres.",
        starts_on=_in_days(200),
        ends_on=_in_days(205),
        status=Status.PUBLISHED,
    )
    milcomp = EventFactory(
        slug="milcomp",
        kind=Event.Kind.MILCOMP,
        parent=congress,
        title_en="Military Competition",
        title_fr="Compétition militaire",
        starts_on=_in_days(201),
        ends_on=_in_days(203),
        status=Status.PUBLISHED,
    )
    symposium = EventFactory(
        slug="symposium",
        kind=Event.Kind.SYMPOSIUM,
        parent=congress,
        title_en="Symposium",
        title_fr="Symposium",
        starts_on=_in_days(204),
        ends_on=_in_days(204),
        status=Status.PUBLISHED,
    )
    past = EventFactory(
        slug="past-congress",
        title_en="Past Congress",
        title_fr="Congrès passé",
        starts_on=_in_days(-300),
        ends_on=_in_days(-296),
        status=Status.REGISTRATION_CLOSED,
    )
    draft = EventFactory(
        slug="secret-meeting",
        kind=Event.Kind.IN_BETWEEN,
        title_en="Secret Meeting",
        title_fr="Réunion secrète",
        status=Status.DRAFT,
    )
    cancelled = EventFactory(
        slug="cancelled-seminar",
        kind=Event.Kind.YRO_SEMINAR,
        title_en="Cancelled Seminar",
        title_fr="Séminaire annulé",
        starts_on=_in_days(50),
        ends_on=_in_days(52),
        status=Status.CANCELLED,
    )
    return {
        "mid_winter": mid_winter,
        "congress": congress,
        "milcomp": milcomp,
        "symposium": symposium,
        "past": past,
        "draft": draft,
        "cancelled": cancelled,
    }


def test_calendar_lists_upcoming_and_past_events_in_english(client, events):
    html = client.get("/en/events/").content.decode()
    upcoming = _section(html, "upcoming-heading")
    past = _section(html, "past-heading")

    assert _titles(html) == [
        "Mid-Winter Meeting",
        "Cancelled Seminar",
        "Summer Congress",
        "Past Congress",
    ]
    assert _titles(upcoming) == ["Mid-Winter Meeting", "Cancelled Seminar", "Summer Congress"]
    assert _titles(past) == ["Past Congress"]
    assert '<a href="/en/events/mid-winter-meeting/">Mid-Winter Meeting</a>' in html
    assert f'<h3 class="events-past__year">{events["past"].starts_on.year}</h3>' in past


def test_calendar_lists_the_events_in_french(client, events):
    html = client.get("/fr/evenements/").content.decode()

    assert _titles(html) == [
        "Réunion de mi-hiver",
        "Séminaire annulé",
        "Congrès d&#x27;été",
        "Congrès passé",
    ]
    assert '<a href="/fr/evenements/reunion-de-mi-hiver/">Réunion de mi-hiver</a>' in html
    assert "Bruxelles, " in html and "Belgique" in html
    assert "Réunion de mi-hiver" in _text(_section(html, "upcoming-heading"))


def test_calendar_card_shows_kind_dates_city_flag_and_status(client, events):
    html = client.get("/en/events/").content.decode()
    card = html[html.index('id="event-mid-winter-meeting"') :].split("</li>", 1)[0]
    start, end = events["mid_winter"].starts_on, events["mid_winter"].ends_on

    assert "Mid-Winter Meeting</span>" in card  # the kind
    assert "Registration open" in card
    assert f'<time datetime="{start:%Y-%m-%d}">' in card
    if start.month == end.month:
        assert f"{start.day}–{end.day} {end:%B %Y}" in card
    assert 'src="/static/img/flags/bel.svg"' in card
    assert "Brussels, " in card and "Belgium" in card


def test_calendar_lists_sub_events_under_their_congress(client, events):
    html = client.get("/en/events/").content.decode()
    card = html[html.index('id="event-summer-congress"') :].split("</ul>", 1)[0]

    assert '<a href="/en/events/milcomp/">Military Competition</a>' in card
    assert '<a href="/en/events/symposium/">Symposium</a>' in card
    assert card.index("Military Competition") < card.index("Symposium")
    # Sub-events are listed under their parent, not as cards of their own.
    assert 'id="event-milcomp"' not in html


def test_calendar_hides_drafts(client, events):
    html = client.get("/en/events/").content.decode()

    assert "Secret Meeting" not in html
    assert client.get("/en/events/secret-meeting/").status_code == 404


def test_calendar_marks_cancelled_events(client, events):
    html = client.get("/en/events/").content.decode()
    card = html[html.index('id="event-cancelled-seminar"') :].split("</li>", 1)[0]

    assert '<li class="card event-card event-card--cancelled" id="event-cancelled-seminar">' in html
    assert '<span class="event-badge event-badge--cancelled">Cancelled</span>' in card
    assert "Registration open" not in card


def test_calendar_filters_by_kind(client, events):
    html = client.get("/en/events/", {"kind": "summer_congress"}).content.decode()

    assert _titles(html) == ["Summer Congress", "Past Congress"]
    assert '<a class="chip is-current" href="/en/events/?kind=summer_congress"' in html
    assert 'href="/en/feeds/events/summer_congress.ics"' in html


def test_calendar_kind_filter_finds_sub_events_with_their_parent(client, events):
    html = client.get("/en/events/", {"kind": "milcomp"}).content.decode()

    assert _titles(html) == ["Military Competition"]
    assert 'Part of <a href="/en/events/summer-congress/">Summer Congress</a>' in html


def test_calendar_with_an_unknown_kind_shows_all_events_and_says_so(client, events):
    response = client.get("/en/events/", {"kind": "picnic", "page": "x"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "There is no such kind of event: all events are shown." in html
    assert "Mid-Winter Meeting" in html and "Past Congress" in html


def test_calendar_offers_only_the_kinds_of_public_events(client, events):
    html = client.get("/en/events/").content.decode()
    chips = re.findall(r'class="chip[^"]*" href="[^"]+"[^>]*>([^<]+)</a>', html)

    assert chips == [
        "All events",
        "Mid-Winter Meeting",
        "Summer Congress",
        "YRO Seminar",
        "Military Competition (MILCOMP)",
        "Symposium",
    ]


def test_calendar_links_its_icalendar_feeds(client, events):
    html = client.get("/fr/evenements/").content.decode()

    assert '<link rel="alternate" type="text/calendar"' in html
    assert 'href="/fr/feeds/events.ics"' in html


def test_calendar_paginates_past_events(client, calendar):
    for number in range(14):
        EventFactory(
            slug=f"old-{number}",
            title_en=f"Old meeting {number}",
            starts_on=_in_days(-30 - number),
            ends_on=_in_days(-30 - number),
        )

    first = client.get("/en/events/").content.decode()
    second = client.get("/en/events/", {"page": 2}).content.decode()

    assert "Old meeting 0<" in first and "Old meeting 11<" in first
    assert "Old meeting 12<" not in first
    assert "Old meeting 12<" in second and "Old meeting 13<" in second
    assert "Page 2 of 2" in second


def test_calendar_takes_a_bounded_number_of_queries(
    client, calendar, bel, django_assert_max_num_queries
):
    for number in range(15):
        parent = EventFactory(
            slug=f"upcoming-{number}", host_nation=bel, starts_on=_in_days(10 + number)
        )
        EventFactory(slug=f"sub-{number}", parent=parent, kind=Event.Kind.CIMEX)
        EventFactory(
            slug=f"past-{number}",
            host_nation=bel,
            starts_on=_in_days(-100 - number),
            ends_on=_in_days(-99 - number),
        )
    client.get("/en/events/")  # warm the site-root cache, as any running server has

    with django_assert_max_num_queries(20):
        response = client.get("/en/events/")

    assert response.content.decode().count('class="card event-card') == 27  # 15 + 12 past


def test_event_page_shows_the_event(client, events):
    html = client.get("/en/events/mid-winter-meeting/").content.decode()
    text = _text(html)

    assert "<h1>Mid-Winter Meeting</h1>" in html
    assert "<title>Mid-Winter Meeting | CIOR</title>" in html
    assert "Venue NATO Headquarters" in text
    assert "City Brussels" in text
    assert "Host nation" in text and "Belgium" in text
    assert "Times are local: Europe/Brussels" in text
    assert 'href="/en/feeds/events/mid_winter.ics"' in html
    assert 'href="/en/feeds/events.ics"' in html


def test_event_page_shows_description_paragraphs(client, events):
    event = events["mid_winter"]
    event.description_en = "First paragraph.\n\nSecond paragraph."
    event.save()

    html = client.get("/en/events/mid-winter-meeting/").content.decode()

    assert "<p>First paragraph.</p>" in html and "<p>Second paragraph.</p>" in html


def test_event_page_in_french_shows_the_french_text(client, events):
    html = client.get("/fr/evenements/congres-dete/").content.decode()

    assert "<h1>Congrès d&#x27;été</h1>" in html
    assert "La réunion annuelle de toutes les nations membres." in html
    assert '<a href="/fr/evenements/competition-militaire/">Compétition militaire</a>' in html
    assert '<html lang="fr">' in html


def test_event_page_falls_back_to_english_where_french_is_empty(client, events):
    event = events["mid_winter"]
    event.title_fr = ""
    event.save()

    html = client.get("/fr/evenements/reunion-de-mi-hiver/").content.decode()

    assert "<h1>Mid-Winter Meeting</h1>" in html


def test_event_page_language_switch_keeps_the_event(client, events):
    html = client.get("/fr/evenements/competition-militaire/").content.decode()

    assert 'hreflang="en" href="http://testserver/en/events/milcomp/"' in html
    assert 'href="/en/events/milcomp/"' in html


def test_event_pages_in_french_have_french_slugs(events):
    assert {key: event.french_slug for key, event in events.items()} == {
        "mid_winter": "reunion-de-mi-hiver",
        "congress": "congres-dete",
        "milcomp": "competition-militaire",
        "symposium": "symposium",
        "past": "congres-passe",
        "draft": "reunion-secrete",
        "cancelled": "seminaire-annule",
    }


def test_language_switch_goes_to_the_french_slug_and_back(client, events):
    english = client.get("/en/events/summer-congress/").content.decode()

    assert '<a href="/fr/evenements/congres-dete/" hreflang="fr" lang="fr">Français</a>' in english
    french = client.get("/fr/evenements/congres-dete/").content.decode()
    assert "<h1>Congrès d&#x27;été</h1>" in french
    assert '<a href="/en/events/summer-congress/" hreflang="en" lang="en">English</a>' in french


def test_old_french_url_with_the_english_slug_redirects_permanently(client, events):
    response = client.get("/fr/evenements/summer-congress/")

    assert response.status_code == 301
    assert response["Location"] == "/fr/evenements/congres-dete/"


def test_english_url_with_the_french_slug_redirects_to_the_english_slug(client, events):
    response = client.get("/en/events/congres-dete/")

    assert response.status_code == 301
    assert response["Location"] == "/en/events/summer-congress/"


def test_changed_french_slug_leaves_a_redirect_from_the_old_address(client, events):
    congress = events["congress"]
    congress.french_slug = "congres-annuel"

    services.save_event(congress, by=staff_user(RoleAssignment.Role.PRESIDENCY))
    old = client.get("/fr/evenements/congres-dete/")

    assert (old.status_code, old["Location"]) == (301, "/fr/evenements/congres-annuel/")
    assert "<h1>Congrès d&#x27;été</h1>" in client.get(old["Location"]).content.decode()
    assert client.get("/en/events/summer-congress/").status_code == 200


def test_event_without_french_title_keeps_its_slug_in_french(client, calendar):
    EventFactory(slug="cimex", title_en="CIMEX", title_fr="", status=Status.PUBLISHED)

    response = client.get("/fr/evenements/cimex/")

    assert response.status_code == 200
    assert "<h1>CIMEX</h1>" in response.content.decode()


def test_french_slug_made_from_a_taken_title_gets_a_number(calendar):
    EventFactory(slug="congress-2027", title_fr="Congrès")
    second = EventFactory(slug="congress-2028", title_fr="Congrès")

    assert second.french_slug == "congres-2"


def test_event_page_lists_the_sub_events_with_dates(client, events):
    html = client.get("/en/events/summer-congress/").content.decode()
    section = _section(html, "sub-events-heading")
    milcomp = events["milcomp"]

    assert '<a href="/en/events/milcomp/">Military Competition</a>' in section
    assert f'<time datetime="{milcomp.starts_on:%Y-%m-%d}">' in section
    assert section.index("Military Competition") < section.index("Symposium")


def test_sub_event_page_links_its_parent(client, events):
    html = client.get("/en/events/milcomp/").content.decode()

    assert 'Part of</dt><dd><a href="/en/events/summer-congress/">Summer Congress</a>' in html
    assert "sub-events-heading" not in html


def test_event_page_shows_the_programme_by_day_in_the_events_time_zone(client, events):
    event = events["mid_winter"]  # Europe/Brussels
    day = event.starts_on
    utc = datetime.UTC
    ProgrammeItemFactory(
        event=event,
        starts_at=datetime.datetime(day.year, day.month, day.day, 8, 0, tzinfo=utc),
        ends_at=datetime.datetime(day.year, day.month, day.day, 9, 30, tzinfo=utc),
        title_en="Opening ceremony",
        title_fr="Cérémonie d'ouverture",
        location_en="Main hall",
    )
    second = day + datetime.timedelta(days=1)
    ProgrammeItemFactory(
        event=event,
        starts_at=datetime.datetime(second.year, second.month, second.day, 18, 0, tzinfo=utc),
        title_en="Council meeting",
        title_fr="Réunion du Conseil",
    )
    offset = int(
        timezone.localtime(datetime.datetime(day.year, day.month, day.day, 8, tzinfo=utc), event.tz)
        .utcoffset()
        .total_seconds()
        // 3600
    )

    en = _section(
        client.get("/en/events/mid-winter-meeting/").content.decode(), "programme-heading"
    )
    fr = _section(
        client.get("/fr/evenements/reunion-de-mi-hiver/").content.decode(), "programme-heading"
    )

    days = re.findall(r'<h3 class="programme__day"><time datetime="([\d-]+)">', en)
    assert days == [f"{day:%Y-%m-%d}", f"{second:%Y-%m-%d}"]
    assert f">{8 + offset:02d}:00</time>–<time" in en
    assert f">{9 + offset:02d}:30</time>" in en
    assert f">{18 + offset:02d}:00</time>" in en
    assert "Opening ceremony" in en and "Main hall" in en
    assert en.index("Opening ceremony") < en.index("Council meeting")
    assert "Cérémonie d&#x27;ouverture" in fr and "Réunion du Conseil" in fr


def test_event_page_shows_registration_types_with_fees(client, events):
    event = events["mid_winter"]
    # A capacity no date or time on the page can contain (00:40 did, at 23:40 UTC).
    RegistrationTypeFactory(event=event, kind="delegate", fee="250.00", capacity=137)
    RegistrationTypeFactory(event=event, kind="observer", fee="0")

    html = client.get("/en/events/mid-winter-meeting/").content.decode()
    section = _text(_section(html, "registration-heading"))

    assert "Delegate 250.00 EUR" in section
    assert "Observer No fee" in section
    assert "137" not in section  # capacities and quotas are not public
    assert "Registration is open until" in section


def test_event_page_says_when_registration_opens_later(client, events):
    event = events["mid_winter"]
    event.registration_opens_at = timezone.now() + datetime.timedelta(days=3)
    event.save()

    html = client.get("/en/events/mid-winter-meeting/").content.decode()

    assert "Registration opens on" in _text(_section(html, "registration-heading"))


def test_event_page_kept_content_follows_the_clock_not_only_edits(client, events, settings):
    """The event's content is a fragment kept under the page generation; registration opening
    and closing move no generation, so what it says of them is part of the fragment's key."""
    settings.CIOR_FRAGMENT_CACHE = True
    event = events["mid_winter"]
    now = timezone.now()
    event.registration_closes_at = now + datetime.timedelta(hours=1)
    event.save()
    url = "/en/events/mid-winter-meeting/"
    client.get(url)

    before = _text(_section(client.get(url).content.decode(), "registration-heading"))
    later = now + datetime.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        after = _text(_section(client.get(url).content.decode(), "registration-heading"))

    assert "Registration is open until" in before
    assert "Registration is closed." in after


def test_cancelled_event_page_says_so(client, events):
    html = client.get("/en/events/cancelled-seminar/").content.decode()

    assert "This event has been cancelled." in html
    assert "STATUS" not in html
    assert '<span class="event-badge event-badge--cancelled">Cancelled</span>' in html


def test_event_page_links_delegation_users_to_their_registrations(client, events):
    est = NationFactory(code="EST", name_en="Estonia")
    hod = staff_user(RoleAssignment.Role.HEAD_OF_DELEGATION, nation=est)
    url = "/en/events/mid-winter-meeting/"

    anonymous = client.get(url).content.decode()
    log_in_with_two_factor(client, hod)
    logged_in = client.get(url).content.decode()

    assert "/en/delegation/mid-winter-meeting/" not in anonymous
    assert 'href="/en/delegation/mid-winter-meeting/"' in logged_in


def test_event_page_is_404_for_unknown_slugs_and_drafts(client, events):
    assert client.get("/en/events/no-such-event/").status_code == 404
    assert client.get("/fr/evenements/secret-meeting/").status_code == 404
    assert client.get("/en/events/mid-winter-meeting/extra/").status_code == 404


def test_event_page_takes_at_most_15_queries_uncached_whatever_its_programme(
    client, events, django_assert_max_num_queries, settings, django_capture_on_commit_callbacks
):
    settings.CIOR_FRAGMENT_CACHE = True  # the menu from the shared cache, as in production
    congress = events["congress"]

    def add_items(hours):
        with django_capture_on_commit_callbacks(execute=True):  # committed: the page shows it
            for hour in hours:
                ProgrammeItemFactory(
                    event=congress,
                    starts_at=timezone.make_aware(
                        datetime.datetime.combine(congress.starts_on, datetime.time(hour))
                    ),
                )

    url = "/en/events/summer-congress/"

    def measure():
        """The first render after an edit (nothing kept), then the next one (what it read
        kept under the page generation)."""
        with django_assert_max_num_queries(20) as cold:
            client.get(url)
        with django_assert_max_num_queries(15) as warm:
            response = client.get(url)
        return len(cold.captured_queries), len(warm.captured_queries), response

    client.get(url)  # warm the site-root cache, as any running server has
    add_items([8])
    cold_one, warm_one, _response = measure()
    add_items(range(9, 18))
    cold_ten, warm_ten, response = measure()

    assert response.content.decode().count('class="programme__item"') == 10
    assert (cold_ten, warm_ten) == (cold_one, warm_one)
    assert warm_one < cold_one


def test_sitemap_lists_the_public_event_pages(client, events):
    html = client.get("/sitemap.xml").content.decode()

    assert "http://127.0.0.1:8000/en/events/mid-winter-meeting/" in html
    assert "http://127.0.0.1:8000/fr/evenements/competition-militaire/" in html
    assert "secret-meeting" not in html
