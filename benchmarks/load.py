"""Load benchmark: the web app and API under 50 concurrent clients, on PostgreSQL.

    python -m benchmarks.load [--clients 50] [--duration 60] [--workers 4] [--pg-url URL]

Creates a scratch PostgreSQL database, fills it with the bundled real data
(``wiqaya demo --no-serve`` then ``wiqaya read`` when that stage exists),
starts ``wiqaya serve --workers N`` on 127.0.0.1 ONLY, and runs N clients
that mix page views, searches, exports and writes for a fixed time. Prints
requests/second, p50/p95/p99 latency per kind and the error count. Every loop
is bounded by the deadline; the server and the database are removed at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from benchmarks.scratch import pg_admin_url, scratch_pg

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # never anything else: this is a local benchmark


@dataclass
class Action:
    kind: str  # page | search | export | write
    method: str
    path: str
    body: dict | None = None
    ok: tuple[int, ...] = (200,)


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    error_samples: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _env(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "WIQAYA_DATABASE_URL": url,
        "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }


def _wiqaya(env: dict[str, str], *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wiqaya", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def seed(env: dict[str, str]) -> None:
    built = _wiqaya(env, "demo", "--no-serve")
    if built.returncode != 0:
        raise SystemExit(f"seeding failed:\n{built.stderr[-2000:]}")
    read = _wiqaya(env, "read")
    if read.returncode != 0 and "No such command" not in read.stderr:
        raise SystemExit(f"read failed:\n{read.stderr[-2000:]}")


def _resolve(schema: dict, spec: dict) -> dict:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec.get("components", {}).get("schemas", {}).get(name, {})
    if "anyOf" in schema:
        options = [o for o in schema["anyOf"] if o.get("type") != "null"]
        schema = _resolve(options[0], spec) if options else {}
    if "allOf" in schema and len(schema["allOf"]) == 1:
        schema = _resolve(schema["allOf"][0], spec)
    return schema


def example(schema: dict, spec: dict, n: int, depth: int = 0) -> object:
    """A minimal valid value for a JSON schema: required fields only, plausible text."""
    schema = _resolve(schema, spec)
    if depth > 4:
        return None
    if "enum" in schema:
        return schema["enum"][0]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {
            key: example(props[key], spec, n, depth + 1)
            for key in schema.get("required", [])
            if key in props
        }
    if kind == "array":
        return [example(schema.get("items", {}), spec, n, depth + 1)] * schema.get("minItems", 0)
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1)
    if kind == "number":
        return float(schema.get("minimum", 1))
    if kind == "boolean":
        return False
    fmt = schema.get("format")
    if fmt == "date":
        return "2026-01-15"
    if fmt == "date-time":
        return "2026-01-15T10:00:00+00:00"
    if fmt == "email":
        return f"load{n}@example.org"
    text = f"اختبار الحمل {n} load test"
    if "pattern" in schema and "A-Z" in schema["pattern"]:
        text = "IRQ"
    return text[: schema.get("maxLength", 200)]


def discover(client: httpx.Client, headers: dict[str, str]) -> list[Action]:
    """Build the action mix from the running app's own route table.

    Reads: every parameter-free GET (pages, searches, exports, API lists). Writes:
    every parameter-free POST whose minimal example body (from its schema) is
    accepted once at start-up; the others are listed as skipped.
    """
    response = client.get("/openapi.json", headers=headers)
    if response.status_code != 200:
        # The API description may be behind the login: fall back to the known pages.
        return [Action("page", "GET", "/ingested"), Action("page", "GET", "/ingested?lang=en")]
    spec = response.json()
    actions: list[Action] = []
    skipped: list[str] = []
    for path, methods in spec.get("paths", {}).items():
        if "{" in path or path in {"/", "/openapi.json", "/docs", "/logout", "/login"}:
            continue
        if "get" in methods:
            if "search" in path:
                for q in ("احتجاج", "بغداد", "protest"):
                    actions.append(Action("search", "GET", f"{path}?q={q}"))
            elif "export" in path:
                actions.append(Action("export", "GET", path))
            elif path.startswith("/api"):
                actions.append(Action("api", "GET", path))
            else:
                actions.append(Action("page", "GET", path))
                actions.append(Action("page", "GET", f"{path}?lang=en"))
        if "post" in methods and path.startswith("/api"):
            body_schema = (
                methods["post"]
                .get("requestBody", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema")
            )
            body = example(body_schema, spec, 0) if body_schema else None
            probe = client.post(path, json=body, headers=headers)
            if probe.status_code < 300:
                actions.append(Action("write", "POST", path, body, ok=(probe.status_code,)))
            else:
                skipped.append(f"POST {path} ({probe.status_code})")
    if skipped:
        print("writes skipped (example body refused): " + ", ".join(skipped[:8]))
    return actions


def api_token(env: dict[str, str]) -> str | None:
    """An analyst's API token from `wiqaya users` when the security layer exists."""
    added = subprocess.run(
        [
            sys.executable,
            "-m",
            "wiqaya",
            "users",
            "add",
            "loadbench",
            "--role",
            "analyst",
            "--generate-password",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if added.returncode != 0:
        return None
    made = _wiqaya(env, "users", "token", "loadbench", "--name", "load benchmark")
    lines = [line.strip() for line in made.stdout.splitlines() if line.strip()]
    return lines[-1] if made.returncode == 0 and lines else None


async def client_loop(
    actions: dict[str, list[Action]],
    weights: dict[str, float],
    base: str,
    headers: dict[str, str],
    deadline: float,
    stats: Stats,
    seed_value: int,
) -> None:
    rng = random.Random(seed_value)
    kinds = [k for k in weights if actions.get(k)]
    kind_weights = [weights[k] for k in kinds]
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(
        base_url=base, headers=headers, timeout=30, limits=limits
    ) as client:
        while time.monotonic() < deadline:
            kind = rng.choices(kinds, kind_weights)[0]
            action = rng.choice(actions[kind])
            start = time.perf_counter()
            try:
                response = await client.request(action.method, action.path, json=action.body)
                await response.aread()
                status = response.status_code
            except httpx.HTTPError as exc:
                status = -1
                detail = type(exc).__name__
            elapsed = time.perf_counter() - start
            stats.latencies[kind].append(elapsed)
            if status not in action.ok:
                stats.errors[kind] += 1
                if len(stats.error_samples) < 10:
                    stats.error_samples.append(
                        f"{action.method} {action.path} -> {status if status > 0 else detail}"
                    )


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited early:\n{proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(f"{base}/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("server did not become ready in time")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--pg-url", default=None)
    args = parser.parse_args(argv)
    duration = min(args.duration, 300.0)  # bounded whatever is asked

    admin = pg_admin_url(args.pg_url)
    with scratch_pg(admin, "load") as url:
        env = _env(url)
        print("seeding the scratch database with the bundled real data ...", flush=True)
        seed(env)
        port = _free_port()
        base = f"http://{HOST}:{port}"
        server = subprocess.Popen(
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
                str(args.workers),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            wait_ready(base, server)
            token = api_token(env)
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            print(
                "authenticated with an API token (analyst role)"
                if token
                else "no security layer in this build: requests are anonymous"
            )
            with httpx.Client(base_url=base, timeout=30) as sync_client:
                all_actions = discover(sync_client, headers)
            by_kind: dict[str, list[Action]] = defaultdict(list)
            for action in all_actions:
                by_kind[action.kind].append(action)
            weights = {"page": 0.55, "search": 0.2, "export": 0.1, "write": 0.1, "api": 0.05}
            print(
                "action mix: "
                + ", ".join(f"{k}={len(v)} routes" for k, v in sorted(by_kind.items())),
                flush=True,
            )
            stats = Stats()
            deadline = time.monotonic() + duration
            started = time.perf_counter()

            async def run_all() -> None:
                await asyncio.gather(
                    *(
                        client_loop(by_kind, weights, base, headers, deadline, stats, i)
                        for i in range(args.clients)
                    )
                )

            asyncio.run(run_all())
            wall = time.perf_counter() - started
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()

    total = sum(len(v) for v in stats.latencies.values())
    errors = sum(stats.errors.values())
    print()
    print(
        f"load: {args.clients} clients, {args.workers} uvicorn workers, PostgreSQL, "
        f"{wall:.1f} s on 127.0.0.1"
    )
    print(f"requests: {total}  ({total / wall:.1f} req/s)  errors: {errors}")
    print(f"{'kind':8} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for kind in sorted(stats.latencies):
        values = stats.latencies[kind]
        print(
            f"{kind:8} {len(values):7d} {percentile(values, 50) * 1000:8.1f} "
            f"{percentile(values, 95) * 1000:8.1f} {percentile(values, 99) * 1000:8.1f} "
            f"{stats.errors.get(kind, 0):7d}"
        )
    everything = [v for values in stats.latencies.values() for v in values]
    print(
        f"{'all':8} {len(everything):7d} {percentile(everything, 50) * 1000:8.1f} "
        f"{percentile(everything, 95) * 1000:8.1f} {percentile(everything, 99) * 1000:8.1f} "
        f"{errors:7d}"
    )
    for sample in stats.error_samples:
        print(f"  error: {sample}")


if __name__ == "__main__":
    main()
