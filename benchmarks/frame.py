"""Server time and bytes of one live frame, training excluded, as a table.

Run: python -m benchmarks.frame
One frame = snapshot + the chart specs + the panel message, as the live feed builds them
(playground.live.feed: chart_slots + message), after some training so the loss curve is not
trivial. Most frames while playing rebuild the fast views only (the weights and the
confusion matrix are sent as empty lines: the browser keeps them); every 4th rebuilds all.
Bytes = the message the feed's WebSocket carries (UTF-8).
Target (issue 4): <= 15 ms and <= 60 KB per update at the defaults.
"""

import statistics
import time

from playground import config
from playground.labs.classify.lab import CLASSIFY
from playground.labs.classify.session import Playground
from playground.labs.classify.views import chart_slots
from playground.live.panel import message, slow_heights

CASES = {
    "defaults (circle, 2-4-2-1)": {},
    "spiral, 6 features, 8-8-8": {
        "dataset": "spiral",
        "features": ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)"),
        "hidden": (8, 8, 8),
    },
    "penguins, 4-16-8-3": {"dataset": "penguins", "hidden": (16, 8)},
    "digits, 64-32-10": {"dataset": "digits", "hidden": (32,), "train_pct": 80},
}
REPEATS = 30


def measure(changes: dict, slow: bool) -> tuple[float, int]:
    """(median ms, median bytes) of one frame for the settings with `changes`; slow=False
    rebuilds only the fast views, as most frames while playing do."""
    pg = Playground({**config.defaults(), **changes})
    pg.trainer.run_epochs(200)
    kept = None if slow else slow_heights(CLASSIFY, chart_slots(pg.snapshot(), pg.settings))
    times, sizes = [], []
    for _ in range(REPEATS):
        pg.trainer.run_epochs(1)
        start = time.perf_counter()
        snap = pg.snapshot()
        text = message(
            CLASSIFY,
            chart_slots(snap, pg.settings, kept=kept),
            snap,
            pg.settings,
            frame=1,
            playing=True,
        )
        times.append(time.perf_counter() - start)
        sizes.append(len(text.encode()))
    return 1e3 * statistics.median(times), int(statistics.median(sizes))


def main() -> None:
    print("| case | ms, fast views | ms, all views (every 4th) | KB, fast | KB, all |")
    print("|---|---|---|---|---|")
    for name, changes in CASES.items():
        fast_ms, fast_size = measure(changes, slow=False)
        all_ms, all_size = measure(changes, slow=True)
        print(f"| {name} | {fast_ms:.1f} | {all_ms:.1f} | {fast_size / 1024:.1f} "
              f"| {all_size / 1024:.1f} |")  # fmt: skip


if __name__ == "__main__":
    main()
