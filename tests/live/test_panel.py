"""The live panel's message: header line + one figure line per chart, stats, kept views."""

import json

import pytest

from playground import config
from playground.labs.classify.lab import CLASSIFY
from playground.labs.classify.session import Playground
from playground.labs.classify.views import chart_slots
from playground.live import panel
from playground.live.panel import ChartSlot, panel_text


def make(**changes) -> Playground:
    return Playground({**config.defaults(), **changes})


def message(slots, snap, present=False, **header):
    """The classify lab's panel message (presentation mode or not)."""
    return panel.message(CLASSIFY, slots, snap, {"present": present}, **header)


def parse(text: str) -> tuple[dict, dict[str, str]]:
    """(header, {slot key: figure line}) of a panel message."""
    header, *figures = text.split("\n")
    header = json.loads(header)
    return header, {slot["key"]: fig for slot, fig in zip(header["slots"], figures, strict=True)}


def test_panel_text_is_one_header_line_then_one_line_per_figure():
    slots = [ChartSlot("net", '{"data": []}', 300, "Network", "what each neuron computes"),
             ChartSlot("loss", '{"data":\n[1]}', 200)]  # fmt: skip
    header, first, second = panel_text(slots, ["net loss"], "1fr 1fr", epoch=3).split("\n")
    parsed = json.loads(header)
    assert parsed["areas"] == '"net loss"' and parsed["columns"] == "1fr 1fr"
    assert parsed["slots"][0] == {"key": "net", "height": 300, "title": "Network",
                                  "note": "what each neuron computes", "modebar": True,
                                  "aspect": None, "frame": [0, 0]}  # fmt: skip
    assert parsed["epoch"] == 3
    assert json.loads(first) == {"data": []} and json.loads(second) == {"data": [1]}


def test_message_carries_epoch_stats_grid_and_every_view():
    pg = make()
    pg.step()
    snap = pg.snapshot()
    header, figures = parse(message(chart_slots(snap, pg.settings), snap, frame=7, playing=True))
    assert header["epoch"] == 1 and header["frame"] == 7 and header["playing"] is True
    labels = [label for label, _ in header["stats"]]
    assert labels == ["Training loss", "Test loss", "Test accuracy", "Training accuracy"]
    assert set(figures) == {"network", "boundary", "loss", "weights", "confusion"}
    assert all(json.loads(fig)["data"] for fig in figures.values())
    assert header["areas"].startswith('"network boundary" "network loss"')


def test_regression_stats_are_rmse_and_r2():
    pg = make(dataset="plane", problem="regression")
    snap = pg.snapshot()
    header, _ = parse(message(chart_slots(snap, pg.settings), snap))
    assert [label for label, _ in header["stats"]][2:] == ["Test RMSE", "Test R²"]


def test_kept_views_are_sent_empty_with_their_height():
    pg = make()
    snap = pg.snapshot()
    full = chart_slots(snap, pg.settings)
    kept = panel.slow_heights(CLASSIFY, full)
    assert set(kept) == {"weights", "confusion"}
    fast = {s.key: s for s in chart_slots(snap, pg.settings, kept=kept)}
    assert fast["weights"].figure_json == "" and fast["confusion"].figure_json == ""
    assert fast["weights"].height == kept["weights"] and fast["weights"].title == "Weights"
    assert fast["boundary"].figure_json and fast["network"].figure_json


def test_presentation_mode_shows_the_main_views_in_one_row_with_larger_text():
    pg = make(present=True)
    snap = pg.snapshot()
    slots = chart_slots(snap, pg.settings)
    header, figures = parse(message(slots, snap, present=True))
    assert list(figures) == ["network", "boundary", "loss"]
    assert header["areas"] == '"network boundary loss"' and header["columns"].count("fr") == 3
    assert all(slot["note"] == "" for slot in header["slots"])  # bold titles only
    for key in ("boundary", "loss"):
        font = json.loads(figures[key])["layout"]["template"]["layout"]["font"]
        assert font["size"] >= 18
    normal = parse(message(chart_slots(snap, config.defaults()), snap))[1]
    assert json.loads(normal["boundary"])["layout"]["template"]["layout"]["font"]["size"] < 18


def test_presentation_mode_on_digits_keeps_the_test_images_and_their_caption_size():
    pg = make(dataset="digits", present=True)
    snap = pg.snapshot()
    _, figures = parse(message(chart_slots(snap, pg.settings), snap, present=True))
    assert list(figures) == ["network", "digits", "loss"]
    normal = parse(message(chart_slots(snap, config.defaults()), snap))[1]
    assert figures["digits"] == normal["digits"]


def test_views_drawn_to_scale_send_their_aspect_and_only_zoomable_ones_a_modebar():
    pg = make()
    slots = {s.key: s for s in chart_slots(pg.snapshot(), pg.settings)}
    boundary = slots["boundary"]
    margin = json.loads(boundary.figure_json)["layout"]["margin"]
    assert boundary.aspect == 1.0  # a square plot area
    assert boundary.frame == (margin["l"] + margin["r"], margin["t"] + margin["b"])
    assert slots["network"].aspect is not None  # drawn in square units too
    assert slots["loss"].aspect is None and slots["weights"].aspect is None
    assert [key for key, s in slots.items() if s.modebar] == ["boundary", "loss"]


def test_the_test_images_keep_the_mosaics_aspect():
    pg = make(dataset="digits")
    slots = {s.key: s for s in chart_slots(pg.snapshot(), pg.settings)}
    layout = json.loads(slots["digits"].figure_json)["layout"]
    (x0, x1), (y0, y1) = layout["xaxis"]["range"], layout["yaxis"]["range"]
    assert slots["digits"].aspect == pytest.approx(abs(x1 - x0) / abs(y1 - y0), rel=1e-3)
    assert slots["digits"].aspect > 1


def test_views_come_in_reading_order_with_the_slow_ones_last():
    pg = make(dataset="digits")
    keys = [s.key for s in chart_slots(pg.snapshot(), pg.settings)]
    assert keys.index("loss") < keys.index("first_layer")  # a phone stacks them in order
