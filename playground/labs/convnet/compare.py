"""Dense vs convolution: the first lab's dense network trained on the vision lab's images,
beside the conv net as it is, in a background thread (time-bounded, outside the session's
lock, so the page and the live training go on).

Fair by construction: the dense network is the first lab's (engine `Network`: one hidden
layer with the classify lab's digits activation and initialization, a softmax output) with
as many hidden units as give it about the conv net's parameter count; it trains on the same
training images (flattened) with the conv net's optimizer, learning rate, batch size and
seed, for as many epochs as the conv net has had, and is scored on the same test images.
No streamlit.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.config.setups import SUGGESTED_SETUPS
from playground.engine import Network, Trainer

COMPARE_SECONDS = 15.0  # a dense network trains at most this long (wall clock), then stops
COMPARE_AT_ONCE = 2  # comparisons training at once in one process (one core per process)
_RUNNING = threading.BoundedSemaphore(COMPARE_AT_ONCE)
DENSE_RECIPE = SUGGESTED_SETUPS["digits"]  # the first lab's dense network for images
BUSY = (
    f"{COMPARE_AT_ONCE} comparisons are training on this server already; "
    "try again in a few seconds."
)
NOT_TRAINED = (
    "Train the conv net for an epoch first (Play or Step): the dense network then trains as long."
)


def dense_hidden_units(params: int, inputs: int, classes: int) -> int:
    """Hidden units H of a dense network inputs-H-classes with about `params` parameters:
    (inputs + 1)·H + (H + 1)·classes ≈ params, at least 1."""
    return max(1, round((params - classes) / (inputs + 1 + classes)))


@dataclass(frozen=True)
class Side:
    """One network of the comparison: what it is, its parameters, its test accuracy and
    the epochs it trained."""

    name: str
    params: int
    test_accuracy: float
    epochs: int


@dataclass(frozen=True)
class Comparison:
    """The conv net as it was when asked, and the dense network trained to match.
    timed_out: the dense network stopped at COMPARE_SECONDS before its epochs were done.
    model_version: the session's model it was made for."""

    conv: Side
    dense: Side
    timed_out: bool
    seconds: float
    model_version: int


@dataclass(frozen=True)
class _Job:
    """What the background thread needs, copied under the session's lock."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    classes: int
    hidden: int
    settings: dict[str, Any]
    seed: int
    epochs: int
    conv: Side
    model_version: int


def train_dense(job: _Job, seconds: float = COMPARE_SECONDS) -> Comparison:
    """Train the job's dense network for its epochs (at most `seconds`) -> the Comparison."""
    inputs, classes = job.X_train[0].size, job.classes
    net = Network([inputs, job.hidden, classes], activation=DENSE_RECIPE["activation"],
                  output="softmax", init=DENSE_RECIPE["init"], seed=job.seed)  # fmt: skip
    s = job.settings
    trainer = Trainer(net, job.X_train.reshape(len(job.X_train), -1), job.y_train,
                      job.X_test.reshape(len(job.X_test), -1), job.y_test, loss="cce",
                      optimizer=s["optimizer"], learning_rate=s["learning_rate"],
                      batch_size=min(s["batch_size"], len(job.y_train)), seed=job.seed)  # fmt: skip
    start = time.perf_counter()
    trainer.run_for(seconds, max_epochs=job.epochs)
    took = time.perf_counter() - start
    accuracy = float(trainer.history[-1]["test_accuracy"])
    name = f"Dense {inputs}-{job.hidden}-{classes}"
    dense = Side(name, int(net.params.size), accuracy, trainer.epoch)
    return Comparison(job.conv, dense, trainer.epoch < job.epochs, took, job.model_version)


def _job(session) -> _Job:
    """The comparison's inputs from a ConvSession, read under its lock."""
    with session.lock:
        images, net, epochs = session.images, session.network, session.epoch
        accuracy = float(session.trainer.history[-1]["test_accuracy"])
        conv = Side("Conv net (this page's)", int(net.params.size), accuracy, epochs)
        classes = len(images.class_names)
        hidden = dense_hidden_units(conv.params, int(np.prod(images.input_shape)), classes)
        return _Job(images.X_train, images.y_train, images.X_test, images.y_test, classes,
                    hidden, dict(session.settings), int(session.settings["seed"]), epochs,
                    conv, session.model_version)  # fmt: skip


class DenseComparison:
    """One session's dense-vs-conv comparison: at most one trains at a time, in its own
    thread; `result` is the last one finished (None before), `running` says one trains."""

    def __init__(self):
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.result: Comparison | None = None
        self.failure: str | None = None

    @property
    def running(self) -> bool:
        """Whether a dense network is training for this session now."""
        return self._thread is not None and self._thread.is_alive()

    def start(self, session) -> str | None:
        """Train the dense twin of `session`'s conv net in the background. Returns a
        sentence for the page if it cannot start (nothing trained yet, the server busy),
        else None (started, or already training)."""
        with self._lock:
            if self.running:
                return None
            job = _job(session)
            if job.epochs < 1:
                return NOT_TRAINED
            if not _RUNNING.acquire(blocking=False):
                return BUSY
            self.failure = None
            self._thread = threading.Thread(target=self._train, args=(job,), daemon=True,
                                            name="dense-vs-conv")  # fmt: skip
            self._thread.start()
        return None

    def _train(self, job: _Job) -> None:
        try:
            result = train_dense(job)
        except Exception as error:  # noqa: BLE001 - a message for the page, not a dead thread
            result, self.failure = None, f"The dense network could not be trained: {error}"
        finally:
            _RUNNING.release()
        if result is not None:
            self.result = result

    def wait(self, seconds: float) -> bool:
        """Wait up to `seconds` for a running comparison; True if none is running after."""
        thread = self._thread
        if thread is not None:
            thread.join(seconds)
        return not self.running

    def current(self, model_version: int) -> Comparison | None:
        """The last result if it was made for this model (not a network since rebuilt)."""
        result = self.result
        return result if result is not None and result.model_version == model_version else None
