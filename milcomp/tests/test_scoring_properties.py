"""MILCOMP points and rankings, by property over random competitions (domain.md §8)."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from milcomp.scoring import (
    DISCIPLINES,
    Member,
    MemberShooting,
    PointsTable,
    Status,
    TeamResult,
    compute,
    draw_start_order,
    format_time,
    orienteering_points,
    parse_time,
    team_points,
    tie_break_key,
)

TABLE = PointsTable()
NATIONS = ["EST", "LVA", "LTU", "FIN"]
CATEGORIES = ["novice", "experienced", "veteran", "female", "international"]
# Mostly OK, so that most disciplines score.
STATUSES = st.sampled_from([Status.OK] * 6 + [Status.DNS, Status.DNF, Status.DSQ])


def maybe(strategy):
    """Mostly entered, sometimes not yet (None)."""
    return st.one_of(strategy, strategy, strategy, st.none())


rings = st.tuples(*[st.integers(0, 10)] * 5)
hits = st.integers(0, 6)
shootings = st.builds(
    MemberShooting,
    pistol_precision=rings,
    pistol_rapid_hits=hits,
    rifle_precision=rings,
    rifle_rapid_hits=hits,
)


@st.composite
def members(draw, key, nation):
    return Member(
        key=key,
        nation=nation,
        shooting=draw(maybe(shootings)),
        loac_percent=draw(maybe(st.integers(0, 100))),
        estimates=tuple(draw(st.lists(st.integers(0, 1500), max_size=3))),
        throws=tuple(draw(st.lists(st.booleans(), max_size=3))),
    )


@st.composite
def teams(draw, key="t0"):
    nation = draw(st.sampled_from([*NATIONS, None]))
    crew = tuple(
        draw(members(f"{key}-m{i}", nation or draw(st.sampled_from(NATIONS)))) for i in range(3)
    )
    statuses = {f"{d}_status": draw(STATUSES) for d in DISCIPLINES}
    return TeamResult(
        key=key,
        name=draw(st.sampled_from(["EST 1", "EST 2", "LVA 1"])),
        nation=nation,
        category=draw(st.sampled_from(CATEGORIES)),
        members=crew,
        land_seconds=draw(maybe(st.integers(0, 600))),
        land_failed_obstacles=draw(st.integers(0, 60)),
        water_seconds=draw(maybe(st.integers(0, 300))),
        water_failed_obstacles=draw(st.integers(0, 15)),
        orienteering_seconds=draw(maybe(st.integers(0, 16000))),
        orienteering_missed_posts=draw(st.integers(0, 30)),
        estimate_true_distances=tuple(draw(st.lists(st.integers(1, 1500), max_size=3))),
        first_aid_score=draw(maybe(st.integers(0, 300))),
        disqualified=draw(st.sampled_from([False] * 5 + [True])),
        **statuses,
    )


@st.composite
def competitions(draw):
    size = draw(st.integers(0, 8))
    return [draw(teams(f"t{n}")) for n in range(size)]


# Rankings. A competition takes a few milliseconds to generate: fewer examples, no deadline on a
# machine shared with other test runs.
competition_settings = settings(max_examples=50, deadline=None)


@competition_settings
@given(competitions())
def test_every_ranking_is_a_permutation_of_the_teams(entries):
    results = compute(entries, TABLE)
    keys = sorted(team.key for team in entries)

    assert sorted(row.key for row in results.overall) == keys
    assert sorted(row.key for rows in results.by_category.values() for row in rows) == keys
    for rows in results.by_discipline.values():
        assert sorted(row.key for row in rows) == keys


@competition_settings
@given(competitions())
def test_total_is_the_sum_of_the_disciplines(entries):
    for points in compute(entries, TABLE).teams.values():
        parts = [points.points(discipline) for discipline in DISCIPLINES]
        assert points.total == sum(parts)
        assert points.orienteering == points.orienteering_march + points.orienteering_tasks
        assert all(part >= 0 for part in parts)
        assert points.shooting <= 3480
        assert points.loac <= 600
        assert points.first_aid <= 300


def assert_places_are_counted(rows, comparison):
    ranked = [row for row in rows if row.place is not None]
    unranked = rows[len(ranked) :]
    assert all(row.place is None and row.team.disqualified for row in unranked)
    assert not any(row.team.disqualified for row in ranked)
    places = [row.place for row in ranked]
    assert places == sorted(places)
    for row in ranked:
        better = sum(1 for other in ranked if comparison(other.team) < comparison(row.team))
        assert row.place == 1 + better


@competition_settings
@given(competitions())
def test_a_place_is_one_more_than_the_teams_strictly_better(entries):
    results = compute(entries, TABLE)

    assert_places_are_counted(results.overall, tie_break_key)
    for rows in results.by_category.values():
        assert_places_are_counted(rows, tie_break_key)
    for discipline, rows in results.by_discipline.items():
        assert_places_are_counted(rows, lambda team, d=discipline: -team.points(d))


@competition_settings
@given(competitions())
def test_individual_places_count_the_members_strictly_better(entries):
    ranking = compute(entries, TABLE).individual_shooting

    def comparison(row):
        return (-row.points, -row.rifle_precision_rings, -row.pistol_precision_rings)

    assert [row.place for row in ranking] == sorted(row.place for row in ranking)
    for row in ranking:
        assert row.place == 1 + sum(1 for other in ranking if comparison(other) < comparison(row))
    by_key = {team.key: team for team in entries}
    for row in ranking:
        team = by_key[row.team_key]
        assert team.shooting_status == Status.OK and not team.disqualified


@competition_settings
@given(competitions())
def test_nation_cup_sums_the_two_best_national_teams(entries):
    results = compute(entries, TABLE)
    cup = {row.nation: row for row in results.nation_cup}

    national = [p for p in results.teams.values() if p.nation and not p.disqualified]
    assert set(cup) == {p.nation for p in national}
    for nation, row in cup.items():
        totals = sorted((p.total for p in national if p.nation == nation), reverse=True)
        assert row.points == sum(totals[:2])
        assert row.place == 1 + sum(1 for other in cup.values() if other.points > row.points)


# Improving a raw result never costs points.


def improvements(team):
    """Yield copies of the team, each with one raw result made better."""
    for name in ("land_seconds", "water_seconds", "orienteering_seconds"):
        if getattr(team, name):
            yield replace(team, **{name: getattr(team, name) - 1})
    for name in ("land_failed_obstacles", "water_failed_obstacles", "orienteering_missed_posts"):
        if getattr(team, name):
            yield replace(team, **{name: getattr(team, name) - 1})
    if team.first_aid_score is not None and team.first_aid_score < 300:
        yield replace(team, first_aid_score=team.first_aid_score + 1)
    for index, member in enumerate(team.members):
        for better in member_improvements(member):
            crew = list(team.members)
            crew[index] = better
            yield replace(team, members=tuple(crew))


def member_improvements(member):
    if member.loac_percent is not None and member.loac_percent < 100:
        yield replace(member, loac_percent=member.loac_percent + 1)
    for n, thrown in enumerate(member.throws):
        if not thrown:
            throws = list(member.throws)
            throws[n] = True
            yield replace(member, throws=tuple(throws))
    shooting = member.shooting
    if shooting is None:
        return
    for weapon in ("pistol", "rifle"):
        series = getattr(shooting, f"{weapon}_precision")
        for n, ring in enumerate(series):
            if ring < 10:
                better = (*series[:n], ring + 1, *series[n + 1 :])
                yield replace(member, shooting=replace(shooting, **{f"{weapon}_precision": better}))
        hits = getattr(shooting, f"{weapon}_rapid_hits")
        if hits < 6:
            yield replace(member, shooting=replace(shooting, **{f"{weapon}_rapid_hits": hits + 1}))


@given(teams())
def test_improving_a_raw_result_never_lowers_any_points(team):
    before = team_points(team, TABLE)

    for better in improvements(team):
        after = team_points(better, TABLE)
        assert after.total >= before.total
        for discipline in DISCIPLINES:
            assert after.points(discipline) >= before.points(discipline)


@given(teams())
def test_improving_a_raw_result_never_lowers_the_place(team):
    rival = replace(team, key="rival", name="RIVAL")
    before = compute([team, rival], TABLE).overall
    place_before = next(row.place for row in before if row.key == team.key)

    for better in improvements(team):
        after = compute([better, rival], TABLE).overall
        place_after = next(row.place for row in after if row.key == team.key)
        if place_before is not None:
            assert place_after <= place_before


@given(st.integers(0, 20000), st.integers(0, 20000), st.integers(0, 40))
def test_orienteering_points_never_grow_with_time_or_missed_posts(a, b, missed):
    faster, slower = sorted((a, b))

    assert orienteering_points(faster, missed, TABLE) >= orienteering_points(slower, missed, TABLE)
    assert orienteering_points(a, missed, TABLE) >= orienteering_points(a, missed + 1, TABLE)
    assert orienteering_points(a, missed, TABLE) >= 0


# Times and the draw.


@given(st.integers(0, 100 * 3600))
def test_format_then_parse_gives_the_seconds_back(seconds):
    assert parse_time(format_time(seconds)) == seconds
    assert parse_time(format_time(seconds, hours=True)) == seconds


@given(
    st.lists(st.text(min_size=1, max_size=6), unique=True, max_size=30),
    st.integers() | st.text(max_size=20),
)
def test_draw_is_a_reproducible_permutation(keys, seed):
    order = draw_start_order(keys, seed)

    assert sorted(order) == sorted(keys)
    assert draw_start_order(list(reversed(keys)), seed) == order
