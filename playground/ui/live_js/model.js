// The network's forward pass in the browser, from the weights a live frame sends (see
// playground/live/model_payload.py): the plane's pictures are computed here, not sent.
// The activations and the input features are copies of the engine's registry
// (playground/engine/activations.py) and of playground/data/features.py; a test evaluates
// both sides on the same inputs and requires them to agree to 1e-9
// (tests/live/test_model_js.py).
const LEAKY_SLOPE = 0.01;
const ELU_ALPHA = 1.0;
const GELU_C = Math.sqrt(2.0 / Math.PI);
const GELU_K = 0.044715;
const sigmoid = (z) => Math.tanh(z * 0.5) * 0.5 + 0.5; // the engine's form: never overflows

// Element-wise activations, name -> f(z); softmax (row-wise) is in applyActivation.
export const ACTIVATIONS = {
  tanh: Math.tanh,
  relu: (z) => Math.max(z, 0.0),
  leaky_relu: (z) => Math.max(z, z * LEAKY_SLOPE),
  elu: (z) => Math.max(z, ELU_ALPHA * Math.expm1(Math.min(z, 0.0))),
  sigmoid,
  linear: (z) => z,
  swish: (z) => sigmoid(z) * z,
  gelu: (z) => (z * (Math.tanh(GELU_C * (z + GELU_K * z * z * z)) + 1.0)) * 0.5,
};

// The 2-D sets' input features over the raw coordinates (x1, x2).
export const FEATURES = {
  "x1": (x1, x2) => x1,
  "x2": (x1, x2) => x2,
  "x1^2": (x1, x2) => x1 * x1,
  "x2^2": (x1, x2) => x2 * x2,
  "x1*x2": (x1, x2) => x1 * x2,
  "sin(x1)": (x1, x2) => Math.sin(x1),
  "sin(x2)": (x1, x2) => Math.sin(x2),
};

// Applies activation `name` in place to `rows` rows of `units` values each.
export function applyActivation(name, values, rows, units) {
  if (name === "softmax") {
    for (let r = 0; r < rows; r++) {
      const start = r * units;
      let top = -Infinity;
      for (let j = 0; j < units; j++) top = Math.max(top, values[start + j]);
      let sum = 0;
      for (let j = 0; j < units; j++) { values[start + j] = Math.exp(values[start + j] - top); sum += values[start + j]; }
      for (let j = 0; j < units; j++) values[start + j] /= sum;
    }
    return;
  }
  const n = rows * units;
  if (name === "tanh") { // the default, called directly (a shared call site is slower)
    for (let i = 0; i < n; i++) values[i] = Math.tanh(values[i]);
    return;
  }
  const f = ACTIVATIONS[name];
  if (!f) throw new Error("unknown activation " + name);
  for (let i = 0; i < n; i++) values[i] = f(values[i]);
}

// The recipe's grid (np.linspace over each range, rows going up) as network inputs:
// Float64Array (size * size * columns), row-major.
export function gridInputs(recipe, size) {
  const cols = recipe.formulas.length;
  const axis = ([low, high]) => Array.from({ length: size }, (_, i) =>
    (i === size - 1 ? high : low + i * ((high - low) / (size - 1))));
  const xs = axis(recipe.x);
  const ys = axis(recipe.y);
  const X = new Float64Array(size * size * cols);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      pointInputs(recipe, xs[i], ys[j], X, (j * size + i) * cols);
    }
  }
  return X;
}

// The inputs at plane point (u, v) written into X from `at` (one row).
export function pointInputs(recipe, u, v, X, at = 0) {
  recipe.formulas.forEach((name, c) => {
    let value = name ? FEATURES[name](u, v) : recipe.constants[c];
    if (recipe.mean) value = (value - recipe.mean[c]) / recipe.scale[c];
    X[at + c] = value;
  });
  return X;
}

// The parameters (base64 of little-endian float64) as [{W, b, fanIn, fanOut}] per layer.
export function layersOf(model) {
  const bytes = Uint8Array.from(atob(model.params), (ch) => ch.charCodeAt(0));
  const flat = new Float64Array(bytes.buffer);
  const layers = [];
  let at = 0;
  for (let l = 1; l < model.sizes.length; l++) {
    const fanIn = model.sizes[l - 1];
    const fanOut = model.sizes[l];
    const W = flat.subarray(at, at + fanIn * fanOut);
    at += fanIn * fanOut;
    const b = flat.subarray(at, at + fanOut);
    at += fanOut;
    layers.push({ W, b, fanIn, fanOut, activation: model.activations[l - 1] });
  }
  if (at !== flat.length) throw new Error("the parameters do not fit the layer sizes");
  return layers;
}

// Every layer's output for `rows` input rows X: [Float64Array (rows * fanOut)] per layer.
export function forward(layers, X, rows) {
  const outputs = [];
  let a = X;
  for (const { W, b, fanIn, fanOut, activation } of layers) {
    const out = new Float64Array(rows * fanOut);
    for (let r = 0; r < rows; r++) {
      const inAt = r * fanIn;
      const outAt = r * fanOut;
      for (let j = 0; j < fanOut; j++) {
        let sum = b[j];
        for (let i = 0; i < fanIn; i++) sum += a[inAt + i] * W[i * fanOut + j];
        out[outAt + j] = sum;
      }
    }
    applyActivation(activation, out, rows, fanOut);
    outputs.push(out);
    a = out;
  }
  return outputs;
}
