"""Fault injection: the site degrades, never falls over (bench/README.md).

    .venv/bin/python bench/faults.py [--keep]

One throwaway set-up (deploy/two_servers.py's Cluster: a PostgreSQL database reached by the
app servers through a TCP proxy, a private Redis, two gunicorn servers behind the edge cache,
production settings, the demo), then each fault in turn, each with a PASS/FAIL line:

1. PostgreSQL cut off (the proxy drops every connection and refuses new ones, as a stopped
   server does): the app answers 503 with Retry-After, in the page's language, one log line
   per failure and no traceback; the edge still serves the pages it holds; service comes back
   by itself when the database does.
2. Slow clients: four clients sending one byte a second. Straight at a gunicorn server they
   hold its sync workers (shown, not a verdict); through the edge, the site stays responsive.
3. Redis stopped: pages still answer 200 (the cache is an optimisation).
4. Every app server stopped: the edge still serves the public pages it holds.
"""

import argparse
import re
import socket
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
sys.path.insert(0, str(ROOT / "bench"))

import pages  # noqa: E402
import two_servers  # noqa: E402
from two_servers import request  # noqa: E402

log = pages.log
HELD = ["/en/", "/fr/", "/en/news/"]
SEARCH_EN, SEARCH_FR = "/en/search/?q=congress", "/fr/search/?q=congres"


def timed(port, path, timeout=10, **kwargs):
    started = time.perf_counter()
    try:
        status, headers, body = request(port, path, timeout=timeout, **kwargs)
    except OSError as error:
        return None, {}, str(error).encode(), time.perf_counter() - started
    return status, headers, body, time.perf_counter() - started


def gunicorn_log(cluster, port):
    return (cluster.var_dir / f"gunicorn-{port}.log").read_text(errors="replace")


def database_down(cluster, app, other):
    log_before = gunicorn_log(cluster, app)
    cluster.proxy.cut()
    en = timed(app, SEARCH_EN)
    fr = timed(app, SEARCH_FR)
    home = timed(app, "/en/")
    login = timed(app, "/accounts/login/")
    edge = [timed(cluster.edge_port, path) for path in HELD]
    new_log = gunicorn_log(cluster, app)[len(log_before) :]
    lines = [line for line in new_log.splitlines() if line.strip()]
    unavailable = [line for line in lines if "Service unavailable" in line]
    cluster.proxy.restore()
    began = time.monotonic()
    while timed(app, SEARCH_EN)[0] != 200 and time.monotonic() - began < 30:
        time.sleep(0.2)
    back = time.monotonic() - began
    ok = (
        en[0] == 503
        and en[1].get("retry-after") == "30"
        and b"The site is briefly unavailable" in en[2]
        and fr[0] == 503
        and "brièvement indisponible".encode() in fr[2]
        and all(e[0] == 200 for e in edge)
        and "Traceback" not in new_log
        and len(unavailable) == len(lines)
        and back < 30
    )
    return ok, (
        f"search EN {en[0]} Retry-After {en[1].get('retry-after')} in {en[3] * 1000:.0f} ms, "
        f"FR {fr[0]} ({'French' if b'indisponible' in fr[2] else 'not French'}); "
        f"home {home[0]}, login {login[0]}; edge {[e[0] for e in edge]} "
        f"({', '.join(e[1].get('x-cache-status', '-') for e in edge)}); "
        f"log: {len(lines)} lines, {len(unavailable)} 'Service unavailable', "
        f"{new_log.count('Traceback')} tracebacks; back {back:.1f} s after the database"
    )


def slow_client(port, stop):
    """Send a POST's headers, then its body one byte a second until `stop` is set."""
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(
            b"POST /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
        )
        while not stop.is_set():
            sock.sendall(b"x")
            stop.wait(1)
        sock.close()
    except OSError:
        pass


def with_slow_clients(port, probe_port, path, seconds=6):
    stop = threading.Event()
    threads = [threading.Thread(target=slow_client, args=(port, stop)) for _ in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(1)
    results = [timed(probe_port, path, timeout=seconds) for _ in range(3)]
    stop.set()
    for thread in threads:
        thread.join()
    return results


def slow_clients(cluster, app, other):
    # A query string that the edge has not cached: each probe reaches an app server.
    direct = with_slow_clients(app, app, "/en/news/?slow=direct")
    edge = with_slow_clients(cluster.edge_port, cluster.edge_port, "/en/search/?q=slow")
    worst = max(r[3] for r in edge)
    ok = all(r[0] == 200 for r in edge) and worst < 2
    shown = ", ".join(
        "timeout" if r[0] is None else f"{r[0]} in {r[3] * 1000:.0f} ms" for r in direct
    )
    return ok, (
        f"4 clients at 1 byte/s: straight at gunicorn ({cluster.workers} sync workers) the "
        f"probes got [{shown}]; through the edge "
        f"[{', '.join(f'{r[0]} in {r[3] * 1000:.0f} ms' for r in edge)}]"
    )


def redis_down(cluster, app, other):
    cluster.stop_redis()
    results = [timed(app, path) for path in ("/en/", "/fr/", "/en/news/", SEARCH_EN)]
    cluster.start_redis()
    ok = all(r[0] == 200 for r in results)
    return ok, "Redis stopped: " + ", ".join(
        f"{path} {r[0]} in {r[3] * 1000:.0f} ms"
        for path, r in zip(("/en/", "/fr/", "/en/news/", "search"), results, strict=True)
    )


def apps_down(cluster, app, other):
    return two_servers.check_edge_without_apps(cluster, HELD)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    cluster = two_servers.Cluster(keep=args.keep, db_proxy=True, prefix="cior-faults-")
    cluster.prepare()
    app, other = cluster.start_app(), cluster.start_app()
    cluster.start_edge([app, other])
    for path in HELD * 2:
        request(cluster.edge_port, path)
    results = []
    for name, function in (
        ("PostgreSQL cut off", database_down),
        ("slow clients", slow_clients),
        ("Redis stopped", redis_down),
        ("every app server stopped", apps_down),
    ):
        try:
            ok, detail = function(cluster, app, other)
        except Exception as error:
            ok, detail = False, f"{type(error).__name__}: {error}"
        results.append((name, ok, detail))
        log(f"{'PASS' if ok else 'FAIL'} {name}: {detail}")
    print()
    print("| fault | verdict | what happened |")
    print("|---|---|---|")
    for name, ok, detail in results:
        print(f"| {name} | {'PASS' if ok else 'FAIL'} | {re.sub(r'[|]', '/', detail)} |")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
