"""Reads of events shared by the calendar, the event pages, the home page and the feeds."""

import datetime
import itertools

from django.db.models import Prefetch, Q
from django.utils import timezone
from wagtail.models import Locale

from .models import Event, FeedToken, Registration

# How far back the calendar feeds reach: a subscriber keeps last year's events in view.
FEED_PAST_DAYS = 365


def public_events():
    """Return the events a visitor may see, with what a card shows (host nation, parent)."""
    return Event.objects.public().select_related("host_nation", "parent")


def with_sub_events(events):
    """Return `events` with their public sub-events prefetched (as `public_sub_events`)."""
    return events.prefetch_related(
        Prefetch(
            "sub_events",
            queryset=public_events().order_by("starts_on", "pk"),
            to_attr="public_sub_events",
        )
    )


def calendar_events(*, kind="", today=None):
    """Return (upcoming, past) events of the calendar, as QuerySets.

    Without `kind`, the top-level events (a congress lists its sub-events under it); with a
    kind (an Event.Kind value), every public event of that kind, sub-events included.
    Upcoming events come soonest first with their sub-events; past ones latest first.
    """
    events = public_events()
    events = events.filter(kind=kind) if kind else events.top_level()
    return with_sub_events(events.upcoming(today)), events.past(today)


def calendar_kinds():
    """Return the kinds (value, label) that some public event has, in the order of Event.Kind."""
    present = set(Event.objects.public().order_by().values_list("kind", flat=True).distinct())
    return [(value, label) for value, label in Event.Kind.choices if value in present]


def next_events(count=3, *, today=None):
    """Return the `count` next public top-level events (not yet ended), soonest first."""
    return list(public_events().top_level().upcoming(today)[:count])


def event_for_page(slug, language_code="en"):
    """Return the public event whose slug (or French slug) is `slug`, with its sub-events, or
    None (unknown or draft); the event whose slug in `language_code` it is comes first."""
    events = list(with_sub_events(public_events().filter(Q(slug=slug) | Q(french_slug=slug)))[:2])
    events.sort(key=lambda event: event.slug_for(language_code) != slug)
    return events[0] if events else None


def programme_by_day(event):
    """Return the event's programme as [(date, [item, ...])] in the event's time zone.

    Each item gets `local_starts_at` and `local_ends_at` (None when open-ended).
    """
    tz = event.tz
    items = list(event.programme.all())
    for item in items:
        item.local_starts_at = timezone.localtime(item.starts_at, tz)
        item.local_ends_at = timezone.localtime(item.ends_at, tz) if item.ends_at else None
    return [
        (day, list(group))
        for day, group in itertools.groupby(items, key=lambda item: item.local_starts_at.date())
    ]


def event_index(locale=None):
    """Return the live events calendar page of `locale` (a Locale or its id; active by default)."""
    from .pages import EventIndexPage  # pages import this module

    locale = locale or Locale.get_active()
    return EventIndexPage.objects.live().filter(locale=locale).first()


def event_indexes():
    """Return the live events calendar pages of every language, with their locales."""
    from .pages import EventIndexPage  # pages import this module

    return EventIndexPage.objects.live().select_related("locale")


def feed_events(*, kind="", today=None):
    """Return the public events of a calendar feed: upcoming ones and those of the past year."""
    today = today or timezone.localdate()
    events = public_events().filter(ends_on__gte=today - datetime.timedelta(days=FEED_PAST_DAYS))
    if kind:
        events = events.filter(kind=kind)
    return events.order_by("starts_on", "pk")


def personal_feed_registrations(token):
    """Return the live registrations (submitted, confirmed, waiting) of the person whose feed
    token is `token`, for public events, with their events; None for an unknown token."""
    feed = FeedToken.objects.filter(token=token).only("person_id").first()
    if feed is None:
        return None
    return list(
        Registration.objects.filter(person_id=feed.person_id, state__in=Registration.ACTIVE)
        .exclude(event__status=Event.Status.DRAFT)
        .select_related("event", "event__host_nation", "event__parent", "registration_type")
        .order_by("event__starts_on", "event__pk")
    )


def feed_token_for(person):
    """Return the person's calendar feed token, made on first use."""
    feed, _created = FeedToken.objects.get_or_create(person=person)
    return feed
