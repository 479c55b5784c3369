"""Server time and bytes of one live frame, training excluded, as a table.

Run: python -m benchmarks.frame
One frame = what the live feed's render does after a slice of training (playground.live.feed):
the snapshot, the chart specs (or, over a plane, the weights: model_payload) and the panel
message. Over a plane most frames carry the weights and the new loss points only, and the
browser draws the pictures ("light"); every 8th frame (and the first) rebuilds every figure
("full"). Without a plane (digits) the light frames rebuild the fast views, as before, and
every 4th all views.
Bytes = the message the feed's WebSocket carries (UTF-8).
Target (issue 9): ~3 ms of server work per frame besides training, at the defaults.
"""

import json
import statistics
import time

from playground import config
from playground.labs.classify.session import Playground
from playground.live.feed import PAINTED_FULL_EVERY, LiveFeed

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


def measure(changes: dict) -> dict[str, tuple[float, int]]:
    """{"light": (median ms, median bytes), "full": (...)} of the feed's frames for the
    settings with `changes`, one epoch of training between frames (not timed)."""
    pg = Playground({**config.defaults(), **changes})
    pg.trainer.run_epochs(200)
    feed = LiveFeed(pg)
    pg.set_playing(True)
    seen: dict[str, tuple[list, list]] = {"light": ([], []), "full": ([], [])}
    for _ in range(REPEATS * PAINTED_FULL_EVERY):
        pg.step()  # trains and clears the snapshot cache, as a frame's slice does
        start = time.perf_counter()
        text = feed.render(was_playing=True)
        elapsed = time.perf_counter() - start
        head, *lines = text.split("\n")
        header = json.loads(head)
        figures = dict(zip([s["key"] for s in header.get("slots", [])], lines, strict=True))
        full = bool(figures.get("weights")) or ("model" in header and any(lines))
        times, sizes = seen["full" if full else "light"]
        times.append(elapsed)
        sizes.append(len(text.encode()))
    return {kind: (1e3 * statistics.median(t), int(statistics.median(s)))
            for kind, (t, s) in seen.items()}  # fmt: skip


def main() -> None:
    print("| case | ms, light frame | ms, full frame | KB, light | KB, full |")
    print("|---|---|---|---|---|")
    for name, changes in CASES.items():
        m = measure(changes)
        (light_ms, light_size), (full_ms, full_size) = m["light"], m["full"]
        print(f"| {name} | {light_ms:.2f} | {full_ms:.1f} | {light_size / 1024:.1f} "
              f"| {full_size / 1024:.1f} |")  # fmt: skip


if __name__ == "__main__":
    main()
