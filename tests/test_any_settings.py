"""Any valid combination of settings builds a playground that trains and draws every view.

Settings come from the one table, so a new choice (an activation, a data set) is covered
as soon as it is added."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground import config
from playground.labs.classify.session import Playground
from playground.live.figures import live_specs

TABLE = config.SETTINGS_BY_NAME
CHOICES = {
    name: st.sampled_from([c for c in TABLE[name].choices if c != "csv"])
    for name in ("dataset", "problem", "activation", "loss", "init", "optimizer",
                 "regularization")
}  # fmt: skip


@st.composite
def any_settings(draw) -> dict:
    chosen = {name: draw(strategy) for name, strategy in CHOICES.items()}
    chosen["hidden"] = tuple(draw(st.lists(st.integers(1, 6), max_size=3)))
    chosen["features"] = tuple(draw(st.sets(st.sampled_from(TABLE["features"].choices),
                                            min_size=1)))  # fmt: skip
    chosen["learning_rate"] = draw(st.sampled_from(TABLE["learning_rate"].presets))
    chosen["reg_rate"] = draw(st.sampled_from(TABLE["reg_rate"].presets))
    chosen["noise"] = draw(st.sampled_from([0, 25, 50]))
    chosen["batch_size"] = draw(st.sampled_from([1, 10, 512]))
    valid, _ = config.reconcile({**config.defaults(), **chosen})
    return valid


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_settings())
def test_any_settings_train_and_draw(chosen):
    pg = Playground(chosen)
    pg.trainer.run_epochs(1)  # may diverge (learning rate 10): that is a state, not an error
    snap = pg.snapshot()
    assert snap.status in ("ok", "diverged")
    assert all(np.all(np.isfinite(w)) for w in snap.network.weights)
    specs = live_specs(snap, pg.settings)
    assert {"network", "loss", "weights"} <= specs.keys()
    assert ("boundary" in specs) != ("digits" in specs)
