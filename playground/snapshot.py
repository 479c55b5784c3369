"""A snapshot: everything the views show at one moment, as plain arrays.

Taken from a Playground after a slice of training; the figure builders in
playground/plots turn it into figures. No streamlit, no plotly.
"""

from dataclasses import dataclass, field

import numpy as np

from playground.data import FEATURE_LABELS, Line, Plane
from playground.data.plane_recipe import PlaneRecipe, plane_recipe
from playground.diagnosis import diagnose
from playground.labs.stopping import Restored
from playground.network_inputs import (
    InputBox,
    image_inputs,
    planar_inputs,
    table_inputs,
    unit_scale,
)
from playground.problem import class_probabilities, predicted_classes
from playground.teaching.live import link_gradients, norms_of
from playground.training_text import divergence_message

DIGITS_SHOWN = 40  # test images in the digit grid
BOUNDARY_GRID_SIZE = 100  # TF Playground's output grid
HOVER_MAX_ROWS = 2000  # per-point predictions in the hover text up to this many rows
NEURON_GRID_SIZE = 20  # each neuron's own image (g x g): 9 neurons stay under 5 KB of JSON


@dataclass(frozen=True)
class PlaneView:
    """The network's output over a plane of two raw features.

    xs (G,), ys (G,): axes in real units. values: (G, G) P(class 1) for binary, (G, G, k)
    probabilities for multiclass, (G, G) predictions in real units for regression;
    values[j, i] is the output at (xs[i], ys[j]). train_xy (n, 2), test_xy (m, 2): the
    rows on that plane; train_labels, test_labels: class ids or real target values.
    held: names of the raw features not on the plane, held at their training mean (one-hot
    columns by their column's name). train_predicted, test_predicted: the network's own
    answer for each row (all its features, not the plane's held values): class
    probabilities (n, k) in whole percent, or predictions in real units (n,); None for 2-D
    sets (the surface under a point is its answer) and for big tables.
    recipe: how the grid's points become the network's inputs (for the browser to compute
    the surface itself), or None if the data's encoding cannot be described.
    """

    xs: np.ndarray
    ys: np.ndarray
    values: np.ndarray
    x_name: str
    y_name: str
    train_xy: np.ndarray
    train_labels: np.ndarray
    test_xy: np.ndarray
    test_labels: np.ndarray
    held: tuple[str, ...] = ()
    train_predicted: np.ndarray | None = None
    test_predicted: np.ndarray | None = None
    recipe: PlaneRecipe | None = None


@dataclass(frozen=True)
class LineView:
    """The network's output along a single raw feature (a table with one input column).

    xs (G,): the axis in real units. values: (G,) P(class 1) for binary, (G, k)
    probabilities for multiclass, (G,) predictions in real units for regression; values[i]
    is the output at xs[i]. x_name: the input's name; target_name: what is predicted.
    train_x (n,), test_x (m,): the rows on that axis; train_labels, test_labels: class ids
    or real target values.
    """

    xs: np.ndarray
    values: np.ndarray
    x_name: str
    target_name: str
    train_x: np.ndarray
    train_labels: np.ndarray
    test_x: np.ndarray
    test_labels: np.ndarray


@dataclass(frozen=True)
class NetworkView:
    """What the network diagram shows: sizes, labels, per-neuron images and parameters.

    neuron_grids[l]: (h, g, sizes[l]) in [-1, 1] (layer 0 = the inputs), or None; h = g
    over a plane, h = 1 along a line (one input column).
    inputs: what the input column draws (see network_inputs), [] for one plain box each.
    gradients: (∂L/∂W, ∂L/∂b) per layer when the links show a gradient instead of the
    weights (the 'How it learns' panel's links, teaching.live), else None.
    """

    sizes: list[int]
    node_labels: list[list[str]]
    neuron_grids: list[np.ndarray | None]
    weights: list[np.ndarray]
    biases: list[np.ndarray]
    activations: list[str]
    inputs: list[InputBox] = field(default_factory=list)
    gradients: tuple[list[np.ndarray], list[np.ndarray]] | None = None


@dataclass(frozen=True)
class Snapshot:
    """One moment of training, ready for the figure builders.

    history: column name -> (epochs + 1,) arrays ("epoch", "train_loss", "test_loss",
    "train_<score>", "test_<score>"); score: "accuracy" or "r2". metrics: plain numbers
    for the page (test accuracy / RMSE / R2). confusion: (k, k) counts on the test rows
    (true on rows) or None. digits: dict of images (m, 8, 8), true (m,), predicted (m,).
    batch, batches: mini-batches done in the epoch under way, of how many (batch 0 = none
    under way).
    diagnosis: plain sentences when training is stuck, oscillating or has dead neurons.
    gradient_norms: (epochs (n,), norms (n, layers)) of each layer's gradient norm while
    the 'How it learns' panel is open, else None. restored: the best weights a patience
    stop put back (their epoch and history row), None when the model holds others.
    """

    epoch: int
    status: str
    message: str
    task: str
    kind: str  # the data set's: "2d" | "tabular" | "images"
    class_names: list[str] | None
    history: dict[str, np.ndarray]
    score: str
    metrics: dict[str, float]
    plane: PlaneView | None
    network: NetworkView
    confusion: np.ndarray | None = None
    digits: dict | None = None
    first_layer: np.ndarray | None = None
    notes: list[str] = field(default_factory=list)
    batch: int = 0
    batches: int = 0
    line: LineView | None = None
    diagnosis: list[str] = field(default_factory=list)
    gradient_norms: tuple[np.ndarray, np.ndarray] | None = None
    restored: Restored | None = None  # best weights a patience stop put back (labs/stopping.py)


def plane_axes(playground) -> tuple[int, ...]:
    """Raw-feature indices of the plane's two axes, from plane_x / plane_y; (0,) when the
    data have a single input (drawn as a line)."""
    names = list(playground.dataset.raw_feature_names)
    if len(names) < 2:
        return (0,)
    chosen = [playground.settings["plane_x"], playground.settings["plane_y"]]
    axes = [names.index(n) if n in names else -1 for n in chosen]
    if axes[0] < 0:
        axes[0] = 0 if axes[1] != 0 else 1
    if axes[1] < 0 or axes[1] == axes[0]:
        axes[1] = next(i for i in range(len(names)) if i != axes[0])
    return axes[0], axes[1]


def _cached_planes(playground):
    """(boundary plane, neuron plane, the boundary plane's recipe or None), or two Lines
    (and None) for a single input: fixed while the data and axes stay the same."""
    ds = playground.dataset
    if ds.kind == "images":
        return None, None, None
    axes = plane_axes(playground)
    cache = getattr(playground, "_plane_cache", None)
    if cache is None or cache[0] is not ds or cache[1] != axes:
        recipe = None
        if len(axes) == 1:
            big = ds.line(axes[0], resolution=BOUNDARY_GRID_SIZE)
            small = ds.line(axes[0], resolution=NEURON_GRID_SIZE)
        else:
            big = ds.plane(axes=axes, resolution=BOUNDARY_GRID_SIZE)
            small = ds.plane(axes=axes, resolution=NEURON_GRID_SIZE)
            recipe = plane_recipe(ds, big)
        playground._plane_cache = cache = (ds, axes, big, small, recipe)
    return cache[2], cache[3], cache[4]


def _plane_values(playground, plane) -> np.ndarray:
    """The output at every grid point of a Plane or Line, shaped (*plane.grid_shape, ...);
    a Line's single row is dropped: (G,) or (G, k)."""
    spec, ds = playground.spec, playground.dataset
    shape = plane.grid_shape if isinstance(plane, Plane) else (len(plane.xs),)
    output = playground.network.predict(plane.X)
    if ds.task == "regression":
        real = output[:, 0] * ds.target_scale + ds.target_mean
        return real.reshape(shape)
    probabilities = class_probabilities(spec, output)
    return probabilities.reshape(*shape, *probabilities.shape[1:])


def _real_targets(ds) -> tuple[np.ndarray, np.ndarray]:
    """(train, test) targets: class ids, or regression values in real units."""
    if ds.task == "regression":
        return (ds.y_train * ds.target_scale + ds.target_mean,
                ds.y_test * ds.target_scale + ds.target_mean)  # fmt: skip
    return ds.y_train, ds.y_test


def _line_view(playground, line) -> LineView:
    ds = playground.dataset
    train_x, test_x = ds.line_points(line.axis)
    y_train, y_test = _real_targets(ds)
    values = _plane_values(playground, line)
    return LineView(line.xs, values, line.x_name, ds.target_name, train_x, y_train, test_x, y_test)


def _held_names(ds, axes: tuple[int, int]) -> tuple[str, ...]:
    """The raw features not on the plane; one-hot columns ("island=Dream") by their column."""
    names = [n.split("=")[0] for i, n in enumerate(ds.raw_feature_names) if i not in axes]
    return tuple(dict.fromkeys(names))


def _row_predictions(playground, X: np.ndarray) -> np.ndarray:
    """The network's answer per row: probabilities (n, k) rounded to whole percent (so a
    settled network's hover texts, and the points' revision, stop changing), or real
    predictions (n,)."""
    ds, spec = playground.dataset, playground.spec
    output = playground.network.predict(X)
    if ds.task == "regression":
        return output[:, 0] * ds.target_scale + ds.target_mean
    probabilities = class_probabilities(spec, output)
    if probabilities.ndim == 1:
        probabilities = np.stack([1.0 - probabilities, probabilities], axis=1)
    return np.round(probabilities, 2)


def _plane_view(playground, plane, recipe: PlaneRecipe | None = None) -> PlaneView:
    ds = playground.dataset
    train_xy, test_xy = ds.points(axes=plane.axes)
    y_train, y_test = _real_targets(ds)
    train_predicted = test_predicted = None
    if ds.kind == "tabular" and len(ds.X_train) + len(ds.X_test) <= HOVER_MAX_ROWS:
        train_predicted = _row_predictions(playground, ds.X_train)
        test_predicted = _row_predictions(playground, ds.X_test)
    return PlaneView(
        plane.xs,
        plane.ys,
        _plane_values(playground, plane),
        plane.x_name,
        plane.y_name,
        train_xy,
        y_train,
        test_xy,
        y_test,
        held=_held_names(ds, plane.axes) if ds.kind == "tabular" else (),
        train_predicted=train_predicted,
        test_predicted=test_predicted,
        recipe=recipe,
    )


def _output_labels(ds, spec) -> list[str]:
    """Names of the output neurons: the classes for softmax, else what is predicted."""
    if spec.n_outputs > 1:
        return list(ds.class_names)
    if ds.task == "regression":
        return [ds.target_name]
    return [f"P({ds.class_names[1]})" if spec.output == "sigmoid" else "output"]


def _network_view(playground, small_plane, pictures: bool = True) -> NetworkView:
    net, ds, spec = playground.network, playground.dataset, playground.spec
    labels = [FEATURE_LABELS.get(n, n) for n in ds.feature_names]
    hidden = [[f"neuron {layer}.{i + 1}" for i in range(n)]
              for layer, n in enumerate(spec.sizes[1:-1], start=1)]  # fmt: skip
    node_labels = [labels, *hidden, _output_labels(ds, spec)]
    grids: list[np.ndarray | None] = [None] * len(spec.sizes)
    if small_plane is not None:
        layers = [small_plane.X, *net.neuron_outputs(small_plane.X)]
        if spec.output in ("sigmoid", "softmax"):
            layers[-1] = 2.0 * layers[-1] - 1.0  # probabilities -> [-1, 1] like tanh
        shape = small_plane.grid_shape  # (1, g) along a line: each image a strip
        grids = [unit_scale(a).reshape(*shape, a.shape[1]) for a in layers]
    return NetworkView(
        list(spec.sizes),
        node_labels,
        grids,
        [w.copy() for w in net.weights],  # copies: the live feed may train on meanwhile
        [b.copy() for b in net.biases],
        list(net.activations),
        _input_boxes(ds, labels, grids[0], small_plane) if pictures else [],
        link_gradients(playground),
    )


def _input_values(ds) -> np.ndarray:
    """(n, f) training inputs in real units where a feature is a raw column, else encoded."""
    raw = list(ds.raw_feature_names)
    columns = [ds.raw_train[:, raw.index(name)] if name in raw else ds.X_train[:, j]
               for j, name in enumerate(ds.feature_names)]  # fmt: skip
    return np.column_stack(columns) if columns else ds.X_train


def _input_boxes(ds, labels: list[str], grids, small_plane) -> list[InputBox]:
    """What the network view draws for each input (see network_inputs)."""
    if ds.kind == "2d" and small_plane is not None:
        return planar_inputs(tuple(ds.feature_names), small_plane.xs, small_plane.ys)
    if ds.kind == "images":
        return image_inputs(labels, ds.image_shape)
    return table_inputs(labels, grids, _input_values(ds))


def _test_rows(ds):
    """The rows metrics are measured on: the test set, or training rows if it is empty."""
    if len(ds.X_test):
        return ds.X_test, ds.y_test
    return ds.X_train, ds.y_train


def _metrics(playground, out: np.ndarray, y: np.ndarray) -> tuple[dict, np.ndarray | None]:
    ds, spec = playground.dataset, playground.spec
    if ds.task == "regression":
        err = (out[:, 0] - y) * ds.target_scale
        total = np.sum((y - y.mean()) ** 2) * ds.target_scale**2
        r2 = 1.0 - np.sum(err**2) / total if total > 0 else float("nan")
        return {"rmse": float(np.sqrt(np.mean(err**2))), "r2": float(r2)}, None
    predicted = predicted_classes(spec, out)
    k = ds.n_classes
    confusion = np.bincount(y * k + predicted, minlength=k * k).reshape(k, k)
    return {"accuracy": float(np.mean(predicted == y))}, confusion


def take_snapshot(playground, pictures: bool = True) -> Snapshot:
    """Build the snapshot of a Playground (see playground.labs.classify.session) at this moment.
    pictures=False leaves out what is computed over a grid (the plane or line view, the
    neurons' images, the network's input boxes): a live frame whose browser draws them
    from the weights needs only the numbers."""
    trainer, ds = playground.trainer, playground.dataset
    big, small, recipe = _cached_planes(playground) if pictures else (None, None, None)
    X_eval, y_eval = _test_rows(ds)
    out = playground.network.predict(X_eval)
    metrics, confusion = _metrics(playground, out, y_eval)
    history = {name: trainer.history.column(name) for name in trainer.history.columns}
    score = "r2" if ds.task == "regression" else "accuracy"
    digits = first_layer = None
    if ds.kind == "images":
        shown = slice(0, DIGITS_SHOWN)
        images = np.asarray(X_eval[shown]).reshape(-1, *ds.image_shape)
        predicted = predicted_classes(playground.spec, out[shown])
        digits = {"images": images, "true": y_eval[shown], "predicted": predicted}
        first_layer = np.array(playground.network.weights[0])
    diagnosis = []
    if trainer.status == "ok":  # a diverged run has its own message
        train_score = float(history[f"train_{score}"][-1])
        diagnosis = diagnose(history["train_loss"], train_score, playground.network,
                             ds.X_train, score)  # fmt: skip
    return Snapshot(
        epoch=trainer.epoch,
        status=trainer.status,
        message=divergence_message(
            trainer.status, trainer.diverged_epoch, trainer.diverged_learning_rate
        ),
        task=ds.task,
        kind=ds.kind,
        class_names=None if ds.class_names is None else list(ds.class_names),
        history=history,
        score=score,
        metrics=metrics,
        plane=_plane_view(playground, big, recipe) if isinstance(big, Plane) else None,
        network=_network_view(playground, small, pictures),
        confusion=confusion,
        digits=digits,
        first_layer=first_layer,
        notes=list(ds.notes),
        batch=trainer.batch,
        batches=trainer.batches_per_epoch,
        line=_line_view(playground, big) if isinstance(big, Line) else None,
        diagnosis=diagnosis,
        gradient_norms=norms_of(playground),
        restored=playground.restored(),
    )
