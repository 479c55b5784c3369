"""'How it learns' in Chromium: the maths is typeset, and applying the step (or a weight
typed in by hand) redraws the decision boundary."""

from __future__ import annotations

from tests.e2e.test_page import BOUNDARY_SIGNATURE, TIMEOUT_MS, open_app, wait_or_fail

CHANGED = "(old) => { const im = document.querySelector('[data-chart=boundary] .js-plotly-plot image'); return im && im.getAttribute('href') !== old; }"  # noqa: E501


def test_the_step_is_typeset_and_applying_it_moves_the_boundary(new_page, playground_url):
    page = open_app(new_page, playground_url, "?learning_rate=3")  # one step you can see
    page.locator(".st-key-learn_open label").click()
    page.get_by_role("tab", name="2 Layers").click()
    page.wait_for_selector(".katex", timeout=TIMEOUT_MS)
    assert page.locator(".katex-error").count() == 0  # KaTeX parsed every formula
    assert page.locator(".katex:visible").count() >= 10  # 2-4-2-1: every neuron
    before = page.evaluate(BOUNDARY_SIGNATURE)
    page.get_by_role("tab", name="7 Apply").click()
    page.locator(".st-key-learn_apply button").click()
    wait_or_fail(page, CHANGED, before, "the boundary was not redrawn after the step")
    wait_or_fail(
        page,
        "() => document.body.innerText.includes('fell')",
        None,
        "the sample's loss before -> after was not shown",
    )
    assert page.locator("[data-testid=stException]").count() == 0


# A training point of the boundary chart well away from every other point (so a click
# lands on it and nothing else): its row, class name and position on the screen.
LONE_TRAINING_POINT = """
() => {
  const gd = document.querySelector("[data-chart=boundary] .js-plotly-plot");
  const full = gd._fullLayout, box = gd.getBoundingClientRect();
  const points = [];
  gd._fullData.forEach((trace) => {
    if (trace.type !== "scatter") return;
    for (let i = 0; i < trace.x.length; i++) {
      points.push({ split: trace.legendgroup, name: trace.name, row: trace.customdata[i],
        px: full.xaxis.l2p(trace.x[i]) + full.xaxis._offset,
        py: full.yaxis.l2p(trace.y[i]) + full.yaxis._offset });
    }
  });
  let best = null, bestGap = -1;
  for (const p of points) {
    if (p.split !== "train" || p.row === 0) continue;
    let gap = Infinity;
    for (const q of points) if (q !== p) gap = Math.min(gap, Math.hypot(p.px - q.px, p.py - q.py));
    if (gap > bestGap) { best = p; bestGap = gap; }
  }
  return { ...best, x: box.left + best.px, y: box.top + best.py, gap: bestGap };
}
"""


def test_a_click_on_a_training_point_picks_its_row(new_page, playground_url):
    page = open_app(new_page, playground_url)
    page.locator(".st-key-learn_open label").click()
    row_input = page.locator(".st-key-learn_row input")
    row_input.wait_for(timeout=TIMEOUT_MS)
    assert row_input.input_value() == "0"
    page.locator("[data-chart=boundary]").scroll_into_view_if_needed()
    point = page.evaluate(LONE_TRAINING_POINT)
    assert point["gap"] > 8  # a click on it cannot reach another point
    page.mouse.move(point["x"], point["y"])
    page.mouse.click(point["x"], point["y"])
    wait_or_fail(
        page,
        "(row) => document.querySelector('.st-key-learn_row input').value === String(row)",
        point["row"],
        "the panel did not pick the clicked point's row",
    )
    class_name = point["name"].removesuffix(" (train)")
    wait_or_fail(
        page,
        "(text) => document.body.innerText.includes(text)",
        f"Known answer y: class {class_name}",
        "the panel does not show the clicked row's known answer",
    )
    assert page.get_by_role("radio", name="training rows").is_checked()
    assert page.locator("[data-testid=stException]").count() == 0


# The network view's link hover texts (the markers trace that carries them) and the
# gradient-norm chart's number of records, as the browser draws them now.
LINK_TEXTS = """
() => {
  const gd = document.querySelector("[data-chart=network] .js-plotly-plot");
  if (!gd || !gd.data) return [];
  const trace = gd.data.find((t) => t.mode === "markers" && Array.isArray(t.text));
  return trace ? trace.text.slice(0, 3) : [];
}
"""
NORM_RECORDS = """
() => {
  const gd = document.querySelector("[data-chart=grad_norms] .js-plotly-plot");
  if (!gd || !gd._fullData || !gd._fullData.length) return 0;
  return gd._fullData[0].x.length;  // decoded (gd.data holds the base64 the server sent)
}
"""


def test_while_playing_the_links_show_the_next_batchs_gradient_and_the_norms_grow(
    new_page, playground_url
):
    page = open_app(new_page, playground_url, "?max_epochs=0")
    page.locator(".st-key-learn_open label").click()
    page.locator(".st-key-learn_links label").click()
    page.get_by_text("the trainer's next mini-batch").click()
    wait_or_fail(page, f"() => ({LINK_TEXTS})().some((t) => t.startsWith('∂L/∂w'))", None,
                 "the links do not show ∂L/∂w")  # fmt: skip
    page.locator(".st-key-play button").first.click()
    wait_or_fail(page, f"() => ({NORM_RECORDS})() >= 3", None,
                 "the gradient-norm chart did not appear and grow while playing")  # fmt: skip
    grown = page.evaluate(NORM_RECORDS)
    wait_or_fail(page, f"(n) => ({NORM_RECORDS})() > n", grown,
                 "the gradient-norm chart stopped growing while playing")  # fmt: skip
    assert any(t.startswith("∂L/∂w") for t in page.evaluate(LINK_TEXTS))  # still, playing
    page.locator(".st-key-play button").first.click()  # pause
    assert page.locator("[data-testid=stException]").count() == 0


def test_the_autoencoders_panel_fills_from_a_clicked_digit_and_its_step_is_applied(
    new_page, playground_url
):
    page = new_page()
    page.goto(f"{playground_url}/autoencoder")
    page.locator(".st-key-learn_open label").click()
    page.locator(".st-key-learn_digit_3 button").click()
    wait_or_fail(page, "() => document.querySelector('.st-key-learn_row input')?.value === '3'",
                 None, "the clicked digit is not the sample")  # fmt: skip
    page.get_by_role("tab", name="3 Prediction").click()
    wait_or_fail(page, "() => document.body.innerText.includes('its copy ŷ')", None,
                 "the prediction does not show the copy beside the input")  # fmt: skip
    page.get_by_role("tab", name="5 Backprop").click()
    page.wait_for_selector(".katex:visible", timeout=TIMEOUT_MS)
    assert page.locator(".katex-error").count() == 0
    page.get_by_role("tab", name="7 Apply").click()
    page.locator(".st-key-learn_apply button").click()
    wait_or_fail(page, "() => document.body.innerText.includes('fell')", None,
                 "the sample's loss before -> after was not shown")  # fmt: skip
    page.locator(".st-key-step button").first.click()  # an epoch: the norms have a record
    wait_or_fail(page, f"() => ({NORM_RECORDS})() >= 1", None,
                 "the gradient-norm chart is not among the autoencoder's views")  # fmt: skip
    assert page.locator("[data-chart=weights] .js-plotly-plot").count() == 1
    assert page.locator("[data-testid=stException]").count() == 0


# The link marker of the network view farthest from every other marker (so a click lands
# on it): its weight [layer, from, to] and its position on the screen.
LONE_LINK = """
() => {
  const gd = document.querySelector("[data-chart=network] .js-plotly-plot");
  const full = gd._fullLayout, box = gd.getBoundingClientRect();
  const points = [];
  gd._fullData.forEach((trace) => {
    if (trace.mode !== "markers" || !trace.x) return;
    const xa = full[trace.xaxis.replace("x", "xaxis")];
    const ya = full[trace.yaxis.replace("y", "yaxis")];
    for (let i = 0; i < trace.x.length; i++) {
      points.push({ link: trace.legendgroup === "link" ? trace.customdata[i] : null,
        px: xa.l2p(trace.x[i]) + xa._offset, py: ya.l2p(trace.y[i]) + ya._offset });
    }
  });
  let best = null, bestGap = -1;
  for (const p of points) {
    if (!p.link || p.link[0] === 0) continue;
    let gap = Infinity;
    for (const q of points) if (q !== p) gap = Math.min(gap, Math.hypot(p.px - q.px, p.py - q.py));
    if (gap > bestGap) { best = p; bestGap = gap; }
  }
  return { ...best, x: box.left + best.px, y: box.top + best.py, gap: bestGap };
}
"""


def test_a_click_on_a_link_makes_its_weight_the_one_the_panel_follows(new_page, playground_url):
    page = open_app(new_page, playground_url)
    page.locator(".st-key-learn_open label").click()
    page.locator(".st-key-learn_layer input").wait_for(timeout=TIMEOUT_MS)
    page.locator("[data-chart=network]").scroll_into_view_if_needed()
    link = page.evaluate(LONE_LINK)
    assert link["gap"] > 6
    page.mouse.move(link["x"], link["y"])
    page.mouse.click(link["x"], link["y"])
    layer, source, target = link["link"]
    wanted = [str(layer + 1), str(source + 1), str(target + 1)]
    wait_or_fail(
        page,
        "(w) => ['layer', 'from', 'to'].every((k, i) => "
        "document.querySelector(`.st-key-learn_${k} input`).value === w[i])",
        wanted,
        "the clicked link's weight is not the one the panel follows",
    )
    assert page.locator("[data-testid=stException]").count() == 0


# The centre of the network view's second hidden neuron of the last hidden layer: its
# bias cell [layer, neuron] (the neuron trace's 4th customdata) and its position.
A_NEURON = """
() => {
  const gd = document.querySelector("[data-chart=network] .js-plotly-plot");
  const full = gd._fullLayout, box = gd.getBoundingClientRect();
  const trace = gd._fullData.find((t) => t.name === "neurons");
  const xa = full[trace.xaxis.replace("x", "xaxis")], ya = full[trace.yaxis.replace("y", "yaxis")];
  const i = trace.customdata.findIndex((c) => Array.isArray(c[3]) && c[3].join() === "1,1");
  return { bias: trace.customdata[i][3], x: box.left + xa.l2p(trace.x[i]) + xa._offset,
           y: box.top + ya.l2p(trace.y[i]) + ya._offset };
}
"""


def test_a_click_on_a_neuron_makes_its_bias_the_one_the_panel_follows(new_page, playground_url):
    page = open_app(new_page, playground_url)
    page.locator(".st-key-learn_open label").click()
    page.locator(".st-key-learn_layer input").wait_for(timeout=TIMEOUT_MS)
    page.locator("[data-chart=network]").scroll_into_view_if_needed()
    neuron = page.evaluate(A_NEURON)
    assert neuron["bias"] == [1, 1]  # the default 2-4-2-1: layer 2's second neuron
    page.mouse.move(neuron["x"], neuron["y"])
    page.mouse.click(neuron["x"], neuron["y"])
    wait_or_fail(
        page,
        "(w) => ['layer', 'from', 'to'].every((k, i) => "
        "document.querySelector(`.st-key-learn_${k} input`).value === w[i])",
        ["2", "0", "2"],  # "from neuron 0" is the bias
        "the clicked neuron's bias is not the one the panel follows",
    )
    assert page.locator("[data-testid=stException]").count() == 0
