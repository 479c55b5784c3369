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


# How wide the page is: the document, and Streamlit's main column, which is the element
# that scrolls (the document itself never does).
PAGE_WIDTH = """
() => Math.max(document.scrollingElement.scrollWidth,
               document.querySelector('[data-testid=stMain]').scrollWidth)
"""
# A chart's svg texts (tick labels, titles) that end outside its plot div, where the page
# cuts them off, and how many pairs of its annotations (panel titles) overlap.
CHART_TEXT = """
(key) => {
  const gd = document.querySelector(`[data-chart=${key}] .js-plotly-plot`);
  const box = gd.getBoundingClientRect();
  const outside = [...gd.querySelectorAll("text")].filter((t) => {
    const r = t.getBoundingClientRect();
    return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1
                           || r.top < box.top - 1 || r.bottom > box.bottom + 1);
  }).map((t) => t.textContent);
  const titles = [...gd.querySelectorAll(".annotation-text")].map((t) => t.getBoundingClientRect());
  let overlaps = 0;
  titles.forEach((p, i) => titles.slice(i + 1).forEach((q) => {
    if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) overlaps++;
  }));
  return { outside, overlaps };
}
"""


def assert_page_fits(page, width: int) -> None:
    """The page does not scroll sideways in a `width`-pixel window."""
    assert page.evaluate(PAGE_WIDTH) <= width, "the page scrolls sideways"


def assert_chart_text_whole(page, key: str) -> None:
    """Every text of the chart `key` is inside its plot div and no two titles overlap."""
    text = page.evaluate(CHART_TEXT, key)
    assert text["outside"] == [], f"{key}: cut off at its edge: {text['outside']}"
    assert text["overlaps"] == 0, f"{key}: {text['overlaps']} pairs of titles overlap"


# Every shown equation box (KaTeX's display) that is wider than its column by more than
# KaTeX's own 2 px: its text, and whether the page marked it as scrolling (data-scrolls).
WIDE_EQUATIONS = """
() => [...document.querySelectorAll(".katex-display")].filter((box) => {
  const column = box.closest('[data-testid="stMarkdown"]') || box.parentElement;
  return box.offsetWidth > 0 && box.scrollWidth > column.clientWidth + 3;
}).map((box) => ({ text: box.textContent.slice(0, 40), marked: !!box.dataset.scrolls,
                   width: box.scrollWidth }))
"""
