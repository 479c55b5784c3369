// One Plotly chart updated in place: Plotly.newPlot once, then Plotly.react on the same div
// (no blank frame, the user's zoom kept), or Plotly.relayout when only image pixels changed.
import { downloadButton } from "./export.js";
import { extendLoss, lossLayout, lossState, showTail } from "./loss_tail.js";
import { hide, overlayFor, show } from "./overlay.js";

const PLOTLY_URL = "app/static/plotly.min.js";
// Filled once plotly.js is loaded (the button's icon is Plotly's): one array for every
// config, so Plotly.react never sees a changed config (that would re-plot the chart).
const ADDED_BUTTONS = [];
// The modebar keeps the buttons a student uses (zoom, pan, back to the full view, save);
// its save button is export.js's, which keeps the pictures painted in the browser.
const CONFIG = {
  displaylogo: false,
  responsive: true,
  modeBarButtonsToRemove: ["select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "toImage"],
  modeBarButtonsToAdd: ADDED_BUTTONS,
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
  return window.__livePlotlyLoad.then((Plotly) => {
    if (!ADDED_BUTTONS.length) ADDED_BUTTONS.push(downloadButton(Plotly));
    return Plotly;
  });
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

// The sources of `layout`'s images that differ from those `shown` (none for a painted name).
function imageSources(layout, shown, painted) {
  const sources = {};
  const before = (shown && shown.images) || [];
  (layout.images || []).forEach((image, i) => {
    if (painted && image.name in painted) return;
    if (!before[i] || before[i].source !== image.source) sources[`images[${i}].source`] = image.source;
  });
  return sources;
}

const CLEAR = "rgba(0,0,0,0)";

// While pictures are painted in the browser (paint.js: name -> canvas), the figure's images
// of those names are hidden and its backgrounds transparent: the pictures show on the
// overlay canvas behind the svg (overlay.js), in the figure's own colours.
function withPainted(view, layout) {
  if (!view.painted) return layout;
  if (!view.colours) {
    const full = view.plot._fullLayout || {};
    view.colours = { paper: full.paper_bgcolor || layout.paper_bgcolor || "white",
      plot: full.plot_bgcolor || layout.plot_bgcolor || "white" };
  }
  layout.paper_bgcolor = layout.plot_bgcolor = CLEAR;
  for (const image of layout.images || []) {
    if (image.name in view.painted) image.visible = false;
  }
  return layout;
}

// The overlay's items: the shown images (through the layout filter, e.g. a hovered
// neuron's picture on the output chart) that are painted, or whose picture the filter
// changed (a figure's own image then drawn on the canvas from its data URL).
function overlayItems(view) {
  const images = (view.plot.layout && view.plot.layout.images) || [];
  const layout = { images: images.map((image) => ({ ...image })) };
  if (view.filter) view.filter(layout);
  const items = [];
  layout.images.forEach((image, i) => {
    const picture = view.painted[image.name];
    if (!picture && image.source === images[i].source) return;
    items.push({ name: image.name, picture, source: image.source, x: +image.x, y: +image.y, sizex: +image.sizex,
      sizey: +image.sizey, opacity: image.opacity === undefined ? 1 : image.opacity });
  });
  return items;
}

// The overlay shows the newest pictures (painting), or is hidden after the figure's own
// images are back (not painting). Returns a promise while Plotly must change the figure.
function showPictures(Plotly, view) {
  const overlay = overlayFor(view.plot);
  if (view.painted) {
    overlay.background = view.colours ? view.colours.plot : "white";
    view.plot.style.background = view.colours ? view.colours.paper : "";
    show(overlay, overlayItems(view));
    const images = view.plot.layout.images || [];
    const patch = {};
    images.forEach((image, i) => {
      if (image.name in view.painted && image.visible !== false) patch[`images[${i}].visible`] = false;
    });
    if (!Object.keys(patch).length) return null;
    withPainted(view, {}); // the figure's colours, remembered before they are cleared
    return Plotly.relayout(view.plot, { ...patch, paper_bgcolor: CLEAR, plot_bgcolor: CLEAR });
  }
  if (overlay.canvas.hidden) return null;
  const images = view.plot.layout.images || [];
  const patch = {};
  images.forEach((image, i) => { if (image.visible === false) patch[`images[${i}].visible`] = true; });
  if (view.plot.layout.paper_bgcolor === CLEAR) {
    const colours = view.colours || { paper: "white", plot: "white" };
    Object.assign(patch, { paper_bgcolor: colours.paper, plot_bgcolor: colours.plot });
  }
  view.colours = null;
  if (!Object.keys(patch).length) return hide(overlay);
  return Plotly.relayout(view.plot, patch).then(() => hide(overlay));
}

async function draw(Plotly, view, text) {
  // While the user drags on the loss chart (a zoom box, a pan), a redraw would move the
  // axes under the mouse; its newest points are on the canvas, so this figure can go.
  if (view.loss && view.plot._dragging) {
    view.shown = text;
    return;
  }
  try {
    const figure = JSON.parse(text);
    const layout = layoutOf(figure);
    if (view.painted) {
      withPainted(view, layout);
    } else if (view.filter) {
      view.filter(layout);
    }
    if (view.loss) lossLayout(view, figure, layout);
    const key = shapeKey(figure, layout);
    if (view.drawn && key === view.shapeKey) {
      const sources = imageSources(layout, view.plot.layout, view.painted);
      if (Object.keys(sources).length) await Plotly.relayout(view.plot, sources);
    } else {
      const plotFn = view.drawn ? Plotly.react : Plotly.newPlot;
      await plotFn(view.plot, figure.data || [], layout, view.config);
    }
    view.shapeKey = key;
    view.drawn = true;
    view.shown = text;
    view.plot.liveStats.drawn++;
    view.error.hidden = true;
    if (view.loss) showTail(view);
    else if (view.painted || view.plot.liveOverlay) await showPictures(Plotly, view);
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

// The painted pictures on the overlay (no Plotly work once the figure's images are hidden).
async function repaint(Plotly, view) {
  await showPictures(Plotly, view);
  view.plot.liveStats.drawn++;
  view.plot.liveStats.painted++;
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
        await extendLoss(Plotly, view, view.points.splice(0));
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
  if (view.painted && view.drawn) { // the filter's effect is on the overlay only
    view.repaint = true;
    if (!view.drawing) view.drawing = drain(view);
    return;
  }
  view.shown = null;
  view.failed = null;
  if (!view.drawing) view.drawing = drain(view);
}

// Draws `text` in the chart of `host` (or keeps what it shows for an empty text); returns a
// promise that settles when this chart has nothing left to draw. `config`: Plotly config
// entries over CONFIG (e.g. displayModeBar), used from the next drawing on.
export function update(host, text, config) {
  const view = viewFor(host);
  if (config) view.config = { ...CONFIG, ...view.ownConfig, ...config };
  if (!text) return view.drawing || Promise.resolve();
  view.wanted = text;
  view.plot.liveStats.received++;
  if (!view.drawing) view.drawing = drain(view);
  return view.drawing;
}

// Pictures computed in the browser (name -> canvas, see paint.js) for the chart's layout
// images of those names, from now on, shown on the overlay; null: the figures' own images.
export function paint(host, pictures) {
  const view = viewFor(host);
  const was = view.painted;
  view.painted = pictures;
  if (!pictures && !was) return view.drawing || Promise.resolve();
  view.repaint = true;
  if (!view.drawing) view.drawing = drain(view);
  return view.drawing;
}

// New points for the loss chart ({epoch, train, test}), appended after what it shows.
export function extend(host, points) {
  const view = viewFor(host);
  if (!view.loss) {
    view.loss = lossState();
    // A double click gives the axes back to the data (see loss_tail.js), not to the ranges
    // of the first drawing.
    view.ownConfig = { doubleClick: "autosize" };
    view.config = { ...view.config, ...view.ownConfig };
  }
  view.points.push(points);
  if (view.points.length > 60) view.points.splice(0, view.points.length - 60);
  if (!view.drawing) view.drawing = drain(view);
  return view.drawing;
}
