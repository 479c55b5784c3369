"""Light frames, which carry the weights instead of the pictures (model_payload): which
frames are light, what their ``model``, ``links`` and ``loss`` fields hold, what the whole
figures before them leave to the browser, and the plane recipes behind them."""

import base64
import json
from dataclasses import replace

import numpy as np
import pytest

from playground import config
from playground.data import load_csv, load_dataset
from playground.data.plane_recipe import plane_recipe
from playground.labs.classify.session import Playground
from playground.live import feed as feed_module
from playground.live import figures as live_figures
from playground.live.feed import LiveFeed
from playground.live.model_payload import LOSS_POINTS_PER_FRAME, link_cells_of, links_header
from playground.live.view_settings import LIVE_FRAMES
from playground.snapshot import take_snapshot

EVERY = feed_module.LIGHT_SLOW_EVERY
FAST = ("network", "boundary", "digits", "loss")


def make(**changes) -> Playground:
    return Playground({**config.defaults(), **changes})


def frames(feed: LiveFeed, n: int) -> list[tuple[dict, list[str]]]:
    """(header, figure lines) of the next n frames."""
    out = []
    for _ in range(n):
        head, *figures = feed.next_frame().split("\n")
        out.append((json.loads(head), figures))
    return out


def params(model: dict) -> np.ndarray:
    return np.frombuffer(base64.b64decode(model["params"]), dtype="<f8")


def sent(head: dict, figures: list[str], keys=None) -> list[str]:
    """The keys of the views a frame sends a figure for (among `keys`, if given)."""
    return [slot["key"] for slot, figure in zip(head["slots"], figures, strict=True)
            if figure and (keys is None or slot["key"] in keys)]  # fmt: skip


def test_over_a_plane_only_the_first_frame_sends_whole_figures(still_clock):
    pg = make(speed="2")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    seen = frames(feed, 3 * EVERY)
    assert [i for i, frame in enumerate(seen) if sent(*frame, FAST)] == [0]
    # The slow views on their own turn, as light updates (their weights changed each time).
    slow = [i for i, frame in enumerate(seen) if sent(*frame, ("weights",))]
    assert slow == [0, EVERY - 1, 2 * EVERY - 1, 3 * EVERY - 1]
    assert all(set(sent(*seen[i])) <= {"weights", "confusion"} for i in slow[1:])
    for head, _ in seen:
        assert "model" in head and "links" in head
        assert [s["key"] for s in head["slots"]][:3] == ["network", "boundary", "loss"]
    assert all("loss" in head for head, _ in seen[1:])


def test_a_slow_view_that_did_not_change_is_not_sent_again(still_clock):
    pg = make(speed="2")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    frames(feed, 1)
    feed.train = lambda seconds: True  # playing, but nothing trains: every view stays as sent
    assert not any(sent(*frame) for frame in frames(feed, 2 * EVERY))


def test_the_whole_figures_of_a_light_stream_leave_the_links_to_the_browser(still_clock):
    pg = make(speed="2", dataset="spiral3")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    head, figures = frames(feed, 1)[0]
    keys = [s["key"] for s in head["slots"]]
    network = json.loads(figures[keys.index("network")])
    assert not [t for t in network["data"] if t.get("mode") == "lines"]
    assert network["layout"]["meta"]["links"]["id"] == head["links"]["id"]
    links = network["layout"]["meta"]["links"]
    w = np.frombuffer(base64.b64decode(head["links"]["w"]), "<f8")
    assert len(w) == len(links["cells"]) == len(links["segments"]) == 2 * 4 + 4 * 2 + 2 * 3
    layer, i, j = links["cells"][-1]
    assert w[-1] == pg.network.weights[layer][i, j]


def probabilities_shown(head: dict, figures: list[str]) -> bool:
    """Whether the boundary's training points show the network's class probabilities."""
    boundary = json.loads(figures[[s["key"] for s in head["slots"]].index("boundary")])
    return any(t.get("text") for t in boundary["data"] if t.get("legendgroup") == "train")


def test_the_points_probabilities_are_left_out_while_playing_and_shown_on_pause(still_clock):
    pg = make(speed="2", dataset="penguins")  # a table: its points' hovers show them
    feed = LiveFeed(pg)
    pg.set_playing(True)
    assert not probabilities_shown(*frames(feed, 1)[0])  # they would go stale
    pg.set_playing(False)
    feed.train = lambda seconds: True  # the frame under way when Pause was pressed
    assert probabilities_shown(*frames(feed, 1)[0])


def test_on_pause_the_figures_are_whole_again(still_clock):
    pg = make(speed="2", dataset="spiral3")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    frames(feed, 2)
    pg.set_playing(False)
    feed.train = lambda seconds: True  # the frame under way when Pause was pressed
    head, figures = frames(feed, 1)[0]
    assert head["playing"] is False
    keys = [s["key"] for s in head["slots"]]
    network = json.loads(figures[keys.index("network")])
    assert [t for t in network["data"] if t.get("mode") == "lines"]  # its own links
    assert "meta" not in network["layout"]


def test_the_model_field_holds_the_networks_parameters(still_clock):
    pg = make(speed="3", hidden=(3,))
    feed = LiveFeed(pg)
    pg.set_playing(True)
    head, _ = frames(feed, 2)[1]
    model = head["model"]
    net = pg.network
    expected = np.concatenate([p.ravel() for w, b in zip(net.weights, net.biases, strict=True)
                               for p in (w, b)])  # fmt: skip
    assert model["sizes"] == [2, 3, 1] and model["activations"] == ["tanh", "sigmoid"]
    assert np.array_equal(params(model), expected)  # bit for bit
    assert model["plane"]["formulas"] == ["x1", "x2"] and model["plane"]["size"] == 100
    assert model["paint"]["task"] == "binary" and model["paint"]["discretize"] is False


def test_loss_points_follow_each_other_without_gaps_or_repeats(still_clock):
    pg = make(speed="3")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    seen = frames(feed, 3)  # one full frame, then painted ones
    epochs = [head["loss"]["epoch"] for head, _ in seen[1:]]
    assert epochs == [[4, 5, 6], [7, 8, 9]]  # 3 epochs a frame, after the first frame's 3
    losses = pg.trainer.history.column("train_loss")
    assert seen[-1][0]["loss"]["train"] == pytest.approx(list(losses[7:10]))


def test_loss_points_are_thinned_to_a_few_per_frame(still_clock):
    pg = make(speed="50")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    head, _ = frames(feed, 2)[1]
    points = head["loss"]
    assert 2 <= len(points["epoch"]) <= LOSS_POINTS_PER_FRAME
    assert points["epoch"][0] == 51 and points["epoch"][-1] == 100  # first and last kept


def test_a_changed_setting_makes_the_next_frame_whole(still_clock):
    pg = make(speed="1")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    frames(feed, 1)
    pg.update({**pg.settings, "discretize": True})  # frame 2 would have been painted
    head, figures = frames(feed, 1)[0]
    assert any(figures) and head["model"]["paint"]["discretize"] is True
    head, figures = frames(feed, 1)[0]
    assert not any(figures) and head["model"]["paint"]["discretize"] is True


def test_a_painted_frame_is_small(still_clock):
    pg = make(speed="1")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    full, painted = (feed.next_frame() for _ in range(2))
    assert len(painted.encode()) < 6000 < len(full.encode())


ONE_INPUT = {"dataset": "penguins", "inputs": ("bill_length_mm",)}


def test_along_a_line_the_server_draws_every_frame(still_clock):
    pg = make(speed="1", **ONE_INPUT)
    feed = LiveFeed(pg)
    pg.set_playing(True)
    for head, figures in frames(feed, 3):
        assert "model" not in head and "links" not in head and "loss" not in head
        assert figures[0]


def test_digits_frames_are_light(still_clock):
    pg = make(speed="1", dataset="digits", hidden=(32,))
    feed = LiveFeed(pg)
    pg.set_playing(True)
    seen = frames(feed, 2 * EVERY)
    assert [i for i, frame in enumerate(seen) if sent(*frame, ("network", "loss"))] == [0]
    # The test images only on the slow views' turn, and only when a prediction changed.
    assert {i for i, frame in enumerate(seen) if sent(*frame, ("digits",))} <= {
        0,
        EVERY - 1,
        2 * EVERY - 1,
    }
    for head, _ in seen:
        assert "model" not in head and "links" in head
        b = np.frombuffer(base64.b64decode(head["links"]["b"]), "<f8")
        assert len(b) == 9 + 10  # the drawn neurons: 9 of 32 hidden (and "+23"), 10 outputs
    light = [len("\n".join([json.dumps(h), *f])) for h, f in seen[1:] if not any(f)]
    whole = len("\n".join([json.dumps(seen[0][0]), *seen[0][1]]))
    assert light and max(light) < 6000 < whole / 10


def test_the_light_frames_loss_title_follows_its_diagnosis():
    from playground.labs.classify import views
    from playground.live.panel import ChartSlot

    pg = make()
    snap = replace(pg.snapshot(), diagnosis=["The loss is stuck."])
    slots = [ChartSlot("loss", "x", 220, "", "")]
    (slot,) = views.light_slots(snap, dict(pg.settings), slots, slow=False)
    assert (slot.title, slot.note, slot.figure_json) == ("Loss", "The loss is stuck.", "")
    (slot,) = views.light_slots(replace(snap, diagnosis=[]), dict(pg.settings), slots, False)
    assert (slot.title, slot.note) == ("", "")


CSV = b"a,b,kind,c,label\n" + b"".join(
    f"{i % 7},{i % 5 * 1.5},{'xyz'[i % 3]},{i % 11},{'pq'[i % 2]}\n".encode() for i in range(60)
)


@pytest.mark.parametrize(
    "dataset",
    [lambda: load_dataset("circle", features=("x1", "x1^2", "x1*x2", "sin(x2)")),
     lambda: load_dataset("penguins"), lambda: load_csv(CSV)],
    ids=["2d-features", "penguins", "csv-one-hot"],
)  # fmt: skip
def test_a_recipe_reproduces_the_planes_inputs(dataset):
    ds = dataset()
    plane = ds.plane(axes=(1, 0) if ds.kind == "tabular" else (0, 1), resolution=30)
    recipe = plane_recipe(ds, plane)
    assert recipe is not None
    np.testing.assert_allclose(recipe.inputs(*recipe.grid()), plane.X, rtol=0, atol=1e-12)
    if ds.kind == "tabular":  # the held features are constants, the axes formulas
        assert recipe.formulas[1] == "x1" and recipe.formulas[0] == "x2"
        assert sum(f is None for f in recipe.formulas) == len(recipe.formulas) - 2


def test_a_plane_whose_inputs_the_recipe_cannot_describe_has_none():
    ds = load_dataset("penguins")
    plane = ds.plane(axes=(0, 1), resolution=10)
    off = type(plane)(plane.xs, plane.ys, plane.X + 1e-6, plane.axes, plane.x_name, plane.y_name)
    assert plane_recipe(ds, plane) is not None and plane_recipe(ds, off) is None


@pytest.mark.parametrize(
    "changes",
    [{}, {"features": ("x1", "x1^2", "sin(x2)")}, {"dataset": "digits", "hidden": (32,)},
     {"dataset": "penguins", "hidden": (12, 4)}, {"hidden": (20, 3)}],
    ids=["defaults", "some-features", "digits", "penguins", "wide-layer"],
)  # fmt: skip
def test_the_frames_link_values_follow_the_figures_geometry(changes):
    pg = make(**changes)
    snap = take_snapshot(pg)
    named = live_figures.with_plot_text_names(snap)
    figure = live_figures.network(named, None, {**pg.settings, LIVE_FRAMES: True})
    geometry = figure["layout"]["meta"]["links"]
    header = links_header(snap.network, link_cells_of(snap.network))
    assert header["id"] == geometry["id"]
    w = np.frombuffer(base64.b64decode(header["w"]), "<f8")
    b = np.frombuffer(base64.b64decode(header["b"]), "<f8")
    net = pg.network
    assert w.tolist() == [net.weights[layer][i, j] for layer, i, j in geometry["cells"]]
    assert b.tolist() == [net.biases[layer - 1][i] for layer, i in geometry["neurons"]]
    hovers = next(t for t in figure["data"] if t.get("legendgroup") == "link")
    assert len(hovers["x"]) == len(w) and hovers["hoverinfo"] == "none"
