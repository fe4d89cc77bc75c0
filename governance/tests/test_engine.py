"""The Council's vote rules, case by case and by property (domain.md §5)."""

from hypothesis import given
from hypothesis import strategies as st

from governance.engine import (
    ABSTAIN,
    AGAINST,
    ASSOCIATE,
    FOR,
    QUALIFIED,
    SIMPLE,
    Ballot,
    Ignored,
    MotionRules,
    NationStanding,
    Result,
    vote_outcome,
)

SIMPLE_MOTION = MotionRules(majority=SIMPLE)
QUALIFIED_MOTION = MotionRules(majority=QUALIFIED)


def present(*codes, **options):
    return [NationStanding(code, present=True, **options) for code in codes]


def absent(*codes, **options):
    return [NationStanding(code, present=False, **options) for code in codes]


def ballots(**choices):
    return [Ballot(code, choice) for code, choice in choices.items()]


def test_simple_majority_more_for_than_against_is_adopted():
    outcome = vote_outcome(SIMPLE_MOTION, present("A", "B", "C"), ballots(A=FOR, B=FOR, C=AGAINST))

    assert (outcome.votes_for, outcome.votes_against, outcome.abstentions) == (2, 1, 0)
    assert outcome.result == Result.ADOPTED


def test_simple_majority_tie_is_rejected():
    outcome = vote_outcome(
        SIMPLE_MOTION, present("A", "B", "C", "D"), ballots(A=FOR, B=AGAINST, C=ABSTAIN)
    )

    assert outcome.result == Result.REJECTED


def test_abstentions_are_not_votes_cast():
    outcome = vote_outcome(
        SIMPLE_MOTION, present("A", "B", "C", "D"), ballots(A=FOR, B=ABSTAIN, C=ABSTAIN, D=ABSTAIN)
    )

    assert (outcome.votes_for, outcome.votes_against, outcome.abstentions) == (1, 0, 3)
    assert outcome.result == Result.ADOPTED


def test_all_abstain_is_rejected_under_either_majority():
    nations = present("A", "B", "C")
    all_abstain = ballots(A=ABSTAIN, B=ABSTAIN, C=ABSTAIN)

    assert vote_outcome(SIMPLE_MOTION, nations, all_abstain).result == Result.REJECTED
    assert vote_outcome(QUALIFIED_MOTION, nations, all_abstain).result == Result.REJECTED


def test_qualified_majority_exactly_two_thirds_is_adopted():
    outcome = vote_outcome(
        QUALIFIED_MOTION, present("A", "B", "C"), ballots(A=FOR, B=FOR, C=AGAINST)
    )

    assert outcome.result == Result.ADOPTED


def test_qualified_majority_just_under_two_thirds_is_rejected():
    nations = present("A", "B", "C", "D", "E")
    outcome = vote_outcome(
        QUALIFIED_MOTION, nations, ballots(A=FOR, B=FOR, C=FOR, D=AGAINST, E=AGAINST)
    )

    # 3 of 5 = 60 % < 66.7 %: a simple majority, not a qualified one.
    assert outcome.result == Result.REJECTED
    assert (
        vote_outcome(
            SIMPLE_MOTION, nations, ballots(A=FOR, B=FOR, C=FOR, D=AGAINST, E=AGAINST)
        ).result
        == Result.ADOPTED
    )


def test_qualified_majority_ignores_abstentions():
    nations = present("A", "B", "C", "D", "E")
    outcome = vote_outcome(
        QUALIFIED_MOTION, nations, ballots(A=FOR, B=FOR, C=AGAINST, D=ABSTAIN, E=ABSTAIN)
    )

    assert outcome.result == Result.ADOPTED


def test_exactly_half_present_is_no_quorum():
    nations = present("A", "B") + absent("C", "D")

    outcome = vote_outcome(SIMPLE_MOTION, nations, ballots(A=FOR, B=FOR))

    assert (outcome.quorum_base, outcome.present_or_represented) == (4, 2)
    assert outcome.quorum_reached is False
    assert outcome.result == Result.NO_QUORUM
    # The counts are still reported.
    assert outcome.votes_for == 2


def test_more_than_half_present_is_quorum():
    nations = present("A", "B", "C") + absent("D", "E")

    outcome = vote_outcome(SIMPLE_MOTION, nations, ballots(A=FOR))

    assert outcome.quorum_reached is True
    assert outcome.result == Result.ADOPTED


def test_no_nations_is_no_quorum():
    assert vote_outcome(SIMPLE_MOTION, [], []).result == Result.NO_QUORUM


def test_proxy_from_an_absent_nation_counts_for_quorum_and_its_ballot():
    nations = present("A", "B") + absent("C", proxy_to="A") + absent("D")

    outcome = vote_outcome(SIMPLE_MOTION, nations, ballots(A=FOR, B=AGAINST, C=FOR))

    assert outcome.present_or_represented == 3
    assert outcome.quorum_reached is True
    assert outcome.proxies_used == {"C": "A"}
    assert (outcome.votes_for, outcome.votes_against) == (2, 1)
    assert outcome.result == Result.ADOPTED


def test_a_holder_carries_at_most_one_proxy():
    nations = present("A", "B") + absent("C", proxy_to="A") + absent("D", proxy_to="A")

    outcome = vote_outcome(SIMPLE_MOTION, nations, ballots(A=FOR, C=FOR, D=FOR))

    assert outcome.proxies_used == {"C": "A"}
    assert outcome.ignored == {"D": Ignored.NOT_REPRESENTED}
    assert outcome.votes_for == 2


def test_proxy_to_an_absent_holder_is_not_valid():
    nations = present("A", "B") + absent("C", proxy_to="D") + absent("D")

    outcome = vote_outcome(SIMPLE_MOTION, nations, ballots(A=FOR, C=FOR))

    assert outcome.proxies_used == {}
    assert outcome.present_or_represented == 2
    assert outcome.result == Result.NO_QUORUM


def test_proxy_from_a_present_nation_is_unused():
    nations = present("A", "B") + [NationStanding("C", present=True, proxy_to="A")]

    outcome = vote_outcome(SIMPLE_MOTION, nations, ballots(C=FOR))

    assert outcome.proxies_used == {}
    assert outcome.votes_for == 1


def test_nation_in_arrears_has_no_vote_and_is_not_counted_for_quorum():
    nations = present("A", "B") + present("C", in_arrears=True) + absent("D")

    outcome = vote_outcome(SIMPLE_MOTION, nations, ballots(A=FOR, B=AGAINST, C=AGAINST))

    assert outcome.not_eligible == {"C": Ignored.ARREARS}
    assert outcome.ignored == {"C": Ignored.ARREARS}
    assert (outcome.eligible, outcome.quorum_base, outcome.present_or_represented) == (3, 3, 2)
    assert outcome.quorum_reached is True
    # Without C's ballot it is a tie.
    assert outcome.result == Result.REJECTED


def test_nation_in_arrears_giving_a_proxy_gives_nothing():
    nations = present("A", "B") + absent("C", in_arrears=True, proxy_to="A") + absent("D")

    outcome = vote_outcome(SIMPLE_MOTION, nations, ballots(A=FOR, C=FOR))

    assert outcome.proxies_used == {}
    assert outcome.ignored == {"C": Ignored.ARREARS}
    assert (outcome.quorum_base, outcome.present_or_represented) == (3, 2)


def test_holder_in_arrears_still_carries_an_eligible_nations_proxy():
    nations = present("A", in_arrears=True) + present("B") + absent("C", proxy_to="A") + absent("D")

    outcome = vote_outcome(SIMPLE_MOTION, nations, ballots(A=FOR, B=AGAINST, C=FOR))

    assert outcome.proxies_used == {"C": "A"}
    assert outcome.ignored == {"A": Ignored.ARREARS}
    assert (outcome.quorum_base, outcome.present_or_represented) == (3, 2)
    assert (outcome.votes_for, outcome.votes_against) == (1, 1)


def test_associate_ballot_on_a_motion_closed_to_associates_is_ignored():
    nations = present("A", "B", "C") + present("X", membership=ASSOCIATE)

    outcome = vote_outcome(SIMPLE_MOTION, nations, ballots(A=FOR, B=AGAINST, X=FOR))

    assert outcome.ignored == {"X": Ignored.ASSOCIATE_NOT_OPEN}
    assert outcome.eligible == 3
    assert outcome.result == Result.REJECTED


def test_associate_votes_on_a_motion_open_to_associates_but_not_toward_quorum():
    motion = MotionRules(majority=SIMPLE, open_to_associates=True)
    nations = present("A", "B") + absent("C", "D") + present("X", "Y", membership=ASSOCIATE)

    outcome = vote_outcome(motion, nations, ballots(A=FOR, B=AGAINST, X=FOR))

    assert outcome.eligible == 6
    assert (outcome.quorum_base, outcome.present_or_represented) == (4, 2)
    assert outcome.result == Result.NO_QUORUM
    assert outcome.votes_for == 2


def test_associate_vote_can_decide_an_open_motion():
    motion = MotionRules(majority=SIMPLE, open_to_associates=True)
    nations = present("A", "B") + present("X", membership=ASSOCIATE)

    outcome = vote_outcome(motion, nations, ballots(A=FOR, B=AGAINST, X=FOR))

    assert outcome.result == Result.ADOPTED


def test_absent_nation_without_proxy_cannot_vote():
    nations = present("A", "B", "C") + absent("D")

    outcome = vote_outcome(SIMPLE_MOTION, nations, ballots(A=FOR, D=AGAINST))

    assert outcome.ignored == {"D": Ignored.NOT_REPRESENTED}
    assert outcome.votes_against == 0


def test_unknown_and_duplicate_ballots_are_ignored():
    nations = present("A", "B", "C")

    outcome = vote_outcome(
        SIMPLE_MOTION, nations, ballots(A=FOR) + [Ballot("A", AGAINST), Ballot("Z", FOR)]
    )

    assert outcome.ignored == {"A": Ignored.DUPLICATE, "Z": Ignored.UNKNOWN_NATION}
    assert (outcome.votes_for, outcome.votes_against) == (1, 0)


# Properties over random councils.

CODES = [f"N{i:02d}" for i in range(12)]


@st.composite
def councils(draw):
    nations = []
    codes = draw(st.lists(st.sampled_from(CODES), unique=True, max_size=12))
    for code in codes:
        nations.append(
            NationStanding(
                code,
                membership=draw(st.sampled_from([FULL_MEMBERSHIP, ASSOCIATE])),
                in_arrears=draw(st.booleans()),
                present=draw(st.booleans()),
                proxy_to=draw(st.none() | st.sampled_from(codes)),
            )
        )
    cast = draw(st.lists(st.sampled_from(codes), unique=True)) if codes else []
    votes = [Ballot(code, draw(st.sampled_from([FOR, AGAINST, ABSTAIN]))) for code in cast]
    rules = MotionRules(
        majority=draw(st.sampled_from([SIMPLE, QUALIFIED])), open_to_associates=draw(st.booleans())
    )
    return rules, nations, votes


FULL_MEMBERSHIP = "full"


@given(councils())
def test_counted_and_ignored_ballots_add_up(council):
    rules, nations, votes = council

    outcome = vote_outcome(rules, nations, votes)

    counted = outcome.votes_for + outcome.votes_against + outcome.abstentions
    assert counted + len(outcome.ignored) == len(votes)
    assert outcome.present_or_represented <= outcome.quorum_base <= outcome.eligible <= len(nations)


@given(councils())
def test_result_is_a_function_of_the_counts(council):
    rules, nations, votes = council

    outcome = vote_outcome(rules, nations, votes)

    if not outcome.quorum_reached:
        assert outcome.result == Result.NO_QUORUM
    elif rules.majority == SIMPLE:
        assert (outcome.result == Result.ADOPTED) == (outcome.votes_for > outcome.votes_against)
    else:
        cast = outcome.votes_for + outcome.votes_against
        assert (outcome.result == Result.ADOPTED) == (
            cast > 0 and outcome.votes_for * 3 >= cast * 2
        )


@given(councils())
def test_one_more_vote_for_never_turns_adopted_into_rejected(council):
    rules, nations, votes = council
    before = vote_outcome(rules, nations, votes)
    voted = {ballot.code for ballot in votes}
    silent = [n.code for n in nations if n.code not in voted]

    for code in silent:
        after = vote_outcome(rules, nations, [*votes, Ballot(code, FOR)])
        assert after.quorum_reached == before.quorum_reached
        if before.result == Result.ADOPTED:
            assert after.result == Result.ADOPTED
