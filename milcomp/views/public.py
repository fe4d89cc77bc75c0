"""Public live results, in both languages, under /<lang>/milcomp/results/.

- `index`: the competitions by year (past ones stay browsable).
- `page`: one view of a competition's results: overall, a category, a discipline, the
  individual shooting ranking or the nation cup, around the live fragment.
- `live`: the fragment alone (the results section), which the page polls with htmx every 5
  seconds while the competition runs. It answers with an ETag of the results version,
  language and view, and 304 Not Modified when the browser's If-None-Match still matches: the
  response says `Cache-Control: no-cache`, so the browser keeps it and revalidates each poll
  (static/js/milcomp-live.js then skips the swap of an unchanged fragment).
- `csv_export`: a view's table as CSV; `pdf`: every ranking as one document.

On a warm cache a view reads the competition (one query) and its results version; the results
and the rendered fragments (per version, language and view) come from the shared cache
(milcomp.results). The page cache (core.cache) keeps none of these pages: they follow the
results version, not the page generation.
"""

from collections import Counter
from dataclasses import dataclass

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
)
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from events.exports import Sheet, to_csv

from .. import queries, results
from ..models import Category, Competition, Discipline, DisciplineKind

POLL_SECONDS = 5

CATEGORY_LABELS = dict(Category.choices)
DISCIPLINE_LABELS = dict(DisciplineKind.choices)
SHORT_DISCIPLINE_LABELS = {
    "shooting": gettext_lazy("Shooting"),
    "land": gettext_lazy("Land obstacles"),
    "water": gettext_lazy("Water obstacles"),
    "orienteering": gettext_lazy("Orienteering"),
    "first_aid": gettext_lazy("First aid"),
    "loac": gettext_lazy("LOAC"),
}
MARK_LABELS = {
    "dns": gettext_lazy("Did not start"),
    "dnf": gettext_lazy("Did not finish"),
    "dsq": gettext_lazy("Disqualified"),
}
STATE_BADGES = {
    Discipline.State.OPEN: gettext_lazy("Provisional"),
    Discipline.State.PROVISIONAL: gettext_lazy("Provisional"),
    Discipline.State.OFFICIAL: gettext_lazy("Official"),
}
STATE_DETAILS = {
    Discipline.State.OPEN: gettext_lazy("results being entered"),
    Discipline.State.PROVISIONAL: gettext_lazy("published, protest window"),
    Discipline.State.OFFICIAL: gettext_lazy("declared by the Technical Jury"),
}


# --- Which view -----------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """One of a competition's results views: its name ("overall", "category", "discipline",
    "shooting", "nations") and, for a category or a discipline, which one."""

    name: str
    arg: str | None = None

    @property
    def key(self) -> str:
        return f"{self.name}-{self.arg}" if self.arg else self.name

    @property
    def title(self) -> str:
        if self.name == "category":
            return str(CATEGORY_LABELS[self.arg])
        if self.name == "discipline":
            return str(DISCIPLINE_LABELS[self.arg])
        return {
            "overall": _("Overall ranking"),
            "shooting": _("Individual shooting"),
            "nations": _("Nation cup"),
        }[self.name]

    @property
    def kinds(self) -> list[str]:
        """The disciplines this view's figures come from."""
        if self.name == "discipline":
            return [self.arg]
        if self.name == "shooting":
            return ["shooting"]
        return list(DisciplineKind.values)

    def url(self, competition, suffix="") -> str:
        args = [competition.slug] + ([self.arg] if self.arg else [])
        return reverse(f"milcomp_results_{self.name}{suffix}", args=args)


def view_or_404(name, arg=None) -> View:
    """The results view `name` (with its category or discipline `arg`), 404 if there is none."""
    if name == "category" and arg not in Category.values:
        raise Http404
    if name == "discipline" and arg not in DisciplineKind.values:
        raise Http404
    if name not in ("overall", "category", "discipline", "shooting", "nations"):
        raise Http404
    return View(name, arg)


def all_views(competition, current: View) -> dict[str, list[dict]]:
    """The links of the page's navigation between views, in groups."""

    def links(views):
        return [
            {"url": v.url(competition), "title": v.title, "key": v.key, "current": v == current}
            for v in views
        ]

    return {
        "main": links([View("overall"), View("shooting"), View("nations")]),
        "categories": links([View("category", c) for c in competition.categories]),
        "disciplines": links([View("discipline", k) for k in DisciplineKind.values]),
    }


# --- The tables -------------------------------------------------------------------------------


def _shared(places):
    """Return the places held by more than one row."""
    counts = Counter(place for place in places if place is not None)
    return {place for place, count in counts.items() if count > 1}


def place_label(place, shared) -> str:
    if place is None:
        return "–"
    return f"{place}=" if place in shared else str(place)


def _team_columns(live, team_key):
    """Each discipline's cell of a team: points, DNS/DNF/DSQ mark, whether entered yet."""
    points = live.results.teams[team_key]
    marks = live.marks.get(team_key, {})
    entered = live.entered.get(team_key, frozenset())
    return [
        {
            "kind": kind,
            "points": points.points(kind),
            "mark": marks.get(kind, ""),
            "entered": kind in entered,
            "partial": kind not in entered and points.points(kind) > 0,
        }
        for kind in DisciplineKind.values
    ]


def _team_row(live, placed, shared):
    team = placed.team
    return {
        "key": placed.key,
        "place": place_label(placed.place, shared),
        "ranked": placed.place is not None,
        "name": team.name,
        "nation": team.nation or "",
        "flag": results.flag_path(team.nation),
        "category": CATEGORY_LABELS.get(team.category, team.category),
        "category_key": team.category,
        "disqualified": team.disqualified,
        "points": placed.points,
        "total": team.total,
        "columns": _team_columns(live, placed.key),
    }


def table(live, view: View, names=None) -> list[dict]:
    """Return the rows of a view's table, in ranking order (disqualified teams last)."""
    found = live.results
    if view.name in ("overall", "category", "discipline"):
        if view.name == "overall":
            ranking = found.overall
        elif view.name == "category":
            ranking = found.by_category.get(view.arg, [])
        else:
            ranking = found.by_discipline[view.arg]
        shared = _shared(row.place for row in ranking)
        rows = [_team_row(live, placed, shared) for placed in ranking]
        if view.name == "discipline":
            for row in rows:
                row["cell"] = next(c for c in row["columns"] if c["kind"] == view.arg)
                row["detail"] = _discipline_detail(found.teams[row["key"]], view.arg)
        return rows
    if view.name == "shooting":
        ranking = found.individual_shooting
        shared = _shared(row.place for row in ranking)
        names = names or {}
        return [
            {
                "key": row.member_key,
                "place": place_label(row.place, shared),
                "ranked": True,
                "name": names.get(row.member_key, "–"),
                "team": found.teams[row.team_key].name,
                "nation": row.nation,
                "flag": results.flag_path(row.nation),
                "points": row.points,
                "rifle_rings": row.rifle_precision_rings,
                "pistol_rings": row.pistol_precision_rings,
            }
            for row in ranking
        ]
    ranking = found.nation_cup
    shared = _shared(row.place for row in ranking)
    return [
        {
            "key": row.nation,
            "place": place_label(row.place, shared),
            "ranked": True,
            "nation": row.nation,
            "flag": results.flag_path(row.nation),
            "points": row.points,
            "teams": [
                f"{found.teams[key].name} ({found.teams[key].total})" for key in row.team_keys
            ],
        }
        for row in ranking
    ]


def _discipline_detail(points, kind) -> str:
    from ..scoring import format_time

    if kind == "land" and points.land_effective_seconds is not None:
        return format_time(points.land_effective_seconds)
    if kind == "water" and points.water_effective_seconds is not None:
        return format_time(points.water_effective_seconds)
    if kind == "orienteering" and (points.orienteering_march or points.orienteering_tasks):
        return f"{points.orienteering_march} + {points.orienteering_tasks}"
    return ""


def states_of(live, view: View) -> list[dict]:
    """The state of each discipline the view's figures come from, for the banner and badges."""
    return [
        {
            "kind": kind,
            "label": SHORT_DISCIPLINE_LABELS[kind],
            "state": live.states[kind]["state"],
            "badge": STATE_BADGES[live.states[kind]["state"]],
            "detail": STATE_DETAILS[live.states[kind]["state"]],
            "protest_deadline": live.states[kind]["protest_deadline"],
            "official_at": live.states[kind]["official_at"],
        }
        for kind in view.kinds
    ]


# --- Rendering ----------------------------------------------------------------------------------


def _names_for(competition, live, view):
    if view.name != "shooting":
        return None
    return results.member_names(competition, live.version)


def fragment_context(competition, live, view: View) -> dict:
    states = states_of(live, view)
    return {
        "competition": competition,
        "live": live,
        "view": view,
        "rows": table(live, view, _names_for(competition, live, view)),
        "states": states,
        "badges": {state["kind"]: state for state in states},
        "official": all(state["state"] == Discipline.State.OFFICIAL for state in states),
        "polling": not live.official and competition.status != Competition.Status.FINISHED,
        "poll_seconds": POLL_SECONDS,
        "live_url": view.url(competition, "_live"),
        "kinds": DisciplineKind.values,
        "short_labels": SHORT_DISCIPLINE_LABELS,
        "mark_labels": MARK_LABELS,
    }


def fragment_key(competition_pk, version, view: View) -> str | None:
    if version is None:
        return None
    language = translation.get_language()
    return f"milcomp:{results.FORMAT}:fragment:{competition_pk}:{version}:{language}:{view.key}"


def render_fragment(competition, live, view: View) -> str:
    return render_to_string(
        "milcomp/results/fragment.html", fragment_context(competition, live, view)
    ).strip()


def fragment(competition, live, view: View) -> str:
    """Return the results section's HTML in the active language (cached per version)."""
    return results.cached(
        fragment_key(competition.pk, live.version, view),
        lambda: render_fragment(competition, live, view),
    )


def etag_of(competition_pk, version, view: View) -> str | None:
    """The ETag of a view's fragment: its competition, results version, language and view
    (None without a version: the cache could not say it)."""
    if version is None:
        return None
    language = translation.get_language()
    return f'"{results.FORMAT}-{competition_pk}-{version}-{language}-{view.key}"'


# --- Views ----------------------------------------------------------------------------------------


def index(request):
    """The competitions' results by year, newest first."""
    competitions = list(Competition.objects.order_by("-year"))
    return render(
        request,
        "milcomp/results/index.html",
        {
            "competitions": competitions,
            "running": Competition.Status.RUNNING,
            "finished": Competition.Status.FINISHED,
        },
    )


def page(request, competition, view, arg=None):
    """One results view of a competition, with the live fragment inside."""
    competition = results.competition_for(competition)
    view = view_or_404(view, arg)
    live = results.live_results(competition)
    return render(
        request,
        "milcomp/results/page.html",
        {
            "competition": competition,
            "view": view,
            "views": all_views(competition, view),
            "fragment": mark_safe(fragment(competition, live, view)),  # rendered by us
            "csv_url": view.url(competition, "_csv"),
            "pdf_url": reverse("milcomp_results_pdf", args=[competition.slug]),
        },
    )


def _no_cache(response, version, etag):
    if etag is not None:
        response["ETag"] = etag
        response["X-Results-Version"] = str(version)
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


def live(request, competition, view, arg=None):
    """The results section alone, for the page's polling: 304 while nothing has changed.

    The hot path, hundreds of times per second: the competition's id (one indexed read), its
    results version (one cache read), then a 304 or the fragment from the shared cache. The
    competition and its results are read only when the fragment of this version is not kept.
    """
    slug = competition
    view = view_or_404(view, arg)
    pk = results.competition_pk(slug)
    version = queries.results_version(pk)
    etag = etag_of(pk, version, view)
    if etag is not None:
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return _no_cache(not_modified, version, etag)

    def render_now():
        competition = results.competition_for(slug)
        return render_fragment(competition, results.live_results(competition, version), view)

    html = results.cached(fragment_key(pk, version, view), render_now)
    return _no_cache(HttpResponse(html), version, etag)


def csv_rows(competition, live, view: View) -> Sheet:
    """Return a view's table as a Sheet (headers in the active language)."""
    rows = table(live, view, _names_for(competition, live, view))
    place, team, nation = pgettext("ranking", "Place"), _("Team"), _("Nation")
    if view.name == "shooting":
        headers = [place, _("Name"), team, nation, _("Rifle rings"), _("Pistol rings")]
        headers.append(_("Points"))
        values = [
            [r["place"], r["name"], r["team"], r["nation"], r["rifle_rings"], r["pistol_rings"]]
            + [r["points"]]
            for r in rows
        ]
    elif view.name == "nations":
        headers = [place, nation, _("Teams counted"), _("Points")]
        values = [[r["place"], r["nation"], "; ".join(r["teams"]), r["points"]] for r in rows]
    elif view.name == "discipline":
        headers = [place, team, nation, _("Category"), _("Status"), _("Points")]
        values = [
            [
                r["place"] if r["ranked"] else _("DSQ"),
                r["name"],
                r["nation"],
                r["category"],
                r["cell"]["mark"].upper() or ("" if r["cell"]["entered"] else _("not entered yet")),
                r["points"],
            ]
            for r in rows
        ]
    else:
        headers = [place, team, nation, _("Category")]
        headers += [str(SHORT_DISCIPLINE_LABELS[kind]) for kind in DisciplineKind.values]
        headers.append(_("Total"))
        values = []
        for r in rows:
            cells = [
                f"{c['points']} {c['mark'].upper()}".strip() if c["mark"] else c["points"]
                for c in r["columns"]
            ]
            values.append(
                [r["place"] if r["ranked"] else _("DSQ"), r["name"], r["nation"], r["category"]]
                + cells
                + [r["total"]]
            )
    states = ", ".join(f"{state['label']}: {state['badge']}" for state in states_of(live, view))
    return Sheet(title=f"{competition} – {view.title} ({states})", headers=headers, rows=values)


def csv_export(request, competition, view, arg=None):
    """A view's table as a CSV file (UTF-8 with a BOM, for spreadsheets)."""
    competition = results.competition_for(competition)
    view = view_or_404(view, arg)
    live = results.live_results(competition)
    response = HttpResponse(
        to_csv([csv_rows(competition, live, view)]), content_type="text/csv; charset=utf-8"
    )
    language = translation.get_language()
    filename = f"milcomp-{competition.slug}-{view.key}-{language}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def pdf(request, competition):
    """Every ranking of the competition as a PDF in the page's language: the kept file of the
    current results version, or a page that says it is being prepared (the task worker makes
    it, milcomp.documents) and polls until it is there. Never made in the request."""
    from .. import documents

    competition = results.competition_for(competition)
    language = translation.get_language()
    # No version yet (no result saved since the cache was cleared): the document of version 0.
    version = queries.results_version(competition) or 0
    document = documents.results_document(competition, version, language)
    url = reverse("milcomp_results_pdf", args=[competition.slug])
    if document.file:
        if request.headers.get("HX-Request") == "true":
            response = HttpResponse()
            response["HX-Redirect"] = url  # the polling page: load the file itself
            return response
        # One URL for every version: caches ask again each time (304 while it is the same).
        etag = f'"pdf-{competition.pk}-{version}-{language}"'
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return _no_cache(not_modified, version, etag)
        filename = f"milcomp-{competition.slug}-results-{language}.pdf"
        response = FileResponse(
            document.file.open("rb"), filename=filename, content_type="application/pdf"
        )
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return _no_cache(response, version, etag)
    template = "milcomp/results/pdf_pending.html"
    if request.headers.get("HX-Request") == "true":
        template = "milcomp/results/pdf_pending_status.html"
    response = render(
        request,
        template,
        {"competition": competition, "document": document, "url": url, "poll_seconds": 2},
        status=503 if document.failed else 200,
    )
    if document.failed:
        response["Retry-After"] = "60"
    add_never_cache_headers(response)
    return response
