"""The 'How it learns' panel: one learning step with this network's real numbers.

Off by default (a toggle under the views): while off it costs nothing. On, it works out
the step for the chosen sample with playground.teaching.explain_step, under the session's
lock, and draws only what that returns: the seven steps, the mini-batch and the epoch, the
gradient check, the gradient norms and a weight edited by hand.
"""

import streamlit as st

from playground.problem import LOSS_LABELS, targets
from playground.teaching import explain_step
from playground.teaching.sample import sample_inputs
from playground.ui import learn_steps, learn_tools, plain
from playground.ui.learn_sample import pick_sample

TOGGLE_KEY = "learn_open"
LINKS_KEY = "learn_links"  # the network view's links by ∂L/∂w (ui/learn_links.py)
STEP_TABS = [
    "1 Inputs",
    "2 Layers",
    "3 Prediction",
    "4 Loss",
    "5 Backprop",
    "6 Update",
    "7 Apply",
    "Mini-batch",
]


def _names(pg, sample) -> dict:
    """What the step's numbers mean in the data's own words (shown as plain text only)."""
    ds, label = pg.dataset, sample.label
    if ds.class_names is not None:
        text = f"class {ds.class_names[int(label)]}"
        value = None
    else:
        real = label * ds.target_scale + ds.target_mean
        text = f"{ds.target_name} = {real:.4g}"
        value = (ds.target_name, ds.target_scale, ds.target_mean)
    return {"label": text, "classes": ds.class_names, "value": value, "image_shape": ds.image_shape}


def sample_rows(split: str, row: int):
    """A function of the playground giving the row's (X (1, d), encoded targets (1, k))."""

    def rows(pg):
        X = pg.dataset.X_train if split == "train" else pg.dataset.X_test
        y = pg.dataset.y_train if split == "train" else pg.dataset.y_test
        return X[row : row + 1], targets(pg.spec, y[row : row + 1])

    return rows


def _links_toggle(playing: bool) -> None:
    """The toggle for the network view's links, and what they then mean."""
    if not st.toggle("Links show ∂L/∂w for the selected sample", key=LINKS_KEY):
        return
    if playing:
        st.caption("While training plays, the links show the weights: pause to see ∂L/∂w.")
        return
    st.caption(
        "The network view's links now show ∂L/∂w: blue where it is > 0 (this step lowers "
        "the weight), orange where < 0; the widest is the largest |∂L/∂w|. Hover a link or "
        "a neuron for its numbers."
    )


def how_it_learns(pg) -> None:
    """Draw the panel (a toggle, and when it is on the whole step)."""
    if not st.toggle("How it learns: one step with this network's numbers", key=TOGGLE_KEY):
        return
    split, row = pick_sample(pg.dataset)
    rows_of = sample_rows(split, row)
    with pg.lock:
        sample = sample_inputs(pg.dataset, split, row)
        step = explain_step(pg.trainer, *rows_of(pg))
        playing = pg.playing
    _links_toggle(playing)
    if playing:
        st.caption(
            "Training is playing: these are the numbers of this moment. Pause to follow one step."
        )
    if step.dropout:
        st.caption(
            "Dropout is on: the trainer also drops random hidden units in each step; "
            "the step shown here (and applied) keeps them all."
        )
    full = learn_steps.is_full(step)
    if not full:
        plain.caption(
            f"{step.update.change.size:,} parameters: each layer is summarised "
            "(its largest entries) with one neuron in full."
        )
    plain.caption(f"Loss: {LOSS_LABELS[step.loss_name]}, optimizer: {step.optimizer}.")
    names = _names(pg, sample)
    st.caption("The weight (or bias) that Update, Mini-batch and the editor follow:")
    chosen = learn_tools.chosen_parameter(pg.network)
    tabs = st.tabs(STEP_TABS)
    with tabs[0]:
        learn_steps.inputs_view(sample, step, names)
    with tabs[1]:
        learn_steps.layers_view(step, full)
    with tabs[2]:
        learn_steps.prediction_view(step, names)
    with tabs[3]:
        learn_steps.loss_view(step)
    with tabs[4]:
        learn_steps.backprop_view(step, full)
    with tabs[5]:
        learn_steps.update_view(step, full, chosen)
    with tabs[6]:
        st.button(
            "Apply this step",
            key="learn_apply",
            type="primary",
            on_click=learn_tools.apply_sample_step,
            args=(rows_of,),
        )
        learn_tools.applied_view()
    with tabs[7]:
        learn_tools.minibatch_view(pg, row if split == "train" else 0, chosen)
    left, right = st.columns(2)
    with left:
        st.markdown("**Edit the chosen weight by hand**")
        learn_tools.edit_view(pg.network, chosen)
        learn_tools.check_view()
    with right:
        learn_tools.norms_view(pg)
