"""'How it learns', beyond one sample: apply the step, the mini-batch and the epoch, the
gradient check, and a weight typed in by hand, for any lab session with a step_source().

Every change to the network goes through the session's lock and then
session.network_edited(), so the live views show the new weights at once.
"""

import numpy as np
import streamlit as st

from playground.teaching import apply_step, explain_step
from playground.teaching.gradient_check import check_gradients, copy_network
from playground.teaching.sample import epoch_plan
from playground.teaching.step import dense_layers
from playground.ui import plain, state
from playground.ui import step_latex as tex

APPLIED, CHECKED = "learn_applied", "learn_checked"
CHECK_SECONDS = 5.0  # the gradient check's deadline (its work is bounded anyway)
MAX_WEIGHT = 1_000.0  # a weight typed by hand: within +-this
LAYER_KEY, FROM_KEY, TO_KEY, VALUE_KEY = "learn_layer", "learn_from", "learn_to", "learn_value"


def apply_sample_step(rows_of) -> None:
    """Callback: take the step of the chosen rows (worked out again on the weights of this
    moment) and remember the rows' loss before and after it."""
    pg = state.playground()
    with pg.lock:
        X, y = rows_of(pg)
        step = explain_step(pg.trainer, X, y)
        apply_step(pg.trainer, step)
        after = pg.trainer.net.loss(X, y, pg.trainer.loss)
        pg.network_edited()
    st.session_state[APPLIED] = (step.rows, step.loss, after)


def take_trainer_step() -> None:
    """Callback: the trainer's own next step (its next mini-batch, as Step batch takes
    it), with that batch's loss before and after."""
    pg = state.playground()
    with pg.lock:
        rows = pg.trainer.next_batch_rows()
        if not rows.size:
            return  # diverged: the page says so
        X, y = pg.step_source().rows("train", rows)
        net, loss = pg.trainer.net, pg.trainer.loss
        before = net.loss(X, y, loss)
        pg.step_batch()
        after = net.loss(X, y, loss)
    st.session_state[APPLIED] = (len(rows), before, after)


def applied_view() -> None:
    """The loss before -> after of the last step applied by hand."""
    if APPLIED not in st.session_state:
        return
    rows, before, after = st.session_state[APPLIED]
    what = "this sample's loss" if rows == 1 else f"the mini-batch's loss ({rows} rows)"
    st.latex(rf"\text{{{what}: }} {tex.num(before)} \to {tex.num(after)}")
    verdict = "fell" if after < before else "did not fall"
    plain.caption(f"After the step {what} {verdict}; the views show the new weights.")


def chosen_parameter(net) -> tuple[int, int | None, int]:
    """Widgets for one weight or bias: (layer, from or None for the bias, to), 0-based."""
    dense = dense_layers(net)
    layers = len(dense)
    if st.session_state.get(LAYER_KEY, 1) > layers:  # a smaller network than before
        st.session_state[LAYER_KEY] = layers
    left, mid, right = st.columns(3)
    layer = left.number_input(f"Layer (1 to {layers})", 1, layers, key=LAYER_KEY) - 1
    fan_in, fan_out = dense[layer].weights.shape
    for key, top in ((FROM_KEY, fan_in), (TO_KEY, fan_out)):
        if st.session_state.get(key, 1) > top:
            st.session_state[key] = top
    source = mid.number_input(
        f"From neuron (1 to {fan_in}; 0 = the bias)", 0, fan_in, 1, key=FROM_KEY
    )
    target = right.number_input(f"To neuron (1 to {fan_out})", 1, fan_out, key=TO_KEY)
    return int(layer), (None if source == 0 else int(source) - 1), int(target) - 1


HAND_EDIT_OFF = (
    "Under an assignment the weights are not set by hand: the result must come from "
    "training (the step-by-step numbers above still show every weight)."
)


def _set_parameter() -> None:
    if state.under_assignment():  # held on the server too: a crafted click does nothing
        return
    pg = state.playground()
    layer = int(st.session_state[LAYER_KEY]) - 1
    source, target = int(st.session_state[FROM_KEY]), int(st.session_state[TO_KEY]) - 1
    value = float(st.session_state[VALUE_KEY])
    with pg.lock:
        dense = dense_layers(pg.trainer.net)
        if not (0 <= layer < len(dense) and np.isfinite(value) and abs(value) <= MAX_WEIGHT):
            return
        fan_in, fan_out = dense[layer].weights.shape
        if not (0 <= source <= fan_in and 0 <= target < fan_out):
            return
        if source == 0:
            dense[layer].bias[target] = value
        else:
            dense[layer].weights[source - 1, target] = value
        pg.network_edited()


def edit_view(net, chosen) -> None:
    """Type a value for the chosen weight or bias; the views and the loss follow at once.
    Not under an assignment, whose result must come from training."""
    if state.under_assignment():
        st.caption(HAND_EDIT_OFF)
        return
    layer, source, target = chosen
    dense = dense_layers(net)[layer]
    now = dense.bias[target] if source is None else dense.weights[source, target]
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    left.number_input(
        f"New value (now {float(now):.4g})",
        -MAX_WEIGHT,
        MAX_WEIGHT,
        float(now),
        step=0.1,
        format="%.4f",
        key=VALUE_KEY,
    )
    right.button("Set this weight", key="learn_set", on_click=_set_parameter)


def minibatch_view(session, chosen) -> None:
    """From one sample to a mini-batch (the mean of the per-sample gradients), then to an
    epoch. The mini-batch is the trainer's own next one (Trainer.next_batch_rows)."""
    with session.lock:
        trainer, source = session.trainer, session.step_source()
        rows = trainer.next_batch_rows()
        if not rows.size:
            st.caption("Training diverged: there is no next mini-batch until it can go on.")
            return
        step = session.learning.memo.step(trainer, *source.rows("train", rows))
        plan = epoch_plan(trainer, len(source.X["train"]))
    layer, source_unit, target = chosen
    lp = step.layers[layer]
    per_sample = (lp.delta[:, target] if source_unit is None
                  else lp.inputs[:, source_unit] * lp.delta[:, target])  # fmt: skip
    symbol = (
        rf"b^{{[{layer + 1}]}}_{{{target + 1}}}"
        if source_unit is None
        else rf"w^{{[{layer + 1}]}}_{{{source_unit + 1},{target + 1}}}"
    )
    st.markdown("**From one sample to a mini-batch**")
    st.caption(
        "The trainer's step averages the gradients of a mini-batch's samples. Here: the "
        "trainer's own next mini-batch, the training rows its shuffled order takes next."
    )
    st.dataframe(
        {"row": rows, "loss": step.losses, "∂L/∂(chosen)": per_sample},
        hide_index=True,
        height=min(300, 38 + 35 * len(rows)),
    )
    mean = per_sample.mean()
    gradient = (
        rf"\frac{{\partial L_{{\text{{batch}}}}}}{{\partial {symbol}}} = \frac{{1}}"
        rf"{{{len(rows)}}} \sum_{{i=1}}^{{{len(rows)}}} \frac{{\partial L_i}}"
        rf"{{\partial {symbol}}} = {tex.num(mean)}"
    )
    st.latex(tex.rows_of([gradient, rf"L_{{\text{{batch}}}} = {tex.num(step.loss)}"], 1))
    st.button("Take the trainer's step on this mini-batch", key="learn_apply_batch",
              on_click=take_trainer_step)  # fmt: skip
    st.markdown("**From mini-batches to an epoch**")
    epoch = (
        rf"\text{{epoch}} = \left\lceil \frac{{{plan.rows}\ \text{{rows}}}}"
        rf"{{{plan.batch_size}\ \text{{per batch}}}} \right\rceil = {plan.batches}"
        rf"\ \text{{steps}}"
    )
    now = rf"\text{{now: step {plan.done} of {plan.batches} in epoch {plan.epoch + 1}}}"
    st.latex(tex.rows_of([epoch, now], 1))  # one statement a line: a phone's column


def _run_check() -> None:
    pg = state.playground()
    with pg.lock:  # only the copy is made under the lock; the check runs outside it
        net, source = copy_network(pg.trainer.net), pg.step_source()
        X, y, loss = source.X["train"], source.y["train"], pg.trainer.loss
    st.session_state[CHECKED] = check_gradients(net, X, y, loss, seconds=CHECK_SECONDS)


def check_view() -> None:
    """The gradient-check button and its last result."""
    st.button(
        "Check the gradients",
        key="learn_check",
        on_click=_run_check,
        help="Finite differences against backpropagation, on up to 64 rows",
    )
    result = st.session_state.get(CHECKED)
    if result is None:
        return
    plain.info(result.verdict)
    names = [f"layer {i + 1}" for i in range(len(result.worst))]
    st.dataframe(
        {
            "layer": names,
            "worst relative error": [f"{e:.1e}" for e in result.worst],
            "checked": [f"{c} of {t}" for c, t in zip(result.checked, result.total, strict=True)],
        },
        hide_index=True,
    )
    if not result.complete:
        st.caption("The check ran out of time before every chosen parameter was checked.")
