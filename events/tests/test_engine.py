"""The quota and waiting-list arithmetic, without the database."""

from decimal import Decimal

import pytest

from events.engine import Places, Waiting, discounted_fee, to_promote

EST, FRA, DEU = 1, 2, 3


def test_places_free_is_the_smaller_of_quota_and_capacity():
    places = Places(quota=3, capacity=5, held_by_nation=1, held_in_type=4)

    assert (places.free_in_quota, places.free_in_capacity, places.free) == (2, 1, 1)
    assert places.has_room


def test_places_without_quota_row_is_limited_by_capacity_only():
    places = Places(quota=None, capacity=5, held_by_nation=40, held_in_type=4)

    assert places.free_in_quota is None
    assert places.free == 1


def test_places_without_quota_nor_capacity_is_unlimited():
    places = Places(quota=None, capacity=None, held_by_nation=400, held_in_type=900)

    assert places.free is None
    assert places.has_room


def test_places_quota_zero_has_no_room():
    places = Places(quota=0, capacity=None, held_by_nation=0, held_in_type=0)

    assert places.free == 0
    assert not places.has_room


def test_places_full_capacity_has_no_room_even_within_quota():
    places = Places(quota=3, capacity=5, held_by_nation=0, held_in_type=5)

    assert places.free_in_quota == 3
    assert not places.has_room


def test_places_over_quota_counts_zero_not_negative():
    places = Places(quota=2, capacity=3, held_by_nation=3, held_in_type=4)

    assert (places.free_in_quota, places.free_in_capacity, places.free) == (0, 0, 0)


def test_to_promote_takes_waiting_in_submission_order_within_capacity():
    waiting = [Waiting(10, EST), Waiting(11, FRA), Waiting(12, DEU)]

    assert to_promote(waiting, quotas={}, held={EST: 2, FRA: 1}, capacity=5) == [10, 11]


def test_to_promote_skips_a_nation_whose_quota_is_full():
    waiting = [Waiting(10, EST), Waiting(11, FRA), Waiting(12, EST)]

    promoted = to_promote(waiting, quotas={EST: 2, FRA: 2}, held={EST: 2, FRA: 1}, capacity=None)

    assert promoted == [11]


def test_to_promote_prefers_the_nation_that_freed_the_place():
    # FRA waits since before EST, but EST's cancellation gives EST's first waiting the place.
    waiting = [Waiting(10, FRA), Waiting(11, EST), Waiting(12, EST)]

    promoted = to_promote(
        waiting, quotas={EST: 2, FRA: 2}, held={EST: 1, FRA: 1}, capacity=3, prefer_nation=EST
    )

    assert promoted == [11]


def test_to_promote_gives_capacity_left_to_other_nations_after_the_preferred_one():
    waiting = [Waiting(10, FRA), Waiting(11, EST), Waiting(12, DEU)]

    promoted = to_promote(waiting, quotas={EST: 2}, held={EST: 1}, capacity=4, prefer_nation=EST)

    assert promoted == [11, 10, 12]


def test_to_promote_stops_when_capacity_is_reached():
    waiting = [Waiting(n, FRA) for n in range(10, 20)]

    assert to_promote(waiting, quotas={}, held={EST: 3}, capacity=5) == [10, 11]


def test_to_promote_with_quota_zero_never_promotes_that_nation():
    waiting = [Waiting(10, EST), Waiting(11, FRA)]

    assert to_promote(waiting, quotas={EST: 0}, held={}, capacity=None) == [11]


def test_to_promote_counts_its_own_promotions_against_the_quota():
    waiting = [Waiting(n, EST) for n in range(10, 15)]

    assert to_promote(waiting, quotas={EST: 3}, held={EST: 1}, capacity=None) == [10, 11]


def test_to_promote_nothing_waiting_promotes_nothing():
    assert to_promote([], quotas={}, held={}, capacity=None) == []


@pytest.mark.parametrize(
    ("fee", "percent", "expected"),
    [
        ("250.00", None, "250.00"),
        ("250.00", 0, "250.00"),
        ("250.00", 20, "200.00"),
        ("99.99", 15, "84.99"),
        ("0.05", 50, "0.03"),
        ("250.00", 100, "0.00"),
    ],
)
def test_discounted_fee_rounds_half_up_to_the_cent(fee, percent, expected):
    assert discounted_fee(Decimal(fee), percent) == Decimal(expected)
