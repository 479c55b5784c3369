"""Every class count the CSV loader accepts draws: one colour per class, through the page's
real chart-building path (chart_slots). 11 to 20 classes used to crash the chart panel."""

import json

import numpy as np
import pytest

from playground import config
from playground.data.limits import MAX_CLASSES
from playground.labs.classify.session import CsvChoice, Playground
from playground.labs.classify.views import chart_slots
from playground.plots.colors import CLASS_PALETTE, class_colors


def csv_with_classes(k: int, per_class: int = 6) -> bytes:
    """Two numeric inputs and a text target with k classes (names k0..k{k-1})."""
    rng = np.random.default_rng(k)
    rows = [f"{rng.normal():.3f},{rng.normal():.3f},k{c}\n"
            for c in range(k) for _ in range(per_class)]  # fmt: skip
    return ("a,b,kind\n" + "".join(rows)).encode()


def test_the_palette_has_a_distinct_colour_for_every_class_the_loader_accepts():
    assert len(CLASS_PALETTE) == MAX_CLASSES
    assert len(set(CLASS_PALETTE)) == MAX_CLASSES
    with pytest.raises(ValueError, match=str(MAX_CLASSES)):
        class_colors(MAX_CLASSES + 1)


@pytest.mark.parametrize("k", range(2, MAX_CLASSES + 1))
def test_every_class_count_draws_every_view(k):
    settings = {**config.defaults(), "dataset": "csv", "train_pct": 50}
    pg = Playground(settings, csv=CsvChoice(csv_with_classes(k)))
    assert pg.dataset.n_classes == k
    slots = {s.key: json.loads(s.figure_json) for s in chart_slots(pg.snapshot(), pg.settings)}
    assert {"network", "boundary", "loss", "weights", "confusion"} <= set(slots)
    point_colors = {t["marker"]["color"] for t in slots["boundary"]["data"] if "marker" in t}
    assert len(point_colors) == k  # one colour per class
