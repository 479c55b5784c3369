"""Server time and bytes of one live update, training excluded, as a table.

Run: python -m benchmarks.frame
One live update = snapshot + every figure spec + JSON, as the page's fragment builds them
(playground.live.figures.live_specs), after some training so the loss curve is not trivial.
Bytes = every chart's figure JSON plus the chart script that Streamlit re-sends with every
element (slow views send their last JSON again, unchanged, so every update carries all).
Target (issue 4): <= 15 ms and <= 60 KB per update at the defaults.
"""

import statistics
import time

from playground import config
from playground.live.figures import live_specs
from playground.plots import figure_json
from playground.session import Playground
from playground.ui.live_chart import LIVE_CHART_JS

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
    """(median ms, bytes) of one update for the settings with `changes`; slow=False rebuilds
    only the fast views, as most updates while playing do."""
    pg = Playground({**config.defaults(), **changes})
    pg.trainer.run_epochs(200)
    times, size = [], 0
    for _ in range(REPEATS):
        pg.trainer.run_epochs(1)
        start = time.perf_counter()
        snap = pg.snapshot()
        texts = [figure_json(s) for s in live_specs(snap, pg.settings, slow).values()]
        times.append(time.perf_counter() - start)
    texts = [figure_json(s) for s in live_specs(pg.snapshot(), pg.settings).values()]
    size = sum(map(len, texts)) + len(texts) * len(LIVE_CHART_JS)
    return 1e3 * statistics.median(times), size


def main() -> None:
    print("| case | ms, fast views | ms, all views (every 4th) | KB per update |")
    print("|---|---|---|---|")
    for name, changes in CASES.items():
        fast_ms, size = measure(changes, slow=False)
        all_ms, _ = measure(changes, slow=True)
        print(f"| {name} | {fast_ms:.1f} | {all_ms:.1f} | {size / 1024:.1f} |")


if __name__ == "__main__":
    main()
