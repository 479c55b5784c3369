// One Plotly chart updated in place: Plotly.newPlot once, then Plotly.react on the same div
// (no blank frame, the user's zoom kept), or Plotly.relayout when only image pixels changed.
const PLOTLY_URL = "app/static/plotly.min.js";
// The modebar keeps the buttons a student uses (zoom, pan, back to the full view, save).
const CONFIG = {
  displaylogo: false,
  responsive: true,
  modeBarButtonsToRemove: ["select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d"],
};
const views = new WeakMap();

function loadPlotly() {
  // Always our own copy, captured once at load and shared through window (a second copy of
  // this module must not reload it). st.plotly_chart's bundle may also set window.Plotly.
  if (!window.__livePlotlyLoad) {
    window.__livePlotlyLoad = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(PLOTLY_URL, document.baseURI).href;
      const fail = () => reject(new Error("could not load plotly.js from " + script.src +
        " (is server.enableStaticServing true and static/plotly.min.js present?)"));
      // A disabled static route answers with the HTML page: loads, but defines no Plotly.
      script.onload = () => (window.Plotly ? resolve(window.Plotly) : fail());
      script.onerror = fail;
      document.head.appendChild(script);
    });
  }
  return window.__livePlotlyLoad;
}

export function viewFor(parent) {
  let view = views.get(parent);
  if (!view) {
    const plot = document.createElement("div");
    plot.className = "live-chart-plot";
    const error = document.createElement("div");
    error.className = "live-chart-error";
    error.hidden = true;
    parent.style.position = "relative";
    parent.append(plot, error);
    view = { plot, error, wanted: null, shown: null, failed: null, drawing: null, drawn: false,
      config: CONFIG };
    // Counters for benchmarks and tests: figures received, figures drawn.
    plot.liveStats = { received: 0, drawn: 0 };
    views.set(parent, view);
  }
  return view;
}

function showError(view, err) {
  console.error("live_chart:", err);
  view.error.textContent = "Chart error: " + (err && err.message ? err.message : String(err));
  view.error.hidden = false;
}

function layoutOf(figure) {
  const layout = figure.layout || {};
  // The element's height and the container's width rule; a constant uirevision keeps zoom.
  delete layout.width;
  delete layout.height;
  layout.autosize = true;
  if (layout.uirevision === undefined) layout.uirevision = "live";
  return layout;
}

// The figure without its images' pixels: when only those changed since the last draw (a
// decision boundary while training), swapping the image sources with Plotly.relayout costs
// well under a millisecond, where Plotly.react re-plots every trace (~20 ms measured).
function shapeKey(figure, layout) {
  const noPixels = (key, value) => (key === "source" ? null : value);
  return JSON.stringify(figure.data || []) + JSON.stringify(layout, noPixels);
}

function imageSources(layout) {
  const sources = {};
  (layout.images || []).forEach((image, i) => { sources[`images[${i}].source`] = image.source; });
  return sources;
}

async function draw(Plotly, view, text) {
  try {
    const figure = JSON.parse(text);
    const layout = layoutOf(figure);
    if (view.filter) view.filter(layout);
    const key = shapeKey(figure, layout);
    if (view.drawn && key === view.shapeKey) {
      await Plotly.relayout(view.plot, imageSources(layout));
    } else {
      const plotFn = view.drawn ? Plotly.react : Plotly.newPlot;
      await plotFn(view.plot, figure.data || [], layout, view.config);
    }
    view.shapeKey = key;
    view.drawn = true;
    view.shown = text;
    view.plot.liveStats.drawn++;
    view.error.hidden = true;
  } catch (err) {
    view.failed = text;
    showError(view, err);
  }
}

function watchSize(Plotly, view) {
  // responsive:true only follows window resizes; the column can change width on its own.
  view.resize = new ResizeObserver(() => view.drawn && Plotly.Plots.resize(view.plot));
  view.resize.observe(view.plot);
}

// Draws only the newest wanted figure: frames that arrive while Plotly is busy are skipped,
// and a figure already shown (or one that just failed) is not drawn again.
async function drain(view) {
  try {
    const Plotly = await loadPlotly();
    if (!view.resize) watchSize(Plotly, view);
    while (view.wanted !== view.shown && view.wanted !== view.failed) {
      await draw(Plotly, view, view.wanted);
    }
  } catch (err) {
    showError(view, err);
  } finally {
    view.drawing = null;
  }
}

export function dispose(host) {
  const view = views.get(host);
  if (!view) return;
  if (view.resize) view.resize.disconnect();
  if (view.drawn) window.__livePlotlyLoad.then((Plotly) => Plotly.purge(view.plot));
  views.delete(host);
}

// A function that edits every layout of this chart before it is drawn (null: none), e.g.
// the output chart showing a hovered neuron's image; redraw applies it to the figure shown.
export function setLayoutFilter(host, filter) {
  viewFor(host).filter = filter;
}

export function redraw(host) {
  const view = views.get(host);
  if (!view || !view.wanted) return;
  view.shown = null;
  view.failed = null;
  if (!view.drawing) view.drawing = drain(view);
}

// Draws `text` in the chart of `host` (or keeps what it shows for an empty text); returns a
// promise that settles when this chart has nothing left to draw. `config`: Plotly config
// entries over CONFIG (e.g. displayModeBar), used from the next drawing on.
export function update(host, text, config) {
  const view = viewFor(host);
  if (config) view.config = { ...CONFIG, ...config };
  if (!text) return view.drawing || Promise.resolve();
  view.wanted = text;
  view.plot.liveStats.received++;
  if (!view.drawing) view.drawing = drain(view);
  return view.drawing;
}
