"""How the page shows best weights restored after a patience stop (labs/stopping.py): the
stats row's figures are the restored epoch's, a cell says which epoch that is, and the loss
chart marks it. Every lab's stats and loss view use these; a snapshot says what is restored
in its `restored` field (stopping.Restored, or None). No streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping

from playground.plots.loss import mark_restored

RESTORED_LABEL = "Restored best weights"


def shown_row(snap) -> dict[str, float]:
    """The history figures of the weights the model holds: the restored epoch's row while
    the best weights are restored, else the last row (column name -> value)."""
    restored = getattr(snap, "restored", None)
    if restored is not None:
        return dict(restored.row)
    return {name: float(column[-1]) for name, column in snap.history.items()}


def restored_stats(snap) -> list[tuple[str, str]]:
    """The stats row's cell that says whose weights the figures are, beside the epoch
    counter (which counts the epochs trained): [] when nothing is restored."""
    restored = getattr(snap, "restored", None)
    if restored is None:
        return []
    return [(RESTORED_LABEL, f"epoch {restored.epoch}")]  # short: the value is large type


def marked_loss(spec: dict | None, snap, names: Mapping[str, str] | None = None) -> dict | None:
    """A loss chart (plots/loss.py) with the restored epoch marked, or as it is when
    nothing is restored. names: trace name -> history column (default: train and test)."""
    restored = getattr(snap, "restored", None)
    if spec is None or restored is None:
        return spec
    names = names or {"train": "train_loss", "test": "test_loss"}
    losses = {trace: float(restored.row.get(column, float("nan")))
              for trace, column in names.items()}  # fmt: skip
    return mark_restored(spec, restored.epoch, losses)
