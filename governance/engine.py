"""The Council's vote rules (domain.md §5) as a pure function over plain values.

How the rules are read, where the text leaves a choice:

- Eligible: a full member not in arrears; an associate not in arrears when the motion is open to
  associates. Nobody else has a vote, and their ballots are ignored with a reason.
- Quorum, literally: more than half of the voting-eligible *full members* are present in person
  or by proxy. Associates never count toward quorum, on either side of the fraction, even on a
  motion open to them.
- Proxy: a nation absent from the meeting gives its vote in writing to another nation's head of
  delegation, who must be present to carry it. Each nation gives at most one proxy and holds at
  most one (a second proxy to the same holder is not valid). A proxy from a present nation is
  unused. The vote carried is the giver's: it counts only if the giver is eligible, and the
  holder's own standing (arrears, associate) does not matter, since it is not the holder's vote.
- Simple majority: more votes for than against; a tie, or nothing but abstentions, is rejected.
  Qualified majority: at least two thirds of the votes cast (for + against), and at least one
  vote cast. Abstentions are not votes cast.
- Without quorum there is no result; the counts are still reported.
"""

from dataclasses import dataclass, field
from enum import StrEnum

FULL, ASSOCIATE = "full", "associate"
SIMPLE, QUALIFIED = "simple", "qualified"
FOR, AGAINST, ABSTAIN = "for", "against", "abstain"
CHOICES = (FOR, AGAINST, ABSTAIN)


class Result(StrEnum):
    ADOPTED = "adopted"
    REJECTED = "rejected"
    NO_QUORUM = "no_quorum"


class Ignored(StrEnum):
    """Why a ballot was not counted, or why a nation had no vote."""

    UNKNOWN_NATION = "unknown_nation"
    ARREARS = "arrears"
    ASSOCIATE_NOT_OPEN = "associate_not_open"
    NOT_REPRESENTED = "not_represented"
    DUPLICATE = "duplicate"
    INVALID_CHOICE = "invalid_choice"


@dataclass(frozen=True)
class MotionRules:
    majority: str = SIMPLE
    open_to_associates: bool = False


@dataclass(frozen=True)
class NationStanding:
    code: str
    membership: str = FULL
    in_arrears: bool = False
    present: bool = False
    proxy_to: str | None = None


@dataclass(frozen=True)
class Ballot:
    code: str
    choice: str


@dataclass(frozen=True)
class Outcome:
    eligible: int  # nations with a vote on this motion
    quorum_base: int  # voting-eligible full members
    present_or_represented: int  # of those, present in person or by a valid proxy
    quorum_reached: bool
    votes_for: int
    votes_against: int
    abstentions: int
    result: Result
    # Per nation: why it had no vote (eligibility), and why a ballot was ignored.
    not_eligible: dict = field(default_factory=dict)
    ignored: dict = field(default_factory=dict)
    # The nations whose vote was carried by proxy: {giver: holder}.
    proxies_used: dict = field(default_factory=dict)


def ineligibility(standing: NationStanding, rules: MotionRules) -> Ignored | None:
    """Return why the nation has no vote on the motion, None when it has one."""
    if standing.in_arrears:
        return Ignored.ARREARS
    if standing.membership != FULL and not rules.open_to_associates:
        return Ignored.ASSOCIATE_NOT_OPEN
    return None


def valid_proxies(nations: list[NationStanding]) -> dict[str, str]:
    """Return the proxies that carry a vote, {giver: holder}, under the one-proxy-each rule.

    A proxy counts when the giver is absent and the holder, another nation, is present; when
    several absent nations name the same holder, only the first (by code) is valid.
    """
    present = {n.code for n in nations if n.present}
    used, held = {}, set()
    for standing in sorted(nations, key=lambda n: n.code):
        holder = standing.proxy_to
        if standing.present or not holder or holder == standing.code:
            continue
        if holder in present and holder not in held:
            used[standing.code] = holder
            held.add(holder)
    return used


def adopted(majority: str, votes_for: int, votes_against: int) -> bool:
    """Return whether the counts carry the motion under `majority` (quorum aside)."""
    if majority == QUALIFIED:
        cast = votes_for + votes_against
        return cast > 0 and 3 * votes_for >= 2 * cast
    return votes_for > votes_against


def vote_outcome(
    motion: MotionRules, nations: list[NationStanding], ballots: list[Ballot]
) -> Outcome:
    """Return the outcome of a vote: eligibility, quorum, counts and result."""
    by_code = {n.code: n for n in nations}
    proxies = valid_proxies(nations)
    not_eligible = {}
    for standing in nations:
        reason = ineligibility(standing, motion)
        if reason:
            not_eligible[standing.code] = reason
    eligible = [n for n in nations if n.code not in not_eligible]
    quorum_base = [n for n in eligible if n.membership == FULL]
    represented = {n.code for n in eligible if n.present or n.code in proxies}
    present_full = sum(1 for n in quorum_base if n.code in represented)
    quorum = len(quorum_base) > 0 and 2 * present_full > len(quorum_base)

    counts = {FOR: 0, AGAINST: 0, ABSTAIN: 0}
    ignored, seen = {}, set()
    for ballot in ballots:
        if ballot.code in seen:
            ignored.setdefault(ballot.code, Ignored.DUPLICATE)
            continue
        seen.add(ballot.code)
        if ballot.code not in by_code:
            ignored[ballot.code] = Ignored.UNKNOWN_NATION
        elif ballot.code in not_eligible:
            ignored[ballot.code] = not_eligible[ballot.code]
        elif ballot.code not in represented:
            ignored[ballot.code] = Ignored.NOT_REPRESENTED
        elif ballot.choice not in counts:
            ignored[ballot.code] = Ignored.INVALID_CHOICE
        else:
            counts[ballot.choice] += 1

    if not quorum:
        result = Result.NO_QUORUM
    elif adopted(motion.majority, counts[FOR], counts[AGAINST]):
        result = Result.ADOPTED
    else:
        result = Result.REJECTED
    return Outcome(
        eligible=len(eligible),
        quorum_base=len(quorum_base),
        present_or_represented=present_full,
        quorum_reached=quorum,
        votes_for=counts[FOR],
        votes_against=counts[AGAINST],
        abstentions=counts[ABSTAIN],
        result=result,
        not_eligible=not_eligible,
        ignored=ignored,
        proxies_used={giver: holder for giver, holder in proxies.items() if giver in represented},
    )
