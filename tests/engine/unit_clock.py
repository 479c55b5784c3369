"""A clock that only the trainer's work moves, one tick per unit (a shuffle, a mini-batch
step, a chunk of evaluation): a deadline of k seconds then allows about k units, so a test
can make training stop anywhere, whenever the trainer reads the clock."""


class UnitClock:
    """Call it for the time; attach(trainer) makes each unit of that trainer's work one tick
    (wrapping the trainer's own methods on this one instance, as tests/work_clock.py does)."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def attach(self, trainer):
        """Use this clock for `trainer`, ticking once per unit of its work; the trainer."""
        evaluator = trainer._evaluator
        units = (trainer, "_train_rows"), (evaluator, "run_chunk"), (trainer, "_start_epoch")
        for owner, name in units:
            setattr(owner, name, self._ticking(getattr(owner, name)))
        trainer.clock = self
        return trainer

    def _ticking(self, unit):
        def ticking_unit(*args):
            unit(*args)
            self.now += 1.0

        return ticking_unit
