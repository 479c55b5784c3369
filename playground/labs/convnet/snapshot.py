"""One moment of the vision lab as plain arrays (copies), for the views and the feed."""

from dataclasses import dataclass

import numpy as np

from playground.labs.convnet.model import LayerRow, describe, feature_maps, image_layers, summary
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


def _history(trainer) -> dict:
    h = trainer.history
    return {name: h.column(name) for name in h.columns}


def take_snapshot(net, trainer, images, image_index: int) -> ConvSnapshot:
    """The snapshot of net (trained by trainer) on the ImageSet `images`, its feature maps
    for test image `image_index` (clipped to the test set)."""
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
    )
