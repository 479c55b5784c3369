"""Server time and bytes of one live frame, training excluded, as a table.

Run: python -m benchmarks.frame
One frame = what the live feed's render does after a slice of training (playground.live.feed):
the snapshot, the chart specs or the values the browser draws from (model_payload), and the
panel message. A stream of frames, one epoch of training between them (not timed), sorted
by what each sends:
- *light*: no figure (the weights, the links' values, the new loss points, the stats);
- *slow turn*: light, plus the slowly changing views (weights, confusion; on digits the
  test images) that changed since they were last sent;
- *whole*: the fast views' figures too (the network, the output, the loss). Since the
  browser draws the links, a stream sends these only when something changed; they are
  measured apart, as a new connection's first frame (render(full=True)).
Times are the rendering thread's CPU time (time.thread_time). "per frame" is the mean over
the stream (what a playing student costs); "whole in stream"
how many of its frames were whole. Bytes = the message the feed's WebSocket carries (UTF-8).
Also runs against an older checkout (PYTHONPATH=that checkout), for before/after tables.
Target (issue 9): ~3 ms of server work per frame besides training, at the defaults.
"""

import json
import statistics
import time

from playground import config
from playground.labs.classify.session import Playground
from playground.live.feed import LiveFeed

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
STREAM = 240  # frames of a playing stream
WHOLE = 30  # whole frames (a new connection's)
FAST = ("network", "boundary", "digits", "loss")


def kind(text: str) -> str:
    """ "whole", "slow" or "light": what the frame sends (see the module's doc)."""
    head, *lines = text.split("\n")
    keys = [s["key"] for s in json.loads(head).get("slots", [])]
    sent = {key for key, line in zip(keys, lines, strict=True) if line}
    if sent & {"network", "boundary", "loss"}:
        return "whole"
    return "slow" if sent else "light"


def timed(pg: Playground, feed: LiveFeed, full: bool) -> tuple[float, str]:
    """(CPU seconds of this thread, message) of one frame after one epoch of training.
    CPU time, not wall time: on a shared machine the wait for a core is not the frame's."""
    pg.step()  # trains and clears the snapshot cache, as a frame's slice does
    start = time.thread_time()
    text = feed.render(was_playing=True, full=full)
    return time.thread_time() - start, text


def measure(changes: dict) -> dict:
    """Medians (ms, bytes) per kind of frame, the stream's means and its whole frames'
    count, for the settings with `changes`."""
    pg = Playground({**config.defaults(), **changes})
    pg.trainer.run_epochs(200)
    feed = LiveFeed(pg)
    pg.set_playing(True)
    timed(pg, feed, full=True)  # the stream's first frame
    seen: dict[str, tuple[list, list]] = {k: ([], []) for k in ("light", "slow", "whole")}
    stream_ms, stream_bytes = [], []
    for _ in range(STREAM):
        seconds, text = timed(pg, feed, full=False)
        times, sizes = seen[kind(text)]
        times.append(1e3 * seconds)
        sizes.append(len(text.encode()))
        stream_ms.append(1e3 * seconds)
        stream_bytes.append(len(text.encode()))
    streamed_whole = len(seen["whole"][0])
    for _ in range(WHOLE):
        seconds, text = timed(pg, feed, full=True)
        seen["whole"][0].append(1e3 * seconds)
        seen["whole"][1].append(len(text.encode()))
    median = {k: (statistics.median(t), statistics.median(s)) if t else (float("nan"),) * 2
              for k, (t, s) in seen.items()}  # fmt: skip
    return {**median, "stream": (statistics.mean(stream_ms), statistics.mean(stream_bytes)),
            "whole_in_stream": streamed_whole}  # fmt: skip


def main() -> None:
    print(
        "| case | ms per frame | KB per frame | whole in stream | ms: light / slow turn "
        "/ whole | KB: light / slow turn / whole |"
    )
    print("|---|---:|---:|---:|---|---|")
    for name, changes in CASES.items():
        m = measure(changes)
        ms = " / ".join(f"{m[k][0]:.2f}" for k in ("light", "slow", "whole"))
        kb = " / ".join(f"{m[k][1] / 1024:.1f}" for k in ("light", "slow", "whole"))
        print(
            f"| {name} | {m['stream'][0]:.2f} | {m['stream'][1] / 1024:.1f} | "
            f"{m['whole_in_stream']} of {STREAM} | {ms} | {kb} |"
        )


if __name__ == "__main__":
    main()
