"""Two app servers on this machine behind the edge cache, sharing one PostgreSQL and one Redis.

    deploy/two_servers.sh --check     # what bin/test runs: set up, check, clean up (~2-3 min)
    deploy/two_servers.sh --serve     # set up and keep serving until Ctrl-C (URLs printed)

Set-up (all throwaway, removed on exit, Ctrl-C included): a data dir (media, static files,
logs), a database `cior_two_<pid>` on the PostgreSQL of 127.0.0.1:5432, a private Redis on a
free port (cache, sessions, locks), `migrate`, `collectstatic`, `load_demo`, two gunicorn app
servers (2 sync workers each, production settings: DEBUG off, REDIS_URL, CIOR_EDGE_PURGE_URL)
and nginx with deploy/nginx/cior.conf (its paths and ports replaced) in front of both.

`--check` then verifies, each with a PASS/FAIL line:
1. a page published through server 1 (Wagtail's revision API, as the admin does) is fresh
   through the edge (Wagtail's purge) and through server 2 within one second;
2. a session made on server 1 (a real login through the allauth form) works on server 2,
   and the edge lets it through (BYPASS);
3. a registration burst spread over both servers never overbooks (bench/registrations.py's
   seed, load and check);
4. backup, wipe (the database dropped, media removed, Redis flushed), restore: server 1 then
   serves the same page bytes as before (deploy/backup.sh, deploy/restore.sh);
5. with both app servers down, the edge still serves the pages it holds.

Standard library only; runs in the project's .venv (pages.py's helpers for subprocesses and
clean-up on exit). bench/faults.py and bench/side_by_side.py build on the same `Cluster`.
"""

import argparse
import contextlib
import hashlib
import hmac
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
sys.path.insert(0, str(ROOT / "bench"))

import pages  # noqa: E402  (bench's helpers: log, on_exit, run, free_port, fetch, wrk)
import registrations  # noqa: E402

PG = ["-h", "127.0.0.1", "-p", "5432"]
log = pages.log


# --- HTTP ---------------------------------------------------------------------------------


def request(port, path, *, method="GET", headers=None, body=None, timeout=10):
    """Return (status, headers dict with lower-case names, body bytes); cookies as a list."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})}
        )
        response = connection.getresponse()
        data = response.read()
        found = {name.lower(): value for name, value in response.getheaders()}
        found["set-cookie"] = [v for n, v in response.getheaders() if n.lower() == "set-cookie"]
        return response.status, found, data
    finally:
        connection.close()


def cookie_value(headers, name):
    for line in headers.get("set-cookie", []):
        match = re.match(rf"{name}=([^;]*)", line)
        if match:
            return match.group(1)
    return None


# --- the database proxy (to cut PostgreSQL off in bench/faults.py) ---------------------------


class TcpProxy:
    """Forward 127.0.0.1:<port> to PostgreSQL; `cut()` drops every connection and refuses new
    ones, as a stopped database server does; `restore()` accepts again."""

    def __init__(self, target_port=5432):
        self.target = ("127.0.0.1", target_port)
        self.port = pages.free_port()
        self.sockets = set()
        self.lock = threading.Lock()
        self.listener = None
        self.restore()

    def restore(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        # shutdown() wakes the thread blocked in accept(); close() alone would leave it
        # accepting on the still-open socket.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            for sock in list(self.sockets):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.sockets.update({client, upstream})
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def databases():
    out = subprocess.run(
        ["psql", *PG, "-d", "postgres", "-Atc", "select datname from pg_database"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return set(out.stdout.split())


def demo_fingerprint():
    """A hash of what the prepared database and files depend on: migrations, the demo
    loaders, static files, settings and the locked dependencies."""
    digest = hashlib.sha256(time.strftime("%Y-%m-%d").encode())  # the demo's dates are relative
    patterns = ["*/migrations/*.py", "*/demo*.py", "*/demo/**/*", "static/**/*",
                "cior/settings.py", "uv.lock", "*/management/commands/load_demo.py"]  # fmt: skip
    files = sorted({p for pattern in patterns for p in ROOT.glob(pattern) if p.is_file()})
    for path in files:
        if ".venv" in path.parts:
            continue
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# --- the cluster ----------------------------------------------------------------------------


class Cluster:
    """PostgreSQL database, Redis, app servers and the edge, all throwaway."""

    def __init__(self, *, keep=False, db_proxy=False, workers=2, prefix="cior-two-"):
        self.var_dir = Path(tempfile.mkdtemp(prefix=prefix))
        os.chmod(self.var_dir, 0o755)  # nginx's workers read media and the static copy
        self.logfile = self.var_dir / "setup.log"
        self.workers = workers
        self.apps = {}  # port -> stop function
        if not keep:
            pages.on_exit(lambda: shutil.rmtree(self.var_dir, ignore_errors=True))
        self.db_name = f"cior_two_{os.getpid()}"
        subprocess.run(["createdb", *PG, self.db_name], check=True)
        if not keep:
            pages.on_exit(
                lambda: subprocess.run(
                    ["dropdb", "--if-exists", "--force", *PG, self.db_name], check=False
                )
            )
        self.db_url = f"postgres://127.0.0.1:5432/{self.db_name}"
        self.proxy = TcpProxy() if db_proxy else None
        app_db_url = (
            f"postgres://127.0.0.1:{self.proxy.port}/{self.db_name}" if self.proxy else self.db_url
        )
        self.redis_port = pages.free_port()
        self.start_redis()
        self.edge_port = pages.free_port()
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "PYTHONPATH"}
        }
        self.env.update(
            CIOR_VAR_DIR=str(self.var_dir),
            DEBUG="0",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=app_db_url,
            REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            CIOR_EDGE_PURGE_URL=f"http://127.0.0.1:{self.edge_port}",
            LOG_LEVEL="WARNING",
            PYTHONDONTWRITEBYTECODE="1",
        )
        # Management commands talk to PostgreSQL directly (the proxy is for the app servers).
        self.manage_env = {**self.env, "DATABASE_URL": self.db_url}
        log(f"data dir {self.var_dir}, database {self.db_name}, Redis :{self.redis_port}")

    # Redis -----------------------------------------------------------------------------

    def start_redis(self):
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.var_dir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        redis = self.redis
        pages.on_exit(lambda: redis.poll() is None and (redis.terminate(), redis.wait()))
        for _ in range(50):
            if self.redis_cli("ping") == "PONG":
                return
            time.sleep(0.1)
        raise SystemExit("Redis did not start")

    def stop_redis(self):
        self.redis.terminate()
        self.redis.wait()

    def redis_cli(self, *args):
        out = subprocess.run(
            ["redis-cli", "-p", str(self.redis_port), *args], capture_output=True, text=True
        )
        return out.stdout.strip()

    # Django ------------------------------------------------------------------------------

    @property
    def env_without_edge(self):
        """The servers' settings without the edge: data made for the checks, on no page they
        look at, needs no PURGE (each one a page render at the app)."""
        return {k: v for k, v in self.manage_env.items() if k != "CIOR_EDGE_PURGE_URL"}

    def manage(self, *args):
        # No edge to purge while the data is being made.
        pages.run(
            [pages.PYTHON, "manage.py", *args],
            self.env_without_edge, self.logfile, f"manage.py {args[0]}",
        )  # fmt: skip

    def shell(self, code, label):
        """Run `code` in `manage.py shell` (the servers' settings); return its stdout."""
        out = subprocess.run(
            [pages.PYTHON, "manage.py", "shell", "-c", code],
            cwd=ROOT, env=self.manage_env, capture_output=True, text=True,
        )  # fmt: skip
        if out.returncode:
            raise SystemExit(f"{label} failed:\n{out.stdout[-2000:]}\n{out.stderr[-3000:]}")
        return out.stdout

    def prepare(self):
        """migrate, collectstatic, load_demo; or, when an earlier run left them for the same
        migrations, demo and static files, a copy of its database (a PostgreSQL template)
        and of its media and static files: seconds instead of minutes."""
        self.manage("compilemessages", "--ignore=.venv", "-v0")
        fingerprint = demo_fingerprint()
        template = f"cior_two_tpl_{fingerprint}"
        saved = Path(tempfile.gettempdir()) / "cior-two-cache" / f"{fingerprint}.tar"
        if saved.exists() and template in databases():
            subprocess.run(["dropdb", *PG, self.db_name], check=True)
            subprocess.run(["createdb", *PG, "-T", template, self.db_name], check=True)
            subprocess.run(["tar", "-xf", saved, "-C", self.var_dir], check=True)
            log(f"database, media and static files copied from an earlier run ({template})")
            return
        # collectstatic reads no database: it runs beside migrate, on the other core.
        with ThreadPoolExecutor(max_workers=1) as pool:
            static = pool.submit(self.manage, "collectstatic", "--no-input", "-v0")
            self.manage("migrate", "--no-input", "-v0")
            static.result()  # its failure (SystemExit) is raised here
        self.manage("load_demo")
        for old in databases():
            if old.startswith("cior_two_tpl_"):
                subprocess.run(["dropdb", "--if-exists", *PG, old], check=False)
        made = subprocess.run(["createdb", *PG, "-T", self.db_name, template], check=False)
        if made.returncode == 0:
            shutil.rmtree(saved.parent, ignore_errors=True)
            saved.parent.mkdir(parents=True)
            partial = saved.with_suffix(".partial")
            subprocess.run(["tar", "-cf", partial, "-C", self.var_dir, "media", "static"],
                           check=True)  # fmt: skip
            partial.rename(saved)

    # app servers ---------------------------------------------------------------------------

    def start_app(self, port=None, env=None):
        port = port or pages.free_port()
        name = f"gunicorn-{port}"
        logfile = open(self.var_dir / f"{name}.log", "a")  # noqa: SIM115  (closed by stop())
        process = subprocess.Popen(
            [pages.PYTHON, "-m", "gunicorn", "cior.wsgi", "--workers", str(self.workers),
             "--worker-class", "sync", "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
             "--timeout", "120"],  # a worker's first request is slow on a busy machine
            cwd=ROOT, env=env or self.env, stdout=logfile, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

        def stop():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
            logfile.close()

        pages.on_exit(stop)
        self.apps[port] = stop
        deadline = time.monotonic() + 300  # a busy machine starts workers slowly
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {logfile.name}")
            try:
                if request(port, "/en/", timeout=30)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        else:
            raise SystemExit(f"gunicorn did not answer within 300 s; see {logfile.name}")
        for _ in range(self.workers * 3):  # warm every worker (URL map, templates)
            request(port, "/en/", timeout=30)
        return port

    def stop_app(self, port):
        self.apps.pop(port)()

    # the edge ------------------------------------------------------------------------------

    def edge_config(self, app_ports, extra_servers=""):
        """Render deploy/nginx/cior.conf for this machine: ports, paths, the app servers."""
        conf = (DEPLOY / "nginx" / "cior.conf").read_text()
        nginx_dir = self.var_dir / "nginx"
        upstream = "".join(
            f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;\n" for port in app_ports
        )
        conf = re.sub(r"(upstream cior_app \{\n(?:    #.*\n)*)(?:    server .*\n)+",
                      lambda m: m.group(1) + upstream, conf)  # fmt: skip
        conf = conf.replace("/var/cache/nginx/cior", str(nginx_dir / "cache"))
        conf = conf.replace("listen 80;", f"listen 127.0.0.1:{self.edge_port};")
        conf = conf.replace("/srv/cior/var/media/", f"{self.var_dir}/media/")
        for needed in (str(nginx_dir / "cache"), f"127.0.0.1:{self.edge_port}"):
            assert needed in conf, f"deploy/nginx/cior.conf changed shape: {needed} not set"
        (nginx_dir / "cior.conf").write_text(conf)
        temp = "\n".join(
            f"  {kind}_temp_path {nginx_dir / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        user = "user root;\n" if os.geteuid() == 0 else ""
        (nginx_dir / "nginx.conf").write_text(
            f"{user}worker_processes auto;\n"
            f"pid {nginx_dir / 'nginx.pid'};\nerror_log {nginx_dir / 'error.log'} warn;\n"
            "events { worker_connections 4096; }\n"
            "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            f"  access_log off;\n  sendfile on;\n{temp}\n"
            f"  include {nginx_dir / 'cior.conf'};\n{extra_servers}}}\n"
        )

    def start_edge(self, app_ports, extra_servers=""):
        nginx_dir = self.var_dir / "nginx"
        nginx_dir.mkdir(exist_ok=True)
        self.edge_config(app_ports, extra_servers)
        conf = str(nginx_dir / "nginx.conf")
        test = subprocess.run(
            ["nginx", "-t", "-q", "-e", str(nginx_dir / "error.log"), "-c", conf],
            capture_output=True, text=True,
        )  # fmt: skip
        if test.returncode:
            raise SystemExit(f"nginx -t failed:\n{test.stderr}")
        process = subprocess.Popen(
            ["nginx", "-e", str(nginx_dir / "error.log"), "-c", conf, "-g", "daemon off;"],
            start_new_session=True,
        )

        def stop():
            if process.poll() is None:
                process.terminate()
                process.wait(10)

        pages.on_exit(stop)
        for _ in range(50):
            try:
                request(self.edge_port, "/robots.txt")
                break
            except OSError:
                time.sleep(0.1)
        return self.edge_port


# --- the checks -----------------------------------------------------------------------------

EDIT_PAGE = """
import time
from wagtail.models import Page
from core.models import StandardPage
page = StandardPage.objects.live().filter(locale__language_code="en").order_by("path").first()
if {title!r}:
    print("EDITING", time.time(), flush=True)
    page.title = {title!r}
    page.save_revision().publish()  # its PURGEs are sent at the commit, inside publish()
    print("PUBLISHED", time.time(), flush=True)
print("URL", page.url)
"""


def first_standard_page(cluster):
    out = cluster.shell(EDIT_PAGE.format(title=""), "find a page")
    return re.search(r"^URL (\S+)", out, re.M).group(1)


def check_fresh_after_publish(cluster, server_1, server_2):
    """Publish a new title through server 1's settings; poll the edge and server 2 from the
    moment the publication is done (the shell reports it, then goes on exiting)."""
    path = first_standard_page(cluster)
    for _ in range(2):
        _status, headers, _ = request(cluster.edge_port, path)
    held = headers.get("x-cache-status")
    request(server_2, path)
    title = f"Edited on server one {secrets.token_hex(4)}"
    shell = subprocess.Popen(
        [pages.PYTHON, "manage.py", "shell", "-c", EDIT_PAGE.format(title=title)],
        cwd=ROOT, env=cluster.manage_env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    published = editing = None
    for line in shell.stdout:
        if line.startswith("EDITING"):
            editing = float(line.split()[1])
        if line.startswith("PUBLISHED"):
            published = float(line.split()[1])
            break
    if published is None:
        shell.wait()
        return False, "the publication failed"
    told = time.time()
    seen, first = {}, {}
    while len(seen) < 2 and time.time() < told + 5:
        for name, port in (("edge", cluster.edge_port), ("server 2", server_2)):
            if name not in seen:
                fresh = title.encode() in request(port, path)[2]
                first.setdefault(name, fresh)
                if fresh:
                    seen[name] = time.time() - published
        time.sleep(0.02)
    shell.communicate()
    # Fresh at the first look after the publication, or within one second of it.
    ok = held == "HIT" and len(seen) == 2
    ok = ok and all(first[name] or seen[name] <= 1.0 for name in seen)
    detail = (
        f"{path}: the edge held it ({held}); the new title "
        + ", ".join(
            f"{name}: {'at the first look' if first[name] else 'after'} {delay:.2f} s"
            for name, delay in seen.items()
        )
        + " after the publication"
        + ("" if len(seen) == 2 else " (not seen everywhere within 5 s)")
        + f"; the publication with the PURGEs of every page it changed took "
        f"{published - editing:.1f} s"
    )
    return ok, detail


def login(port, email, password, code=None):
    """Log in through allauth's form on `port` (then its two-factor step with `code()` when
    asked); return the session cookie value."""
    status, headers, body = request(port, "/accounts/login/")
    csrf = cookie_value(headers, "csrftoken")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = f"login={email}&password={password}&csrfmiddlewaretoken={token}"
    status, headers, _ = request(
        port,
        "/accounts/login/",
        method="POST",
        body=form,
        headers={
            "Cookie": f"csrftoken={csrf}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{port}/accounts/login/",
        },
    )
    if status != 302:
        raise SystemExit(f"login on :{port} answered {status}")
    session = cookie_value(headers, "sessionid")
    if "/2fa/authenticate/" in headers.get("location", "") and code is not None:
        session = second_factor(port, session, code())
    return session


def demo_totp_code(email, period=30):
    """The current code of a demo account's fixed secret (accounts.demo.demo_totp_secret),
    RFC 6238 with the standard library; waits for a fresh period when this one ends soon."""
    if period - time.time() % period < 5:
        time.sleep(period - time.time() % period + 0.1)
    key = hashlib.sha1(f"cior-demo:{email}".encode()).digest()  # the base32 secret's bytes
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // period), "sha1").digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**6:06d}"


def second_factor(port, session, code):
    """Answer allauth's two-factor step with `code`; return the full session's cookie."""
    path = "/accounts/2fa/authenticate/"
    status, headers, body = request(port, path, headers={"Cookie": f"sessionid={session}"})
    csrf = cookie_value(headers, "csrftoken")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    status, headers, _ = request(
        port,
        path,
        method="POST",
        body=f"code={code}&csrfmiddlewaretoken={token}",
        headers={
            "Cookie": f"sessionid={session}; csrftoken={csrf}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{port}{path}",
        },
    )
    if status != 302:
        raise SystemExit(f"two-factor step on :{port} answered {status}")
    return cookie_value(headers, "sessionid") or session


def check_shared_session(cluster, server_1, server_2):
    # A judge must give the second factor: the demo's fixed secret gives the current code.
    email = "judge@example.org"
    session = login(server_1, email, "cior-demo", code=lambda: demo_totp_code(email))
    cookie = {"Cookie": f"sessionid={session}"}
    anonymous = request(server_2, "/en/milcomp/judge/")[0]
    status = request(server_2, "/en/milcomp/judge/", headers=cookie)[0]
    edge_status, edge_headers, _ = request(cluster.edge_port, "/en/milcomp/judge/", headers=cookie)
    ok = anonymous == 302 and status == 200 and edge_status == 200
    ok = ok and edge_headers.get("x-cache-status") == "BYPASS"
    return ok, (
        f"judge page on server 2: {anonymous} without the cookie, {status} with the session "
        f"made on server 1; through the edge {edge_status} {edge_headers.get('x-cache-status')}"
    )


def check_registration_burst(cluster, server_1, server_2, *, requests=200, clients=20):
    seeded = cluster.var_dir / "seed.json"
    pages.run(
        [pages.PYTHON, registrations.__file__, "--seed", seeded, "--nations", "10",
         "--clients", str(clients), "--people", str(-(-requests // clients))],
        # (with the edge, its 33 writes each refreshed every page listing nations: 45 s)
        cluster.env_without_edge,
        cluster.logfile, "registrations seed",
    )  # fmt: skip
    data = json.loads(seeded.read_text())
    halves = [dict(data, clients=data["clients"][i::2]) for i in (0, 1)]
    results = [None, None]

    def burst(index, port):
        results[index] = registrations.fire(port, halves[index], requests // 2, clients // 2)

    threads = [
        threading.Thread(target=burst, args=(i, port))
        for i, port in enumerate((server_1, server_2))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    samples = results[0][0] + results[1][0]
    checked = cluster.var_dir / "check.json"
    pages.run([pages.PYTHON, registrations.__file__, "--check", checked],
              cluster.manage_env, cluster.logfile, "registrations check")  # fmt: skip
    figures = json.loads(checked.read_text())
    successes = sum(1 for _s, _ms, good in samples if good)
    overbooked = figures["over_quota"] + figures["over_capacity"]
    ok = (
        overbooked == 0
        and figures["duplicates"] == 0
        and successes == len(samples)
        and figures["registrations"] == successes
    )
    return ok, (
        f"{len(samples)} POSTs from {clients} clients over both servers: {successes} accepted, "
        f"{figures['registrations']} registrations, {overbooked} overbooked, "
        f"{figures['duplicates']} people twice; states {figures['states']}"
    )


def snapshot(port, paths):
    return {path: request(port, path) for path in paths}


def check_backup_restore(cluster, server_1, paths):
    """Back up, wipe (database, media, cache), restore; the same page bytes must come back."""
    before = snapshot(server_1, paths)
    env = {**cluster.manage_env, "MEDIA_ROOT": str(cluster.var_dir / "media")}
    backups = cluster.var_dir / "backups"
    made = (
        subprocess.run(
            [DEPLOY / "backup.sh", backups], env=env, capture_output=True, text=True, check=True
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    media_files = sum(1 for p in (cluster.var_dir / "media").rglob("*") if p.is_file())
    # Wipe: the database dropped and made again empty, every media file, the shared cache.
    subprocess.run(["dropdb", "--force", *PG, cluster.db_name], check=True)
    subprocess.run(["createdb", *PG, cluster.db_name], check=True)
    shutil.rmtree(cluster.var_dir / "media")
    cluster.redis_cli("flushall")
    wiped = request(server_1, paths[0])[0]
    subprocess.run(
        [DEPLOY / "restore.sh", made, "--yes"], env=env, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    cluster.redis_cli("flushall")
    after = snapshot(server_1, paths)
    restored_files = sum(1 for p in (cluster.var_dir / "media").rglob("*") if p.is_file())
    same = [p for p in paths if before[p][0] == 200 and before[p][2] == after[p][2]]
    differ = [p for p in paths if p not in same]
    ok = not differ and restored_files == media_files and media_files > 0
    return ok, (
        f"{len(same)}/{len(paths)} pages byte-identical after restore"
        + (f" (differ: {', '.join(differ)})" if differ else "")
        + f"; {restored_files}/{media_files} media files; while wiped {paths[0]} answered {wiped}"
    )


def check_edge_without_apps(cluster, paths):
    # A look may give a stale copy while the edge refreshes it in the background: look again
    # until every page is a fresh HIT (at most 5 s), so that `held` is what the edge keeps.
    for _attempt in range(5):
        held = snapshot(cluster.edge_port, paths)
        if all(held[p][1].get("x-cache-status") == "HIT" for p in paths):
            break
        time.sleep(1)
    for port in list(cluster.apps):
        cluster.stop_app(port)
    down = snapshot(cluster.edge_port, paths)
    # With no app server left, a 200 can only come from the edge's copies: the one held, or
    # a newer one its background refresh brought in meanwhile.
    from_edge = {"HIT", "STALE", "UPDATING"}
    served = [
        p
        for p in paths
        if down[p][0] == 200
        and down[p][1].get("x-cache-status") in from_edge
        and (down[p][2] == held[p][2] or held[p][1].get("x-cache-status") != "HIT")
    ]
    states = sorted({down[p][1].get("x-cache-status", "-") for p in paths})
    missing = [
        f"{p} ({held[p][0]} {held[p][1].get('x-cache-status', '-')}, then {down[p][0]})"
        for p in paths
        if p not in served
    ]
    return len(served) == len(paths), (
        f"both app servers stopped: {len(served)}/{len(paths)} pages still served by the edge "
        f"({', '.join(states)})" + (f"; not: {', '.join(missing)}" if missing else "")
    )


def public_paths(cluster, server):
    """The home pages, the news index, an article and a standard page."""
    _, _, index = request(server, "/en/news/")
    article = re.search(rb'href="(/en/news/[\w-]+/)"', index)
    paths = ["/en/", "/fr/", "/en/news/", first_standard_page(cluster)]
    if article:
        paths.append(article.group(1).decode())
    return paths


def run_check(args):
    started = time.monotonic()
    cluster = Cluster(keep=args.keep)
    cluster.prepare()
    server_1, server_2 = cluster.start_app(), cluster.start_app()
    cluster.start_edge([server_1, server_2])
    log(f"app servers :{server_1} :{server_2}, edge :{cluster.edge_port}")
    results = []

    def step(name, function, *a, **kw):
        began = time.monotonic()
        try:
            ok, detail = function(*a, **kw)
        except Exception as error:  # a failed step is a FAIL line, the others still run
            ok, detail = False, f"{type(error).__name__}: {error}"
        results.append((name, ok, detail))
        log(f"{'PASS' if ok else 'FAIL'} {name} ({time.monotonic() - began:.1f} s): {detail}")

    step("fresh on the edge and server 2 within 1 s", check_fresh_after_publish,
         cluster, server_1, server_2)  # fmt: skip
    step("session made on server 1 works on server 2", check_shared_session,
         cluster, server_1, server_2)  # fmt: skip
    step("registration burst over both: no overbooking", check_registration_burst,
         cluster, server_1, server_2)  # fmt: skip
    paths = public_paths(cluster, server_1)
    step("backup, wipe, restore: same page bytes", check_backup_restore,
         cluster, server_1, paths)  # fmt: skip
    for path in paths:  # the edge holds them (two GETs: the second is a HIT)
        request(cluster.edge_port, path)
    step("edge serves with every app server down", check_edge_without_apps, cluster, paths)
    failed = [name for name, ok, _ in results if not ok]
    log(
        f"two servers: {len(results) - len(failed)}/{len(results)} checks passed in "
        f"{time.monotonic() - started:.0f} s"
        + (f"; FAILED: {'; '.join(failed)}; logs in {cluster.var_dir}" if failed else "")
    )
    if failed and not args.keep:
        log("(rerun with --keep to keep the data dir and logs)")
    return 1 if failed else 0


def run_serve(args):
    cluster = Cluster(keep=args.keep)
    cluster.prepare()
    server_1, server_2 = cluster.start_app(), cluster.start_app()
    cluster.start_edge([server_1, server_2])
    log(
        f"edge http://127.0.0.1:{cluster.edge_port}/ -> app servers :{server_1} :{server_2}; "
        "Ctrl-C stops everything"
    )
    while True:
        time.sleep(3600)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="set up, check, clean up")
    mode.add_argument("--serve", action="store_true", help="set up and serve until Ctrl-C")
    parser.add_argument("--keep", action="store_true", help="keep the data dir and database")
    args = parser.parse_args()
    return run_check(args) if args.check else run_serve(args)


if __name__ == "__main__":
    sys.exit(main())
