"""Load benchmark: the web app and API under 50 concurrent clients, on PostgreSQL.

    python -m benchmarks.load [--clients 50] [--seconds 60] [--workers 2] [--think 1 0]
                              [--pg-url URL]

Creates a scratch PostgreSQL database, fills it with the bundled real data
(``wiqaya demo --no-serve``: ingest, read, assess, library, example act data),
adds two analysts with the CLI (one logs in through the login form for page
views, one holds an API token for API reads and writes), starts ``wiqaya serve
--workers N`` on 127.0.0.1 ONLY and runs N async clients for a fixed time.
Each client is a browser-like session (its own cookie and connection) that
picks, by weight, a page view (map, watchlist, country, documents and events
browsers, situations, alerts, document, brief), a library search (page or API),
a CSV export, an API read, a write (record a response on a situation,
acknowledge a new alert, add a lesson to the library) or a baseline request
(the static CSS file or ``/healthz``, which touch no data: the ratio of a class's
latency to the baseline's says how much is the app and how much the machine).

Clients behave like people: after each response a client pauses for a think
time drawn uniformly from 0.5-1.5 x ``--think`` seconds (as Locust's
``between`` does). ``--think`` takes several values, each one phase of
``--seconds`` against the same server: the default ``1 0`` runs the
user-paced phase (the issue's "50 concurrent clients", mean think 1 s) and
then a saturation phase (think 0: every client sends its next request the
moment the last one is answered, so the figures measure queueing at the
server's maximum throughput, not a user's wait).

Prints, per phase, requests/second, p50/p95/p99 per class and the error count
(any status other than the expected one, a timeout or a connection error), the
slowest routes, the CPU seconds spent by the server processes and by this load
generator (they share the machine), then the phases side by side, and the
server's own error lines. Exits 1 when there were errors.
Every loop is bounded by the deadline; the server and the database are removed
at the end. ``--database URL`` reuses an already seeded database (for
profiling); it is left in place.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from benchmarks.scratch import pg_admin_url, scratch_pg

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # never anything else: this is a local benchmark
PASSWORD = "load-bench-passphrase-ثابت"  # a scratch database's throw-away account
CLASSES = ("page", "search", "export", "api", "write", "baseline")
# Share of requests per class: mostly people reading pages, some searching and
# exporting, scripts on the API, a trickle of writes; the baseline is a probe.
WEIGHTS = {
    "page": 0.50,
    "search": 0.14,
    "export": 0.05,
    "api": 0.14,
    "write": 0.10,
    "baseline": 0.07,
}
SEARCHES = ("وقف إطلاق النار", "احتجاج", "اللاجئين", "ceasefire", "elections", "حقوق الإنسان")


@dataclass
class Action:
    kind: str
    method: str
    path: str
    body: dict | None = None
    ok: tuple[int, ...] = (200,)
    via: str = "session"  # session (cookie, pages) | token (API)
    label: str = ""  # route without ids, to group the slow-route table

    def __post_init__(self) -> None:
        if not self.label:
            self.label = re.sub(r"/\d+", "/{id}", self.path.split("?")[0])


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    by_route: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    error_samples: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _env(url: str, home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "WIQAYA_DATABASE_URL": url,
        "WIQAYA_HOME": str(home),
        "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }


def _wiqaya(
    env: dict[str, str], *args: str, stdin: str | None = None, timeout: float = 900
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wiqaya", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def seed(env: dict[str, str]) -> None:
    built = _wiqaya(env, "demo", "--no-serve")
    if built.returncode != 0:
        raise SystemExit(f"seeding failed:\n{built.stderr[-2000:]}")


def make_users(env: dict[str, str]) -> str:
    """Two analysts: ``load-reader`` (logs in with the form) and ``load-writer`` (API token)."""
    for name in ("load-reader", "load-writer"):
        added = _wiqaya(
            env, "users", "add", name, "--role", "analyst", "--password-stdin", stdin=PASSWORD
        )
        if added.returncode != 0 and "exists" not in (added.stdout + added.stderr):
            raise SystemExit(f"cannot add {name}:\n{added.stdout}{added.stderr}")
    made = _wiqaya(env, "users", "token", "load-writer", "--name", "load benchmark", "--days", "1")
    lines = [line.strip() for line in made.stdout.splitlines() if line.strip()]
    if made.returncode != 0 or not lines:
        raise SystemExit(f"cannot make an API token:\n{made.stdout}{made.stderr}")
    return lines[-1]


async def login(client: httpx.AsyncClient) -> None:
    """Log in through the real form (login CSRF cookie + field), like a browser."""
    form = await client.get("/login")
    found = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    if form.status_code != 200 or not found:
        raise SystemExit(f"login form not understood ({form.status_code})")
    done = await client.post(
        "/login",
        data={
            "username": "load-reader",
            "password": PASSWORD,
            "csrf_token": found.group(1),
            "next": "/map",
        },
    )
    if done.status_code != 303 or "wiqaya_session" not in client.cookies:
        raise SystemExit(f"login failed ({done.status_code}): {done.text[:300]}")


def _items(response: httpx.Response, key: str = "items") -> list[dict]:
    if response.status_code != 200:
        raise SystemExit(f"{response.request.url} -> {response.status_code}: {response.text[:300]}")
    return list(response.json().get(key) or [])


def build_mix(api: httpx.Client) -> tuple[dict[str, list[Action]], list[int], list[int]]:
    """The requests each class draws from, with real ids from the seeded data.

    Returns the actions by class, the ids of new alerts (each acknowledged once)
    and the situation ids responses are recorded on.
    """
    countries = [r["country"] for r in _items(api.get("/api/v1/risk"), "rows")][:12] or ["IRQ"]
    events = _items(api.get("/api/v1/events", params={"limit": 50}))
    countries_with_events = sorted({e["country"] for e in events if e.get("country")})[:4]
    documents = [d["id"] for d in _items(api.get("/api/v1/documents", params={"limit": 30}))]
    situations = [s["id"] for s in _items(api.get("/api/v1/situations", params={"limit": 20}))]
    new_alerts = [
        a["id"] for a in _items(api.get("/api/v1/alerts", params={"state": "new", "limit": 200}))
    ]
    if not situations:
        raise SystemExit("the seeded data has no situation to record responses on")

    pages: list[Action] = []

    def page(path: str, times: int = 1) -> None:
        pages.extend(Action("page", "GET", path) for _ in range(times))

    # The pages analysts live on appear more often than the occasional ones.
    page("/map", 3)
    page("/map?lang=en")
    page("/map?metric=events&window=3")
    page("/watchlist", 3)
    page("/watchlist?region=mashreq")
    page("/watchlist?lang=en&metric=events")
    for code in countries[:8]:
        page(f"/country/{code}")
    page("/documents", 2)
    page("/documents?lang=en")
    page("/events", 2)
    for code in countries_with_events:
        page(f"/events?country={code}")
    page("/situations", 2)
    for sid in situations[:5]:
        page(f"/situations/{sid}")
    page("/alerts")
    for doc in documents[:6]:
        page(f"/documents/{doc}")
    page("/brief")
    page("/forecasts")
    page("/ingested")

    search = [Action("search", "GET", f"/library?q={q}") for q in SEARCHES]
    search += [
        Action("search", "GET", f"/api/v1/library/search?q={q}", via="token") for q in SEARCHES
    ]
    export = [
        Action("export", "GET", "/events/export/csv"),
        Action("export", "GET", "/documents/export/csv"),
        *(Action("export", "GET", f"/events/export/csv?country={c}") for c in countries[:3]),
    ]
    api_reads = [
        Action("api", "GET", path, via="token")
        for path in (
            "/api/v1/events?limit=50",
            "/api/v1/documents?limit=50",
            "/api/v1/risk",
            "/api/v1/risk?metric=events&window=3",
            "/api/v1/alerts?limit=50",
            "/api/v1/situations",
            "/api/v1/series/variables",
            "/api/v1/me",
        )
    ]
    baseline = [
        Action("baseline", "GET", "/static/wiqaya.css", via="session"),
        Action("baseline", "GET", "/healthz", via="session"),
    ]
    return (
        {
            "page": pages,
            "search": search,
            "export": export,
            "api": api_reads,
            "write": [],  # drawn in write_action: bodies are made per request
            "baseline": baseline,
        },
        new_alerts,
        situations,
    )


def write_action(
    rng: random.Random, situations: list[int], new_alerts: list[int], n: int
) -> Action:
    """One write: 70 % responses recorded on situations, 25 % acknowledgements, 5 % lessons.

    Lessons are the rare write (one per response closed, not per response), and each
    one changes what the library search reads.
    """
    roll = rng.random()
    if roll < 0.25 and new_alerts:
        # Each new alert is acknowledged once (a second acknowledgement is a 409 by design).
        return Action(
            "write", "POST", f"/api/v1/alerts/{new_alerts.pop()}/acknowledge", via="token"
        )
    if roll < 0.30:
        return Action(
            "write",
            "POST",
            "/api/v1/library/lessons",
            {
                "title": f"درس مستفاد من اختبار الحمل {n}",
                "text": "أدّى الحوار المبكر مع الوجهاء المحليين إلى تهدئة التوتر قبل الانتخابات.",
                "country": "IRQ",
            },
            ok=(201,),
            via="token",
        )
    return Action(
        "write",
        "POST",
        f"/api/v1/situations/{rng.choice(situations)}/responses",
        {
            "response_type": "statement_of_concern",
            "actor": "المبعوث الخاص",
            "taken_on": "2026-01-15",
            "notes": f"بيان قلق رقم {n} (اختبار الحمل)",
        },
        ok=(201,),
        via="token",
    )


@dataclass
class Start:
    """Two phases: every client logs in, then all run against one deadline."""

    go: asyncio.Event
    gate: asyncio.Semaphore
    think: float = 0.0  # mean pause between a client's requests (s); 0 = back to back
    logged_in: int = 0
    deadline: float = 0.0
    began: float = 0.0


async def client_loop(
    index: int,
    actions: dict[str, list[Action]],
    situations: list[int],
    new_alerts: list[int],
    base: str,
    token: str,
    start: Start,
    stats: Stats,
) -> None:
    rng = random.Random(index)
    kinds = [k for k in CLASSES if actions.get(k) or k == "write"]
    weights = [WEIGHTS[k] for k in kinds]
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    bearer = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as door:
        # Logging in hashes a password (Argon2): a few at a time, before the clock.
        async with start.gate:
            await login(door)
        cookies = door.cookies
    start.logged_in += 1
    await start.go.wait()
    # The session continues on a new connection opened when the clock starts: the
    # login connection sat idle while the others logged in, past the server's
    # keep-alive timeout (5 s), and reusing it raced the server closing it.
    async with httpx.AsyncClient(
        base_url=base, timeout=30, limits=limits, cookies=cookies
    ) as browser:
        n = 0
        while time.monotonic() < start.deadline:
            kind = rng.choices(kinds, weights)[0]
            n += 1
            if kind == "write":
                action = write_action(rng, situations, new_alerts, index * 1_000_000 + n)
            else:
                action = rng.choice(actions[kind])
            headers = bearer if action.via == "token" else None
            detail = ""
            began = time.perf_counter()
            try:
                response = await browser.request(
                    action.method, action.path, json=action.body, headers=headers
                )
                status = response.status_code
                if status not in action.ok:
                    detail = response.text[:160].replace("\n", " ")
            except httpx.HTTPError as exc:
                status = -1
                detail = type(exc).__name__
            elapsed = time.perf_counter() - began
            stats.latencies[kind].append(elapsed)
            stats.by_route[f"{action.method} {action.label}"].append(elapsed)
            if status not in action.ok:
                stats.errors[kind] += 1
                if len(stats.error_samples) < 12:
                    stats.error_samples.append(
                        f"t+{time.monotonic() - start.began:.1f} s {action.method} "
                        f"{action.path} -> {status if status > 0 else ''} {detail}"
                    )
            if start.think > 0:
                pause = rng.uniform(0.5 * start.think, 1.5 * start.think)
                await asyncio.sleep(min(pause, max(0.0, start.deadline - time.monotonic())))


async def drive(
    actions: dict[str, list[Action]],
    situations: list[int],
    new_alerts: list[int],
    base: str,
    token: str,
    clients: int,
    seconds: float,
    stats: Stats,
    think: float = 0.0,
    server_pid: int = 0,
) -> tuple[float, Cpu]:
    start = Start(go=asyncio.Event(), gate=asyncio.Semaphore(4), think=think)
    tasks = [
        asyncio.create_task(
            client_loop(i, actions, situations, new_alerts, base, token, start, stats)
        )
        for i in range(clients)
    ]
    while start.logged_in < clients:
        failed = [t for t in tasks if t.done()]
        if failed:
            await asyncio.gather(*failed)  # re-raises the login failure
        await asyncio.sleep(0.05)
    start.began = time.monotonic()
    start.deadline = start.began + seconds
    print(
        f"{clients} clients logged in; clock started for {seconds:.0f} s, think {think:g} s",
        flush=True,
    )
    before = cpu_now(server_pid)
    began = time.perf_counter()
    start.go.set()
    await asyncio.gather(*tasks)
    return time.perf_counter() - began, cpu_now(server_pid) - before


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def wait_ready(base: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited early:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("server did not become ready in time")


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


@contextmanager
def database(args: argparse.Namespace, home: Path) -> Iterator[str]:
    if args.database:
        yield args.database
        return
    with scratch_pg(pg_admin_url(args.pg_url), "load") as url:
        print("seeding the scratch database with the bundled real data ...", flush=True)
        started = time.perf_counter()
        seed(_env(url, home))
        print(f"seeded in {time.perf_counter() - started:.0f} s", flush=True)
        yield url


@contextmanager
def server(env: dict[str, str], workers: int, log: Path) -> Iterator[tuple[str, int]]:
    port = _free_port()
    base = f"http://{HOST}:{port}"
    with log.open("w") as sink:
        # stderr to a file, never a pipe: a full pipe would stall the workers.
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "wiqaya",
                "serve",
                "--host",
                HOST,
                "--port",
                str(port),
                "--workers",
                str(workers),
            ],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_ready(base, proc, log)
            yield base, proc.pid
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@dataclass
class Cpu:
    """CPU seconds used so far: the server's process tree, PostgreSQL, this process, the machine."""

    server: float
    postgres: float
    clients: float
    machine: float

    def __sub__(self, other: Cpu) -> Cpu:
        return Cpu(
            self.server - other.server,
            self.postgres - other.postgres,
            self.clients - other.clients,
            self.machine - other.machine,
        )


def _proc_table() -> dict[int, tuple[int, str, float]]:
    """pid -> (parent pid, command name, CPU seconds incl. reaped children) per process."""
    tick = os.sysconf("SC_CLK_TCK")
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        name = raw[raw.index("(") + 1 : raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2 :].split()
        # utime + stime, plus cutime + cstime: the exited children it reaped (PostgreSQL
        # backends of closed connections are reaped by the postmaster).
        spent = sum(int(x) for x in fields[11:15]) / tick
        table[int(entry.name)] = (int(fields[1]), name, spent)
    return table


def cpu_now(server_pid: int) -> Cpu:
    table = _proc_table()
    tree, frontier = set(), {server_pid}
    while frontier:
        tree |= frontier
        frontier = {pid for pid, (ppid, _, _) in table.items() if ppid in frontier} - tree
    usage = resource.getrusage(resource.RUSAGE_SELF)
    try:
        ticks = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        # user nice system (idle iowait) irq softirq; steal and guest are not ours to use.
        busy = (sum(ticks[:3]) + ticks[5] + ticks[6]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        busy = float("nan")
    return Cpu(
        server=sum(table[pid][2] for pid in tree if pid in table),
        postgres=sum(cpu for _, name, cpu in table.values() if name.startswith("postgres")),
        clients=usage.ru_utime + usage.ru_stime,
        machine=busy,
    )


@dataclass
class Phase:
    think: float
    stats: Stats
    wall: float
    cpu: Cpu
    load: str

    @property
    def label(self) -> str:
        if self.think > 0:
            return f"user-paced (think {0.5 * self.think:g}-{1.5 * self.think:g} s)"
        return "saturation (think 0, back to back)"


def _row(name: str, values: list[float], errors: int, wall: float) -> str:
    return (
        f"{name:9} {len(values):7d} {len(values) / wall:7.1f} "
        f"{percentile(values, 50) * 1000:8.0f} {percentile(values, 95) * 1000:8.0f} "
        f"{percentile(values, 99) * 1000:8.0f} {errors:7d}"
    )


def report_phase(phase: Phase, args: argparse.Namespace) -> None:
    stats, wall, cpu = phase.stats, phase.wall, phase.cpu
    total = sum(len(v) for v in stats.latencies.values())
    errors = sum(stats.errors.values())
    print()
    print(f"== {phase.label}")
    print(
        f"load: {args.clients} clients, {args.workers} uvicorn worker(s), PostgreSQL, "
        f"{wall:.1f} s on {HOST}; load average after: {phase.load} on {os.cpu_count()} CPUs"
    )
    print(f"requests: {total} ({total / wall:.1f} req/s)  errors: {errors}")
    print(
        f"CPU seconds in the phase: server {cpu.server:.1f}, PostgreSQL {cpu.postgres:.1f}, "
        f"load generator {cpu.clients:.1f}, whole machine {cpu.machine:.1f} "
        f"of {wall * (os.cpu_count() or 1):.0f} available; "
        f"server CPU per request {1000 * cpu.server / max(total, 1):.1f} ms"
    )
    heads = ("count", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors")
    print(f"{'class':9} " + " ".join(f"{h:>{8 if 1 < i < 5 else 7}}" for i, h in enumerate(heads)))
    for kind in CLASSES:
        if stats.latencies.get(kind):
            print(_row(kind, stats.latencies[kind], stats.errors.get(kind, 0), wall))
    everything = [v for values in stats.latencies.values() for v in values]
    print(_row("all", everything, errors, wall))
    base = percentile(stats.latencies.get("baseline", []), 50)
    if stats.latencies.get("baseline") and base > 0:
        print(
            "p50 / baseline p50: "
            + ", ".join(
                f"{k} {percentile(stats.latencies[k], 50) / base:.1f}x"
                for k in CLASSES[:-1]
                if stats.latencies.get(k)
            )
        )
    print("slowest routes by p95 (ms):")
    slow = sorted(stats.by_route.items(), key=lambda kv: -percentile(kv[1], 95))
    for route, values in slow[: args.top]:
        print(
            f"  {route:48} n={len(values):5d} p50={percentile(values, 50) * 1000:6.0f} "
            f"p95={percentile(values, 95) * 1000:6.0f}"
        )
    for sample in stats.error_samples:
        print(f"  error: {sample}")


def report(phases: list[Phase], args: argparse.Namespace, server_log: Path) -> int:
    for phase in phases:
        report_phase(phase, args)
    if len(phases) > 1:
        print("\n== side by side: req/s, p50 / p95 / p99 ms, errors")
        print(f"{'class':9} " + " | ".join(f"{p.label[:36]:36}" for p in phases))
        for kind in (*CLASSES, "all"):
            cells = []
            for p in phases:
                values = (
                    [v for vs in p.stats.latencies.values() for v in vs]
                    if kind == "all"
                    else p.stats.latencies.get(kind, [])
                )
                errs = (
                    sum(p.stats.errors.values()) if kind == "all" else p.stats.errors.get(kind, 0)
                )
                cells.append(
                    f"{len(values) / p.wall:5.1f}/s {percentile(values, 50) * 1000:5.0f} "
                    f"{percentile(values, 95) * 1000:6.0f} {percentile(values, 99) * 1000:6.0f} "
                    f"{errs:4d}"
                )
            print(f"{kind:9} " + " | ".join(f"{c:36}" for c in cells))
    logged = [
        line
        for line in server_log.read_text(errors="replace").splitlines()
        if "Traceback" in line or "ERROR" in line or "Error" in line
    ]
    if logged:
        print(f"server log: {len(logged)} error lines, first: {logged[0][:300]}")
    return 1 if any(sum(p.stats.errors.values()) for p in phases) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", "--duration", dest="seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--pg-url", default=None, help="admin URL (default WIQAYA_TEST_PG_URL)")
    parser.add_argument("--database", default=None, help="reuse this seeded database (not dropped)")
    parser.add_argument("--home", default=None, help="WIQAYA_HOME for --database")
    parser.add_argument("--server-log", default=None, help="keep the server's output here")
    parser.add_argument("--top", type=int, default=12, help="slow routes to list")
    parser.add_argument(
        "--think",
        type=float,
        nargs="+",
        default=[1.0, 0.0],
        help="mean think time per phase in seconds (uniform 0.5-1.5 x); 0 = saturation",
    )
    args = parser.parse_args(argv)
    seconds = min(args.seconds, 600.0)  # bounded whatever is asked
    if any(t < 0 or t > 60 for t in args.think):
        parser.error("--think values must be between 0 and 60 seconds")

    with tempfile.TemporaryDirectory(prefix="wiqaya-load-") as scratch:
        home = Path(args.home) if args.home else Path(scratch) / "home"
        home.mkdir(parents=True, exist_ok=True)
        log = Path(args.server_log) if args.server_log else Path(scratch) / "server.log"
        with database(args, home) as url:
            env = _env(url, home)
            token = make_users(env)
            with server(env, args.workers, log) as (base, server_pid):
                with httpx.Client(
                    base_url=base, timeout=60, headers={"Authorization": f"Bearer {token}"}
                ) as api:
                    actions, new_alerts, situations = build_mix(api)
                random.Random(0).shuffle(new_alerts)
                print(
                    "mix: "
                    + ", ".join(f"{k} {WEIGHTS[k]:.0%}" for k in CLASSES)
                    + f"; {len(actions['page'])} page URLs, "
                    + f"{len(new_alerts)} new alerts to acknowledge",
                    flush=True,
                )
                phases = []
                for think in args.think:
                    stats = Stats()
                    wall, used = asyncio.run(
                        drive(
                            actions,
                            situations,
                            new_alerts,
                            base,
                            token,
                            args.clients,
                            seconds,
                            stats,
                            think,
                            server_pid,
                        )
                    )
                    phases.append(Phase(think, stats, wall, used, _loadavg()))
                    print(
                        f"phase done: {sum(len(v) for v in stats.latencies.values())} requests, "
                        f"{sum(stats.errors.values())} errors",
                        flush=True,
                    )
            return report(phases, args, log)


if __name__ == "__main__":
    sys.exit(main())
