"""The epoch counter and the numbers above the charts.

Drawn as one small HTML block rather than st.metric widgets: they change at every live
update, and each st.metric costs the browser React and style work ten times a second.
"""

import math

import streamlit as st

from playground.snapshot import Snapshot


def epoch_counter(epoch: int) -> None:
    """The epoch as plain digits in the container keyed "epoch" (browser tests read it)."""
    st.caption("Epoch")
    with st.container(key="epoch"):
        st.markdown(f"{epoch}")


def _number(value: float) -> str:
    if value is None or not math.isfinite(value):
        return "—"
    return f"{value:.3f}" if abs(value) < 1000 else f"{value:.3g}"  # a diverged loss is huge


def _percent(value: float) -> str:
    return "—" if value is None or not math.isfinite(value) else f"{100 * value:.1f} %"


def stats(snap: Snapshot) -> list[tuple[str, str]]:
    """(label, formatted value) pairs: the current losses and, for classification,
    accuracy; for regression RMSE and R²."""
    h = snap.history
    pairs = [
        ("Training loss", _number(float(h["train_loss"][-1]))),
        ("Test loss", _number(float(h["test_loss"][-1]))),
    ]
    if snap.task == "regression":
        return pairs + [("Test RMSE", _number(snap.metrics["rmse"])),
                        ("Test R²", _number(snap.metrics["r2"]))]  # fmt: skip
    return pairs + [("Test accuracy", _percent(snap.metrics["accuracy"])),
                    ("Training accuracy", _percent(float(h["train_accuracy"][-1])))]  # fmt: skip


def metrics_row(snap: Snapshot) -> None:
    """The stats as one HTML block (our own numbers and labels only: nothing user-typed)."""
    blocks = "".join(f'<div class="pg-stat"><span>{label}</span><b>{value}</b></div>'
                     for label, value in stats(snap))  # fmt: skip
    st.markdown(f'<div class="pg-stats">{blocks}</div>', unsafe_allow_html=True)
