"""The text task: a character-level language model on a small public-domain text.

The text is Genesis 1-11 of the King James Version (assets/genesis-1-11.txt, 34,839
characters; see assets/README.md), lowercased: an alphabet of 36 characters (letters,
space, newline, punctuation). Each example is a window of `steps` characters, one-hot
encoded; its target at every step is the character that follows that step (the lab's
task, for a head at every step), or with every_step=False only the one after the window.
Training windows start at random places in the first 90 % of the text, test windows in the
last 10 %, so the test measures text the model has not seen.
"""

import functools

import numpy as np

from playground.data.assets import ASSETS_DIR
from playground.data.sequences.task import SequenceTask

TEXT_PATH = ASSETS_DIR / "genesis-1-11.txt"


@functools.lru_cache(maxsize=1)
def corpus() -> str:
    """The shipped text, lowercased (read once per process)."""
    return TEXT_PATH.read_text(encoding="utf-8").lower()


def one_hot_windows(ids: np.ndarray, starts: np.ndarray, steps: int, size: int) -> np.ndarray:
    """(len(starts), steps, size) one-hot float64 of ids[s : s + steps] for each start s."""
    windows = ids[starts[:, None] + np.arange(steps)]
    return np.eye(size)[windows]


def text(steps: int = 12, train_windows: int = 3000, test_windows: int = 300,
         seed: int = 0, every_step: bool = True) -> SequenceTask:  # fmt: skip
    """Windows X (n, steps, alphabet) and the next characters' ids: y (n, steps) with
    y[r, t] the character after step t of window r, or (every_step=False) y (n,) the one
    after the window; symbols: the alphabet in sorted order (the class names)."""
    if not (2 <= steps <= 64 and 1 <= train_windows <= 10_000 and 1 <= test_windows <= 5_000):
        raise ValueError("text needs 2..64 steps and 1..10,000 training windows")
    source = corpus()
    symbols = tuple(sorted(set(source)))
    ids = np.searchsorted(np.array(symbols), np.array(list(source)))
    split = int(len(source) * 0.9)
    rng = np.random.default_rng(seed)
    train = rng.integers(0, split - steps, train_windows)
    test = rng.integers(split, len(source) - steps, test_windows)
    size = len(symbols)
    # The character after each step of a window starting at s: ids[s + 1 : s + steps + 1].
    ahead = np.arange(1, steps + 1) if every_step else steps
    return SequenceTask("text", "classes",
                        one_hot_windows(ids, train, steps, size), ids[np.add.outer(train, ahead)],
                        one_hot_windows(ids, test, steps, size), ids[np.add.outer(test, ahead)],
                        symbols=symbols, text=source)  # fmt: skip
