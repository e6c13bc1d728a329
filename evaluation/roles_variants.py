"""Steadier Arabic role rankers? Regularisation, pooling and actor conventions, measured.

    PYTHONPATH=src python -m evaluation.roles_variants [--rankers A,B,...] [--conventions]

Source and target country accuracy of the role ranker (the figures
``evaluation/read_arabic.py`` prints, which come from the ranker alone), mean
of the same four document-grouped fold assignments, the ranker refitted inside
every fold, for several ways of fitting it:

- ``C=…`` / ``Cs=…/Ct=…``: the shipped conditional logit with a fixed L2
  strength, shared or per role (``C=3`` is what ships);
- ``nested-*``: C picked from 0.3/1/3/10 by a 4-fold grouped CV *inside* each
  training fold (never on the scored fold), by inner accuracy or inner log
  mass on the gold country, one C for both roles or one per role;
- ``pooled-…``: source and target fitted together, w_role = w_shared + d_role
  (shared weights and role-specific deviations, each with its own L2);
- ``bagged``: weights averaged over 15 document bootstraps;
- ``prior``: L2 towards +1 on the word-order feature instead of towards 0;
- ``avg-C``: weights averaged over C = 1, 3 and 10.

``--conventions`` also refits each ranker after adding each actor convention of
``evaluation/roles_conventions.json`` (tried and not kept in docs/read-arabic.md) to the
shipped actor dictionary, and counts how many *untouched* sentences (whose
candidates the convention does not change) flip their predicted country, over
the four assignments and five conventions: the instability that kept the
conventions out. Scratch only: nothing here is shipped.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from sklearn.model_selection import GroupKFold

from evaluation.train_detector import group_kfold, set_assignment
from evaluation.train_roles import Coded, accuracy, load_coded
from wiqaya.read.roles import FEATURES, RoleModel

ROLES = ("source", "target")
NF = len(FEATURES)
GRID = (0.3, 1.0, 3.0, 10.0)
CONVENTIONS = Path(__file__).with_name("roles_conventions.json")
Weights = dict[str, np.ndarray]
Fitter = Callable[[list[Coded]], Weights]


def _packed(items: list[Coded], role: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidates of the trainable sentences stacked, with each sentence's first row."""
    xs, ys = [], []
    for it in items:
        gold = it.gold[role]
        y = np.array([c.mention.country == gold for c in it.cands[role]], dtype=bool)
        if gold == "None" or not y.any():
            continue
        xs.append(np.array([c.features for c in it.cands[role]]))
        ys.append(y)
    starts = np.cumsum([0] + [len(y) for y in ys[:-1]])
    return np.vstack(xs), np.concatenate(ys), starts


def _nll(w: np.ndarray, x: np.ndarray, y: np.ndarray, starts: np.ndarray):  # noqa: ANN202
    """Minus the log softmax mass on the gold country, summed over sentences, and its gradient."""
    z = x @ w
    lens = np.diff(np.append(starts, len(z)))
    e = np.exp(z - np.repeat(np.maximum.reduceat(z, starts), lens))
    tot = np.add.reduceat(e, starts)
    pos = np.add.reduceat(np.where(y, e, 0.0), starts)
    p = e / np.repeat(tot, lens)
    q = np.where(y, e / np.repeat(pos, lens), 0.0)
    return -np.sum(np.log(pos / tot)), -((q - p) @ x)


def fit_one(items: list[Coded], role: str, c: float, w0: np.ndarray | None = None) -> np.ndarray:
    """The shipped objective (``train_roles.fit_role``), vectorised; L2 towards ``w0``."""
    x, y, s = _packed(items, role)
    w0 = np.zeros(NF) if w0 is None else w0

    def loss(w: np.ndarray):  # noqa: ANN202
        v, g = _nll(w, x, y, s)
        d = w - w0
        return v + 0.5 * d @ d / c, g + d / c

    return minimize(loss, w0.copy(), jac=True, method="L-BFGS-B").x


def fit_pooled(items: list[Coded], c_shared: float, c_delta: float) -> Weights:
    ps, pt = _packed(items, "source"), _packed(items, "target")

    def loss(th: np.ndarray):  # noqa: ANN202
        ws, ds, dt = th[:NF], th[NF : 2 * NF], th[2 * NF :]
        v1, g1 = _nll(ws + ds, *ps)
        v2, g2 = _nll(ws + dt, *pt)
        pen = (ws @ ws / c_shared + (ds @ ds + dt @ dt) / c_delta) / 2
        grad = np.concatenate([g1 + g2 + ws / c_shared, g1 + ds / c_delta, g2 + dt / c_delta])
        return v1 + v2 + pen, grad

    th = minimize(loss, np.zeros(3 * NF), jac=True, method="L-BFGS-B").x
    return {"source": th[:NF] + th[NF : 2 * NF], "target": th[:NF] + th[2 * NF :]}


def fit_bagged(items: list[Coded], c: float = 3.0, rounds: int = 15) -> Weights:
    rng = np.random.default_rng(0)
    docs = sorted({it.group for it in items})
    out = {r: np.zeros(NF) for r in ROLES}
    for _ in range(rounds):
        drawn: dict[str, int] = {}
        for k in rng.choice(len(docs), len(docs), replace=True):
            drawn[docs[k]] = drawn.get(docs[k], 0) + 1
        sample = [it for it in items for _ in range(drawn.get(it.group, 0))]
        for r in ROLES:
            out[r] += fit_one(sample, r, c) / rounds
    return out


def _picks(w: np.ndarray, items: list[Coded], role: str) -> list[str | None]:
    model = RoleModel({role: tuple(w)}, "variant")
    best = [model.pick(it.cands[role], role) for it in items]
    return [b.mention.country if b else None for b in best]


def _inner(items: list[Coded], role: str, c: float, metric: str) -> float:
    """Grouped 4-fold CV of one C inside a training fold: accuracy or log mass on gold."""
    score = 0.0
    for tr, te in GroupKFold(4).split(items, groups=[it.group for it in items]):
        w = fit_one([items[i] for i in tr], role, c)
        held = [items[i] for i in te if items[i].gold[role] != "None"]
        if metric == "acc":
            score += sum(
                p == it.gold[role] for p, it in zip(_picks(w, held, role), held, strict=True)
            )
        else:
            x, y, s = _packed(held, role)
            score -= _nll(w, x, y, s)[0]
    return score


def fit_nested(items: list[Coded], metric: str, per_role: bool) -> Weights:
    if per_role:
        best = {r: max(GRID, key=lambda c, r=r: _inner(items, r, c, metric)) for r in ROLES}
    else:
        c = max(GRID, key=lambda c: sum(_inner(items, r, c, metric) for r in ROLES))
        best = dict.fromkeys(ROLES, c)
    return {r: fit_one(items, r, best[r]) for r in ROLES}


def _fixed(cs: float, ct: float) -> Fitter:
    return lambda tr: {"source": fit_one(tr, "source", cs), "target": fit_one(tr, "target", ct)}


_PRIOR = np.zeros(NF)
_PRIOR[FEATURES.index("word_order_pick")] = 1.0
RANKERS: dict[str, Fitter] = {
    "C=3": _fixed(3.0, 3.0),
    "C=0.3": _fixed(0.3, 0.3),
    "C=1": _fixed(1.0, 1.0),
    "C=10": _fixed(10.0, 10.0),
    "Cs=1/Ct=3": _fixed(1.0, 3.0),
    "Cs=3/Ct=1": _fixed(3.0, 1.0),
    "Cs=3/Ct=10": _fixed(3.0, 10.0),
    "nested-acc-per-role": lambda tr: fit_nested(tr, "acc", True),
    "nested-ll-per-role": lambda tr: fit_nested(tr, "ll", True),
    "nested-acc-shared": lambda tr: fit_nested(tr, "acc", False),
    "nested-ll-shared": lambda tr: fit_nested(tr, "ll", False),
    "pooled-0.3/3": lambda tr: fit_pooled(tr, 0.3, 3.0),
    "pooled-1/3": lambda tr: fit_pooled(tr, 1.0, 3.0),
    "pooled-3/3": lambda tr: fit_pooled(tr, 3.0, 3.0),
    "pooled-3/1": lambda tr: fit_pooled(tr, 3.0, 1.0),
    "bagged": fit_bagged,
    "prior-C=1": lambda tr: {r: fit_one(tr, r, 1.0, _PRIOR) for r in ROLES},
    "prior-C=3": lambda tr: {r: fit_one(tr, r, 3.0, _PRIOR) for r in ROLES},
    "avg-C": lambda tr: {r: sum(fit_one(tr, r, c) for c in (1.0, 3.0, 10.0)) / 3 for r in ROLES},
}
DEFAULT = ("C=3", "C=1", "C=10", "nested-ll-shared", "pooled-1/3", "bagged")


def out_of_fold(items: list[Coded], fitter: Fitter) -> list[dict[str, list[str | None]]]:
    """Out-of-fold picks per role for each of the four fold assignments."""
    runs = []
    groups = [it.group for it in items]
    for seed in (None, 1, 2, 3):
        set_assignment(seed)
        pred: dict[str, list[str | None]] = {r: [None] * len(items) for r in ROLES}
        for train, test in group_kfold(5).split(items, groups=groups):
            weights = fitter([items[i] for i in train])
            for r in ROLES:
                for i, p in zip(test, _picks(weights[r], [items[i] for i in test], r), strict=True):
                    pred[r][i] = p
        runs.append(pred)
    set_assignment(None)
    return runs


def mean_figures(items: list[Coded], runs: list[dict[str, list[str | None]]]) -> np.ndarray:
    """PROTEST source, target, ASSAULT source, target: mean over the assignments."""
    rows = [
        [accuracy(items, pred, k, r)[0] for k in ("PROTEST", "ASSAULT") for r in ROLES]
        for pred in runs
    ]
    return np.mean(rows, axis=0)


def _with_convention(adds: dict, conv: dict) -> dict:
    out = json.loads(json.dumps(adds))
    out["groups"] += conv.get("groups", [])
    out["stop"] += conv.get("stop", [])
    for kind, names in conv.get("organisations", {}).items():
        out["organisations"][kind]["ar"] += names
    for kind, names in conv.get("agents_remove", {}).items():
        out["agents"][kind]["ar"] = [n for n in out["agents"][kind]["ar"] if n not in names]
    for kind, names in conv.get("agents_add", {}).items():
        out["agents"][kind]["ar"] += names
    return out


def dump_coded(name: str, path: str) -> None:
    """Child process: the coded sentences read with one convention added, pickled."""
    import wiqaya.read.actors as actors

    conv = json.loads(CONVENTIONS.read_text(encoding="utf-8"))["conventions"]
    adds = json.loads((actors.DATA / "actors_additions.json").read_text(encoding="utf-8"))
    for part in name.split("+"):
        adds = _with_convention(adds, conv[part])
    with tempfile.TemporaryDirectory(prefix="wiqaya-roles-variants-") as d:
        # Every other data file as shipped; only the actor additions differ.
        tmp = Path(d)
        for f in actors.DATA.iterdir():
            if f.name != "actors_additions.json":
                (tmp / f.name).symlink_to(f)
        (tmp / "actors_additions.json").write_text(json.dumps(adds, ensure_ascii=False))
        actors.DATA = tmp
        Path(path).write_bytes(pickle.dumps(load_coded()))


def coded_with(name: str) -> list[Coded]:
    with tempfile.NamedTemporaryFile(suffix=".pkl") as fh:
        cmd = [sys.executable, "-m", "evaluation.roles_variants", "--dump", name, fh.name]
        subprocess.run(cmd, check=True)
        return pickle.loads(Path(fh.name).read_bytes())


def _row(label: str, figs: np.ndarray) -> str:
    return f"  {label:34s} " + " / ".join(f"{v:.3f}" for v in figs)


def main() -> None:
    args = sys.argv[1:]
    if "--dump" in args:
        k = args.index("--dump")
        dump_coded(args[k + 1], args[k + 2])
        return
    names = args[args.index("--rankers") + 1].split(",") if "--rankers" in args else None
    names = names or (list(DEFAULT) if "--conventions" in args else list(RANKERS))
    print("mean of 4 fold assignments: PROTEST source / target, ASSAULT source / target")
    base = load_coded()
    if "--conventions" not in args:
        for name in names:
            print(_row(name, mean_figures(base, out_of_fold(base, RANKERS[name]))), flush=True)
        return
    conv = list(json.loads(CONVENTIONS.read_text(encoding="utf-8"))["conventions"])
    variants = {c: coded_with(c) for c in [*conv, "+".join(conv)]}

    def sig(it: Coded, role: str) -> list[tuple[str, str | None]]:
        return [(c.mention.text, c.mention.country) for c in it.cands[role]]

    for name in names:
        fitter = RANKERS[name]
        ref = out_of_fold(base, fitter)
        print(_row(f"{name}, shipped actors", mean_figures(base, ref)), flush=True)
        flips = lost = 0
        for label, items in variants.items():
            runs = out_of_fold(items, fitter)
            print(_row(f"{name}, + {label}", mean_figures(items, runs)), flush=True)
            if "+" in label:
                continue
            for a, r in ((a, r) for a in range(4) for r in ROLES):
                for i, it in enumerate(base):
                    if it.gold[r] == "None" or sig(it, r) != sig(items[i], r):
                        continue
                    before, after = ref[a][r][i], runs[a][r][i]
                    flips += before != after
                    lost += (before == it.gold[r]) - (after == it.gold[r])
        print(f"  {name}: untouched sentences flipped {flips}, net right → wrong {lost}")


if __name__ == "__main__":
    main()
