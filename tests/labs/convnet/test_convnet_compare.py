"""Dense vs convolution: the dense network is the first lab's with about the conv net's
parameter count, trained in the background on the same images for as many epochs; on the
digits and on the shapes the conv net wins (on the shapes by far); the page's refusals."""

import threading

from playground.labs.convnet import compare
from playground.labs.convnet.compare import BUSY, NOT_TRAINED, dense_hidden_units
from playground.labs.convnet.lab import CONVNET


def trained_session(epochs, **changes):
    session = CONVNET.open({**CONVNET.defaults(), **changes})
    for _ in range(epochs):
        session.step()
    return session


def compared(session):
    assert session.compare_dense() is None
    assert session.comparison.wait(60) and session.comparison.failure is None
    return session.comparison.current(session.model_version)


def test_the_hidden_layer_gives_about_the_conv_nets_parameters():
    for params, inputs, classes in ((1370, 64, 10), (1236, 144, 4), (956, 144, 4), (80, 64, 10)):
        h = dense_hidden_units(params, inputs, classes)
        dense = (inputs + 1) * h + (h + 1) * classes
        assert abs(dense - params) <= (inputs + 1 + classes) / 2 or h == 1, (params, h, dense)


def test_on_the_digits_the_dense_twin_trains_as_long_on_the_same_images():
    session = trained_session(30)
    result = compared(session)
    assert result.conv.params == 1370 and result.dense.name == "Dense 64-18-10"
    assert abs(result.dense.params - result.conv.params) < 0.05 * result.conv.params
    assert result.conv.epochs == result.dense.epochs == 30 and not result.timed_out
    assert result.conv.test_accuracy == session.record()["test_accuracy"]
    assert 0.9 < result.dense.test_accuracy < result.conv.test_accuracy  # measured: 96.9 < 97.9


def test_on_the_shapes_the_conv_net_beats_its_dense_twin_by_far():
    result = compared(trained_session(20, dataset="shapes"))
    assert result.dense.name == "Dense 144-8-4"
    assert abs(result.dense.params - result.conv.params) < 0.1 * result.conv.params
    assert result.conv.test_accuracy > result.dense.test_accuracy + 0.2  # measured: 82 vs 51 %


def test_training_goes_on_while_the_dense_network_trains():
    session = trained_session(1)
    gate, release = threading.Event(), threading.Event()
    real = compare.train_dense

    def slow(job, seconds=compare.COMPARE_SECONDS):
        gate.set()
        release.wait(30)
        return real(job, seconds)

    compare.train_dense = slow
    try:
        assert session.compare_dense() is None and gate.wait(30)
        assert session.comparison.running
        session.step()  # the session's lock is free: the comparison does not hold it
        assert session.epoch == 2 and session.compare_dense() is None  # one at a time
    finally:
        release.set()
        compare.train_dense = real
    assert session.comparison.wait(60)
    assert session.comparison.result.conv.epochs == 1  # the conv net as it was when asked


def test_refusals_and_a_rebuilt_network_drops_the_old_result():
    untrained = CONVNET.open(CONVNET.defaults())
    assert untrained.compare_dense() == NOT_TRAINED and untrained.comparison.result is None
    session = trained_session(1)
    held = [compare._RUNNING.acquire(blocking=False) for _ in range(compare.COMPARE_AT_ONCE)]
    try:
        assert all(held) and session.compare_dense() == BUSY
    finally:
        for _ in held:
            compare._RUNNING.release()
    assert compared(session) is not None
    session.update({**session.settings, "conv_filters": (4,)})
    assert session.comparison.current(session.model_version) is None


def test_a_comparison_is_time_bounded():
    session = trained_session(3)
    result = compare.train_dense(compare._job(session), seconds=0.0)
    assert result.timed_out and result.dense.epochs < 3
