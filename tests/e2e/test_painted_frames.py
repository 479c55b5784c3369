"""Frames painted in the browser from the weights (live_js/paint.js), in real Chromium: while
playing over a plane, the boundary and the neurons change from frame to frame without the
server sending their pictures, never blank, a zoom stays, Discretize shows, Pause stops.
"""

from __future__ import annotations

from tests.e2e.test_page import (
    TIMEOUT_MS,
    _drag_zoom_box,
    open_app,
    play_button,
    wait_epoch_above,
    wait_label,
)

BOUNDARY = "document.querySelector('[data-chart=boundary] .js-plotly-plot')"
NETWORK = "document.querySelector('[data-chart=network] .js-plotly-plot')"

# Every animation frame for `ms`: the boundary's drawn image (its href), the network's
# first neuron image, the figures the boundary received, blank frames (no drawn image).
SAMPLE = f"""
(ms) => new Promise((resolve) => {{
  const out = {{ frames: 0, blank: 0, boundary: [], neuron: [], received: [] }};
  const start = performance.now();
  const sample = () => {{
    out.frames++;
    const image = {BOUNDARY}.querySelector("image");
    const neuron = [...{NETWORK}.querySelectorAll("image")].pop();
    if (!image || !image.getAttribute("href")) out.blank++;
    out.boundary.push(image ? image.getAttribute("href") : "");
    out.neuron.push(neuron ? neuron.getAttribute("href") : "");
    out.received.push({BOUNDARY}.liveStats.received);
    if (performance.now() - start < ms) requestAnimationFrame(sample); else resolve(out);
  }};
  requestAnimationFrame(sample);
}})
"""

# The colours (r, g, b) in the boundary's drawn image, by drawing it on a canvas.
COLOURS = f"""
() => new Promise((resolve) => {{
  const img = new Image();
  img.onload = () => {{
    const canvas = Object.assign(document.createElement("canvas"), {{ width: img.width,
      height: img.height }});
    const context = canvas.getContext("2d");
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) seen.add(data.slice(i, i + 3).join(","));
    resolve([...seen]);
  }};
  img.src = {BOUNDARY}.querySelector("image").getAttribute("href");
}})
"""


def changes(values: list[str]) -> int:
    return sum(1 for a, b in zip(values, values[1:], strict=False) if a != b)


def painted(page) -> int:
    return page.evaluate(f"() => {BOUNDARY}.liveStats.painted")


def test_the_boundary_and_the_neurons_are_painted_from_the_weights(new_page, playground_url):
    page = open_app(new_page, playground_url)
    play_button(page).click()
    wait_epoch_above(page, 20)
    seen = page.evaluate(SAMPLE, 3000)
    assert seen["blank"] == 0, f"the boundary was blank in {seen['blank']} frames"
    # Pictures that changed while no figure arrived were painted in the browser.
    steps = zip(seen["boundary"][1:], seen["received"][1:], seen["received"][:-1], strict=True)
    between = [image for image, received, before in steps if received == before]
    assert changes(seen["boundary"]) >= 5 and changes(between) >= 3, seen["received"][-1]
    assert changes(seen["neuron"]) >= 5
    assert painted(page) >= 5


def test_zoom_is_kept_while_pictures_are_painted(new_page, playground_url):
    page = open_app(new_page, playground_url)
    x_range = f"() => [...{BOUNDARY}._fullLayout.xaxis.range]"
    play_button(page).click()
    wait_epoch_above(page, 10)
    _drag_zoom_box(page)
    zoomed = page.evaluate(x_range)
    start = painted(page)
    page.wait_for_function(f"(n) => {BOUNDARY}.liveStats.painted >= n + 10", arg=start,
                           timeout=TIMEOUT_MS)  # fmt: skip
    assert page.evaluate(x_range) == zoomed, "a painted frame lost the zoom"


def test_discretize_while_playing_paints_two_colours(new_page, playground_url):
    page = open_app(new_page, playground_url, "?discretize=true")
    play_button(page).click()
    wait_epoch_above(page, 30)
    start = painted(page)
    page.wait_for_function(f"(n) => {BOUNDARY}.liveStats.painted >= n + 3", arg=start,
                           timeout=TIMEOUT_MS)  # fmt: skip
    assert len(page.evaluate(COLOURS)) == 2  # the two class colours, nothing between


def test_pause_stops_the_painting(new_page, playground_url):
    page = open_app(new_page, playground_url)
    play_button(page).click()
    wait_epoch_above(page, 30)
    wait_label(page, "Pause")
    play_button(page).click()
    wait_label(page, "Play")
    page.wait_for_timeout(500)  # the frame under way when the button flipped lands
    before = (painted(page), page.evaluate(f"() => {BOUNDARY}.querySelector('image').href.baseVal"))
    page.wait_for_timeout(1000)  # nothing may change with nothing pressed
    after = (painted(page), page.evaluate(f"() => {BOUNDARY}.querySelector('image').href.baseVal"))
    assert after == before
