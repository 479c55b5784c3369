"""Ways to put a browser-computed picture on a live chart, timed in Chromium:
`python -m benchmarks.paint_paths`.

Draws the defaults' output, network and loss figures (as the page does) in a blank page
with this project's plotly.min.js, then times, per update (mean of 60, each followed by an
animation frame): encoding a canvas as a PNG data URL (100x100, 20x20); swapping the output
chart's layout image for it with Plotly.relayout; the network's neuron images the same way;
drawing the 100x100 canvas scaled onto a canvas laid under the chart (what a canvas layer
would cost, before handling zoom, pan and clipping itself); and new loss points with
Plotly.extendTraces against Plotly.react on the longer arrays.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from playground import config
from playground.labs.classify.session import Playground
from playground.live.figures import live_specs
from playground.plots import figure_json
from playground.ui.live_chart import PLOTLY_JS_SOURCE

TIMED = r"""
async () => {
  const out = {};
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const plain = (v) => {
    if (!v || v.bdata === undefined) return v;
    const bytes = Uint8Array.from(atob(v.bdata), (c) => c.charCodeAt(0));
    const T = { f4: Float32Array, i4: Int32Array, f8: Float64Array }[v.dtype];
    return Array.from(new T(bytes.buffer));
  };
  for (const t of FIGS.loss.data) { t.x = plain(t.x); t.y = plain(t.y); }
  const [B, N, L] = ["b", "n", "l"].map((id) => document.getElementById(id));
  await Plotly.newPlot(B, FIGS.boundary.data, FIGS.boundary.layout);
  await Plotly.newPlot(N, FIGS.network.data, FIGS.network.layout);
  await Plotly.newPlot(L, FIGS.loss.data, FIGS.loss.layout);
  const canvasOf = (size) => {
    const canvas = Object.assign(document.createElement("canvas"), { width: size, height: size });
    const context = canvas.getContext("2d");
    return { canvas, context, image: context.createImageData(size, size) };
  };
  const fill = (c, k) => {
    for (let i = 0; i < c.image.data.length; i++) c.image.data[i] = (i * k) & 255;
    c.context.putImageData(c.image, 0, 0);
  };
  const big = canvasOf(100), small = canvasOf(20), n = 60;
  const time = async (name, step) => {
    let total = 0;
    for (let k = 0; k < n; k++) {
      const t0 = performance.now();
      await step(k);
      total += performance.now() - t0;
      await frame();
    }
    out[name] = total / n;
  };
  await time("PNG data URL of a 100x100 canvas", (k) => { fill(big, k); big.canvas.toDataURL(); });
  await time("PNG data URL of a 20x20 canvas", (k) => {
    fill(small, k);
    small.canvas.toDataURL();
  });
  await time("output chart: Plotly.relayout of its image", (k) => {
    fill(big, k * 7);
    return Plotly.relayout(B, { "images[0].source": big.canvas.toDataURL() });
  });
  const names = FIGS.network.layout.images.map((im, i) => [im.name, i]).filter(([name]) => name);
  await time(`network: Plotly.relayout of its ${names.length} neuron images`, (k) => {
    const patch = {};
    for (const [, i] of names) {
      fill(small, k + i);
      patch[`images[${i}].source`] = small.canvas.toDataURL();
    }
    return Plotly.relayout(N, patch);
  });
  const layer = Object.assign(document.createElement("canvas"), { width: 400, height: 400 });
  document.body.append(layer);
  const layerContext = layer.getContext("2d");
  layerContext.imageSmoothingEnabled = false;
  await time("a canvas layer: drawImage of the 100x100 canvas at 400x400", (k) => {
    fill(big, k * 3);
    layerContext.drawImage(big.canvas, 0, 0, 400, 400);
  });
  let last = Math.max(...FIGS.loss.data[0].x);
  await time("loss: Plotly.extendTraces with 4 new points", () => {
    const xs = [1, 2, 3, 4].map((d) => last + d);
    last += 4;
    const ys = [xs.map(Math.random), xs.map(Math.random)];
    return Plotly.extendTraces(L, { x: [xs, xs], y: ys }, [0, 1]);
  });
  await time("loss: Plotly.react with 4 points more", () => {
    const data = L.data.map((t) => {
      const xs = [1, 2, 3, 4].map((d) => last + d);
      return { ...t, x: t.x.concat(xs), y: t.y.concat(xs.map(Math.random)) };
    });
    last += 4;
    return Plotly.react(L, data, L.layout);
  });
  return out;
}
"""

PAGE = """<!doctype html><html><body>
<div id=b style="width:480px;height:480px"></div><div id=n style="width:560px;height:380px"></div>
<div id=l style="width:480px;height:220px"></div>
<script src=plotly.min.js></script><script src=figures.js></script></body></html>"""


def main() -> None:
    """Write the page and figures to a temporary folder, time each path, print a table."""
    from playwright.sync_api import sync_playwright

    pg = Playground(config.defaults())
    pg.trainer.run_epochs(200)
    specs = live_specs(pg.snapshot(), pg.settings)
    figures = {key: json.loads(figure_json(specs[key])) for key in ("boundary", "network", "loss")}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "plotly.min.js").write_bytes(PLOTLY_JS_SOURCE.read_bytes())
        (folder / "figures.js").write_text("window.FIGS = " + json.dumps(figures) + ";")
        (folder / "index.html").write_text(PAGE)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            page.goto((folder / "index.html").as_uri())
            result = page.evaluate(TIMED)
            browser.close()
    print("| per update | ms |\n|---|---:|")
    for name, ms in result.items():
        print(f"| {name} | {ms:.2f} |")


if __name__ == "__main__":
    main()
