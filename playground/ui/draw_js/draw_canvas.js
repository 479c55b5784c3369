// A canvas the student draws a digit on with a mouse, a pen or a finger (pointer events, so
// touch works; touch-action: none keeps a finger from scrolling the page instead).
// When a stroke ends, the element sends every stroke so far as the "strokes" trigger:
// {seq, strokes}, strokes a list of strokes, each a list of [x, y] in 0..1 across and down
// the canvas. The server checks and reduces them (playground/data/drawn_digit.py); Clear
// sends no strokes. data: {strokes, seq, max_strokes, max_points}: the strokes the
// server accepted with the last seq it received, which the canvas adopts (a clear, a page
// reloaded) once the server has seen its latest stroke; and the server's limits, which the
// canvas keeps to so that it never shows more than the server reads (it checks for itself).
const MIN_STEP = 0.012; // a new point once the pen moved 1.2 % of the canvas
const PEN = 0.07; // line width, share of the canvas side
const states = new WeakMap();

function build(parentElement) {
  const root = document.createElement("div");
  root.className = "draw-digit";
  const canvas = document.createElement("canvas");
  canvas.className = "draw-canvas";
  canvas.setAttribute("aria-label", "Drawing area: draw a digit");
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "draw-clear";
  clear.textContent = "Clear";
  root.append(canvas, clear);
  parentElement.append(root); // not replaceChildren: the element's <style> lives there too
  const state = { canvas, clear, strokes: [], current: null, seq: 0, send: null };
  canvas.addEventListener("pointerdown", (e) => begin(state, e));
  canvas.addEventListener("pointermove", (e) => extend(state, e));
  for (const name of ["pointerup", "pointercancel"]) {
    canvas.addEventListener(name, (e) => end(state, e));
  }
  clear.addEventListener("click", () => { state.strokes = []; redraw(state); submit(state); });
  new ResizeObserver(() => redraw(state)).observe(canvas);
  return state;
}

function where(state, e) {
  const box = state.canvas.getBoundingClientRect();
  const x = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
  const y = Math.min(1, Math.max(0, (e.clientY - box.top) / box.height));
  return [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
}

function pointCount(state) {
  return state.strokes.reduce((n, s) => n + s.length, 0) + (state.current ? state.current.length : 0);
}

function begin(state, e) {
  if (e.button > 0) return;
  if (state.strokes.length >= state.maxStrokes || pointCount(state) >= state.maxPoints) return;
  e.preventDefault();
  state.canvas.setPointerCapture(e.pointerId);
  state.current = [where(state, e)];
  redraw(state);
}

function extend(state, e) {
  if (!state.current || pointCount(state) >= state.maxPoints) return;
  const point = where(state, e);
  const last = state.current[state.current.length - 1];
  if (Math.hypot(point[0] - last[0], point[1] - last[1]) < MIN_STEP) return;
  state.current.push(point);
  redraw(state);
}

function end(state, e) {
  if (!state.current) return;
  if (e.type === "pointerup") extend(state, e);
  state.strokes.push(state.current);
  state.current = null;
  redraw(state);
  submit(state);
}

function submit(state) {
  state.seq += 1;
  if (state.send) state.send("strokes", { seq: state.seq, strokes: state.strokes });
}

function redraw(state) {
  const { canvas } = state;
  const side = Math.round(canvas.clientWidth * (window.devicePixelRatio || 1));
  if (!side) return;
  if (canvas.width !== side) canvas.width = canvas.height = side;
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, side, side);
  ctx.lineCap = ctx.lineJoin = "round";
  ctx.lineWidth = PEN * side;
  ctx.strokeStyle = ctx.fillStyle = "#111111";
  for (const stroke of state.current ? [...state.strokes, state.current] : state.strokes) {
    ctx.beginPath();
    ctx.moveTo(stroke[0][0] * side, stroke[0][1] * side);
    for (const [x, y] of stroke.length > 1 ? stroke.slice(1) : stroke) ctx.lineTo(x * side, y * side);
    ctx.stroke();
  }
}

function validStrokes(value) {
  const point = (p) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite);
  return Array.isArray(value) && value.every((s) => Array.isArray(s) && s.length && s.every(point));
}

export default function drawCanvas({ data, parentElement, setTriggerValue }) {
  let state = states.get(parentElement);
  const fresh = !state;
  if (fresh) {
    state = build(parentElement);
    states.set(parentElement, state);
  }
  state.send = setTriggerValue;
  state.maxStrokes = data && Number.isInteger(data.max_strokes) ? data.max_strokes : 0;
  state.maxPoints = data && Number.isInteger(data.max_points) ? data.max_points : 0;
  const seq = data && Number.isInteger(data.seq) ? data.seq : 0;
  // Adopt the server's strokes when it has seen everything this canvas sent (or on a new
  // canvas, e.g. back from another page); an older echo would undo a newer stroke.
  if ((fresh || seq >= state.seq) && !state.current && validStrokes(data && data.strokes)) {
    state.strokes = data.strokes;
    state.seq = Math.max(state.seq, seq);
    redraw(state);
  }
  return () => {};
}
