"""MILCOMP teams found by the site search (core.queries.search_records), with the results
page of their competition."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.queries import RecordHit, matching

from .models import Competition, Team


def records(terms):
    teams = (
        Team.objects.filter(matching(terms, "name", "nation__name_en", "nation__name_fr"))
        .exclude(competition__status=Competition.Status.SETUP)
        .select_related("competition", "nation")
        .order_by("-competition__year", "name")[:10]
    )
    return [
        RecordHit(
            kind=_("MILCOMP team"),
            title=team.name,
            url=reverse("milcomp_results_overall", args=[team.competition.slug]),
            summary=" · ".join(
                filter(None, [team.competition.title, team.nation.name if team.nation else ""])
            ),
        )
        for team in teams
    ]
