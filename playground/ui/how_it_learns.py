"""The 'How it learns' panel: one learning step with this network's real numbers.

Any lab whose model is a network of Dense layers gets it (the first lab, the autoencoder):
the lab's session offers its rows as a StepSource (session.step_source()) and its
trainer; the panel asks nothing else of it. Off by default (a toggle under the views):
while off it costs nothing. On, it works out the step for the chosen sample with
playground.teaching.explain_step (through the session's StepMemo, so the network view's
links, drawn from the same step, do not work it out again), under the session's lock, and
draws only what that returns: the seven steps, the mini-batch and the epoch, the
gradient check and a weight edited by hand. The gradient norms per layer are a live view
while the panel is open (playground.teaching.live).
"""

import streamlit as st

from playground.problem import LOSS_LABELS
from playground.teaching.sample import sample_inputs
from playground.ui import learn_steps, learn_tools, plain
from playground.ui.learn_sample import pick_sample

TOGGLE_KEY = "learn_open"
LINKS_KEY = "learn_links"  # the network view's links by ∂L/∂w (ui/learn_links.py)
LINKS_OF_KEY = "learn_links_of"  # ... of the selected sample or of the next mini-batch
LINKS_OF = {"sample": "the selected sample", "batch": "the trainer's next mini-batch"}
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


def has_panel(session) -> bool:
    """Whether a lab's session offers what the panel needs (its rows as a StepSource)."""
    return callable(getattr(session, "step_source", None))


def _names(source, sample) -> dict:
    """What the step's numbers mean in the data's own words (shown as plain text only)."""
    ds, label = source.dataset, sample.label
    named = None
    if ds.class_names is not None:
        named = f"{ds.target_name} {ds.class_names[int(label)]}"
    if source.copies_input:
        text = "the input x itself: an autoencoder learns to copy its input"
        if named:
            text += f" (this sample is {named}; the label is never used for training)"
        value = None
    elif ds.class_names is not None:
        text, value = f"class {ds.class_names[int(label)]}", None
    else:
        real = label * ds.target_scale + ds.target_mean
        text = f"{ds.target_name} = {real:.4g}"
        value = (ds.target_name, ds.target_scale, ds.target_mean)
    classes = None if source.copies_input else ds.class_names
    return {"label": text, "classes": classes, "value": value, "image_shape": ds.image_shape,
            "copies_input": source.copies_input}  # fmt: skip


def sample_rows(split: str, row: int):
    """A function of a session giving the row's (X (1, d), targets as the trainer takes
    them)."""

    def rows(session):
        return session.step_source().rows(split, slice(row, row + 1))

    return rows


def _links_choice() -> None:
    """The toggle for the network view's links, what they show, and what that means."""
    if not st.toggle("Links show ∂L/∂w", key=LINKS_KEY):
        return
    st.radio("∂L/∂w of", list(LINKS_OF), key=LINKS_OF_KEY, horizontal=True,
             format_func=LINKS_OF.get)  # fmt: skip
    st.caption(
        "The network view's links now show ∂L/∂w, paused or playing: blue where it is > 0 "
        "(this step lowers the weight), orange where < 0; the widest is the largest "
        "|∂L/∂w|. Hover a link or a neuron for its numbers."
    )


def _captions(step, playing: bool, full: bool, has_links: bool) -> None:
    if has_links:
        _links_choice()
    if playing:
        st.caption(
            "Training is playing: these are the numbers of this moment. Pause to follow one step."
        )
    if step.dropout:
        st.caption(
            "Dropout is on: the trainer also drops random hidden units in each step; "
            "the step shown here (and Apply this step) keeps them all, the trainer's own "
            "step on the mini-batch drops them."
        )
    if not full:
        plain.caption(
            f"{step.update.change.size:,} parameters: each layer is summarised "
            "(its largest entries) with one neuron in full."
        )
    plain.caption(f"Loss: {LOSS_LABELS[step.loss_name]}, optimizer: {step.optimizer}.")


def how_it_learns(session) -> None:
    """Draw the panel (a toggle, and when it is on the whole step) for a session that
    offers a step_source() (see has_panel)."""
    if not st.toggle("How it learns: one step with this network's numbers", key=TOGGLE_KEY):
        return
    with session.lock:
        source = session.step_source()
    split, row = pick_sample(source)
    with session.lock:
        sample = sample_inputs(source, split, row)
        step = session.learning.memo.step(session.trainer, *sample_rows(split, row)(session))
        playing, net = session.playing, session.trainer.net
    full = learn_steps.is_full(step)
    network_view = any(view.key == "network" for view in session.lab.views)
    _captions(step, playing, full, has_links=network_view)
    names = _names(source, sample)
    st.caption("The weight (or bias) that Update, Mini-batch and the editor follow:")
    chosen = learn_tools.chosen_parameter(net)
    tabs = st.tabs(STEP_TABS)
    with tabs[0]:
        learn_steps.inputs_view(sample, step, names)
    with tabs[1]:
        learn_steps.layers_view(step, full)
    with tabs[2]:
        learn_steps.prediction_view(step, names)
    with tabs[3]:
        learn_steps.loss_view(step, names)
    with tabs[4]:
        learn_steps.backprop_view(step, full)
    with tabs[5]:
        learn_steps.update_view(step, full, chosen)
    with tabs[6]:
        apply = learn_tools.apply_sample_step
        st.button("Apply this step", key="learn_apply", type="primary", on_click=apply,
                  args=(sample_rows(split, row),))  # fmt: skip
        learn_tools.applied_view()
    with tabs[7]:
        learn_tools.minibatch_view(session, chosen)
    left, right = st.columns(2)
    with left:
        st.markdown("**Edit the chosen weight by hand**")
        learn_tools.edit_view(net, chosen)
    with right:
        learn_tools.check_view()
        st.caption(
            "Gradient norms per layer: drawn live among the views above while this panel is "
            "open (log scale; a layer far below the others barely learns)."
        )
