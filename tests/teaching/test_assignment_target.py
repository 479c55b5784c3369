"""The target check: the first epoch within the budget at which the metric meets the
target, limits checked against the settings, and a session's real history."""

import numpy as np

from playground.labs.classify.lab import CLASSIFY
from playground.teaching.assignment import Limit, Target
from playground.teaching.assignment_target import progress, target_sentence

TABLE = CLASSIFY.table
SETTINGS = {**CLASSIFY.defaults(), "hidden": (4,)}
HISTORY = {
    "epoch": np.arange(6.0),
    "test_accuracy": np.array([0.5, 0.7, 0.96, np.nan, 0.97, 0.99]),
    "test_loss": np.array([0.9, 0.6, 0.3, 0.2, 0.1, 0.05]),
}


def test_the_first_epoch_that_meets_the_target_is_the_one_reached():
    found = progress(Target("test_accuracy", ">=", 0.95), HISTORY, SETTINGS, TABLE)
    assert (found.reached_epoch, found.reached_value) == (2, 0.96)
    assert found.best == 0.99 and found.latest == 0.99 and found.epoch == 5
    low = progress(Target("test_loss", "<=", 0.15), HISTORY, SETTINGS, TABLE)
    assert low.reached_epoch == 4 and low.best == 0.05


def test_the_epoch_budget_bounds_the_search():
    found = progress(Target("test_accuracy", ">=", 0.98, epochs=4), HISTORY, SETTINGS, TABLE)
    assert found.reached_epoch is None and found.best == 0.97 and found.over_budget
    assert (
        progress(Target("test_accuracy", ">=", 0.98, 5), HISTORY, SETTINGS, TABLE).reached_epoch
        == 5
    )


def test_epoch_zero_before_training_never_counts():
    found = progress(Target("test_accuracy", ">=", 0.4), HISTORY, SETTINGS, TABLE)
    assert found.reached_epoch == 1


def test_a_broken_limit_blocks_the_target_and_says_why():
    target = Target("test_accuracy", ">=", 0.95, 0, (Limit("hidden", 6),))
    assert progress(target, HISTORY, SETTINGS, TABLE).reached_epoch == 2
    big = progress(target, HISTORY, {**SETTINGS, "hidden": (4, 3)}, TABLE)
    assert big.reached_epoch is None and big.problems == (
        "'Hidden layers' is 7 now; the task allows at most 6.",
    )


def test_epochs_before_counts_from_do_not_reach_the_target():
    target = Target("test_accuracy", ">=", 0.95, 0, (Limit("batch_size", 20),))
    found = progress(target, HISTORY, SETTINGS, TABLE, counts_from=3)
    assert (found.reached_epoch, found.best) == (4, 0.99)
    assert progress(target, HISTORY, SETTINGS, TABLE, counts_from=6).reached_epoch is None


def test_the_budget_is_used_up_when_no_epoch_in_it_counts():
    broken = {**SETTINGS, "hidden": (8,)}  # the metric met the target, beyond a limit
    target = Target("test_accuracy", ">=", 0.95, 4, (Limit("hidden", 6),))
    assert progress(target, HISTORY, broken, TABLE).over_budget
    assert progress(Target("test_accuracy", ">=", 0.95, 4), HISTORY, SETTINGS, TABLE,
                    counts_from=5).over_budget  # fmt: skip
    assert not progress(target, HISTORY, SETTINGS, TABLE).over_budget  # reached at 2


def test_a_metric_the_setup_does_not_measure():
    found = progress(Target("test_r2", ">=", 0.9), HISTORY, SETTINGS, TABLE)
    assert not found.measured and found.reached_epoch is None


def test_a_real_session_reaches_a_target():
    session, _ = CLASSIFY.start({"dataset": "xor", "hidden": "4"})
    target = Target("test_accuracy", ">=", 0.9, 200, (Limit("hidden", 6),))
    for _ in range(200):
        session.step()
        found = progress(target, session.snapshot().history, session.settings, TABLE)
        if found.reached_epoch is not None:
            break
    assert found.reached_epoch == session.epoch and found.reached_value >= 0.9


def test_the_target_in_words():
    target = Target("test_accuracy", ">=", 0.95, 500, (Limit("hidden", 6),))
    assert target_sentence(target, TABLE) == (
        "Reach test accuracy ≥ 95.0 % with at most 6 in 'Hidden layers' (all together), "
        "within 500 epochs."
    )


def test_every_limit_is_in_the_sentence_and_checked():
    from playground.teaching.assignment_target import limit_checks

    limits = (Limit("hidden", 6), Limit("batch_size", 20), Limit("learning_rate", 0.01))
    target = Target("test_accuracy", ">=", 0.95, 0, limits)
    assert target_sentence(target, TABLE) == (
        "Reach test accuracy ≥ 95.0 % with at most 6 in 'Hidden layers' (all together), "
        "'Batch size' at most 20 and 'Learning rate' at most 0.01."
    )
    assert limit_checks(target, SETTINGS, TABLE) == [
        ("'Hidden layers' 4 in all (at most 6)", True), ("'Batch size' 10 (at most 20)", True),
        ("'Learning rate' 0.03 (at most 0.01)", False)]  # fmt: skip
    found = progress(target, HISTORY, SETTINGS, TABLE)
    assert found.reached_epoch is None and found.problems == (
        "'Learning rate' is 0.03 now; the task allows at most 0.01.",)  # fmt: skip
