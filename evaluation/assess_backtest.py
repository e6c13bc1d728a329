"""Measured backtests of the assess stage, side by side, in one run.

    PYTHONPATH=src python -m evaluation.assess_backtest [--data-dir ../shared/data]
        [--plots docs/img] [--select]

Prints, for mass-killing onset 1994-2024, AUC, Brier score and the share of
onsets in each year's 30 highest-ranked countries for Wiqaya and for the Early
Warning Project's published out-of-sample forecasts on the same country-years;
for battle deaths 2015-2024, the pinball loss over 19 quantiles and the 90%
interval coverage for Wiqaya, ``last`` and the bootstrap; and the time of the
full backtest. ``--select`` also reruns the model-selection validation
(1975-1993); ``--plots`` writes the calibration plots as SVG.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from wiqaya.assess.crosswalk import load_crosswalk
from wiqaya.assess.plots import onset_reliability_svg, quantile_calibration_svg
from wiqaya.assess.report import battle_deaths_report, onset_report
from wiqaya.assess.selection import validate
from wiqaya.assess.sources import read_ewp_predictors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--plots", type=Path, default=None)
    parser.add_argument("--select", action="store_true")
    args = parser.parse_args()

    if args.select:
        started = time.perf_counter()
        table = validate(read_ewp_predictors(args.data_dir), load_crosswalk())
        print("mk_onset model selection, validation 1975-1993 (test years unseen)")
        print(table.to_string(index=False, float_format=lambda v: f"{v:.4f}"))
        print(f"selection took {time.perf_counter() - started:.1f} s\n")

    started = time.perf_counter()
    onset = onset_report(args.data_dir)
    deaths = battle_deaths_report(args.data_dir)
    total = time.perf_counter() - started

    print(
        f"mk_onset {onset['years'][0]}-{onset['years'][1]}: {onset['country_years']} "
        f"country-years forecast by both, {onset['onsets']} onsets"
    )
    print(f"{'forecaster':<34}{'AUC':>8}{'Brier':>10}{'top-30':>9}")
    names = {
        "wiqaya": f"Wiqaya ({onset['model']})",
        "ewp": "EWP FOOS risk_prev (1-yr origin)",
        "ewp_2yr": "EWP FOOS maxrisk2 (2-yr max)",
    }
    for key, label in names.items():
        s = onset["scores"][key]
        print(f"{label:<34}{s['auc']:>8.3f}{s['brier']:>10.5f}{s['top30']:>8.1%}")
    print()
    print(
        f"battle_deaths {deaths['years'][0]}-{deaths['years'][1]}: {deaths['country_years']} "
        f"GW country-years ({deaths['active_country_years']} with deaths this or last year)"
    )
    print(f"{'forecaster':<24}{'pinball':>10}{'cov90':>8}{'pinball*':>11}{'cov90*':>9}")
    for key, label in (
        ("wiqaya", f"Wiqaya ({deaths['model']})"),
        ("last", "last (no change)"),
        ("bootstrap", "bootstrap (3 yrs)"),
    ):
        s = deaths["scores"][key]
        print(
            f"{label:<24}{s['pinball']:>10.2f}{s['coverage90']:>8.3f}"
            f"{s['pinball_active']:>11.2f}{s['coverage90_active']:>9.3f}"
        )
    print("  * on country-years with battle deaths in the year or the year before")
    print()
    print(
        f"time: mk_onset backtest {onset['seconds']:.1f} s, battle_deaths backtest "
        f"{deaths['seconds']:.1f} s, with scoring {total:.1f} s (target < 120 s, one core)"
    )

    if args.plots:
        args.plots.mkdir(parents=True, exist_ok=True)
        for lang, rtl in (("en", False), ("ar", True)):
            labels = _labels(lang)
            (args.plots / f"assess_onset_reliability_{lang}.svg").write_text(
                onset_reliability_svg(onset, labels["onset"], rtl), encoding="utf-8"
            )
            (args.plots / f"assess_deaths_quantiles_{lang}.svg").write_text(
                quantile_calibration_svg(deaths, labels["deaths"], rtl), encoding="utf-8"
            )
        print(f"plots written to {args.plots}")


def _labels(lang: str) -> dict[str, dict[str, str]]:
    # The same strings as the web page's, so the docs show what users see.
    from wiqaya.web import i18n
    from wiqaya.web.pages import forecasts  # noqa: F401  (registers the strings)

    t = i18n.translator(lang)
    return {
        "onset": {
            "wiqaya": t("bt.wiqaya"),
            "ewp": t("bt.ewp"),
            "title": t("bt.rel_title"),
            "x": t("bt.rel_x"),
            "y": t("bt.rel_y"),
        },
        "deaths": {
            "wiqaya": t("bt.wiqaya"),
            "last": t("bt.last"),
            "bootstrap": t("bt.bootstrap"),
            "title": t("bt.q_title"),
            "x": t("bt.q_x"),
            "y": t("bt.q_y"),
        },
    }


if __name__ == "__main__":
    main()
