"""A confidential source's identity appears nowhere: not in logs, CLI output, exports,
API responses, pages, the audit log, or the raw bytes of the database."""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from wiqaya.cli.main import app as cli
from wiqaya.cli.main import export_app
from wiqaya.security.roles import ADMIN, VIEWER
from wiqaya.store import security as store
from wiqaya.store.engine import transaction
from wiqaya.store.models import Base
from wiqaya.store.models.sift import Document, Source

IDENTITY = "شبكة أبو كريم الميدانية - Abu Karim field network"
FRAGMENTS = ("أبو كريم", "Abu Karim", "abu karim")


def _assert_absent(where: str, blob: bytes | str) -> None:
    data = blob if isinstance(blob, bytes) else blob.encode("utf-8", "surrogatepass")
    for fragment in FRAGMENTS:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert fragment.encode(encoding) not in data, f"{fragment!r} found in {where}"
        assert fragment.lower().encode() not in data.lower(), f"{fragment!r} found in {where}"


@pytest.fixture
def confidential(runtime, cli_env, caplog):  # type: ignore[no-untyped-def]
    """Create the source through the CLI and file two documents under it."""
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # even SQL logs
    runner = CliRunner()
    made = runner.invoke(
        cli, ["sources", "add", "--confidential", "--identity-stdin"], input=IDENTITY + "\n"
    )
    assert made.exit_code == 0, made.output
    with runtime.sessions() as session:
        source = session.execute(select(Source)).scalar_one()
    assert source.confidential and source.name.startswith("src-")
    assert source.name in made.output
    docs = []
    with transaction(runtime.sessions) as session:
        for i, text in enumerate(
            ["اشتباكات في حي الشيخ مقصود", "تهديدات ضد المرشحين في الانتخابات"]
        ):
            doc = Document(
                source_id=source.id,
                external_id=f"report-{i}",
                title=f"تقرير ميداني {i}",
                url=f"https://field.example/reports/{i}",
                lang="ar",
                text=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                text_sha256=hashlib.sha256(text.encode()).hexdigest(),
                published_at=datetime(2024, 5, 1 + i),
            )
            session.add(doc)
            session.flush()
            docs.append(doc.id)
    yield source.name, docs, made.output
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)


def test_identity_is_encrypted_and_only_the_pseudonym_is_stored(runtime, confidential) -> None:  # type: ignore[no-untyped-def]
    pseudonym, _docs, output = confidential
    _assert_absent("CLI output", output)
    with runtime.sessions() as session:
        source = session.execute(select(Source)).scalar_one()
    assert source.name == runtime.keys.pseudonym_for(IDENTITY)
    assert runtime.keys.decrypt_identity(source.identity_encrypted) == IDENTITY


def test_identity_is_in_no_api_response_or_page(
    runtime, confidential, app_client, api_token
) -> None:  # type: ignore[no-untyped-def]
    pseudonym, docs, _ = confidential
    client = app_client(None)
    auth = {"Authorization": f"Bearer {api_token(ADMIN)}"}
    responses = {
        "documents": client.get("/api/v1/documents", headers=auth),
        "documents?source": client.get(f"/api/v1/documents?source={pseudonym}", headers=auth),
        "document": client.get(f"/api/v1/documents/{docs[0]}", headers=auth),
        "sources": client.get("/api/v1/sources", headers=auth),
        "events": client.get("/api/v1/events", headers=auth),
    }
    for name, response in responses.items():
        assert response.status_code == 200, (name, response.text)
        _assert_absent(f"API {name}", response.content)
    listed = responses["documents?source"].json()
    assert listed["total"] == 2
    assert {d["source"] for d in listed["items"]} == {pseudonym}
    # A URL or external id could point at the source: withheld for confidential ones.
    detail = responses["document"].json()
    assert detail["url"] is None and detail["external_id"] is None
    assert detail["confidential_source"] is True
    pages = app_client(VIEWER)
    for url in ("/ingested", "/ingested?lang=en"):
        page = pages.get(url)
        assert page.status_code == 200
        assert pseudonym in page.text
        _assert_absent(f"page {url}", page.content)


def test_identity_is_in_no_log_line_or_audit_entry(runtime, confidential, caplog) -> None:  # type: ignore[no-untyped-def]
    pseudonym, _docs, _ = confidential
    runner = CliRunner()
    listed = runner.invoke(cli, ["sources", "list"])
    assert listed.exit_code == 0 and pseudonym in listed.output
    _assert_absent("sources list", listed.output)
    shown = runner.invoke(cli, ["audit", "show", "--limit", "50"])
    assert shown.exit_code == 0
    _assert_absent("audit show", shown.output)
    assert caplog.records, "logging was captured"
    _assert_absent("logs", "\n".join(r.getMessage() for r in caplog.records))
    _assert_absent("logs", caplog.text)


def test_ingest_by_identity_resolves_to_the_pseudonym(runtime, confidential) -> None:  # type: ignore[no-untyped-def]
    pseudonym, _docs, _ = confidential
    with runtime.sessions() as session:
        assert store.resolve_source_name(session, runtime.keys, IDENTITY) == pseudonym
        assert store.resolve_source_name(session, runtime.keys, "Reuters") == "Reuters"
    # Creating a plain source that names the confidential identity is refused.
    with runtime.sessions() as session, pytest.raises(Exception, match="confidential source"):
        store.add_source(session, runtime.keys, IDENTITY, confidential=False)


def test_identity_is_in_no_database_row_on_either_back_end(runtime, confidential) -> None:  # type: ignore[no-untyped-def]
    with runtime.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(table.select()):
                for value in row:
                    if isinstance(value, (str, bytes)):
                        _assert_absent(f"table {table.name}", value)


def test_identity_is_in_no_byte_of_the_sqlite_files(runtime, confidential) -> None:  # type: ignore[no-untyped-def]
    if runtime.engine.dialect.name != "sqlite":
        pytest.skip("raw file bytes are checked on SQLite; PostgreSQL rows are checked above")
    path = Path(make_url(runtime.url).database)
    files = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]
    assert Path(f"{path}-wal").exists(), "the WAL must be checked too"
    for file in files:
        _assert_absent(file.name, file.read_bytes())
    runtime.engine.dispose()  # checkpoint the WAL into the main file, then look again
    for file in [p for p in (path, Path(f"{path}-wal")) if p.exists()]:
        _assert_absent(file.name, file.read_bytes())


def test_identity_is_in_no_export(runtime, confidential, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Runs every registered ``wiqaya export`` command and searches what it wrote."""
    pseudonym = confidential[0]
    commands = [c.name for c in export_app.registered_commands if c.name]
    if not commands:
        pytest.skip("no export commands are registered on this branch yet")
    runner = CliRunner()
    for name in commands:
        out = tmp_path / f"{name}.out"
        result = runner.invoke(cli, ["export", name, "--output", str(out)])
        _assert_absent(f"export {name} output", result.output)
        assert result.exit_code == 0, result.output
        assert out.exists()
        data = out.read_bytes()
        _assert_absent(f"export {name} file", data)
        # Where the export has records, the pseudonym is there; the URLs that could
        # point at the source never are.
        if len(data.strip().splitlines()) > 1:
            assert pseudonym.encode() in data
        assert b"field.example" not in data


def test_only_the_local_operator_can_reveal_and_it_is_audited(runtime, confidential) -> None:  # type: ignore[no-untyped-def]
    from wiqaya.store.models.security import AuditEntry

    pseudonym, _docs, _ = confidential
    revealed = CliRunner().invoke(cli, ["sources", "reveal", pseudonym])
    assert revealed.exit_code == 0 and revealed.output.strip() == IDENTITY
    with runtime.sessions() as session:
        last = session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc())).scalars().first()
    assert last.action == "source.reveal" and pseudonym in last.payload
    _assert_absent("audit entry of the reveal", last.payload)
    unknown = CliRunner().invoke(cli, ["sources", "reveal", "src-nothere"])
    assert unknown.exit_code != 0


def test_ingest_by_the_identity_files_under_the_pseudonym(runtime, confidential, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pseudonym, _docs, _ = confidential
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r1.txt").write_text("قصف على أطراف المدينة ونزوح عشرات العائلات", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "--source", IDENTITY, str(folder)])
    assert result.exit_code == 0, result.output
    _assert_absent("ingest output", result.output)
    with runtime.sessions() as session:
        names = set(session.execute(select(Source.name)).scalars())
    assert names == {pseudonym}
