"""The per-install secret: generated on first use, private, never a default."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from wiqaya.errors import ConfigError
from wiqaya.security.secrets import SECRET_FILE, Keys, load_keys, load_secret


def test_secret_is_generated_once_with_owner_only_permissions(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = load_secret(home)
    path = home / SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first) >= 32
    assert load_secret(home) == first  # stable across restarts


def test_every_install_gets_its_own_secret(tmp_path: Path) -> None:
    assert load_secret(tmp_path / "a") != load_secret(tmp_path / "b")


def test_workers_starting_together_agree_on_one_secret(tmp_path: Path) -> None:
    home = tmp_path / "home"
    results: list[bytes] = []

    def start() -> None:
        results.append(load_secret(home))

    threads = [threading.Thread(target=start) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1


def test_a_secret_readable_by_others_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    load_secret(home)
    os.chmod(home / SECRET_FILE, 0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        load_secret(home)


def test_a_truncated_secret_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    path = home / SECRET_FILE
    path.write_bytes(b"c2hvcnQ=\n")
    os.chmod(path, 0o600)
    with pytest.raises(ConfigError, match="too short"):
        load_secret(home)


def test_pseudonyms_are_keyed_stable_and_reveal_nothing(tmp_path: Path) -> None:
    keys = load_keys(tmp_path / "home")
    identity = "شبكة أبو كريم الميدانية"
    pseudonym = keys.pseudonym_for(identity)
    assert pseudonym.startswith("src-") and len(pseudonym) == 24
    assert keys.pseudonym_for("  شبكة أبو كريم   الميدانية ") == pseudonym
    assert Keys(b"y" * 32).pseudonym_for(identity) != pseudonym  # another install, another name
    token = keys.encrypt_identity(identity)
    assert identity.encode() not in token
    assert keys.decrypt_identity(token) == identity
    with pytest.raises(ConfigError, match="install secret differs"):
        Keys(b"y" * 32).decrypt_identity(token)


def test_derived_keys_differ_per_purpose(tmp_path: Path) -> None:
    keys = load_keys(tmp_path / "home")
    assert len({keys.session, keys.audit, keys.pseudonym, keys.secret}) == 4
