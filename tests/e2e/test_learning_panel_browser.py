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
