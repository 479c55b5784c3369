"""The epoch counter and the numbers above the charts.

Drawn as one small HTML block rather than st.metric widgets: they change at every live
update, and each st.metric costs the browser React and style work ten times a second.
"""

import math

import streamlit as st

from playground.snapshot import Snapshot

STYLE = """<style>
.st-key-epoch p { font-size: 2.2rem; font-weight: 600; margin: 0; line-height: 1.1; }
.pg-stats { display: flex; gap: 2.5rem; flex-wrap: wrap; margin: 0.2rem 0 0.6rem 0; }
.pg-stat span { display: block; font-size: 0.85rem; color: #555; }
.pg-stat b { font-size: 1.6rem; font-weight: 500; }
</style>"""


def epoch_counter(epoch: int) -> None:
    """The epoch as plain digits in the container keyed "epoch" (browser tests read it)."""
    st.caption("Epoch")
    with st.container(key="epoch"):
        st.markdown(f"{epoch}")


def _number(value: float) -> str:
    return "—" if value is None or not math.isfinite(value) else f"{value:.3f}"


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
    st.markdown(f'{STYLE}<div class="pg-stats">{blocks}</div>', unsafe_allow_html=True)
