// The network view's links drawn in the browser, as TF Playground draws them: on every live
// frame, from its values (header.links, playground/live/model_payload.py), on one canvas
// over the network chart's plot area, instead of Plotly re-plotting the link traces (~40-90 ms
// a figure). The geometry comes once, with the figure (its layout.meta.links:
// playground/plots/network_links.link_geometry): each drawn link's cell and ends in axis
// units, the boxes, the names, and the server's own style tables (|w| bucket edges, each
// bucket's line width and opacity, the colours of w >= 0 and w < 0; presentation mode
// widens them as it widens the traces), so the look is the server's
// by construction; tests/e2e/test_links_js.py checks it against network_links.link_traces.
// The hovers of the links and of the hidden and output neurons are shown here too, with the
// values of the frame shown (the figure's markers keep their customdata for clicks).
// Nothing from a frame is evaluated: numbers are decoded from base64, names shown as text.
const MAX_LINKS = 20000; // far above what the view draws (10 boxes a column, 9 layers)
const CANVAS_CLASS = "live-links";
const TIP_CLASS = "live-links-tip";
const LINK_GROUP = "link";
// Like Plotly's hover label of the figure's other hovers (white, grey border, its font).
const TIP_STYLE = { position: "absolute", pointerEvents: "none", zIndex: "1001", whiteSpace: "pre",
  background: "#fff", border: "1px solid #aaa", borderRadius: "2px", padding: "2px 5px",
  font: '13px "Open Sans", verdana, arial, sans-serif', color: "#444" };
const NEURON_TRACE = "neurons";
// Names in a figure are Plotly text (playground/plots/text.py writes a user's &, <, >, $ and
// % as these entities); the hover here is DOM text, so they are decoded back in one pass.
const PLOT_ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#36;": "$", "&#37;": "%" };
export const plainText = (text) => String(text).replace(/&(amp|lt|gt|#36|#37);/g, (e) => PLOT_ENTITIES[e]);

// Python's f"{v:.{digits}f}" for the hovers (nan and inf spelled as Python spells them).
export function fixed(v, digits) {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  return (Object.is(v, -0) ? "-" : "") + v.toFixed(digits); // toFixed drops -0's sign
}

// Python's f"{v:.{digits}g}": the shorter of fixed and exponent notation, zeros stripped.
export function general(v, digits) {
  if (!Number.isFinite(v)) return fixed(v, 0);
  const sign = v < 0 || Object.is(v, -0) ? "-" : "";
  const a = Math.abs(v);
  if (a === 0) return sign + "0";
  const strip = (s) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
  const [mantissa, power] = a.toExponential(digits - 1).split("e");
  const exp = Number(power);
  if (exp < -4 || exp >= digits) {
    return sign + strip(mantissa) + "e" + (exp < 0 ? "-" : "+") + String(Math.abs(exp)).padStart(2, "0");
  }
  return sign + strip(a.toFixed(digits - 1 - exp));
}

// network_links.link_bucket: how many bucket edges |v| reaches (NaN: the widest, as numpy's
// searchsorted puts it).
export function bucketOf(edges, v) {
  const a = Math.abs(v);
  return edges.filter((edge) => !(a < edge)).length;
}

// The links grouped as network_links.link_traces groups them: [{positive, bucket, links}]
// (link indices) in its order (w < 0 first, then by bucket), empty groups left out.
export function linkGroups(style, values, scale = 1) {
  const groups = new Map();
  values.forEach((w, i) => {
    const positive = w >= 0;
    const bucket = bucketOf(style.edges, w / scale);
    const key = (positive ? 1 : 0) * 100 + bucket;
    if (!groups.has(key)) groups.set(key, { positive, bucket, links: [] });
    groups.get(key).links.push(i);
  });
  return [...groups.keys()].sort((a, b) => a - b).map((key) => groups.get(key));
}

function decode(base64, limit) {
  if (typeof base64 !== "string" || base64.length > 4 * Math.ceil((8 * limit) / 3)) throw new Error("too long");
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  if (bytes.length % 8) throw new Error("not float64");
  return new Float64Array(bytes.buffer);
}

// A frame's header.links as numbers for the figure's geometry, or null if they do not fit it.
export function valuesFor(geometry, links) {
  if (!geometry || !links || links.id !== geometry.id) return null;
  const count = geometry.cells.length;
  const neurons = geometry.neurons.length;
  if (count > MAX_LINKS || neurons > MAX_LINKS) return null;
  try {
    const values = { w: decode(links.w, count), b: decode(links.b, neurons) };
    if (values.w.length !== count || values.b.length !== neurons) return null;
    if (links.g !== undefined) {
      values.g = decode(links.g, count);
      values.gb = decode(links.gb, neurons);
      values.scale = Number(links.scale);
      if (values.g.length !== count || values.gb.length !== neurons || !(values.scale > 0)) return null;
    }
    return values;
  } catch (err) {
    return null;
  }
}

const geometryOf = (gd) => (gd && gd.layout && gd.layout.meta && gd.layout.meta.links) || null;

function canvasFor(gd) {
  let canvas = gd.querySelector("canvas." + CANVAS_CLASS);
  const paper = gd.querySelector(".svg-container > svg.main-svg");
  if (!paper) return null;
  if (!canvas) {
    canvas = document.createElement("canvas");
    canvas.className = CANVAS_CLASS;
    Object.assign(canvas.style, { position: "absolute", left: "0", top: "0", pointerEvents: "none" });
  }
  // Over the plot (traces and images) and under Plotly's annotations and hover layers.
  if (canvas.previousElementSibling !== paper) paper.after(canvas);
  return canvas;
}

// Axis units -> CSS pixels of the chart, from Plotly's own axes (ranges as constrained).
function pixels(gd) {
  const { xaxis, yaxis } = gd._fullLayout;
  return { x: (u) => xaxis._offset + xaxis.l2p(u), y: (v) => yaxis._offset + yaxis.l2p(v),
    unit: Math.abs(xaxis.l2p(1) - xaxis.l2p(0)) };
}

function paintLinks(gd, canvas, geometry, values) {
  const size = gd._fullLayout;
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(size.width * ratio);
  const height = Math.round(size.height * ratio);
  if (canvas.width !== width || canvas.height !== height) {
    Object.assign(canvas, { width, height });
    Object.assign(canvas.style, { width: size.width + "px", height: size.height + "px" });
  }
  const context = canvas.getContext("2d");
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width, height);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  const { x, y, unit } = pixels(gd);
  // A thick link's square end would reach into its box (the traces were drawn under the
  // boxes' images): the boxes are cut out of what is drawn.
  context.save();
  context.beginPath();
  context.rect(0, 0, size.width, size.height);
  const side = geometry.box * unit;
  for (const [left, bottom] of geometry.boxes) context.rect(x(left), y(bottom) - side, side, side);
  context.clip("evenodd");
  const style = geometry.style;
  const drawnBy = values.g || values.w;
  for (const group of linkGroups(style, drawnBy, values.g ? values.scale : 1)) {
    const { line: { width: lineWidth }, opacity } = style.styles[group.bucket];
    context.beginPath(); // one stroke per group: overlaps within it do not darken (as a trace)
    for (const i of group.links) {
      const [x0, y0, x1, y1] = geometry.segments[i];
      context.moveTo(x(x0), y(y0));
      context.lineTo(x(x1), y(y1));
    }
    Object.assign(context, { lineWidth, globalAlpha: opacity, lineCap: "butt",
      strokeStyle: group.positive ? style.positive : style.negative });
    context.stroke();
  }
  context.restore();
}

// The hover text of the link or neuron `point` (a Plotly hover point), as the server writes
// it (playground/plots/network_links.link_hover_trace, network._neuron_hover), or null.
export function hoverText(geometry, values, point) {
  const names = geometry.names;
  if (point.data.legendgroup === LINK_GROUP) {
    const i = point.pointNumber;
    const cell = geometry.cells[i];
    if (!cell) return null;
    const [layer, from, to] = cell;
    const link = plainText(names[layer][from]) + ", " + plainText(names[layer + 1][to]);
    const w = fixed(values.w[i], 3);
    return values.g ? `∂L/∂w(${link}) = ${general(values.g[i], 3)}\nw = ${w}` : `w(${link}) = ${w}`;
  }
  const cell = point.data.name === NEURON_TRACE && point.customdata && point.customdata[3];
  if (!Array.isArray(cell)) return null;
  const at = geometry.neurons.findIndex(([layer, index]) => layer === cell[0] + 1 && index === cell[1]);
  if (at < 0) return null;
  const layer = cell[0] + 1;
  const text = `${plainText(names[layer][cell[1]])}: ${geometry.activations[cell[0]]}, bias ${fixed(values.b[at], 3)}`;
  return values.gb ? `${text}\n∂L/∂b = ${general(values.gb[at], 3)}` : text;
}

function showTip(gd, state) {
  let tip = gd.querySelector("." + TIP_CLASS);
  const text = state.hovered && state.values && hoverText(state.geometry, state.values, state.hovered);
  if (!text) {
    if (tip) tip.hidden = true;
    return;
  }
  if (!tip) {
    tip = document.createElement("div");
    tip.className = TIP_CLASS;
    Object.assign(tip.style, TIP_STYLE);
    gd.append(tip);
  }
  const { x, y } = pixels(gd);
  if (tip.textContent !== text) tip.textContent = text;
  tip.style.left = Math.round(x(state.hovered.x) + 10) + "px";
  tip.style.top = Math.round(y(state.hovered.y) - 12) + "px";
  tip.hidden = false;
}

const states = new WeakMap(); // network chart -> {geometry, values, links, hovered}

function stateOf(gd) {
  let state = states.get(gd);
  if (!state) {
    state = { geometry: null, values: null, links: null, hovered: null };
    states.set(gd, state);
    // The figure may be redrawn (resized, a new figure) without a frame: draw again then.
    gd.on("plotly_afterplot", () => drawLinks(gd));
    gd.on("plotly_relayout", () => drawLinks(gd));
    gd.on("plotly_hover", (event) => {
      const point = event && event.points && event.points[0];
      state.hovered = point && state.geometry ? point : null;
      showTip(gd, state);
    });
    gd.on("plotly_unhover", () => { state.hovered = null; showTip(gd, state); });
  }
  return state;
}

// Draws the links of the network chart `gd` from `links` (a frame's header.links; undefined:
// the last ones), if the figure it shows has their geometry; else clears them (a figure
// with its own link traces: a page rerun's, or a server-drawn frame's). Returns whether drawn.
export function drawLinks(gd, links) {
  if (!gd || !gd.on || !gd._fullLayout) return false;
  const state = stateOf(gd);
  if (links !== undefined) state.links = links;
  const geometry = geometryOf(gd);
  const canvas = gd.querySelector("canvas." + CANVAS_CLASS);
  const values = valuesFor(geometry, state.links);
  if (!values) {
    if (canvas && !geometry) canvas.hidden = true; // no geometry: the figure draws its own
    if (!geometry) { state.geometry = null; state.hovered = null; showTip(gd, state); }
    return false;
  }
  const target = canvasFor(gd);
  if (!target) return false;
  target.hidden = false;
  Object.assign(state, { geometry, values });
  paintLinks(gd, target, geometry, values);
  gd.dataset.links = String((Number(gd.dataset.links) || 0) + 1); // for benchmarks and tests
  showTip(gd, state);
  return true;
}
