"""A competition's rankings as the API shows them, built from milcomp.results' cached results.

Nothing here computes a ranking: the engine's outcome comes from `results.live_results`
(cached under the competition's results version); this module only lays it out, in the
active language, and keeps the JSON of each (version, language, ranking) in the shared cache.
"""

import gzip
import json
from collections import Counter

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _

from milcomp import queries as milcomp_queries
from milcomp import results
from milcomp.models import Category, Competition, Discipline, DisciplineKind

FORMAT = "1"
RANKINGS = ("overall", "category", "discipline", "individual-shooting", "nation-cup")
TIMEOUT = 24 * 3600


def ranking_names() -> list[tuple[str, str | None]]:
    """Every ranking of a competition: (ranking, key) pairs, in the order they are listed."""
    return [
        ("overall", None),
        *(("category", category) for category in Category.values),
        *(("discipline", kind) for kind in DisciplineKind.values),
        ("individual-shooting", None),
        ("nation-cup", None),
    ]


def check_ranking(ranking, key):
    """Raise Http404 unless (ranking, key) names one of a competition's rankings."""
    if (ranking, key) not in ranking_names():
        raise Http404


def _shared(rows):
    counts = Counter(row.place for row in rows if row.place is not None)
    return {place for place, count in counts.items() if count > 1}


def _states(live, kinds):
    labels = dict(DisciplineKind.choices)
    return [
        {
            "discipline": kind,
            "label": str(labels[kind]),
            "state": live.states[kind]["state"],
            "official": live.states[kind]["state"] == Discipline.State.OFFICIAL,
            "published_at": live.states[kind]["published_at"],
            "official_at": live.states[kind]["official_at"],
            "protest_deadline": live.states[kind]["protest_deadline"],
        }
        for kind in kinds
    ]


def _team_rows(live, placed_rows):
    shared = _shared(placed_rows)
    rows = []
    for placed in placed_rows:
        team = placed.team
        rows.append(
            {
                "place": placed.place,
                "shared": placed.place in shared,
                "team": placed.key,
                "name": team.name,
                "nation": team.nation,
                "category": team.category,
                "disqualified": team.disqualified,
                "points": placed.points,
                "total": team.total,
                "disciplines": {kind: team.points(kind) for kind in DisciplineKind.values},
                "marks": live.marks.get(placed.key, {}),
                "pending": sorted(str(kind) for kind in team.pending),
            }
        )
    return rows


def ranking(competition, live, name, key=None, names=None) -> dict:
    """Return one ranking of `live` (milcomp.results.LiveResults) as plain JSON values."""
    found = live.results
    if name == "overall":
        title, kinds = _("Overall ranking"), DisciplineKind.values
        rows = _team_rows(live, found.overall)
    elif name == "category":
        title, kinds = str(dict(Category.choices)[key]), DisciplineKind.values
        rows = _team_rows(live, found.by_category.get(key, []))
    elif name == "discipline":
        title, kinds = str(dict(DisciplineKind.choices)[key]), [key]
        rows = _team_rows(live, found.by_discipline[key])
    elif name == "individual-shooting":
        title, kinds = _("Individual shooting"), ["shooting"]
        shared = _shared(found.individual_shooting)
        names = names if names is not None else {}
        rows = [
            {
                "place": row.place,
                "shared": row.place in shared,
                "member": row.member_key,
                "name": names.get(row.member_key, ""),
                "team": row.team_key,
                "nation": row.nation,
                "points": row.points,
                "rifle_precision_rings": row.rifle_precision_rings,
                "pistol_precision_rings": row.pistol_precision_rings,
            }
            for row in found.individual_shooting
        ]
    else:
        title, kinds = _("Nation cup"), DisciplineKind.values
        shared = _shared(found.nation_cup)
        rows = [
            {
                "place": row.place,
                "shared": row.place in shared,
                "nation": row.nation,
                "points": row.points,
                "teams": list(row.team_keys),
            }
            for row in found.nation_cup
        ]
    states = _states(live, kinds)
    return {
        "ranking": name,
        "key": key,
        "title": str(title),
        "official": all(state["official"] for state in states),
        "states": states,
        "rows": rows,
    }


def competition_fields(competition) -> dict:
    return {
        "slug": competition.slug,
        "year": competition.year,
        "title": competition.title,
        "status": competition.status,
        "status_label": str(competition.get_status_display()),
        "event": competition.event_id,
        "categories": competition.categories,
    }


def version_of(competition) -> int | None:
    """The results version of a competition (or of its id): one cache read."""
    return milcomp_queries.results_version(competition)


def etag(competition_pk, version, name=None, key=None, encoding="") -> str:
    """The ETag of one representation: gzip-compressed JSON has its own (RFC 9110 8.8.3)."""
    language = translation.get_language()
    suffix = f"-{encoding}" if encoding else ""
    return (
        f'"api-{FORMAT}-{competition_pk}-{version}-{language}-{name or "all"}-{key or ""}{suffix}"'
    )


def rankings_json(competition, version, name=None, key=None, encoding="") -> bytes:
    """Return the JSON of one ranking (`name`) or of all of them, in the active language,
    gzip-compressed when `encoding` is "gzip" (what HTTP clients ask for: a tenth of the bytes).

    `competition` is a Competition or its id: the row is read only when the JSON is not kept.
    Both encodings are kept in the shared cache per version, language and ranking: unchanged
    results cost one cache read. Without a version (the cache is unreachable) they are
    computed and kept nowhere.
    """
    pk = getattr(competition, "pk", competition)
    language = translation.get_language()
    cache_key = f"api:{FORMAT}:rankings:{pk}:{version}:{language}:{name or 'all'}:{key or ''}"
    wanted_key = f"{cache_key}:{encoding}"
    content = cache.get(wanted_key) if version is not None else None
    if content is not None:
        return content
    if not isinstance(competition, Competition):
        competition = Competition.objects.filter(pk=pk).first()
        if competition is None:  # deleted since its id was read
            raise Http404
    plain = _compute(competition, version, name, key)
    # mtime=0: the same JSON gives the same bytes, whichever worker compresses it.
    encoded = {"": plain, "gzip": gzip.compress(plain, compresslevel=6, mtime=0)}
    if version is not None:
        cache.set_many({f"{cache_key}:{e}": value for e, value in encoded.items()}, TIMEOUT)
    return encoded[encoding]


def _compute(competition, version, name, key) -> bytes:
    live = results.live_results(competition, version)
    wanted = [(name, key)] if name else ranking_names()
    names = None
    if any(n == "individual-shooting" for n, _k in wanted):
        names = results.member_names(competition, live.version)
    rankings = [ranking(competition, live, n, k, names) for n, k in wanted]
    if name:
        body = rankings[0]
    else:
        body = {
            "competition": competition_fields(competition),
            "version": live.version,
            "official": live.official,
            "computed_at": live.updated_at,
            "rankings": rankings,
        }
    return json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
