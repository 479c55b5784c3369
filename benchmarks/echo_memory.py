"""How far back a recurrent network remembers: the echo task (repeat the symbol seen `delay`
steps ago) trained to a goal or an epoch budget, SimpleRNN against LSTM.

Run: python benchmarks/echo_memory.py   (prints a Markdown table)
Rows: the DESIGN figure (16 SimpleRNN units, delay 16) and the lesson of the lab (4 units,
delay 10: the SimpleRNN stays far from the goal, the LSTM reaches it). 2,000 training and
500 test sequences of 4 symbols, delay + 4 steps, batch 32, Adam, clip_norm 5, seed 0.
"""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core, as on the server
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from playground.data.sequences import echo  # noqa: E402
from playground.engine import LSTM, Dense, Sequential, SimpleRNN, Trainer  # noqa: E402

CASES = [  # cell, units, delay, learning rate, epoch budget
    (SimpleRNN, 16, 16, 0.005, 40),
    (LSTM, 16, 16, 0.005, 40),
    (SimpleRNN, 4, 10, 0.01, 40),
    (LSTM, 4, 10, 0.01, 40),
]
GOAL = 0.95  # test accuracy


def run(cell, units, delay, rate, budget):
    """(epochs run, seconds, best test accuracy): training stops at GOAL or the budget."""
    X, y = echo(2000, delay, seed=0)
    Xt, yt = echo(500, delay, seed=1)
    net = Sequential([cell(units), Dense(4, activation="softmax")], input_shape=X.shape[1:])
    trainer = Trainer(net, X, y, Xt, yt, loss="cce", optimizer="adam", learning_rate=rate,
                      batch_size=32, clip_norm=5.0)  # fmt: skip
    start, best = time.perf_counter(), 0.0
    while trainer.epoch < budget and best < GOAL:
        trainer.run_epochs(1)
        best = max(best, trainer.history[-1]["test_accuracy"])
    return trainer.epoch, time.perf_counter() - start, best


def main():
    print(f"| cell | units | delay | epochs | seconds | best test accuracy (goal {GOAL:.0%}) |")
    print("|---|---|---|---|---|---|")
    for cell, units, delay, rate, budget in CASES:
        epochs, seconds, best = run(cell, units, delay, rate, budget)
        print(f"| {cell.__name__} | {units} | {delay} | {epochs} | {seconds:.1f} | {best:.1%} |")


if __name__ == "__main__":
    main()
