"""The vision lab's views: snapshot + settings -> Plotly figure specs (plain dicts)."""

from collections.abc import Mapping
from typing import Any

from playground.labs.base import View
from playground.labs.convnet.snapshot import ConvSnapshot
from playground.labs.restored_view import marked_loss
from playground.plots.accuracy import accuracy_spec
from playground.plots.confusion import confusion_spec
from playground.plots.conv_maps import feature_maps_spec, filters_spec
from playground.plots.drawn_digit import drawn_digit_spec
from playground.plots.image_predictions import predictions_spec
from playground.plots.layer_table import layer_table_spec
from playground.plots.loss import loss_spec
from playground.plots.text import plot_texts

Settings = Mapping[str, Any]


def drawn(snap: ConvSnapshot, settings: Settings) -> dict | None:
    """The drawn digit as the network sees it and its class probabilities (None: none)."""
    if snap.drawn is None:
        return None
    return drawn_digit_spec(snap.drawn, snap.drawn_probs, snap.class_names)


def drawn_maps(snap: ConvSnapshot, settings: Settings) -> dict | None:
    """What each conv and pooling layer makes of the drawn digit (None: nothing drawn)."""
    return None if snap.drawn is None else feature_maps_spec(snap.drawn, snap.drawn_maps)


def layers(snap: ConvSnapshot, settings: Settings) -> dict:
    """The network's layers: output shape and parameters of each."""
    rows = snap.layers
    return layer_table_spec([r.name for r in rows], [r.output_shape for r in rows],
                            [r.params for r in rows])  # fmt: skip


def filters(snap: ConvSnapshot, settings: Settings) -> dict:
    """Every conv layer's filters as small images."""
    return filters_spec(snap.filters)


def maps(snap: ConvSnapshot, settings: Settings) -> dict:
    """The chosen test image and what each conv and pooling layer makes of it."""
    return feature_maps_spec(snap.image, snap.maps)


def predictions(snap: ConvSnapshot, settings: Settings) -> dict:
    """The first test images with their predicted classes, mistakes in red."""
    return predictions_spec(snap.gallery, snap.gallery_true, snap.gallery_predicted,
                            snap.class_names)  # fmt: skip


def confusion(snap: ConvSnapshot, settings: Settings) -> dict:
    """Test counts per (true, predicted) class."""
    return confusion_spec(snap.confusion, plot_texts(snap.class_names))


def loss(snap: ConvSnapshot, settings: Settings) -> dict:
    """Training and test loss per epoch."""
    h = snap.history
    spec = loss_spec(h["epoch"], h["train_loss"], h["test_loss"], settings["log_loss"])
    return marked_loss(spec, snap)  # restored best weights: their epoch marked


def accuracy(snap: ConvSnapshot, settings: Settings) -> dict:
    """Training and test accuracy per epoch."""
    h = snap.history
    return accuracy_spec(h["epoch"], h["train_accuracy"], h["test_accuracy"])


VIEWS = (
    View("drawn", "Your digit", "as the network sees it (8×8, the ink of each 4×4 block of "
         "the drawing, 0..16) and the class probabilities it gives it, live.", 0, False,
         drawn),
    View("drawn_maps", "Your digit's feature maps", "layer by layer, on each layer's own "
         "scale.", 0, False, drawn_maps),
    View("layers", "Network", "each layer's output shape (channels×height×width) and "
         "parameters.", 0, True, layers),
    View("filters", "Filters", "every conv layer's weights as k×k images: a filter per row, a "
         "tile per input channel; orange negative, blue positive.", 0, True, filters),
    View("maps", "Feature maps", "what one test image becomes, layer by layer (the image "
         "setting picks it).", 0, False, maps),
    View("predictions", "Test images", "predicted class; mistakes in red as true→predicted.",
         0, False, predictions),
    View("loss", "Loss", "cross-entropy per epoch, training and test.", 220, False, loss,
         zoomable=True),
    View("accuracy", "Accuracy", "share of images classified right, training and test.", 220,
         False, accuracy, zoomable=True),
    View("confusion", "Confusion matrix", "test images.", 0, True, confusion),
)  # fmt: skip
"""The view table, in page order (two to a row)."""
