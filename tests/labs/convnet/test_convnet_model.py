"""The vision lab's parts that need no page: its network from the settings (shapes,
parameter count), its data, its snapshot, and the claims: a small conv net reaches 97 % on
the digits in 30 epochs, and on the shapes the default conv net beats a dense network with
as many parameters."""

import numpy as np
import pytest

from playground.config import defaults
from playground.data import DataError
from playground.data.image_sets import load_image_set
from playground.data.shapes import SHAPE_CLASSES, make_shapes
from playground.engine import Trainer
from playground.labs.convnet.model import build_network, summary
from playground.labs.convnet.snapshot import take_snapshot
from playground.labs.convnet.table import TABLE


def settings(**changes):
    return {**defaults(TABLE), **changes}


def trained(images, epochs, **changes):
    """(network, trainer) of these settings after `epochs` epochs on the ImageSet."""
    s = settings(**changes)
    net = build_network(s, images.input_shape, len(images.class_names), seed=0)
    trainer = Trainer(net, images.X_train, images.y_train, images.X_test, images.y_test,
                      loss="cce", optimizer=s["optimizer"], learning_rate=s["learning_rate"],
                      batch_size=s["batch_size"], seed=0)  # fmt: skip
    trainer.run_epochs(epochs)
    return net, trainer


def test_the_default_network_is_the_designs_1370_parameter_conv_net():
    net = build_network(settings(), (1, 8, 8), 10, seed=0)
    assert [(r.name, r.output_shape, r.params) for r in summary(net)] == [
        ("Input", (1, 8, 8), 0),
        ("Conv2D 8 filters 3×3, relu", (8, 8, 8), 80),
        ("MaxPool2D 2×2", (8, 4, 4), 0),
        ("Flatten", (128,), 0),
        ("Dense 10, softmax", (10,), 1290),
    ]
    assert net.params.size == 1370


def test_blocks_pool_only_while_the_maps_are_two_pixels_wide():
    net = build_network(settings(conv_filters=(4, 4, 4), kernel_size="5", dense=(16,)),
                        (1, 8, 8), 10, seed=0)  # fmt: skip
    shapes = [r.output_shape for r in summary(net)]
    assert shapes == [(1, 8, 8), (4, 8, 8), (4, 4, 4), (4, 4, 4), (4, 2, 2), (4, 2, 2),
                      (4, 1, 1), (4,), (16,), (10,)]  # fmt: skip
    dense_only = build_network(settings(conv_filters=()), (1, 12, 12), 4, seed=0)
    assert [r.name for r in summary(dense_only)] == ["Input", "Flatten", "Dense 4, softmax"]


def test_shapes_are_seeded_balanced_images_in_0_1():
    images, labels = make_shapes(40, seed=3)
    again, _ = make_shapes(40, seed=3)
    assert images.shape == (40, 12, 12) and np.array_equal(images, again)
    assert images.min() >= 0.0 and images.max() <= 1.0
    assert np.bincount(labels).tolist() == [10] * len(SHAPE_CLASSES)
    assert not np.array_equal(images, make_shapes(40, seed=4)[0])


def test_image_sets_come_shaped_for_a_convolution():
    digits = load_image_set("digits", 0.5, seed=0)
    assert digits.X_train.shape[1:] == (1, 8, 8) and len(digits.class_names) == 10
    shapes = load_image_set("shapes", 0.5, seed=0)
    assert shapes.X_train.shape == (400, 1, 12, 12) and shapes.class_names == SHAPE_CLASSES
    with pytest.raises(DataError, match="no image set"):
        load_image_set("cats")


def test_the_snapshot_holds_filters_maps_gallery_and_confusion():
    images = load_image_set("digits", 0.5, seed=0)
    net, trainer = trained(images, 1)
    snap = take_snapshot(net, trainer, images, image_index=5)
    assert snap.epoch == 1 and snap.params == 1370 and snap.image_index == 5
    assert [name for name, _ in snap.maps] == ["Conv2D 8 filters 3×3, relu", "MaxPool2D 2×2"]
    assert snap.maps[0][1].shape == (8, 8, 8) and snap.filters[0][1].shape == (8, 1, 3, 3)
    assert np.array_equal(snap.image, images.X_test[5, 0])
    assert snap.confusion.sum() == len(images.y_test)
    right = np.trace(snap.confusion) / snap.confusion.sum()
    assert right == pytest.approx(snap.history["test_accuracy"][-1])
    last = take_snapshot(net, trainer, images, image_index=10**6)
    assert last.image_index == len(images.y_test) - 1


def test_a_small_conv_net_reaches_97_percent_on_the_digits_in_30_epochs():
    net, trainer = trained(load_image_set("digits", 0.5, seed=0), 30)
    assert net.params.size <= 2000
    assert trainer.history.column("test_accuracy")[-1] >= 0.97


def test_on_the_shapes_the_conv_net_beats_a_dense_net_of_as_many_parameters():
    images = load_image_set("shapes", 0.5, seed=0)
    conv_net, conv = trained(images, 20)
    dense_net, dense = trained(images, 20, conv_filters=(), dense=(8,))
    assert abs(conv_net.params.size - dense_net.params.size) < 0.1 * conv_net.params.size
    accuracy = [t.history.column("test_accuracy")[-1] for t in (conv, dense)]
    assert accuracy[0] > accuracy[1] + 0.2, accuracy
