"""Events found by the site search (core.queries.search_records): title, city, venue, host."""

from core.queries import RecordHit, matching

from . import queries

FIELDS = (
    "title_en",
    "title_fr",
    "city_en",
    "city_fr",
    "venue_en",
    "venue_fr",
    "host_nation__name_en",
    "host_nation__name_fr",
)


def records(terms):
    events = list(
        queries.public_events().filter(matching(terms, *FIELDS)).order_by("-starts_on")[:10]
    )
    if not events:
        return []
    index = queries.event_index()
    return [
        RecordHit(
            kind=event.get_kind_display(),
            title=event.title,
            url=index.event_url(event) if index else "",
            summary=" · ".join(filter(None, [event.date_range, event.city])),
        )
        for event in events
    ]
