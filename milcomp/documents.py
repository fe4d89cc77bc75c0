"""The results document: every ranking of a competition as one PDF, in the page's language.

Rendered with WeasyPrint through core.documents.render_pdf (templates/milcomp/pdf/results.html,
static/css/milcomp-results-print.css); the view caches the bytes per results version and
language. The document says, discipline by discipline, what is provisional and what the
Technical Jury declared official, and when it was produced.
"""

from django.contrib.staticfiles import finders
from django.utils import timezone
from django.utils.translation import gettext as _

from core.documents import render_pdf

from . import results
from .models import DisciplineKind
from .views.public import View, states_of, table


def _static_uri(path):
    found = finders.find(path) if path else None
    return f"file://{found}" if found else None


def _with_flags(rows):
    for row in rows:
        row["flag_uri"] = _static_uri(row.get("flag"))
    return rows


def sections(competition, live) -> list[dict]:
    """The document's rankings in order, each with its rows (flags as file URIs)."""
    names = results.member_names(competition, live.version)
    views = [View("overall")]
    views += [View("category", category) for category in competition.categories]
    views += [View("discipline", kind) for kind in DisciplineKind.values]
    views += [View("shooting"), View("nations")]
    found = []
    for view in views:
        rows = table(live, view, names)
        if view.name == "nations":
            rows = _with_flags(rows)  # flags elsewhere would double the rendering time
        if not rows and view.name == "category":
            continue  # a category nobody entered
        found.append({"view": view, "title": view.title, "rows": rows})
    return found


def results_pdf(competition, live) -> bytes:
    """Return the PDF of every ranking of the competition in the active language."""
    states = states_of(live, View("overall"))
    return render_pdf(
        "milcomp/pdf/results.html",
        {
            "competition": competition,
            "live": live,
            "states": states,
            "official": live.official,
            "sections": sections(competition, live),
            "kinds": DisciplineKind.values,
            "emblem": _static_uri("img/cior-emblem.png"),
            "produced_at": timezone.now(),
            "document_title": _("Results"),
        },
        stylesheet="css/milcomp-results-print.css",
    )
