"""What the network view draws for the inputs, from real Playgrounds: features on the plane
show it, others a histogram and their range, pixels their place; every 2-D feature is drawn
and a click may toggle it; outputs carry the class names in the diagram and the weights."""

import numpy as np

from playground import config
from playground.labs.classify.session import Playground
from playground.live.figures import editable, live_specs
from playground.network_inputs import histogram_image, pixel_image


def _playground(**query) -> Playground:
    settings, _ = config.from_query({k: str(v) for k, v in query.items()})
    return Playground(settings)


def test_histogram_bars_follow_the_values_and_pixels_sit_in_place():
    bars = histogram_image(np.r_[np.zeros(30), np.ones(10)])  # two bins: 30 and 10 values
    heights = (bars > 0).sum(axis=0)
    assert heights[0] == bars.shape[0] and 0 < heights[-1] < heights[0] / 2
    assert (bars > 0).sum() and not bars[:, 1:-1].any()  # nothing in between
    image = pixel_image(9, (8, 8))  # row 1, column 1 from the top left
    assert image[8 - 1 - 1, 1] == 1.0 and np.sum(image == 1.0) == 1  # row 0 is the bottom


def test_penguin_inputs_off_the_plane_show_a_histogram_and_their_range():
    pg = _playground(dataset="penguins")
    boxes = pg.snapshot().network.inputs
    kinds = {box.name: box.kind for box in boxes}
    assert kinds == {"bill_length_mm": "signed", "bill_depth_mm": "signed",
                     "flipper_length_mm": "ink", "body_mass_g": "ink"}  # fmt: skip
    mass = next(box for box in boxes if box.name == "body_mass_g")
    grams = pg.dataset.raw_train[:, pg.dataset.raw_feature_names.index("body_mass_g")]
    assert mass.note == f"{grams.min():,.0f} – {grams.max():,.0f}"  # real units, not z-scores
    assert np.ptp(mass.image) > 0
    spec = live_specs(pg.snapshot(), pg.settings)["network"]
    texts = [n["text"] for n in spec["layout"]["annotations"]]
    assert mass.note in texts and {"Adelie", "Chinstrap", "Gentoo"} <= set(texts)


def test_digit_inputs_show_their_pixel_and_outputs_are_the_digits():
    pg = _playground(dataset="digits")
    snap = pg.snapshot()
    assert all(box.kind == "ink" for box in snap.network.inputs)
    first = snap.network.inputs[0].image
    assert first[-1, 0] == 1.0  # pixel 0 is the top-left one
    specs = live_specs(snap, pg.settings)
    digits = [str(d) for d in range(10)]
    right = [n["text"] for n in specs["network"]["layout"]["annotations"] if n["xanchor"] == "left"]
    assert right == digits
    assert specs["weights"]["data"][-1]["x"] == digits  # not n1...n10


def test_every_planar_feature_is_drawn_and_a_click_toggles_it():
    pg = _playground(features="x1,x2")
    boxes = pg.snapshot().network.inputs
    assert [box.key for box in boxes] == list(config.SETTINGS_BY_NAME["features"].choices)
    assert [box.row for box in boxes[:3]] == [0, 1, -1]
    spec = live_specs(pg.snapshot(), pg.settings)["network"]
    neurons = next(t for t in spec["data"] if t.get("name") == "neurons")
    payloads = [c[2] for c in neurons["customdata"][:7]]
    assert payloads[0] == '{"features":["x2"]}' and payloads[2] == '{"features":["x1","x2","x1^2"]}'
    faded = [im["opacity"] for im in spec["layout"]["images"][:7]]
    assert faded[0] == 1.0 and faded[2] < 1.0  # an unused feature is drawn faded


def test_the_view_offers_only_what_may_be_edited():
    assert editable(config.defaults()) == {"hidden", "features"}
    assert editable({**config.defaults(), "dataset": "penguins"}) == {"hidden"}
    assert editable({**config.defaults(), "hide": ("network",)}) == frozenset()
    pg = _playground(hide="hidden")
    spec = live_specs(pg.snapshot(), pg.settings)["network"]
    assert not any("hidden" in (n.get("name") or "") for n in spec["layout"]["annotations"])
