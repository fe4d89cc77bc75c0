"""Measure the work moved to the task queue: the results PDF request and a batch of badges.

    .venv/bin/python bench/background_work.py [--registrations 200] [--repeat 5] [--keep]

A measurement, not a test (see bench/README.md, "Background work"). In one process, with the
production settings (DEBUG=0) on a throwaway data dir (SQLite, file cache), the demo loaded:

1. The MILCOMP results PDF of the demo's 2026 competition (32 teams): what the request cost
   when it made the PDF (`milcomp.documents.results_pdf`, as the view did before: the
   first request of each results version and language), then through the view as it is now
   (Django's test client, every middleware): the request that queues the task, the worker's
   time to make and keep it (django-tasks-db's worker, as `db_worker --batch` runs it), and the
   request that hands the kept file over (median of --repeat).
2. Badges for --registrations confirmed registrations of one event: the request that queues
   the job (POST, as the presidency), then the worker's time to make the PDF.

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


def run_worker():
    from django_tasks_db.management.commands.db_worker import Worker

    started = time.perf_counter()
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="background",
        startup_delay=False,
        max_tasks=None,
        worker_id="bench",
        excluded_queue_names=[],
    ).run()
    return time.perf_counter() - started


def timed(function):
    started = time.perf_counter()
    value = function()
    return value, (time.perf_counter() - started) * 1000


def results_pdf(repeat):
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from milcomp import documents, results
    from milcomp.models import Competition

    competition = Competition.objects.get(slug="2026")
    with translation.override("en"):
        url = reverse("milcomp_results_pdf", args=[competition.slug])
        live = results.live_results(competition)
        documents.results_pdf(competition, live)  # WeasyPrint's import and fonts, once
        before = [timed(lambda: documents.results_pdf(competition, live))[1] for _ in range(2)]
    client = Client()
    queued, queue_ms = timed(lambda: client.get(url))
    assert "being prepared" in queued.content.decode(), queued.status_code
    worker_s = run_worker()
    served = []
    for _ in range(repeat):
        response, ms = timed(lambda: b"".join(client.get(url).streaming_content))
        served.append(ms)
    assert response.startswith(b"%PDF"), response[:20]
    return {
        "made in the request (before)": f"{min(before):.0f}–{max(before):.0f} ms",
        "request that queues it": f"{queue_ms:.0f} ms",
        "worker: make and keep": f"{worker_s * 1000:.0f} ms",
        "request that serves the kept file": f"{statistics.median(served):.1f} ms (median)",
    }, [queue_ms, statistics.median(served)]


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
    response, post_ms = timed(lambda: client.post(f"/en/delegation/{event.slug}/documents/badges/"))
    assert response.status_code == 302, (response.status_code, response.content[:300])
    worker_s = run_worker()
    job = DocumentJob.objects.get(event=event)
    assert job.state == DocumentJob.State.DONE, job.state
    return {
        "request that queues the job": f"{post_ms:.0f} ms",
        f"worker: {count} badges ({job.done} of {job.total})": f"{worker_s:.1f} s",
        "PDF size": f"{job.file.size // 1024} KB",
    }, [post_ms]


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
    print(f"\nRequests under {LIMIT_MS} ms: {'PASS' if not slow else 'FAIL'}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
