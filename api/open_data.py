"""Open data: the events calendar and the results archive of every past MILCOMP, as JSON and
CSV, under CC BY 4.0. Reads only; built from the same serializers and rankings as the API."""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from milcomp import results
from milcomp.models import Competition

from . import rankings, serializers

LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "CIOR – Interallied Confederation of Reserve Officers (www.cior.net)",
}
EVENT_COLUMNS = [
    "id",
    "slug",
    "title",
    "kind",
    "kind_label",
    "status",
    "host_nation",
    "city",
    "venue",
    "starts_on",
    "ends_on",
    "parent",
]
RESULT_COLUMNS = [
    "year",
    "competition",
    "ranking",
    "key",
    "official",
    "place",
    "shared",
    "team",
    "name",
    "nation",
    "category",
    "points",
    "total",
]


def as_json(data) -> bytes:
    return json.dumps(
        {"licence": LICENCE, "generated_at": timezone.now(), "data": data},
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        indent=1,
    ).encode()


def as_csv(columns, rows) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode()


def events(queryset) -> list[dict]:
    """Every public event in the active language."""
    return serializers.EventSerializer(queryset, many=True).data


def event_rows(data) -> list[dict]:
    return [{**event, "parent": (event["parent"] or {}).get("slug", "")} for event in data]


def past_competitions():
    """Competitions finished, or of a year gone by, newest first."""
    this_year = timezone.localdate().year
    return [
        c
        for c in Competition.objects.order_by("-year")
        if c.status == Competition.Status.FINISHED or c.year < this_year
    ]


def results_archive() -> list[dict]:
    """Every past competition with all its rankings (from the results cache)."""
    archive = []
    for competition in past_competitions():
        competition = results.competition_for(competition.slug)
        version = rankings.version_of(competition)
        archive.append(json.loads(rankings.rankings_json(competition, version)))
    return archive


def result_rows(archive) -> list[dict]:
    rows = []
    for entry in archive:
        competition = entry["competition"]
        for ranking in entry["rankings"]:
            for row in ranking["rows"]:
                rows.append(
                    {
                        "year": competition["year"],
                        "competition": competition["title"],
                        "ranking": ranking["ranking"],
                        "key": ranking["key"] or "",
                        "official": ranking["official"],
                        "place": row["place"] if row["place"] is not None else "",
                        "shared": row["shared"],
                        "team": row.get("team", ""),
                        "name": row.get("name", ""),
                        "nation": row.get("nation") or "",
                        "category": row.get("category", ""),
                        "points": row["points"],
                        "total": row.get("total", ""),
                    }
                )
    return rows
