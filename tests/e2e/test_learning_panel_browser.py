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
