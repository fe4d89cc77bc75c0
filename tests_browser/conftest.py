"""Browser tests: the site with its demo content in a real server, visited with Chromium.

The server and the browser live as long as this package's tests (package scope), so they are
gone before any other test runs: Playwright's sync API keeps an event loop running, which
Django's async-safety check would take for an async context.
"""

import hashlib
import importlib.metadata
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests_browser.site_pages import SiteMap

BASE_DIR = Path(__file__).resolve().parent.parent
ARTIFACTS_DIR = BASE_DIR / "test-artifacts"
# Migrated empty databases, by digest of what the schema depends on (saves ~15 s a run).
MIGRATED_DB_CACHE = Path(tempfile.gettempdir()) / "cior-browser-tests"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
# Settings the server must not inherit from the shell that runs the tests.
FOREIGN_SETTINGS = [
    "DATABASE_URL",
    "REDIS_URL",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "ALLOWED_HOSTS",
    "SITE_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_COOKIES",
    "SECURE_HSTS_SECONDS",
]
# Recorded in every page before its own scripts run; CSP does not apply to it.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""

expect.set_options(timeout=10_000)  # The machine may be busy with other test runs.

_server_log = None  # The running server's log file, shown with each failure.
_log_offset = pytest.StashKey[int]()  # Its size when a test started.


def _manage(*args, env):
    """Run a manage.py command for the test site; fail with its output if it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} failed (exit {result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-6000:]}",
            pytrace=False,
        )


def _schema_key():
    """Return a digest of what the migrated schema depends on: migrations and packages."""
    digest = hashlib.sha256(sys.version.encode())
    distributions = importlib.metadata.distributions()
    packages = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in distributions)
    digest.update(" ".join(packages).encode())
    for path in sorted(BASE_DIR.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _migrate(var_dir, env):
    """Migrate the test site's database, or copy one migrated earlier from the same sources."""
    database = var_dir / "db.sqlite3"
    cached = MIGRATED_DB_CACHE / f"{_schema_key()}.sqlite3"
    if cached.exists():
        shutil.copyfile(cached, database)
        return
    _manage("migrate", "--no-input", "--skip-checks", env=env)
    MIGRATED_DB_CACHE.mkdir(exist_ok=True)
    for outdated in MIGRATED_DB_CACHE.glob("*.sqlite3"):
        outdated.unlink(missing_ok=True)
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
    # SQLite's backup reads through the write-ahead log; a file copy might miss part of it.
    with sqlite3.connect(database) as source, sqlite3.connect(partial) as target:
        source.backup(target)
    source.close()
    target.close()
    os.replace(partial, cached)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_answering(url, server, log, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"The server stopped (exit {server.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/robots.txt", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    pytest.fail(f"The server did not answer within {timeout}s:\n{log.read_text()}")


@pytest.fixture(scope="package")
def site_url(tmp_path_factory):
    """Migrate a fresh SQLite database, load the demo content, serve it; yield the base URL.

    CIOR_BROWSER_TEST_URL=http://127.0.0.1:8000 tests a site already running with the demo
    content (bin/run) instead.
    """
    global _server_log
    if os.environ.get("CIOR_BROWSER_TEST_URL"):
        yield os.environ["CIOR_BROWSER_TEST_URL"].rstrip("/")
        return
    var_dir = tmp_path_factory.mktemp("cior-var")
    (var_dir / "static").mkdir()
    env = {name: value for name, value in os.environ.items() if name not in FOREIGN_SETTINGS}
    env.update(
        CIOR_VAR_DIR=str(var_dir),
        SECRET_KEY="test",
        DJANGO_SETTINGS_MODULE="tests_browser.server_settings",
        PYTHONUNBUFFERED="1",
    )
    _migrate(var_dir, env)
    _manage("load_demo", env=env)

    port = _free_port()
    log = var_dir / "server.log"
    with log.open("wb") as log_file:
        server = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                f"127.0.0.1:{port}",
                "--noreload",
                "--skip-checks",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_answering(url, server, log)
        _server_log = log
        yield url
    finally:
        _server_log = None
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Attach what the server logged during a failed test to its report."""
    report = yield
    log = _server_log
    if log is not None and log.exists():
        size = log.stat().st_size
        if call.when == "setup":
            item.stash[_log_offset] = size
        elif report.failed:
            with log.open("rb") as log_file:
                log_file.seek(item.stash.get(_log_offset, 0))
                text = log_file.read().decode(errors="replace")
            report.sections.append(("CIOR server log during this test", text[-8000:]))
    return report


@pytest.fixture(scope="package")
def site_map(site_url):
    """The live pages' paths, read from the site's /sitemap.xml."""
    with urllib.request.urlopen(f"{site_url}/sitemap.xml", timeout=10) as response:
        return SiteMap.from_xml(response.read())


@pytest.fixture(scope="package")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@dataclass
class ConsoleProblems:
    """The console errors and uncaught exceptions of a test's pages."""

    problems: list = field(default_factory=list)
    expected_404s: set = field(default_factory=set)

    def unexpected(self):
        """Return the problems other than the 404 of a page the test meant to be missing."""
        return [
            (url, text)
            for url, text in self.problems
            if not (url in self.expected_404s and "status of 404" in text)
        ]


@pytest.fixture
def viewport():
    return "desktop"


@pytest.fixture
def console():
    return ConsoleProblems()


@pytest.fixture
def page(browser, site_url, viewport, console):
    """A page in a fresh browser context; fails the test if any page logged a console error."""
    context = browser.new_context(base_url=site_url, locale="en-GB", **VIEWPORTS[viewport])
    context.add_init_script(CSP_RECORDER)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.set_default_navigation_timeout(20_000)
    page.on(
        "console",
        lambda message: (
            console.problems.append((message.location.get("url") or page.url, message.text))
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: console.problems.append((page.url, f"Uncaught {error}")))
    yield page
    context.close()
    unexpected = console.unexpected()
    assert not unexpected, "Console errors or CSP violations:\n" + "\n".join(
        f"  {url}: {text}" for url, text in unexpected
    )


@pytest.fixture(scope="session")
def artifacts_dir():
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR
