"""The evaluation indicator model: its runtime scorer and its ``.npz`` agree with training."""

import math
from pathlib import Path

import numpy as np
from evaluation.indicator_model import IndicatorModel
from evaluation.indicators import FRESH5, load_labels
from evaluation.train_indicator_model import INDICATORS, fit, matrix

from wiqaya.read.phrases import tokenize


def _model() -> tuple[IndicatorModel, list[dict]]:
    rows = load_labels("all", FRESH5)[:80]
    y = np.array([[i in r["indicators"] for i in INDICATORS] for r in rows])
    cols, w, b = fit(matrix(rows), y)
    conf = np.linspace(0.3, 0.6, len(INDICATORS))
    return IndicatorModel(INDICATORS, cols, w, b, 0.4, conf, "indmodel-test"), rows


def test_runtime_margins_equal_the_training_matrix_and_survive_the_npz(tmp_path: Path) -> None:
    model, rows = _model()
    x = matrix(rows)
    want = x[:, model.features] @ model.weights + model.intercept - math.log(0.4 / 0.6)
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = IndicatorModel.load(path)
    assert loaded.version == "indmodel-test"
    assert loaded.indicators == INDICATORS
    for k, r in enumerate(rows):
        words = [t.norm for t in tokenize(r["text"], 0)]
        np.testing.assert_allclose(model.margins(words), want[k], atol=1e-4)
        np.testing.assert_allclose(loaded.margins(words), want[k], atol=1e-4)
