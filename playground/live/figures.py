"""Snapshot -> figure specs for the page (the glue between the snapshot and plots/).

Returns plain-dict specs (cheap to build 10 times a second); `figure_json` serializes them.
Every view is built in `live_specs`, which first turns the names that come from the data
(column, class and target names: user text for an uploaded CSV) into Plotly text once, so
that no chart shows a user's markup (see plots/text.py).
"""

from dataclasses import replace

from playground import config
from playground.live.view_settings import LIVE_FRAMES
from playground.plots import (
    boundary_spec,
    confusion_spec,
    digit_grid_spec,
    first_layer_images_spec,
    loss_spec,
    network_spec,
    output_line_spec,
    weights_spec,
)
from playground.plots.boundary_surface import target_range
from playground.plots.gradient_norms import gradient_norms_spec
from playground.plots.network_edit import NetworkEdit
from playground.plots.presentation import presentation_spec
from playground.plots.text import plot_text, plot_texts
from playground.snapshot import Snapshot

EDITABLE = ("hidden", "features")
"""Settings the network view edits on itself (its - / + and clicks on input features)."""


def with_plot_text_names(snap: Snapshot) -> Snapshot:
    """The snapshot with its data's names (plane or line axes, classes, the network's input
    boxes, input and output labels) as Plotly text that shows literally; the arrays are
    shared, not copied."""
    plane, line, network = snap.plane, snap.line, snap.network
    if plane is not None:
        plane = replace(plane, x_name=plot_text(plane.x_name), y_name=plot_text(plane.y_name))
    if line is not None:
        line = replace(line, x_name=plot_text(line.x_name),
                       target_name=plot_text(line.target_name))  # fmt: skip
    labels = [plot_texts(layer) for layer in network.node_labels]
    inputs = [replace(box, name=plot_text(box.name), note=plot_text(box.note),
                      hover=plot_text(box.hover)) for box in network.inputs]  # fmt: skip
    classes = None if snap.class_names is None else plot_texts(snap.class_names)
    network = replace(network, node_labels=labels, inputs=inputs)
    return replace(snap, plane=plane, line=line, network=network, class_names=classes)


def output_line(snap: Snapshot, settings: dict) -> dict:
    """The prediction along the only input (a one-column table), with the points."""
    line, show_test = snap.line, settings["show_test"]
    return output_line_spec(
        line.xs,
        line.values,
        snap.task,
        line.train_x,
        line.train_labels,
        line.test_x if show_test else None,
        line.test_labels if show_test else None,
        x_name=line.x_name,
        class_names=snap.class_names,
        target_name=line.target_name,
        discretize=settings["discretize"],
    )


def boundary(snap: Snapshot, settings: dict) -> dict | None:
    """The decision boundary (or regression surface) with the points; along a line for a
    single input; None without a plane (digits)."""
    if snap.line is not None:
        return output_line(snap, settings)
    plane = snap.plane
    if plane is None:
        return None
    show_test = settings["show_test"]
    # While light frames follow, the points' probabilities would go stale: none until pause.
    predicted = not settings.get(LIVE_FRAMES)
    return boundary_spec(
        plane.xs,
        plane.ys,
        plane.values,
        snap.task,
        plane.train_xy,
        plane.train_labels,
        plane.test_xy if show_test else None,
        plane.test_labels if show_test else None,
        x_name=plane.x_name,
        y_name=plane.y_name,
        class_names=snap.class_names,
        discretize=settings["discretize"],
        # Over every target, shown or not: the colours stay put when test data are toggled.
        value_range=target_range(plane.train_labels, plane.test_labels)
        if snap.task == "regression"
        else None,
        train_predicted=plane.train_predicted if predicted else None,
        test_predicted=plane.test_predicted if show_test and predicted else None,
        # Named classes get a legend; the 2-D sets' two are the orange and blue of the data.
        legend=snap.kind == "tabular" or snap.task == "multiclass",
    )


def loss(snap: Snapshot, settings: dict) -> dict:
    """Train and test loss per epoch."""
    h = snap.history
    return loss_spec(h["epoch"], h["train_loss"], h["test_loss"], log_y=settings["log_loss"])


def editable(settings: dict) -> frozenset[str]:
    """The EDITABLE settings the view may change now: not hidden by a teacher, not held by
    the page's assignment (config.held_settings), and in use (the input features exist
    for the 2-D sets only)."""
    hidden = config.hidden_settings(settings) | config.held_settings(settings)
    return frozenset(name for name in EDITABLE
                     if name not in hidden and config.is_shown(name, settings))  # fmt: skip


def network_edit(settings: dict) -> NetworkEdit | None:
    """The controls the network view offers for these settings, or None."""
    allowed = editable(settings)
    if not allowed:
        return None
    return NetworkEdit(config.MAX_LAYERS, config.MAX_NEURONS, layers="hidden" in allowed,
                       features="features" in allowed)  # fmt: skip


def network(
    snap: Snapshot, hover_values=None, settings: dict | None = None, gradients=None
) -> dict:
    """The network diagram with a small image per neuron; hover_values: (weights, biases)
    for the hover texts if not the current ones (see live_specs); settings: for the
    controls it offers (None: none; with LIVE_FRAMES the browser draws the links, see
    network_spec's browser_links); gradients: (∂L/∂W, ∂L/∂b) per layer to draw the
    links by instead of the weights (see network_spec); None: the snapshot's own (the
    'How it learns' panel's links, or the weights)."""
    n = snap.network
    gradients = n.gradients if gradients is None else gradients
    edit = None if settings is None else network_edit(settings)
    in_browser = bool(settings and settings.get(LIVE_FRAMES))  # links.js draws the links
    return network_spec(n.sizes, n.node_labels, n.neuron_grids, n.weights, n.biases,
                        n.activations, hover_values=hover_values, inputs=n.inputs or None,
                        edit=edit, gradients=gradients, browser_links=in_browser)  # fmt: skip


def weights(snap: Snapshot) -> dict:
    """One weight matrix per layer (with biases), each on its own scale; the output
    layer's columns are named as its neurons are (class names, P(...), the target)."""
    n = snap.network
    labels = [f"layer {i + 1}" for i in range(len(n.weights))]
    inputs = n.node_labels[0] if len(n.node_labels[0]) <= 16 else None
    columns = [[f"n{j + 1}" for j in range(size)] for size in n.sizes[1:-1]]
    return weights_spec(n.weights, n.biases, labels, inputs,
                        neuron_names=[*columns, list(n.node_labels[-1])])  # fmt: skip


def gradient_norms(snap: Snapshot) -> dict | None:
    """Each layer's gradient norm over the epochs (log scale) while the 'How it learns'
    panel is open and training has taken a step; else None."""
    if snap.gradient_norms is None or not len(snap.gradient_norms[0]):
        return None
    return gradient_norms_spec(*snap.gradient_norms)


def confusion(snap: Snapshot) -> dict | None:
    """Confusion matrix on the test rows, or None for regression."""
    if snap.confusion is None:
        return None
    return confusion_spec(snap.confusion, snap.class_names)


def digits(snap: Snapshot) -> tuple[dict, dict] | None:
    """(test images with predictions, first-layer weights as images) for image data."""
    if snap.digits is None:
        return None
    d = snap.digits
    return (
        digit_grid_spec(d["images"], d["true"], d["predicted"]),
        first_layer_images_spec(snap.first_layer),
    )


# The test images' captions are sized to fit under each image (about 11 px under a 34 px
# digit): larger, neighbouring captions run into each other.
KEPT_SIZE_IN_PRESENTATION = ("digits",)
FAST_VIEWS = ("network", "boundary", "digits", "loss")
"""Views redrawn at every live update; the others change slowly (see feed.SLOW_VIEW_EVERY)."""


def live_specs(
    snap: Snapshot, settings: dict, slow: bool = True, hover_values=None
) -> dict[str, dict]:
    """Every view the page shows for this snapshot, key -> figure spec (keys as the page's
    chart keys, in page order). slow=False leaves out the slowly changing views; hover_values:
    the (weights, biases) the network's hover texts show, if not the current ones. With
    settings["present"] (presentation mode) only the fast views, with larger text and lines.
    """
    snap = with_plot_text_names(snap)  # the one place data names become figure text
    present = settings.get("present", False)
    slow = slow and not present  # presentation mode shows the fast views only
    specs = {"network": network(snap, hover_values, settings), "boundary": boundary(snap, settings)}
    first_layer = None
    if snap.digits is not None:
        specs["digits"], first_layer = digits(snap)
    specs["loss"] = loss(snap, settings)
    if slow:  # in page order: the slow views after the loss, also on a one-column phone
        specs["first_layer"] = first_layer
        specs["weights"] = weights(snap)
        specs["grad_norms"] = gradient_norms(snap)
        specs["confusion"] = confusion(snap)
    specs = {key: spec for key, spec in specs.items() if spec is not None}
    if present:
        return {key: spec if key in KEPT_SIZE_IN_PRESENTATION else presentation_spec(spec)
                for key, spec in specs.items()}  # fmt: skip
    return specs
