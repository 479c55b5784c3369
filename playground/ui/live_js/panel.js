// A panel: every chart of one element on a CSS grid, with the epoch and the stats above.
// Its messages (see playground/live/panel.py) are one header line (JSON: CSS grid areas and
// columns, the slots: key, title, note, height; epoch, stats, frame, playing, feed) and one
// line per slot with its figure's JSON ("" = keep the figure shown).
// One element for all charts: Streamlit's frontend then delivers each rerun's figures in
// one update (measured: with five separate elements it dropped ~12 % of their updates).
import { wireNetwork } from "./network_view.js";
import { dispose, update } from "./plot_view.js";

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
  entry.host.style.height = slot.height + "px";
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

function panelFor(parent) {
  let panel = panels.get(parent);
  if (!panel) {
    const root = document.createElement("div");
    root.className = "live-panel";
    parent.append(root);
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
  const wanted = new Set(header.slots.map((slot) => slot.key));
  for (const [key, entry] of panel.slots) {
    if (!wanted.has(key)) { dispose(entry.host); entry.box.remove(); panel.slots.delete(key); }
  }
}

export function disposeIfUnmounted(parent) {
  // Streamlit may call a stale cleanup while the element lives on: check the DOM first.
  setTimeout(() => {
    const panel = panels.get(parent);
    if (!panel || parent.isConnected) return;
    for (const entry of panel.slots.values()) dispose(entry.host);
    panels.delete(parent);
  }, 0);
}

// The epoch and the stats above the charts (header.epoch, header.stats: [label, value]);
// while an epoch is under way (header.batch: [done, of]) the epoch's label says how far.
function showStats(panel, header) {
  if (header.epoch === undefined) return;
  const epochLabel = header.batch ? `Epoch · batch ${header.batch[0]}/${header.batch[1]}` : "Epoch";
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
  layout(panel, header);
  showStats(panel, header);
  const drawn = header.slots.map((slot, i) => update(slotFor(panel, slot).host, lines[i + 1]));
  panel.drawing = Promise.all(drawn);
  panel.drawing.then(() => wireNetwork(panel));
  return header;
}
