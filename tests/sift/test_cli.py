"""``wiqaya ingest`` and ``wiqaya export documents`` from the command line."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from wiqaya.cli.main import app
from wiqaya.errors import InputError
from wiqaya.runtime import Runtime
from wiqaya.sift.export import escape_formula
from wiqaya.sift.pipeline import IngestOptions, ingest_paths

from .corpus import SENTENCES, csv_text, write
from .helpers import counts

SRC = Path(__file__).resolve().parents[2] / "src"
S = SENTENCES
runner = CliRunner()


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wiqaya", *args],
        env={**os.environ, **env, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_ingest_command_summary_strict_and_errors(
    runtime: Runtime, cli_env: dict[str, str], tmp_path: Path
) -> None:
    write(tmp_path / "in" / "a.txt", S[0])
    write(tmp_path / "in" / "b.csv", csv_text(["text", "date"], [[S[1], "2024-02-30"]]))
    result = _run(["ingest", str(tmp_path / "in"), "--source", "desk", "--no-progress"], cli_env)
    assert result.returncode == 0, result.stderr
    assert "new documents" in result.stdout and "invalid-date" in result.stdout
    strict = _run(["ingest", str(tmp_path / "in"), "--strict", "--no-progress"], cli_env)
    assert strict.returncode == 3
    missing = _run(["ingest", str(tmp_path / "nowhere")], cli_env)
    assert missing.returncode == 2
    assert "E-ING-001" in missing.stderr and "Traceback" not in missing.stderr
    big = _run(["ingest", str(tmp_path / "in"), "--max-file-bytes", "10", "--no-progress"], cli_env)
    assert "too-large" in big.stdout
    assert counts(runtime)["documents"] == 1


@pytest.fixture
def stored(runtime: Runtime, tmp_path: Path) -> Runtime:
    rows = [
        ["a1", "2024-01-15", "ar", S[0], "عنوان"],
        ["a2", "2024-03-15", "ar", S[1], '=HYPERLINK("http://evil")'],
        ["e1", "2024-03-20", "en", "=1+2 said the envoy in Geneva", "+cmd|' /C calc'!A0"],
        ["e2", "2023-12-31", "en", "-10 degrees at the border crossing", "@SUM(A1)"],
    ]
    write(tmp_path / "a.csv", csv_text(["id", "date", "lang", "text", "title"], rows))
    ingest_paths(runtime, [tmp_path / "a.csv"], source="agency-a")
    write(tmp_path / "b.txt", S[2])
    ingest_paths(
        runtime, [tmp_path / "b.txt"], source="agency-b", options=IngestOptions(doc_type="report")
    )
    return runtime


def _export(args: list[str], env: dict[str, str]) -> bytes:
    result = runner.invoke(app, ["export", "documents", *args], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_csv_export_has_bom_and_escapes_formulas(stored: Runtime, cli_env: dict[str, str]) -> None:
    data = _export(["--format", "csv"], cli_env)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 5
    by_id = {r["external_id"]: r for r in rows}
    assert by_id["a1"]["text"] == S[0] and by_id["a1"]["title"] == "عنوان"
    assert by_id["a2"]["title"] == '\'=HYPERLINK("http://evil")'
    assert by_id["e1"]["text"] == "'=1+2 said the envoy in Geneva"
    assert by_id["e1"]["title"].startswith("'+cmd")
    assert by_id["e2"]["text"].startswith("'-10") and by_id["e2"]["title"] == "'@SUM(A1)"
    assert by_id["a1"]["sightings"] == "1"


def test_export_filters(stored: Runtime, cli_env: dict[str, str], tmp_path: Path) -> None:
    def ids(*args: str) -> list[str | None]:
        out = _export(["--format", "jsonl", *args], cli_env).decode("utf-8")
        return [json.loads(line)["external_id"] for line in out.splitlines()]

    assert ids("--lang", "en") == ["e1", "e2"]
    assert ids("--source", "agency-a", "--since", "2024-03-01") == ["a2", "e1"]
    assert ids("--source", "agency-a", "--until", "2024-01-15") == ["a1", "e2"]
    assert ids("--type", "report") == [None]
    assert ids("--source", "nobody") == []
    # JSON Lines keeps the text exactly: escaping is only for spreadsheets.
    line = _export(["--format", "jsonl", "--lang", "en"], cli_env).decode().splitlines()[0]
    assert json.loads(line)["text"] == "=1+2 said the envoy in Geneva"


def test_parquet_export_to_file_and_stdout(
    stored: Runtime, cli_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "docs.parquet"
    result = runner.invoke(
        app,
        ["export", "documents", "--format", "parquet", "--output", str(out), "--lang", "ar"],
        env=cli_env,
    )
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == 3 and S[0] in table.column("text").to_pylist()
    piped = _export(["--format", "parquet"], cli_env)
    assert piped[:4] == b"PAR1"
    assert pq.read_table(io.BytesIO(piped)).num_rows == 5


def test_export_mistakes_are_input_errors(stored: Runtime, cli_env: dict[str, str]) -> None:
    bad_date = runner.invoke(app, ["export", "documents", "--since", "last week"], env=cli_env)
    assert isinstance(bad_date.exception, InputError) and bad_date.exception.code == "E-EXP-001"
    bad_fmt = runner.invoke(app, ["export", "documents", "--format", "xlsx"], env=cli_env)
    assert isinstance(bad_fmt.exception, InputError) and bad_fmt.exception.code == "E-EXP-002"


def test_escape_formula() -> None:
    for cell in ["=A1", "+1", "-1", "@x", "\tx", "\rx"]:
        assert escape_formula(cell) == "'" + cell
    assert escape_formula("قال المتحدث") == "قال المتحدث"
    assert escape_formula("1-2") == "1-2"
