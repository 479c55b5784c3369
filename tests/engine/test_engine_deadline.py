"""Training against a deadline: cut anywhere, resumed where it stopped, bitwise the same."""

import itertools

import numpy as np
from engine_datasets import spiral, split
from unit_clock import UnitClock

from playground.engine import Network, Trainer


def _trainer(**settings) -> Trainer:
    X_train, y_train, X_test, y_test = split(*spiral())
    net = Network([2, 8, 8, 1], activation="relu", output="sigmoid", seed=3)
    # batch 7 leaves a short last batch; dropout draws from the trainer's generator.
    options = dict(batch_size=7, dropout=0.2, optimizer="adam", seed=5, **settings)
    return Trainer(net, X_train, y_train, X_test, y_test, **options)


def test_training_cut_by_deadlines_anywhere_is_bitwise_uninterrupted_training():
    whole = _trainer()
    whole.run_epochs(6)
    cut = UnitClock().attach(_trainer())
    seconds = itertools.cycle([0.0, 1.0, 2.5, 4.0, 7.0, 0.5, 11.0])
    calls = 0
    while cut.epoch < 6 and calls < 10_000:
        cut.run_for(next(seconds), max_epochs=6 - cut.epoch)
        calls += 1
        if calls == 10:
            cut.step()  # a single step in between takes the next batch of the same order
    assert cut.epoch == 6 and calls > 60  # the deadlines cut the epochs into many pieces
    assert np.array_equal(cut.net.params, whole.net.params)
    for column in ("train_loss", "test_loss", "train_accuracy", "test_accuracy"):
        assert np.array_equal(cut.history.column(column), whole.history.column(column))


def test_a_zero_deadline_does_one_unit_of_work_and_the_epoch_goes_on_later():
    trainer = _trainer()
    before = trainer.net.params.copy()
    assert trainer.run_for(0.0) == 0  # the shuffle that begins the epoch
    assert np.array_equal(trainer.net.params, before)
    assert trainer.run_for(0.0) == 0  # one mini-batch: the epoch is not over
    assert trainer.epoch == 0 and not np.array_equal(trainer.net.params, before)
    assert trainer.run_for(60.0, max_epochs=2) == 2  # finishes that epoch, then one more
    assert trainer.epoch == 2 and len(trainer.history) == 3


def test_a_call_ends_on_a_whole_epoch_when_that_costs_little_more_and_never_past_it():
    trainer = UnitClock().attach(_trainer())
    trainer.run_epochs(1)  # every unit's cost is known from here on: one tick
    units = 1 + trainer.batches_per_epoch + len(trainer._evaluator.chunks)
    for seconds in range(8 * units, 12 * units):  # epochs cost an eighth of the call or less
        epochs, start = trainer.epoch, trainer.clock.now
        trainer.run_for(float(seconds))
        assert trainer.batch == 0 and trainer.epoch > epochs  # stretched to the epoch's end
        assert trainer.clock.now - start <= 1.25 * seconds + 1  # by a quarter at most
    trainer.run_for(units / 2)  # an epoch is far longer than a quarter of this call
    assert trainer.batch > 0
