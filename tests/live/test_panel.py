"""The live panel's message: header line + one figure line per chart, stats, kept views."""

import json

from playground import config
from playground.live.panel import ChartSlot, chart_slots, message, panel_text, slow_heights
from playground.session import Playground


def make(**changes) -> Playground:
    return Playground({**config.defaults(), **changes})


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
                                  "note": "what each neuron computes"}  # fmt: skip
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
    kept = slow_heights(full)
    assert set(kept) == {"weights", "confusion"}
    fast = {s.key: s for s in chart_slots(snap, pg.settings, kept=kept)}
    assert fast["weights"].figure_json == "" and fast["confusion"].figure_json == ""
    assert fast["weights"].height == kept["weights"] and fast["weights"].title == "Weights"
    assert fast["boundary"].figure_json and fast["network"].figure_json
