"""Frames that carry the weights instead of the plane's pictures (model_payload): which
frames do, what their ``model`` and ``loss`` fields hold, and the plane recipes behind them."""

import base64
import json

import numpy as np
import pytest

from playground import config
from playground.data import load_csv, load_dataset
from playground.data.plane_recipe import plane_recipe
from playground.labs.classify.session import Playground
from playground.live import feed as feed_module
from playground.live.feed import LiveFeed
from playground.live.model_payload import LOSS_POINTS_PER_FRAME

EVERY = feed_module.PAINTED_FULL_EVERY


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


def test_over_a_plane_most_frames_send_the_weights_and_no_figures(still_clock):
    pg = make(speed="2")
    feed = LiveFeed(pg)
    pg.set_playing(True)
    seen = frames(feed, 2 * EVERY)
    full = [i for i, (_, figures) in enumerate(seen) if any(figures)]
    assert full == [0, EVERY - 1, 2 * EVERY - 1]  # the first and every 4th: whole figures
    weights = [i for i, (head, figures) in enumerate(seen)
               if figures[[s["key"] for s in head["slots"]].index("weights")]]  # fmt: skip
    assert weights == [0, 2 * EVERY - 1]  # the slow views with every other full frame
    for head, _ in seen:
        assert "model" in head and [s["key"] for s in head["slots"]][:3] == [
            "network", "boundary", "loss"]  # fmt: skip
    painted = [head for i, (head, _) in enumerate(seen) if i not in full]
    assert all("loss" in head for head in painted)


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


@pytest.mark.parametrize("changes", [{"dataset": "digits"}, ONE_INPUT], ids=["digits", "line"])
def test_without_a_plane_the_server_draws_every_frame(still_clock, changes):
    pg = make(speed="1", **changes)
    feed = LiveFeed(pg)
    pg.set_playing(True)
    for head, figures in frames(feed, 3):
        assert "model" not in head and "loss" not in head and figures[0]


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
