"""The epoch counter and the numbers above the charts."""

import math

import streamlit as st

from playground.snapshot import Snapshot


def epoch_counter(epoch: int) -> None:
    """The epoch as plain digits in the container keyed "epoch" (browser tests read it)."""
    with st.container(key="epoch"):
        st.markdown(f"{epoch}")


def _number(value: float) -> str:
    return "—" if value is None or not math.isfinite(value) else f"{value:.3f}"


def metrics_row(snap: Snapshot) -> None:
    """Current losses and, for classification, accuracy; for regression RMSE and R²."""
    h = snap.history
    columns = st.columns(4)
    columns[0].metric("Training loss", _number(float(h["train_loss"][-1])))
    columns[1].metric("Test loss", _number(float(h["test_loss"][-1])))
    if snap.task == "regression":
        columns[2].metric("Test RMSE", _number(snap.metrics["rmse"]))
        columns[3].metric("Test R²", _number(snap.metrics["r2"]))
    else:
        columns[2].metric("Test accuracy", f"{100 * snap.metrics['accuracy']:.1f} %")
        train_acc = float(h["train_accuracy"][-1])
        columns[3].metric("Training accuracy", f"{100 * train_acc:.1f} %")
