"""'How it learns', steps 1-6: one sample's step drawn from what explain_step returned.

A network of up to FULL_LIMIT parameters (2-4-2-1 has 25) is shown in full, neuron by
neuron; a larger one is summarised: each layer's shape, its largest entries, and one
chosen neuron in full. Maths is LaTeX of numbers and our own symbols (step_latex.py);
feature and class names only ever appear in tables or through plain.
"""

import numpy as np
import streamlit as st

from playground.ui import plain
from playground.ui import step_latex as tex
from playground.ui.learn_sample import digit_image

FULL_LIMIT = 40  # parameters up to which every neuron and weight is shown
TOP = 5  # largest entries listed for a summarised layer
LONG_VECTOR = 10  # outputs up to which y_hat and the output's deltas are written out

RULE_NOTES = {
    "natural": "For this output and loss the derivative of the activation cancels: the "
    "error signal is simply prediction minus target (sigmoid + binary cross-entropy, softmax "
    "+ categorical cross-entropy, linear + squared error).",
    "squashed": "Squared error after a squashing output (tanh, sigmoid): the error is "
    "multiplied by the output's slope f'(z), so a saturated output (slope near 0) learns slowly.",
    "softmax_mse": "Squared error after a softmax: the error goes through the softmax's "
    "Jacobian, which mixes the outputs.",
}


def is_full(step) -> bool:
    """Whether the network is small enough to show every number."""
    return step.update.change.size <= FULL_LIMIT


def _neuron(layer, key: str, full: bool) -> list[int]:
    """The neurons of a layer to show: all, or the one chosen (its largest |a| first)."""
    units = layer.z.shape[1]
    if full:
        return list(range(units))
    default = int(np.argmax(np.abs(layer.a[0])))
    choice = st.columns([1, 2])[0].number_input(
        f"Neuron of layer {layer.index + 1} shown in full (1 to {units})",
        1,
        units,
        default + 1,
        key=key,
    )
    return [int(choice) - 1]


def _largest(values: np.ndarray, name: str) -> str:
    """The TOP largest |entries| of a vector as 'name_j = value' (1-based j)."""
    order = np.argsort(-np.abs(values))[:TOP]
    return tex.rows_of([rf"{name}_{{{j + 1}}} = {tex.num(values[j])}" for j in order])


def inputs_view(sample, step, names) -> None:
    """Step 1: raw values, derived features and the scaled inputs x."""
    st.markdown("**1 · The sample enters the input layer**")
    if names["image_shape"]:
        st.image(digit_image(sample.raw, names["image_shape"], scale=16), width=128)
    same = sample.raw_names == sample.feature_names and np.allclose(sample.raw, sample.scaled)
    if same:
        st.caption("The raw values are the numbers the network sees (no scaling).")
    else:
        table = {"raw column": list(sample.raw_names), "raw value": sample.raw}
        st.dataframe(table, hide_index=True)
    features = {
        "input": [f"x{i + 1}" for i in range(len(sample.scaled))],
        "feature": list(sample.feature_names),
    }
    if sample.derived is not None:
        features["computed"] = sample.derived
    features["the network sees"] = sample.scaled
    st.dataframe(features, hide_index=True, height=min(400, 38 + 35 * len(sample.scaled)))
    plain.caption(f"Known answer y: {names['label']}")


def layers_view(step, full: bool) -> None:
    """Step 2: z = W a + b and a = f(z), per neuron."""
    st.markdown("**2 · Each layer: z = W·a + b, then a = f(z)**")
    for layer in step.layers:
        number, name = layer.index + 1, layer.activation
        formula = tex.ACTIVATION_FORMULAS[name][0]
        shape = r" \times ".join(str(s) for s in layer.weights.shape)
        st.latex(
            rf"\text{{layer {number}: }} W^{{[{number}]}} \in \mathbb{{R}}^{{{shape}}},"
            rf"\quad f(z) = {formula}"
        )
        for j in _neuron(layer, f"learn_neuron_{number}", full):
            st.latex(
                tex.neuron_forward(
                    number,
                    j,
                    layer.inputs[0],
                    layer.weights[:, j],
                    layer.bias[j],
                    layer.z[0, j],
                    layer.a[0, j],
                    name,
                )
            )
        if not full:
            st.latex(r"\text{largest outputs: }" + _largest(layer.a[0], f"a^{{[{number}]}}"))


def _copy_view(step, names) -> None:
    """An autoencoder's prediction: the copy of its input, beside it."""
    x, y_hat = step.X[0], step.y_hat[0]
    st.caption("ŷ is the network's copy of its input (the reconstruction), to compare with x.")
    shape = names["image_shape"]
    if shape:
        left, right = st.columns(2)
        top = float(x.max()) or 1.0  # both on the input's scale: a faint copy looks faint
        left.image(digit_image(x, shape, 16, top), caption="the input x", width=128)
        copy = np.nan_to_num(y_hat, nan=0.0)
        right.image(digit_image(copy, shape, 16, top), caption="its copy ŷ", width=128)
    table = {"input": [f"x{i + 1}" for i in range(len(x))], "x": x, "ŷ": y_hat, "ŷ − x": y_hat - x}
    st.dataframe(table, hide_index=True, height=min(300, 38 + 35 * len(x)))


def prediction_view(step, names) -> None:
    """Step 3: y_hat, with the class names, the value in real units, or (an autoencoder)
    beside the input it copies."""
    st.markdown("**3 · The prediction ŷ**")
    y_hat = step.y_hat[0]
    if len(y_hat) <= LONG_VECTOR:
        st.latex(r"\hat y = a^{[L]} = " + tex.matrix(np.reshape(y_hat, (-1, 1))))  # a column
    else:
        st.latex(rf"\hat y = a^{{[L]}} \in \mathbb{{R}}^{{{len(y_hat)}}}")
    if names.get("copies_input"):
        _copy_view(step, names)
    elif names["classes"] and len(names["classes"]) == len(y_hat):
        st.dataframe({"class": list(names["classes"]), "ŷ": y_hat}, hide_index=True)
    elif names["value"] is not None:
        name, scale, mean = names["value"]
        plain.caption(f"In real units: {name} ≈ {y_hat[0] * scale + mean:.4g}")


def loss_view(step, names=None) -> None:
    """Step 4: this sample's loss, formula and number (for an autoencoder y = x)."""
    st.markdown("**4 · The loss compares ŷ with the known y**")
    st.latex(tex.LOSS_FORMULAS[step.loss_name])
    if names and names.get("copies_input"):
        st.caption("For an autoencoder the known y is the input x itself: y = x.")
    st.latex(tex.sample_loss(step.loss_name, step.y_hat[0], step.targets[0], step.losses[0]))


def backprop_view(step, full: bool) -> None:
    """Step 5: the output delta and its rule, hidden deltas by the chain rule, dL/dW."""
    st.markdown("**5 · Backpropagation: how each weight influences the loss**")
    st.latex(tex.DELTA_RULES[step.rule])
    st.caption(RULE_NOTES[step.rule])
    out = step.layers[-1]
    units = out.delta.shape[1]
    if full or units <= 3:
        shown = range(units)
    elif units <= LONG_VECTOR:
        shown = []
        st.latex(tex.output_deltas(step.rule, out.a[0], step.targets[0], out.delta[0]))
    else:  # 64 outputs: the largest deltas, and one output neuron in full
        st.latex(r"\text{largest: }" + _largest(out.delta[0], r"\delta^{[L]}"))
        shown = _neuron(out, "learn_delta_out", full)
    for j in shown:
        slope = None if out.slope is None else out.slope[0, j]
        st.latex(
            tex.output_delta(step.rule, j, out.a[0, j], step.targets[0, j], out.delta[0, j], slope)
        )
    for layer, above in zip(step.layers[-2::-1], step.layers[:0:-1], strict=True):
        number = layer.index + 1
        st.latex(
            rf"\text{{layer {number}, }} f'(z) = " + tex.ACTIVATION_FORMULAS[layer.activation][1]
        )
        for j in _neuron(layer, f"learn_delta_{number}", full):
            st.latex(
                tex.hidden_delta(
                    number,
                    j,
                    layer.upstream[0, j],
                    layer.slope[0, j],
                    layer.delta[0, j],
                    above.weights[j],
                    above.delta[0],
                )
            )
    st.latex(
        r"\frac{\partial L}{\partial W^{[l]}} = a^{[l-1]}\,\delta^{[l]\top},\qquad "
        r"\frac{\partial L}{\partial b^{[l]}} = \delta^{[l]}"
    )
    for layer in step.layers:
        number, grad = layer.index + 1, layer.sample_dW(0)
        if full:
            st.latex(rf"\frac{{\partial L}}{{\partial W^{{[{number}]}}}} = {tex.matrix(grad)}")
            st.latex(
                rf"\frac{{\partial L}}{{\partial b^{{[{number}]}}}} = "
                rf"{tex.matrix(np.reshape(layer.delta[0], (-1, 1)))}"  # a column: b is one
            )
        else:
            st.latex(_largest_matrix(grad, rf"\partial L / \partial w^{{[{number}]}}"))


def _largest_matrix(values: np.ndarray, name: str) -> str:
    flat = np.argsort(-np.abs(values), axis=None)[:TOP]
    cells = [np.unravel_index(k, values.shape) for k in flat]
    listed = [rf"{name}_{{{i + 1},{j + 1}}} = {tex.num(values[i, j])}" for i, j in cells]
    return r"\text{largest: }" + tex.rows_of(listed)


def update_view(step, full: bool, chosen: tuple[int, int | None, int]) -> None:
    """Step 6: the optimizer's rule and every parameter before -> after (full), or the
    largest changes (summary); `chosen` = (layer, from or None for the bias, to), 0-based,
    is shown with its state and every intermediate number."""
    st.markdown("**6 · The optimizer moves each weight**")
    h = step.hyper
    for formula in tex.UPDATE_FORMULAS[step.optimizer]:
        st.latex(formula)
    knobs = {
        "sgd": "",
        "momentum": rf",\ \mu = {tex.num(h.momentum)}",
        "rmsprop": rf",\ \alpha = {tex.num(h.alpha)}",
        "adam": rf",\ \beta_1 = {tex.num(h.beta1)},\ \beta_2 = {tex.num(h.beta2)}",
    }
    st.latex(rf"\eta = {tex.num(h.learning_rate)}{knobs[step.optimizer]}")
    if step.clip_scale < 1.0:
        st.latex(
            rf"\text{{gradient clipped: }} g \leftarrow {tex.num(step.clip_scale)}\, g"
            r"\quad \text{(its norm was above the limit)}"
        )
    if h.l1 or h.l2:
        st.latex(
            rf"g = \frac{{\partial L}}{{\partial w}} + {tex.num(h.l2)}\, w + "
            rf"{tex.num(h.l1)}\, \mathrm{{sign}}(w) \quad \text{{(weights; biases: }}"
            rf"g = \partial L / \partial b)"
        )
    if step.rows == 1:
        st.caption(
            "This is the update this one sample alone would make; the trainer "
            "averages the gradient over a mini-batch first (see Mini-batch)."
        )
    _chosen_update(step, chosen)
    for u in step.updates:
        number = u.index + 1
        if full:  # before above after: a 2 x 4 matrix twice fits a projector's column
            st.latex(tex.before_after(rf"W^{{[{number}]}}", u.weights_before, u.weights_after))
            st.latex(tex.before_after(rf"b^{{[{number}]}}", u.bias_before, u.bias_after))
        else:
            change = u.weights_after - u.weights_before
            st.latex(_largest_matrix(change, rf"\Delta w^{{[{number}]}}"))


def _chosen_update(step, chosen) -> None:
    layer, source, target = chosen
    u = step.updates[layer]
    if source is None:
        before, after, g = u.bias_before[target], u.bias_after[target], u.g_b[target]
        symbol, part = rf"b^{{[{layer + 1}]}}_{{{target + 1}}}", 1
        index = (target,)
    else:
        before, after = u.weights_before[source, target], u.weights_after[source, target]
        g, part = u.g_W[source, target], 0
        symbol, index = rf"w^{{[{layer + 1}]}}_{{{source + 1},{target + 1}}}", (source, target)
    state_before = {k: float(v[part][index]) for k, v in u.state_before.items()}
    state_after = {k: float(v[part][index]) for k, v in u.state_after.items()}
    st.latex(rf"\text{{chosen: }} g = \partial L / \partial {symbol} = {tex.num(g)}")
    for line in tex.parameter_update(
        step.optimizer,
        symbol,
        before,
        g,
        after,
        state_before,
        state_after,
        step.hyper,
        step.update.steps_after,
    ):
        st.latex(line)
