"""Teaching: one learning step explained with the network's real numbers, the gradient
check, and the per-layer gradient norms. NumPy only (no streamlit); above the engine and
the data, below the page. The public way for a notebook to get the numbers the page shows:

    from playground.teaching import explain_step, apply_step
    step = explain_step(trainer, X_rows, y_rows)   # what the next step on these rows does
    apply_step(trainer, step)                      # ... and take it

    rows = trainer.next_batch_rows()               # the trainer's own next mini-batch
    apply_step(trainer, explain_step(trainer, X[rows], y[rows]))   # = trainer.step()

Any network of Dense layers (a Network, or a Sequential of Dense such as an autoencoder).
A lab offers its rows to the page's panel as a StepSource (sample.py); live.py is what
the panel adds to the live views (the links' gradient, the gradient-norm chart).
"""

from playground.teaching.step import (
    LayerPass,
    LayerUpdate,
    Step,
    apply_step,
    explain_step,
)

__all__ = ["LayerPass", "LayerUpdate", "Step", "apply_step", "explain_step"]
