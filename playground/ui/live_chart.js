// Live Plotly views for st.components.v2: one element holds a panel of charts (one plot div
// each, laid out on a CSS grid), every chart updated in place.
// Streamlit imports this module once per tab (a cached blob URL) and calls the default export
// again with the same parentElement each time the element's data change, so the state kept in
// `views` survives reruns and Plotly.react can reuse the div (no blank frame, zoom kept).
// Keep this file small: Streamlit re-sends it with every update of every live chart.
// Comment lines (whole lines starting with //) and indentation are stripped before sending.
const PLOTLY_URL = "app/static/plotly.min.js";
const CONFIG = { displaylogo: false, responsive: true };
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

function viewFor(parent) {
  let view = views.get(parent);
  if (!view) {
    const plot = document.createElement("div");
    plot.className = "live-chart-plot";
    const error = document.createElement("div");
    error.className = "live-chart-error";
    error.hidden = true;
    parent.style.position = "relative";
    parent.append(plot, error);
    view = { plot, error, wanted: null, shown: null, failed: null, drawing: null, drawn: false };
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
    const key = shapeKey(figure, layout);
    if (view.drawn && key === view.shapeKey) {
      await Plotly.relayout(view.plot, imageSources(layout));
    } else {
      const plotFn = view.drawn ? Plotly.react : Plotly.newPlot;
      await plotFn(view.plot, figure.data || [], layout, CONFIG);
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

// A panel: the element's data is one header line (JSON: CSS grid areas and columns, and the
// slots: key, title, note, height) followed by one line per slot with its figure's JSON.
// One element for all charts: Streamlit's frontend then delivers each rerun's figures in
// one update (measured: with five separate elements it dropped ~12 % of their updates).
const panels = new WeakMap();

function slotFor(panel, slot) {
  let entry = panel.slots.get(slot.key);
  if (!entry) {
    const box = document.createElement("div");
    box.className = "live-slot";
    box.dataset.chart = slot.key;
    box.style.gridArea = slot.key;
    const title = document.createElement("div");
    title.className = "live-slot-title";
    const host = document.createElement("div");
    host.className = "live-slot-host";
    box.append(title, host);
    panel.root.append(box);
    entry = { box, title, host, text: null };
    panel.slots.set(slot.key, entry);
  }
  const text = (slot.title || "") + "\u0000" + (slot.note || "");
  if (entry.text !== text) {
    entry.title.replaceChildren();
    if (slot.title) entry.title.append(Object.assign(document.createElement("b"), { textContent: slot.title }));
    if (slot.note) entry.title.append(" — " + slot.note);
    entry.title.hidden = !slot.title && !slot.note;
    entry.text = text;
  }
  entry.host.style.height = slot.height + "px";
  return entry;
}

function dispose(host) {
  const view = views.get(host);
  if (!view) return;
  if (view.resize) view.resize.disconnect();
  if (view.drawn) window.__livePlotlyLoad.then((Plotly) => Plotly.purge(view.plot));
  views.delete(host);
}

function panelFor(parent, header) {
  let panel = panels.get(parent);
  if (!panel) {
    const root = document.createElement("div");
    root.className = "live-panel";
    parent.append(root);
    panel = { root, slots: new Map(), frame: 0, drawing: null, streaming: false };
    panels.set(parent, panel);
  }
  panel.root.style.gridTemplateAreas = header.areas;
  panel.root.style.gridTemplateColumns = header.columns;
  const wanted = new Set(header.slots.map((slot) => slot.key));
  for (const [key, entry] of panel.slots) {
    if (!wanted.has(key)) { dispose(entry.host); entry.box.remove(); panel.slots.delete(key); }
  }
  return panel;
}

function disposeIfUnmounted(parent) {
  // Streamlit may call a stale cleanup while the element lives on: check the DOM first.
  setTimeout(() => {
    const panel = panels.get(parent);
    if (!panel || parent.isConnected) return;
    for (const entry of panel.slots.values()) dispose(entry.host);
    panels.delete(parent);
  }, 0);
}

// Draws `text` in the chart of `host` (or keeps what it shows for an empty text); returns a
// promise that settles when this chart has nothing left to draw.
function update(host, text) {
  const view = viewFor(host);
  if (!text) return view.drawing || Promise.resolve();
  view.wanted = text;
  view.plot.liveStats.received++;
  if (!view.drawing) view.drawing = drain(view);
  return view.drawing;
}

// The epoch and the stats above the charts (header.epoch, header.stats: [label, value]).
function showStats(panel, header) {
  if (header.epoch === undefined) return;
  if (!panel.stats) {
    panel.stats = document.createElement("div");
    panel.stats.className = "live-stats";
    panel.root.before(panel.stats);
  }
  const cells = [["Epoch", String(header.epoch)], ...(header.stats || [])];
  if (panel.stats.childElementCount !== cells.length) {
    panel.stats.replaceChildren(...cells.map(() => {
      const cell = document.createElement("div");
      cell.className = "live-stat";
      cell.append(document.createElement("span"), document.createElement("b"));
      return cell;
    }));
    panel.stats.firstChild.dataset.live = "epoch";
  }
  cells.forEach(([label, value], i) => {
    const [name, number] = panel.stats.children[i].children;
    if (name.textContent !== label) name.textContent = label;
    if (number.textContent !== value) number.textContent = value;
  });
}

// Applies one panel message (see playground/live/panel.py); older frames than the one shown
// are dropped. Returns a promise that settles when its charts are drawn.
function apply(parent, text) {
  const lines = text.split("\n");
  const header = JSON.parse(lines[0]);
  const panel = panelFor(parent, header);
  if (header.frame !== undefined) {
    if (header.frame < panel.frame) return null;
    panel.frame = header.frame;
  }
  showStats(panel, header);
  const drawn = header.slots.map((slot, i) => update(slotFor(panel, slot).host, lines[i + 1]));
  panel.drawing = Promise.all(drawn);
  return header;
}
// The live feed: while the page's message says playing, pull frames from its feed (a
// WebSocket: each message sent asks for one frame). The next frame is requested while the
// last one is drawn (the server trains meanwhile), and only once the one before is drawn,
// so neither side runs ahead of the other.
const RETRY_MS = 500;
const MAX_FAILURES = 5;
const visible = () => document.visibilityState !== "hidden" ||
  new Promise((resolve) => document.addEventListener("visibilitychange", resolve, { once: true }));
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function openFeed(url) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const waiting = [];
    const fail = (why) => { while (waiting.length) waiting.shift().reject(new Error(why)); };
    const feed = {
      next() {
        return new Promise((res, rej) => { waiting.push({ resolve: res, reject: rej }); socket.send("next"); });
      },
      close() { socket.close(); },
    };
    socket.onopen = () => resolve(feed);
    socket.onmessage = (event) => { if (waiting.length) waiting.shift().resolve(event.data); };
    socket.onclose = (event) => {
      const why = event.reason || "the live feed closed (code " + event.code + ")";
      reject(new Error(why));
      fail(why);
    };
  });
}

async function stream(parent, panel, setTriggerValue) {
  panel.streaming = true;
  let feed = null;
  let failures = 0;
  try {
    while (panel.playing && parent.isConnected) {
      let text = null;
      try {
        if (!feed) feed = await openFeed(panel.feed);
        const next = feed.next();
        await panel.drawing;
        text = await next;
        failures = 0;
      } catch (err) {
        feed = null;
        if (++failures >= MAX_FAILURES) throw err;
        await pause(RETRY_MS);
      }
      await visible();
      if (!panel.playing || !parent.isConnected) break;
      const header = text && apply(parent, text);
      if (header && !header.playing) {
        // Training stopped by itself (or by a click): rerun the page for its buttons.
        panel.playing = false;
        setTriggerValue("stopped", header.frame);
      }
    }
  } catch (err) {
    panel.root.textContent = "The live view stopped: " + (err && err.message ? err.message : err);
  } finally {
    if (feed) feed.close();
    panel.streaming = false;
  }
}

export default function liveChart({ data, parentElement, setTriggerValue }) {
  try {
    const header = apply(parentElement, data);
    const panel = panels.get(parentElement);
    if (header) {
      panel.playing = !!(header.playing && header.feed);
      if (header.feed) {
        const url = new URL(header.feed, document.baseURI);
        url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
        panel.feed = url.href;
      }
    }
    if (panel.playing && !panel.streaming) stream(parentElement, panel, setTriggerValue);
  } catch (err) {
    parentElement.textContent = "Chart error: " + (err && err.message ? err.message : err);
  }
  return () => disposeIfUnmounted(parentElement);
}
