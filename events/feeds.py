"""iCalendar (RFC 5545) feeds of the events, in the language of the URL prefix.

Events are all-day entries (DTEND is exclusive: the day after the last day), each with a UID
that never changes, so that a subscribed calendar updates an event instead of duplicating it.
"""

import datetime
from dataclasses import dataclass

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Event, Registration

PRODID = "-//CIOR//Events calendar//EN"
UID_DOMAIN = "cior.net"
CONTENT_TYPE = "text/calendar; charset=utf-8"


@dataclass
class Entry:
    """One event of a feed; `registration` for a person's own feed."""

    event: Event
    url: str = ""
    registration: Registration | None = None


def event_uid(event):
    return f"event-{event.pk}@{UID_DOMAIN}"


def location(event):
    """Return where the event takes place: venue, city, host nation (those known)."""
    nation = event.host_nation.name if event.host_nation_id else ""
    return ", ".join(part for part in (event.venue, event.city, nation) if part)


def _status(entry):
    if entry.event.status == Event.Status.CANCELLED:
        return "CANCELLED"
    if entry.registration is not None and entry.registration.state != Registration.State.CONFIRMED:
        return "TENTATIVE"
    return "CONFIRMED"


def _description(entry):
    event = entry.event
    parts = [event.get_kind_display()]
    if event.parent_id and event.parent.is_public:
        parts.append(_("Part of %(event)s") % {"event": event.parent.title})
    if event.status == Event.Status.CANCELLED:
        parts.append(_("This event has been cancelled."))
    if entry.registration is not None:
        parts.append(
            _("Your registration: %(type)s, %(state)s")
            % {
                "type": entry.registration.registration_type.get_kind_display(),
                "state": entry.registration.get_state_display(),
            }
        )
    if event.summary:
        parts.append(event.summary)
    if event.description:
        parts.append(event.description)
    if entry.url:
        parts.append(entry.url)
    return "\n\n".join(str(part) for part in parts)


def vevent(entry, *, stamp):
    """Return the VEVENT of one entry."""
    event = entry.event
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp)
    component.add("dtstart", event.starts_on)
    component.add("dtend", event.ends_on + datetime.timedelta(days=1))
    component.add("summary", event.title)
    where = location(event)
    if where:
        component.add("location", where)
    if entry.url:
        component.add("url", entry.url)
    component.add("status", _status(entry))
    component.add("categories", [str(event.get_kind_display())])
    component.add("transp", "TRANSPARENT")  # all-day entries: do not block the days as busy
    component.add("description", _description(entry))
    return component


def build_calendar(name, entries, *, now=None):
    """Return the iCalendar text (bytes) of a feed named `name` with `entries`."""
    stamp = (now or timezone.now()).astimezone(datetime.UTC).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    for entry in entries:
        calendar.add_component(vevent(entry, stamp=stamp))
    return calendar.to_ical()
