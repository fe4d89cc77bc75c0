"""Reads of the Medal of Merit reused by pages and views."""

from dataclasses import dataclass
from itertools import groupby

from .models import Nomination


@dataclass(frozen=True)
class RollYear:
    year: int
    recipients: list[Nomination]


def roll() -> list[RollYear]:
    """Return the public roll, most recent year first, recipients by name within a year.

    One query whatever the number of recipients; citation, rank and nation in the active
    language (per-field translations, English where the French is missing).
    """
    recipients = (
        Nomination.objects.on_roll()
        .select_related("nominee", "nominee__nation")
        .order_by("-awarded_on__year", "nominee__last_name", "nominee__first_name", "pk")
    )
    return [
        RollYear(year, list(group))
        for year, group in groupby(recipients, key=lambda nomination: nomination.awarded_on.year)
    ]
