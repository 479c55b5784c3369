"""The sequence lab's text model against the clock: its defaults (SimpleRNN(32) and an
LSTM(32), the next character at every step of 3,000 windows of 12 characters, Adam 0.01,
batch 32, clip_norm 5) trained for SECONDS of CPU time on one core, the test loss in bits
per character after each epoch.

Run: python -m benchmarks.text_bpc   (prints a Markdown table)
CPU time (time.thread_time), so a shared machine slows the wall clock, not the figure;
chance is log2(36) = 5.17 bits per character.
"""

import math
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core, as on the server
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from playground.labs.headless import open_session  # noqa: E402

SECONDS = 60.0


def run(cell: str):
    """(epochs, CPU seconds, test bpc at the end, best test bpc, its epoch)."""
    session = open_session(f"lab=rnn&task=text&cell={cell}")
    start = time.thread_time()
    best = (math.inf, 0)
    while time.thread_time() - start < SECONDS:
        session.step()
        record = session.record()
        best = min(best, (record["test_bpc"], record["epoch"]))
    return record["epoch"], time.thread_time() - start, record["test_bpc"], *best


def main():
    print(f"| cell (32 units) | epochs in {SECONDS:.0f} s | CPU seconds | test bpc at the end "
          "| best test bpc (epoch) |")  # fmt: skip
    print("|---|---|---|---|---|")
    for cell, name in (("rnn", "SimpleRNN"), ("lstm", "LSTM")):
        epochs, seconds, last, best, at = run(cell)
        print(f"| {name} | {epochs} | {seconds:.1f} | {last:.2f} | {best:.2f} ({at}) |",
              flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
