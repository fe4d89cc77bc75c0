"""Time the Language Academy allocation engine on 1,000 applicants.

    .venv/bin/python bench/academy_allocation.py [--runs 200] [--applicants 1000] [--seed 2018]

A measurement, not a test: it prints the median and worst wall time of `engine.allocate` (every
applicant's priority, the order, places within capacity, the waiting list) and of placing every
holder of a place in a class (`engine.place`), with a PASS/FAIL verdict against the target
"allocation of 1,000 applicants under 50 ms". The applicants are random but reproducible
(--seed): every category, ages 20–70, a few unconfirmed, unendorsed, declined or withdrawn, a
capacity of 100 and an earlier allocation's holders. Pure Python, no Django, no database. The
exit status is 1 when the target is missed.
"""

import argparse
import datetime
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from academy import engine

TARGET_MS = 50.0
START = datetime.date(2027, 7, 5)


def random_applicants(rng, size):
    moment = datetime.datetime(2027, 3, 1, tzinfo=datetime.UTC)
    return [
        engine.Applicant(
            id=n + 1,
            category=rng.choice(engine.CATEGORIES),
            date_of_birth=START.replace(year=START.year - rng.randint(20, 70))
            - datetime.timedelta(days=rng.randint(0, 364)),
            applied_at=moment + datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 60)),
            email_confirmed=rng.random() > 0.03,
            endorsed=rng.random() > 0.05,
            declined=rng.random() < 0.02,
            withdrawn=rng.random() < 0.02,
        )
        for n in range(size)
    ]


def classes():
    return [
        engine.CourseClass(i, language, level, 16)
        for i, (language, level) in enumerate(
            (language, level) for language in ("en", "fr") for level in (1, 2, 3)
        )
    ]


THRESHOLDS = [
    engine.Threshold(language, level, score)
    for language in ("en", "fr")
    for level, score in ((1, 0), (2, 40), (3, 70))
]


def place_all(rng, holders):
    taken = {}
    specs = classes()
    for _holder in holders:
        current = [
            engine.CourseClass(c.id, c.language, c.level, c.capacity, taken.get(c.id, 0))
            for c in specs
        ]
        placement = engine.place(rng.randint(0, 100), rng.choice(("en", "fr")), THRESHOLDS, current)
        if placement.class_id is not None:
            taken[placement.class_id] = taken.get(placement.class_id, 0) + 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--applicants", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2018)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    applicants = random_applicants(rng, args.applicants)
    held = [a.id for a in applicants[:60]]
    allocate_ms, place_ms = [], []
    for _ in range(args.runs):
        shuffled = applicants[:]
        rng.shuffle(shuffled)
        started = time.perf_counter()
        decisions = engine.allocate(shuffled, capacity=100, course_starts_on=START, held=held)
        allocate_ms.append((time.perf_counter() - started) * 1000)
        holders = [d for d in decisions if d.outcome == engine.ALLOCATED]
        started = time.perf_counter()
        place_all(rng, holders)
        place_ms.append((time.perf_counter() - started) * 1000)
    outcomes = {}
    for decision in decisions:
        outcomes[decision.outcome] = outcomes.get(decision.outcome, 0) + 1
    median = statistics.median(allocate_ms)
    verdict = "PASS" if median < TARGET_MS else "FAIL"
    print(f"applicants {args.applicants}, runs {args.runs}, outcomes {outcomes}")
    print(f"{'measure':<34} {'median ms':>10} {'max ms':>10}")
    print(f"{'allocate (engine.allocate)':<34} {median:>10.2f} {max(allocate_ms):>10.2f}")
    print(
        f"{'place 100 holders (engine.place)':<34} {statistics.median(place_ms):>10.2f} "
        f"{max(place_ms):>10.2f}"
    )
    print(f"target: allocation under {TARGET_MS:.0f} ms: {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
