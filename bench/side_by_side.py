"""The same home page bytes from five servers side by side, in one run (bench/README.md).

    .venv/bin/python bench/side_by_side.py [--duration 8] [--repeat 2] [--keep]

One throwaway set-up (deploy/two_servers.py's Cluster: a PostgreSQL database, a private Redis,
production settings, the demo), then `wrk -t2 -c16` for each of:

1. nginx serving a static copy of the home page's bytes (a file);
2. a bare Django view returning those bytes through the project's middleware stack
   (bench/bare_settings.py: the same settings, one extra URL);
3. the project's home through the edge cache (deploy/nginx/cior.conf, a HIT);
4. the project's home from the app with its shared cache (Redis): the in-app page cache;
5. the project's home uncached (bench/uncached_settings.py: the dummy cache backend, so every
   request renders from the database);
6. the home, the news index, an article and an event with the page cache off
   (CIOR_PAGE_CACHE_SECONDS=0) and the shared cache on: a page-cache miss in production, which
   reads what the page shows from the shared cache (core.cache);
7. the live MILCOMP results fragment, through the edge (1-second micro-cache) and direct.

Every app server is gunicorn with 2 x cores sync workers. Targets: edge >= 90 % of nginx
static; in-app cache >= 90 % of the bare view; page-cache misses >= 300 req/s (their share of
the bare view is printed too: this machine's speed varies from run to run); live fragment
>= 1000 req/s.
"""

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
sys.path.insert(0, str(ROOT / "bench"))

import pages  # noqa: E402
import two_servers  # noqa: E402

FIND_LIVE = """
from milcomp.models import Competition
from news.models import ArticlePage
from events.queries import public_events
competition = Competition.objects.order_by("-year").first()
print("SLUG", competition.slug if competition else "")
article = ArticlePage.objects.live().filter(locale__language_code="en").order_by("-date").first()
print("ARTICLE", article.url if article else "")
event = public_events().order_by("starts_on").first()
print("EVENT", event.slug if event else "")
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    args = parser.parse_args()

    cluster = two_servers.Cluster(keep=args.keep, workers=args.workers, prefix="cior-side-")
    cluster.prepare()
    app = cluster.start_app()
    status, _, home = two_servers.request(app, "/en/")
    assert status == 200
    body = cluster.var_dir / "home.html"
    body.write_bytes(home)
    static_dir = cluster.var_dir / "static-copy"
    static_dir.mkdir()
    (static_dir / "home.html").write_bytes(home)
    static_port = pages.free_port()
    cluster.start_edge(
        [app],
        extra_servers=(
            f"  server {{\n    listen 127.0.0.1:{static_port};\n"
            f"    location / {{ root {static_dir}; try_files /home.html =404;"
            " default_type text/html; }\n  }\n"
        ),
    )
    bare_env = {
        **cluster.env,
        "DJANGO_SETTINGS_MODULE": "bare_settings",
        "PYTHONPATH": str(ROOT / "bench"),
        "CIOR_BARE_BODY": str(body),
    }
    bare = cluster.start_app(env=bare_env)
    uncached = cluster.start_app(
        env={**cluster.env, "DJANGO_SETTINGS_MODULE": "uncached_settings",
             "PYTHONPATH": str(ROOT / "bench")}
    )  # fmt: skip
    missing = cluster.start_app(env={**cluster.env, "CIOR_PAGE_CACHE_SECONDS": "0"})
    found = cluster.shell(FIND_LIVE, "find a competition, an article and an event")
    slug = re.search(r"^SLUG (\S*)", found, re.M)
    live = f"/en/milcomp/results/{slug.group(1)}/live/" if slug and slug.group(1) else None
    article = re.search(r"^ARTICLE (\S*)", found, re.M)
    event = re.search(r"^EVENT (\S*)", found, re.M)

    rows = [
        ("nginx static copy", static_port, "/en/"),
        ("bare Django view, same middleware", bare, "/en/bare/"),
        ("home through the edge cache", cluster.edge_port, "/en/"),
        ("home from the in-app cache", app, "/en/"),
        ("home uncached", uncached, "/en/"),
        ("home, page-cache miss", missing, "/en/"),
        ("news index, page-cache miss", missing, "/en/news/"),
    ]
    if article and article.group(1):
        rows.append(("article, page-cache miss", missing, article.group(1)))
    if event and event.group(1):
        rows.append(("event, page-cache miss", missing, f"/en/events/{event.group(1)}/"))
    if live:
        rows += [
            ("live results fragment, edge", cluster.edge_port, live),
            ("live results fragment, app", app, live),
        ]
    sizes = {}
    for name, port, path in rows:
        status, headers, data = two_servers.request(port, path)
        sizes[name] = (status, len(data), headers.get("x-cache-status", ""))
        pages.wrk(port, path, 1, 4, 2)  # warm up
    runs = {name: [] for name, *_ in rows}
    load = [os.getloadavg()[0]]
    for _ in range(args.repeat):
        for name, port, path in rows:
            runs[name].append(pages.wrk(port, path, 2, 16, args.duration))
    load.append(os.getloadavg()[0])
    best = {name: max(r["rps"] for r in results) for name, results in runs.items()}

    def share(a, b):
        return best[a] / best[b] if best[b] else 0

    edge_share = share("home through the edge cache", "nginx static copy")
    app_share = share("home from the in-app cache", "bare Django view, same middleware")
    print()
    print(
        f"## Side by side, {time.strftime('%Y-%m-%d %H:%M')}: wrk -t2 -c16 -d{args.duration}s, "
        f"best of {args.repeat}, gunicorn {args.workers} sync workers, PostgreSQL + Redis, "
        f"load average {load[0]:.1f} -> {load[1]:.1f}"
    )
    print()
    print("| server | bytes | req/s (runs) | p50 ms | p99 ms | non-2xx | share | target |")
    print("|---|---|---|---|---|---|---|---|")
    live_rps = best.get("live results fragment, edge", 0)
    targets = {
        "home through the edge cache": (f"{edge_share:.0%} of nginx", ">= 90 %", edge_share >= 0.9),
        "home from the in-app cache": (f"{app_share:.0%} of bare", ">= 90 %", app_share >= 0.9),
        "live results fragment, edge": ("", ">= 1000", live_rps >= 1000),
    }
    bare_name = "bare Django view, same middleware"
    for name, *_ in rows:
        if name.endswith("page-cache miss"):
            shown = f"{share(name, bare_name):.1%} of bare"
            targets[name] = (shown, ">= 300", best[name] >= 300)
    for name, *_ in rows:
        top = max(runs[name], key=lambda r: r["rps"])
        shown, target, ok = targets.get(name, ("", "", None))
        verdict = "" if ok is None else (" PASS" if ok else " FAIL")
        every = "/".join(f"{r['rps']:.0f}" for r in runs[name])
        status, size, cache = sizes[name]
        print(
            f"| {name} | {size}{' ' + cache if cache else ''} | {top['rps']:.0f} ({every}) | "
            f"{top['p50']:.1f} | {top['p99']:.1f} | {top['errors']} | {shown} | "
            f"{target}{verdict} |"
        )
    same = sizes["nginx static copy"][1] == sizes["home through the edge cache"][1]
    print()
    print(f"Same bytes from the static copy and the edge: {same}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
