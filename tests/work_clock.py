"""A clock that only work moves: frame budgets tested by counting work, not by timing.

Attached to a Trainer, it advances by what each unit of work would cost on one core of
the test machine: multiply-adds (rows x parameters; a training step does three passes'
worth, an evaluation one) plus a fixed overhead per layer and pass. Calibrated by hand on
the 2-core build machine: a 512-row step of digits 64-[64]x8-10 took ~4.5 ms, a 10-row
step of 2-4-2-1 ~21 us. So a test knows how long a frame "took" without a timing assert.
"""

SECONDS_PER_MAC = 1e-10
SECONDS_PER_LAYER_PASS = 3e-6


class WorkClock:
    """Call it for the time; attach(trainer) makes that trainer's work move it."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def attach(self, trainer) -> "WorkClock":
        """Use this clock for `trainer` and charge its steps, evaluation chunks and
        shuffles to it (wrapping the trainer's own methods on this one instance)."""
        params, layers = trainer.net.params.size, len(trainer.net.layers)
        evaluator = trainer._evaluator
        train_rows, run_chunk, start_epoch = (
            trainer._train_rows,
            evaluator.run_chunk,
            trainer._start_epoch,
        )

        def charged_train_rows(start, stop):
            train_rows(start, stop)
            self.now += 3 * (stop - start) * params * SECONDS_PER_MAC
            self.now += 3 * layers * SECONDS_PER_LAYER_PASS

        def charged_run_chunk():
            rows = evaluator.next_rows
            run_chunk()
            self.now += rows * params * SECONDS_PER_MAC + layers * SECONDS_PER_LAYER_PASS

        def charged_start_epoch():
            start_epoch()
            self.now += trainer._x_aug.size * 2 * SECONDS_PER_MAC + SECONDS_PER_LAYER_PASS

        trainer._train_rows, evaluator.run_chunk = charged_train_rows, charged_run_chunk
        trainer._start_epoch, trainer.clock = charged_start_epoch, self
        return self
