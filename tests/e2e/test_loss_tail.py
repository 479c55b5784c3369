"""The loss chart while playing (live_js/loss_tail.js), in real Chromium: the newest points
show on a canvas over the plot between Plotly's redraws, ending at the newest epoch and
inside the axes; a zoom on the chart stays while points keep coming; a double click gives
the axes back to the data; paused, the epoch axis ends at the last epoch (no room ahead).
"""

from __future__ import annotations

from tests.e2e.test_page import (
    TIMEOUT_MS,
    drag_zoom_box,
    open_app,
    play_button,
    wait_epoch_above,
    wait_label,
    wait_or_fail,
)

LOSS = "document.querySelector('[data-chart=loss] .js-plotly-plot')"

# Every animation frame for `ms`: Plotly's redraws of the loss chart (a react gives it a new
# layout object), new tails on its canvas, and whether the canvas' newest point is inside
# the x range Plotly shows.
SAMPLE = f"""
(ms) => new Promise((resolve) => {{
  const out = {{ frames: 0, reacts: 0, tails: 0, outside: 0, newest: [] }};
  let layout = null, version = null;
  const start = performance.now();
  const sample = () => {{
    const gd = {LOSS};
    out.frames++;
    if (layout && gd.layout !== layout) out.reacts++;
    const overlay = gd.liveOverlay;
    if (overlay && version !== null && overlay.version !== version) out.tails++;
    layout = gd.layout;
    version = overlay ? overlay.version : null;
    const lines = overlay && !overlay.canvas.hidden ? overlay.lines : [];
    for (const line of lines) {{
      const x = line.x[line.x.length - 1];
      if (x > gd._fullLayout.xaxis.range[1]) out.outside++;
      out.newest.push(x);
    }}
    if (performance.now() - start < ms) requestAnimationFrame(sample); else resolve(out);
  }};
  requestAnimationFrame(sample);
}})
"""


def test_new_loss_points_are_drawn_between_redraws(new_page, playground_url):
    page = open_app(new_page, playground_url)
    play_button(page).click()
    wait_epoch_above(page, 20)
    seen = page.evaluate(SAMPLE, 3000)
    # More tails drawn than Plotly redraws: most frames' points cost Plotly nothing.
    assert seen["tails"] >= 5 and seen["tails"] > 2 * seen["reacts"], seen | {"newest": None}
    assert seen["outside"] == 0, "the canvas drew points beyond the x axis"
    assert seen["newest"], "the canvas never showed new points"


def test_a_zoom_on_the_loss_stays_and_a_double_click_follows_again(new_page, playground_url):
    page = open_app(new_page, playground_url)
    x_range = f"() => [...{LOSS}._fullLayout.xaxis.range]"
    play_button(page).click()
    # Far enough that the epochs trained during the drag (~0.3 s) barely widen the axis:
    # at epoch 100 a quiet machine's ~1,000 epochs a second could double it mid-drag.
    wait_epoch_above(page, 1500)
    before = page.evaluate(x_range)
    drag_zoom_box(page, "loss", (0.2, 0.2), (0.3, 0.5))
    zoomed = page.evaluate(x_range)
    assert zoomed[1] < before[1] * 0.9, "the drag did not zoom the loss chart"
    drawn = page.evaluate(f"() => {LOSS}.liveStats.drawn")
    page.wait_for_function(f"(n) => {LOSS}.liveStats.drawn >= n + 20", arg=drawn,
                           timeout=TIMEOUT_MS)  # fmt: skip
    assert page.evaluate(x_range) == zoomed, "new loss points lost the zoom"
    box = page.locator("[data-chart=loss] .nsewdrag").first.bounding_box()
    page.mouse.dblclick(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_or_fail(
        page,
        f"(z) => {LOSS}._fullLayout.xaxis.range[1] > z[1] * 1.5",
        arg=zoomed,
        why="after a double click the loss axis did not follow the epochs again",
    )


# The x range's end and the last epoch the loss chart's figure draws (its traces' x).
X_END_AND_LAST = f"""
() => {{
  const gd = {LOSS};
  const xs = (gd._fullData || []).flatMap((trace) => Array.from(trace.x || []));
  return [gd._fullLayout.xaxis.range[1], Math.max(...xs)];
}}
"""


def test_a_paused_loss_chart_ends_at_its_last_epoch_and_has_room_again_on_play(
    new_page, playground_url
):
    page = open_app(new_page, playground_url)
    play_button(page).click()
    wait_epoch_above(page, 200)
    play_button(page).click()
    wait_label(page, "Play")
    # Paused, the figure's last epoch ends the axis (while playing it has 25 % room ahead).
    wait_or_fail(
        page,
        f"() => {{ const [end, last] = ({X_END_AND_LAST})(); "
        "return last > 200 && end <= last + 1; }",
        why="the paused loss chart keeps room ahead of its last epoch",
    )
    end, last = page.evaluate(X_END_AND_LAST)
    assert end >= last, f"the paused axis cuts the curve: ends at {end}, last epoch {last}"
    # Played again, the canvas draws the new points inside the axes, mostly without Plotly.
    play_button(page).click()
    wait_epoch_above(page, int(last) + 50)
    seen = page.evaluate(SAMPLE, 2000)
    assert seen["newest"], "the canvas showed no new points after Play"
    assert seen["outside"] == 0, "after Play the canvas drew points beyond the x axis"
    assert seen["tails"] > 2 * seen["reacts"], seen | {"newest": None}
