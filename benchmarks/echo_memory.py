"""How far back a recurrent network remembers: the sequence lab's echo task (the target at
every step t from the delay on is the symbol of step t - delay) trained to a goal or an
epoch budget, SimpleRNN against LSTM with the same units.

Run: python -m benchmarks.echo_memory   (prints a Markdown table)
Each row: the lab's data (echo_task: 1,000 training and 500 test sequences of 4 symbols,
delay + 4 steps, so 4 symbols to recall), a softmax at every step as in the lab, batch 32,
Adam at learning rate 0.01, clip_norm 5, seed 0; stopped at GOAL test accuracy or the
budget. "per position": test accuracy at each of the 4 steps with a target (the 1st to
the 4th symbol recalled). On a shared machine the seconds are only a guide.
"""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core, as on the server
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from playground.data.sequences import echo_task  # noqa: E402
from playground.engine import Trainer  # noqa: E402
from playground.labs.rnn.model import build_network  # noqa: E402

CASES = [  # cell, units, delay, epoch budget
    ("rnn", 4, 10, 40),
    ("lstm", 4, 10, 40),
    ("rnn", 16, 4, 40),
    ("lstm", 16, 4, 40),
    ("rnn", 16, 12, 40),
    ("lstm", 16, 12, 40),
    ("rnn", 16, 20, 40),
    ("lstm", 16, 20, 40),
]
GOAL = 0.95  # test accuracy
NAMES = {"rnn": "SimpleRNN", "lstm": "LSTM"}


def run(cell: str, units: int, delay: int, budget: int):
    """(epochs run, seconds, best test accuracy, per-position test accuracy at the end)."""
    task = echo_task(delay, seed=0)
    net = build_network(task, cell, units, seed=0)
    trainer = Trainer(net, task.X_train, task.y_train, task.X_test, task.y_test, loss="cce",
                      optimizer="adam", learning_rate=0.01, batch_size=32,
                      clip_norm=5.0)  # fmt: skip
    start, best = time.perf_counter(), 0.0
    while trainer.epoch < budget and best < GOAL:
        trainer.run_epochs(1)
        best = max(best, trainer.history[-1]["test_accuracy"])
    guessed = net.predict(task.X_test).argmax(axis=2)[:, delay:]
    positions = (guessed == task.y_test[:, delay:]).mean(axis=0)
    return trainer.epoch, time.perf_counter() - start, best, positions


def main():
    print(f"| cell | units | delay | epochs | seconds | best test accuracy (goal {GOAL:.0%}) "
          "| per position |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for cell, units, delay, budget in CASES:
        epochs, seconds, best, positions = run(cell, units, delay, budget)
        each = " ".join(f"{p:.0%}" for p in positions)
        print(f"| {NAMES[cell]} | {units} | {delay} | {epochs} | {seconds:.1f} | {best:.1%} "
              f"| {each} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
