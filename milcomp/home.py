"""Where MILCOMP's people start after login (accounts.home): judges and the jury on their
disciplines; a nation's home shows its teams in the competitions not yet finished."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.home import Panel

from .models import Competition, JudgeAssignment, JuryMember, Team

UNFINISHED_STATUSES = [
    status for status in Competition.Status.values if status != Competition.Status.FINISHED
]


def judge_start(user):
    """Judges and jury members of a competition not yet finished start on their disciplines."""
    if not user.person_id:
        return None
    unfinished = {"competition__status__in": UNFINISHED_STATUSES}
    judging = JudgeAssignment.objects.filter(person_id=user.person_id, **unfinished)
    jury = JuryMember.objects.filter(person_id=user.person_id, **unfinished)
    if judging.exists() or jury.exists():
        return reverse("milcomp_judge_home")
    return None


def panels(user, nations):
    competitions = list(Competition.objects.filter(status__in=UNFINISHED_STATUSES).order_by("year"))
    if not competitions:
        return []
    teams = list(
        Team.objects.filter(competition__in=competitions, nation__in=nations).order_by(
            "competition__year", "number"
        )
    )
    return [
        Panel(
            title=_("Military Competition"),
            template="milcomp/includes/home_panel.html",
            context={
                "nation": nation,
                "competitions": [
                    {
                        "competition": competition,
                        "teams": [
                            t
                            for t in teams
                            if t.nation_id == nation.pk and t.competition_id == competition.pk
                        ],
                    }
                    for competition in competitions
                ],
            },
            order=30,
        )
        for nation in nations
    ]
