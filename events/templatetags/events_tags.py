"""Template tags of the events: date ranges, and the next events for the home page."""

from django import template
from django.utils import timezone
from wagtail.models import Locale

from .. import queries

register = template.Library()


@register.filter
def date_range(event):
    """Return the event's dates in the active language (Event.date_range)."""
    return event.date_range


@register.inclusion_tag("events/includes/next_events.html", takes_context=True)
def next_events(context, count=3):
    """Show the `count` next public events of the calendar, linked to their pages.

    Nothing shows when the page's language has no events calendar page.
    """
    request = context.get("request")
    page = context.get("page")
    locale = getattr(page, "locale_id", None) or Locale.get_active().pk
    index = queries.event_index(locale)
    events = queries.next_events(count, today=timezone.localdate()) if index is not None else []
    for event in events:
        event.url = index.event_url(event, request)
    return {
        "index": index,
        "index_url": index.get_url(request) if index is not None else "",
        "events": events,
    }
