"""Mini-batch training with per-epoch history and divergence detection."""

import math
import time

import numpy as np

from playground.engine.deadline import Costs, Deadline, NoDeadline
from playground.engine.evaluation import Evaluator, score_name
from playground.engine.history import History
from playground.engine.losses import make_output_delta
from playground.engine.optimizers import make_optimizer
from playground.engine.propagation import Workspace, backward, forward, ready_inputs

_OPTIMIZER_SETTINGS = ("momentum", "alpha", "beta1", "beta2", "eps")


class OptimizerSetting:
    """A Trainer attribute that lives on its optimizer (momentum, alpha, beta1, beta2, eps):
    `trainer.momentum = 0.5` sets the optimizer's, so it takes effect at the next step and
    survives nothing else. A descriptor on these five names only, rather than a
    __setattr__ hook on the class: such a hook runs on EVERY attribute the training loop
    sets (the cursor, the batch count: ~100,000 times a second), and cost ~5 % of an epoch."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, trainer, owner=None):
        if trainer is None:
            return self
        return getattr(trainer._optimizer, self.name)

    def __set__(self, trainer, value):
        setattr(trainer._optimizer, self.name, value)


class Trainer:
    """Trains a network (a Sequential, e.g. a Network) on (X_train (n, *input_shape),
    y_train) and records a History per epoch.

    Trainer(net, X_train, y_train, X_test=None, y_test=None, loss="bce", optimizer="sgd",
            learning_rate=0.03, batch_size=10, l1=0.0, l2=0.0, dropout=0.0, shuffle=True,
            seed=0, momentum=0.9, alpha=0.99, beta1=0.9, beta2=0.999, eps=1e-8,
            clock=time.perf_counter, clip_norm=None)

    Labels: integer class ids (n,) for bce and cce; float targets (n,) or (n, k) for mse
    (an autoencoder: Trainer(net, X, X, loss="mse")); (n, *output_shape) for other outputs.
    learning_rate, batch_size, l1, l2, dropout, shuffle, momentum, alpha, beta1, beta2, eps
    and clip_norm are attributes that take effect at the next step, keeping weights and
    optimizer state. clip_norm: None, or the largest Euclidean norm of a step's loss
    gradient over all parameters (scaled down to it if larger, before L1/L2, as PyTorch's
    clip_grad_norm_ with the penalty in the optimizer).
    epoch: whole epochs done; batch / batches_per_epoch: mini-batches done in the epoch under
    way, of how many (step() trains one, the unit of the learning loop). status: "ok" or
    "diverged"; diverged_epoch: the epoch during which the loss or a weight became
    non-finite (then the weights are the last finite ones, diverged_learning_rate is the
    learning rate it happened at, and training calls do nothing until recover()).
    history: per-epoch records, epoch 0 (before training) included.
    clock: what run_for's seconds are measured on (e.g. time.thread_time for CPU time).
    """

    def __init__(self, net, X_train, y_train, X_test=None, y_test=None, loss="bce",
                 optimizer="sgd", learning_rate=0.03, batch_size=10, l1=0.0, l2=0.0,
                 dropout=0.0, shuffle=True, seed=0, momentum=0.9, alpha=0.99, beta1=0.9,
                 beta2=0.999, eps=1e-8, clock=time.perf_counter, clip_norm=None):  # fmt: skip
        self._delta = make_output_delta(net.output, loss)
        self.net, self.loss, self.optimizer = net, loss, optimizer
        X, Y = self._data(X_train, y_train)
        if len(X) == 0:
            raise ValueError("training data must have at least one row")
        if X_test is None:
            X_test, Y_test = X[:0], Y[:0]
        else:
            X_test, Y_test = self._data(X_test, y_test)
        self._x_aug, self._y = ready_inputs(net.layers, X), Y  # _x_aug: as layer 0 reads
        self._x_epoch, self._y_epoch = np.empty_like(self._x_aug), np.empty_like(Y)
        settings = dict(momentum=momentum, alpha=alpha, beta1=beta1, beta2=beta2, eps=eps)
        self._optimizer = make_optimizer(optimizer, net.params.size, **settings)
        self.learning_rate, self.l1, self.l2 = learning_rate, l1, l2
        self.batch_size, self.dropout, self.shuffle = batch_size, dropout, shuffle
        self.clip_norm = clip_norm
        self._rng = np.random.default_rng(seed)
        self._grad = np.zeros_like(net.params)
        self._grad_blocks = net.gradient_targets(self._grad)
        self._grad_spans = net.layout.spans(self._grad)
        self._scratch = np.empty_like(net.params)
        self._last_good = np.empty_like(net.params)
        self._workspaces: dict[int, Workspace] = {}
        self.clock = clock
        self._in_epoch = False  # an epoch is under way: shuffled, its rows partly trained
        self._cursor = 0  # next row of the current epoch's order to train
        self._order = np.arange(len(Y))  # the epoch under way's rows: _x_epoch = X[_order]
        self._unit_costs: Costs = {}  # what run_for's units of work cost, frame to frame
        self._steps_left = math.inf  # mini-batches the current call may still train
        self._batch = 0  # mini-batches done in the epoch under way
        self.epoch, self.status, self.diverged_epoch = 0, "ok", None
        self.diverged_learning_rate = None
        self._evaluator = Evaluator(net, loss, X, Y, X_test, Y_test)
        score = score_name(net.output)
        columns = ("epoch", "train_loss", "test_loss", f"train_{score}", f"test_{score}")
        self.history = History(columns)
        self.history.append((0, *self._evaluator.evaluate()))

    def _data(self, X, y):
        X = self.net.check_inputs(X)
        Y = self.net._targets(y, self.loss)
        if len(X) != len(Y):
            raise ValueError(f"{len(X)} input rows but {len(Y)} labels")
        return X, Y

    @property
    def batch_size(self) -> int:
        """Rows per step (the last batch of an epoch may be smaller)."""
        return self._batch_size

    @batch_size.setter
    def batch_size(self, value) -> None:
        if int(value) != value or value < 1:
            raise ValueError("batch_size must be a positive integer")
        self._batch_size = int(value)

    @property
    def dropout(self) -> float:
        """Probability of dropping each hidden unit during training, in [0, 1)."""
        return self._dropout

    @dropout.setter
    def dropout(self, value) -> None:
        if not 0.0 <= value < 1.0:
            raise ValueError("dropout must be in [0, 1)")
        self._dropout = float(value)

    @property
    def clip_norm(self) -> float | None:
        """None (no clipping) or the largest norm of a step's loss gradient, > 0."""
        return self._clip_norm

    @clip_norm.setter
    def clip_norm(self, value) -> None:
        if value is not None and not value > 0:
            raise ValueError("clip_norm must be None or a positive number")
        self._clip_norm = None if value is None else float(value)

    def __getattr__(self, name):
        if name == "message":  # page text lives above the engine
            raise AttributeError("Trainer.message moved: playground.training_text."
                                 "divergence_message(status, diverged_epoch, "
                                 "diverged_learning_rate)")  # fmt: skip
        raise AttributeError(name)

    # The optimizer's knobs, read and written on the optimizer itself (see OptimizerSetting).
    momentum = OptimizerSetting()
    alpha = OptimizerSetting()
    beta1 = OptimizerSetting()
    beta2 = OptimizerSetting()
    eps = OptimizerSetting()

    @property
    def batch(self) -> int:
        """Mini-batches done in the epoch under way; 0 between epochs."""
        return self._batch if self._in_epoch else 0

    @property
    def batches_per_epoch(self) -> int:
        """Mini-batches in the epoch under way (those done plus those left at the current
        batch_size), or in the next epoch if none is under way."""
        left = len(self._y) - self._cursor
        return self.batch + -(-left // self.batch_size)

    def next_batch_rows(self) -> np.ndarray:
        """The training rows (indices into X_train, shape (b,)) the next step() will train
        on, in the order it takes them; nothing changes. Inside an epoch they are the next
        batch_size rows of its shuffled order; between epochs (or once an epoch's rows are
        all trained) the next epoch's shuffle is drawn on a copy of the random generator,
        so they are the rows that shuffle will put first. Empty once diverged.

        For the teaching tools: explain the step on X_train[rows] and apply it, and the
        weights are those step() would give (without dropout, whose mask is random).
        """
        rows = len(self._y)
        if self.status != "ok":
            return np.arange(0)
        if self._in_epoch and self._cursor < rows:
            order, start = self._order, self._cursor
        else:
            order, start = self._peek_order(), 0
        return order[start : min(start + self.batch_size, rows)].copy()

    def _peek_order(self) -> np.ndarray:
        """The order the next epoch's shuffle will draw, without drawing it."""
        if not self.shuffle:
            return np.arange(len(self._y))
        twin = np.random.Generator(type(self._rng.bit_generator)())
        twin.bit_generator.state = self._rng.bit_generator.state
        return twin.permutation(len(self._y))

    def step(self) -> int:
        """Train on one mini-batch: one forward pass, backward pass and optimizer step on the
        next batch_size rows of this epoch's shuffled order (the first step of an epoch
        shuffles). Returns 1, or 0 once diverged.

        Epoch bookkeeping stays as with run_epochs: `batch` counts the steps of the epoch
        under way, and the step that uses its last rows finishes it (epoch += 1, a History
        record, batch back to 0). run_epochs / run_for finish an epoch under way first.
        """
        if self.status != "ok":
            return 0
        rows = len(self._y)
        with np.errstate(all="ignore"):
            if self._in_epoch and self._cursor == rows and not self._complete_epoch():
                return 0  # run_for stopped this epoch before its evaluation ended
            if not self._in_epoch:
                self._begin_epoch()
            np.copyto(self._last_good, self.net.params)
            self._train_rows(self._cursor, min(self._cursor + self.batch_size, rows))
            if not math.isfinite(self.net.params.sum()):
                self._diverge()
                return 0
            if self._cursor == rows and not self._complete_epoch():
                return 0
        return 1

    def run_epochs(self, n: int) -> int:
        """Train n whole epochs (an epoch under way is finished first and counts as one);
        returns the epochs done, fewer if training diverged."""
        self._steps_left = math.inf
        return self._run(n, NoDeadline())

    def run_for(
        self, seconds: float, max_epochs: int | None = None, max_steps: int | None = None
    ) -> int:
        """Train until `seconds` of `clock` have passed, max_epochs epochs are done or
        max_steps mini-batches (then an epoch's evaluation still ends it if time allows);
        returns the epochs finished (0 when the time ran out inside an epoch).

        The work runs in units that are not cut: the shuffle that begins an epoch, each
        mini-batch, each chunk of the evaluation that ends it. A unit starts only if the
        last one like it says it ends in time (the first unit of a call always runs), so a
        call overruns its seconds by little whatever the network. An epoch cut short goes
        on at the next call, in the same order: the weights and the history are bitwise
        those of uninterrupted training from the same seed.
        """
        limit = math.inf if max_epochs is None else max_epochs
        self._steps_left = math.inf if max_steps is None else max_steps
        return self._run(limit, Deadline(self.clock, seconds, self._unit_costs))

    def _run(self, max_epochs, deadline: Deadline | NoDeadline) -> int:
        done = 0
        with np.errstate(all="ignore"):
            while done < max_epochs and self.status == "ok":
                if not self._work_on_epoch(deadline):
                    break
                if not self._finish_epoch():
                    break
                done += 1
        return done

    def _work_on_epoch(self, deadline: Deadline | NoDeadline) -> bool:
        """Do the units left of this epoch (starting one if none is under way) while the
        deadline allows; True when all are done and the epoch can be recorded."""
        rows = len(self._y)
        if not self._in_epoch:
            # A deadline stretched to end the last epoch begins no new one.
            if deadline.stretched or not (self._steps_left and deadline.fits("shuffle", rows)):
                return False
            self._begin_epoch()
            deadline.spent("shuffle", rows)
        while self._cursor < rows:
            left = rows - self._cursor
            size = min(self.batch_size, left)  # the last batch of an epoch may be smaller
            count = self._units_allowed(deadline, "step", size, min(left // size, self._steps_left))
            if not count:
                return False
            for _ in range(count):
                self._train_rows(self._cursor, self._cursor + size)
            deadline.spent("step", size, count)
            self._steps_left -= count
        evaluator = self._evaluator
        while not evaluator.done:
            chunk = evaluator.next_rows
            if not self._units_allowed(deadline, "evaluate", chunk, 1):
                return False
            evaluator.run_chunk()
            deadline.spent("evaluate", chunk)
        return True

    def _units_allowed(self, deadline: Deadline | NoDeadline, kind: str, rows: int, most: int):
        """How many units (at most `most`) of the epoch under way may run now before the
        clock is read again; the deadline is stretched to end the epoch if that costs
        little (and the steps left are allowed)."""
        count = deadline.units_that_fit(kind, rows, most)
        if count or most <= 0:
            return count
        left, size = len(self._y) - self._cursor, self.batch_size
        if left // size + (left % size > 0) > self._steps_left:
            return 0
        units = [("step", size, left // size), ("step", left % size, 1 if left % size else 0)]
        units += [("evaluate", chunk, 1) for chunk in self._evaluator.rows_left()]
        if not deadline.stretch(units):
            return 0
        return max(1, deadline.units_that_fit(kind, rows, most))

    def _begin_epoch(self) -> None:
        np.copyto(self._last_good, self.net.params)
        self._start_epoch()
        self._evaluator.begin()
        self._in_epoch, self._cursor = True, 0

    def _complete_epoch(self) -> bool:
        """Evaluate what is left of this epoch and record it; False if it diverged."""
        self._steps_left = math.inf
        self._work_on_epoch(NoDeadline())
        return self._finish_epoch()

    def _start_epoch(self) -> None:
        self._batch = 0
        if self.shuffle:
            self._order = order = self._rng.permutation(len(self._y))
            np.take(self._x_aug, order, axis=0, out=self._x_epoch)
            np.take(self._y, order, axis=0, out=self._y_epoch)
        else:
            self._order = np.arange(len(self._y))
            np.copyto(self._x_epoch, self._x_aug)
            np.copyto(self._y_epoch, self._y)

    def _train_rows(self, start: int, stop: int) -> None:
        """One optimizer step on rows [start, stop) of this epoch's order; the cursor moves
        to stop."""
        self._batch += 1
        self._cursor = stop
        ws = self._workspaces.get(stop - start) or self._workspace(stop - start)
        x, y = self._x_epoch[start:stop], self._y_epoch[start:stop]
        layers, dropout, grad = self.net.layers, self._dropout, self._grad
        forward(layers, ws, x, dropout, self._rng)
        self._delta(ws.a_out, ws.z_out, y, ws.delta_out, ws.tmp_out, ws.inv_rows)
        backward(layers, ws, x, self._grad_blocks, dropout)
        if self._clip_norm is not None:
            clip_gradient(grad, self._clip_norm)
        if self.l1 or self.l2:
            self.add_penalty_gradient(grad)
        self._optimizer.update(self.net.params, grad, self.learning_rate)

    def _workspace(self, rows: int) -> Workspace:
        """The buffers of a mini-batch of `rows` rows, made once per size."""
        ws = self._workspaces[rows] = Workspace(self.net.layers, rows)
        return ws

    def add_penalty_gradient(self, grad: np.ndarray) -> None:
        """grad += l2 * W + l1 * sign(W) on weights only (grad shaped like net.params)."""
        params, mask, scratch = self.net.params, self.net.weight_mask, self._scratch
        if self.l2:
            np.multiply(params, mask, out=scratch)
            scratch *= self.l2
            grad += scratch
        if self.l1:
            np.sign(params, out=scratch)
            scratch *= mask
            scratch *= self.l1
            grad += scratch

    def _finish_epoch(self) -> bool:
        record = self._evaluator.result()
        self._in_epoch, self._cursor = False, 0
        if not (math.isfinite(record[0]) and math.isfinite(self.net.params.sum())):
            self._diverge()
            return False
        self.epoch += 1
        self.history.append((self.epoch, *record))
        return True

    def _diverge(self) -> None:
        np.copyto(self.net.params, self._last_good)
        self._in_epoch, self._cursor = False, 0
        self.status, self.diverged_epoch = "diverged", self.epoch + 1
        self.diverged_learning_rate = self.learning_rate

    def start_from(self, params) -> None:
        """Train from these weights (params, shaped as net.params) instead of the ones the
        network was built with: only before any training (epoch 0, no step taken), and
        history's epoch-0 row becomes theirs. ValueError otherwise or for a wrong shape."""
        if self.epoch or self._in_epoch or len(self.history) != 1:
            raise ValueError("start_from is for a trainer that has not trained yet")
        params = np.asarray(params, dtype=np.float64)
        if params.shape != self.net.params.shape:
            raise ValueError(f"params must have shape {self.net.params.shape}, got {params.shape}")
        self.net.params[...] = params
        self.history = History(self.history.columns)
        self.history.append((0, *self._evaluator.evaluate()))

    def set_optimizer(self, name: str) -> None:
        """Switch to another optimizer (see OPTIMIZERS) at the next step, keeping the weights,
        the epoch, the history and the knobs; the new optimizer starts with empty state."""
        knobs = {key: getattr(self._optimizer, key) for key in _OPTIMIZER_SETTINGS}
        self._optimizer = make_optimizer(name, self.net.params.size, **knobs)
        self.optimizer = name

    def recover(self) -> None:
        """Clear a divergence so training can go on (e.g. after lowering the learning rate)."""
        self.status, self.diverged_epoch, self.diverged_learning_rate = "ok", None, None

    def gradient_norms(self) -> list[float]:
        """Per layer, the Euclidean norm of the LAST STEP's gradient of all its parameters
        ([W; b] for Dense; regularization included, as the optimizer used it); zeros before
        the first step and for layers without parameters."""
        return [float(np.sqrt(np.einsum("i,i->", g, g))) for g in self._grad_spans]

    def trace(self, x, y):
        """One-sample forward/backward trace and the update the optimizer would apply now;
        see playground.engine.inspection.Trace."""
        from playground.engine.inspection import trace_sample

        return trace_sample(self, x, y)


def clip_gradient(grad: np.ndarray, max_norm: float) -> None:
    """Scale grad (a flat vector) in place so its Euclidean norm is at most max_norm, as
    torch.nn.utils.clip_grad_norm_ does: by max_norm / (norm + 1e-6) when that is < 1."""
    scale = max_norm / (float(np.sqrt(np.dot(grad, grad))) + 1e-6)
    if scale < 1.0:
        grad *= scale
