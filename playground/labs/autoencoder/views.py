"""The autoencoder lab's views: snapshot + settings -> Plotly figure specs (plain dicts).

Names from the data (classes, measurements) go through plot_text, as every view's do.
"""

from collections.abc import Mapping
from typing import Any

import numpy as np

from playground.labs.autoencoder.analysis import detection_at
from playground.labs.autoencoder.snapshot import AutoencoderSnapshot
from playground.labs.base import View
from playground.labs.restored_view import marked_loss
from playground.plots.anomaly import error_histogram_spec, roc_spec
from playground.plots.code_plane import code_plane_spec
from playground.plots.decoder_map import decoded_images_spec, decoded_values_spec
from playground.plots.gradient_norms import gradient_norms_spec
from playground.plots.reconstruction_loss import reconstruction_loss_spec
from playground.plots.reconstructions import image_pairs_spec, measurement_pairs_spec
from playground.plots.text import plot_text, plot_texts
from playground.plots.weights import weights_spec

Settings = Mapping[str, Any]
MEASUREMENT_UNIT = "standardized"


def threshold(snap: AutoencoderSnapshot, settings: Settings) -> float:
    """The error above which a sample is flagged: the threshold_pct percentile of the
    training samples' errors (non-finite errors, from a diverged net, count as largest)."""
    errors = np.nan_to_num(snap.train_errors, nan=np.inf)
    return float(np.percentile(errors, settings["threshold_pct"])) if errors.size else 0.0


def _classes(snap: AutoencoderSnapshot):
    return None if snap.class_names is None else plot_texts(snap.class_names)


def code_plane(snap: AutoencoderSnapshot, settings: Settings) -> dict:
    """Every sample's code (training and test rows), coloured by its label."""
    return code_plane_spec(snap.code_points, snap.labels, snap.task, _classes(snap),
                           snap.value_range, plot_text(snap.label_name), snap.code_titles,
                           snap.marked, plot_text(snap.left_out_name))  # fmt: skip


def pca_plane(snap: AutoencoderSnapshot, settings: Settings) -> dict:
    """The same samples on PCA's plane (fitted on the training rows)."""
    return code_plane_spec(snap.pca_points, snap.labels, snap.task, _classes(snap),
                           snap.value_range, plot_text(snap.label_name), ("PC 1", "PC 2"),
                           snap.marked, plot_text(snap.left_out_name))  # fmt: skip


def pairs(snap: AutoencoderSnapshot, settings: Settings) -> dict:
    """Test samples above their reconstructions: images, or bars per measurement."""
    if snap.image_shape is not None:
        shape = (-1, *snap.image_shape)
        copies = np.clip(np.nan_to_num(snap.pair_copies, nan=0.5), 0.0, 1.0)
        return image_pairs_spec(snap.pair_originals.reshape(shape), copies.reshape(shape))
    return measurement_pairs_spec(snap.pair_originals, snap.pair_copies,
                                  plot_texts(snap.feature_names), MEASUREMENT_UNIT)  # fmt: skip


def decoder_map(snap: AutoencoderSnapshot, settings: Settings) -> dict:
    """The decoder's output over a grid on the code plane."""
    if snap.image_shape is not None:
        rows, cols, _ = snap.map_decoded.shape
        images = np.clip(np.nan_to_num(snap.map_decoded, nan=0.5), 0.0, 1.0)
        return decoded_images_spec(images.reshape(rows, cols, *snap.image_shape))
    return decoded_values_spec(snap.map_xs, snap.map_ys, snap.map_decoded,
                               plot_texts(snap.feature_names))  # fmt: skip


def loss(snap: AutoencoderSnapshot, settings: Settings) -> dict:
    """Train and test reconstruction loss, PCA's test error as the line to beat."""
    h = snap.history
    units = "component" if snap.code_size == 1 else "components"
    spec = reconstruction_loss_spec(h["epoch"], h["train_loss"], h["test_loss"], snap.pca_error,
                                    f"PCA, {snap.code_size} {units}",
                                    settings["log_loss"])  # fmt: skip
    return marked_loss(spec, snap)  # restored best weights: their epoch marked


def errors(snap: AutoencoderSnapshot, settings: Settings) -> dict:
    """The test samples' reconstruction errors, the threshold and the left-out class."""
    return error_histogram_spec(snap.test_errors, snap.left_out, threshold(snap, settings),
                                plot_text(snap.left_out_name))  # fmt: skip


def detection(snap: AutoencoderSnapshot, settings: Settings) -> tuple[float, float] | None:
    """(detection rate, false alarm rate) at the threshold; None without a left-out class."""
    if snap.roc is None:
        return None
    return detection_at(snap.test_errors, snap.left_out, threshold(snap, settings))


def roc(snap: AutoencoderSnapshot, settings: Settings) -> dict | None:
    """The ROC curve of flagging by error; None without a left-out class."""
    rates = detection(snap, settings)
    if rates is None:
        return None
    curve = snap.roc
    return roc_spec(curve.false_alarms, curve.detections, curve.area, (rates[1], rates[0]))


def layer_names(snap: AutoencoderSnapshot) -> list[str]:
    """Each layer's part: 'encoder 1', ..., 'code', 'decoder 1', ..., 'output'."""
    code, layers = snap.code_layer, len(snap.weights)
    names = [f"encoder {i + 1}" for i in range(code)] + ["code"]
    return names + [f"decoder {i + 1}" for i in range(layers - code - 2)] + ["output"]


def weights(snap: AutoencoderSnapshot, settings: Settings) -> dict:
    """Every layer's weights (rows: inputs, then the bias), each on its own scale; the
    titles are the layers' parts (a layer's shape is in its hover: titles stay short)."""
    return weights_spec(snap.weights, snap.biases, layer_names(snap))


def gradient_norms(snap: AutoencoderSnapshot, settings: Settings) -> dict | None:
    """Each layer's gradient norm over the epochs (log scale) while the 'How it learns'
    panel is open and training has taken a step; else None."""
    if snap.gradient_norms is None or not len(snap.gradient_norms[0]):
        return None
    return gradient_norms_spec(*snap.gradient_norms, names=layer_names(snap))


VIEWS = (
    View("code", "Code plane", "every sample's code, coloured by its label. The labels only "
         "colour the points: the network never sees them.", 360, False, code_plane,
         zoomable=True),
    View("pca", "PCA's plane", "the best flat 2-D view of the same data. A linear "
         "autoencoder learns this same plane.", 360, False, pca_plane, zoomable=True),
    View("pairs", "Originals and copies", "test samples (top or grey) and the network's "
         "reconstruction of each from its code.", 0, False, pairs),
    View("map", "Decoder's map", "a grid of points over the code plane, each decoded: "
         "walking through the code space. Where no sample's code lies, the decoder draws "
         "blots no sample resembles.", 0, False, decoder_map),
    View("loss", "Reconstruction loss", "half the squared distance between a sample and its "
         "copy, averaged; dashed: PCA's test error, the line to beat.", 220, False, loss,
         zoomable=True),
    View("errors", "Reconstruction errors", "of the test samples; those right of the threshold "
         "are flagged as unusual.", 260, False, errors),
    View("roc", "ROC curve", "every threshold's detections against its false alarms: area 1 "
         "separates the left-out class perfectly, 0.5 is chance.", 260, False, roc),
    View("weights", "Weights", "one matrix per layer (rows: its inputs, last row the biases), "
         "each on its own scale: blue positive, orange negative.", 340, True, weights),
    View("grad_norms", "Gradient norms per layer", "how large each layer's ∂L/∂[W; b] is, "
         "log scale: a layer far below the others barely learns (vanishing gradients).", 0,
         False, gradient_norms),
)  # fmt: skip
"""The view table, in page order (two to a row)."""
