"""Template tags of the events: date ranges, and the next events for the home page."""

from django import template
from django.utils import dateformat
from wagtail.models import Locale

from .. import queries

register = template.Library()


@register.filter
def date_range(event):
    """Return the event's dates in the active language: "6–9 February 2027", one day alone,
    "28 February – 2 March 2027" across months, both dates in full across years."""
    start, end = event.starts_on, event.ends_on
    full = dateformat.format(end, "j F Y")
    if start == end:
        return full
    if (start.year, start.month) == (end.year, end.month):
        return f"{dateformat.format(start, 'j')}–{full}"
    if start.year == end.year:
        return f"{dateformat.format(start, 'j F')} – {full}"
    return f"{dateformat.format(start, 'j F Y')} – {full}"


@register.inclusion_tag("events/includes/next_events.html", takes_context=True)
def next_events(context, count=3):
    """Show the `count` next public events of the calendar, linked to their pages.

    Nothing shows when the page's language has no events calendar page.
    """
    request = context.get("request")
    page = context.get("page")
    locale = getattr(page, "locale_id", None) or Locale.get_active()
    index = queries.event_index(locale)
    events = queries.next_events(count) if index is not None else []
    for event in events:
        event.url = index.event_url(event, request)
    return {
        "index": index,
        "index_url": index.get_url(request) if index is not None else "",
        "events": events,
    }
