"""One moment of the sequence lab as plain arrays (copies): what every view reads.

Besides the history, it runs the network on one test sequence (its answers and hidden
states), measures the gradient of the last step's loss reaching each time step on a batch
of test sequences (and carries the other cell type's, when compared), and per task: the
wave's one-step and free-running forecasts, or text sampled from the model.
"""

import time
from dataclasses import dataclass

import numpy as np

from playground.data.sequences import SequenceTask
from playground.labs.rnn.compare import CellComparison, step_gradients
from playground.labs.stopping import Restored
from playground.training_text import divergence_message

FORECAST_STEPS = 60  # steps of the free-running wave forecast
SAMPLE_CHARS = 120  # characters of sampled text
# The forecast and the sampled text cost one forward pass per step (60-400 ms for an LSTM
# on a busy machine): while training runs, they are redrawn at most this often.
TASK_VIEW_SECONDS = 1.0


@dataclass(frozen=True)
class SequenceSnapshot:
    """epoch, batch, batches, status, message, history (column -> array); task, kind,
    symbols, delay, cell; example_inputs (steps, features) of the shown test sequence;
    example_target: its class per step (steps,) (-1: none; echo, text) or its next value
    (1,) (waves); example_output: the probabilities per step (steps, k) or the value (1,);
    hidden (steps, units); step_gradients (steps,) from the loss at the last step;
    comparison: the other cell type's (CellComparison) or None; waves: series,
    test_start, predicted, forecast; text: prompt, sample, temperature (else None / "");
    views_epoch: the epoch the forecast or sample was made at."""

    epoch: int
    batch: int
    batches: int
    status: str
    message: str
    history: dict
    task: str
    kind: str
    symbols: tuple[str, ...]
    delay: int
    cell: str
    example_inputs: np.ndarray
    example_target: np.ndarray
    example_output: np.ndarray
    hidden: np.ndarray
    step_gradients: np.ndarray
    comparison: CellComparison | None = None
    series: np.ndarray | None = None
    test_start: int | None = None
    predicted: np.ndarray | None = None
    forecast: np.ndarray | None = None
    prompt: str = ""
    sample: str = ""
    temperature: float = 1.0
    views_epoch: int = 0
    restored: Restored | None = None  # best weights a patience stop put back (labs/stopping.py)


def take_snapshot(net, trainer, task: SequenceTask, settings, cache: dict,
                  comparison: CellComparison | None = None) -> SequenceSnapshot:  # fmt: skip
    """The snapshot of this moment (see SequenceSnapshot). `cache` keeps the costly task
    views (forecast, sampled text) while the example and the temperature stay the same,
    remade for a new epoch at most every TASK_VIEW_SECONDS; the caller empties it for a
    new model."""
    t = trainer
    history = {name: t.history.column(name) for name in t.history.columns}
    message = divergence_message(t.status, t.diverged_epoch, t.diverged_learning_rate)
    row = min(settings["example"], len(task.X_test) - 1)
    x = task.X_test[row : row + 1]
    with np.errstate(all="ignore"):
        gradients = step_gradients(net, task)
        extra = _cached_task_views(cache, net, task, x, settings, t.epoch, row)
        output = net.predict(x)[0]
        hidden = net.layers[0].hidden_states(x)[0]
    return SequenceSnapshot(
        t.epoch, t.batch, t.batches_per_epoch, t.status, message, history, task.name,
        task.kind, task.symbols, settings["delay"], settings["cell"], x[0].copy(),
        np.atleast_1d(task.y_test[row]).copy(), output, hidden, gradients, comparison,
        **extra,
    )  # fmt: skip


def _cached_task_views(cache: dict, net, task, x, settings, epoch: int, row: int) -> dict:
    key, now = (row, settings["temperature"]), time.monotonic()
    old = cache.get("views")
    fresh = old is not None and cache["key"] == key
    if fresh and (cache["epoch"] == epoch or now - cache["made"] < TASK_VIEW_SECONDS):
        return old
    views = {**_task_views(net, task, x, settings, epoch), "views_epoch": epoch}
    cache.update(views=views, key=key, epoch=epoch, made=now)
    return views


def _task_views(net, task: SequenceTask, x, settings, epoch: int) -> dict:
    if task.name == "waves":
        predicted = net.predict(task.X_test)[:, 0]
        start = task.test_start
        window = task.series[start - task.steps : start].copy()
        return {"series": task.series, "test_start": start, "predicted": predicted,
                "forecast": free_running(net, window, FORECAST_STEPS)}  # fmt: skip
    if task.name == "text":
        temperature = settings["temperature"]
        rng = np.random.default_rng(epoch)  # a new sample each epoch, the same on a redraw
        prompt = "".join(task.symbols[i] for i in x[0].argmax(axis=1))
        sample = sample_text(net, x[0], task.symbols, SAMPLE_CHARS, temperature, rng)
        return {"prompt": prompt, "sample": sample, "temperature": temperature}
    return {}


def free_running(net, window: np.ndarray, horizon: int) -> np.ndarray:
    """Forecast `horizon` values from the last values `window` (steps,), each prediction
    fed back as the newest input: (horizon,)."""
    window, out = window.astype(np.float64).copy(), np.empty(horizon)
    for k in range(horizon):
        out[k] = net.predict(window[None, :, None])[0, 0]
        window = np.roll(window, -1)
        window[-1] = out[k]
    return out


def sample_text(net, start: np.ndarray, symbols, length: int, temperature: float, rng) -> str:
    """`length` characters written by the model from the one-hot window `start` (steps,
    alphabet): each drawn from the softmax at the window's last step at this temperature,
    then fed back as the window's newest character."""
    window, chars = start.copy(), []
    for _ in range(length):
        probs = net.predict(window[None])[0, -1]
        logits = np.log(np.maximum(probs, 1e-300)) / temperature
        logits -= logits.max()
        weights = np.exp(logits)
        k = int(rng.choice(len(weights), p=weights / weights.sum()))
        chars.append(symbols[k])
        window = np.roll(window, -1, axis=0)
        window[-1] = 0.0
        window[-1, k] = 1.0
    return "".join(chars)
