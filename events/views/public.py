"""Public calendar feeds (iCalendar): all events, the events of one kind, a person's own."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import queries
from ..feeds import CONTENT_TYPE, Entry, build_calendar
from ..models import Event


def _event_url(request, index, event):
    if index is None:
        return ""
    return request.build_absolute_uri(index.event_url(event, request))


def _calendar_response(request, name, events, *, filename, registrations=None):
    index = queries.event_index()
    if registrations is None:
        entries = [Entry(event, _event_url(request, index, event)) for event in events]
    else:
        entries = [
            Entry(r.event, _event_url(request, index, r.event), registration=r)
            for r in registrations
        ]
    response = HttpResponse(build_calendar(name, entries), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def all_events_feed(request):
    """Every public event, upcoming and of the past year."""
    return _calendar_response(
        request, _("CIOR events"), queries.feed_events(), filename="cior-events.ics"
    )


@require_GET
def kind_feed(request, kind):
    """The public events of one kind (e.g. summer_congress); 404 for an unknown kind."""
    if kind not in Event.Kind.values:
        raise Http404
    label = dict(Event.Kind.choices)[kind]
    return _calendar_response(
        request,
        _("CIOR: %(kind)s") % {"kind": label},
        queries.feed_events(kind=kind),
        filename=f"cior-{kind}.ics",
    )


@require_GET
def personal_feed(request, token):
    """A person's live registrations (submitted, confirmed, waiting); 404 for an unknown token.

    The token in the URL is the only key: it is long and random, and a new one revokes it.
    """
    registrations = queries.personal_feed_registrations(token)
    if registrations is None:
        raise Http404
    response = _calendar_response(
        request,
        _("My CIOR events"),
        None,
        filename="my-cior-events.ics",
        registrations=registrations,
    )
    response["Cache-Control"] = "private"
    response["X-Robots-Tag"] = "noindex"
    return response
