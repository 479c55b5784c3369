"""Penguins on the page: island and sex as inputs, a legend, the held inputs named, and
each penguin's own predicted probabilities in its hover text."""

import numpy as np

from playground import config
from playground.labs.classify.session import Playground
from playground.labs.classify.views import chart_slots
from playground.live.figures import live_specs


def _penguins(**query) -> Playground:
    settings, notes = config.from_query({"dataset": "penguins", **query})
    assert notes == []
    return Playground(settings)


def test_island_and_sex_are_inputs_one_hot_encoded():
    pg = _penguins(inputs="bill_length_mm,flipper_length_mm,island,sex")
    names = pg.dataset.raw_feature_names
    assert names[:2] == ("bill_length_mm", "flipper_length_mm")
    assert {"island=Biscoe", "island=Dream", "island=Torgersen", "sex=female", "sex=male"} <= set(
        names
    )
    assert pg.spec.sizes[0] == 7
    assert pg.snapshot().plane.held == ("island", "sex")  # by column, not per category


def test_the_output_note_names_the_inputs_held_at_their_mean():
    pg = _penguins()
    snap = pg.snapshot()
    assert snap.plane.held == ("flipper_length_mm", "body_mass_g")
    slot = next(s for s in chart_slots(snap, pg.settings) if s.key == "boundary")
    assert slot.note.endswith("flipper_length_mm and body_mass_g held at their training mean")
    circle = Playground(config.from_query({})[0])
    slot = next(s for s in chart_slots(circle.snapshot(), circle.settings) if s.key == "boundary")
    assert "held" not in slot.note  # two inputs: nothing is held


def test_regression_leaves_the_target_out_of_the_inputs():
    pg = _penguins(problem="regression")
    assert "body_mass_g" not in pg.dataset.raw_feature_names
    assert pg.settings["inputs"] == config.defaults()["inputs"]  # the choice itself is kept


def test_the_legend_names_the_species_and_the_hover_lists_each_penguins_probabilities():
    pg = _penguins()
    pg.trainer.run_epochs(30)
    snap = pg.snapshot()
    boundary = live_specs(snap, pg.settings)["boundary"]
    assert boundary["layout"]["showlegend"]
    points = [t for t in boundary["data"] if t.get("mode") == "markers"]
    assert [t["name"] for t in points] == ["Adelie (train)", "Chinstrap (train)", "Gentoo (train)"]
    assert sum(len(t["text"]) for t in points) == len(pg.dataset.X_train)
    adelie = points[0]
    assert "%{text}" in adelie["hovertemplate"]
    first = adelie["text"][0]
    assert first.startswith("Adelie ") and "Chinstrap " in first and "Gentoo " in first
    shares = [float(part.split()[-2]) for part in first.split(" · ")]
    assert abs(sum(shares) - 100) <= 2  # whole percents of one penguin's probabilities
    # The network's own answer for that penguin (all four measurements), not the plane's.
    row = int(np.flatnonzero(pg.dataset.y_train == 0)[0])
    expected = pg.network.predict(pg.dataset.X_train[row : row + 1])[0]
    assert shares == [round(100 * p) for p in expected]


def test_two_d_sets_keep_their_plain_points_and_no_legend():
    pg = Playground(config.from_query({})[0])
    boundary = live_specs(pg.snapshot(), pg.settings)["boundary"]
    assert not boundary["layout"]["showlegend"]
    assert all("text" not in t for t in boundary["data"])


def test_penguin_body_mass_hover_shows_the_predicted_grams():
    pg = _penguins(problem="regression")
    boundary = live_specs(pg.snapshot(), pg.settings)["boundary"]
    points = next(t for t in boundary["data"] if t.get("name") == "train")
    assert "predicted %{text}" in points["hovertemplate"]
    assert len(points["text"]) == len(pg.dataset.X_train)
