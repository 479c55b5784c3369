"""One check the labs' pages share: at a window width every view fits, nothing raised.

Set PLAYGROUND_SHOTS to a folder to save each page's full screenshot there, to look at."""

from __future__ import annotations

import os
from pathlib import Path

from tests.e2e.test_page import exception_count

SHOTS = os.environ.get("PLAYGROUND_SHOTS")  # a folder: save each width's screenshot there
RIGHT_EDGES = (
    "() => [...document.querySelectorAll('[data-chart] .js-plotly-plot')]"
    ".map((gd) => gd.getBoundingClientRect().right)"
)


def assert_views_fit(page, width: int, shot_name: str) -> None:
    """Every live view's chart ends inside a `width`-pixel window and the page shows no
    exception; with PLAYGROUND_SHOTS set, the full page is saved as `shot_name`."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / shot_name), full_page=True)
    edges = page.evaluate(RIGHT_EDGES)
    assert edges and max(edges) <= width + 1, "a view runs past the window's right edge"
    assert exception_count(page) == 0
