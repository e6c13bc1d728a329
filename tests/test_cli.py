"""The command line answers user mistakes with a coded message, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "wiqaya", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("wiqaya ")


def test_db_upgrade_creates_database(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("db", "upgrade", env={"WIQAYA_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "wiqaya.db").exists()


@pytest.mark.parametrize(
    "url",
    ["not a url at all", "postgresql+psycopg://nobody:wrong@127.0.0.1:1/nothing"],
)
def test_bad_database_url_is_a_clear_error(url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(
        "db", "upgrade", env={"WIQAYA_HOME": str(tmp_path), "WIQAYA_DATABASE_URL": url}
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "E-CFG" in result.stderr or "E-DB" in result.stderr


def test_an_error_raised_while_handling_ctrl_c_still_counts_as_the_interrupt() -> None:
    # Ctrl-C mid-query on PostgreSQL: the rollback then fails with "another
    # command is already in progress", and that error replaces the interrupt.
    from wiqaya.errors import from_interrupt

    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise RuntimeError("sending query failed: another command is already in progress")  # noqa: B904 (implicit chaining is the case)
    except RuntimeError as exc:
        assert from_interrupt(exc)
    assert not from_interrupt(RuntimeError("a real failure"))


def test_a_finished_command_ignores_a_late_ctrl_c() -> None:
    # A Ctrl-C that arrives while the interpreter shuts down, after the work is
    # committed, used to print "Exception ignored ... KeyboardInterrupt" from a
    # finaliser or kill the process with -SIGINT; once the command is over it is ignored.
    code = (
        "import signal, sys\n"
        "from wiqaya.cli.main import main\n"
        "sys.argv = ['wiqaya', '--version']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    assert exc.code in (0, None), exc.code\n"
        "print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)\n"
        "import os; os.kill(os.getpid(), signal.SIGINT)\n"
        "print('still here')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("True\nstill here\n")
    assert "KeyboardInterrupt" not in result.stderr
