"""Demo loader: the events calendar page, "Events" / "Événements", under each home page."""

from core.demo.pages import add_translated_page

from .pages import EventIndexPage


def load(context):
    """Create the events calendar in English and French, once."""
    add_translated_page(
        context,
        "events_index",
        context.homes,
        EventIndexPage,
        common={"show_in_menus": True},
        en={
            "title": "Events",
            "slug": "events",
            "intro": "Congresses, meetings, competitions and seminars of the confederation: "
            "what is coming, and what has been.",
        },
        fr={
            "title": "Événements",
            "slug": "evenements",
            "intro": "Congrès, réunions, compétitions et séminaires de la confédération : ce qui "
            "vient, et ce qui a eu lieu.",
        },
    )
