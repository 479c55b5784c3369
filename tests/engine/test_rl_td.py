"""TD targets, the TD loss and its output delta: the chosen action only."""

import numpy as np
import pytest

from playground.engine.rl import td_loss, td_output_delta, td_targets
from playground.engine.rl.dqn import gradient_for_delta, q_network

Q = np.array([[0.5, 2.0, -1.0], [0.0, 0.1, 0.2], [3.0, -3.0, 0.0]])
ACTIONS = np.array([1, 2, 0])
TARGETS = np.array([1.5, 0.3, 0.0])  # errors 0.5, -0.1, 3.0 (beyond huber's 1)


def test_td_target_bootstraps_from_the_best_next_action_unless_done():
    next_q = np.array([[1.0, 4.0, 2.0], [1.0, 4.0, 2.0]])
    targets = td_targets(np.array([0.5, 0.5]), next_q, np.array([0.0, 1.0]), gamma=0.9)
    assert targets.tolist() == [0.5 + 0.9 * 4.0, 0.5]


def test_loss_counts_the_chosen_action_only():
    assert td_loss(Q, ACTIONS, TARGETS, "squared") == pytest.approx(
        (0.5**2 + 0.1**2 + 3.0**2) / 2 / 3
    )
    assert td_loss(Q, ACTIONS, TARGETS, "huber") == pytest.approx((0.125 + 0.005 + 2.5) / 3)
    other = Q.copy()
    other[0, 0] = other[1, 1] = other[2, 2] = 99.0  # unchosen values do not matter
    assert td_loss(other, ACTIONS, TARGETS) == td_loss(Q, ACTIONS, TARGETS)


@pytest.mark.parametrize("loss", ["huber", "squared"])
def test_output_delta_is_the_loss_gradient_and_zero_off_the_chosen_action(loss):
    delta = td_output_delta(Q, ACTIONS, TARGETS, loss)
    chosen = np.zeros_like(Q, dtype=bool)
    chosen[np.arange(3), ACTIONS] = True
    assert np.all(delta[~chosen] == 0.0)
    numeric = np.zeros_like(Q)
    for index in np.ndindex(Q.shape):
        bumped = [Q.copy(), Q.copy()]
        bumped[0][index] += 1e-6
        bumped[1][index] -= 1e-6
        numeric[index] = (
            td_loss(bumped[0], ACTIONS, TARGETS, loss) - td_loss(bumped[1], ACTIONS, TARGETS, loss)
        ) / 2e-6
    assert np.allclose(delta, numeric, atol=1e-8)
    if loss == "huber":
        assert delta[2, 0] == pytest.approx(1.0 / 3)  # clipped: the error is 3


def test_unknown_td_loss_is_refused():
    with pytest.raises(ValueError, match="unknown TD loss"):
        td_output_delta(Q, ACTIONS, TARGETS, "absolute")


def test_the_network_gradient_follows_the_chosen_actions_only():
    net = q_network(3, 3, hidden=(5,), activation="tanh", init="xavier", seed=1)
    X = np.random.default_rng(0).normal(size=(3, 3))
    q = net.predict(X)
    actions = np.array([0, 0, 2])
    targets = q[np.arange(3), actions] + np.array([0.4, -0.2, 0.7])
    grad = gradient_for_delta(net, X, q, td_output_delta(q, actions, targets, "squared"))
    output_bias = net.layout.views(grad)[-1]["b"]
    assert output_bias[1] == pytest.approx(0.0, abs=1e-12)  # no row chose action 1
    assert output_bias[0] == pytest.approx((-0.4 + 0.2) / 3)  # Q - target, averaged
    numeric = np.zeros_like(net.params)
    for i in range(len(net.params)):
        saved = net.params[i]
        net.params[i] = saved + 1e-6
        up = td_loss(net.predict(X), actions, targets, "squared")
        net.params[i] = saved - 1e-6
        down = td_loss(net.predict(X), actions, targets, "squared")
        net.params[i] = saved
        numeric[i] = (up - down) / 2e-6
    assert np.allclose(grad, numeric, atol=1e-7)
