"""Series-target configuration: the shipped file loads, bad files fail with a clear code."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from wiqaya.assess.targets import FREQS, load_targets, parse_targets
from wiqaya.errors import ConfigError

GOOD = {
    "targets": {
        "surge": {
            "freq": "month",
            "outcome": {"variable": "indicators.hate_speech", "rule": "rise", "ratio": 2},
            "features": ["indicators.hate_speech", "events.total"],
        }
    }
}


def test_shipped_targets_load() -> None:
    targets = load_targets()
    assert {"escalation", "protest_wave"} <= set(targets)
    esc = targets["escalation"]
    assert esc.outcome.variable == "events.ASSAULT" and esc.freq == "month"
    assert esc.model_name == "series_logit_escalation"


def test_a_new_target_is_configuration_only() -> None:
    spec = parse_targets(GOOD)["surge"]
    assert spec.outcome.ratio == 2.0 and spec.lags == 3 and spec.min_outcomes == 5


@pytest.mark.parametrize(
    "patch",
    [
        {"freq": "week"},
        {"features": []},
        {"features": ["nodot"]},
        {"outcome": {"variable": "events.ASSAULT", "rule": "sideways"}},
        {"outcome": {"rule": "rise"}},
        {"lags": 0},
        {"regularisation": "strong"},
    ],
)
def test_bad_targets_fail_clearly(patch: dict) -> None:
    body = {**GOOD["targets"]["surge"], **patch}
    with pytest.raises(ConfigError) as err:
        parse_targets({"targets": {"surge": body}})
    assert err.value.code.startswith("E-AS-02")


def test_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "targets.yaml"
    bad.write_text("targets: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_targets(bad)
    assert err.value.code == "E-AS-022"


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(), kids, max_size=4),
        max_leaves=20,
    )
)
def test_any_yaml_value_gives_targets_or_a_config_error(raw: object) -> None:
    for candidate in (raw, {"targets": raw}, {"targets": {"x": raw}}):
        try:
            specs = parse_targets(yaml.safe_load(yaml.safe_dump(candidate)))
        except ConfigError:
            continue
        assert all(s.freq in FREQS and s.features and s.lags > 0 for s in specs.values())
