// Pictures painted in the browser on a <canvas> laid exactly over a Plotly chart's plot
// area, behind its svg (whose backgrounds are then transparent): the grid lines, points,
// links, hover and zoom stay Plotly's, and a new picture costs a drawImage, no Plotly call
// (a Plotly.relayout of layout images re-laid-out the whole chart: ~30 ms a frame each).
// The canvas follows the axes: it is placed and redrawn after every Plotly draw, zoom and
// pan (also while a pan is dragged, from plotly_relayouting's ranges).
const overlays = new WeakMap();
const loaded = new Map(); // data URL -> Image, for a figure's own image shown on a canvas

// The overlay of plot div `gd`, made (and wired to its events) on first use; `above`: over
// the traces (a transparent canvas for lines), else behind the svg (for pictures).
export function overlayFor(gd, above = false) {
  let overlay = overlays.get(gd);
  if (!overlay) {
    const canvas = document.createElement("canvas");
    canvas.className = "live-overlay";
    overlay = { gd, canvas, context: canvas.getContext("2d"), items: [], lines: [], version: 0,
      ranges: null, above, background: "white" }; // the plot area's colour (Plotly's is cleared)
    // For benchmarks and tests: version counts the new pictures drawn (not the redraws
    // that follow a zoom or a pan).
    gd.liveOverlay = overlay;
    for (const name of ["plotly_afterplot", "plotly_relayout"]) gd.on(name, () => place(overlay));
    gd.on("plotly_relayouting", (event) => place(overlay, event));
    overlays.set(gd, overlay);
  }
  return overlay;
}

// The range of axis `name` ("xaxis") from a relayouting event, else as Plotly last laid out.
function rangeOf(axis, name, event) {
  const low = event && event[name + ".range[0]"];
  const high = event && event[name + ".range[1]"];
  return low !== undefined && high !== undefined ? [+low, +high] : axis.range.map(Number);
}

// Puts the canvas over the plot area (as Plotly last laid it out) and redraws its items.
export function place(overlay, event) {
  const { gd, canvas } = overlay;
  const full = gd._fullLayout;
  const container = gd.querySelector(".svg-container");
  if (!full || !full.xaxis || !container) return;
  if (canvas.parentNode !== container) {
    if (overlay.above) container.querySelector(".main-svg").after(canvas); // under the hover
    else container.prepend(canvas); // behind Plotly's svg
  }
  const xa = full.xaxis;
  const ya = full.yaxis;
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(xa._length * ratio));
  const height = Math.max(1, Math.round(ya._length * ratio));
  if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
  const style = { left: xa._offset + "px", top: ya._offset + "px",
    width: xa._length + "px", height: ya._length + "px" };
  for (const [key, value] of Object.entries(style)) if (canvas.style[key] !== value) canvas.style[key] = value;
  overlay.ranges = { x: rangeOf(xa, "xaxis", event), y: rangeOf(ya, "yaxis", event) };
  overlay.logY = ya.type === "log"; // its range is in decades
  render(overlay);
}

function pictureOf(item) {
  if (item.picture) return item.picture;
  let image = loaded.get(item.source);
  if (!image) {
    if (loaded.size > 64) loaded.clear();
    image = new Image();
    image.src = item.source;
    loaded.set(item.source, image);
  }
  return image.complete && image.naturalWidth ? image : null;
}

// Lines ({color, width, x, y}: data units; a null y breaks the line), on a clear canvas.
function renderLines(overlay, sx, sy) {
  const { context, ranges, logY } = overlay;
  const [x0] = ranges.x;
  const [, y1] = ranges.y;
  const ratio = window.devicePixelRatio || 1;
  context.lineJoin = context.lineCap = "round";
  for (const line of overlay.lines) {
    context.strokeStyle = line.color;
    context.lineWidth = line.width * ratio;
    context.beginPath();
    let down = false;
    for (let i = 0; i < line.x.length; i++) {
      const value = line.y[i];
      if (value === null || !Number.isFinite(value) || (logY && value <= 0)) { down = false; continue; }
      const px = (line.x[i] - x0) * sx;
      const py = (y1 - (logY ? Math.log10(value) : value)) * sy;
      if (down) context.lineTo(px, py); else context.moveTo(px, py);
      down = true;
    }
    context.stroke();
  }
}

// Draws the items ({picture or source, x, y, sizex, sizey, opacity}: a layout image's
// geometry, data units, anchored at its top left) over the background, or the lines.
function render(overlay) {
  const { canvas, context, ranges } = overlay;
  if (!ranges || canvas.hidden) return;
  const [x0, x1] = ranges.x;
  const [y0, y1] = ranges.y;
  const sx = canvas.width / (x1 - x0);
  const sy = canvas.height / (y1 - y0);
  if (overlay.above) {
    context.clearRect(0, 0, canvas.width, canvas.height);
    renderLines(overlay, sx, sy);
    return;
  }
  context.globalAlpha = 1;
  context.fillStyle = overlay.background || "white";
  context.fillRect(0, 0, canvas.width, canvas.height);
  let waiting = false;
  for (const item of overlay.items) {
    const picture = pictureOf(item);
    if (!picture) { waiting = true; continue; }
    context.globalAlpha = item.opacity === undefined ? 1 : item.opacity;
    context.drawImage(picture, (item.x - x0) * sx, (y1 - item.y) * sy, item.sizex * sx, item.sizey * sy);
  }
  context.globalAlpha = 1;
  // A figure's own image (a data URL) decodes asynchronously: draw again once it has.
  if (waiting) setTimeout(() => render(overlay), 20);
}

// Shows `items` (see render) from now on: a new picture (version counts it).
export function show(overlay, items) {
  overlay.items = items;
  overlay.canvas.hidden = false;
  overlay.version++;
  if (!overlay.ranges) place(overlay);
  else render(overlay);
}

// Shows `lines` (see renderLines) from now on: new points (version counts them).
export function showLines(overlay, lines) {
  overlay.lines = lines;
  overlay.canvas.hidden = false;
  overlay.version++;
  if (!overlay.ranges) place(overlay);
  else render(overlay);
}

// Hides the canvas (the chart shows its figure's own images again).
export function hide(overlay) {
  overlay.canvas.hidden = true;
  overlay.items = [];
  overlay.lines = [];
}
