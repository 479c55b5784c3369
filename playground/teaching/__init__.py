"""Teaching: one learning step explained with the network's real numbers, the gradient
check, and the per-layer gradient norms. NumPy only (no streamlit); above the engine and
the data, below the page. The public way for a notebook to get the numbers the page shows:

    from playground.teaching import explain_step, apply_step
    step = explain_step(trainer, X_rows, y_rows)   # what the next step on these rows does
    apply_step(trainer, step)                      # ... and take it
"""

from playground.teaching.step import (
    LayerPass,
    LayerUpdate,
    Step,
    apply_step,
    explain_step,
)

__all__ = ["LayerPass", "LayerUpdate", "Step", "apply_step", "explain_step"]
