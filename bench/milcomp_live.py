"""Measure the MILCOMP live results under load: 200 viewers polling, production configuration.

    .venv/bin/python bench/milcomp_live.py [--teams 100] [--duration 15] [--connections 200]
                                           [--workers 4] [--keep | --reuse DIR]

A measurement, not a test (see bench/README.md, "MILCOMP live results"). Steps:

1. A throwaway data dir (SQLite, file cache, static), DEBUG=0, a random SECRET_KEY; migrate,
   collectstatic, compilemessages, load_demo (the site around the pages), then a generated
   competition (slug "bench") of --teams teams (3 competitors each, 24 nations, every
   category), every discipline entered, shooting and land published as provisional: it runs,
   so its pages poll.
2. SQL queries, counted in-process with Django's test client and CaptureQueriesContext against
   the same database and cache: the live fragment and the full page with a cold cache (cleared),
   after a result change (the version moved on: the competition still cached) and warm.
3. gunicorn (sync workers, 2 x cores) on 127.0.0.1, warmed up; then `wrk -t2 -c200 -d15s` on:
   the live fragment (200, from the cache), the same with If-None-Match (304: what a polling
   browser sends), the full page, and the fragment while the results change every 2 s (a
   judge's save: each change costs one recomputation and one render per language and view).
   Server CPU per request from /proc, the load average around each run.
4. A table with a PASS/FAIL verdict: at least 1000 req/s for the fragment served from the
   cache, at most 5 SQL queries on a cold cache, no errors. Exit status 1 when one fails.

The server and the data dir are removed on exit (Ctrl-C included) unless --keep.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import pages  # noqa: E402  (bench/pages.py: processes, gunicorn, wrk, /proc readings)
from pages import (  # noqa: E402
    PYTHON,
    ROOT,
    cpu_seconds,
    fetch,
    free_port,
    log,
    manage,
    start_server,
    to_ms,
    worker_pids,
)

MIN_RPS = 1000  # the fragment served from the cache, 200 concurrent viewers
MAX_QUERIES = 5  # the live results with a cold cache
SLUG = "bench"
NATIONS = ["BEL", "CAN", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GBR", "GRC", "HUN", "ITA"]
NATIONS += ["LTU", "LVA", "NLD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "SWE", "TUR", "USA"]


# --- Inside Django (this file run again with --inside) ----------------------------------------


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cior.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _raw(kind, rng, skill):
    def series():
        return [min(10, max(0, round(rng.gauss(8.6 + skill, 1.2)))) for _ in range(5)]

    if kind == "shooting":
        return {
            "members": [
                {
                    "pistol_precision": series(),
                    "pistol_rapid_hits": rng.randint(2, 6),
                    "rifle_precision": series(),
                    "rifle_rapid_hits": rng.randint(2, 6),
                }
                for _ in range(3)
            ]
        }
    if kind == "land":
        return {"seconds": rng.randint(190, 330), "failed_obstacles": rng.choice((0, 0, 1, 2))}
    if kind == "water":
        return {"seconds": rng.randint(70, 140), "failed_obstacles": rng.choice((0, 0, 1))}
    if kind == "orienteering":
        return {
            "seconds": rng.randint(95 * 60, 200 * 60),
            "missed_posts": rng.choice((0, 0, 0, 1, 2)),
            "true_distances": [350, 520, 780],
            "members": [
                {
                    "estimates": [rng.randint(300, 850) for _ in range(3)],
                    "throws": [rng.random() < 0.5 for _ in range(3)],
                }
                for _ in range(3)
            ],
        }
    if kind == "first_aid":
        return {"score": rng.randint(150, 300)}
    return {"members": [{"percent": rng.randint(55, 100)} for _ in range(3)]}


def inside_generate(teams):
    """Write a running competition of `teams` teams with every discipline entered."""
    _django()
    from django.db import transaction
    from django.utils import timezone

    from milcomp import queries
    from milcomp.models import Competition, Discipline, RawResult
    from milcomp.tests.factories import CompetitionFactory, freeze, make_team
    from nations.tests.factories import NationFactory

    if Competition.objects.filter(slug=SLUG).exists():
        return
    rng = random.Random(1957)
    with transaction.atomic():
        nations = [NationFactory(code=code, name_en=code, name_fr=code) for code in NATIONS]
        competition = CompetitionFactory(year=2099, slug=SLUG, title_en="MILCOMP bench")
        made = []
        for n in range(teams):
            category = rng.choice(["experienced"] * 5 + ["novice", "veteran", "female"])
            if n % 12 == 11:
                crew = rng.sample(nations, 3)
                made.append(
                    make_team(
                        competition,
                        None,
                        category="international",
                        nations=crew,
                        number=n // 12 + 1,
                    )
                )
                continue
            made.append(make_team(competition, rng.choice(nations), category=category))
        freeze(competition)
        now = timezone.now()
        disciplines = {d.kind: d for d in competition.disciplines.all()}
        rows = []
        for team in made:
            skill = rng.uniform(-1, 1)
            for kind, discipline in disciplines.items():
                rows.append(
                    RawResult(
                        team=team,
                        discipline=discipline,
                        status="dns" if rng.random() < 0.01 else "ok",
                        data=_raw(kind, rng, skill),
                        entered_at=now,
                    )
                )
        RawResult.objects.bulk_create(rows)
        Discipline.objects.filter(competition=competition, kind__in=["shooting", "land"]).update(
            state="provisional", published_at=now
        )
        Competition.objects.filter(pk=competition.pk).update(status="running")
    queries.bump_results_version(competition)


def inside_count(paths):
    """Print the SQL queries of each path: cold cache, after a result change, warm (JSON)."""
    _django()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from milcomp import queries, results
    from milcomp.models import Competition

    client = Client()
    competition = Competition.objects.get(slug=SLUG)

    def count(path):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, HTTP_HOST="127.0.0.1")
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        return len(captured)

    counts = {}
    for path in paths:
        client.get("/en/", HTTP_HOST="127.0.0.1")  # the site's own caches (menus, site root)
        cache.clear()
        cold = count(path)
        queries.bump_results_version(competition)
        changed = count(path)
        warm = count(path)
        counts[path] = {"cold": cold, "changed": changed, "warm": warm}
    started = time.perf_counter()
    queries.bump_results_version(competition)
    results.current_results(competition)
    counts["recompute_ms"] = (time.perf_counter() - started) * 1000
    print(json.dumps(counts))


def inside_bump(every, duration):
    """Move the bench competition's results version on every `every` s (a judge's saves)."""
    _django()
    from milcomp import queries
    from milcomp.models import Competition

    competition = Competition.objects.get(slug=SLUG)
    end = time.monotonic() + duration
    while time.monotonic() < end:
        queries.bump_results_version(competition)
        time.sleep(every)


# --- Outside: the bench ---------------------------------------------------------------------


def inside(env, *args, capture=False):
    command = [PYTHON, __file__, "--inside", *map(str, args)]
    if capture:
        out = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if out.returncode:
            raise SystemExit(f"{args[0]} failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
        return out.stdout
    return subprocess.Popen(command, cwd=ROOT, env=env)


def prepare(args, env, var_dir):
    logfile = var_dir / "bench.log"
    manage(env, logfile, "migrate", "--no-input", "-v0")
    manage(env, logfile, "collectstatic", "--no-input", "-v0")
    manage(env, logfile, "compilemessages", "--ignore=.venv", "-v0")
    manage(env, logfile, "load_demo")
    started = time.monotonic()
    inside(env, "generate", args.teams, capture=True)
    log(f"generated {args.teams} teams: {time.monotonic() - started:.1f} s")


def wrk(port, path, args, headers=()):
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
    command.append("--timeout=10s")  # a slow answer is a latency, not an error
    for header in headers:
        command += ["-H", header]
    command += ["--latency", f"http://127.0.0.1:{port}{path}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99": to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "errors": 0,
    }
    non_ok = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if non_ok:
        result["errors"] += int(non_ok.group(1))
    if socket:
        # gunicorn's sync workers close each connection: wrk counts some as read errors.
        result["errors"] += int(socket.group(1)) + int(socket.group(4))
    return result


def etag_of(port, path):
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        return response.getheader("ETag")
    finally:
        connection.close()


def measure(args, env, var_dir):
    fragment = f"/en/milcomp/results/{SLUG}/live/"
    page = f"/en/milcomp/results/{SLUG}/"
    counts = json.loads(inside(env, "count", fragment, page, capture=True).strip().splitlines()[-1])
    log(f"queries: {counts}")
    log(f"{args.workers} gunicorn workers on 127.0.0.1:{args.port}")
    process, stop = start_server("gunicorn", args.port, args.workers, env, var_dir)
    for path in (fragment, page):
        status, _body = fetch(args.port, path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        pages.wrk(args.port, path, 1, 2 * args.workers, 2)  # warm every worker up
    etag = etag_of(args.port, fragment)
    runs = [
        ("live fragment, 200 from cache", fragment, [], None),
        ("live fragment, 304 (If-None-Match)", fragment, [f"If-None-Match: {etag}"], None),
        ("full results page", page, [], None),
        ("live fragment, results change every 2 s", fragment, [], 2),
    ]
    measured = []
    for label, path, headers, bump_every in runs:
        bumper = inside(env, "bump", bump_every, args.duration) if bump_every else None
        pids = [process.pid, *worker_pids(process.pid)]
        before = cpu_seconds(pids)
        load_before = os.getloadavg()[0]
        result = wrk(args.port, path, args, headers)
        result["cpu_ms"] = sum(
            (after - b) * 1000 for after, b in zip(cpu_seconds(pids), before, strict=True)
        ) / max(1, result["requests"])
        result["load"] = (load_before, os.getloadavg()[0])
        if bumper is not None:
            bumper.wait()
        log(
            f"{label}: {result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, "
            f"p99 {result['p99']:.1f} ms, errors {result['errors']}, "
            f"CPU {result['cpu_ms']:.2f} ms/req, load {result['load'][0]:.1f}->"
            f"{result['load'][1]:.1f}"
        )
        measured.append((label, path, result))
        time.sleep(2)
    stop()
    return counts, measured


def report(args, counts, measured):
    cores = os.cpu_count() or 1
    lines = [
        f"MILCOMP live results, {args.teams} teams, gunicorn x{args.workers} on {cores} cores, "
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s",
        "",
        "| measurement | req/s | p50 ms | p99 ms | CPU ms/req | errors | load | verdict |",
        "|---|---|---|---|---|---|---|---|",
    ]
    failed = False
    for label, _path, r in measured:
        verdict = "-"
        if label.startswith("live fragment, 200"):
            ok = r["rps"] >= MIN_RPS and not r["errors"]
            verdict = ("PASS" if ok else "FAIL") + f" (>= {MIN_RPS} req/s)"
            failed |= not ok
        elif r["errors"]:
            verdict, failed = "FAIL (errors)", True
        lines.append(
            f"| {label} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | "
            f"{r['cpu_ms']:.2f} | {r['errors']} | {r['load'][0]:.1f}->{r['load'][1]:.1f} "
            f"| {verdict} |"
        )
    lines += [
        "",
        "| SQL queries | cold cache | after a change | warm | verdict |",
        "|---|---|---|---|---|",
    ]
    for path, label in (
        (f"/en/milcomp/results/{SLUG}/live/", "live fragment"),
        (f"/en/milcomp/results/{SLUG}/", "full page"),
    ):
        c = counts[path]
        verdict = "-"
        if label == "live fragment":
            ok = c["cold"] <= MAX_QUERIES and c["changed"] <= MAX_QUERIES
            verdict = ("PASS" if ok else "FAIL") + f" (<= {MAX_QUERIES})"
            failed |= not ok
        lines.append(f"| {label} | {c['cold']} | {c['changed']} | {c['warm']} | {verdict} |")
    lines.append("")
    lines.append(
        f"Recomputation of every ranking of {args.teams} teams from the database "
        f"(4 + 1 queries, engine, pickling into the cache): {counts['recompute_ms']:.0f} ms"
    )
    print("\n".join(lines), flush=True)
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--teams", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--duration", type=int, default=15, help="seconds of each wrk run")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=200, help="wrk connections")
    parser.add_argument("--keep", action="store_true", help="keep the data dir")
    parser.add_argument("--reuse", metavar="DIR", help="measure a kept data dir again")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    args.port = args.port or free_port()
    log(f"load average before: {os.getloadavg()}")
    # The page bench's environment (SQLite; DEBUG off), in a data dir of its own.
    env, var_dir = pages.make_env(
        SimpleNamespace(reuse=args.reuse, keep=args.keep, postgres=False),
        prefix="cior-bench-milcomp-",
    )
    if not args.reuse:
        prepare(args, env, var_dir)
    counts, measured = measure(args, env, var_dir)
    failed = report(args, counts, measured)
    log(f"load average after: {os.getloadavg()}")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--inside":
        command, rest = sys.argv[2], sys.argv[3:]
        if command == "generate":
            inside_generate(int(rest[0]))
        elif command == "count":
            inside_count(rest)
        elif command == "bump":
            inside_bump(float(rest[0]), float(rest[1]))
        else:
            raise SystemExit(f"unknown inside command {command}")
    else:
        main()
