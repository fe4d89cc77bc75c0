"""Profile the registration POST in-process: its SQL and where its CPU time goes.

    .venv/bin/python bench/profile_registration.py DATA_DIR [N]

DATA_DIR is the data dir of a `bench/run_registrations.sh --keep` run: its environment
(database, secret key) and its seeded users are reused. A fresh event like the bench's (two
types, the same capacities and quotas) is created for the first seeded head of delegation's
nation, with 3 N people of that nation; the head's session (a cookie, no login) POSTs them
to `delegation_register` with Django's test client, as the bench's clients do (person,
registration type alternating, empty discount code): a few to warm up, one under
CaptureQueriesContext (the SQL is listed), N one by one to time a POST (median CPU and wall),
then N under cProfile (the table lists the project's functions and the library steps known to
cost, by cumulative CPU time, as a share of the POST's: the waits for PostgreSQL are left out).
The event and its people are removed at the end; the audit entries stay.

After the bench's own run every quota is full, so most POSTs are on the waiting list, as most
of the bench's are. In-process POSTs keep one database connection open, where a server may
open one per request (CONN_MAX_AGE).
"""

import cProfile
import datetime
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
settings = None  # django.conf.settings, once Django is set up
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _environment(data_dir: Path):
    os.environ.update(json.loads((data_dir / "bench.env.json").read_text()))
    os.environ.update(
        CIOR_VAR_DIR=str(data_dir),
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="floor_settings" if FLOOR else "cior.settings",
    )
    for name in ("REDIS_URL", "PYTHONPATH"):
        os.environ.pop(name, None)
    if os.environ.get("PROFILE_REDIS"):  # the production cache (sessions read from it first)
        os.environ["REDIS_URL"] = os.environ["PROFILE_REDIS"]


# PROFILE_REDIS=URL: with Redis as the shared cache, as in production.
# PROFILE_FLOOR=1: the floor view instead (bench/floor_urls.py: a login and one insert).
FLOOR = os.environ.get("PROFILE_FLOOR") == "1"

# Library functions worth a line: (file suffix, function name).
STEPS = [
    ("django/contrib/sessions/backends/db.py", "load"),
    ("django/contrib/auth/__init__.py", "get_user"),
    ("django/contrib/auth/models.py", "has_perm"),
    ("django/forms/forms.py", "full_clean"),
    ("django/forms/models.py", "clean"),
    ("django/db/models/base.py", "full_clean"),
    ("django/db/models/base.py", "save"),
    ("django/db/transaction.py", "__exit__"),
    ("django/db/models/sql/compiler.py", "as_sql"),
    ("django/db/models/sql/compiler.py", "execute_sql"),
    ("django/db/backends/utils.py", "execute"),
    ("django/db/models/base.py", "from_db"),
    ("django/db/models/query.py", "_fetch_all"),
    ("django/urls/base.py", "reverse"),
    ("django/contrib/messages/storage/fallback.py", "_store"),
    ("django/utils/translation/trans_real.py", "gettext"),
    ("wagtail/log_actions.py", "log"),
    ("django_tasks/base.py", "enqueue"),
    ("django/middleware/csrf.py", "process_view"),
    ("allauth/mfa/models.py", "__init__"),
]


def _setup(data_dir: Path, people_count: int):
    """Create the profiling event and its people; return (client, path, people, type ids)."""
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone
    from registrations import TYPES

    from accounts.models import Person
    from events.models import Event, Quota, RegistrationType
    from nations.models import Nation

    seeded = json.loads((data_dir / "seed.json").read_text())
    spec = seeded["clients"][0]  # the first nation's head of delegation
    nation = Nation.objects.get(code=spec["nation"])
    today = timezone.localdate()
    event = Event.objects.create(
        title_en="Profile Congress",
        title_fr="Congrès de profilage",
        slug=f"profile-{os.getpid()}-{int(time.time())}",
        kind=Event.Kind.SUMMER_CONGRESS,
        status=Event.Status.REGISTRATION_OPEN,
        starts_on=today + datetime.timedelta(60),
        ends_on=today + datetime.timedelta(63),
        registration_opens_at=timezone.now() - datetime.timedelta(1),
        registration_closes_at=timezone.now() + datetime.timedelta(30),
    )
    type_ids = []
    for kind, capacity, quota, fee in TYPES:
        registration_type = RegistrationType.objects.create(
            event=event, kind=kind, capacity=capacity, fee=fee
        )
        Quota.objects.create(registration_type=registration_type, nation=nation, places=quota)
        type_ids.append(registration_type.pk)
    people = Person.objects.bulk_create(
        Person(first_name=f"Profile{n}", last_name="Registrant", nation=nation)
        for n in range(people_count)
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[settings.SESSION_COOKIE_NAME] = spec["session"]
    path = reverse("delegation_register", args=[event.slug, nation.code])
    if FLOOR:
        path = f"/floor/{event.slug}/{nation.code}/register/"
    return event, client, path, [person.pk for person in people], type_ids


def _cleanup(event, people):
    from accounts.models import Person
    from events.models import Quota, Registration

    Registration.objects.filter(event=event).delete()
    Quota.objects.filter(registration_type__event=event).delete()
    event.registration_types.all().delete()
    event.delete()
    Person.objects.filter(pk__in=people).delete()


def _post(client, path, person, type_id):
    # Only the session cookie, as the bench's clients send: the messages cookie of the last
    # answer would otherwise grow with every POST (nothing here shows them).
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.cookies.clear()
    client.cookies[settings.SESSION_COOKIE_NAME] = session
    body = {"person": person, "registration_type": type_id, "discount_code": ""}
    response = client.post(path, body)
    if response.status_code != 302:
        raise SystemExit(f"POST {path} answered {response.status_code}")


def table(stats, repeat):
    total = max(
        (ct for (_f, _l, name), (_c, _n, _t, ct, _) in stats.stats.items() if name == "__call__"),
        default=0,
    )
    rows = []
    for (filename, line, name), (_cc, calls, _tt, cumulative, _callers) in stats.stats.items():
        ours = filename.startswith(str(ROOT)) and "/.venv/" not in filename
        known = any(filename.endswith(suffix) and name == step for suffix, step in STEPS)
        if not (ours or known) or filename.endswith("profile_registration.py"):
            continue
        where = filename[len(str(ROOT)) + 1 :] if ours else filename.split("site-packages/")[-1]
        rows.append((cumulative, calls / repeat, f"{where}:{line} {name}"))
    rows.sort(reverse=True)
    print(f"{'share':>6} {'calls':>7}  function (cumulative CPU time, under cProfile)")
    for cumulative, calls, label in rows[:50]:
        if total and cumulative / total >= 0.005:
            print(f"{cumulative / total:6.1%} {calls:7.1f}  {label}")


def main(data_dir: Path, repeat: int):
    _environment(data_dir)
    import django

    django.setup()
    global settings
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    warm = 5
    event, client, path, people, types = _setup(data_dir, warm + 1 + 2 * repeat)
    queue = iter(enumerate(people))

    def post_next():
        index, person = next(queue)
        _post(client, path, person, types[index % len(types)])

    try:
        for _ in range(warm):
            post_next()
        with CaptureQueriesContext(connection) as captured:
            post_next()
        print(f"{path}: {len(captured)} queries in one POST (waiting list after the warm-up)")
        for number, query in enumerate(captured.captured_queries, start=1):
            print(f"{number:3}. {query['sql'][:200]}")
        cpu, wall = [], []
        for _ in range(repeat):
            started, used = time.perf_counter(), time.process_time()
            post_next()
            cpu.append((time.process_time() - used) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
        cpu.sort()
        print(
            f"\nper POST, in-process, without profiler ({repeat} POSTs): CPU median "
            f"{statistics.median(cpu):.2f} ms, 10th percentile {cpu[len(cpu) // 10]:.2f} ms "
            f"(the least disturbed by other processes), wall median "
            f"{statistics.median(wall):.2f} ms; load average {os.getloadavg()[0]:.2f}"
        )
        # CPU time, not wall: the waits for PostgreSQL (another process) are left out.
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        for _ in range(repeat):
            post_next()
        profile.disable()
        stats = pstats.Stats(profile)
        if os.environ.get("PROFILE_DUMP"):  # for pstats' callees and callers
            stats.dump_stats(os.environ["PROFILE_DUMP"])
        print(
            f"Python function calls per POST (steadier than time): {stats.total_calls // repeat}\n"
        )
        table(stats, repeat)
    finally:
        _cleanup(event, people)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]).resolve(), int(sys.argv[2]) if len(sys.argv) > 2 else 200)
