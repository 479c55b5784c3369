"""The network view in Chromium: a hovered neuron shows large on the output chart, and the
diagram edits the network (- / + over a layer, a click on an input feature) through the
server's settings path, so the URL follows.

The mouse is moved onto positions computed from the drawn figure (Plotly's own axis
mapping), not onto guessed pixels. Waits are wait_for_function with timeouts, no sleeps.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from tests.e2e.test_page import TIMEOUT_MS, exception_count, open_app, wait_or_fail

NETWORK = "[data-chart=network] .js-plotly-plot"
BOUNDARY = "[data-chart=boundary] .js-plotly-plot"

# Page position (x, y) of point `i` of the network's neuron hover trace.
NEURON_POSITION = f"""
(i) => {{
  const gd = document.querySelector("{NETWORK}");
  const trace = gd.data.find((t) => t.name === "neurons");
  const fl = gd._fullLayout, box = gd.getBoundingClientRect();
  return [box.left + fl.xaxis._offset + fl.xaxis.l2p(trace.x[i]),
          box.top + fl.yaxis._offset + fl.yaxis.l2p(trace.y[i])];
}}
"""

# The neuron trace's customdata [image index, name, payload] of every point.
NEURON_DATA = f"""() => document.querySelector("{NETWORK}").data
  .find((t) => t.name === "neurons").customdata"""

# Source of the output chart's background image, and of network image `i`.
BOUNDARY_IMAGE = f"""() => document.querySelector("{BOUNDARY}").layout.images[0].source"""
NETWORK_IMAGE = f"""(i) => document.querySelector("{NETWORK}").layout.images[i].source"""

# Centre (x, y) on the page of the annotation whose edit payload (name) is the argument.
ANNOTATION_CENTRE = f"""
(name) => {{
  const gd = document.querySelector("{NETWORK}");
  const i = gd.layout.annotations.findIndex((a) => a.name === name);
  const el = i < 0 ? null : gd.querySelector(`.annotation[data-index="${{i}}"] rect`);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
}}
"""


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _neuron_index(page, name: str) -> int:
    names = [data[1] for data in page.evaluate(NEURON_DATA)]
    return names.index(name)


def test_hovering_a_neuron_shows_its_image_on_the_output_chart(new_page, playground_url):
    page = open_app(new_page, playground_url)
    own = page.evaluate(BOUNDARY_IMAGE)
    point = _neuron_index(page, "neuron 1.1")
    image = page.evaluate(NEURON_DATA)[point][0]
    assert image >= 0
    x, y = page.evaluate(NEURON_POSITION, point)
    page.mouse.move(x, y)
    wait_or_fail(
        page,
        f"(i) => ({BOUNDARY_IMAGE})() === ({NETWORK_IMAGE})(i)",
        image,
        why="the output chart did not show the hovered neuron's image",
    )
    title = page.locator("[data-chart=boundary] .live-slot-title").inner_text()
    assert "neuron 1.1" in title
    page.mouse.move(x, y - 400)  # off the diagram: the output comes back
    wait_or_fail(
        page,
        f"(own) => ({BOUNDARY_IMAGE})() === own",
        own,
        why="the output chart did not go back to the network's output after the hover",
    )
    assert "neuron 1.1" not in page.locator("[data-chart=boundary] .live-slot-title").inner_text()
    assert exception_count(page) == 0


def test_plus_over_a_layer_adds_a_neuron_and_the_url_follows(new_page, playground_url):
    page = open_app(new_page, playground_url)
    target = '{"hidden":[5,2]}'
    centre = page.evaluate(ANNOTATION_CENTRE, target)
    assert centre, "no + control over the first hidden layer"
    page.mouse.click(*centre)
    page.wait_for_url("**hidden=5%2C2**", timeout=TIMEOUT_MS)
    wait_or_fail(
        page,
        f"() => ({NEURON_DATA})().filter((d) => d[1].startsWith('neuron 1.')).length === 5",
        why="the network view did not redraw with 5 neurons in the first layer",
    )
    assert _query(page)["hidden"] == ["5,2"]
    assert exception_count(page) == 0


def test_clicking_an_unused_input_feature_turns_it_on(new_page, playground_url):
    page = open_app(new_page, playground_url)
    point = _neuron_index(page, "x₁²")
    x, y = page.evaluate(NEURON_POSITION, point)
    page.mouse.click(x, y)
    page.wait_for_url("**features=**", timeout=TIMEOUT_MS)
    assert _query(page)["features"] == ["x1,x2,x1^2"]
    wait_or_fail(
        page,
        f"() => ({NEURON_DATA})().some((d) => d[1] === 'x₁²' && d[2].includes('\"x1\",\"x2\"]'))",
        why="the redrawn diagram does not offer to turn x1^2 off again",
    )
    wait_or_fail(
        page,
        "() => document.querySelector('[class*=st-key-set_features]').innerText.includes('x₁²')",
        why="the sidebar's input features did not follow the click on the diagram",
    )
    assert exception_count(page) == 0


def test_the_add_a_layer_plus_is_not_under_the_chart_toolbar(new_page, playground_url):
    # With no hidden layer the layer count's + sits at the top right, where Plotly's toolbar
    # appears while the mouse is on the chart (it takes clicks even while fading in).
    page = open_app(new_page, playground_url, "?hidden=")
    centre = page.evaluate(ANNOTATION_CENTRE, '{"hidden":[4]}')
    assert centre, "no + control by the layer count"
    page.mouse.move(*centre)
    covered = "([x, y]) => !!document.elementFromPoint(x, y).closest('.modebar-container')"
    assert not page.evaluate(covered, centre), "the chart toolbar covers the + control"
    page.mouse.click(*centre)
    page.wait_for_url("**hidden=4**", timeout=TIMEOUT_MS)
    assert exception_count(page) == 0


# Names of the output chart's legend entries that Plotly's toolbar covers at their centre.
LEGEND_UNDER_TOOLBAR = f"""() => [...document.querySelectorAll("{BOUNDARY} .legend .traces")]
  .filter((entry) => {{
    const r = entry.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit && hit.closest(".modebar-container");
  }}).map((entry) => entry.textContent)"""


# True when the output chart's toolbar buttons are drawn inside the chart (not moved off it).
TOOLBAR_INSIDE = f"""() => {{
  const chart = document.querySelector("{BOUNDARY}").getBoundingClientRect();
  const buttons = [...document.querySelectorAll("{BOUNDARY} .modebar-btn")];
  return buttons.length > 0 && buttons.every((button) => {{
    const r = button.getBoundingClientRect();
    return r.height > 0 && r.top >= chart.top && r.bottom <= chart.bottom
      && r.left >= chart.left && r.right <= chart.right;
  }});
}}"""


def test_the_output_legend_is_not_under_the_chart_toolbar(new_page, playground_url):
    # Penguins' species legend runs along the top of the output chart, where Plotly's toolbar
    # appeared while the mouse was on the chart, covering 'Gentoo' and catching its clicks.
    page = open_app(new_page, playground_url, "?dataset=penguins")
    box = page.locator(BOUNDARY).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.locator(f"{BOUNDARY} .legend .traces").count() == 3
    assert page.evaluate(LEGEND_UNDER_TOOLBAR) == []
    assert page.evaluate(TOOLBAR_INSIDE), "the toolbar is not drawn inside the output chart"
