import datetime
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from milcomp import services
from milcomp.models import Discipline, Protest, RawResult, ResultChange, Team

from .factories import freeze, judge, jury, make_team, shooting_data


@pytest.fixture
def running(competition, est, fra):
    make_team(competition, est, captain_user=True)
    make_team(competition, fra)
    return freeze(competition)


@pytest.fixture
def team(running):
    return Team.objects.get(name="EST 1")


@pytest.fixture
def captain(team):
    return team.members.get(is_captain=True).person.user


@pytest.fixture
def jury_user(running):
    return jury(running)


@pytest.fixture
def published(running, team):
    shooting_judge = judge(running, "shooting")
    for each in Team.objects.all():
        services.save_result(
            each,
            running.disciplines.get(kind="shooting"),
            data=shooting_data(),
            by=shooting_judge,
            expected_version=0,
        )
    return services.publish_discipline(running.disciplines.get(kind="shooting"), by=shooting_judge)


def url(name, competition, *args):
    return reverse(name, args=[competition.slug, *args])


def test_protest_flow_end_to_end(client, running, team, captain, jury_user, published, hod_est):
    # The captain files a protest within the window.
    client.force_login(captain)
    form = client.get(url("milcomp_protest_file", running)).content.decode()
    filed = client.post(
        url("milcomp_protest_file", running),
        {"team": team.pk, "discipline": published.pk, "reasons": "Member 1 rifle: 6 hits, not 5."},
        follow=True,
    )
    protest = Protest.objects.get()
    # The jury upholds it with the corrected rifle hits, through the entry form.
    client.force_login(jury_user)
    jury_page = client.get(url("milcomp_protests", running)).content.decode()
    decide_url = url("milcomp_protest_decide", running, protest.pk)
    decide_page = client.get(decide_url).content.decode()
    correction = {
        "decision-outcome": "uphold",
        "decision-decision": "Target checked: 6 hits.",
        "correction-version": 1,
        "correction-status": "ok",
    }
    for m in range(3):
        for weapon in ("pistol", "rifle"):
            for k, ring in enumerate([10, 9, 9, 8, 10], start=1):
                correction[f"correction-m{m}_{weapon}_{k}"] = ring
            correction[f"correction-m{m}_{weapon}_rapid"] = 5
    correction["correction-m0_rifle_rapid"] = 6
    decided = client.post(decide_url, correction, follow=True)
    # The team's nation reads the history.
    client.force_login(hod_est)
    history = client.get(url("milcomp_team_history", running, team.pk)).content.decode()

    assert "EST 1" in form and "Shooting" in form
    assert "Protest of EST 1 filed" in filed.content.decode()
    assert "Member 1 rifle: 6 hits, not 5." in jury_page
    assert "Member 1 – " in decide_page
    assert "Protest upheld; EST 1" in decided.content.decode()
    protest.refresh_from_db()
    assert protest.state == Protest.State.UPHELD
    assert (
        RawResult.objects.get(team=team, discipline=published).data["members"][0][
            "rifle_rapid_hits"
        ]
        == 6
    )
    assert "rifle 10 9 9 8 10, rapid 5" in history
    assert "rifle 10 9 9 8 10, rapid 6" in history
    assert "Protest upheld: Target checked: 6 hits." in history
    assert f"Correction after protest no. {protest.pk}" in history


def test_jury_rejects_a_protest(client, running, team, captain, jury_user, published):
    protest = services.file_protest(team, published, reasons="Recount.", by=captain)
    client.force_login(jury_user)

    client.post(
        url("milcomp_protest_decide", running, protest.pk),
        {"decision-outcome": "reject", "decision-decision": "Counted twice."},
    )

    protest.refresh_from_db()
    assert (protest.state, protest.decision) == (Protest.State.REJECTED, "Counted twice.")
    assert ResultChange.objects.filter(team=team).count() == 1


def test_protest_after_the_window_is_refused_on_the_page(client, running, team, captain, published):
    Discipline.objects.filter(pk=published.pk).update(
        published_at=timezone.now() - datetime.timedelta(minutes=90)
    )
    client.force_login(captain)

    response = client.post(
        url("milcomp_protest_file", running),
        {"team": team.pk, "discipline": published.pk, "reasons": "Late."},
    )

    assert response.status_code == 400
    assert "No discipline's protest window is open now." in response.content.decode()
    assert not Protest.objects.exists()


def test_other_nations_head_cannot_protest_for_a_team(client, running, team, published, hod_fra):
    client.force_login(hod_fra)

    response = client.post(
        url("milcomp_protest_file", running),
        {"team": team.pk, "discipline": published.pk, "reasons": "Not ours."},
    )

    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert not Protest.objects.exists()


def test_only_the_jury_opens_the_decision_page(client, running, team, captain, published, hod_est):
    protest = services.file_protest(team, published, reasons="x", by=captain)
    client.force_login(hod_est)

    response = client.get(url("milcomp_protest_decide", running, protest.pk))

    assert response.status_code == 404


def test_jury_declares_official_after_the_window(client, running, jury_user, published):
    Discipline.objects.filter(pk=published.pk).update(
        published_at=timezone.now() - datetime.timedelta(minutes=61)
    )
    client.force_login(jury_user)

    page = client.get(url("milcomp_protests", running)).content.decode()
    response = client.post(url("milcomp_discipline_official", running, "shooting"), follow=True)

    assert "Declare official" in page
    assert "Shooting results declared official." in response.content.decode()
    assert Discipline.objects.get(pk=published.pk).state == Discipline.State.OFFICIAL


def test_official_is_refused_during_the_window(client, running, jury_user, published):
    client.force_login(jury_user)

    response = client.post(url("milcomp_discipline_official", running, "shooting"), follow=True)

    assert "The protest window for Shooting is open until" in response.content.decode()
    assert Discipline.objects.get(pk=published.pk).state == Discipline.State.PROVISIONAL


def test_head_of_delegation_cannot_declare_official(client, running, published, hod_est):
    client.force_login(hod_est)

    response = client.post(url("milcomp_discipline_official", running, "shooting"))

    assert response.status_code == 404


def test_history_is_hidden_from_another_nation_and_judges(
    client, running, team, published, hod_fra
):
    for user in (hod_fra, judge(running, "shooting")):
        client.force_login(user)
        assert client.get(url("milcomp_team_history", running, team.pk)).status_code == 404


def test_history_shows_who_changed_what(client, running, team, published, presidency, jury_user):
    services.save_result(
        team,
        published,
        data=shooting_data(hits=2),
        by=presidency,
        expected_version=1,
        reason="Range officer's sheet",
    )
    client.force_login(jury_user)

    page = client.get(url("milcomp_team_history", running, team.pk)).content.decode()

    assert "version 2" in page
    assert "rapid 5" in page and "rapid 2" in page
    assert "Range officer&#x27;s sheet" in page


def _close_the_window(discipline):
    Discipline.objects.filter(pk=discipline.pk).update(
        published_at=timezone.now() - datetime.timedelta(minutes=90)
    )


def test_judge_cannot_change_a_result_after_the_protest_window(running, team, published):
    _close_the_window(published)
    current = RawResult.objects.get(team=team, discipline=published)

    with pytest.raises(ValidationError, match="protest window of these results has closed"):
        services.save_result(
            team,
            published,
            data=shooting_data(hits=6),
            by=judge(running, "shooting"),
            expected_version=current.version,
            reason="Typo",
        )

    assert RawResult.objects.get(pk=current.pk).version == current.version


def test_jury_corrects_a_result_after_the_protest_window(running, team, published, jury_user):
    _close_the_window(published)
    current = RawResult.objects.get(team=team, discipline=published)

    services.save_result(
        team,
        published,
        data=shooting_data(hits=6),
        by=jury_user,
        expected_version=current.version,
        reason="Recount by the jury",
    )

    saved = RawResult.objects.get(pk=current.pk)
    assert saved.version == current.version + 1
    assert saved.data["members"][0]["rifle_rapid_hits"] == 6


def test_protest_correction_over_a_newer_entry_is_stale(running, team, captain, published):
    protest = services.file_protest(team, published, reasons="Recount.", by=captain)
    shown = RawResult.objects.get(team=team, discipline=published).version
    services.save_result(  # a judge saves while the jury reads the protest
        team,
        published,
        data=shooting_data(hits=4),
        by=judge(running, "shooting"),
        expected_version=shown,
        reason="Second look",
    )

    with pytest.raises(services.StaleResult):
        services.decide_protest(
            protest,
            upheld=True,
            decision="6 hits.",
            by=jury(running),
            correction_data=shooting_data(hits=6),
            expected_version=shown,
        )

    assert (
        RawResult.objects.get(team=team, discipline=published).data["members"][0][
            "rifle_rapid_hits"
        ]
        == 4
    )
    protest.refresh_from_db()
    assert protest.state == Protest.State.FILED


def test_protestable_teams_are_those_the_rule_allows_in_one_query(
    running, captain, jury_user, hod_est, hod_fra, presidency, est, fra, django_assert_num_queries
):
    """Team.objects.protestable_by (the protests page's list) asks "milcomp.file_protest" of
    every team at once: the same teams as the rule team by team, in one query."""
    from nations.tests.factories import NationFactory

    nor = NationFactory(code="NOR", name_en="Norway", name_fr="Norvège")
    make_team(running, None, nations=[est, nor, nor], name="INT 1", category="international")
    make_team(running, fra, name="FRA 2", captain_user=True)
    teams = list(Team.objects.filter(competition=running))

    expected = {
        "captain": {"EST 1"},
        "jury": set(),
        "hod_est": {"EST 1", "INT 1"},
        "hod_fra": {"FRA 1", "FRA 2"},
        "presidency": {"EST 1", "FRA 1", "FRA 2", "INT 1"},
    }
    users = {
        "captain": captain,
        "jury": jury_user,
        "hod_est": hod_est,
        "hod_fra": hod_fra,
        "presidency": presidency,
    }
    for role, user in users.items():
        by_rule = {team.name for team in teams if user.has_perm("milcomp.file_protest", team)}
        with django_assert_num_queries(1):
            in_one_query = set(
                Team.objects.protestable_by(user)
                .filter(competition=running)
                .values_list("name", flat=True)
            )
        assert by_rule == in_one_query == expected[role], role


class _FormReader(HTMLParser):
    """The values a browser would submit from the admin's edit form (inputs, selects,
    textareas), by field name."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


@pytest.mark.parametrize("change", ["kind", "delete"])
def test_admin_refuses_to_change_or_remove_a_discipline_with_results(
    client, running, published, presidency, change
):
    edit = reverse("wagtailsnippets_milcomp_competition:edit", args=[running.pk])
    client.force_login(presidency)
    reader = _FormReader()
    reader.feed(client.get(edit).text)
    data = reader.data
    prefix = next(
        name.removesuffix("-kind")
        for name, value in data.items()
        if name.startswith("disciplines-") and name.endswith("-kind") and value == "shooting"
    )
    if change == "kind":
        data[f"{prefix}-kind"] = "loac"
        Discipline.objects.filter(competition=running, kind="loac").delete()  # the kind is free
    else:
        data[f"{prefix}-DELETE"] = "1"

    response = client.post(edit, data)

    expected = {
        "kind": "Shooting has results: its kind cannot change.",
        "delete": "Shooting has results: it cannot be removed.",
    }[change]
    assert response.status_code == 200
    assert expected in response.text
    shooting = Discipline.objects.get(pk=published.pk)
    assert shooting.kind == "shooting"
    assert shooting.raw_results.count() == 2
