"""One moment of the autoencoder lab as plain arrays (copies), for the views and the feed."""

from dataclasses import dataclass

import numpy as np

from playground.labs.autoencoder.analysis import Roc, reconstruction_errors, roc_curve
from playground.labs.autoencoder.code_view import code_view, grid_points
from playground.labs.autoencoder.model import Architecture, decode, encode
from playground.labs.autoencoder.prepared import Prepared
from playground.labs.stopping import Restored
from playground.training_text import divergence_message

MAP_SIZE = {"images": 10, "tabular": 24}  # grid points per side of the decoder's map


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity, not elementwise
class AutoencoderSnapshot:
    """What the views draw.

    epoch, batch, batches, status: the trainer's; message: what a diverged run means.
    history: column name -> (epochs + 1,) array ("epoch", "train_loss", "test_loss", ...).
    dataset_name, task, class_names, image_shape (h, w) or None, feature_names,
    value_range, label_name (what the labels are, e.g. "digit"): the data's.
    code_size: units in the code; code_titles: what the code plane's axes show (see
    code_view.py).
    code_points (n + m, 2): training rows then test rows on the code plane; pca_points
    (n + m, 2): the same rows on PCA's plane; labels (n + m,): their labels (colour only);
    marked (n + m,) bool: rows of the left-out class.
    pair_originals, pair_copies (s, f): test samples and their reconstructions.
    map_xs (g,), map_ys (r,), map_decoded (r, g, f): the decoder's map over the code plane.
    train_errors (n,), test_errors (m,): per-sample reconstruction errors.
    left_out (m,) bool or None, left_out_name; roc: of the test errors against left_out,
    None without a left-out class. pca_error: PCA's mean test error with code_size
    components, the loss' unit.
    code_layer: the index of the layer whose output is the code.
    weights[l] (fan_in, fan_out), biases[l] (fan_out,): copies of every layer's
    parameters. gradient_norms: (epochs (n,), norms (n, layers)) while the 'How it
    learns' panel is open (teaching.live.norms_of), else None.
    """

    epoch: int
    batch: int
    batches: int
    status: str
    message: str
    history: dict
    dataset_name: str
    task: str
    class_names: tuple[str, ...] | None
    image_shape: tuple[int, int] | None
    feature_names: tuple[str, ...]
    value_range: tuple[float, float]
    label_name: str
    code_size: int
    code_titles: tuple[str, str]
    code_points: np.ndarray
    pca_points: np.ndarray
    labels: np.ndarray
    marked: np.ndarray
    pair_originals: np.ndarray
    pair_copies: np.ndarray
    map_xs: np.ndarray
    map_ys: np.ndarray
    map_decoded: np.ndarray
    train_errors: np.ndarray
    test_errors: np.ndarray
    left_out: np.ndarray | None
    left_out_name: str
    roc: Roc | None
    pca_error: float
    code_layer: int
    weights: list[np.ndarray]
    biases: list[np.ndarray]
    gradient_norms: tuple[np.ndarray, np.ndarray] | None = None
    restored: Restored | None = None  # best weights a patience stop put back (labs/stopping.py)


def _history(trainer) -> dict:
    h = trainer.history
    return {name: h.column(name) for name in h.columns}


def _decoder_map(net, arch: Architecture, view, points: np.ndarray, kind: str):
    size = MAP_SIZE[kind]
    rows = 1 if arch.code_size == 1 else size
    xs, ys, grid = grid_points(points, size, rows)
    decoded = decode(net, arch, view.codes_at(grid))
    return xs, ys, decoded.reshape(rows, size, -1)


def take_snapshot(net, arch: Architecture, trainer, data: Prepared,
                  gradient_norms=None) -> AutoencoderSnapshot:  # fmt: skip
    """The snapshot of net (trained by trainer) on data, now; gradient_norms: see
    AutoencoderSnapshot."""
    ds = data.dataset
    X_all = np.concatenate([data.X_train, ds.X_test])
    with np.errstate(all="ignore"):  # a diverging net's codes may overflow; drawn as they are
        codes = encode(net, arch, X_all)
        view = code_view(codes[: len(data.X_train)])
        points = view.place(codes)
        copies = decode(net, arch, codes)
        errors = reconstruction_errors(X_all, copies)
        kind = "images" if ds.image_shape else "tabular"
        map_xs, map_ys, map_decoded = _decoder_map(net, arch, view, points, kind)
    n = len(data.X_train)
    test_errors = errors[n:]
    left_out = data.left_out_test
    roc = None
    if left_out is not None and left_out.any() and (~left_out).any():
        roc = roc_curve(np.nan_to_num(test_errors, nan=np.inf), left_out)
    test_marked = np.zeros(len(ds.X_test), bool) if left_out is None else left_out
    marked = np.concatenate([np.zeros(n, dtype=bool), test_marked])
    rows = data.pair_rows
    return AutoencoderSnapshot(
        epoch=trainer.epoch,
        batch=trainer.batch,
        batches=trainer.batches_per_epoch,
        status=trainer.status,
        message=divergence_message(
            trainer.status, trainer.diverged_epoch, trainer.diverged_learning_rate
        ),
        history=_history(trainer),
        dataset_name=ds.name,
        task=ds.task,
        class_names=ds.class_names,
        image_shape=ds.image_shape,
        feature_names=ds.feature_names,
        value_range=data.value_range,
        label_name=ds.target_name,
        code_size=arch.code_size,
        code_titles=view.titles,
        code_points=points,
        pca_points=np.concatenate([data.pca_train, data.pca_test]),
        labels=np.concatenate([data.y_train, ds.y_test]),
        marked=marked,
        pair_originals=ds.X_test[rows].copy(),
        pair_copies=copies[n:][rows],
        map_xs=map_xs,
        map_ys=map_ys,
        map_decoded=map_decoded,
        train_errors=errors[:n],
        test_errors=test_errors,
        left_out=None if left_out is None else left_out.copy(),
        left_out_name=data.left_out_name,
        roc=roc,
        pca_error=data.pca_error(arch.code_size),
        code_layer=arch.code_layer,
        weights=[layer.weights.copy() for layer in net.layers],
        biases=[layer.bias.copy() for layer in net.layers],
        gradient_norms=gradient_norms,
    )
