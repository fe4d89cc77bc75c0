"""Measure the API's rankings of a competition under load, production configuration.

    .venv/bin/python bench/api_rankings.py [--teams 100] [--duration 15] [--connections 200]
                                           [--workers 4] [--keep | --reuse DIR]
                                           [--rate-limit off] [--redis URL]

A measurement, not a test (see bench/README.md, "API rankings"). The same data as the MILCOMP
live bench (bench/milcomp_live.py: a running competition "bench" of --teams teams, every
discipline entered), then gunicorn on 127.0.0.1 and `wrk` on:

- every ranking of the competition (`/api/v1/milcomp/competitions/bench/rankings/`), 200 from
  the cache, gzip-compressed as HTTP clients ask (`Accept-Encoding: gzip`), in English and in
  French, and uncompressed (a client that does not take gzip);
- the same with If-None-Match (304: what a polling client sends), both encodings;
- one ranking (the overall), gzip.

The rate limit stays on by default (its counter in the shared cache), raised so that wrk's
single address is never refused; `--rate-limit off` measures without it (a proxy's limit).
PASS when every ranking answers at least 1000 req/s without errors.
"""

import argparse
import os
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import milcomp_live  # noqa: E402  (the data and wrk runs of the MILCOMP live bench)
import pages  # noqa: E402
from pages import cpu_seconds, fetch, free_port, log, start_server, worker_pids  # noqa: E402

MIN_RPS = 1000
ALL = f"/api/v1/milcomp/competitions/{milcomp_live.SLUG}/rankings/"
REFERENCE = "reference: MILCOMP live fragment (HTML), 200"


def measure(args, env, var_dir):
    log(f"{args.workers} gunicorn workers on 127.0.0.1:{args.port}")
    process, stop = start_server("gunicorn", args.port, args.workers, env, var_dir)
    gzip = "Accept-Encoding: gzip"  # what browsers, curl --compressed and requests send
    runs = [
        ("every ranking, 200 from cache, gzip (en)", ALL, [gzip]),
        ("every ranking, 200 from cache, gzip (fr)", ALL + "?lang=fr", [gzip]),
        ("every ranking, 200 from cache, uncompressed (en)", ALL, []),
        ("every ranking, 304 (If-None-Match), gzip", ALL, [gzip, "If-None-Match: {etag_gzip}"]),
        ("every ranking, 304 (If-None-Match), uncompressed", ALL, ["If-None-Match: {etag}"]),
        ("overall ranking, 200 from cache, gzip", ALL + "overall/", [gzip]),
        # The same machine's yardstick: the live results fragment, a plain Django view.
        (REFERENCE, f"/en/milcomp/results/{milcomp_live.SLUG}/live/", []),
    ]
    for _label, path, _headers in runs:
        status, body = fetch(args.port, path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}: {body[:300]}")
        pages.wrk(args.port, path, 1, 2 * args.workers, 2)  # warm every worker up
    etag = milcomp_live.etag_of(args.port, ALL)
    etag_gzip = etag_of(args.port, ALL, {"Accept-Encoding": "gzip"})
    size = len(fetch(args.port, ALL)[1])
    log(f"every ranking: {size} bytes")
    measured = []
    for label, path, headers in runs:
        headers = [h.format(etag=etag, etag_gzip=etag_gzip) for h in headers]
        pids = [process.pid, *worker_pids(process.pid)]
        before = cpu_seconds(pids)
        result = milcomp_live.wrk(args.port, path, args, headers)
        result["cpu_ms"] = sum(
            (after - b) * 1000 for after, b in zip(cpu_seconds(pids), before, strict=True)
        ) / max(1, result["requests"])
        result["load"] = os.getloadavg()[0]
        log(
            f"{label}: {result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, "
            f"{result['errors']} errors"
        )
        measured.append((label, result))
    stop()
    return measured, size


def etag_of(port, path, headers):
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **headers})
        response = connection.getresponse()
        response.read()
        if response.getheader("Content-Encoding") != "gzip":
            raise SystemExit(f"{path} did not answer gzip to Accept-Encoding: gzip")
        return response.getheader("ETag")
    finally:
        connection.close()


def report(args, measured, size):
    lines = [
        f"API rankings, {args.teams} teams ({size} bytes of JSON), gunicorn x{args.workers} on "
        f"{os.cpu_count()} cores, wrk -t{args.threads} -c{args.connections} -d{args.duration}s",
        "",
        "| measurement | req/s | p50 ms | p99 ms | CPU ms/req | errors | load | verdict |",
        "|---|---|---|---|---|---|---|---|",
    ]
    failed = False
    for label, r in measured:
        ok = r["rps"] >= MIN_RPS and not r["errors"]
        verdict = ("PASS" if ok else "FAIL") + f" (>= {MIN_RPS} req/s)"
        if label == REFERENCE:
            verdict = "-"
        else:
            failed |= not ok
        lines.append(
            f"| {label} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['cpu_ms']:.2f} "
            f"| {r['errors']} | {r['load']:.1f} | {verdict} |"
        )
    print("\n".join(lines), flush=True)
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--teams", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--reuse", metavar="DIR")
    parser.add_argument(
        "--redis",
        metavar="URL",
        help="REDIS_URL of the server (the production cache: results, rankings, counters)",
    )
    parser.add_argument(
        "--rate-limit",
        default="1000000000/minute",
        help="API_RATE_LIMIT of the server ('off': no limit in the app, as behind a proxy's)",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    args.port = args.port or free_port()
    log(f"load average before: {os.getloadavg()}")
    env, var_dir = pages.make_env(
        SimpleNamespace(reuse=args.reuse, keep=args.keep, postgres=False),
        prefix="cior-bench-api-",
    )
    env["API_RATE_LIMIT"] = args.rate_limit
    log(f"API_RATE_LIMIT={args.rate_limit}")
    if args.redis:
        env["REDIS_URL"] = args.redis
        log(f"REDIS_URL={args.redis}")
    if not args.reuse:
        milcomp_live.prepare(args, env, var_dir)
    measured, size = measure(args, env, var_dir)
    failed = report(args, measured, size)
    log(f"load average after: {os.getloadavg()}")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
