"""The ranker-variant script measures the shipped ranker, not a look-alike.

``evaluation/roles_variants.py`` refits the Arabic role ranker with a vectorised
copy of ``evaluation/train_roles.py``'s objective; at the shipped strength it must
give the shipped weights, or its comparisons (docs/read-arabic.md, second round of
2026-11-24) would be against the wrong reference.
"""

from __future__ import annotations

import json

import pytest
from evaluation.roles_variants import ROLES, _with_convention, fit_one
from evaluation.train_roles import C, load_coded

from wiqaya.read.actors import DATA
from wiqaya.read.roles import load_roles


@pytest.mark.parametrize("role", ROLES)
def test_vectorised_fit_gives_the_shipped_weights(role: str) -> None:
    shipped = load_roles()
    assert shipped is not None
    got = fit_one(load_coded(), role, C)
    assert got == pytest.approx(shipped.weights[role], abs=1e-5)


def test_a_convention_only_adds_its_entries() -> None:
    adds = json.loads((DATA / "actors_additions.json").read_text(encoding="utf-8"))
    conv = {
        "groups": [{"country": "USA", "sector": "MIL", "ar": ["التحالف بقياده الولايات المتحده"]}],
        "agents_remove": {"IMG": ["الشباب"]},
        "agents_add": {"IMG": ["حركه الشباب المجاهدين"]},
    }
    out = _with_convention(adds, conv)
    assert out["groups"][:-1] == adds["groups"]
    assert out["groups"][-1]["country"] == "USA"
    assert "الشباب" in adds["agents"]["IMG"]["ar"]
    assert "الشباب" not in out["agents"]["IMG"]["ar"]
    assert out["agents"]["IMG"]["ar"][-1] == "حركه الشباب المجاهدين"
    assert out["stop"] == adds["stop"]
