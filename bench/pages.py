"""Measure the public pages under the production configuration; print a table with verdicts.

Run it through bench/run_pages.sh (see bench/README.md). Standard library only: it drives the
project's own environment (.venv) with subprocesses and measures with wrk.

Steps: a throwaway data dir (and a throwaway PostgreSQL database with --postgres); migrate,
collectstatic, compilemessages, load_demo, SQL query count of each page with the demo data;
generated articles added (bench/seed_articles.py); query count again (the count must not grow
with the data); then for each server (gunicorn, and granian with --servers):
start it on 127.0.0.1 with DEBUG off, warm every worker up, then for each page and each repeat
the median of sequential single requests and a wrk run; the resident memory of each worker
after the load. The server, the data dir and the database are removed on exit, even on Ctrl-C.
"""

import argparse
import atexit
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = ROOT / ".venv" / "bin" / "python"
TOOLS_DIR = Path(
    os.environ.get("CIOR_BENCH_TOOLS", Path(tempfile.gettempdir()) / "cior-bench-tools")
)
TOOL_PINS = {"granian": "granian==2.8.9", "pyinstrument": "pyinstrument==5.1.3"}

# The targets for a page rendered without any page cache, on this 2-core machine.
MAX_QUERIES = 15
MIN_RPS = 300
MAX_SINGLE_MS = 10.0
MAX_RSS_MB = 200

PAGES = [
    ("EN home", "/en/"),
    ("EN news index", "/en/news/"),
    ("EN article", "article"),
    ("EN event", "event"),
    ("FR home", "/fr/"),
]

_cleanups = []


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def on_exit(function):
    _cleanups.append(function)
    return function


@atexit.register
def _run_cleanups():
    while _cleanups:
        try:
            _cleanups.pop()()
        except Exception as error:  # cleanup must go on
            print(f"cleanup: {error}", file=sys.stderr)


def _signal_exit(signum, frame):
    raise SystemExit(128 + signum)


signal.signal(signal.SIGINT, _signal_exit)
signal.signal(signal.SIGTERM, _signal_exit)
signal.signal(signal.SIGHUP, _signal_exit)


# --- preparing the data -------------------------------------------------------------------


def run(args, env, logfile, label, **kwargs):
    started = time.monotonic()
    with open(logfile, "a") as out:
        out.write(f"\n$ {' '.join(map(str, args))}\n")
        out.flush()
        completed = subprocess.run(
            args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, **kwargs
        )
    if completed.returncode:
        tail = Path(logfile).read_text().splitlines()[-30:]
        raise SystemExit(
            f"{label} failed ({completed.returncode}); log {logfile}:\n" + "\n".join(tail)
        )
    log(f"{label}: {time.monotonic() - started:.1f} s")


def manage(env, logfile, *args):
    run([PYTHON, "manage.py", *args], env, logfile, f"manage.py {args[0]}")


def count_queries(env, paths):
    out = subprocess.run(
        [PYTHON, BENCH / "count_queries.py", *paths, "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        raise SystemExit(f"count_queries failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def install_tool(name):
    """Install a tool outside the project's environment (a --target dir); return its path."""
    target = TOOLS_DIR / name
    if not (target / name).is_dir():
        log(f"installing {TOOL_PINS[name]} into {target} (not into .venv, pyproject or uv.lock)")
        subprocess.run(
            [
                "uv",
                "pip",
                "install",
                "--quiet",
                "--python",
                PYTHON,
                "--target",
                target,
                TOOL_PINS[name],
            ],
            check=True,
        )
    return target


def make_env(args, *, prefix="cior-bench-"):
    """Return (environment, data dir) of a bench run: a throwaway data dir (kept with
    args.keep, reused with args.reuse), DEBUG off, and a PostgreSQL database with
    args.postgres."""
    var_dir = Path(args.reuse).resolve() if args.reuse else Path(tempfile.mkdtemp(prefix=prefix))
    if args.keep or args.reuse:
        log(f"data dir kept: {var_dir}")
    else:
        on_exit(lambda: shutil.rmtree(var_dir, ignore_errors=True))
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "PYTHONPATH"}
    }
    env.update(
        CIOR_VAR_DIR=str(var_dir),
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
        PYTHONDONTWRITEBYTECODE="1",
        # Uncached unless asked: the pages' own cost is what the targets are about.
        CIOR_PAGE_CACHE_SECONDS=str(getattr(args, "page_cache", 0)),
    )
    saved = var_dir / "bench.env.json"
    if args.reuse:
        env.update(json.loads(saved.read_text()))
        return env, var_dir
    if args.postgres:
        name = f"cior_bench_{os.getpid()}"
        pg = ["-h", "127.0.0.1", "-p", "5432", "-U", "root"]
        subprocess.run(["createdb", *pg, name], check=True)
        if not args.keep:
            on_exit(lambda: subprocess.run(["dropdb", "--if-exists", *pg, name], check=False))
        env["DATABASE_URL"] = f"postgres://root@127.0.0.1:5432/{name}"
        log(f"PostgreSQL database {name}")
    saved.write_text(json.dumps({k: env[k] for k in ("SECRET_KEY", "DATABASE_URL") if k in env}))
    return env, var_dir


def prepare(args, env, var_dir):
    logfile = var_dir / "bench.log"
    manage(env, logfile, "migrate", "--no-input", "-v0")
    # Static files first: with DEBUG off the pages need the manifest of hashed names.
    manage(env, logfile, "collectstatic", "--no-input", "-v0")
    manage(env, logfile, "compilemessages", "--ignore=.venv", "-v0")
    manage(env, logfile, "load_demo")
    demo = count_queries(env, [p for _, p in PAGES])
    log(f"queries with the demo data: {demo['counts']}")
    run(
        [PYTHON, BENCH / "seed_articles.py", str(args.articles)],
        env,
        logfile,
        f"seed_articles {args.articles}",
    )
    full = count_queries(env, [p for _, p in PAGES])
    log(f"queries with +{args.articles} articles: {full['counts']}")
    return demo, full


# --- the server -----------------------------------------------------------------------------


def server_command(name, port, workers, env):
    if name in ("gunicorn", "gthread"):
        # gthread: gunicorn's threaded worker (one thread), which keeps connections alive.
        worker_class = ["sync"] if name == "gunicorn" else ["gthread", "--threads", "1"]
        return [
            PYTHON,
            "-m",
            "gunicorn",
            "cior.wsgi",
            "--workers",
            str(workers),
            "--worker-class",
            *worker_class,
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ], env
    if name == "granian":
        tool = install_tool("granian")
        env = {**env, "PYTHONPATH": str(tool)}
        return [
            PYTHON,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-ws",
            "--log-level",
            "warning",
            "cior.wsgi:application",
        ], env
    raise SystemExit(f"unknown server {name}")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_taken(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def start_server(name, port, workers, env, var_dir):
    if port_taken(port):
        raise SystemExit(f"127.0.0.1:{port} is already taken by another server; use --port")
    command, env = server_command(name, port, workers, env)
    logfile = open(var_dir / f"{name}.log", "a")  # noqa: SIM115  (closed by stop())
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=logfile,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def stop():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        logfile.close()

    on_exit(stop)
    # A loaded machine (other engineers' tests) can take minutes to boot the workers.
    boot = int(os.environ.get("CIOR_BENCH_BOOT_SECONDS", "300"))
    deadline = time.monotonic() + boot
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{name} exited; see {var_dir / (name + '.log')}")
        try:
            if fetch(port, "/en/")[0] == 200 and process.poll() is None:
                break
        except OSError:
            pass
        time.sleep(0.3)
    else:
        raise SystemExit(f"{name} did not answer within {boot} s")
    time.sleep(1)  # let every worker finish booting
    return process, stop


def descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def worker_pids(server_pid):
    """The server's worker processes: its descendants that run the application."""
    workers = []
    for pid in descendants(server_pid):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if "resource_tracker" in cmdline or "semaphore_tracker" in cmdline:
            continue
        workers.append(pid)
    return workers


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    """(user, system) CPU time used so far by these processes, in seconds."""
    user = system = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        user += int(fields[11])  # utime
        system += int(fields[12])  # stime
    return user / CLOCK_TICKS, system / CLOCK_TICKS


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# --- measuring ----------------------------------------------------------------------------------


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        connection.close()


def single_latency_ms(port, path, count):
    """Median and spread of `count` sequential requests, each on a new connection."""
    times = []
    for _ in range(count):
        started = time.perf_counter()
        status, _ = fetch(port, path)
        times.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
    return statistics.median(times)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def to_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(port, path, threads, connections, duration):
    url = f"http://127.0.0.1:{port}{path}"
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
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


def measure_server(args, server, env, var_dir, pages, runs, repeat):
    """One pass over the pages on a freshly started server; results appended to `runs`."""
    name, workers = server
    log(f"{name}: starting {workers} workers on 127.0.0.1:{args.port}")
    process, stop = start_server(name, args.port, workers, env, var_dir)
    log(f"{name}: master {process.pid}, workers {worker_pids(process.pid)}")
    for _, path in pages:  # warm every worker: imports, templates, per-process caches
        wrk(args.port, path, 1, max(2, 2 * workers), 2)
    for label, path in pages:
        single = single_latency_ms(args.port, path, args.single)
        pids = [process.pid, *worker_pids(process.pid)]
        cpu_before = cpu_seconds(pids)
        load = wrk(args.port, path, args.threads, args.connections, args.duration)
        user, system = (
            (after - before) * 1000 / max(1, load["requests"])
            for after, before in zip(cpu_seconds(pids), cpu_before, strict=True)
        )
        load["cpu_ms"], load["sys_ms"] = user + system, system
        load["loadavg"] = os.getloadavg()[0]
        rss = max((rss_mb(pid) for pid in worker_pids(process.pid)), default=0.0)
        runs["pages"][path]["single"].append(single)
        runs["pages"][path]["wrk"].append(load)
        runs["pages"][path]["rss"].append(rss)
        log(
            f"{name} x{workers} run {repeat + 1} {label}: single {single:.2f} ms, "
            f"{load['rps']:.0f} req/s, p50 {load['p50']:.1f} ms, p99 {load['p99']:.1f} ms, "
            f"errors {load['errors']}, server CPU {load['cpu_ms']:.1f} ms/req "
            f"({load['sys_ms']:.1f} system), "
            f"worker RSS max {rss:.0f} MB, load average {load['loadavg']:.1f}"
        )
    runs["workers_rss"] = {pid: rss_mb(pid) for pid in worker_pids(process.pid)}
    runs["master_rss"] = rss_mb(process.pid)
    stop()


# --- report ---------------------------------------------------------------------------------


def table(name, args, pages, counts_demo, counts_full, runs):
    rows = []
    header = [
        "page",
        "queries",
        "single ms",
        "req/s",
        "p50 ms",
        "p99 ms",
        "CPU ms/req",
        "CPU ceiling req/s",
        "worker RSS MB",
        "verdict",
    ]
    cores = os.cpu_count() or 1
    for label, path in pages:
        r = runs[path]
        best = max(r["wrk"], key=lambda w: w["rps"])
        rps_all = [w["rps"] for w in r["wrk"]]
        single = min(r["single"])
        queries = counts_full[path]
        demo_queries = counts_demo.get(path)
        rss = max(r["rss"])
        cpu_ms = min(w["cpu_ms"] for w in r["wrk"])
        failed = []
        if queries > MAX_QUERIES or (demo_queries is not None and queries > demo_queries):
            failed.append("queries")
        if single >= MAX_SINGLE_MS:
            failed.append("latency")
        if best["rps"] < MIN_RPS:
            failed.append("req/s")
        if rss >= MAX_RSS_MB:
            failed.append("RSS")
        if any(w["errors"] for w in r["wrk"]):
            failed.append("errors")
        spread = f" ({'/'.join(f'{x:.0f}' for x in rps_all)})" if len(rps_all) > 1 else ""
        singles = "/".join(f"{x:.1f}" for x in r["single"])
        rows.append(
            [
                label,
                f"{queries}"
                + (f" (demo {demo_queries})" if demo_queries not in (None, queries) else ""),
                f"{single:.1f}" + (f" ({singles})" if len(r["single"]) > 1 else ""),
                f"{best['rps']:.0f}{spread}",
                f"{best['p50']:.1f}",
                f"{best['p99']:.1f}",
                f"{cpu_ms:.1f}",
                f"{cores * 1000 / cpu_ms:.0f}" if cpu_ms else "-",
                f"{rss:.0f}",
                "PASS" if not failed else "FAIL: " + ", ".join(failed),
            ]
        )
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        f"{name}, wrk -t{args.threads} -c{args.connections} "
        f"-d{args.duration}s, best of {args.repeat} (all runs in brackets)",
        "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |",
        "|" + "|".join("-" * (w + 2) for w in widths) + "|",
    ]
    for row in rows:
        lines.append(
            "| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--servers",
        default="gunicorn",
        help="comma-separated servers, each gunicorn, gthread (gunicorn's threaded "
        "worker, keep-alive) or granian with an optional "
        ":workers, e.g. gunicorn,granian or gunicorn:3,gunicorn:5 "
        "(default gunicorn)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * (os.cpu_count() or 1),
        help="worker processes (default 2 x cores)",
    )
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--articles", type=int, default=200, help="generated EN articles")
    parser.add_argument("--duration", type=int, default=10, help="seconds of each wrk run")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--single", type=int, default=50, help="sequential requests per page")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each measurement")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="use a throwaway PostgreSQL database on 127.0.0.1:5432 (role root)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the data dir and database")
    parser.add_argument(
        "--reuse", metavar="DIR", help="measure again the data dir of a --keep run (no preparation)"
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile the slowest page afterwards (pyinstrument)"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the raw results to FILE")
    parser.add_argument(
        "--page-cache",
        type=int,
        default=0,
        metavar="SECONDS",
        help="keep anonymous pages in the page cache that long (default 0: uncached)",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    args.port = args.port or free_port()
    started = datetime.now()
    env, var_dir = make_env(args)
    if args.reuse:
        full = count_queries(env, [p for _, p in PAGES])
        demo = {"counts": {}, "article": None}
    else:
        demo, full = prepare(args, env, var_dir)
    article = full["article"]
    if article is None or full.get("event") is None or None in full["counts"].values():
        raise SystemExit(f"A page does not answer 200: {full['counts']}")
    found = {"article": article, "event": full["event"]}
    pages = [(label, found.get(path, path)) for label, path in PAGES]
    counts_full = dict(full["counts"])
    counts_demo = dict(demo["counts"])
    if demo["article"] != article:
        counts_demo.pop(demo["article"], None)  # not the same article: not comparable
    renditions_before = full["renditions"]

    results, tables = {}, []
    servers = []
    for spec in [item.strip() for item in args.servers.split(",") if item.strip()]:
        name, _, workers = spec.partition(":")
        servers.append((name, int(workers or args.workers)))
    for server in servers:
        results[server] = {
            "pages": {path: {"single": [], "wrk": [], "rss": []} for _, path in pages}
        }
    # Servers alternate within each repeat, so that a burst of load from other work on the
    # machine does not favour one of them.
    for repeat in range(args.repeat):
        for server in servers:
            measure_server(args, server, env, var_dir, pages, results[server], repeat)
    for (name, workers), runs in results.items():
        tables.append(
            table(
                f"{name}, {workers} workers", args, pages, counts_demo, counts_full, runs["pages"]
            )
            + "\nworker RSS after the last run: "
            + ", ".join(f"{v:.0f}" for v in runs["workers_rss"].values())
            + f" MB; master {runs['master_rss']:.0f} MB"
        )
    renditions_after = count_queries(env, ["--renditions-only"])["renditions"]

    cpu = os.cpu_count()
    load1 = os.getloadavg()[0]
    print()
    print(
        f"CIOR page benchmark, {started:%Y-%m-%d %H:%M}, {cpu} cores, "
        f"{'PostgreSQL' if args.postgres else 'SQLite'}, DEBUG=0, "
        f"{f'page cache {args.page_cache} s' if args.page_cache else 'no page cache'}, "
        f"{full['live_articles']} live EN articles, article {article}"
    )
    print(
        f"targets: queries <= {MAX_QUERIES} and not growing with the data, single request "
        f"< {MAX_SINGLE_MS:.0f} ms, >= {MIN_RPS} req/s, worker RSS < {MAX_RSS_MB} MB"
    )
    for text in tables:
        print()
        print(text)
    print()
    grown = renditions_after - renditions_before
    print(
        f"renditions: {renditions_before} before the visits, {renditions_after} after: "
        + ("none made on a visit (PASS)" if grown == 0 else f"{grown} made on a visit (FAIL)")
    )
    print(f"load average at the end: {load1:.2f} (the machine is shared: other work adds noise)")
    if len(results) > 1:
        names = list(results)
        first = f"{names[0][0]} x{names[0][1]}"
        print()
        print(f"best req/s and least server CPU ms per request, relative to {first}:")
        for label, path in pages:
            cells = []
            for server in names:
                loads = results[server]["pages"][path]["wrk"]
                rps = max(w["rps"] for w in loads)
                cpu_ms = min(w["cpu_ms"] for w in loads)
                base = results[names[0]]["pages"][path]["wrk"]
                cells.append(
                    f"{server[0]} x{server[1]} {rps:.0f} req/s "
                    f"({rps / max(w['rps'] for w in base):.2f}), {cpu_ms:.1f} ms CPU "
                    f"({cpu_ms / min(w['cpu_ms'] for w in base):.2f})"
                )
            print(f"  {label}: " + "; ".join(cells))
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "date": started.isoformat(),
                    "cores": cpu,
                    "postgres": args.postgres,
                    "queries_demo": demo,
                    "queries_full": full,
                    "renditions": [renditions_before, renditions_after],
                    "results": {
                        f"{name} x{workers}": runs for (name, workers), runs in results.items()
                    },
                },
                indent=2,
                default=str,
            )
        )
    if args.profile:
        slowest = min(
            pages,
            key=lambda p: max(
                w["rps"] for runs in results.values() for w in runs["pages"][p[1]]["wrk"]
            ),
        )
        tool = install_tool("pyinstrument")
        print()
        subprocess.run(
            [PYTHON, BENCH / "profile_page.py", slowest[1]],
            cwd=ROOT,
            env={**env, "PYTHONPATH": str(tool)},
            check=False,
        )


if __name__ == "__main__":
    main()
