"""The learning-loop tools in the live views: the links' gradient for the sample or the
trainer's next mini-batch, paused or playing; the gradient-norm chart while the panel is
open; a step explained once per state (StepMemo)."""

import numpy as np

from playground import config
from playground.labs.autoencoder.lab import AUTOENCODER
from playground.labs.classify.session import Playground
from playground.live.figures import gradient_norms, network
from playground.teaching import explain_step
from playground.teaching.live import BATCH, LinkRequest, StepMemo


def _grad_of(session, X, y):
    step = explain_step(session.trainer, X, y)
    return [layer.mean_dW for layer in step.layers]


def test_the_snapshot_draws_the_links_by_the_samples_gradient_only_when_asked():
    pg = Playground(config.defaults())
    pg.step_batch()
    assert pg.snapshot().network.gradients is None
    pg.set_learning(True, LinkRequest("sample", "test", 3))
    gradients = pg.snapshot().network.gradients
    expected = _grad_of(pg, *pg.step_source().rows("test", slice(3, 4)))
    for got, want in zip(gradients[0], expected, strict=True):
        np.testing.assert_array_equal(got, want)
    pg.set_learning(True, LinkRequest("sample", "test", 10**6))  # no such row: the weights
    assert pg.snapshot().network.gradients is None


def test_while_playing_the_batch_links_follow_the_trainers_next_batch_frame_by_frame():
    pg = Playground(config.defaults())
    pg.set_learning(True, LinkRequest(BATCH))
    pg.set_playing(True)
    for _ in range(3):
        pg.advance(0.01)  # a live frame's training
        rows = pg.trainer.next_batch_rows()
        X, y = pg.step_source().rows("train", rows)
        links = pg.snapshot().network.gradients[0]
        np.testing.assert_allclose(links[0], _grad_of(pg, X, y)[0], rtol=1e-12)
    figure = network(pg.snapshot())
    assert any("∂L/∂w" in text for trace in figure["data"] for text in trace.get("text") or []
               if isinstance(text, str))  # fmt: skip


def test_the_gradient_norm_chart_is_live_while_the_panel_is_open():
    pg = Playground(config.defaults())
    pg.set_learning(True)
    assert gradient_norms(pg.snapshot()) is None  # no step taken yet
    pg.set_playing(True)
    pg.advance(0.01)
    first = gradient_norms(pg.snapshot())
    pg.advance(0.01)
    second = gradient_norms(pg.snapshot())
    assert len(second["data"][0]["x"]) > len(first["data"][0]["x"])  # it grew while playing
    assert second["layout"]["yaxis"]["type"] == "log"
    pg.set_learning(False)
    assert gradient_norms(pg.snapshot()) is None


def test_the_autoencoder_offers_its_rows_and_its_norms_by_part():
    session = AUTOENCODER.open({**AUTOENCODER.defaults(), "leave_out_digit": "7"})
    source = session.step_source()
    assert source.copies_input
    np.testing.assert_array_equal(source.X["train"], session.data.X_train)
    np.testing.assert_array_equal(source.y["train"], source.X["train"])
    assert not (source.labels["train"] == 7).any()
    np.testing.assert_array_equal(source.raw["train"][:, :3], source.X["train"][:, :3])
    session.set_learning(True)
    session.step_batch()
    spec = AUTOENCODER.views[-1].build(session.snapshot(), session.settings)
    names = [trace["name"] for trace in spec["data"]]
    assert names == ["encoder 1", "code", "decoder 1", "output"]


def test_a_step_is_explained_once_per_state_of_the_network_and_rows():
    pg = Playground(config.defaults())
    memo, source = StepMemo(), pg.step_source()
    sample, batch = source.rows("train", slice(0, 1)), source.rows("train", np.arange(10))
    first = memo.step(pg.trainer, *sample)
    assert memo.step(pg.trainer, *sample) is first
    memo.step(pg.trainer, *batch)
    assert memo.step(pg.trainer, *sample) is first and memo.explained == 2
    pg.trainer.learning_rate *= 2  # another update from the same gradient
    assert memo.step(pg.trainer, *sample) is not first
    pg.step_batch()  # new weights
    assert memo.step(pg.trainer, *sample).params_before is not first.params_before
    assert memo.explained == 4
