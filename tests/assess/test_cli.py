"""The CLI contract: exact columns of the backtest files, and clear errors."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wiqaya.cli.main import app
from wiqaya.errors import ConfigError, InputError

runner = CliRunner()
QUANTILES = [f"q{q / 100:g}" for q in range(5, 100, 5)]


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def test_mk_onset_backtest_columns(tmp_path: Path, shared_data: Path) -> None:
    out = tmp_path / "mk.csv"
    result = runner.invoke(
        app,
        [
            "forecast",
            "backtest",
            "--target",
            "mk_onset",
            "--first-year",
            "2023",
            "--last-year",
            "2024",
            "--output",
            str(out),
            "--data-dir",
            str(shared_data),
        ],
    )
    assert result.exit_code == 0, result.output
    header, rows = _rows(out)
    assert header == ["country", "ccode", "year", "risk"]
    assert {r["year"] for r in rows} == {"2023", "2024"}
    deu = next(r for r in rows if r["country"] == "DEU")
    assert deu["ccode"] == "255"
    assert all(0 <= float(r["risk"]) <= 1 for r in rows)


def test_battle_deaths_backtest_columns(tmp_path: Path, shared_data: Path) -> None:
    out = tmp_path / "bd.csv"
    result = runner.invoke(
        app,
        [
            "forecast",
            "backtest",
            "--target",
            "battle_deaths",
            "--first-year",
            "2024",
            "--last-year",
            "2024",
            "--output",
            str(out),
            "--data-dir",
            str(shared_data),
        ],
    )
    assert result.exit_code == 0, result.output
    header, rows = _rows(out)
    assert header == ["country", "gwno", "year", *QUANTILES]
    by_country = {r["country"]: r for r in rows}
    assert by_country["SRB"]["gwno"] == "340" and by_country["YEM"]["gwno"] == "678"
    assert float(by_country["NOR"]["q0.95"]) == 0.0  # a zero-death country is still a row


def test_missing_data_dir_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "forecast",
            "backtest",
            "--target",
            "mk_onset",
            "--first-year",
            "2000",
            "--last-year",
            "2001",
            "--output",
            str(tmp_path / "x.csv"),
            "--data-dir",
            str(tmp_path / "nowhere"),
        ],
    )
    assert isinstance(result.exception, ConfigError)
    assert result.exception.code == "E-AS-010"
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--target", "coups", "--first-year", "2000", "--last-year", "2001"], "E-AS-030"),
        (["--target", "mk_onset", "--first-year", "2005", "--last-year", "2001"], "E-AS-031"),
        (["--target", "battle_deaths", "--first-year", "1950", "--last-year", "1960"], "E-AS-032"),
    ],
)
def test_bad_options(tmp_path: Path, shared_data: Path, args: list[str], code: str) -> None:
    result = runner.invoke(
        app,
        [
            "forecast",
            "backtest",
            *args,
            "--output",
            str(tmp_path / "x.csv"),
            "--data-dir",
            str(shared_data),
        ],
    )
    assert isinstance(result.exception, InputError)
    assert result.exception.code == code


def test_forecast_run_and_show(cli_env: dict[str, str], shared_data: Path) -> None:
    result = runner.invoke(
        app, ["forecast", "run", "--target", "battle_deaths", "--data-dir", str(shared_data)]
    )
    assert result.exit_code == 0, result.output
    assert "battle_deaths 2025" in result.output
    shown = runner.invoke(app, ["forecast", "show", "--target", "battle_deaths", "--top", "3"])
    assert shown.exit_code == 0 and "UKR" in shown.output
