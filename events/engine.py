"""Quota and waiting-list arithmetic (domain.md §7) over plain values, without the database.

How the rules are read, where the text leaves a choice:

- A registration holds a place while it is submitted or confirmed; waiting, cancelled and
  rejected ones hold none.
- A nation without a quota row for a type has no nation limit for it (only the type's
  capacity); a type without a capacity has no overall limit (only the quotas). A quota of 0
  sends every registration of that nation and type to the waiting list.
- A registration that does not fit (quota or capacity full) waits, in submission order.
- When a place frees up (cancellation, rejection, a raised quota or capacity), the first waiting
  registration of the same nation and type is promoted first, as the rule says; any room left
  (a capacity place another nation may use) then goes to the waiting registrations of the type in
  submission order, each still within its own nation's quota.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Places:
    """What a nation holds of one registration type, against its quota and the capacity."""

    quota: int | None
    capacity: int | None
    held_by_nation: int
    held_in_type: int

    @property
    def free_in_quota(self) -> int | None:
        return None if self.quota is None else max(0, self.quota - self.held_by_nation)

    @property
    def free_in_capacity(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.held_in_type)

    @property
    def free(self) -> int | None:
        """Return the places this nation can still take (None: unlimited)."""
        limits = [n for n in (self.free_in_quota, self.free_in_capacity) if n is not None]
        return min(limits) if limits else None

    @property
    def has_room(self) -> bool:
        return self.free is None or self.free > 0


@dataclass(frozen=True)
class Waiting:
    """A waiting registration: its id and nation, listed in submission order."""

    id: int
    nation: int


def to_promote(
    waiting: Sequence[Waiting],
    *,
    quotas: Mapping[int, int | None],
    held: Mapping[int, int],
    capacity: int | None,
    prefer_nation: int | None = None,
) -> list[int]:
    """Return the ids of the waiting registrations to promote, in the order to promote them.

    `waiting` is in submission order; `quotas` maps a nation to its places (a nation absent from
    it has no limit); `held` maps a nation to the places it holds now.
    """
    held = dict(held)
    held_total = sum(held.values())
    ordered = [w for w in waiting if w.nation == prefer_nation] + [
        w for w in waiting if w.nation != prefer_nation
    ]
    promoted = []
    for registration in ordered:
        places = Places(
            quota=quotas.get(registration.nation),
            capacity=capacity,
            held_by_nation=held.get(registration.nation, 0),
            held_in_type=held_total,
        )
        if places.free_in_capacity == 0:
            break
        if places.has_room:
            promoted.append(registration.id)
            held[registration.nation] = held.get(registration.nation, 0) + 1
            held_total += 1
    return promoted


def discounted_fee(fee, percent: int | None):
    """Return the fee after a discount of `percent` (None or 0: none), rounded to the cent."""
    from decimal import ROUND_HALF_UP, Decimal

    fee = Decimal(fee)
    if not percent:
        return fee.quantize(Decimal("0.01"))
    return (fee * (100 - percent) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# YRO events take young officers: up to OF-2 (domain.md §7, §9). A YRO participant registered
# at a congress (registration type "yro") is held to the same rule.
YRO_KINDS = ("yro_workshop", "yro_seminar")
YRO_REGISTRATION_TYPE = "yro"
YRO_HIGHEST_OFFICER_GRADE = 2


def above_yro_rank(event_kind: str, registration_kind: str, nato_code: str) -> bool:
    """Return whether a NATO rank code is above OF-2 for a YRO event or YRO registration."""
    is_yro = event_kind in YRO_KINDS or registration_kind == YRO_REGISTRATION_TYPE
    if not is_yro or not (nato_code or "").startswith("OF-"):
        return False
    return int(nato_code[3:]) > YRO_HIGHEST_OFFICER_GRADE
