"""Profile the rendering of one page in-process: where its CPU time goes.

    .venv/bin/python bench/profile_page.py /en/news/ [N]

Run it with the bench environment (the data dir of a `bench/run_pages.sh --keep` run):
`CIOR_VAR_DIR=<dir> DEBUG=0 SECRET_KEY=x ALLOWED_HOSTS=127.0.0.1`. The page is requested a few
times to warm up, then N times (default 200) to time one render (CPU and wall), then N times
under cProfile: the table lists the project's functions and the library steps known to cost
(routing, view restrictions, SQL compile and execute, image tags, page URLs, translations),
by cumulative time, as a share of the render. With pyinstrument on PYTHONPATH
(bench/run_pages.sh --profile installs it outside .venv), its call tree follows.

In-process renders use Django's test client: its database connection stays open between
requests, where a server's may be closed and opened again for each one (see README).
"""

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cior.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

# Library functions worth a line: (file suffix, function name).
STEPS = [
    ("wagtail/models/pages.py", "route_for_request"),
    ("wagtail/models/sites.py", "find_for_request"),
    ("wagtail/models/pages.py", "get_view_restrictions"),
    ("wagtail/models/i18n.py", "get_active"),
    ("wagtail/models/i18n.py", "localized"),
    ("wagtail/models/specific.py", "get_specific"),
    ("wagtail/models/pages.py", "serve"),
    ("django/db/models/sql/compiler.py", "as_sql"),
    ("django/db/models/sql/compiler.py", "execute_sql"),
    ("django/db/backends/utils.py", "execute"),
    ("django/db/models/base.py", "from_db"),
    ("django/core/paginator.py", "get_page"),
    ("django/template/response.py", "render"),
    ("wagtail/images/templatetags/wagtailimages_tags.py", "render"),
    ("wagtail/images/models.py", "get_renditions"),
    ("wagtail/images/models.py", "get_rendition"),
    ("wagtail/images/models.py", "__html__"),
    ("wagtail/templatetags/wagtailcore_tags.py", "pageurl"),
    ("wagtail/templatetags/wagtailcore_tags.py", "render"),  # include_block
    ("django/utils/translation/trans_real.py", "gettext"),
    ("django/templatetags/static.py", "render"),
    ("django/core/cache/backends/filebased.py", "get"),
    ("django/core/cache/backends/filebased.py", "set"),
    ("django/db/backends/base/base.py", "connect"),
]


def timed(client, path, repeat):
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        client.get(path)
    return (
        (time.process_time() - cpu) / repeat * 1000,
        (time.perf_counter() - started) / repeat * 1000,
    )


def table(stats, repeat):
    total = max(
        (
            ct
            for (f, _l, name), (_c, _n, _t, ct, _) in stats.stats.items()
            if name == "get_response"
        ),
        default=0,
    )
    rows = []
    for (filename, line, name), (_cc, calls, _tt, cumulative, _callers) in stats.stats.items():
        ours = filename.startswith(str(ROOT)) and "/.venv/" not in filename
        known = any(filename.endswith(suffix) and name == step for suffix, step in STEPS)
        if not (ours or known) or filename.endswith("profile_page.py"):
            continue
        where = filename[len(str(ROOT)) + 1 :] if ours else filename.split("site-packages/")[-1]
        rows.append((cumulative, calls / repeat, f"{where}:{line} {name}"))
    rows.sort(reverse=True)
    print(f"{'share':>6} {'calls':>7}  function (cumulative time, under cProfile)")
    for cumulative, calls, label in rows[:45]:
        if total and cumulative / total >= 0.005:
            print(f"{cumulative / total:6.1%} {calls:7.1f}  {label}")


def main(path, repeat):
    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(5):
        status = client.get(path).status_code
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
    cpu, wall = timed(client, path, repeat)
    print(
        f"{path}: {cpu:.2f} ms CPU, {wall:.2f} ms wall per render in-process, without profiler "
        f"({repeat} renders; wall > CPU means waiting: I/O or other processes on the cores)\n"
    )
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(repeat):
        client.get(path)
    profile.disable()
    if os.environ.get("PROFILE_DUMP"):  # for pstats' callers and callees
        profile.dump_stats(os.environ["PROFILE_DUMP"])
    table(pstats.Stats(profile), repeat)
    try:
        from pyinstrument import Profiler
    except ImportError:
        return
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(repeat):
        client.get(path)
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "/en/news/",
        int(sys.argv[2]) if len(sys.argv) > 2 else 200,
    )
