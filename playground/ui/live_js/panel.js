// A panel: every chart of one element on a CSS grid, with the epoch and the stats above.
// Its messages (see playground/live/panel.py) are one header line (JSON: CSS grid areas and
// columns, the slots: key, title, note, height, modebar, aspect; epoch, stats, frame,
// playing, feed) and one line per slot with its figure's JSON ("" = keep the figure shown).
// One element for all charts: Streamlit's frontend then delivers each rerun's figures in
// one update (measured: with five separate elements it dropped ~12 % of their updates).
import { wireBoundary } from "./boundary_pick.js";
import { wireGrid } from "./grid_pick.js";
import { wireNetwork } from "./network_view.js";
import { paintModel } from "./paint.js";
import { dispose, extend, paint, update, viewFor } from "./plot_view.js";

export const panels = new WeakMap();

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
  entry.slot = slot;
  showTitle(entry);
  fit(entry);
  if (!entry.resize) {
    entry.resize = new ResizeObserver(() => fit(entry));
    entry.resize.observe(entry.box);
  }
  return entry;
}

// The slot's bold title and its note (a note set by setNote stands in for the slot's own).
function showTitle(entry) {
  const title = entry.slot.title || "";
  const note = entry.note || entry.slot.note || "";
  const text = title + "\u0000" + note;
  if (entry.text === text) return;
  entry.title.replaceChildren();
  if (title) entry.title.append(Object.assign(document.createElement("b"), { textContent: title }));
  if (note) entry.title.append(" — " + note);
  entry.title.hidden = !title && !note;
  entry.text = text;
}

// A slot is at least its height tall and grows with its grid area. A view drawn to scale
// (slot.aspect: its plot area's width / height; slot.frame: its margins across and down,
// px) is as tall as its width needs: at least that up to its height, and it grows with
// its grid area only up to that, so its drawing never floats in blank bands (a phone's
// network, a laptop's network beside the output and the loss) but sits at the top.
function fit(entry) {
  const { slot, box, host } = entry;
  let least = slot.height;
  let most = null;
  if (slot.aspect && box.clientWidth) {
    const [across, down] = slot.frame || [0, 0];
    most = Math.max(80, (box.clientWidth - across) / slot.aspect + down);
    least = Math.min(least, most);
  }
  const min = Math.round(least) + "px";
  const max = most === null ? "" : Math.round(most) + "px";
  if (host.style.minHeight !== min) host.style.minHeight = min;
  if (host.style.maxHeight !== max) host.style.maxHeight = max;
}

function removeSlot(entry) {
  if (entry.resize) entry.resize.disconnect();
  dispose(entry.host);
}

function panelFor(parent) {
  let panel = panels.get(parent);
  if (!panel) {
    // The area is a CSS container: on a narrow one the charts stack (live_chart.css).
    const area = document.createElement("div");
    area.className = "live-area";
    const root = document.createElement("div");
    root.className = "live-panel";
    area.append(root);
    parent.append(area);
    panel = { root, slots: new Map(), token: null, frame: 0, drawing: null, streaming: false };
    panel.setNote = (key, note) => {
      const entry = panel.slots.get(key);
      if (entry) { entry.note = note; showTitle(entry); }
    };
    panels.set(parent, panel);
  }
  return panel;
}

function layout(panel, header) {
  panel.root.style.gridTemplateAreas = header.areas;
  panel.root.style.gridTemplateColumns = header.columns;
  // The slots' order is the page's reading order, used when the charts stack.
  header.slots.forEach((slot, i) => { const e = panel.slots.get(slot.key); if (e) e.box.style.order = i; });
  const wanted = new Set(header.slots.map((slot) => slot.key));
  for (const [key, entry] of panel.slots) {
    if (!wanted.has(key)) { removeSlot(entry); entry.box.remove(); panel.slots.delete(key); }
  }
}

export function disposeIfUnmounted(parent) {
  // Streamlit may call a stale cleanup while the element lives on: check the DOM first.
  setTimeout(() => {
    const panel = panels.get(parent);
    if (!panel || parent.isConnected) return;
    for (const entry of panel.slots.values()) removeSlot(entry);
    panels.delete(parent);
  }, 0);
}

// The epoch and the stats above the charts (header.epoch, header.stats: [label, value]);
// the counter's label is the lab's unit (header.counter: "Epoch", "Episode"); while an
// epoch is under way (header.batch: [done, of]) the label says how far.
function showStats(panel, header) {
  if (header.epoch === undefined) return;
  const unit = header.counter || "Epoch";
  const epochLabel = header.batch ? `${unit} · batch ${header.batch[0]}/${header.batch[1]}` : unit;
  if (!panel.stats) {
    panel.stats = document.createElement("div");
    panel.stats.className = "live-stats";
    panel.root.before(panel.stats);
  }
  const cells = [[epochLabel, String(header.epoch)], ...(header.stats || [])];
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

// A frame with the weights (header.model) has its plane's pictures painted here, and one
// with new loss points (header.loss) has them appended; a message without weights (a page
// rerun) shows its figures' own images. Returns the charts' drawing promises.
function paintCharts(panel, header) {
  let pictures = {};
  if (header.model) {
    try {
      pictures = paintModel(header.model);
    } catch (err) {
      console.error("live_chart: painting from the weights:", err);
    }
  }
  const drawn = [];
  // The output chart also gets the neurons' pictures: it shows a hovered neuron's.
  const painted = { boundary: pictures.boundary && { ...pictures.network, ...pictures.boundary },
    network: pictures.network };
  for (const key of ["boundary", "network"]) {
    const entry = panel.slots.get(key);
    if (entry) drawn.push(paint(entry.host, painted[key] || null));
  }
  const loss = panel.slots.get("loss");
  if (loss && header.loss) drawn.push(extend(loss.host, header.loss));
  return drawn;
}

// Applies one panel message (see playground/live/panel.py) and returns its header, or null
// for a frame older than the one shown (dropped before it touches anything). A header
// without slots changes nothing on screen (a paused feed's answer). panel.drawing settles
// when the message's charts are drawn.
export function apply(parent, text) {
  const lines = text.split("\n");
  const header = JSON.parse(lines[0]);
  const panel = panelFor(parent);
  if (header.token !== undefined && header.token !== panel.token) {
    // Frame numbers count per server process: a new feed (a new session, e.g. after the
    // server restarted) starts the order afresh.
    panel.token = header.token;
    panel.frame = 0;
  }
  if (header.frame !== undefined) {
    if (header.frame < panel.frame) return null;
    panel.frame = header.frame;
  }
  if (!header.slots) return header;
  const hosts = header.slots.map((slot) => slotFor(panel, slot).host);
  // The loss chart keeps room ahead for new epochs only while they come (loss_tail.js).
  const loss = panel.slots.get("loss");
  if (loss) viewFor(loss.host).growing = header.playing !== false;
  layout(panel, header);
  showStats(panel, header);
  const drawn = [...paintCharts(panel, header), ...header.slots.map((slot, i) =>
    update(hosts[i], lines[i + 1], { displayModeBar: slot.modebar === false ? false : "hover" }))];
  panel.drawing = Promise.all(drawn);
  panel.drawing.then(() => { wireNetwork(panel, header); wireBoundary(panel); wireGrid(panel); });
  return header;
}
