"""Measure the work moved to the task queue: the results PDF request and a batch of badges.

    .venv/bin/python bench/background_work.py [--registrations 200] [--repeat 5] [--keep]

A measurement, not a test (see bench/README.md, "Background work"). In one process, with the
production settings (DEBUG=0) on a throwaway data dir (SQLite, file cache), the demo loaded:

1. The MILCOMP results PDF of the demo's 2026 competition (32 teams): what the request cost
   when it made the PDF (`milcomp.documents.results_pdf`, as the view did before: the
   first request of each results version and language), then through the view as it is now
   (Django's test client, every middleware): the request that queues the task (for --repeat
   new results versions, median), the worker's time (django-tasks-db's worker, as
   `db_worker --batch` runs it), and the request that hands the kept file over (median).
2. Badges for --registrations confirmed registrations of one event: the request that queues
   the job (POST, as the presidency), one poll of its progress, then the worker's time.

Wall and CPU time of this process for each: on a busy machine the CPU time is the cost.

Prints a table; exit status 1 when a request that should only queue or hand over a file takes
200 ms or more.
"""

import argparse
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MS = 200


def setup(var_dir: Path):
    os.environ.update(
        CIOR_VAR_DIR=str(var_dir),
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver,127.0.0.1",
        LOG_LEVEL="ERROR",
        DJANGO_SETTINGS_MODULE="cior.settings",
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)
    call_command("load_demo", verbosity=0)


def timed(function):
    """Return (value, wall ms, CPU ms of this process): on a busy machine the CPU time says
    what the work costs, the wall time what a user waited."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = function()
    return value, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def run_worker():
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="background",
        startup_delay=False,
        max_tasks=None,
        worker_id="bench",
        excluded_queue_names=[],
    )
    return timed(worker.run)[1:]


def ms(wall, cpu):
    return f"{wall:.0f} ms (CPU {cpu:.0f} ms)"


def results_pdf(repeat):
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from milcomp import documents, queries, results
    from milcomp.models import Competition

    competition = Competition.objects.get(slug="2026")
    client = Client()
    with translation.override("en"):
        url = reverse("milcomp_results_pdf", args=[competition.slug])
        client.get(reverse("milcomp_results_overall", args=[competition.slug]))  # warm up
        live = results.live_results(competition)
        _, *before = timed(lambda: documents.results_pdf(competition, live))
    queue = []
    for _ in range(repeat):  # each time a new results version: the request queues its PDF
        queries.bump_results_version(competition)
        response, *spent = timed(lambda: client.get(url))
        assert "being prepared" in response.content.decode(), response.status_code
        queue.append(spent)
    worker = run_worker()  # the older versions' tasks make the newest version's file (kept)
    served = []
    for _ in range(repeat):
        data, *spent = timed(lambda: b"".join(client.get(url).streaming_content))
        served.append(spent)
    assert data.startswith(b"%PDF"), data[:20]
    queue_median = [statistics.median(values) for values in zip(*queue, strict=True)]
    served_median = [statistics.median(values) for values in zip(*served, strict=True)]
    return {
        "made in the request (before)": ms(*before),
        "request that queues it (median)": ms(*queue_median),
        f"worker: {repeat} queued versions made": ms(*worker),
        "request that serves the kept file (median)": ms(*served_median),
    }, [queue_median[0], served_median[0]]


def badges(count):
    import datetime

    from django.contrib.auth import get_user_model
    from django.test import Client

    from accounts.models import Person
    from events.models import DocumentJob, Event, Registration, RegistrationType
    from nations.models import Nation

    today = datetime.date.today()
    event = Event.objects.create(
        title_en="Bench congress",
        slug="bench-congress",
        kind=Event.Kind.SUMMER_CONGRESS,
        host_nation=Nation.objects.get(code="EST"),
        city_en="Tallinn",
        starts_on=today + datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=34),
        status=Event.Status.PUBLISHED,
    )
    kind = RegistrationType.objects.create(event=event, kind="delegate", fee=0)
    nations = list(Nation.objects.order_by("code"))
    for index in range(count):
        nation = nations[index % len(nations)]
        person = Person.objects.create(
            first_name=f"Bench{index}", last_name=f"Person{index}", nation=nation
        )
        Registration.objects.create(
            event=event,
            registration_type=kind,
            person=person,
            nation=nation,
            state=Registration.State.CONFIRMED,
        )
    admin = get_user_model().objects.filter(is_superuser=True).first()  # has the demo TOTP
    client = Client()
    client.force_login(admin)
    client.get(f"/en/delegation/{event.slug}/")  # warm up
    response, *post = timed(lambda: client.post(f"/en/delegation/{event.slug}/documents/badges/"))
    assert response.status_code == 302, (response.status_code, response.content[:300])
    page, *poll = timed(lambda: client.get(response["Location"], HTTP_HX_REQUEST="true"))
    assert "0 of" in page.content.decode(), page.content[:300]
    worker = run_worker()
    job = DocumentJob.objects.get(event=event)
    assert job.state == DocumentJob.State.DONE, job.state
    return {
        "request that queues the job": ms(*post),
        "a poll of its progress": ms(*poll),
        f"worker: {count} badges ({job.done} of {job.total})": ms(*worker),
        "PDF size": f"{job.file.size // 1024} KB",
    }, [post[0], poll[0]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--registrations", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the data dir")
    args = parser.parse_args()
    var_dir = Path(tempfile.mkdtemp(prefix="cior-bench-tasks-"))
    try:
        print(f"data dir {var_dir}; migrating and loading the demo…", flush=True)
        setup(var_dir)
        rows, fast = results_pdf(args.repeat)
        badge_rows, badge_fast = badges(args.registrations)
    finally:
        if not args.keep:
            shutil.rmtree(var_dir, ignore_errors=True)
    print("\nMILCOMP results PDF (competition 2026, English)")
    for label, value in rows.items():
        print(f"  {label:<40} {value}")
    print(f"\nBadges ({args.registrations} confirmed registrations)")
    for label, value in badge_rows.items():
        print(f"  {label:<40} {value}")
    slow = [ms for ms in fast + badge_fast if ms >= LIMIT_MS]
    print(f"\nLoad average: {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    print(f"Requests under {LIMIT_MS} ms: {'PASS' if not slow else 'FAIL'}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
