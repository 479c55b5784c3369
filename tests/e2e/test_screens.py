"""The page on a phone, a tablet, a projector and a large screen, in real Chromium.

Each test opens its own browser context at the size it is about (the conftest's context is
1500x1000) and asserts what a user there sees: the sidebar opens and closes, charts stack
and stay wide enough, the plane's plot area is square, presentation mode has large text,
only the main views and no open sidebar, and fits the projector's screen.
"""

from __future__ import annotations

import pytest

from tests.e2e.test_page import IS_DRAWN, TIMEOUT_MS, play_button

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 768, "height": 1024}
PROJECTOR = {"width": 1280, "height": 720}  # also 1920x1080 at 150 % zoom (scale 1.5)
LARGE = {"width": 1920, "height": 1080}

# Per chart: its plot div's box, the plot area's box (Plotly's drag layer) and the font
# size of its first tick label (null for charts without ticks).
CHART_BOXES = """
() => Object.fromEntries([...document.querySelectorAll("[data-chart]")].map((slot) => {
  const gd = slot.querySelector(".js-plotly-plot");
  const area = gd && gd.querySelector(".nsewdrag");
  const tick = gd && gd.querySelector(".xtick text, .ytick text");
  const box = (el) => { const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height, bottom: r.bottom }; };
  return [slot.dataset.chart, {
    plot: gd ? box(gd) : null,
    area: area ? box(area) : null,
    tick: tick ? parseFloat(getComputedStyle(tick).fontSize) : null,
  }];
}))
"""

# The sidebar's state as the user sees it: its right edge (0 or less = out of view).
SIDEBAR_RIGHT = """
() => document.querySelector('section[data-testid="stSidebar"]').getBoundingClientRect().right
"""

# The page coordinates of the network view's first neuron (its hover marker's centre).
FIRST_NEURON = """
() => {
  const gd = document.querySelector("[data-chart=network] .js-plotly-plot");
  const named = gd._fullData.find((t) => t.name === "neurons");
  const trace = named || gd._fullData.find((t) => t.hovertext);
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const box = gd.getBoundingClientRect();
  return [box.left + xa._offset + xa.l2p(trace.x[0]), box.top + ya._offset + ya.l2p(trace.y[0])];
}
"""


@pytest.fixture
def open_at(chromium_browser, playground_url):
    """Open the page at a viewport (and device scale) with a query; waits for the charts."""
    contexts = []

    def open_page(viewport: dict, query: str = "", scale: float = 1):
        context = chromium_browser.new_context(viewport=viewport, device_scale_factor=scale)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{playground_url}/{query}")
        page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]")
        for key in ("network", "loss"):
            page.wait_for_function(IS_DRAWN, arg=key, timeout=TIMEOUT_MS)
        return page

    yield open_page
    for context in contexts:
        context.close()


def _square_ratio(page) -> float:
    area = page.evaluate(CHART_BOXES)["boundary"]["area"]
    return area["w"] / area["h"]


def _wait_for_present(page, present: bool) -> None:
    """Wait until the page shows (or no longer shows) presentation mode's charts."""
    check = "(on) => !!document.querySelector('[data-chart=weights]') !== on"
    page.wait_for_function(check, arg=present, timeout=TIMEOUT_MS)


def test_phone_the_sidebar_opens_and_closes_and_nothing_covers_the_page(open_at):
    page = open_at(PHONE)
    assert page.evaluate(SIDEBAR_RIGHT) <= 0  # closed: no strip of it over the page
    expand = page.locator('[data-testid="stExpandSidebarButton"]')
    expand.click(timeout=5_000)  # Playwright's click fails if anything covers the button
    picker = page.get_by_role("button", name="XOR", exact=True)
    picker.wait_for(state="visible", timeout=TIMEOUT_MS)
    opened = f"() => ({SIDEBAR_RIGHT})() >= {PHONE['width'] - 40}"  # slid in (animated)
    page.wait_for_function(opened, timeout=TIMEOUT_MS)
    box = picker.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.locator('[data-testid="stSidebarCollapseButton"] button').click(timeout=5_000)
    page.wait_for_function(f"() => ({SIDEBAR_RIGHT})() <= 0", timeout=TIMEOUT_MS)
    play_button(page).click(timeout=5_000)  # the page's own controls work


def test_phone_charts_stack_in_one_column_and_are_wide_enough(open_at):
    page = open_at(PHONE)
    charts = page.evaluate(CHART_BOXES)
    assert {"network", "boundary", "loss", "weights", "confusion"} <= set(charts)
    lefts = {round(c["plot"]["x"]) for c in charts.values()}
    assert len(lefts) == 1, charts  # one column
    assert all(c["plot"]["w"] >= 300 for c in charts.values()), charts
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tops = [charts[key]["plot"]["y"] for key in ("network", "boundary", "loss")]
    assert tops == sorted(tops)  # in the page's reading order


@pytest.mark.parametrize(
    ("viewport", "query"), [(LARGE, ""), (TABLET, ""), (LARGE, "?dataset=penguins")]
)
def test_the_plane_plot_area_is_square(open_at, viewport, query):
    page = open_at(viewport, query)
    page.wait_for_function(IS_DRAWN, arg="boundary", timeout=TIMEOUT_MS)
    assert _square_ratio(page) == pytest.approx(1, rel=0.02)
    assert page.evaluate(CHART_BOXES)["boundary"]["area"]["w"] >= 250


# Toolbar button labels cut short: a box in a button whose text is wider than it
# (Streamlit's label box then ends in an ellipsis, e.g. "Regen…").
CUT_LABELS = """
() => [...document.querySelectorAll(".st-key-toolbar button *")]
  .filter((el) => el.innerText && el.scrollWidth > el.clientWidth + 1).map((el) => el.innerText)
"""


@pytest.mark.parametrize("viewport", [TABLET, PROJECTOR])
def test_toolbar_labels_are_whole_on_a_tablet_and_beside_an_open_sidebar(open_at, viewport):
    page = open_at(viewport)
    assert page.locator(".st-key-toolbar button").count() >= 5
    assert page.evaluate(CUT_LABELS) == []


def test_tablet_charts_side_by_side_are_readable(open_at):
    page = open_at(TABLET)
    charts = page.evaluate(CHART_BOXES)
    assert charts["boundary"]["plot"]["x"] > charts["network"]["plot"]["x"]  # two columns
    assert all(c["plot"]["w"] >= 300 for c in charts.values()), charts
    assert page.evaluate(SIDEBAR_RIGHT) <= 0  # the main column starts at the left edge
    assert charts["network"]["plot"]["x"] < 40


def _assert_presentation(page, viewport: dict) -> None:
    charts = page.evaluate(CHART_BOXES)
    assert set(charts) == {"network", "boundary", "loss"}
    for key in ("boundary", "loss"):
        assert charts[key]["tick"] >= 18, (key, charts[key])
    assert all(c["plot"]["bottom"] <= viewport["height"] for c in charts.values()), charts
    assert _square_ratio(page) == pytest.approx(1, rel=0.02)
    page.wait_for_function(f"() => ({SIDEBAR_RIGHT})() <= 0", timeout=TIMEOUT_MS)
    assert play_button(page).is_visible()  # the toolbar stays


@pytest.mark.parametrize("scale", [1, 1.5])
def test_presentation_mode_from_the_url(open_at, scale):
    page = open_at(PROJECTOR, "?present=true", scale)
    page.wait_for_function(IS_DRAWN, arg="boundary", timeout=TIMEOUT_MS)
    _assert_presentation(page, PROJECTOR)


def test_presentation_mode_from_its_toggle_and_back(open_at):
    page = open_at(PROJECTOR)
    assert page.evaluate(SIDEBAR_RIGHT) > 0  # open on a laptop-sized screen
    assert page.evaluate(CHART_BOXES)["boundary"]["tick"] < 18
    toggle = page.locator(".st-key-set_present label")
    toggle.click()
    _wait_for_present(page, True)
    page.wait_for_function(IS_DRAWN, arg="boundary", timeout=TIMEOUT_MS)
    _assert_presentation(page, PROJECTOR)
    assert "present=true" in page.url
    toggle.click()
    _wait_for_present(page, False)
    assert "present" not in page.url
    page.wait_for_function("() => document.querySelector('[data-chart=weights] .main-svg')")
    assert page.evaluate(CHART_BOXES)["boundary"]["tick"] < 18


def test_no_modebar_on_the_network_and_neutral_hover_boxes(open_at):
    page = open_at(LARGE)
    network = page.locator("[data-chart=network] .js-plotly-plot")
    network.hover()
    assert page.locator("[data-chart=network] .modebar").count() == 0
    boundary = page.locator("[data-chart=boundary] .js-plotly-plot")
    boundary.hover()
    page.wait_for_selector("[data-chart=boundary] .modebar", state="attached")
    # Hover a neuron: its hover box is white with dark text, not its trace's colour.
    page.mouse.move(*page.evaluate(FIRST_NEURON))
    label = page.wait_for_selector("[data-chart=network] .hoverlayer .hovertext path")
    assert label.evaluate("(el) => getComputedStyle(el).fill") == "rgb(255, 255, 255)"
