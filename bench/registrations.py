"""Fire concurrent registrations at the production configuration; check nothing is overbooked.

Run it through bench/run_registrations.sh (see bench/README.md). It drives the project's own
environment (.venv) with subprocesses; the load itself is standard-library threads with
http.client.

Steps: a throwaway data dir and a throwaway PostgreSQL database (SQLite with --sqlite);
migrate, collectstatic, compilemessages; then this script again in `--seed` mode inside Django:
an event open for registration with two registration types (capacity and per-nation quotas),
`--nations` nations with `--clients` heads of delegation and national staff between them (each
with a TOTP authenticator, as staff must have, and a session made server-side with
SessionStore: no login round-trip), and the people to register. gunicorn starts on 127.0.0.1
(DEBUG off, sync workers); `--clients` threads, each with its own session and CSRF cookie,
POST `--requests` registrations in all to `delegation_register` (fields person,
registration_type, discount_code; success is a 302 to the nation's page). Afterwards, in
`--check` mode: the places held per nation and type against the quotas, per type against the
capacity (an overbooking is any excess), and the registrations against the 302s. A table with
PASS/FAIL, and the server's CPU per POST (gunicorn's processes, the database's connections;
from /proc: steadier than latency on a shared machine).
The server, the data dir and the database are removed on exit, Ctrl-C included.
"""

import argparse
import http.client
import json
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

MAX_P95_MS = 300  # issue 13
EVENT_SLUG = "bench-congress"
TYPES = [
    # kind, capacity, quota per nation, fee
    ("delegate", 40, 5, "250.00"),
    ("observer", 25, 3, "150.00"),
]


# --- inside Django: seed and check ------------------------------------------------------------


def _django():
    sys.path.insert(0, str(BENCH.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cior.settings")
    import django

    django.setup()


def seed(out_path, nations_count, clients, people_per_client):
    """Create the event, nations, users with sessions and people; write them as JSON."""
    _django()
    import datetime

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction
    from django.utils import timezone

    from accounts import services as accounts
    from accounts.models import Person, RoleAssignment, User
    from events.models import Event, Quota, RegistrationType
    from nations.models import Nation

    Role = RoleAssignment.Role
    today = timezone.localdate()
    with transaction.atomic():
        event = Event.objects.create(
            title_en="Bench Congress",
            title_fr="Congrès de banc d'essai",
            slug=EVENT_SLUG,
            kind=Event.Kind.SUMMER_CONGRESS,
            status=Event.Status.REGISTRATION_OPEN,
            starts_on=today + datetime.timedelta(60),
            ends_on=today + datetime.timedelta(63),
            registration_opens_at=timezone.now() - datetime.timedelta(1),
            registration_closes_at=timezone.now() + datetime.timedelta(30),
        )
        types = {
            kind: RegistrationType.objects.create(
                event=event, kind=kind, capacity=capacity, fee=fee
            )
            for kind, capacity, _quota, fee in TYPES
        }
        nations = []
        for index in range(nations_count):
            code = "Q" + chr(65 + index // 26) + chr(65 + index % 26)
            nation, _ = Nation.objects.get_or_create(code=code, defaults={"name": f"Bench {code}"})
            nations.append(nation)
            for kind, _capacity, quota, _fee in TYPES:
                Quota.objects.create(registration_type=types[kind], nation=nation, places=quota)
        backend = "django.contrib.auth.backends.ModelBackend"
        result = {"event": EVENT_SLUG, "types": {k: t.pk for k, t in types.items()}, "clients": []}
        for index in range(clients):
            nation = nations[index % nations_count]
            role = Role.HEAD_OF_DELEGATION if index < nations_count else Role.NATIONAL_STAFF
            person = Person.objects.create(
                first_name=f"Staff{index}", last_name="Bench", nation=nation
            )
            user = User.objects.create_user(
                username=f"bench{index}@example.org",
                email=f"bench{index}@example.org",
                password=None,  # logged in by the session made below: no hashing to wait for
                person=person,
            )
            RoleAssignment.objects.create(person=person, role=role, nation=nation)
            accounts.activate_totp(user, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", by=None)
            session = SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = backend
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
            people = Person.objects.bulk_create(
                Person(first_name=f"P{index}x{n}", last_name="Registrant", nation=nation)
                for n in range(people_per_client)
            )
            result["clients"].append(
                {
                    "nation": nation.code,
                    "session": session.session_key,
                    "people": [p.pk for p in people],
                }
            )
        result["session_cookie"] = settings.SESSION_COOKIE_NAME
        result["csrf_cookie"] = settings.CSRF_COOKIE_NAME
    Path(out_path).write_text(json.dumps(result))


def check(out_path):
    """Count the places held against the quotas and capacities; write the figures as JSON."""
    _django()
    from django.db.models import Count

    from events.models import Event, Quota, Registration

    event = Event.objects.get(slug=EVENT_SLUG)
    registrations = Registration.objects.filter(event=event)
    holding = registrations.holding_a_place()
    per_nation = {
        (row["registration_type_id"], row["nation_id"]): row["n"]
        for row in holding.values("registration_type_id", "nation_id").annotate(n=Count("pk"))
    }
    over_quota = 0
    for quota in Quota.objects.filter(registration_type__event=event):
        held = per_nation.get((quota.registration_type_id, quota.nation_id), 0)
        over_quota += max(0, held - quota.places)
    over_capacity = 0
    for registration_type in event.registration_types.all():
        held = holding.filter(registration_type=registration_type).count()
        if registration_type.capacity is not None:
            over_capacity += max(0, held - registration_type.capacity)
    duplicates = (
        registrations.filter(state__in=Registration.ACTIVE)
        .values("person_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    states = dict(registrations.values_list("state").annotate(n=Count("pk")))
    Path(out_path).write_text(
        json.dumps(
            {
                "registrations": registrations.count(),
                "states": states,
                "over_quota": over_quota,
                "over_capacity": over_capacity,
                "duplicates": duplicates,
                "capacity": sum(c for _k, c, _q, _f in TYPES),
            }
        )
    )


# --- outside: the server and the load --------------------------------------------------------


def start_gunicorn(pages, port, workers, env, var_dir):
    logfile = open(var_dir / "gunicorn.log", "a")  # noqa: SIM115  (closed by stop())
    process = subprocess.Popen(
        [
            pages.PYTHON,
            "-m",
            "gunicorn",
            "cior.wsgi",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=pages.ROOT,
        env=env,
        stdout=logfile,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def stop():
        if process.poll() is None:
            os.killpg(process.pid, pages.signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, pages.signal.SIGKILL)
                process.wait()
        logfile.close()

    pages.on_exit(stop)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited; see {var_dir / 'gunicorn.log'}")
        try:
            if pages.fetch(port, "/en/delegation/")[0] in (200, 302):
                break
        except OSError:
            pass
        time.sleep(0.3)
    else:
        raise SystemExit("gunicorn did not answer within 60 s")
    time.sleep(1)
    return process


def warm_up(port, data, workers):
    """GET a register page a few times per worker: the first request of a worker loads the
    URL map, the templates and the translations (about 1-2 s), which is not what we measure."""
    spec = data["clients"][0]
    cookie = f"{data['session_cookie']}={spec['session']}"
    path = f"/en/delegation/{data['event']}/{spec['nation']}/register/"
    for _ in range(workers * 4):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        connection.close()
        if response.status != 200:
            raise SystemExit(f"warm-up: GET {path} answered {response.status}")


def fire(port, data, requests, clients, prefix="/en/delegation"):
    """POST `requests` registrations from `clients` threads at once; return the samples."""
    slug = data["event"]
    type_ids = list(data["types"].values())
    per_client = [
        requests // clients + (1 if i < requests % clients else 0) for i in range(clients)
    ]
    samples = []  # (status, ms, ok)
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def client(index, count):
        spec = data["clients"][index]
        csrf = secrets.token_hex(16)  # 32 characters: Django accepts an unmasked secret
        cookie = f"{data['session_cookie']}={spec['session']}; {data['csrf_cookie']}={csrf}"
        path = f"{prefix}/{slug}/{spec['nation']}/register/"
        expected = f"/en/delegation/{slug}/{spec['nation']}/"
        barrier.wait()
        for n in range(count):
            body = (
                f"csrfmiddlewaretoken={csrf}&person={spec['people'][n]}"
                f"&registration_type={type_ids[n % len(type_ids)]}&discount_code="
            )
            started = time.perf_counter()
            status, ok = 0, False
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                connection.request(
                    "POST",
                    path,
                    body=body,
                    headers={
                        "Cookie": cookie,
                        "Content-Type": "application/x-www-form-urlencoded",
                        "X-CSRFToken": csrf,
                        "Host": "127.0.0.1",
                    },
                )
                response = connection.getresponse()
                response.read()
                status = response.status
                ok = status == 302 and response.getheader("Location", "").endswith(expected)
                connection.close()
            except OSError:
                status = -1
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                samples.append((status, elapsed, ok))

    threads = [threading.Thread(target=client, args=(i, per_client[i])) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, time.perf_counter() - started


def postgres_pids(database):
    """The PostgreSQL processes serving `database` (the workers' connections)."""
    pids = []
    for entry in os.listdir("/proc"):
        try:
            if entry.isdigit() and f" {database} " in Path(f"/proc/{entry}/cmdline").read_text():
                pids.append(int(entry))
        except OSError:
            continue
    return pids


def cpu_ms(pages, pids):
    """Return {pid: CPU ms used so far} of the processes still running."""
    return {
        pid: sum(pages.cpu_seconds([pid])) * 1000 for pid in pids if Path(f"/proc/{pid}").exists()
    }


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(args, samples, seconds, figures, load, cpu):
    latencies = [ms for _status, ms, _ok in samples]
    statuses = Counter(status for status, _ms, _ok in samples)
    ok = sum(1 for _s, _ms, good in samples if good)
    p50, p95 = statistics.median(latencies), percentile(latencies, 0.95)
    overbooked = figures["over_quota"] + figures["over_capacity"]
    rows = [
        ("overbookings (quota + capacity)", str(overbooked), "0", overbooked == 0),
        ("people registered twice", str(figures["duplicates"]), "0", figures["duplicates"] == 0),
        ("successful POSTs (302)", f"{ok}/{len(samples)}", f"{len(samples)}", ok == len(samples)),
        (
            "registrations = successes",
            f"{figures['registrations']} / {ok}",
            "equal",
            figures["registrations"] == ok,
        ),
        ("p95 latency ms", f"{p95:.0f}", f"< {MAX_P95_MS}", p95 < MAX_P95_MS),
        ("p50 latency ms", f"{p50:.0f}", "", None),
        ("max latency ms", f"{max(latencies):.0f}", "", None),
        ("throughput req/s", f"{len(samples) / seconds:.1f}", "", None),
        ("server CPU ms per POST: gunicorn", f"{cpu['gunicorn'] / len(samples):.1f}", "", None),
    ]
    if "postgres" in cpu:
        rows.append(
            (
                "server CPU ms per POST: PostgreSQL",
                f"{cpu['postgres'] / len(samples):.1f}",
                "",
                None,
            )
        )
    database = ("SQLite" if args.sqlite else "PostgreSQL") + (" + Redis" if args.redis else "")
    if args.floor:
        database += ", THE FLOOR VIEW (bench/floor_urls.py), not the registration"
    print()
    print(
        f"## Registrations: {len(samples)} POSTs from {args.clients} clients, {args.nations} "
        f"nations, gunicorn {args.workers} sync workers, {database}, load average {load}"
    )
    print()
    print("| measure | value | target | verdict |")
    print("|---|---|---|---|")
    for name, value, target, verdict in rows:
        shown = "" if verdict is None else ("PASS" if verdict else "FAIL")
        print(f"| {name} | {value} | {target} | {shown} |")
    print()
    print(f"States after the run: {json.dumps(figures['states'], sort_keys=True)}")
    print(f"Responses by status: {dict(sorted(statuses.items()))} (-1: connection error)")
    return all(verdict is not False for *_rest, verdict in rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--nations", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--keep", action="store_true", help="keep the data dir and database")
    parser.add_argument(
        "--floor",
        action="store_true",
        help="POST to the floor view instead (bench/floor_urls.py: a login and one insert)",
    )
    parser.add_argument(
        "--redis",
        metavar="URL",
        help="REDIS_URL of the server, as in production (cache, sessions read from it first)",
    )
    parser.add_argument("--seed", metavar="JSON", help=argparse.SUPPRESS)
    parser.add_argument("--check", metavar="JSON", help=argparse.SUPPRESS)
    parser.add_argument("--people", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed:
        return seed(args.seed, args.nations, args.clients, args.people)
    if args.check:
        return check(args.check)
    if args.nations > args.clients:
        raise SystemExit("--nations must not exceed --clients (one head of delegation each)")

    import pages  # the page bench's helpers: cleanup on exit, environment, subprocesses

    env, var_dir = pages.make_env(
        SimpleNamespace(reuse=None, keep=args.keep, postgres=not args.sqlite)
    )
    if args.redis:
        env["REDIS_URL"] = args.redis
        pages.log(f"REDIS_URL={args.redis}")
    logfile = var_dir / "bench.log"
    pages.manage(env, logfile, "migrate", "--no-input", "-v0")
    pages.manage(env, logfile, "collectstatic", "--no-input", "-v0")
    pages.manage(env, logfile, "compilemessages", "--ignore=.venv", "-v0")
    people = -(-args.requests // args.clients)
    seeded = var_dir / "seed.json"
    pages.run(
        [pages.PYTHON, __file__, "--seed", seeded, "--nations", str(args.nations),
         "--clients", str(args.clients), "--people", str(people)],
        env, logfile, "seed",
    )  # fmt: skip
    data = json.loads(seeded.read_text())
    port = pages.free_port()
    server_env = env
    if args.floor:
        server_env = {
            **env,
            "DJANGO_SETTINGS_MODULE": "floor_settings",
            "PYTHONPATH": str(BENCH),
        }
    server = start_gunicorn(pages, port, args.workers, server_env, var_dir)
    warm_up(port, data, args.workers)
    pages.log(f"gunicorn on 127.0.0.1:{port}; firing {args.requests} POSTs")
    # Server CPU, which other processes on the machine do not inflate as they do latency.
    measured = {"gunicorn": [server.pid, *pages.worker_pids(server.pid)]}
    if not args.sqlite:
        measured["postgres"] = postgres_pids(env["DATABASE_URL"].rsplit("/", 1)[1])
    before = {name: cpu_ms(pages, pids) for name, pids in measured.items()}
    load = f"{os.getloadavg()[0]:.1f}"
    samples, seconds = fire(
        port, data, args.requests, args.clients, "/floor" if args.floor else "/en/delegation"
    )
    load += f" → {os.getloadavg()[0]:.1f}"
    # Per process, of those running before and after (a worker or connection replaced
    # meanwhile is left out, not subtracted).
    cpu = {}
    for name, pids in measured.items():
        after = cpu_ms(pages, pids)
        cpu[name] = sum(after[pid] - before[name][pid] for pid in after if pid in before[name])
    checked = var_dir / "check.json"
    pages.run([pages.PYTHON, __file__, "--check", checked], env, logfile, "check")
    passed = report(args, samples, seconds, json.loads(checked.read_text()), load, cpu)
    if not passed:
        errors = [s for s in samples if not s[2]]
        if errors:
            pages.log(f"{len(errors)} failed requests; server log {var_dir / 'gunicorn.log'}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
