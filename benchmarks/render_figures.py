"""Render the figures to PNG in headless Chromium, to look at them (no kaleido needed).

Run: python -m benchmarks.render_figures [out_dir]   (default /tmp/playground_figures)
Each figure goes into a tiny HTML page with plotly.min.js inlined from the installed plotly
package, drawn with Plotly.newPlot, and screenshotted with Playwright + /usr/bin/chromium.
"""

import json
import sys
from pathlib import Path

import numpy as np
import plotly

from benchmarks.figures import default_inputs, digits_figures, live_figures
from playground import plots
from playground.plots.serialize import figure_json

CHROMIUM = "/usr/bin/chromium"
WIDTH = 560
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def page_html(figure_text: str) -> str:
    """A page that draws one figure (its JSON text) into #chart."""
    return (
        "<html><head><meta charset='utf-8'><script>"
        + PLOTLY_JS.read_text()
        + f"</script></head><body style='margin:0;width:{WIDTH}px'><div id='chart'></div>"
        + f"<script>{{const f = {figure_text};"
        + "Plotly.newPlot('chart', f.data, f.layout)"
        + ".then(() => document.body.setAttribute('data-ready', '1'));}</script></body></html>"
    )


def extra_figures() -> dict:
    """Views beyond the live defaults: multiclass, regression, discretized, a wide network."""
    rng = np.random.default_rng(1)
    grid = np.linspace(-6, 6, 100)
    gx, gy = np.meshgrid(grid, grid)
    logits = np.stack([-gx, gx * 0.5 + gy, gy * -1.2 + 0.3 * gx], -1)
    probs = np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)
    xy = rng.uniform(-5, 5, (150, 2))
    labels = np.stack(
        [-xy[:, 0], xy[:, 0] * 0.5 + xy[:, 1], -1.2 * xy[:, 1] + 0.3 * xy[:, 0]]
    ).argmax(0)
    names = ["Adelie", "Chinstrap", "Gentoo"]
    targets = np.tanh((xy[:, 0] + xy[:, 1]) / 6)
    inputs = default_inputs()
    sizes = [64, 16, 10]
    return {
        "multiclass": plots.boundary_figure(
            grid,
            grid,
            probs,
            "multiclass",
            xy,
            labels,
            class_names=names,
            x_name="bill (mm)",
            y_name="flipper (mm)",
        ),
        "discretized": plots.boundary_figure(
            grid,
            grid,
            inputs["probability"],
            "binary",
            inputs["xy"][:250],
            inputs["labels"][:250],
            discretize=True,
        ),
        "regression": plots.boundary_figure(
            grid, grid, np.tanh((gx + gy) / 6), "regression", xy, targets
        ),
        "wide_network": plots.network_figure(
            sizes,
            [[f"p{i}" for i in range(s)] for s in sizes],
            [None, None, None],
            [rng.normal(0, 0.5, (a, b)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)],
            [np.zeros(s) for s in sizes[1:]],
            ["relu", "softmax"],
        ),
    }


def render(figures: dict, out_dir: Path) -> list[Path]:
    """Screenshot each figure into out_dir/<name>.png; returns the paths."""
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": WIDTH, "height": 900})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        for name, fig in figures.items():
            page.set_content(page_html(figure_json(fig)))
            page.wait_for_function("document.body.dataset.ready === '1'", timeout=10_000)
            path = out_dir / f"{name}.png"
            page.locator("#chart .svg-container").screenshot(path=str(path))
            paths.append(path)
        browser.close()
    if errors:
        raise RuntimeError(f"page errors: {json.dumps(errors)}")
    return paths


def main() -> None:
    """Render the live figures at the defaults, the digits views and a few variants."""
    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/playground_figures")
    figures = {**live_figures(default_inputs()), **digits_figures(), **extra_figures()}
    for path in render(figures, out_dir):
        print(path)


if __name__ == "__main__":
    main()
