"""The playground page in real headless Chromium: load, Play, live charts, Pause, URL settings.

One server for the module (conftest ``playground_url``); every test opens its own tab, which
is a new Streamlit session. Waits are ``wait_for_function`` with timeouts, never sleeps used
as assertions. Speed is benchmarks/browser.py's job, not asserted here.

Slower than the 30 s unit-test budget (about 50 s on 2 cores when all pass): each test is a
real Chromium tab on a real server, and several must watch training for a few seconds.
"""

from __future__ import annotations

import pytest

LIVE_KEYS = ("boundary", "network", "loss")
TIMEOUT_MS = 30_000

# True when the chart with this key is drawn: plot div present, visible, and holding the
# drawing Plotly makes (heatmaps are <image> elements, the loss curve a path.js-line), or,
# while the browser paints, the overlay canvas with its pictures (live_js/overlay.js).
IS_DRAWN = """
(key) => {
  const gd = document.querySelector(`[data-chart=${key}] .js-plotly-plot`);
  if (!gd || gd.offsetHeight === 0 || !gd.querySelector(".main-svg")) return false;
  if (key === "loss") return !!gd.querySelector("path.js-line");
  const overlay = gd.liveOverlay;
  const painted = overlay && !overlay.canvas.hidden && overlay.canvas.isConnected
    && overlay.items.length > 0 && overlay.canvas.width > 1;
  return painted || !!gd.querySelector("image");
}
"""

# Signature of the boundary's drawn heatmap: the PNG data URL Plotly renders it to, or the
# count of pictures painted on its overlay canvas.
BOUNDARY_SIGNATURE = """
() => {
  const gd = document.querySelector("[data-chart=boundary] .js-plotly-plot");
  const overlay = gd && gd.liveOverlay;
  if (overlay && !overlay.canvas.hidden) return "painted " + overlay.version;
  const im = gd && gd.querySelector("image");
  return im ? im.getAttribute("href") : null;
}
"""

# Samples every animation frame: a frame is blank for a chart when IS_DRAWN fails for it.
# Also counts the figures each chart received: live_chart.js hands every new figure to
# Plotly.react, which replaces gd.layout, so a new layout object is one update (this does not
# depend on which redraw path Plotly takes, or on wrapping Plotly.react).
FRAME_SAMPLER = f"""
(keys) => {{
  const isDrawn = {IS_DRAWN};
  const probe = {{ frames: 0, blank: {{}}, updates: {{}}, start: performance.now() }};
  const seen = {{}};
  for (const key of keys) {{ probe.blank[key] = 0; probe.updates[key] = 0; }}
  const sample = () => {{
    probe.frames++;
    for (const key of keys) {{
      if (!isDrawn(key)) {{ probe.blank[key]++; continue; }}
      // live_chart counts the figures it drew into the same div (react or image swap)
      const drawn = document.querySelector(`[data-chart=${{key}}] .js-plotly-plot`).liveStats.drawn;
      if (seen[key] !== undefined && seen[key] !== drawn) probe.updates[key]++;
      seen[key] = drawn;
    }}
    if (!probe.stop) requestAnimationFrame(sample);
  }};
  requestAnimationFrame(sample);
  window.__frames = probe;
}}
"""

# True once the epoch counter has shown the same text for `ms` milliseconds.
EPOCH_STEADY_FOR = """
(ms) => {
  const text = document.querySelector("[data-live=epoch] b").innerText.trim();
  const now = performance.now();
  const seen = window.__epochSeen;
  if (!seen || seen.text !== text) { window.__epochSeen = { text, since: now }; return false; }
  return now - seen.since >= ms;
}
"""


def open_app(new_page, base_url: str, query: str = ""):
    """Open the page (optionally with a query string) and wait until its charts are drawn."""
    page = new_page()
    page.goto(f"{base_url}/{query}")
    for key in ("boundary", "network"):
        page.wait_for_function(IS_DRAWN, arg=key, timeout=TIMEOUT_MS)
    return page


def wait_or_fail(page, js: str, arg=None, why: str = "", timeout_ms: int = TIMEOUT_MS) -> None:
    """Wait until ``js(arg)`` is truthy; on timeout fail the test saying ``why``."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(js, arg=arg, timeout=timeout_ms)
    except PlaywrightTimeout:
        pytest.fail(f"{why} (waited {timeout_ms / 1000:g} s)")


def epoch(page) -> int:
    """The epoch counter's digits as an int."""
    return int(page.locator("[data-live=epoch] b").inner_text().strip())


def play_button(page):
    """The visible Play/Pause button (Streamlit keeps a hidden copy for measuring width)."""
    return page.locator(".st-key-play button:visible")


def wait_label(page, label: str) -> None:
    """Wait until the Play/Pause button reads ``label`` (its text ends with the label)."""
    page.wait_for_function(
        "(label) => [...document.querySelectorAll('.st-key-play button')]"
        ".some((b) => b.offsetHeight > 0 && b.innerText.trim().endsWith(label))",
        arg=label,
        timeout=TIMEOUT_MS,
    )


def wait_epoch_above(page, n: int) -> None:
    """Wait until the epoch counter exceeds ``n``."""
    page.wait_for_function(
        "(n) => +document.querySelector('[data-live=epoch] b').innerText > n",
        arg=n,
        timeout=TIMEOUT_MS,
    )


def exception_count(page) -> int:
    """Number of Streamlit exception boxes on the page."""
    return page.locator("[data-testid=stException]").count()


def network_neuron_count(page) -> int:
    """Neurons drawn in the network view: each one shows a small image of its output."""
    return page.locator("[data-chart=network] .js-plotly-plot image").count()


def test_page_loads_at_epoch_zero_with_charts_drawn(new_page, playground_url):
    page = open_app(new_page, playground_url)
    assert exception_count(page) == 0
    assert epoch(page) == 0
    assert page.evaluate(IS_DRAWN, "boundary") and page.evaluate(IS_DRAWN, "network")
    # TF Playground's default [4, 2], with all seven input features drawn (two in use)
    assert network_neuron_count(page) == 7 + 4 + 2 + 1


def test_play_trains_and_updates_the_boundary_in_place(new_page, playground_url):
    page = open_app(new_page, playground_url)
    gd = "[data-chart=boundary] .js-plotly-plot"
    page.evaluate(f"() => {{ document.querySelector('{gd}').__original = true; }}")
    before = page.evaluate(BOUNDARY_SIGNATURE)
    play_button(page).click()
    wait_epoch_above(page, 50)
    wait_label(page, "Pause")
    wait_or_fail(
        page,
        f"(before) => ({BOUNDARY_SIGNATURE})() !== before",
        before,
        why="the boundary image drawn on the page never changed while training",
        timeout_ms=10_000,
    )
    assert page.evaluate(f"() => document.querySelector('{gd}').__original === true"), (
        "the boundary's plot div was replaced: it did not update in place"
    )
    assert exception_count(page) == 0


def test_no_blank_frames_while_training(new_page, playground_url):
    page = open_app(new_page, playground_url)
    page.wait_for_function(IS_DRAWN, arg="loss", timeout=TIMEOUT_MS)
    play_button(page).click()
    wait_epoch_above(page, 0)
    page.evaluate(FRAME_SAMPLER, list(LIVE_KEYS))
    page.wait_for_function("() => performance.now() - window.__frames.start > 3000")
    probe = page.evaluate("() => { window.__frames.stop = true; return window.__frames; }")
    assert probe["frames"] >= 20, "too few animation frames sampled to judge"
    for key in LIVE_KEYS:
        assert probe["updates"][key] >= 3, f"{key} barely updated while sampling"
    for key in LIVE_KEYS:
        assert probe["blank"][key] == 0, f"{key} was blank in {probe['blank'][key]} frames"


def test_loss_curve_axis_follows_training(new_page, playground_url):
    page = open_app(new_page, playground_url)
    page.wait_for_function(IS_DRAWN, arg="loss", timeout=TIMEOUT_MS)
    play_button(page).click()
    wait_epoch_above(page, 400)
    x_end = "document.querySelector('[data-chart=loss] .js-plotly-plot')._fullLayout.xaxis.range[1]"
    wait_or_fail(
        page,
        f"() => {x_end} > 300",
        why="the loss chart's x axis does not follow the epochs (it stays at the first range)",
        timeout_ms=10_000,
    )


def test_pause_stops_training(new_page, playground_url):
    page = open_app(new_page, playground_url)
    play_button(page).click()
    wait_epoch_above(page, 50)
    wait_label(page, "Pause")
    play_button(page).click()
    wait_label(page, "Play")
    page.wait_for_function(EPOCH_STEADY_FOR, arg=1000, polling=50, timeout=5000)
    stopped_at = epoch(page)
    page.wait_for_timeout(1000)  # the counter must stay put with nothing pressed
    assert epoch(page) == stopped_at > 50


def test_url_settings_are_applied(new_page, playground_url):
    query = "?dataset=xor&hidden=3&activation=relu&learning_rate=0.1"
    page = open_app(new_page, playground_url, query)
    assert exception_count(page) == 0
    assert network_neuron_count(page) == 7 + 3 + 1  # all seven features drawn, two in use
    lr = page.locator(".st-key-set_learning_rate [data-testid=stSliderThumbValue]")
    assert lr.inner_text().strip() == "0.1"
    assert page.locator(".st-key-set_activation input").input_value() == "ReLU"
    xor = page.locator(".st-key-ds_xor button:visible")
    circle = page.locator(".st-key-ds_circle button:visible")
    assert xor.get_attribute("data-testid") == "stBaseButton-primary"
    assert circle.get_attribute("data-testid") == "stBaseButton-secondary"
    assert "dataset=xor" in page.evaluate("() => location.search")


def test_hostile_url_falls_back_with_a_note_and_still_trains(new_page, playground_url):
    query = "?hidden=99999&learning_rate=NaN&dataset=%3Cscript%3E"
    page = open_app(new_page, playground_url, query)
    page.wait_for_selector("[data-testid=stAlert]", timeout=TIMEOUT_MS)
    assert exception_count(page) == 0
    assert page.evaluate("() => !document.querySelector('.stMarkdown script')")
    play_button(page).click()
    wait_epoch_above(page, 5)
    assert exception_count(page) == 0


def drag_zoom_box(page, chart: str, start: tuple, size: tuple) -> None:
    """Drag a zoom box on `chart`'s plot area with the mouse: from `start` (shares of the
    area, across and down) over `size` (shares)."""
    box = page.locator(f"[data-chart={chart}] .nsewdrag").first.bounding_box()
    x, y = box["x"] + box["width"] * start[0], box["y"] + box["height"] * start[1]
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + box["width"] * size[0], y + box["height"] * size[1], steps=5)
    page.mouse.up()


def test_zoom_survives_live_updates(new_page, playground_url):
    page = open_app(new_page, playground_url)
    gd = "document.querySelector('[data-chart=boundary] .js-plotly-plot')"
    x_range = f"() => [...{gd}._fullLayout.xaxis.range]"
    full_range = page.evaluate(x_range)
    play_button(page).click()
    wait_epoch_above(page, 10)
    drag_zoom_box(page, "boundary", (0.3, 0.3), (0.3, 0.3))
    zoomed = page.evaluate(x_range)
    assert zoomed != pytest.approx(full_range), "the drag did not zoom"
    # live_chart counts every figure it draws into this div; wait for five more.
    drawn = page.evaluate(f"() => {gd}.liveStats.drawn")
    page.wait_for_function(
        f"(start) => {gd}.liveStats.drawn >= start + 5", arg=drawn, timeout=TIMEOUT_MS
    )
    assert page.evaluate(x_range) == pytest.approx(zoomed), "the zoom was lost by an update"


def test_divergence_pauses_with_a_learning_rate_message(new_page, playground_url):
    page = open_app(new_page, playground_url, "?dataset=plane&learning_rate=10&activation=relu")
    play_button(page).click()
    alert = page.locator("[data-testid=stAlert]", has_text="learning rate")
    alert.first.wait_for(timeout=TIMEOUT_MS)
    wait_label(page, "Play")
    page.wait_for_function(EPOCH_STEADY_FOR, arg=1000, polling=50, timeout=5000)
    assert exception_count(page) == 0


def test_training_stops_at_the_stop_epoch_and_the_button_follows(new_page, playground_url):
    page = open_app(new_page, playground_url, "?max_epochs=300")
    play_button(page).click()
    wait_label(page, "Pause")
    wait_label(page, "Play")  # the live view asked the page to rerun when training stopped
    page.wait_for_function(EPOCH_STEADY_FOR, arg=500, polling=50, timeout=5000)
    assert epoch(page) == 300
    assert exception_count(page) == 0


def test_a_setting_changed_while_playing_updates_in_place(new_page, playground_url):
    page = open_app(new_page, playground_url)
    gd = "document.querySelector('[data-chart=boundary] .js-plotly-plot')"
    page.evaluate(f"() => {{ {gd}.__original = true; }}")
    play_button(page).click()
    wait_epoch_above(page, 50)
    points = f"() => {gd}.querySelectorAll('.scatterlayer .point').length"
    before = page.evaluate(points)
    page.locator(".st-key-set_show_test label").click()  # a page rerun while training
    wait_or_fail(page, f"(n) => ({points})() > n", arg=before, why="test points never appeared")
    at = epoch(page)
    wait_epoch_above(page, at + 50)  # training went on after the rerun
    assert page.evaluate(f"() => {gd}.__original === true"), "the chart was rebuilt"
    assert exception_count(page) == 0


def test_a_lost_live_feed_pauses_with_a_message(new_page, playground_url):
    page = open_app(new_page, playground_url)
    # Every connection to the feed is refused as if the session were gone.
    page.route_web_socket("**/live-feed", lambda ws: ws.close(code=4404, reason="gone"))
    play_button(page).click()
    alert = page.locator("[data-testid=stAlert]", has_text="lost its connection")
    alert.first.wait_for(timeout=TIMEOUT_MS)
    wait_label(page, "Play")
    assert epoch(page) == 0 and exception_count(page) == 0


# Feeds panel.js's apply() messages by hand in the served module: which are drawn, which are
# dropped as older, and that a new feed token starts the order afresh.
APPLY_IN_ORDER = """
async (dir) => {
  const { apply } = await import(new URL(`app/static/${dir}/panel.js`, document.baseURI).href);
  const div = document.createElement("div");
  document.body.append(div);
  const slot = (frame) => JSON.stringify({ frame, areas: '"a"', columns: "1fr",
    slots: [{ key: "a", height: 50, title: "", note: "" }], epoch: frame, stats: [] });
  const seen = (text) => apply(div, text) !== null;
  const result = [
    seen('{"token": "t1", "frame": 10, "playing": true}'),
    seen('{"frame": 9, "playing": false}'),   // older: dropped
    seen(slot(3) + "\\n"),                      // older, with a chart: dropped untouched
    div.querySelectorAll(".live-slot").length,
    seen('{"token": "t2", "frame": 1, "playing": true}'),  // new feed: order starts over
    seen('{"frame": 2, "playing": true}'),
  ];
  div.remove();
  return result;
}
"""


def test_live_messages_are_drawn_in_order_per_feed(new_page, playground_url):
    from playground.ui.live_chart import SCRIPT_DIR

    page = open_app(new_page, playground_url)
    assert page.evaluate(APPLY_IN_ORDER, SCRIPT_DIR) == [True, False, False, 0, True, True]
