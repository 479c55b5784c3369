// The loss chart while the feed sends new loss points ({epoch, train, test}) per frame:
// the points newer than the drawn figure (the tail) are drawn on a canvas over the plot
// area (overlay.js), continuing Plotly's own lines, and Plotly redraws the chart (~20-40 ms:
// its axes and every tick label) only when the tail leaves the axes' ranges or grows long.
// For that the axes get ranges with room ahead, set here while the user has not zoomed
// (a double click gives the chart back to these ranges), rather than Plotly's autorange,
// which fits the drawn points exactly and so would need a redraw for every new epoch.
// The room is only for growth: a chart drawn paused or stopped (view.growing false, from
// the message's header) ends at its last epoch, and the first figure drawn when play
// resumes gets the room back (no tail point then falls outside and forces a redraw).
import { overlayFor, showLines } from "./overlay.js";

const AHEAD = 0.25; // room on the epoch axis beyond the last epoch, as a share of the span
const MIN_AHEAD = 10; // epochs
const LOG_BELOW = 0.3; // decades of room below the lowest loss on a log axis
const TAIL_MAX = 1500; // points drawn on the canvas before Plotly takes them over
const AXES = ["xaxis", "yaxis"];

// A trace's x or y as a plain array (Plotly keeps a figure's base64 typed arrays as given).
const DTYPES = { f4: Float32Array, f8: Float64Array, i1: Int8Array, u1: Uint8Array,
  i2: Int16Array, u2: Uint16Array, i4: Int32Array, u4: Uint32Array };
export function plain(values) {
  if (!values || values.bdata === undefined) return values ? Array.from(values) : [];
  const bytes = Uint8Array.from(atob(values.bdata), (ch) => ch.charCodeAt(0));
  return Array.from(new DTYPES[values.dtype](bytes.buffer));
}

function emptyExtent() {
  return { x: [Infinity, -Infinity], y: [Infinity, -Infinity], positive: Infinity };
}

function grow(extent, x, y) {
  extent.x = [Math.min(extent.x[0], x), Math.max(extent.x[1], x)];
  if (y === null || !Number.isFinite(y)) return;
  extent.y = [Math.min(extent.y[0], y), Math.max(extent.y[1], y)];
  if (y > 0) extent.positive = Math.min(extent.positive, y);
}

// Ranges for the points' extent: {xaxis: [lo, hi], yaxis: [lo, hi]} (a log axis in
// decades), as Plotly's autorange would give with rangemode nonnegative and tozero, plus
// room ahead on the epoch axis while `growing` (a single epoch still gets one of width).
export function rangesFor(extent, logY, growing = true) {
  const [x0, x1] = Number.isFinite(extent.x[0]) ? extent.x : [0, 0];
  const low = Math.max(0, x0);
  const room = growing ? Math.max(MIN_AHEAD, AHEAD * (x1 - low)) : Math.max(0, 1 - (x1 - low));
  const xaxis = [low, x1 + room];
  let yaxis;
  if (logY) {
    const lo = Number.isFinite(extent.positive) ? Math.log10(extent.positive) : -1;
    const hi = Number.isFinite(extent.y[1]) && extent.y[1] > 0 ? Math.log10(extent.y[1]) : lo + 1;
    const pad = 0.05 * (hi - lo) || 0.1;
    yaxis = [lo - pad - LOG_BELOW, hi + pad];
  } else {
    const lo = Math.min(0, Number.isFinite(extent.y[0]) ? extent.y[0] : 0);
    const hi = Math.max(0, Number.isFinite(extent.y[1]) ? extent.y[1] : 1);
    const pad = 0.05 * (hi - lo) || 1;
    yaxis = [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0];
  }
  return { xaxis, yaxis };
}

const same = (a, b) => !!a && !!b && a.every((v, i) => Math.abs(v - b[i]) <= 1e-9 * (Math.abs(v) + 1));

// Whether this chart's axis follows the data (not zoomed or panned by the user).
function following(view, axis) {
  const gd = view.plot;
  const loss = view.loss;
  if (!loss.ranges || (gd.layout[axis] && gd.layout[axis].autorange === true)) return true;
  return same(gd._fullLayout[axis].range, loss.ranges[axis]);
}

function logAxis(layout) {
  return !!(layout.yaxis && layout.yaxis.type === "log");
}

// The layout to draw `layout` with: the axes this chart follows get ranges for all the
// points known (the figure's and the tail's), the others the ranges last set (so that
// Plotly's uirevision keeps the user's zoom: it does when a new value is the one the zoom
// replaced). Called before every draw of a whole figure.
export function lossLayout(view, figure, layout) {
  const loss = view.loss;
  const data = (figure.data || []).map((trace) => ({ name: trace.name, x: plain(trace.x), y: plain(trace.y) }));
  const extent = emptyExtent();
  const last = {};
  let lastEpoch = -Infinity;
  for (const trace of data) {
    trace.x.forEach((x, i) => grow(extent, x, trace.y[i]));
    if (trace.x.length) last[trace.name] = [trace.x.at(-1), trace.y.at(-1)];
    lastEpoch = Math.max(lastEpoch, trace.x.at(-1) ?? -Infinity);
  }
  // The tail's points newer than the figure's stay in the tail.
  for (const [name, tail] of Object.entries(loss.tail)) {
    const keep = tail.x.map((x, i) => i).filter((i) => tail.x[i] > lastEpoch);
    loss.tail[name] = { x: keep.map((i) => tail.x[i]), y: keep.map((i) => tail.y[i]) };
    keep.forEach((i) => grow(extent, tail.x[i], tail.y[i]));
  }
  Object.assign(loss, { extent, last, lastEpoch: Math.max(lastEpoch, loss.lastEpoch) });
  const log = logAxis(layout);
  const growing = view.growing !== false;
  const wanted = rangesFor(extent, log, growing);
  // Ranges kept from frame to frame only while growing: paused, the epoch axis ends at the
  // data; on resume, ranges made paused have no room to keep.
  const keep = growing && loss.growing;
  const ranges = {};
  for (const axis of AXES) {
    const old = loss.ranges && loss.ranges[axis];
    if (view.drawn && !following(view, axis)) ranges[axis] = old;
    else ranges[axis] = keep && old && holds(old, spanOf(extent, axis, log)) ? old : wanted[axis];
    // A copy: Plotly writes a zoom into the layout's range array.
    layout[axis] = { ...(layout[axis] || {}), autorange: false, range: [...ranges[axis]] };
  }
  loss.ranges = ranges;
  loss.growing = growing;
  return layout;
}

// Whether point (x, y) shows within the ranges of the axes that follow the data (on an axis
// the user zoomed, a point outside is clipped, as Plotly clips it).
// The points' span on `axis` (a log axis in decades).
function spanOf(extent, axis, log) {
  if (axis === "xaxis") return extent.x;
  return log ? [Math.log10(extent.positive), Math.log10(extent.y[1])] : extent.y;
}

// Whether `range` still suits points spanning `span`: it holds them and they fill at least
// half of it (a range kept from frame to frame keeps the axes and their labels still).
function holds(range, [low, high]) {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return true;
  return low >= range[0] && high <= range[1] && high - low >= 0.5 * (range[1] - range[0]);
}

function fits(view, x, y) {
  const { ranges } = view.loss;
  if (following(view, "xaxis") && x > ranges.xaxis[1]) return false;
  if (y === null || !Number.isFinite(y) || !following(view, "yaxis")) return true;
  const log = logAxis(view.plot._fullLayout);
  if (log && y <= 0) return true;
  const value = log ? Math.log10(y) : y;
  return value >= ranges.yaxis[0] && value <= ranges.yaxis[1];
}

export function lossState() {
  return { tail: {}, last: {}, extent: emptyExtent(), ranges: null, lastEpoch: -Infinity,
    growing: true };
}

// Draws the tail (after new points, or after Plotly drew the chart).
export function showTail(view) {
  showLines(overlayFor(view.plot, true), tailLines(view));
}

// The tail's lines, each continuing its trace's last drawn point, in the trace's style.
function tailLines(view) {
  const lines = [];
  for (const trace of view.plot._fullData || []) {
    const tail = view.loss.tail[trace.name];
    if (!tail || !tail.x.length || trace.visible !== true) continue;
    const start = view.loss.last[trace.name];
    lines.push({ color: trace.line.color, width: trace.line.width,
      x: start ? [start[0], ...tail.x] : tail.x, y: start ? [start[1], ...tail.y] : tail.y });
  }
  return lines;
}

// Plotly takes the tail over: its traces get the tail's points, the axes new ranges.
async function fold(Plotly, view) {
  const loss = view.loss;
  const data = view.plot.data.map((trace) => {
    const tail = loss.tail[trace.name] || { x: [], y: [] };
    return { ...trace, x: plain(trace.x).concat(tail.x), y: plain(trace.y).concat(tail.y) };
  });
  const layout = lossLayout(view, { data }, { ...view.plot.layout });
  await Plotly.react(view.plot, data, layout, view.config);
  showLines(overlayFor(view.plot, true), []);
}

// Appends new loss points (batches of {epoch, train, test}, for the traces of those
// names) after the last epoch known; on the canvas, or through Plotly (see fold).
export async function extendLoss(Plotly, view, batches) {
  const loss = view.loss;
  let fresh = 0;
  let outside = false;
  for (const points of batches) {
    points.epoch.forEach((epoch, i) => {
      if (!(epoch > loss.lastEpoch)) return;
      loss.lastEpoch = epoch;
      fresh++;
      for (const trace of view.plot.data) {
        const values = points[trace.name];
        if (!values) continue;
        const tail = (loss.tail[trace.name] ||= { x: [], y: [] });
        tail.x.push(epoch);
        tail.y.push(values[i]);
        grow(loss.extent, epoch, values[i]);
        if (!loss.ranges || !fits(view, epoch, values[i])) outside = true;
      }
    });
  }
  if (!fresh) return;
  const long = Object.values(loss.tail).some((tail) => tail.x.length > TAIL_MAX);
  // Not while the user drags on the chart (a zoom box, a pan): a redraw would move the
  // axes under the mouse, and Plotly would zoom to the wrong place.
  if ((outside || long) && !view.plot._dragging) await fold(Plotly, view);
  else showTail(view);
  view.plot.liveStats.drawn++;
}
