"""What the learning-loop tools add to a lab's live views, shared by the page and the feed.

The page says what it wants (LearningState: the panel open, the network view's links by
a gradient) and the session keeps it, so every live frame, paused or playing, draws the
same: the snapshot asks link_gradients for the links and norms_of for the chart of each
layer's gradient norm. The step behind the links is explained once per state of the
network and rows (StepMemo): the panel, drawn in the same run, reuses it.
"""

from dataclasses import dataclass, field

import numpy as np

from playground.teaching.sample import SPLITS, split_size
from playground.teaching.step import Step, explain_step, hyper_of

SAMPLE, BATCH = "sample", "batch"  # the links show one sample's gradient, or the batch's


@dataclass(frozen=True)
class LinkRequest:
    """What the network view's links are drawn by: ∂L/∂w of the sample (split, row), or
    (kind BATCH) of the trainer's next mini-batch, whichever rows that is at each frame."""

    kind: str = SAMPLE
    split: str = "train"
    row: int = 0


class StepMemo:
    """The last few steps explained and the state each was explained in (the network's
    parameters, the optimizer and its settings, the rows): asking again in the same state
    returns the same Step without working it out again. It keeps KEPT steps (the
    sample's and the mini-batch's, as the panel and the links show them)."""

    KEPT = 4

    def __init__(self):
        self._steps: dict[tuple, Step] = {}
        self.explained = 0  # how many steps were worked out (a test can count them)

    def step(self, trainer, X, y) -> Step:
        """explain_step(trainer, X, y), or the last one if nothing changed since."""
        X, y = np.asarray(X), np.asarray(y)
        opt = trainer._optimizer  # see step._optimizer: its step count is public state
        key = (id(trainer), trainer.optimizer, opt.steps, tuple(vars(hyper_of(trainer)).values()),
               trainer.clip_norm, trainer.dropout, trainer.net.params.tobytes(),
               X.shape, X.tobytes(), y.shape, y.tobytes())  # fmt: skip
        step = self._steps.pop(key, None)
        if step is None:
            step = explain_step(trainer, X, y)
            self.explained += 1
        self._steps[key] = step  # the newest last
        while len(self._steps) > self.KEPT:
            del self._steps[next(iter(self._steps))]
        return step


@dataclass
class LearningState:
    """A session's learning-loop tools as the page last set them: open (the panel is on:
    the live views add the gradient-norm chart), links (None: the links show the
    weights), memo (the last step explained, see StepMemo)."""

    open: bool = False
    links: LinkRequest | None = None
    memo: StepMemo = field(default_factory=StepMemo)


def request_rows(request: LinkRequest, source, trainer) -> tuple[np.ndarray, np.ndarray] | None:
    """(X, y) of the rows a request names (source: the lab's StepSource), or None if they
    do not exist (any more: another data set, a diverged trainer)."""
    if request.kind == BATCH:
        rows = trainer.next_batch_rows()
        return source.rows("train", rows) if rows.size else None
    if request.split not in SPLITS or not 0 <= request.row < split_size(source, request.split):
        return None
    return source.rows(request.split, slice(request.row, request.row + 1))


def link_gradients(session) -> tuple[list[np.ndarray], list[np.ndarray]] | None:
    """(∂L/∂W (fan_in, fan_out), ∂L/∂b (fan_out,)) per layer for the links the session's
    learning state asks for, or None (the links show the weights). Hold the lock."""
    request = session.learning.links
    if request is None:
        return None
    rows = request_rows(request, session.step_source(), session.trainer)
    if rows is None:
        return None
    step = session.learning.memo.step(session.trainer, *rows)
    return [layer.mean_dW for layer in step.layers], [layer.mean_db for layer in step.layers]


def norms_of(session) -> tuple[np.ndarray, np.ndarray] | None:
    """(epochs (n,), norms (n, layers)) of the session's gradient-norm log while the panel
    is open, else None (the live views leave the chart out). Hold the lock."""
    log = session.gradient_log
    if not session.learning.open:
        return None
    return log.epochs, log.norms
