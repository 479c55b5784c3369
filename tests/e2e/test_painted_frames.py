"""Frames painted in the browser from the weights (live_js/paint.js), in real Chromium: while
playing over a plane, the boundary and the neurons change from frame to frame without the
server sending their pictures, never blank, a zoom stays, Discretize shows, Pause stops.
"""

from __future__ import annotations

from tests.e2e.test_page import (
    TIMEOUT_MS,
    drag_zoom_box,
    open_app,
    play_button,
    wait_epoch_above,
    wait_label,
)

BOUNDARY = "document.querySelector('[data-chart=boundary] .js-plotly-plot')"
NETWORK = "document.querySelector('[data-chart=network] .js-plotly-plot')"

# Every animation frame for `ms`: the boundary's overlay (pictures painted, shown or not),
# the network's, the figures the boundary received, blank frames (no picture shown).
SAMPLE = f"""
(ms) => new Promise((resolve) => {{
  const out = {{ frames: 0, blank: 0, boundary: [], neuron: [], received: [] }};
  const start = performance.now();
  const shown = (gd) => gd.liveOverlay && !gd.liveOverlay.canvas.hidden
    && gd.liveOverlay.canvas.isConnected && gd.liveOverlay.items.length > 0;
  const sample = () => {{
    out.frames++;
    const boundary = {BOUNDARY};
    const network = {NETWORK};
    if (!shown(boundary) && !boundary.querySelector("image")) out.blank++;
    out.boundary.push(shown(boundary) ? boundary.liveOverlay.version : -1);
    out.neuron.push(shown(network) ? network.liveOverlay.version : -1);
    out.received.push(boundary.liveStats.received);
    if (performance.now() - start < ms) requestAnimationFrame(sample); else resolve(out);
  }};
  requestAnimationFrame(sample);
}})
"""

# The colours (r, g, b) of the picture the boundary's overlay shows (its 100x100 canvas).
COLOURS = f"""
() => {{
  const canvas = {BOUNDARY}.liveOverlay.items[0].picture;
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4) seen.add(data.slice(i, i + 3).join(","));
  return [...seen];
}}
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
    assert -1 not in seen["boundary"] + seen["neuron"], "a frame showed no painted picture"
    assert painted(page) >= 5


def test_zoom_is_kept_while_pictures_are_painted(new_page, playground_url):
    page = open_app(new_page, playground_url)
    x_range = f"() => [...{BOUNDARY}._fullLayout.xaxis.range]"
    play_button(page).click()
    wait_epoch_above(page, 10)
    drag_zoom_box(page, "boundary", (0.3, 0.3), (0.3, 0.3))
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
    shown = f"() => {BOUNDARY}.querySelector('image').href.baseVal"  # the figure's own again
    before = (painted(page), page.evaluate(shown))
    page.wait_for_timeout(1000)  # nothing may change with nothing pressed
    after = (painted(page), page.evaluate(shown))
    assert after == before


# After a zoom while playing: whether the overlay canvas covers the plot area exactly and
# shows the painted picture where the axes say it is. Samples a few of the picture's pixel
# centres inside the zoomed view (there a scaled, smoothed drawing shows the pixel's own
# colour), each expected as the surface drawn at its opacity over the plot's white. Both
# canvases are read in one task; a frame painted between paint and show makes them differ
# for that task only, so the page retries on the next animation frames.
PLACED = f"""
() => new Promise((resolve) => {{
  let tries = 0;
  const check = () => {{
    const gd = {BOUNDARY};
    const overlay = gd.liveOverlay, canvas = overlay.canvas, item = overlay.items[0];
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    const box = [canvas.style.left, canvas.style.top, canvas.style.width, canvas.style.height];
    const area = [xa._offset, ya._offset, xa._length, ya._length].map((v) => v + "px");
    if (box.join() !== area.join()) return resolve("the canvas is not on the plot area: "
      + box + " against " + area);
    const picture = item.picture, n = picture.width;
    const texels = picture.getContext("2d").getImageData(0, 0, n, n).data;
    const drawn = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    const [x0, x1] = xa.range, [y0, y1] = ya.range;
    const wrong = [];
    let sampled = 0;
    for (let i = 0; i < n; i += 7) for (let j = 0; j < n; j += 7) {{
      const x = item.x + (i + 0.5) * item.sizex / n, y = item.y - (j + 0.5) * item.sizey / n;
      const px = Math.floor((x - x0) / (x1 - x0) * canvas.width);
      const py = Math.floor((y1 - y) / (y1 - y0) * canvas.height);
      if (px < 2 || py < 2 || px >= canvas.width - 2 || py >= canvas.height - 2) continue;
      sampled++;
      for (let c = 0; c < 3; c++) {{
        const want = 255 * (1 - item.opacity) + texels[4 * (j * n + i) + c] * item.opacity;
        const got = drawn[4 * (py * canvas.width + px) + c];
        if (Math.abs(got - want) > 8) wrong.push([i, j, c, got, Math.round(want)]);
      }}
    }}
    if (!wrong.length && sampled >= 4) return resolve("ok " + sampled);
    if (++tries < 30) return requestAnimationFrame(check);
    resolve(`pixels off the picture (${{wrong.length}} of ${{sampled}} sampled): `
      + JSON.stringify(wrong.slice(0, 5)));
  }};
  requestAnimationFrame(check);
}})
"""


def test_the_painted_boundary_follows_a_zoom(new_page, playground_url):
    page = open_app(new_page, playground_url)
    play_button(page).click()
    wait_epoch_above(page, 10)
    drag_zoom_box(page, "boundary", (0.3, 0.3), (0.3, 0.3))
    start = painted(page)
    page.wait_for_function(f"(n) => {BOUNDARY}.liveStats.painted >= n + 3", arg=start,
                           timeout=TIMEOUT_MS)  # fmt: skip
    result = page.evaluate(PLACED)
    assert result.startswith("ok"), result


# Page position of the network's neuron named `name` (its hover marker).
NEURON_AT = f"""
(name) => {{
  const gd = {NETWORK};
  const trace = gd.data.find((t) => t.name === "neurons");
  const i = trace.customdata.findIndex((d) => d[1] === name);
  const fl = gd._fullLayout, box = gd.getBoundingClientRect();
  return [box.left + fl.xaxis._offset + fl.xaxis.l2p(trace.x[i]),
          box.top + fl.yaxis._offset + fl.yaxis.l2p(trace.y[i])];
}}
"""

# Whether the boundary's overlay shows the network's painted picture of the hovered neuron
# (the image the hover trace's customdata names for the neuron named `name`).
SHOWS_NEURON = f"""(name) => {{
  const trace = {NETWORK}.data.find((t) => t.name === "neurons");
  const image = {NETWORK}.layout.images[trace.customdata.find((d) => d[1] === name)[0]];
  const mine = {NETWORK}.liveOverlay.items.find((item) => item.name === image.name);
  const item = {BOUNDARY}.liveOverlay.items[0];
  return !!item && !!mine && item.name === image.name && item.picture === mine.picture;
}}"""


def test_a_hovered_neuron_shows_painted_while_playing(new_page, playground_url):
    page = open_app(new_page, playground_url)
    play_button(page).click()
    wait_epoch_above(page, 10)
    x, y = page.evaluate(NEURON_AT, "neuron 1.2")
    page.mouse.move(x, y)
    page.wait_for_function(SHOWS_NEURON, arg="neuron 1.2", timeout=TIMEOUT_MS)
    start = painted(page)
    page.wait_for_function(f"(n) => {BOUNDARY}.liveStats.painted >= n + 3", arg=start,
                           timeout=TIMEOUT_MS)  # fmt: skip
    assert page.evaluate(SHOWS_NEURON, "neuron 1.2"), (
        "the output chart lost the hovered neuron's picture"
    )
    page.mouse.move(x, y - 400)
    page.wait_for_function(f"() => {BOUNDARY}.liveOverlay.items[0].picture.width === 100",
                           timeout=TIMEOUT_MS)  # fmt: skip
