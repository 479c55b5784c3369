"""The network's links drawn in the browser while playing (live_js/links.js), in Chromium:
they change from frame to frame while no network figure arrives, over a plane and on
digits; a link's hover shows its weight of the frame shown; the - / + over the links
still reach the server while playing; on pause the figure's own links are back.

Positions come from the drawn figure (Plotly's own axis mapping), waits are
wait_for_function with timeouts, no sleeps.
"""

from __future__ import annotations

import re

from tests.e2e.test_network_view import ANNOTATION_CENTRE
from tests.e2e.test_page import (
    TIMEOUT_MS,
    exception_count,
    play_button,
    wait_epoch_above,
    wait_label,
    wait_or_fail,
)

NETWORK = "document.querySelector('[data-chart=network] .js-plotly-plot')"
CANVAS = f"{NETWORK}.querySelector('canvas.live-links')"

# Every 100 ms for `ms`: the canvas's pixels (as a data URL), the network figures received,
# and how many link line traces the figure shown has.
SAMPLE = f"""
(ms) => new Promise((resolve) => {{
  const out = {{ pictures: [], received: [], lines: [] }};
  const start = performance.now();
  const sample = () => {{
    const canvas = {CANVAS};
    out.pictures.push(canvas && !canvas.hidden ? canvas.toDataURL() : "");
    out.received.push({NETWORK}.liveStats.received);
    out.lines.push({NETWORK}.data.filter((t) => t.mode === "lines").length);
    if (performance.now() - start < ms) setTimeout(sample, 100); else resolve(out);
  }};
  sample();
}})
"""

# Page position (x, y) of the link marker `i` (the link hover trace's point).
LINK_POSITION = f"""
(i) => {{
  const gd = {NETWORK};
  const trace = gd.data.find((t) => t.legendgroup === "link");
  const fl = gd._fullLayout, box = gd.getBoundingClientRect();
  return [box.left + fl.xaxis._offset + fl.xaxis.l2p(trace.x[i]),
          box.top + fl.yaxis._offset + fl.yaxis.l2p(trace.y[i])];
}}
"""
TIP = f"() => {{ const tip = {NETWORK}.querySelector('.live-links-tip'); " \
      "return tip && !tip.hidden ? tip.textContent : null; }"  # fmt: skip


def changes(values: list) -> int:
    return sum(1 for a, b in zip(values, values[1:], strict=False) if a != b)


def open_and_play(new_page, base_url: str, query: str = ""):
    page = new_page()
    page.goto(f"{base_url}/{query}")
    page.wait_for_function(f"() => {NETWORK} && {NETWORK}.querySelector('.main-svg')",
                           timeout=TIMEOUT_MS)  # fmt: skip
    wait_label(page, "Play")
    play_button(page).click()
    wait_epoch_above(page, 5)
    wait_or_fail(page, f"() => {CANVAS} && !{CANVAS}.hidden", why="no links were drawn")
    return page


def assert_links_move_without_figures(page) -> None:
    seen = page.evaluate(SAMPLE, 3000)
    assert set(seen["lines"]) == {0}, "the network figure drew link lines of its own"
    steps = zip(seen["pictures"][1:], seen["received"][1:], seen["received"][:-1], strict=True)
    between = [picture for picture, now, before in steps if now == before]
    assert changes(between) >= 3, "the links did not change between network figures"
    assert "" not in seen["pictures"], "the links were hidden while playing"


def test_the_links_are_drawn_from_each_frame_over_a_plane(new_page, playground_url):
    page = open_and_play(new_page, playground_url)
    assert_links_move_without_figures(page)
    play_button(page).click()
    wait_label(page, "Play")
    wait_or_fail(page, f"() => {NETWORK}.data.some((t) => t.mode === 'lines') && {CANVAS}.hidden",
                 why="after Pause the figure's own links did not come back")  # fmt: skip
    assert exception_count(page) == 0


def test_the_links_are_drawn_from_each_frame_on_digits(new_page, playground_url):
    page = open_and_play(new_page, playground_url, "?dataset=digits&hidden=16")
    assert_links_move_without_figures(page)
    assert exception_count(page) == 0


def test_a_links_hover_shows_its_weight_of_the_frame_shown(new_page, playground_url):
    page = open_and_play(new_page, playground_url)
    page.mouse.move(*page.evaluate(LINK_POSITION, 0))
    wait_or_fail(page, f"() => ({TIP})() !== null", why="no hover on the link")
    first = page.evaluate(TIP)
    assert re.fullmatch(r"w\(x₁, neuron 1\.1\) = -?\d+\.\d{3}", first), first
    wait_or_fail(page, f"(t) => ({TIP})() !== t", first, "the hover did not follow the weight")
    page.mouse.move(5, 5)
    wait_or_fail(page, f"() => ({TIP})() === null", why="the hover stayed after the mouse left")


def test_plus_over_a_layer_reaches_the_server_while_playing(new_page, playground_url):
    """The links' canvas takes no clicks: the - / + over it still edit the network."""
    page = open_and_play(new_page, playground_url)
    centre = page.evaluate(ANNOTATION_CENTRE, '{"hidden":[5,2]}')
    assert centre, "no + control over the first hidden layer"
    page.mouse.click(*centre)
    page.wait_for_url("**hidden=5%2C2**", timeout=TIMEOUT_MS)
    assert exception_count(page) == 0
