// The plane's pictures from a frame's weights (header.model, see
// playground/live/model_payload.py): the output over the boundary's grid and each neuron's
// small image, coloured as the server colours them (playground/plots/boundary_surface.py,
// network.py: the same quantization and the server's own colour tables) on one canvas per
// picture, by the name of the layout image it stands for (overlay.js shows them).
import { forward, gridInputs, layersOf } from "./model.js";

const U8_TOP = 250; // playground/plots/arrays.py: quantized levels run 0..250
const grids = new Map(); // recipe + size -> network inputs over that grid (fixed per data)
const canvases = new Map(); // picture name -> {canvas, context, image}

// np.rint: halves go to the even neighbour.
function rint(x) {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// quantize_u8: values in [low, high] -> 0..U8_TOP (clipped; NaN -> the middle).
export function quantize(value, low, high) {
  const span = high > low ? high - low : 1.0;
  const scaled = Math.min(Math.max((value - low) / span, 0.0), 1.0) * U8_TOP;
  return Number.isNaN(scaled) ? rint(U8_TOP / 2) : rint(scaled);
}

function gridFor(recipe, size) {
  const key = JSON.stringify(recipe) + "@" + size;
  let X = grids.get(key);
  if (!X) {
    if (grids.size > 4) grids.clear(); // a few data sets per tab at most
    X = gridInputs(recipe, size);
    grids.set(key, X);
  }
  return X;
}

const lutOf = (base64) => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));

// The surface level (an index into paint.lut) of each grid point, from the output layer.
export function surfaceLevels(paint, output, rows, units) {
  const z = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const at = r * units;
    if (paint.task === "regression") {
      const [mean, scale] = paint.target;
      z[r] = quantize(output[at] * scale + mean, paint.range[0], paint.range[1]);
    } else if (paint.task === "multiclass") {
      let best = 0;
      for (let j = 1; j < units; j++) if (output[at + j] > output[at + best]) best = j;
      const levels = paint.levels;
      let level = levels - 1;
      if (!paint.discretize) {
        const certainty = (output[at + best] - 1.0 / units) / (1.0 - 1.0 / units);
        const clipped = Number.isNaN(certainty) ? 0 : Math.min(Math.max(certainty, 0), 1);
        level = rint(clipped * (levels - 1));
      }
      z[r] = best * levels + level;
    } else {
      const p = paint.output === "tanh" ? (output[at] + 1.0) / 2.0 : output[at];
      z[r] = paint.discretize ? (p >= 0.5 ? U8_TOP : 0) : quantize(p, 0.0, 1.0);
    }
  }
  return z;
}

// The canvas of picture `name` (size * size), kept: the overlay draws it from there.
function canvasFor(name, size) {
  let entry = canvases.get(name);
  if (!entry || entry.canvas.width !== size) {
    if (canvases.size > 300) canvases.clear(); // networks of another shape since
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = size;
    const context = canvas.getContext("2d");
    entry = { canvas, context, image: context.createImageData(size, size) };
    canvases.set(name, entry);
  }
  return entry;
}

// Picture `name`: levels z (size * size, row 0 at the bottom) coloured by lut, on a canvas.
function pictureOf(name, z, size, lut) {
  const entry = canvasFor(name, size);
  const pixels = entry.image.data;
  for (let row = 0; row < size; row++) {
    const from = (size - 1 - row) * size; // the image's top row is the grid's last
    for (let col = 0; col < size; col++) {
      const at = 4 * (row * size + col);
      const colour = 3 * z[from + col];
      pixels[at] = lut[colour];
      pixels[at + 1] = lut[colour + 1];
      pixels[at + 2] = lut[colour + 2];
      pixels[at + 3] = 255;
    }
  }
  entry.context.putImageData(entry.image, 0, 0);
  return entry.canvas;
}

// Each hidden and output neuron's image over the small grid, as network.py draws it:
// probabilities (sigmoid, softmax outputs) mapped to [-1, 1], each neuron divided by
// max(1, its largest |value|), quantized over [-1, 1].
function neuronPictures(model, layers, lut) {
  const size = model.neuron_size;
  const rows = size * size;
  const outputs = forward(layers, gridFor(model.plane, size), rows);
  const last = outputs.length - 1;
  const probability = ["sigmoid", "softmax"].includes(model.activations[last]);
  const sources = {};
  const z = new Uint8Array(rows);
  outputs.forEach((values, l) => {
    const units = layers[l].fanOut;
    for (let j = 0; j < units; j++) {
      const at = (r) => values[r * units + j];
      const value = l === last && probability ? (r) => 2.0 * at(r) - 1.0 : at;
      let peak = 1.0;
      for (let r = 0; r < rows; r++) peak = Math.max(peak, Math.abs(value(r)));
      for (let r = 0; r < rows; r++) z[r] = quantize(value(r) / peak, -1.0, 1.0);
      const name = `neuron ${l + 1} ${j}`;
      sources[name] = pictureOf(name, z, size, lut);
    }
  });
  return sources;
}

// {surface: canvas} for the output chart and {"neuron L I": canvas} for the network.
export function paintModel(model) {
  const layers = layersOf(model);
  const size = model.plane.size;
  const rows = size * size;
  const outputs = forward(layers, gridFor(model.plane, size), rows);
  const units = layers[layers.length - 1].fanOut;
  const z = surfaceLevels(model.paint, outputs[outputs.length - 1], rows, units);
  return {
    boundary: { surface: pictureOf("surface", z, size, lutOf(model.paint.lut)) },
    network: neuronPictures(model, layers, lutOf(model.paint.neuron_lut)),
  };
}
