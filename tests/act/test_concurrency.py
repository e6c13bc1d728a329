"""Concurrent dispatchers and treasurers: the database, not Python, keeps the invariants.

Each worker opens its own runtime (its own engine and connection), waits at a
barrier, then writes at the same moment as the others, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select

from wiqaya.act import service
from wiqaya.errors import ConflictError
from wiqaya.runtime import open_runtime
from wiqaya.store.models.act import BookingDay, FundMovement

WORKERS = 20


def _race(settings, n: int, work: Callable) -> list[object]:  # type: ignore[no-untyped-def,type-arg]
    runtimes = [open_runtime(settings, migrate=False) for _ in range(n)]
    barrier = threading.Barrier(n)
    results: list[object] = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(runtimes[i], i)
        except Exception as exc:  # noqa: BLE001 - the test inspects every outcome
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    for rt in runtimes:
        rt.close()
    return results


def _situation(runtime) -> int:  # type: ignore[no-untyped-def]
    return service.create_situation(
        runtime, title_en="Race test", title_ar="اختبار التزامن", region="MENA", country="IRQ"
    )["id"]


def test_twenty_concurrent_allocations_never_overspend(runtime, settings) -> None:  # type: ignore[no-untyped-def]
    sit = _situation(runtime)
    fund = service.create_fund(runtime, name="Race fund", initial_minor=100_000)  # 1,000.00
    # 20 requests of 70.00 to 130.00: together 2,000.00, twice what the fund holds.
    amounts = [7_000 + 3_000 * (i % 3) for i in range(WORKERS)]
    results = _race(
        settings,
        WORKERS,
        lambda rt, i: service.allocate(rt, fund["id"], sit, amounts[i], purpose=f"request {i}"),
    )
    unexpected = [
        r for r in results if isinstance(r, Exception) and not isinstance(r, ConflictError)
    ]
    assert unexpected == []
    granted = [amounts[i] for i, r in enumerate(results) if isinstance(r, dict)]
    refused = [r for r in results if isinstance(r, ConflictError)]
    assert granted and refused
    detail = service.fund_detail(runtime, fund["id"])
    assert detail["balance_minor"] >= 0
    assert detail["balance_minor"] == 100_000 - sum(granted)
    with runtime.sessions() as s:
        stored = s.scalar(
            select(func.sum(FundMovement.amount_minor)).where(FundMovement.kind == "allocation")
        )
    assert stored == sum(granted) <= 100_000
    # No request was refused while the fund could still have covered it: the
    # balance left is below every refused amount (balances only fall).
    refused_amounts = [amounts[i] for i, r in enumerate(results) if isinstance(r, ConflictError)]
    assert detail["balance_minor"] < min(refused_amounts)


def test_equal_concurrent_allocations_drain_exactly(runtime, settings) -> None:  # type: ignore[no-untyped-def]
    sit = _situation(runtime)
    fund = service.create_fund(runtime, name="Exact fund", initial_minor=50_000)
    results = _race(
        settings, WORKERS, lambda rt, i: service.allocate(rt, fund["id"], sit, 5_000, purpose="x")
    )
    assert sum(isinstance(r, dict) for r in results) == 10
    assert sum(isinstance(r, ConflictError) for r in results) == 10
    assert service.fund_detail(runtime, fund["id"])["balance_minor"] == 0


def _expert(runtime, name: str) -> int:  # type: ignore[no-untyped-def]
    return service.add_expert(
        runtime,
        name=name,
        gender="woman",
        themes=["power_sharing"],
        languages=["ar"],
        regions=["mena"],
        windows=[(date(2026, 1, 1), date(2026, 12, 31))],
    )["id"]


def test_two_dispatchers_never_double_book(runtime, settings) -> None:  # type: ignore[no-untyped-def]
    experts = [_expert(runtime, f"Expert {i}") for i in range(5)]
    # Round after round, two dispatchers book the same expert for overlapping spans.
    for round_no, expert_id in enumerate(experts):
        spans = [
            (date(2026, 3, 1), date(2026, 3, 14)),
            (date(2026, 3, 10 + round_no), date(2026, 3, 20 + round_no)),
        ]
        results = _race(
            settings,
            2,
            lambda rt, i, e=expert_id, sp=spans: service.book(
                rt, [e], sp[i][0], sp[i][1], by=f"d{i}"
            ),
        )
        assert sum(isinstance(r, list) for r in results) == 1, results
        assert sum(isinstance(r, ConflictError) for r in results) == 1, results
    with runtime.sessions() as s:
        rows = s.execute(select(BookingDay.expert_id, BookingDay.day)).all()
    assert len(rows) == len(set(rows))


def test_many_dispatchers_one_expert_one_day(runtime, settings) -> None:  # type: ignore[no-untyped-def]
    expert_id = _expert(runtime, "Sought after")
    day = date(2026, 6, 1)
    results = _race(settings, 10, lambda rt, i: service.book(rt, [expert_id], day, day))
    assert sum(isinstance(r, list) for r in results) == 1
    assert all(isinstance(r, ConflictError) for r in results if not isinstance(r, list))


def _process_allocate(url: str, home: str, fund_id: int, situation_id: int, amount: int, start):  # type: ignore[no-untyped-def]
    # Runs in a separate Python process: its own interpreter, engine and connection.
    from pathlib import Path

    from wiqaya.act import service as svc
    from wiqaya.config import Settings
    from wiqaya.errors import ConflictError as Refused
    from wiqaya.runtime import open_runtime as open_rt

    rt = open_rt(Settings(home=Path(home), database_url=url), migrate=False)
    start.wait()
    try:
        svc.allocate(rt, fund_id, situation_id, amount, purpose="process")
        return "granted"
    except Refused:
        return "refused"
    finally:
        rt.close()


def test_concurrent_processes_never_overspend(runtime, settings) -> None:  # type: ignore[no-untyped-def]
    import multiprocessing as mp

    sit = _situation(runtime)
    fund = service.create_fund(runtime, name="Process fund", initial_minor=30_000)
    ctx = mp.get_context("spawn")
    with ctx.Manager() as manager:
        start = manager.Event()
        with ctx.Pool(8) as pool:
            pending = [
                pool.apply_async(
                    _process_allocate,
                    (settings.database_url, str(settings.home), fund["id"], sit, 5_000, start),
                )
                for _ in range(8)
            ]
            start.set()
            results = [p.get(timeout=120) for p in pending]
    assert results.count("granted") == 6 and results.count("refused") == 2
    assert service.fund_detail(runtime, fund["id"])["balance_minor"] == 0
