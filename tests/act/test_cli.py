"""The act and warn commands end to end through the real CLI (Typer runner, real database)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.warn.factories import add_series
from wiqaya.cli.main import app
from wiqaya.store.engine import transaction

runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), catch_exceptions=True)
    return result


def test_alerts_situation_roster_funds_flow(cli_env, runtime) -> None:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as s:
        add_series(
            s,
            "IRQ",
            "ucdp.bd_best",
            "year",
            {
                "2008": 2112,
                "2009": 1036,
                "2010": 989,
                "2011": 864,
                "2012": 565,
                "2013": 1870,
                "2014": 13797,
            },
        )
    r = invoke("alerts", "run", "--rule", "battle-deaths-surge")
    assert r.exit_code == 0, r.output
    assert "battle-deaths-surge" in r.output
    r = invoke("alerts", "list", "--country", "IRQ")
    assert r.exit_code == 0 and "IRQ" in r.output
    r = invoke("alerts", "ack", "1", "--by", "analyst")
    assert r.exit_code == 0 and "acknowledged" in r.output
    r = invoke("alerts", "escalate", "1")
    assert r.exit_code == 0
    r = invoke("alerts", "dismiss", "1", "--reason", "late")
    assert r.exit_code != 0 and isinstance(r.exception, Exception)
    r = invoke(
        "situation",
        "create",
        "--title",
        "Iraq 2014",
        "--title-ar",
        "العراق 2014",
        "--region",
        "MENA",
        "--country",
        "IRQ",
        "--alert",
        "1",
        "--actor",
        "ISIL:party",
    )
    assert r.exit_code == 0, r.output
    r = invoke(
        "situation",
        "respond",
        "1",
        "--type",
        "statement_of_concern",
        "--actor",
        "UN Security Council",
        "--on",
        "2015-01-20",
    )
    assert r.exit_code == 0, r.output
    r = invoke("situation", "latency", "--json")
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data["overall"]["n"] == 1
    assert data["situations"][0]["latency_days"] == 19
    r = invoke("situation", "latency")
    assert "median" in r.output
    r = invoke("situation", "show", "1")
    assert r.exit_code == 0 and "timeline" in r.output
    r = invoke(
        "roster",
        "add",
        "--name",
        "ليلى",
        "--gender",
        "woman",
        "--themes",
        "power_sharing,gender_inclusion",
        "--languages",
        "ar,en",
        "--regions",
        "mena",
        "--available",
        "2026-01-01:2026-12-31",
    )
    assert r.exit_code == 0, r.output
    r = invoke(
        "roster",
        "match",
        "--themes",
        "power_sharing",
        "--languages",
        "ar",
        "--region",
        "mena",
        "--start",
        "2026-05-01",
        "--size",
        "1",
        "--book",
        "1",
    )
    assert r.exit_code == 0, r.output
    assert "ليلى" in r.output and "booked: 1" in r.output
    r = invoke("funds", "create", "Rapid response", "--balance", "1000")
    assert r.exit_code == 0
    r = invoke("funds", "allocate", "1", "1500", "--situation", "1", "--purpose", "x")
    assert r.exit_code != 0
    r = invoke("funds", "allocate", "1", "250.50", "--situation", "1", "--purpose", "mission")
    assert r.exit_code == 0, r.output
    r = invoke("funds", "list")
    assert "749.50" in r.output


def test_user_mistakes_print_a_code_not_a_traceback(cli_env) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "wiqaya", *args],
            capture_output=True,
            text=True,
            env={**os.environ, **cli_env},
            timeout=120,
        )

    missing = run("alerts", "ack", "999")
    assert missing.returncode == 4 and "E-NF-120" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad_theme = run("roster", "match", "--themes", "astrology", "--start", "2026-12-01")
    assert bad_theme.returncode == 2 and "E-ACT-062" in bad_theme.stderr
    bad_date = run(
        "situation", "respond", "1", "--type", "special_envoy", "--actor", "x", "--on", "31/12/2026"
    )
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    overspend = run("funds", "allocate", "1", "12.345", "--situation", "1", "--purpose", "x")
    assert overspend.returncode == 2 and "two decimals" in overspend.stderr
