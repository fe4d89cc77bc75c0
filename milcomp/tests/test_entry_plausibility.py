"""Judges' entry refuses impossible times: zero on a course, or none for a team that finished."""

import pytest
from django.urls import reverse
from django.utils import translation

from milcomp.models import RawResult, Team

from .factories import freeze, judge, make_team

pytestmark = pytest.mark.django_db
NO_TIME = (
    "a team with the status OK has a time; enter it, or choose another status (DNS, DNF, DSQ)."
)


@pytest.fixture
def running(competition, est, fra):
    make_team(competition, est)
    make_team(competition, fra)
    return freeze(competition)


def _post(client, competition, kind, *, status="ok", time=""):
    team = Team.objects.get(name="EST 1")
    prefix = f"t{team.pk}"
    with translation.override("en"):
        url = reverse("milcomp_judge_entry", args=[competition.slug, kind])
    return client.post(
        url,
        {
            "team": team.pk,
            f"{prefix}-version": 0,
            f"{prefix}-status": status,
            f"{prefix}-time": time,
        },
    )


@pytest.mark.parametrize(
    ("kind", "time", "message"),
    [
        ("land", "0:00", "Team time: a time of zero is not possible; enter the team’s time."),
        ("water", "0:00", "Team time: a time of zero is not possible; enter the team’s time."),
        (
            "orienteering",
            "0:00:00",
            "March time: a time of zero is not possible; enter the team’s time.",
        ),
        (
            "land",
            "",
            "Team time: " + NO_TIME,
        ),
        (
            "orienteering",
            "",
            "March time: " + NO_TIME,
        ),
    ],
)
def test_impossible_time_is_refused_and_nothing_saved(client, running, kind, time, message):
    client.force_login(judge(running, kind))

    response = _post(client, running, kind, time=time)

    assert response.status_code == 400  # the entry page again, with the error
    assert message in response.content.decode().replace("&#x27;", "’").replace("'", "’")
    assert not RawResult.objects.exists()


def test_blank_time_with_status_dns_is_saved(client, running):
    client.force_login(judge(running, "land"))

    response = _post(client, running, "land", status="dns")

    assert response.status_code == 302
    assert RawResult.objects.get().status == "dns"


def test_impossible_time_is_refused_in_french(client, running):
    client.force_login(judge(running, "land"))
    team = Team.objects.get(name="EST 1")
    with translation.override("fr"):
        url = reverse("milcomp_judge_entry", args=[running.slug, "land"])

    response = client.post(
        url,
        {
            "team": team.pk,
            f"t{team.pk}-version": 0,
            f"t{team.pk}-status": "ok",
            f"t{team.pk}-time": "0:00",
        },
    )

    assert "un temps nul est impossible" in response.content.decode()
