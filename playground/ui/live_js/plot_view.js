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
      config: CONFIG, painted: null, repaint: false, points: [] };
    // Counters for benchmarks and tests: figures received, figures drawn (also repaints of
    // their images and new loss points), pictures painted from the weights.
    plot.liveStats = { received: 0, drawn: 0, painted: 0 };
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

// Pictures painted in the browser (paint.js) stand in for the figure's images of those names.
function withPainted(view, layout) {
  if (!view.painted) return layout;
  for (const image of layout.images || []) {
    if (image.name in view.painted) image.source = view.painted[image.name];
  }
  return layout;
}

async function draw(Plotly, view, text) {
  try {
    const figure = JSON.parse(text);
    const layout = withPainted(view, layoutOf(figure));
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

// The shown figure's images with the painted pictures (and the layout filter) swapped in:
// Plotly.relayout of their sources only, well under a millisecond of Plotly's work.
async function repaint(Plotly, view) {
  const images = (view.plot.layout && view.plot.layout.images) || [];
  const layout = withPainted(view, { images: images.map((image) => ({ ...image })) });
  if (view.filter) view.filter(layout);
  const patch = {};
  layout.images.forEach((image, i) => {
    if (image.source !== images[i].source) patch[`images[${i}].source`] = image.source;
    if (image.opacity !== images[i].opacity) patch[`images[${i}].opacity`] = image.opacity;
  });
  if (Object.keys(patch).length) {
    await Plotly.relayout(view.plot, patch);
    view.plot.liveStats.drawn++;
  }
  view.plot.liveStats.painted++;
}

// A trace's x or y as a plain array (Plotly keeps a figure's base64 typed arrays as given).
const DTYPES = { f4: Float32Array, f8: Float64Array, i1: Int8Array, u1: Uint8Array,
  i2: Int16Array, u2: Uint16Array, i4: Int32Array, u4: Uint32Array };
function plain(values) {
  if (!values || values.bdata === undefined) return values || [];
  const bytes = Uint8Array.from(atob(values.bdata), (ch) => ch.charCodeAt(0));
  return Array.from(new DTYPES[values.dtype](bytes.buffer));
}

// Appends new loss points ({epoch, train, test}: the traces named train and test) after
// the last epoch shown; Plotly.react with the longer arrays (measured here: cheaper than
// Plotly.extendTraces, which redraws the same and checks more).
async function appendPoints(Plotly, view, batches) {
  const data = view.plot.data.map((trace) => ({ ...trace, x: plain(trace.x), y: plain(trace.y) }));
  const lastEpoch = () => Math.max(-Infinity, ...data.map((t) => (t.x.length ? t.x[t.x.length - 1] : -Infinity)));
  let added = false;
  for (const points of batches) {
    const after = lastEpoch();
    const fresh = points.epoch.map((epoch, i) => i).filter((i) => points.epoch[i] > after);
    if (!fresh.length) continue;
    for (const trace of data) {
      const values = points[trace.name];
      if (!values) continue;
      trace.x = trace.x.concat(fresh.map((i) => points.epoch[i]));
      trace.y = trace.y.concat(fresh.map((i) => values[i]));
    }
    added = true;
  }
  if (!added) return;
  await Plotly.react(view.plot, data, view.plot.layout, view.config);
  view.plot.liveStats.drawn++;
}

// Draws only the newest wanted figure: frames that arrive while Plotly is busy are skipped,
// and a figure already shown (or one that just failed) is not drawn again. Then the
// pictures painted since, then the loss points that came since.
async function drain(view) {
  try {
    const Plotly = await loadPlotly();
    if (!view.resize) watchSize(Plotly, view);
    for (;;) {
      if (view.wanted !== view.shown && view.wanted !== view.failed) {
        view.repaint = false; // drawn with the newest pictures
        await draw(Plotly, view, view.wanted);
      } else if (view.repaint && view.drawn) {
        view.repaint = false;
        await repaint(Plotly, view);
      } else if (view.points.length && view.drawn) {
        await appendPoints(Plotly, view, view.points.splice(0));
      } else {
        break;
      }
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

// Pictures computed in the browser (name -> data URL, see paint.js) for the chart's layout
// images of those names, from now on; null: the figures' own images again.
export function paint(host, pictures) {
  const view = viewFor(host);
  view.painted = pictures;
  if (!pictures) return view.drawing || Promise.resolve();
  view.repaint = true;
  if (!view.drawing) view.drawing = drain(view);
  return view.drawing;
}

// New points for the loss chart ({epoch, train, test}), appended after what it shows.
export function extend(host, points) {
  const view = viewFor(host);
  view.points.push(points);
  if (view.points.length > 60) view.points.splice(0, view.points.length - 60);
  if (!view.drawing) view.drawing = drain(view);
  return view.drawing;
}
