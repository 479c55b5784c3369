"""How far back a recurrent network remembers: the sequence lab's echo task (the target at
step t is the symbol of step t - delay: at every step from the delay on, answer=every, or
at the last step only, answer=last) trained to a goal or an epoch budget, SimpleRNN against
LSTM with the same units.

Run: python -m benchmarks.echo_memory   (prints a Markdown table)
Each row: the lab's data (echo_task: 1,000 training and 500 test sequences of 4 symbols,
delay + 4 steps, so 4 symbols to recall with answer=every), a softmax at every step as in
the lab, batch 32, Adam, clip_norm 5, seed 0; stopped at GOAL test accuracy or the budget.
"per position": test accuracy at each step with a target (answer=every: the 1st to the
4th symbol recalled). Seconds are CPU time of this thread (the machine may be shared).
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

CASES = [  # cell, units, delay, answer, learning rate, epoch budget
    ("rnn", 4, 10, "last", 0.03, 40),
    ("lstm", 4, 10, "last", 0.03, 40),
    ("rnn", 4, 10, "every", 0.01, 40),
    ("lstm", 4, 10, "every", 0.01, 40),
    ("rnn", 16, 4, "every", 0.01, 40),
    ("lstm", 16, 4, "every", 0.01, 40),
    ("rnn", 16, 12, "every", 0.01, 40),
    ("lstm", 16, 12, "every", 0.01, 40),
    ("rnn", 16, 20, "every", 0.01, 40),
    ("lstm", 16, 20, "every", 0.01, 40),
]
GOAL = 0.95  # test accuracy
NAMES = {"rnn": "SimpleRNN", "lstm": "LSTM"}


def run(cell: str, units: int, delay: int, answer: str, rate: float, budget: int):
    """(epochs run, seconds, best test accuracy, per-position test accuracy at the end)."""
    task = echo_task(delay, seed=0, answer=answer)
    net = build_network(task, cell, units, seed=0)
    trainer = Trainer(net, task.X_train, task.y_train, task.X_test, task.y_test, loss="cce",
                      optimizer="adam", learning_rate=rate, batch_size=32,
                      clip_norm=5.0)  # fmt: skip
    start, best = time.thread_time(), 0.0
    while trainer.epoch < budget and best < GOAL:
        trainer.run_epochs(1)
        best = max(best, trainer.history[-1]["test_accuracy"])
    first = delay if answer == "every" else task.steps - 1
    guessed = net.predict(task.X_test).argmax(axis=2)[:, first:]
    positions = (guessed == task.y_test[:, first:]).mean(axis=0)
    return trainer.epoch, time.thread_time() - start, best, positions


def main():
    print(f"| cell | units | delay | answer | rate | epochs | CPU s | best test accuracy "
          f"(goal {GOAL:.0%}) | per position |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for cell, units, delay, answer, rate, budget in CASES:
        epochs, seconds, best, positions = run(cell, units, delay, answer, rate, budget)
        each = " ".join(f"{p:.0%}" for p in positions)
        print(f"| {NAMES[cell]} | {units} | {delay} | {answer} | {rate:g} | {epochs} "
              f"| {seconds:.1f} | {best:.1%} | {each} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
