"""MILCOMP points and rankings, case by case (domain.md §8)."""

import pickle
from decimal import Decimal
from fractions import Fraction

import pytest

from milcomp.scoring import (
    DISCIPLINES,
    Category,
    CategoryRules,
    Discipline,
    Member,
    MemberProfile,
    MemberShooting,
    PointsTable,
    Reason,
    Status,
    TeamPoints,
    TeamResult,
    check_category,
    compute,
    draw_start_order,
    first_aid_points,
    format_time,
    land_points,
    loac_points,
    march_task_points,
    orienteering_points,
    parse_time,
    rank,
    shooting_points,
    team_points,
    water_points,
)

TABLE = PointsTable()
PERFECT_TOTAL = 3480 + 1200 + 600 + (2750 + 360) + 300 + 600


def shooting(pistol=(10, 10, 10, 10, 10), pistol_hits=6, rifle=(10, 10, 10, 10, 10), rifle_hits=6):
    return MemberShooting(
        pistol_precision=tuple(pistol),
        pistol_rapid_hits=pistol_hits,
        rifle_precision=tuple(rifle),
        rifle_rapid_hits=rifle_hits,
    )


def member(key="m1", nation="EST", **fields):
    values = {
        "shooting": shooting(),
        "loac_percent": 100,
        "estimates": (400, 400, 400),
        "throws": (True, True, True),
    }
    values.update(fields)
    return Member(key=key, nation=nation, **values)


def team(key="t1", name=None, nation="EST", category="novice", members=None, **fields):
    """Return a team with every discipline entered and a perfect result unless told."""
    values = {
        "land_seconds": 240,
        "water_seconds": 90,
        "orienteering_seconds": 6000,
        "estimate_true_distances": (400, 400, 400),
        "first_aid_score": 300,
    }
    values.update(fields)
    if members is None:
        members = tuple(member(f"{key}-m{i}", nation or "EST") for i in range(3))
    name = name or key.upper()
    return TeamResult(
        key=key, name=name, nation=nation, category=category, members=members, **values
    )


def scored(key, *, shooting=0, orienteering=0, other=0, land_effective=240, **fields):
    """Return a TeamPoints with the figures that rankings look at."""
    values = {
        "key": key,
        "name": key.upper(),
        "nation": "EST",
        "category": "novice",
        "disqualified": False,
        "shooting": shooting,
        "land": 0,
        "water": 0,
        "orienteering": orienteering,
        "first_aid": other,
        "loac": 0,
        "total": shooting + orienteering + other,
        "orienteering_march": orienteering,
        "orienteering_tasks": 0,
        "land_effective_seconds": land_effective,
        "water_effective_seconds": None,
        "over_time_limit": False,
        "pending": frozenset(),
        "member_shooting": (),
    }
    values.update(fields)
    return TeamPoints(**values)


def places(ranking):
    return [(row.key, row.place) for row in ranking]


# Times.


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("0:00", 0),
        ("4:05", 245),
        ("04:05", 245),
        ("59:59", 3599),
        ("240:00", 14400),
        ("1:39:30", 5970),
        ("4:00:00", 14400),
        ("4:00:01", 14401),
        (" 1:02:03 ", 3723),
    ],
)
def test_parse_time_reads_minutes_and_hours(text, seconds):
    assert parse_time(text) == seconds


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1:60", "seconds must be 00 to 59"),
        ("1:00:60", "seconds must be 00 to 59"),
        ("1:60:00", "minutes must be 00 to 59"),
        ("-1:00", "cannot be negative"),
        ("-0:01:00", "cannot be negative"),
        ("", "m:ss or h:mm:ss"),
        ("abc", "m:ss or h:mm:ss"),
        ("1:5", "m:ss or h:mm:ss"),
        ("90", "m:ss or h:mm:ss"),
        ("1:05.5", "m:ss or h:mm:ss"),
        ("1:02:03:04", "m:ss or h:mm:ss"),
        ("1:05:", "m:ss or h:mm:ss"),
        ("١:٠٥", "m:ss or h:mm:ss"),  # Arabic-Indic digits are not times
    ],
)
def test_parse_time_refuses_bad_formats_with_a_clear_message(text, message):
    with pytest.raises(ValueError, match=message):
        parse_time(text)


def test_parse_time_refuses_a_number():
    with pytest.raises(ValueError, match="a time is text"):
        parse_time(245)


def test_format_time_writes_minutes_or_hours():
    assert format_time(245) == "4:05"
    assert format_time(0) == "0:00"
    assert format_time(14400) == "240:00"
    assert format_time(5970, hours=True) == "1:39:30"
    assert format_time(14401, hours=True) == "4:00:01"


def test_format_time_refuses_negative_seconds():
    with pytest.raises(ValueError, match="cannot be below 0"):
        format_time(-1)


# The points table.


def test_points_table_defaults_are_the_domain_table():
    assert (TABLE.precision_points_per_ring, TABLE.rapid_points_per_hit) == (8, 30)
    assert (TABLE.land_base, TABLE.land_par_seconds, TABLE.land_penalty_seconds) == (1200, 240, 20)
    assert (TABLE.water_base, TABLE.water_par_seconds, TABLE.water_penalty_seconds) == (600, 90, 10)
    assert (TABLE.orienteering_base, TABLE.orienteering_par_minutes) == (2750, 100)
    assert TABLE.orienteering_limit_minutes == 240
    assert (TABLE.first_aid_max, TABLE.loac_points_per_percent) == (300, 2)


def test_points_table_holds_decimals_as_exact_fractions():
    table = PointsTable(land_points_per_second=Decimal("2.5"), water_base=Decimal("600.0"))

    assert table.land_points_per_second == Fraction(5, 2)
    assert table.water_base == 600
    assert type(table.water_base) is int


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"land_base": -1}, "land_base cannot be negative"),
        ({"land_base": 1200.0}, "land_base must be a whole number or a Decimal"),
        ({"precision_shots": Decimal("4.5")}, "precision_shots must be a whole number"),
        ({"grenade_points": True}, "grenade_points must be a whole number or a Decimal"),
    ],
)
def test_points_table_refuses_impossible_values(options, message):
    with pytest.raises(ValueError, match=message):
        PointsTable(**options)


# Shooting.


def test_shooting_points_perfect_member():
    points = shooting_points(shooting(), TABLE)

    assert (points.pistol, points.rifle, points.total) == (580, 580, 1160)
    assert (points.pistol_precision_rings, points.rifle_precision_rings) == (50, 50)


def test_shooting_points_counts_rings_and_hits_per_weapon():
    points = shooting_points(
        shooting(pistol=(10, 9, 8, 7, 6), pistol_hits=4, rifle=(0, 0, 0, 0, 1), rifle_hits=0),
        TABLE,
    )

    assert points.pistol == 8 * 40 + 30 * 4
    assert points.rifle == 8
    assert points.total == 448
    assert (points.pistol_precision_rings, points.rifle_precision_rings) == (40, 1)


def test_shooting_points_zero():
    points = shooting_points(
        shooting(pistol=(0,) * 5, pistol_hits=0, rifle=(0,) * 5, rifle_hits=0), TABLE
    )

    assert points.total == 0


def test_team_shooting_maximum_is_3480():
    assert team_points(team(), TABLE).shooting == 3480


@pytest.mark.parametrize(
    ("series", "message"),
    [
        ({"pistol": (11, 10, 10, 10, 10)}, "pistol precision ring cannot be above 10"),
        ({"rifle": (10, 10, -1, 10, 10)}, "rifle precision ring cannot be below 0"),
        ({"rifle": (10, 10, 9.5, 10, 10)}, "rifle precision ring must be a whole number"),
        ({"pistol": (10,) * 6}, "pistol precision: 6 shots entered, the series has 5"),
        ({"pistol_hits": 7}, "pistol rapid hits cannot be above 6"),
        ({"rifle_hits": -1}, "rifle rapid hits cannot be below 0"),
    ],
)
def test_shooting_points_refuses_impossible_values(series, message):
    with pytest.raises(ValueError, match=message):
        shooting_points(shooting(**series), TABLE)


def test_team_shooting_with_a_series_not_fully_entered_is_pending():
    first = member("a", shooting=shooting(pistol=(10, 10), rifle=()))
    unshot = member("b", shooting=None)
    points = team_points(team(members=(first, unshot, member("c"))), TABLE)

    assert points.shooting == 8 * 20 + 30 * 6 + 30 * 6 + 1160
    assert Discipline.SHOOTING in points.pending
    assert points.member_shooting[1] is None


# Land and water obstacles.


@pytest.mark.parametrize(
    ("seconds", "failed", "points"),
    [
        (240, 0, 1200),  # par
        (200, 0, 1400),
        (241, 0, 1195),
        (240, 2, 1000),  # 240 + 2 × 20 = 280 s effective
        (479, 0, 5),
        (480, 0, 0),  # floor reached exactly
        (481, 0, 0),  # would be −5
        (400, 5, 0),
        (0, 0, 2400),
    ],
)
def test_land_points(seconds, failed, points):
    assert land_points(seconds, failed, TABLE) == points


@pytest.mark.parametrize(
    ("seconds", "failed", "points"),
    [
        (90, 0, 600),
        (60, 0, 750),
        (90, 1, 550),  # 90 + 10 = 100 s effective
        (209, 0, 5),
        (210, 0, 0),
        (211, 0, 0),
        (150, 6, 0),
    ],
)
def test_water_points(seconds, failed, points):
    assert water_points(seconds, failed, TABLE) == points


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: land_points(-1, 0, TABLE), "land time \\(seconds\\) cannot be below 0"),
        (lambda: land_points(240, -1, TABLE), "land failed obstacles cannot be below 0"),
        (lambda: land_points(240, 61, TABLE), "land failed obstacles cannot be above 60"),
        (lambda: water_points(-5, 0, TABLE), "water time \\(seconds\\) cannot be below 0"),
        (lambda: water_points(90, 16, TABLE), "water failed obstacles cannot be above 15"),
        (lambda: land_points(240.5, 0, TABLE), "must be a whole number"),
    ],
)
def test_obstacle_points_refuse_impossible_values(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_obstacle_points_with_a_decimal_table_round_half_up():
    table = PointsTable(
        land_points_per_second=Decimal("2.5"), water_points_per_second=Decimal("0.5")
    )

    assert land_points(241, 0, table) == 1198  # 1200 − 2.5 = 1197.5
    assert water_points(91, 0, table) == 600  # 600 − 0.5 = 599.5


def test_team_land_effective_time_includes_penalties():
    points = team_points(
        team(land_seconds=250, land_failed_obstacles=3, water_failed_obstacles=2), TABLE
    )

    assert points.land_effective_seconds == 310
    assert points.land == 1200 + 5 * (240 - 310)
    assert points.water_effective_seconds == 110


# Orienteering.


@pytest.mark.parametrize(
    ("time", "missed", "points"),
    [
        ("1:40:00", 0, 2750),  # the known anchor
        ("1:39:30", 0, 2755),  # 99.5 minutes
        ("1:39:33", 0, 2755),  # 99.45 minutes: 2754.5, half up
        ("1:39:34", 0, 2754),  # 2754.33...
        ("1:40:03", 0, 2750),  # 2749.5, half up
        ("1:40:04", 0, 2749),  # 2749.33...
        ("1:30:00", 0, 2850),
        ("2:00:00", 0, 2550),
        ("1:40:00", 3, 2450),
        ("4:00:00", 0, 1350),  # exactly the limit still scores
        ("4:00:00", 13, 50),
        ("4:00:00", 14, 0),  # 1350 − 1400, not below 0
        ("4:00:01", 0, 0),  # over the limit: DNF
        ("5:00:00", 0, 0),
        ("0:00:00", 0, 3750),
    ],
)
def test_orienteering_points(time, missed, points):
    assert orienteering_points(parse_time(time), missed, TABLE) == points


def test_orienteering_floor_applies_before_missed_posts():
    table = PointsTable(orienteering_base=500)

    # 500 + 10 × (100 − 240) < 0: floored at 0, then the penalty cannot go below 0 either.
    assert orienteering_points(14400, 0, table) == 0
    assert orienteering_points(14400, 2, table) == 0
    # 500 + 10 × (100 − 140) = 100: one missed post takes it to 0.
    assert orienteering_points(8400, 1, table) == 0


def test_orienteering_points_refuse_impossible_values():
    with pytest.raises(ValueError, match="orienteering time \\(seconds\\) cannot be below 0"):
        orienteering_points(-1, 0, TABLE)
    with pytest.raises(ValueError, match="missed control posts cannot be below 0"):
        orienteering_points(6000, -1, TABLE)


def test_task_points_add_after_the_march_floor():
    points = team_points(team(orienteering_seconds=14400, orienteering_missed_posts=20), TABLE)

    assert points.orienteering_march == 0
    assert points.orienteering_tasks == 360
    assert points.orienteering == 360


def test_team_over_the_time_limit_scores_nothing_for_orienteering_tasks_included():
    points = team_points(team(orienteering_seconds=14401), TABLE)

    assert points.over_time_limit is True
    assert (points.orienteering_march, points.orienteering_tasks, points.orienteering) == (0, 0, 0)
    assert Discipline.ORIENTEERING not in points.pending


def test_team_at_the_time_limit_keeps_its_tasks():
    points = team_points(team(orienteering_seconds=14400), TABLE)

    assert points.over_time_limit is False
    assert points.orienteering == 1350 + 360


# Tasks on the march.


@pytest.mark.parametrize(
    ("estimate", "true", "hit"),
    [
        (400, 400, True),
        (360, 400, True),  # exactly 10 % short: inclusive
        (440, 400, True),  # exactly 10 % long: inclusive
        (359, 400, False),
        (441, 400, False),
        (445, 405, True),  # 40 ≤ 40.5
        (446, 405, False),  # 41 > 40.5
        (0, 5, False),
        (5, 5, True),
    ],
)
def test_range_estimate_within_ten_percent_scores_20(estimate, true, hit):
    someone = member("a", estimates=(estimate,), throws=())

    assert march_task_points([someone], [true], TABLE) == (20 if hit else 0)


def test_range_estimates_are_compared_by_position():
    someone = member("a", estimates=(100, 800, 300), throws=())

    # Only the first and the third estimate match their true distance.
    assert march_task_points([someone], [100, 400, 300], TABLE) == 40


def test_grenade_hits_score_20_each():
    members = [
        member("a", estimates=(), throws=(True, False, True)),
        member("b", estimates=(), throws=(False, False, False)),
        member("c", estimates=(), throws=(True,)),
    ]

    assert march_task_points(members, [], TABLE) == 60


@pytest.mark.parametrize(
    ("members", "true", "message"),
    [
        ([member("a", estimates=(1, 2, 3, 4))], [1, 2, 3], "4 range estimates, max 3"),
        ([member("a", throws=(True,) * 4)], [1, 2, 3], "4 grenade throws, max 3"),
        ([member("a")], [1, 2, 3, 4], "4 true distances, the march has 3"),
        ([member("a")], [0, 2, 3], "true distance \\(m\\) cannot be below 1"),
        ([member("a", estimates=(-1,))], [1, 2, 3], "range estimate \\(m\\) cannot be below 0"),
        ([member("a", throws=(1,))], [1, 2, 3], "a throw is a hit or not"),
    ],
)
def test_task_points_refuse_impossible_values(members, true, message):
    with pytest.raises(ValueError, match=message):
        march_task_points(members, true, TABLE)


def test_tasks_not_all_entered_leave_orienteering_pending():
    late = member("a", estimates=(400,), throws=())
    points = team_points(team(members=(late, member("b"), member("c"))), TABLE)

    assert points.orienteering == 2750 + 20 + 2 * 120
    assert Discipline.ORIENTEERING in points.pending


def test_true_distances_not_yet_entered_leave_orienteering_pending():
    points = team_points(team(estimate_true_distances=()), TABLE)

    assert points.orienteering == 2750 + 3 * 60
    assert Discipline.ORIENTEERING in points.pending


# LOAC and first aid.


def test_loac_points_two_per_percent():
    assert loac_points(100, TABLE) == 200
    assert loac_points(0, TABLE) == 0
    assert loac_points(73, TABLE) == 146


def test_team_loac_is_the_sum_of_members():
    members = (
        member("a", loac_percent=100),
        member("b", loac_percent=50),
        member("c", loac_percent=1),
    )

    assert team_points(team(members=members), TABLE).loac == 302
    assert team_points(team(), TABLE).loac == 600


def test_loac_refuses_impossible_percent():
    with pytest.raises(ValueError, match="LOAC percent cannot be above 100"):
        loac_points(101, TABLE)
    with pytest.raises(ValueError, match="LOAC percent cannot be below 0"):
        team_points(team(members=(member("a", loac_percent=-1), member("b"), member("c"))), TABLE)


def test_first_aid_points_are_the_jury_score():
    assert first_aid_points(300, TABLE) == 300
    assert first_aid_points(0, TABLE) == 0
    assert first_aid_points(Decimal("150.5"), TABLE) == 151


def test_first_aid_refuses_impossible_scores():
    with pytest.raises(ValueError, match="first aid score cannot be above 300"):
        first_aid_points(301, TABLE)
    with pytest.raises(ValueError, match="first aid score cannot be below 0"):
        team_points(team(first_aid_score=-1), TABLE)


# A team.


def test_team_points_of_a_perfect_team():
    points = team_points(team(), TABLE)

    assert (points.shooting, points.land, points.water) == (3480, 1200, 600)
    assert (points.orienteering_march, points.orienteering_tasks) == (2750, 360)
    assert (points.first_aid, points.loac) == (300, 600)
    assert points.total == PERFECT_TOTAL == 9290
    assert points.pending == frozenset()


def test_team_points_with_nothing_entered_scores_zero_and_everything_pending():
    blank = tuple(Member(key=f"m{i}", nation="EST") for i in range(3))
    points = team_points(
        TeamResult(key="t", name="EST 1", nation="EST", category="novice", members=blank), TABLE
    )

    assert points.total == 0
    assert points.pending == frozenset(DISCIPLINES)
    assert points.land_effective_seconds is None


@pytest.mark.parametrize("status", [Status.DNS, Status.DNF, Status.DSQ, "dnf"])
@pytest.mark.parametrize("discipline", list(Discipline))
def test_a_discipline_marked_dns_dnf_or_dsq_scores_zero(discipline, status):
    points = team_points(team(**{f"{discipline}_status": status}), TABLE)

    assert points.points(discipline) == 0
    assert discipline not in points.pending
    assert points.total == PERFECT_TOTAL - team_points(team(), TABLE).points(discipline)


def test_a_status_without_a_result_is_not_pending():
    blank = tuple(Member(key=f"m{i}", nation="EST") for i in range(3))
    statuses = {f"{discipline}_status": Status.DNS for discipline in Discipline}
    points = team_points(
        TeamResult(key="t", name="T", nation="EST", category="novice", members=blank, **statuses),
        TABLE,
    )

    assert points.pending == frozenset()


def test_orienteering_dnf_takes_the_tasks_too():
    points = team_points(team(orienteering_status=Status.DNF), TABLE)

    assert (points.orienteering_march, points.orienteering_tasks) == (0, 0)


def test_land_dns_leaves_no_effective_time():
    assert team_points(team(land_status=Status.DNS), TABLE).land_effective_seconds is None
    assert team_points(team(land_seconds=None), TABLE).land_effective_seconds is None


def test_an_unknown_status_is_refused():
    with pytest.raises(ValueError, match="land status must be one of ok, dns, dnf, dsq"):
        team_points(team(land_status="retired"), TABLE)


def test_a_team_has_exactly_three_different_members():
    with pytest.raises(ValueError, match="2 members, a team has 3"):
        team_points(team(members=(member("a"), member("b"))), TABLE)
    with pytest.raises(ValueError, match="the same member twice"):
        team_points(team(members=(member("a"), member("a"), member("c"))), TABLE)


def test_a_disqualified_team_keeps_its_points():
    points = team_points(team(disqualified=True), TABLE)

    assert points.disqualified is True
    assert points.total == PERFECT_TOTAL


# Rankings.


def test_rank_orders_by_total():
    ranking = rank([scored("b", other=10), scored("a", other=30), scored("c", other=20)])

    assert places(ranking) == [("a", 1), ("c", 2), ("b", 3)]
    assert [row.points for row in ranking] == [30, 20, 10]


def test_rank_fully_tied_teams_share_a_place_and_the_next_is_skipped():
    ranking = rank([scored("c", other=5), scored("b", other=10), scored("a", other=10)])

    assert places(ranking) == [("a", 1), ("b", 1), ("c", 3)]


def test_rank_tie_broken_by_orienteering_points():
    ranking = rank([scored("a", other=100), scored("b", orienteering=100)])

    assert places(ranking) == [("b", 1), ("a", 2)]


def test_rank_tie_broken_by_shooting_points_when_orienteering_is_equal():
    ranking = rank(
        [scored("a", orienteering=50, other=50), scored("b", orienteering=50, shooting=50)]
    )

    assert places(ranking) == [("b", 1), ("a", 2)]


def test_rank_tie_broken_by_the_lower_land_effective_time():
    ranking = rank(
        [scored("a", other=10, land_effective=300), scored("b", other=10, land_effective=299)]
    )

    assert places(ranking) == [("b", 1), ("a", 2)]


def test_rank_a_team_without_land_time_counts_as_slowest():
    ranking = rank(
        [
            scored("a", other=10, land_effective=None),
            scored("b", other=10, land_effective=100_000),
            scored("c", other=10, land_effective=None),
        ]
    )

    assert places(ranking) == [("b", 1), ("a", 2), ("c", 2)]


def test_rank_uses_the_effective_land_time_not_the_raw_time():
    # a: 250 s clean (1150 points); b: faster, 231 s, but one failure makes 251 s (1145).
    slow_clean = team("a", land_seconds=250, first_aid_score=295)
    fast_penalised = team("b", land_seconds=231, land_failed_obstacles=1)

    results = compute([slow_clean, fast_penalised], TABLE)

    assert results.teams["a"].total == results.teams["b"].total
    assert places(results.overall) == [("a", 1), ("b", 2)]


def test_rank_disqualified_teams_come_last_unplaced():
    ranking = rank(
        [
            scored("a", other=100, disqualified=True),
            scored("b", other=50),
            scored("c", other=10),
            scored("d", other=200, disqualified=True),
        ]
    )

    assert places(ranking) == [("b", 1), ("c", 2), ("d", None), ("a", None)]


def test_rank_by_a_discipline_without_tie_breaks():
    teams = [
        scored("a", shooting=100, orienteering=1),
        scored("b", shooting=100, orienteering=5),
        scored("c", shooting=90),
    ]

    ranking = rank(teams, lambda team: team.shooting, tie_breaks=False)

    assert places(ranking) == [("a", 1), ("b", 1), ("c", 3)]
    assert [row.points for row in ranking] == [100, 100, 90]


def test_compute_ranks_each_category_with_its_own_places():
    teams = [
        team("a", category="veteran"),
        team("b", category="novice", first_aid_score=200),
        team("c", category="veteran", first_aid_score=100),
        team("d", category="novice", first_aid_score=100),
    ]

    results = compute(teams, TABLE, categories=["novice", "veteran", "female"])

    assert list(results.by_category) == ["novice", "veteran", "female"]
    assert places(results.by_category["novice"]) == [("b", 1), ("d", 2)]
    assert places(results.by_category["veteran"]) == [("a", 1), ("c", 2)]
    assert results.by_category["female"] == []
    assert places(results.overall) == [("a", 1), ("b", 2), ("c", 3), ("d", 3)]


def test_compute_category_places_share_and_skip_within_the_category():
    teams = [
        team("a", category="novice"),
        team("b", category="novice"),
        team("c", category="novice", first_aid_score=0),
        team("d", category="veteran", disqualified=True),
    ]

    results = compute(teams, TABLE)

    assert places(results.by_category["novice"]) == [("a", 1), ("b", 1), ("c", 3)]
    assert places(results.by_category["veteran"]) == [("d", None)]


def test_compute_lists_categories_not_asked_for_after_the_others():
    results = compute([team("a", category="zeta"), team("b", category="alpha")], TABLE, ["novice"])

    assert list(results.by_category) == ["novice", "alpha", "zeta"]


def test_compute_ranks_every_discipline():
    teams = [
        team("a", land_seconds=200),
        team("b", water_seconds=80),
        team("c", land_status=Status.DNS, disqualified=True),
    ]

    results = compute(teams, TABLE)

    assert set(results.by_discipline) == {d.value for d in Discipline}
    assert places(results.by_discipline["land"]) == [("a", 1), ("b", 2), ("c", None)]
    assert places(results.by_discipline["water"]) == [("b", 1), ("a", 2), ("c", None)]
    assert places(results.by_discipline["shooting"]) == [("a", 1), ("b", 1), ("c", None)]


def test_compute_refuses_a_team_key_twice():
    with pytest.raises(ValueError, match="team key 'a' appears twice"):
        compute([team("a"), team("a")], TABLE)


def test_compute_reports_pending_results():
    assert compute([team("a")], TABLE).pending is False
    assert compute([team("a"), team("b", first_aid_score=None)], TABLE).pending is True


def test_compute_results_survive_pickling_for_the_cache():
    results = compute([team("a"), team("b", disqualified=True)], TABLE)

    assert pickle.loads(pickle.dumps(results)) == results


def test_compute_of_no_teams_is_empty():
    results = compute([], TABLE)

    assert (results.overall, results.individual_shooting, results.nation_cup) == ([], [], [])


# Individual shooting.


def shooter(key, pistol=(10,) * 5, rifle=(10,) * 5, pistol_hits=6, rifle_hits=6, nation="EST"):
    return member(key, nation, shooting=shooting(pistol, pistol_hits, rifle, rifle_hits))


def test_individual_shooting_ranks_members_by_points():
    members = (shooter("x", pistol_hits=5), shooter("y"), shooter("z", pistol_hits=4))

    results = compute([team("t", members=members)], TABLE)

    ranking = [(row.member_key, row.place, row.points) for row in results.individual_shooting]
    assert ranking == [("y", 1, 1160), ("x", 2, 1130), ("z", 3, 1100)]
    assert results.individual_shooting[0].team_key == "t"


def test_individual_shooting_tie_broken_by_rifle_then_pistol_precision_rings():
    # 920 points each, rings traded for hits (15 rings = 120 points = 4 hits).
    thirty_five = (10, 10, 10, 5, 0)
    members = (
        shooter("low-pistol", pistol=thirty_five, pistol_hits=6, rifle_hits=2),
        shooter("high-pistol", pistol_hits=2, rifle_hits=2),
        shooter("low-rifle", pistol_hits=2, rifle=thirty_five, rifle_hits=6),
    )
    perfect = (shooter("q"), shooter("r"), shooter("s"))

    results = compute([team("t", members=members), team("u", members=perfect)], TABLE)

    ranking = [(row.member_key, row.place, row.points) for row in results.individual_shooting]
    assert ranking[3:] == [
        ("high-pistol", 4, 920),
        ("low-pistol", 5, 920),
        ("low-rifle", 6, 920),
    ]
    assert [row.place for row in results.individual_shooting[:3]] == [1, 1, 1]


def test_individual_shooting_still_tied_share_a_place():
    members = (shooter("a"), shooter("b"), shooter("c", rifle_hits=0))

    results = compute([team("t", members=members)], TABLE)

    assert [(row.member_key, row.place) for row in results.individual_shooting] == [
        ("a", 1),
        ("b", 1),
        ("c", 3),
    ]


@pytest.mark.parametrize(
    "left_out",
    [
        {"shooting_status": Status.DNS},
        {"shooting_status": Status.DNF},
        {"shooting_status": Status.DSQ},
        {"disqualified": True},
    ],
)
def test_individual_shooting_leaves_out_members_of_a_team_without_shooting(left_out):
    results = compute([team("a"), team("b", **left_out)], TABLE)

    assert {row.team_key for row in results.individual_shooting} == {"a"}
    assert len(results.individual_shooting) == 3


def test_individual_shooting_leaves_out_a_member_not_yet_shot():
    members = (shooter("a"), member("b", shooting=None), shooter("c"))

    results = compute([team("t", members=members)], TABLE)

    assert [row.member_key for row in results.individual_shooting] == ["a", "c"]


# Nation cup.


def test_nation_cup_sums_each_nations_two_best_national_teams():
    teams = [
        team("est1", nation="EST"),
        team("est2", nation="EST", first_aid_score=100),
        team("est3", nation="EST", first_aid_score=200),
        team("lva1", nation="LVA"),
    ]

    cup = compute(teams, TABLE).nation_cup

    assert [(row.nation, row.place, row.points) for row in cup] == [
        ("EST", 1, 2 * PERFECT_TOTAL - 100),
        ("LVA", 2, PERFECT_TOTAL),
    ]
    assert cup[0].team_keys == ("est1", "est3")
    assert cup[1].team_keys == ("lva1",)


def test_nation_cup_leaves_out_international_and_disqualified_teams():
    international = tuple(member(f"i{n}", nation) for n, nation in enumerate(["EST", "LVA", "EST"]))
    teams = [
        team("est1", nation="EST", first_aid_score=0),
        team("est2", nation="EST", disqualified=True),
        team("est3", nation="EST", first_aid_score=200),
        team("int1", nation=None, category="international", members=international),
        team("lva1", nation="LVA", first_aid_score=None),
    ]

    cup = compute(teams, TABLE).nation_cup

    assert [(row.nation, row.points, row.team_keys) for row in cup] == [
        ("EST", 2 * PERFECT_TOTAL - 400, ("est3", "est1")),
        ("LVA", PERFECT_TOTAL - 300, ("lva1",)),
    ]


def test_nation_cup_tied_nations_share_a_place():
    teams = [
        team("a", nation="LVA"),
        team("b", nation="EST"),
        team("c", nation="LTU", first_aid_score=0),
    ]

    cup = compute(teams, TABLE).nation_cup

    assert [(row.nation, row.place) for row in cup] == [("EST", 1), ("LVA", 1), ("LTU", 3)]


# Categories.


def profiles(*specs):
    """Return members from "nation sex previous-participations" specs, e.g. "EST f 2"."""
    members = []
    for spec in specs:
        nation, sex, previous = spec.split()
        members.append(MemberProfile(nation, sex, int(previous)))
    return members


@pytest.mark.parametrize(
    ("category", "members"),
    [
        ("novice", profiles("EST m 0", "EST f 0", "EST m 0")),
        ("experienced", profiles("EST m 0", "EST f 1", "EST m 0")),
        ("experienced", profiles("EST m 9", "EST f 5", "EST m 4")),
        ("veteran", profiles("EST m 4", "EST f 7", "EST m 4")),
        ("female", profiles("EST f 0", "EST F 3", "EST Female 9")),
        ("international", profiles("EST m 0", "LVA f 4", "EST m 1")),
        ("international", profiles("EST m 0", "LVA f 4", "LTU m 1")),
    ],
)
def test_check_category_accepts_a_team_that_meets_it(category, members):
    assert check_category(category, members) == []


@pytest.mark.parametrize(
    ("category", "members", "reasons"),
    [
        ("novice", profiles("EST m 0", "EST m 1", "EST m 0"), [Reason.NOT_ALL_FIRST_TIME]),
        (
            "experienced",
            profiles("EST m 0", "EST m 0", "EST m 0"),
            [Reason.NO_PREVIOUS_PARTICIPATION],
        ),
        ("veteran", profiles("EST m 4", "EST m 3", "EST m 9"), [Reason.TOO_FEW_PARTICIPATIONS]),
        ("female", profiles("EST f 0", "EST m 0", "EST f 0"), [Reason.NOT_ALL_FEMALE]),
        ("international", profiles("EST m 0", "EST m 0", "EST m 0"), [Reason.TOO_FEW_NATIONS]),
        ("novice", profiles("EST m 0", "LVA m 0", "EST m 0"), [Reason.MIXED_NATIONS]),
        ("experienced", profiles("EST m 1", "LVA m 0", "EST m 0"), [Reason.MIXED_NATIONS]),
        ("veteran", profiles("EST m 4", "LVA m 4", "EST m 4"), [Reason.MIXED_NATIONS]),
        ("female", profiles("EST f 0", "LVA f 0", "EST f 0"), [Reason.MIXED_NATIONS]),
        ("novice", profiles("EST m 0", "EST m 0"), [Reason.TEAM_SIZE]),
        ("novice", profiles(*["EST m 0"] * 4), [Reason.TEAM_SIZE]),
        ("junior", profiles(*["EST m 0"] * 3), [Reason.UNKNOWN_CATEGORY]),
        (
            "female",
            profiles("EST f 0", "LVA m 0"),
            [Reason.TEAM_SIZE, Reason.MIXED_NATIONS, Reason.NOT_ALL_FEMALE],
        ),
    ],
)
def test_check_category_gives_every_reason(category, members, reasons):
    assert check_category(category, members) == reasons


def test_check_category_reasons_are_message_ids():
    assert check_category(Category.VETERAN, profiles(*["EST m 0"] * 3)) == [
        "too_few_participations"
    ]


def test_check_category_follows_the_competitions_rules():
    rules = CategoryRules(veteran_min_participations=2, international_min_nations=3)
    two_each = profiles(*["EST m 2"] * 3)
    two_nations = profiles("EST m 0", "LVA m 0", "EST m 0")

    assert check_category("veteran", two_each, rules) == []
    assert check_category("international", two_nations, rules) == [Reason.TOO_FEW_NATIONS]


def test_check_category_refuses_negative_participations():
    with pytest.raises(ValueError, match="previous participations cannot be below 0"):
        check_category("novice", profiles("EST m -1", "EST m 0", "EST m 0"))


# The start-order draw.

KEYS = [f"team-{n:02d}" for n in range(12)]


def test_draw_same_seed_gives_the_same_order():
    assert draw_start_order(KEYS, 2026) == draw_start_order(KEYS, 2026)
    assert draw_start_order(KEYS, "milcomp-2026") == draw_start_order(KEYS, "milcomp-2026")


def test_draw_does_not_depend_on_the_order_the_keys_are_given_in():
    assert draw_start_order(list(reversed(KEYS)), 7) == draw_start_order(KEYS, 7)


def test_draw_is_a_permutation_of_the_keys():
    assert sorted(draw_start_order(KEYS, 99)) == KEYS


def test_draw_different_seeds_give_different_orders():
    orders = {tuple(draw_start_order(KEYS, seed)) for seed in range(20)}

    assert len(orders) == 20


def test_draw_is_pinned_for_a_recorded_seed():
    # A recorded seed must give the same order years later: this pins random's algorithm.
    assert draw_start_order(["A", "B", "C", "D", "E"], 42) == draw_start_order(
        ["E", "D", "C", "B", "A"], 42
    )
    assert draw_start_order(["A", "B", "C", "D", "E"], 42) == PINNED_42


PINNED_42 = ["D", "B", "C", "E", "A"]


def test_draw_refuses_a_key_twice_and_a_bad_seed():
    with pytest.raises(ValueError, match="a team appears twice"):
        draw_start_order(["A", "A"], 1)
    with pytest.raises(ValueError, match="a draw seed is a whole number or text"):
        draw_start_order(["A"], 1.5)


def test_draw_of_no_teams_is_empty():
    assert draw_start_order([], 1) == []
