"""Engine speed: seconds per epoch (and per 100x100 grid of neuron outputs) for the engine
next to a bare hand-written NumPy loop doing the same math in the same run.

Run: python benchmarks/engine.py   (prints Markdown tables; ratio = engine / bare)
     python benchmarks/engine.py --lab   (only the lab table: CPU ms per epoch as a live
     page trains, through the classify lab's session, at its defaults, spiral 8-8-8, digits)
Both sides do the same per-epoch work: shuffle, mini-batch steps, then loss and accuracy on
the training and test sets. Timings are the best of several repeats (least disturbed).
Row (f) is the vision lab's default conv net on the digits, next to a bare NumPy im2col loop
and to PyTorch on one CPU thread (benchmarks/conv_epoch.py).
"""

import math
import os
import sys
import time
from functools import partial
from pathlib import Path

# One BLAS thread, as on the server (one process is one core of training); threaded BLAS on a
# busy 2-core machine made large matmuls 10x slower and the timings meaningless.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.conv_epoch import bare_conv_epochs, torch_conv_epochs  # noqa: E402
from playground.data.digits import load_digits  # noqa: E402
from playground.engine import (  # noqa: E402
    Conv2D,
    Dense,
    Flatten,
    MaxPool2D,
    Network,
    Sequential,
    Trainer,
)
from playground.labs.headless import open_session  # noqa: E402

CONV_LABEL = "(f) conv 8x3x3 same ReLU, max-pool 2, dense 10: digits 1437 rows, batch 32, Adam"
CONV_EPOCHS = 3

CASES = [
    # label, sizes, hidden, output, loss, optimizer, train rows, test rows, batch
    ("(a) 2-4-2-1 tanh, 250 rows, batch 10, SGD", [2, 4, 2, 1], "tanh", "tanh", "mse",
     "sgd", 250, 250, 10),
    ("(b) 2-[8]x6-1 tanh, batch 10, SGD", [2, 8, 8, 8, 8, 8, 8, 1], "tanh", "tanh", "mse",
     "sgd", 250, 250, 10),
    ("(c) 4-16-16-3 ReLU softmax, 266 rows, batch 32", [4, 16, 16, 3], "relu", "softmax", "cce",
     "sgd", 266, 67, 32),
    ("(d) 64-128-64-10 ReLU softmax, 1437 rows, batch 32, Adam", [64, 128, 64, 10], "relu",
     "softmax", "cce", "adam", 1437, 360, 32),
]  # fmt: skip


def make_data(sizes, loss, rows, rng):
    X = rng.normal(size=(rows, sizes[0]))
    if loss == "mse":
        return X, np.where(X[:, 0] * X[:, 1] > 0, 1.0, -1.0)
    return X, rng.integers(0, sizes[-1], rows)


def bare_epochs(net, X, y, Xt, yt, hidden, loss, optimizer, batch, epochs, rng):
    """The same math written plainly: lists of W and b, one allocation per op."""
    Ws = [w.copy() for w in net.weights]
    bs = [b.copy() for b in net.biases]
    act = np.tanh if hidden == "tanh" else (lambda z: np.maximum(z, 0))
    Y = y[:, None] if loss == "mse" else np.eye(net.sizes[-1])[y]
    Yt = yt[:, None] if loss == "mse" else np.eye(net.sizes[-1])[yt]
    moments = [[np.zeros_like(p) for p in Ws + bs] for _ in range(2)]
    t = 0

    def forward(A):
        acts = [A]
        for i, (W, b) in enumerate(zip(Ws, bs, strict=True)):
            z = acts[-1] @ W + b
            if i < len(Ws) - 1:
                acts.append(act(z))
            elif loss == "mse":
                acts.append(np.tanh(z))
            else:
                e = np.exp(z - z.max(axis=1, keepdims=True))
                acts.append(e / e.sum(axis=1, keepdims=True))
        return acts

    def metrics(A, T):
        out = forward(A)[-1]
        if loss == "mse":
            return 0.5 * np.mean(np.sum((out - T) ** 2, axis=1)), np.mean((out > 0) == (T > 0))
        return -np.mean(np.sum(T * np.log(out + 1e-300), axis=1)), np.mean(
            out.argmax(1) == T.argmax(1)
        )

    for _ in range(epochs):
        order = rng.permutation(len(X))
        Xs, Ys = X[order], Y[order]
        for s in range(0, len(X), batch):
            xb, yb = Xs[s : s + batch], Ys[s : s + batch]
            acts = forward(xb)
            d = (acts[-1] - yb) / len(xb)
            if loss == "mse":
                d = d * (1 - acts[-1] ** 2)
            grads_W, grads_b = [None] * len(Ws), [None] * len(Ws)
            for i in range(len(Ws) - 1, -1, -1):
                grads_W[i], grads_b[i] = acts[i].T @ d, d.sum(axis=0)
                if i:
                    d = d @ Ws[i].T
                    d = d * (1 - acts[i] ** 2) if hidden == "tanh" else d * (acts[i] > 0)
            params, grads = Ws + bs, grads_W + grads_b
            if optimizer == "sgd":
                for p, g in zip(params, grads, strict=True):
                    p -= 0.03 * g
            else:
                t += 1
                for p, g, m, v in zip(params, grads, *moments, strict=True):
                    m *= 0.9
                    m += 0.1 * g
                    v *= 0.999
                    v += 0.001 * g * g
                    p -= 0.001 / (1 - 0.9**t) * m / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        metrics(X, Y), metrics(Xt, Yt)


def bare_grid(net, grid):
    acts, A = [], grid
    for W, b in zip(net.weights, net.biases, strict=True):
        A = np.tanh(A @ W + b)  # every layer of the (a)/(b) networks is tanh
        acts.append(A)
    return acts


def best_time(fn, repeats=5):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def conv_rows():
    """(label, engine, bare) seconds per epoch of the lab's conv net, and PyTorch's (or None)."""
    data = load_digits(0.8, seed=0)
    X, Xt = data.X_train.reshape(-1, 1, 8, 8), data.X_test.reshape(-1, 1, 8, 8)
    layers = [Conv2D(8, 3, padding="same", activation="relu"), MaxPool2D(2), Flatten(),
              Dense(10, activation="softmax")]  # fmt: skip
    net = Sequential(layers, input_shape=(1, 8, 8), seed=0)
    trainer = Trainer(net, X, data.y_train, Xt, data.y_test, loss="cce", optimizer="adam",
                      learning_rate=0.001, batch_size=32)  # fmt: skip
    engine = best_time(lambda: trainer.run_epochs(CONV_EPOCHS)) / CONV_EPOCHS
    bare_run = partial(bare_conv_epochs, net, X, data.y_train, Xt, data.y_test, 32,
                       CONV_EPOCHS, 0.001, np.random.default_rng(1))  # fmt: skip
    bare = best_time(bare_run) / CONV_EPOCHS
    torch_args = (X, data.y_train, Xt, data.y_test, 32)
    if torch_conv_epochs(*torch_args, 0, 0.001) is None:  # not installed
        return (CONV_LABEL, engine, bare), None
    torch_run = partial(torch_conv_epochs, *torch_args, CONV_EPOCHS, 0.001)
    torch_time = best_time(torch_run) / CONV_EPOCHS
    return (CONV_LABEL, engine, bare), torch_time


LAB_CASES = ["", "dataset=spiral&hidden=8,8,8", "dataset=digits"]
LAB_FRAME_SECONDS = 0.025  # a frame's training budget, as in the lead's measurement
LAB_CPU_SECONDS = 1.5  # CPU time per repeat


def lab_ms_per_epoch(query: str, repeats: int = 5) -> float:
    """CPU milliseconds per epoch of the classify lab opened from `query`, trained the way
    the live page does: session.advance(frame seconds) in a loop. CPU time (process_time),
    not wall time, so that the neighbours' load on a shared machine counts less. Best of
    `repeats`."""
    session = open_session(query)
    session.set_playing(True)
    session.advance(LAB_FRAME_SECONDS)  # first frame: buffers and costs are set up
    best = math.inf
    for _ in range(repeats):
        epochs, start = session.epoch, time.process_time()
        while time.process_time() - start < LAB_CPU_SECONDS:
            session.advance(LAB_FRAME_SECONDS)
        best = min(best, (time.process_time() - start) * 1000 / (session.epoch - epochs))
    return best


def print_lab_table() -> None:
    """The lab table: CPU ms per epoch and epochs per CPU second, with the load average."""
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    print("| lab query | CPU ms/epoch | epochs per CPU second |")
    print("|---|---|---|")
    for query in LAB_CASES:
        ms = lab_ms_per_epoch(query)
        print(f"| {query or '(defaults)'} | {ms:.3f} | {1000 / ms:,.0f} |")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


def main():
    if sys.argv[1:] == ["--lab"]:
        print_lab_table()
        return
    rng = np.random.default_rng(0)
    rows = []
    for label, sizes, hidden, output, loss, opt, n, n_test, batch in CASES:
        X, y = make_data(sizes, loss, n, rng)
        Xt, yt = make_data(sizes, loss, n_test, rng)
        net = Network(sizes, activation=hidden, output=output, init="playground", seed=0)
        lr = 0.03 if opt == "sgd" else 0.001
        trainer = Trainer(net, X, y, Xt, yt, loss=loss, optimizer=opt, learning_rate=lr,
                          batch_size=batch)  # fmt: skip
        epochs = max(3, int(20_000 / n * 10 / len(sizes)))
        engine = best_time(lambda t=trainer, e=epochs: t.run_epochs(e)) / epochs
        bare_run = partial(bare_epochs, net, X, y, Xt, yt, hidden, loss, opt, batch, epochs,
                           np.random.default_rng(1))  # fmt: skip
        bare = best_time(bare_run) / epochs
        rows.append((label, engine, bare))
    grid = np.stack(np.meshgrid(np.linspace(-6, 6, 100), np.linspace(-6, 6, 100)), -1)
    grid = grid.reshape(-1, 2)
    for name, sizes in (("(e) neuron outputs, 100x100 grid, 2-4-2-1", [2, 4, 2, 1]),
                        ("(e) neuron outputs, 100x100 grid, 2-[8]x6-1", CASES[1][1])):  # fmt: skip
        net = Network(sizes, activation="tanh", output="tanh", seed=0)
        engine = best_time(lambda n=net: [n.neuron_outputs(grid) for _ in range(20)]) / 20
        bare = best_time(lambda n=net: [bare_grid(n, grid) for _ in range(20)]) / 20
        rows.append((name, engine, bare))
    conv, torch_time = conv_rows()
    rows.append(conv)
    print("| case | engine s/epoch | bare loop s/epoch | ratio | engine epochs/s |")
    print("|---|---|---|---|---|")
    for label, engine, bare in rows:
        print(f"| {label} | {engine:.2e} | {bare:.2e} | {engine / bare:.2f} | {1 / engine:,.0f} |")
    print()
    print("| case | engine s/epoch | PyTorch (CPU, 1 thread) s/epoch | ratio |")
    print("|---|---|---|---|")
    if torch_time is None:
        print(f"| {conv[0]} | {conv[1]:.2e} | not installed | - |")
    else:
        print(f"| {conv[0]} | {conv[1]:.2e} | {torch_time:.2e} | {conv[1] / torch_time:.2f} |")
    print()
    print("| recurrent case (no bare loop) | engine s/epoch | engine epochs/s |")
    print("|---|---|---|")
    for label, engine in recurrent_rows():
        print(f"| {label} | {engine:.2e} | {1 / engine:,.1f} |")
    print()
    print_lab_table()


def recurrent_rows():
    """An epoch of the sequence lab's own network at its defaults (the echo task, a softmax
    at every step, the lab's batch, optimizer and clipping), with a SimpleRNN and an LSTM
    cell: the lab's session builds it, so the row times what the page trains."""
    rows = []
    for cell in ("rnn", "lstm"):
        session = open_session(f"lab=rnn&cell={cell}")
        trainer, task, s = session.trainer, session.task, session.settings
        label = (f"(g) the sequence lab's defaults: {task.name} delay {s['delay']}, "
                 f"{type(session.network.layers[0]).__name__}({s['units']}) + softmax at "
                 f"every step, {len(task.y_train):,} seqs, batch {s['batch_size']}, "
                 f"{s['optimizer']}")  # fmt: skip
        rows.append((label, best_time(lambda t=trainer: t.run_epochs(3)) / 3))
    return rows


if __name__ == "__main__":
    main()
