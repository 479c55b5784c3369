"""One moment of the vision lab as plain arrays (copies), for the views and the feed."""

from dataclasses import dataclass, field

import numpy as np

from playground.labs.convnet.model import LayerRow, describe, feature_maps, image_layers, summary
from playground.labs.stopping import Restored
from playground.training_text import divergence_message

GALLERY_SIZE = 30  # test images shown with their predictions


@dataclass(frozen=True, eq=False)  # holds arrays: == is identity, not elementwise
class ConvSnapshot:
    """What the views draw.

    epoch, batch, batches, status: the trainer's; message: what a diverged run means.
    history: column name -> (epochs + 1,) array ("epoch", "train_loss", "test_loss",
    "train_accuracy", "test_accuracy"). class_names (k,); layers: the network's summary
    (input first); params: its parameter count.
    filters: per Conv2D layer (its summary name, W (out, in, k, k)).
    image_index, image (h, w): the test image whose maps are shown, its true class;
    maps: per layer with feature-map outputs (its summary name, (C, h', w')).
    gallery (g, h, w), gallery_true (g,), gallery_predicted (g,): the first test images.
    confusion (k, k): test counts, [true, predicted].
    drawn (h, w) or None: the digit the student drew (0..1), as the network sees it;
    drawn_probs (k,): the network's class probabilities for it; drawn_maps: its feature
    maps, as `maps` (empty when nothing is drawn).
    """

    epoch: int
    batch: int
    batches: int
    status: str
    message: str
    history: dict
    class_names: tuple[str, ...]
    layers: tuple[LayerRow, ...]
    params: int
    filters: list[tuple[str, np.ndarray]]
    image_index: int
    image: np.ndarray
    image_true: int
    maps: list[tuple[str, np.ndarray]]
    gallery: np.ndarray
    gallery_true: np.ndarray
    gallery_predicted: np.ndarray
    confusion: np.ndarray
    drawn: np.ndarray | None = None
    drawn_probs: np.ndarray | None = None
    drawn_maps: list[tuple[str, np.ndarray]] = field(default_factory=list)
    restored: Restored | None = None  # best weights a patience stop put back (labs/stopping.py)


def _history(trainer) -> dict:
    h = trainer.history
    return {name: h.column(name) for name in h.columns}


def _drawn(net, drawing: np.ndarray | None, image_shape) -> dict:
    """The snapshot's fields for a drawn image (h, w), if it fits the images."""
    if drawing is None or drawing.shape != tuple(image_shape):
        return {}
    names = [describe(net.layers[i]) for i in image_layers(net)]
    with np.errstate(all="ignore"):
        probs = net.predict(drawing[None, None])[0].copy()
        maps = feature_maps(net, drawing[None])
    return {"drawn": drawing.copy(), "drawn_probs": probs,
            "drawn_maps": list(zip(names, maps, strict=True))}  # fmt: skip


def take_snapshot(net, trainer, images, image_index: int, drawing=None) -> ConvSnapshot:
    """The snapshot of net (trained by trainer) on the ImageSet `images`, its feature maps
    for test image `image_index` (clipped to the test set), and what it makes of `drawing`
    ((h, w) in 0..1, used if it has the images' shape; None = nothing drawn)."""
    X, y = images.X_test, images.y_test
    with np.errstate(all="ignore"):  # a diverging net's outputs may overflow; drawn as they are
        predicted = net.predict(X).argmax(axis=1)
        index = int(min(image_index, len(X) - 1))
        maps = feature_maps(net, X[index])
    k = len(images.class_names)
    confusion = np.zeros((k, k), dtype=np.int64)
    np.add.at(confusion, (y, predicted), 1)
    shown = image_layers(net)
    g = min(GALLERY_SIZE, len(X))
    return ConvSnapshot(
        epoch=trainer.epoch,
        batch=trainer.batch,
        batches=trainer.batches_per_epoch,
        status=trainer.status,
        message=divergence_message(
            trainer.status, trainer.diverged_epoch, trainer.diverged_learning_rate
        ),  # fmt: skip
        history=_history(trainer),
        class_names=images.class_names,
        layers=summary(net),
        params=int(net.params.size),
        filters=[
            (describe(layer), layer.params["W"].copy())
            for layer in net.layers
            if layer.type_name == "Conv2D"
        ],  # fmt: skip
        image_index=index,
        image=X[index, 0].copy(),
        image_true=int(y[index]),
        maps=[(describe(net.layers[i]), m) for i, m in zip(shown, maps, strict=True)],
        gallery=X[:g, 0].copy(),
        gallery_true=y[:g].copy(),
        gallery_predicted=predicted[:g].copy(),
        confusion=confusion,
        **_drawn(net, drawing, images.image_shape),
    )
