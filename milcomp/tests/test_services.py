import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import Person
from events.models import Registration
from milcomp import queries, scoring, services
from milcomp.models import Competition, Discipline, Protest, RawResult, ResultChange, Team

from .factories import (
    competitor,
    freeze,
    judge,
    jury,
    make_team,
    shooting_data,
)

MemberEntry = services.MemberEntry


def _entries(competition, nation, participations=(1, 0, 0), *, sexes=None, nations=None):
    sexes = sexes or [Person.Sex.MALE] * 3
    nations = nations or [nation] * 3
    return [
        MemberEntry(competitor(competition, member_nation, sex=sex), previous)
        for member_nation, sex, previous in zip(nations, sexes, participations, strict=True)
    ]


# --- Teams ---------------------------------------------------------------------------------


def test_declare_team_numbers_the_nations_teams_and_sets_the_captain(competition, est, hod_est):
    first = services.declare_team(
        competition,
        nation=est,
        category="experienced",
        members=_entries(competition, est),
        by=hod_est,
    )
    second = services.declare_team(
        competition,
        nation=est,
        category="novice",
        members=_entries(competition, est, (0, 0, 0)),
        captain=2,
        by=hod_est,
    )

    assert (first.name, second.name) == ("EST 1", "EST 2")
    assert [m.is_captain for m in second.members.order_by("position")] == [False, False, True]
    entry = ModelLogEntry.objects.filter(action="cior.team", object_id=str(second.pk)).get()
    assert entry.data["changes"]["category"] == [None, "novice"]


def test_declare_team_refuses_a_category_not_met_with_every_reason(competition, est, hod_est):
    members = _entries(competition, est, (2, 0, 5), sexes=["female", "male", "female"])

    with pytest.raises(ValidationError) as refused:
        services.declare_team(
            competition, nation=est, category="female", members=members, by=hod_est
        )

    assert refused.value.messages == [
        "The team does not meet the Female category:",
        "In the female category every member is female.",
    ]
    assert not Team.objects.exists()


def test_declare_team_veteran_reason_names_the_competitions_figure(competition, est, hod_est):
    competition.veteran_min_participations = 6
    competition.save()

    with pytest.raises(ValidationError) as refused:
        services.declare_team(
            competition,
            nation=est,
            category="veteran",
            members=_entries(competition, est, (6, 6, 5)),
            by=hod_est,
        )

    assert "every member has at least 6 previous participations." in refused.value.messages[1]


def test_declare_team_reasons_are_translated(competition, est, hod_est):
    from django.utils import translation

    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        services.declare_team(
            competition,
            nation=est,
            category="novice",
            members=_entries(competition, est, (1, 0, 0)),
            by=hod_est,
        )

    # The French catalogue is the lead's; the message id is the engine's rule in English.
    assert len(refused.value.messages) == 2


def test_declare_team_of_another_nation_is_forbidden(competition, est, fra, hod_fra):
    with pytest.raises(PermissionDenied):
        services.declare_team(
            competition,
            nation=est,
            category="experienced",
            members=_entries(competition, est),
            by=hod_fra,
        )


def test_international_team_is_the_presidencys(competition, est, fra, hod_est, presidency):
    members = _entries(competition, est, nations=[est, fra, est])
    with pytest.raises(PermissionDenied):
        services.declare_team(
            competition, nation=None, category="international", members=members, by=hod_est
        )

    team = services.declare_team(
        competition, nation=None, category="international", members=members, by=presidency
    )

    assert team.name == "INT 1"
    assert team.nation is None


def test_international_team_of_one_nation_is_refused(competition, est, presidency):
    with pytest.raises(ValidationError) as refused:
        services.declare_team(
            competition,
            nation=None,
            category="international",
            members=_entries(competition, est),
            by=presidency,
        )

    assert "An international team has members from at least 2 nations." in refused.value.messages


def test_declare_team_refuses_unconfirmed_and_foreign_registrations(competition, est, fra, hod_est):
    members = _entries(competition, est)
    members[1].registration.state = Registration.State.SUBMITTED
    members[1].registration.save()
    members[2] = MemberEntry(competitor(competition, fra), 0)

    with pytest.raises(ValidationError) as refused:
        services.declare_team(
            competition, nation=est, category="experienced", members=members, by=hod_est
        )

    person_1 = members[1].registration.person
    person_2 = members[2].registration.person
    assert refused.value.messages == [
        f"{person_1} has no confirmed competitor registration for this competition's event.",
        f"{person_2} is registered for another nation.",
    ]


def test_declare_team_refuses_a_competitor_already_in_a_team(competition, est, hod_est):
    team = make_team(competition, est)
    taken = team.members.get(position=2)
    members = _entries(competition, est)
    members[0] = MemberEntry(taken.registration, 1)

    with pytest.raises(ValidationError) as refused:
        services.declare_team(
            competition, nation=est, category="experienced", members=members, by=hod_est
        )

    assert refused.value.messages == [f"{taken.person} is already in team EST 1."]


def test_change_team_keeps_its_name_and_replaces_members(competition, est, hod_est):
    team = services.declare_team(
        competition,
        nation=est,
        category="experienced",
        members=_entries(competition, est),
        by=hod_est,
    )
    new_members = _entries(competition, est, (0, 0, 0))

    services.declare_team(
        competition, nation=est, category="novice", members=new_members, by=hod_est, team=team
    )

    team.refresh_from_db()
    assert (team.name, team.category) == ("EST 1", "novice")
    assert [m.registration_id for m in team.members.order_by("position")] == [
        entry.registration.pk for entry in new_members
    ]


def test_no_team_is_declared_after_the_freeze(competition, est, hod_est, presidency):
    make_team(competition, est)
    services.freeze_teams(competition, by=presidency)

    with pytest.raises(ValidationError) as refused:
        services.declare_team(
            competition,
            nation=est,
            category="experienced",
            members=_entries(competition, est),
            by=hod_est,
        )

    assert refused.value.messages == ["The teams are frozen: no team can be declared or changed."]


def test_only_the_presidency_freezes_the_teams(competition, est, hod_est):
    make_team(competition, est)

    with pytest.raises(PermissionDenied):
        services.freeze_teams(competition, by=hod_est)


# --- The draw ------------------------------------------------------------------------------


def _teams(competition, est, fra, count=6):
    for index in range(count):
        make_team(competition, est if index % 2 else fra)


def test_draw_is_reproducible_with_its_recorded_seed(competition, est, fra, presidency):
    _teams(competition, est, fra)
    services.freeze_teams(competition, by=presidency)

    drawn = services.draw_start_order(competition, by=presidency, seed="opening-2027")
    first = {team.pk: team.start_number for team in Team.objects.all()}
    # Draw again from scratch with the recorded seed: the same start order.
    competition.refresh_from_db()
    recorded_seed = competition.draw_seed
    Competition.objects.filter(pk=competition.pk).update(drawn_at=None, draw_seed="")
    Team.objects.update(start_number=None)
    competition.refresh_from_db()
    services.draw_start_order(competition, by=presidency, seed=recorded_seed)

    assert recorded_seed == "opening-2027"
    assert {team.pk: team.start_number for team in Team.objects.all()} == first
    assert [team.key for team in drawn] == scoring.draw_start_order(
        [str(pk) for pk in first], "opening-2027"
    )
    assert sorted(first.values()) == [1, 2, 3, 4, 5, 6]


def test_draw_without_seed_records_a_generated_one(competition, est, fra, presidency):
    _teams(competition, est, fra, 3)
    services.freeze_teams(competition, by=presidency)

    services.draw_start_order(competition, by=presidency)

    competition.refresh_from_db()
    assert len(competition.draw_seed) == 16
    assert competition.drawn_at is not None


def test_draw_needs_frozen_teams_and_happens_once(competition, est, fra, presidency):
    _teams(competition, est, fra, 2)
    with pytest.raises(ValidationError):
        services.draw_start_order(competition, by=presidency, seed=1)
    services.freeze_teams(competition, by=presidency)
    services.draw_start_order(competition, by=presidency, seed=1)

    with pytest.raises(ValidationError) as refused:
        services.draw_start_order(competition, by=presidency, seed=2)

    assert "with the seed 1; it stands." in refused.value.messages[0]


# --- Results -------------------------------------------------------------------------------


@pytest.fixture
def running(competition, est, fra):
    make_team(competition, est, captain_user=True)
    make_team(competition, fra)
    return freeze(competition)


@pytest.fixture
def team(running, est):
    team = Team.objects.get(name="EST 1")
    team.captain_user = Team.objects.get(pk=team.pk).members.get(is_captain=True).person.user
    return team


@pytest.fixture
def shooting(running):
    return running.disciplines.get(kind="shooting")


@pytest.fixture
def shooting_judge(running):
    return judge(running, "shooting")


def test_save_result_stores_raw_values_history_and_moves_the_version_on_commit(
    running, team, shooting, shooting_judge, django_capture_on_commit_callbacks
):
    before = queries.results_version(running)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = services.save_result(
            team, shooting, data=shooting_data(), by=shooting_judge, expected_version=0
        )
    assert queries.results_version(running) == before  # never inside the transaction
    for callback in callbacks:
        callback()

    assert result.version == 1
    assert result.data["members"][0]["rifle_precision"] == [10, 9, 9, 8, 10]
    change = ResultChange.objects.get()
    assert (change.old_data, change.new_data, change.by) == (None, result.data, shooting_judge)
    assert queries.results_version(running) > before
    running.refresh_from_db()
    assert running.status == Competition.Status.RUNNING
    assert ModelLogEntry.objects.filter(action="cior.result").count() == 1


def test_stale_version_is_refused_and_the_newer_entry_kept(running, team, shooting, shooting_judge):
    other_judge = judge(running, "shooting")
    services.save_result(
        team, shooting, data=shooting_data(hits=6), by=other_judge, expected_version=0
    )

    with pytest.raises(services.StaleResult) as refused:
        services.save_result(
            team, shooting, data=shooting_data(hits=1), by=shooting_judge, expected_version=0
        )

    assert "changed by someone else" in refused.value.messages[0]
    result = RawResult.objects.get()
    assert (result.version, result.data["members"][0]["rifle_rapid_hits"]) == (1, 6)


def test_each_change_keeps_old_and_new_values(running, team, shooting, shooting_judge):
    services.save_result(
        team, shooting, data=shooting_data(hits=3), by=shooting_judge, expected_version=0
    )
    services.save_result(
        team, shooting, data=shooting_data(hits=4), by=shooting_judge, expected_version=1
    )

    changes = list(ResultChange.objects.order_by("version"))

    assert [c.version for c in changes] == [1, 2]
    assert changes[1].old_data["members"][0]["pistol_rapid_hits"] == 3
    assert changes[1].new_data["members"][0]["pistol_rapid_hits"] == 4


def test_saving_the_same_values_again_adds_no_version(running, team, shooting, shooting_judge):
    services.save_result(
        team, shooting, data=shooting_data(), by=shooting_judge, expected_version=0
    )

    result = services.save_result(
        team, shooting, data=shooting_data(), by=shooting_judge, expected_version=1
    )

    assert result.version == 1
    assert ResultChange.objects.count() == 1


def test_judge_enters_only_assigned_disciplines(running, team, shooting):
    land_judge = judge(running, "land")

    with pytest.raises(PermissionDenied):
        services.save_result(
            team, shooting, data=shooting_data(), by=land_judge, expected_version=0
        )

    assert not RawResult.objects.exists()


def test_judge_of_another_competition_cannot_enter(running, team, shooting, est):
    from .factories import CompetitionFactory

    elsewhere = judge(CompetitionFactory(), "shooting")

    with pytest.raises(PermissionDenied):
        services.save_result(team, shooting, data=shooting_data(), by=elsewhere, expected_version=0)


def test_head_of_delegation_cannot_alter_results(running, team, shooting, hod_est):
    with pytest.raises(PermissionDenied):
        services.save_result(team, shooting, data=shooting_data(), by=hod_est, expected_version=0)


def test_jury_and_presidency_enter_any_discipline(running, team, presidency):
    first_aid = running.disciplines.get(kind="first_aid")
    loac = running.disciplines.get(kind="loac")

    services.save_result(team, first_aid, data={"score": 250}, by=jury(running), expected_version=0)
    services.save_result(
        team,
        loac,
        data={"members": [{"percent": 90}, {"percent": 80}, {}]},
        by=presidency,
        expected_version=0,
    )

    assert RawResult.objects.get(discipline=first_aid).data == {"score": 250}
    assert RawResult.objects.get(discipline=loac).data["members"][2] == {"percent": None}


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        (
            "shooting",
            {"members": [{"rifle_precision": [10, 11]}]},
            "Member 1, rifle precision: enter a number from 0 to 10.",
        ),
        (
            "shooting",
            {"members": [{}, {"pistol_rapid_hits": 7}]},
            "Member 2, pistol rapid hits: enter a number from 0 to 6.",
        ),
        ("land", {"time": "4:5"}, "Team time: write the time as m:ss, e.g. 4:05."),
        ("land", {"time": "4:75"}, "Team time: minutes and seconds go from 00 to 59."),
        (
            "land",
            {"time": "4:05", "failed_obstacles": 61},
            "Failed obstacles: enter a number from 0 to 60.",
        ),
        ("water", {"time": "1:20:00"}, "Team time: write the time as m:ss, e.g. 4:05."),
        ("orienteering", {"time": "99:30"}, "March time: write the time as h:mm:ss, e.g. 1:39:30."),
        (
            "orienteering",
            {"true_distances": [0]},
            "True distance (m): enter a number from 1 to 100000.",
        ),
        ("first_aid", {"score": 301}, "First aid score: enter a number from 0 to 300."),
        (
            "loac",
            {"members": [{"percent": "ninety"}]},
            "Member 1, LOAC percent: enter a whole number.",
        ),
    ],
)
def test_save_result_refuses_bad_raw_values(running, team, presidency, kind, data, message):
    discipline = running.disciplines.get(kind=kind)

    with pytest.raises(ValidationError) as refused:
        services.save_result(team, discipline, data=data, by=presidency, expected_version=0)

    assert refused.value.messages == [message]
    assert not RawResult.objects.exists()


def test_times_are_stored_in_seconds(running, team, presidency):
    land = running.disciplines.get(kind="land")
    orienteering = running.disciplines.get(kind="orienteering")

    services.save_result(
        team, land, data={"time": "4:05", "failed_obstacles": 2}, by=presidency, expected_version=0
    )
    services.save_result(
        team,
        orienteering,
        data={"time": "1:39:30", "missed_posts": 1},
        by=presidency,
        expected_version=0,
    )

    assert RawResult.objects.get(discipline=land).data == {"seconds": 245, "failed_obstacles": 2}
    assert RawResult.objects.get(discipline=orienteering).data["seconds"] == 5970


def test_results_wait_for_the_freeze(competition, est, presidency):
    team = make_team(competition, est)

    with pytest.raises(ValidationError) as refused:
        services.save_result(
            team,
            competition.disciplines.get(kind="first_aid"),
            data={"score": 1},
            by=presidency,
            expected_version=0,
        )

    assert refused.value.messages == ["Results can be entered once the teams are frozen."]


def test_change_after_publication_needs_a_reason(running, team, shooting, shooting_judge):
    services.save_result(
        team, shooting, data=shooting_data(), by=shooting_judge, expected_version=0
    )
    services.publish_discipline(shooting, by=shooting_judge)

    with pytest.raises(ValidationError) as refused:
        services.save_result(
            team, shooting, data=shooting_data(hits=2), by=shooting_judge, expected_version=1
        )
    services.save_result(
        team,
        shooting,
        data=shooting_data(hits=2),
        by=shooting_judge,
        expected_version=1,
        reason="typo",
    )

    assert refused.value.message_dict == {
        "reason": ["These results are published: give the reason for the change."]
    }
    assert ResultChange.objects.get(version=2).reason == "typo"


# --- Publication, protests, official -------------------------------------------------------


@pytest.fixture
def published(running, team, shooting, shooting_judge):
    now = timezone.now()
    for each in Team.objects.all():
        services.save_result(
            each, shooting, data=shooting_data(), by=shooting_judge, expected_version=0
        )
    return services.publish_discipline(
        shooting, by=shooting_judge, now=now - datetime.timedelta(minutes=10)
    )


def test_publish_opens_the_protest_window(published, running):
    assert published.state == Discipline.State.PROVISIONAL
    assert published.protest_deadline() == published.published_at + datetime.timedelta(minutes=60)
    assert queries.discipline_states(running)["shooting"]["state"] == "provisional"
    assert queries.discipline_states(running)["land"]["state"] == "open"


def test_captain_files_a_protest_within_the_window(published, team):
    protest = services.file_protest(
        team, published, reasons="Shot 3 was a 10.", by=team.captain_user
    )

    assert (protest.state, protest.filed_by) == (Protest.State.FILED, team.captain_user)


def test_head_of_delegation_files_a_protest_for_own_team_only(published, team, hod_est, hod_fra):
    services.file_protest(team, published, reasons="Wrong count.", by=hod_est)

    with pytest.raises(PermissionDenied):
        services.file_protest(team, published, reasons="Wrong count.", by=hod_fra)


def test_protest_after_the_window_is_refused(published, team, hod_est):
    late = published.published_at + datetime.timedelta(minutes=61)

    with pytest.raises(ValidationError) as refused:
        services.file_protest(team, published, reasons="Late.", by=hod_est, now=late)

    assert "The protest window for Shooting closed at" in refused.value.messages[0]
    assert not Protest.objects.exists()


def test_protest_of_an_unpublished_discipline_is_refused(running, team, hod_est):
    with pytest.raises(ValidationError):
        services.file_protest(team, running.disciplines.get(kind="land"), reasons="x", by=hod_est)


def test_upheld_protest_corrects_the_result_with_its_history(published, team, hod_est, running):
    protest = services.file_protest(
        team, published, reasons="Member 1 rifle rapid: 6 hits.", by=hod_est
    )
    corrected = shooting_data()
    corrected["members"][0]["rifle_rapid_hits"] = 6
    jury_user = jury(running)

    services.decide_protest(
        protest,
        upheld=True,
        decision="Target re-checked: 6 hits.",
        correction_data=corrected,
        by=jury_user,
    )

    protest.refresh_from_db()
    result = RawResult.objects.get(team=team, discipline=published)
    change = ResultChange.objects.get(team=team, version=2)
    assert protest.state == Protest.State.UPHELD
    assert result.data["members"][0]["rifle_rapid_hits"] == 6
    assert change.protest == protest
    assert change.old_data["members"][0]["rifle_rapid_hits"] == 5
    assert change.reason == "Protest upheld: Target re-checked: 6 hits."


def test_rejected_protest_changes_nothing(published, team, hod_est, running):
    protest = services.file_protest(team, published, reasons="No.", by=hod_est)

    services.decide_protest(protest, upheld=False, decision="Scores confirmed.", by=jury(running))

    protest.refresh_from_db()
    assert (protest.state, protest.decision) == (Protest.State.REJECTED, "Scores confirmed.")
    assert RawResult.objects.get(team=team, discipline=published).version == 1


def test_only_the_jury_decides_a_protest(published, team, hod_est, shooting_judge):
    protest = services.file_protest(team, published, reasons="No.", by=hod_est)

    with pytest.raises(PermissionDenied):
        services.decide_protest(protest, upheld=False, decision="x", by=shooting_judge)


def test_official_only_after_the_window_and_without_open_protest(published, team, hod_est, running):
    jury_user = jury(running)
    with pytest.raises(ValidationError) as early:
        services.declare_official(published, by=jury_user)
    protest = services.file_protest(team, published, reasons="No.", by=hod_est)
    later = timezone.now() + datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as pending:
        services.declare_official(published, by=jury_user, now=later)
    services.decide_protest(protest, upheld=False, decision="Confirmed.", by=jury_user)

    official = services.declare_official(published, by=jury_user, now=later)

    assert "The protest window for Shooting is open until" in early.value.messages[0]
    assert pending.value.messages == ["A protest about Shooting still awaits the jury's decision."]
    assert (official.state, official.official_by) == (Discipline.State.OFFICIAL, jury_user)


def test_official_results_change_only_through_a_protest(published, team, shooting_judge, running):
    services.declare_official(
        published, by=jury(running), now=timezone.now() + datetime.timedelta(hours=1)
    )

    with pytest.raises(ValidationError) as refused:
        services.save_result(
            team,
            published,
            data=shooting_data(hits=1),
            by=shooting_judge,
            expected_version=1,
            reason="x",
        )

    assert refused.value.messages == [
        "The Shooting results are official: they change only through a protest."
    ]


def test_competition_finishes_when_every_discipline_is_official(running, presidency):
    later = timezone.now() + datetime.timedelta(hours=2)
    for discipline in running.disciplines.all():
        team = running.teams.first()
        services.save_result(
            team, discipline, data={}, status="dns", by=presidency, expected_version=0
        )
        services.publish_discipline(discipline, by=presidency)
        services.declare_official(discipline, by=presidency, now=later)

    running.refresh_from_db()
    assert running.status == Competition.Status.FINISHED


# --- The engine's input ------------------------------------------------------------------


def test_scoring_input_gives_the_engine_every_raw_value(running, team, presidency):
    land = running.disciplines.get(kind="land")
    services.save_result(
        team,
        running.disciplines.get(kind="shooting"),
        data=shooting_data(),
        by=presidency,
        expected_version=0,
    )
    services.save_result(
        team, land, data={"time": "4:00", "failed_obstacles": 1}, by=presidency, expected_version=0
    )
    Team.objects.filter(pk=team.pk).update(disqualified=False)

    teams, table, categories = queries.scoring_input(running)
    results = scoring.compute(teams, table, categories)

    est_1 = results.teams[team.key]
    assert est_1.shooting == 3 * 2 * (8 * 46 + 30 * 5)
    assert est_1.land == 1200 + 5 * (240 - 260)
    assert est_1.nation == "EST"
    assert [m.key for m in teams[0].members] == [
        str(m.pk) for m in Team.objects.get(pk=int(teams[0].key)).members.order_by("position")
    ]
    assert categories == ["novice", "experienced", "veteran", "female", "international"]


def test_scoring_input_of_a_hundred_teams_takes_few_queries(
    competition, est, presidency, django_assert_max_num_queries
):
    for _ in range(100):
        make_team(competition, est)
    freeze(competition)
    shooting = competition.disciplines.get(kind="shooting")
    for team in Team.objects.all()[:50]:
        RawResult.objects.create(
            team=team, discipline=shooting, data=shooting_data(), entered_at=timezone.now()
        )

    with django_assert_max_num_queries(5):
        teams, table, categories = queries.scoring_input(competition)

    assert len(teams) == 100
    assert len(scoring.compute(teams, table, categories).overall) == 100


def test_results_version_survives_a_lost_cache(running):
    from django.core.cache import cache

    first = queries.results_version(running)
    cache.clear()

    assert queries.results_version(running) != first
    assert services.bump_results_version(running) == queries.results_version(running)


def test_every_category_reason_has_a_translated_message():
    assert set(services.REASON_MESSAGES) == set(scoring.Reason)
