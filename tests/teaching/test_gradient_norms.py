"""The per-layer gradient norm log and its figure."""

import numpy as np

from playground.data import load_dataset
from playground.engine import Network, Trainer
from playground.labs.classify.session import Playground
from playground.plots.gradient_norms import gradient_norms_spec
from playground.teaching.gradient_norms import MAX_RECORDS, GradientNormLog, trainer_epoch


def test_the_log_skips_no_step_replaces_same_epoch_and_stays_small():
    log = GradientNormLog(2)
    log.record(0, [0.0, 0.0])  # before the first step
    log.record(1, [1.0, 2.0])
    log.record(1, [3.0, 4.0])
    assert len(log) == 1 and log.norms.tolist() == [[3.0, 4.0]]
    for epoch in range(2, 3 * MAX_RECORDS):
        log.record(epoch, [1.0, 1.0])
    assert len(log) <= MAX_RECORDS and log.epochs[-1] > 2 * MAX_RECORDS


def test_a_deep_sigmoid_network_shows_vanishing_gradients_on_a_log_axis():
    ds = load_dataset("circle")
    net = Network([2, 8, 8, 8, 8, 1], activation="sigmoid", seed=0)
    trainer = Trainer(net, ds.X_train, ds.y_train, batch_size=10)
    log = GradientNormLog(5)
    for _ in range(3):
        trainer.run_epochs(1)
        log.record(trainer_epoch(trainer), trainer.gradient_norms())
    first, last = log.norms[:, 0], log.norms[:, -1]
    assert np.all(first < last / 10)  # the first layer's gradient is far smaller
    spec = gradient_norms_spec(log.epochs, log.norms)
    assert spec["layout"]["yaxis"]["type"] == "log"
    assert [t["name"] for t in spec["data"]] == [*(f"hidden {i}" for i in range(1, 5)), "output"]
    np.testing.assert_allclose(spec["data"][0]["y"], first, rtol=1e-6)


def test_zero_norms_leave_a_gap():
    spec = gradient_norms_spec(np.array([1.0, 2.0]), np.array([[0.0, 1.0], [2.0, 1.0]]))
    assert np.isnan(spec["data"][0]["y"][0]) and spec["data"][0]["y"][1] == 2.0


def test_the_session_records_the_norms_as_it_trains():
    from playground import config

    playground = Playground(config.defaults())
    assert len(playground.gradient_log) == 0
    playground.step()
    playground.step_batch()
    assert len(playground.gradient_log) == 2
    assert playground.gradient_log.epochs[-1] > 1.0  # part-way through epoch 2
    playground.reset()
    assert len(playground.gradient_log) == 0
