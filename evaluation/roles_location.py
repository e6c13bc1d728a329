"""Arabic role-ranker features about the event's location and the countries named, measured.

    PYTHONPATH=src python -m evaluation.roles_location

Source and target country accuracy of the role ranker (the figures
``evaluation/read_arabic.py`` prints, which come from the ranker alone), for the
script's own fold assignment and the mean of the same four document-grouped
assignments, the ranker refitted inside every fold. The *start* is the shipped
feature set without the three features of coder read16 (``sector_only_country_place``,
``sector_only_many``, ``place_in_location_country``); every variant adds columns to
it, so the table of docs/read-arabic.md (round of coder read16) is reproduced row by
row, with other values of C and gradient boosting (scikit-learn) at the shipped
features. Scratch: nothing here is shipped (``evaluation/train_roles.py`` ships).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier

from evaluation.train_detector import group_kfold, set_assignment
from evaluation.train_roles import ROLES, Coded, accuracy, fit_role, load_coded
from wiqaya.read.roles import FEATURES, Candidate

NEW = ("sector_only_country_place", "sector_only_many", "place_in_location_country")
START = tuple(i for i, f in enumerate(FEATURES) if f not in NEW)
F = {f: i for i, f in enumerate(FEATURES)}
Extra = Callable[[Candidate, list[Candidate]], float]


def _countries(cands: list[Candidate], keep: Callable[[Candidate], bool]) -> set[str | None]:
    return {c.mention.country for c in cands if keep(c)}


def _where(cands: list[Candidate]) -> str | None:
    # A sector-only candidate carries the location's country; the location
    # otherwise shows as the candidates flagged same_as_location.
    for c in cands:
        if c.features[F["same_as_location"]]:
            return c.mention.country
    return None


def _sector_only(c: Candidate) -> bool:
    return c.kind == "sector_only"


EXTRAS: dict[str, Extra] = {
    # the shipped ones, read back from their columns
    **{n: (lambda c, cs, n=n: c.features[F[n]]) for n in NEW},
    "only_foreign": lambda c, cs: float(
        (w := _where(cs)) is not None
        and _countries(cs, lambda x: x.mention.country != w) == {c.mention.country}
    ),
    "same_loc_before": lambda c, cs: c.features[F["same_as_location"]] * c.features[F["before"]],
    "same_loc_3_countries": lambda c, cs: (
        c.features[F["same_as_location"]] * float(len(_countries(cs, lambda x: True)) >= 3)
    ),
    "country_share": lambda c, cs: (
        sum(x.mention.country == c.mention.country for x in cs) / len(cs)
    ),
    "one_country": lambda c, cs: float(len(_countries(cs, lambda x: True)) == 1),
}

VARIANTS: list[tuple[str, tuple[str, ...]]] = [
    ("start", ()),
    ("shipped: + all three", NEW),
    ("+ sector_only_country_place", NEW[:1]),
    ("+ sector_only_many", NEW[1:2]),
    ("+ place_in_location_country", NEW[2:]),
    ("+ sector_only_country_place, sector_only_many", NEW[:2]),
    ("+ sector_only_country_place, place_in_location_country", (NEW[0], NEW[2])),
    ("+ the only country other than the location's", ("only_foreign",)),
    ("+ same as location x before", ("same_loc_before",)),
    ("+ same as location x 3+ countries", ("same_loc_3_countries",)),
    ("+ share of candidates with its country", ("country_share",)),
    ("+ one country in the sentence (constant)", ("one_country",)),
]


def with_columns(items: list[Coded], names: tuple[str, ...]) -> list[Coded]:
    out = []
    for it in items:
        cands = {}
        for r in ROLES:
            cs = it.cands[r]
            cands[r] = [
                dataclasses.replace(
                    c,
                    features=tuple(c.features[i] for i in START)
                    + tuple(EXTRAS[n](c, cs) for n in names),
                )
                for c in cs
            ]
        out.append(dataclasses.replace(it, cands=cands))
    return out


def _decide(cands: list[Candidate], scores: np.ndarray, softmax: bool) -> str | None:
    """The country with the most mass (the shipped decision; first maximum wins)."""
    if not cands:
        return None
    p = np.exp(scores - scores.max()) if softmax else scores
    mass: dict[str | None, float] = {}
    for c, v in zip(cands, p, strict=True):
        mass[c.mention.country] = mass.get(c.mention.country, 0.0) + float(v)
    return max(mass, key=mass.__getitem__)


def cv_logit(c: float) -> Callable[[list[Coded]], dict[str, list[str | None]]]:
    def cv(items: list[Coded]) -> dict[str, list[str | None]]:
        pred: dict[str, list[str | None]] = {r: [None] * len(items) for r in ROLES}
        for train, test in group_kfold(5).split(items, groups=[it.group for it in items]):
            for r in ROLES:
                w = np.array(fit_role([items[i] for i in train], r, c))
                for i in test:
                    cs = items[i].cands[r]
                    x = np.array([x.features for x in cs]) if cs else np.zeros((0, len(w)))
                    pred[r][i] = _decide(cs, x @ w, softmax=True)
        return pred

    return cv


def cv_trees(make: Callable[[], object]) -> Callable[[list[Coded]], dict[str, list[str | None]]]:
    """Pointwise classifier on the same rows; a sentence's countries by summed probability."""

    def cv(items: list[Coded]) -> dict[str, list[str | None]]:
        pred: dict[str, list[str | None]] = {r: [None] * len(items) for r in ROLES}
        for train, test in group_kfold(5).split(items, groups=[it.group for it in items]):
            for r in ROLES:
                xs, ys = [], []
                for i in train:
                    it = items[i]
                    lab = [x.mention.country == it.gold[r] for x in it.cands[r]]
                    if it.gold[r] != "None" and any(lab):
                        xs += [x.features for x in it.cands[r]]
                        ys += lab
                model = make().fit(np.array(xs), np.array(ys))  # type: ignore[attr-defined]
                for i in test:
                    cs = items[i].cands[r]
                    if cs:
                        proba = model.predict_proba(np.array([x.features for x in cs]))[:, 1]  # type: ignore[attr-defined]
                        pred[r][i] = _decide(cs, proba, softmax=False)
        return pred

    return cv


def four(items: list[Coded], cv: Callable[[list[Coded]], dict]) -> tuple[np.ndarray, np.ndarray]:
    rows = []
    for seed in (None, 1, 2, 3):
        set_assignment(seed)
        pred = cv(items)
        rows.append([accuracy(items, pred, k, r)[0] for k in ("PROTEST", "ASSAULT") for r in ROLES])
    set_assignment(None)
    return np.array(rows[0]), np.mean(rows, axis=0)


def main() -> None:
    items = load_coded()
    print("PROTEST source / target, ASSAULT source / target: script's assignment | mean of four")

    def show(name: str, its: list[Coded], cv: Callable[[list[Coded]], dict]) -> None:
        d, m = four(its, cv)
        script, mean = (" / ".join(f"{v:.3f}" for v in row) for row in (d, m))
        print(f"  {name:58s} {script} | {mean}")

    for name, names in VARIANTS:
        show(name, with_columns(items, names), cv_logit(3.0))
    shipped = with_columns(items, NEW)
    for c in (1.0, 10.0):
        show(f"shipped features, C={c:g}", shipped, cv_logit(c))
    trees: list[tuple[str, Callable[[], object]]] = [
        (
            "HistGradientBoosting depth 3, 200",
            lambda: HistGradientBoostingClassifier(
                max_depth=3, learning_rate=0.05, max_iter=200, min_samples_leaf=10, random_state=0
            ),
        ),
        (
            "GradientBoosting depth 2, 100",
            lambda: GradientBoostingClassifier(max_depth=2, n_estimators=100, random_state=0),
        ),
        (
            "GradientBoosting depth 3, 200, subsample 0.8",
            lambda: GradientBoostingClassifier(
                max_depth=3, n_estimators=200, learning_rate=0.05, subsample=0.8, random_state=0
            ),
        ),
    ]
    for name, make in trees:
        show(f"shipped features, {name}", shipped, cv_trees(make))


if __name__ == "__main__":
    main()
