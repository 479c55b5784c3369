"""Loss curve: downsampling, dtypes, log toggle, shared live settings."""

import json

import numpy as np

from playground.plots import UIREVISION, loss_figure
from playground.plots.arrays import minmax_indices


def _curve(n=5000, seed=0):
    rng = np.random.default_rng(seed)
    epochs = np.arange(1, n + 1)
    train = np.exp(-epochs / 900) + 0.01 * rng.random(n)
    return epochs, train, train * 1.2 + 0.01 * rng.random(n)


def test_long_curve_is_thinned_to_400_points_keeping_first_and_last():
    epochs, train, test = _curve()
    fig = loss_figure(epochs, train, test)
    for trace in fig.data:
        assert len(trace.x) <= 400
        assert trace.x[0] == 1 and trace.x[-1] == 5000
    assert fig.data[0].y[0] == np.float32(train[0])
    assert fig.data[1].y[-1] == np.float32(test[-1])


def test_thinning_keeps_a_spike():
    epochs, train, _ = _curve()
    train[3217] = 50.0  # a divergence blip must stay visible
    fig = loss_figure(epochs, train)
    assert np.float32(50.0) in fig.data[0].y
    assert 3218 in fig.data[0].x


def test_short_curve_is_sent_whole():
    epochs, train, test = _curve(n=120)
    fig = loss_figure(epochs, train, test)
    assert list(fig.data[0].x) == list(epochs)


def test_losses_are_float32_base64_and_test_curve_optional():
    epochs, train, test = _curve()
    fig = loss_figure(epochs, train, None)
    assert len(fig.data) == 1 and fig.data[0].name == "train"
    assert fig.data[0].y.dtype == np.float32
    trace = json.loads(fig.to_json())["data"][0]
    assert trace["y"]["dtype"] == "f4" and "bdata" in trace["y"]


def test_a_loss_beyond_float32_is_sent_as_it_is():
    # A diverging run's last loss (1e245) read 3.4e38, float32's largest, in the hover.
    fig = loss_figure(np.arange(3), np.array([0.7, 3e12, 1e245]), np.array([0.7, 1.0, np.nan]))
    assert fig.data[0].y.dtype == np.float64 and fig.data[0].y[-1] == 1e245
    assert fig.data[1].y.dtype == np.float32  # the other curve fits: half the bytes


def test_log_axis_toggle_and_axis_titles():
    epochs, train, test = _curve()
    assert loss_figure(epochs, train, test, log_y=True).layout.yaxis.type == "log"
    linear = loss_figure(epochs, train, test, log_y=False)
    assert linear.layout.yaxis.type == "linear"
    assert linear.layout.xaxis.title.text == "epoch"
    assert linear.layout.yaxis.title.text == "loss"
    assert linear.layout.uirevision == UIREVISION


def test_minmax_indices_handle_nan_and_stay_within_budget():
    values = np.linspace(1, 0, 10_000)
    values[5000:5100] = np.nan
    keep = minmax_indices([values, values[::-1].copy()], 400)
    assert len(keep) <= 400
    assert keep[0] == 0 and keep[-1] == 9999
    assert np.all(np.diff(keep) > 0)


def test_axes_start_at_zero_even_for_the_first_point():
    first = loss_figure(np.array([0]), np.array([0.77]), np.array([0.77]), log_y=False)
    assert first.layout.xaxis.rangemode == "nonnegative"  # not -1..1 around epoch 0
    assert first.layout.yaxis.rangemode == "tozero"
    log = loss_figure(np.array([0]), np.array([0.77]), None, log_y=True)
    assert log.layout.yaxis.rangemode is None  # a log axis has no zero
