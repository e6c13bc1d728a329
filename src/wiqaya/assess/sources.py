"""Where the imported data sets for assess live, and how they are read into tables.

EWP may never be copied into the repository: it is read at run time from the
shared data directory beside the repository (``--data-dir`` or
``WIQAYA_SHARED_DATA``, default ``<repo>/../shared/data``). UCDP ships with the
package (CC BY 4.0) and is read from the bundled copy unless the data directory
has one.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from wiqaya.config import PACKAGE_DATA
from wiqaya.errors import ConfigError, InputError

DATA_ENV = "WIQAYA_SHARED_DATA"
REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
EWP_PREDICTORS = "ewp_2025/prepared2024predictors-2025-09-03.csv"
EWP_FOOS = "ewp_2025/FOOSforecasts_3Sep2025.csv"
UCDP_FILE = "ucdp/BattleDeaths_v25_1.csv"
BUNDLED_UCDP = PACKAGE_DATA / "bundled" / UCDP_FILE

# Columns of the EWP predictor file that are outcomes or keys, never predictors.
EWP_NON_PREDICTORS = frozenset(
    {"ewp_name", "year", "ccode", "mk_onset", "mk_onset_1", "mk_onset_2", "mk_onset_1or2"}
)
UCDP_REQUIRED = ("year", "bd_best", "gwno_loc", "dyad_id")


def shared_data_dir(data_dir: Path | str | None = None) -> Path:
    """The data directory to read from: the argument, then the environment, then the default."""
    raw = data_dir or os.environ.get(DATA_ENV) or DEFAULT_SHARED_DATA
    path = Path(raw).expanduser()
    if not path.is_dir():
        raise ConfigError(
            f"shared data directory {path} does not exist; pass --data-dir or set {DATA_ENV} "
            "to the folder holding ewp_2025/ and ucdp/",
            code="E-AS-010",
        )
    return path


def _require_file(path: Path, what: str) -> Path:
    if not path.is_file():
        raise ConfigError(
            f"{what} not found at {path}; check --data-dir / {DATA_ENV}", code="E-AS-011"
        )
    return path


def _read_csv(path: Path, what: str, required: tuple[str, ...]) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, na_values=["NA"])
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise InputError(f"{what} at {path} is not a readable CSV: {exc}", code="E-AS-012") from exc
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError(
            f"{what} at {path} lacks the columns {', '.join(missing)}", code="E-AS-013"
        )
    return frame


def read_ewp_predictors(data_dir: Path | str | None = None) -> pd.DataFrame:
    path = _require_file(shared_data_dir(data_dir) / EWP_PREDICTORS, "EWP predictors")
    frame = _read_csv(path, "EWP predictors", ("ewp_name", "year", "ccode", "mk_onset"))
    frame["ccode"] = frame["ccode"].astype(int)
    frame["year"] = frame["year"].astype(int)
    return frame


def read_ewp_foos(data_dir: Path | str | None = None) -> pd.DataFrame:
    path = _require_file(shared_data_dir(data_dir) / EWP_FOOS, "EWP out-of-sample forecasts")
    return _read_csv(path, "EWP forecasts", ("year", "ccode", "mk_onset", "risk_prev"))


def ucdp_path(data_dir: Path | str | None = None) -> Path:
    """The UCDP file in the data directory when there is one, else the bundled copy."""
    raw = data_dir or os.environ.get(DATA_ENV)
    if raw:
        candidate = shared_data_dir(raw) / UCDP_FILE
        if candidate.is_file():
            return candidate
    elif (DEFAULT_SHARED_DATA / UCDP_FILE).is_file():
        return DEFAULT_SHARED_DATA / UCDP_FILE
    return _require_file(BUNDLED_UCDP, "UCDP battle deaths")


def read_ucdp(path: Path | None = None) -> pd.DataFrame:
    path = path or ucdp_path()
    return _read_csv(path, "UCDP battle deaths", UCDP_REQUIRED)


def ewp_predictor_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c not in EWP_NON_PREDICTORS]
