"""The training controls on the page: Step batch and the batch count, slow speeds, rates that
follow the regularization, number boxes with enough digits, per-layer activations."""

from tests.ui.test_app_flow import panel_header, playground, start


def test_step_batch_trains_one_batch_and_the_page_shows_how_far_the_epoch_is():
    at = start(batch_size="100")  # 250 training rows: 3 batches an epoch
    at.button(key="step_batch").click().run()
    pg = playground(at)
    assert (pg.epoch, pg.trainer.batch) == (0, 1)
    assert panel_header(at)["epoch"] == 0 and panel_header(at)["batch"] == [1, 3]
    at.button(key="step_batch").click().run()
    at.button(key="step_batch").click().run()
    assert (pg.epoch, pg.trainer.batch, len(pg.trainer.history)) == (1, 0, 2)
    assert panel_header(at)["batch"] is None  # no epoch under way
    at.button(key="step_batch").click().run()
    at.button(key="step").click().run()  # finishes the epoch under way
    assert (pg.epoch, pg.trainer.batch) == (2, 0)


def test_slow_speeds_are_offered():
    at = start()
    options = at.selectbox(key="set_speed").options
    assert {"1 batch, slowly", "1 epoch, slowly"} <= set(options)
    at.selectbox(key="set_speed").set_value("batch").run()
    assert playground(at).settings["speed"] == "batch" and at.query_params["speed"] == "batch"


def test_choosing_a_regularization_sets_a_rate_that_does_something():
    at = start()
    at.selectbox(key="set_regularization").set_value("l2").run()
    pg = playground(at)
    assert pg.settings["reg_rate"] == 0.001 and pg.trainer.l2 == 0.001
    assert at.select_slider(key="set_reg_rate").value == 0.001
    at.selectbox(key="set_regularization").set_value("dropout").run()
    assert pg.trainer.dropout == 0.2 and pg.trainer.l2 == 0.0
    at.select_slider(key="set_reg_rate").set_value(0.5).run()  # a dropout stop
    assert pg.trainer.dropout == 0.5
    assert at.query_params["reg_rate"] == "0.5"


def test_the_url_rate_wins_over_the_usual_one():
    at = start(regularization="l1", reg_rate="0.03")
    assert playground(at).trainer.l1 == 0.03 and not at.info


def test_adam_beta2_shows_its_digits_and_steps_back():
    at = start(optimizer="adam")
    box = at.number_input(key="set_beta2")
    assert box.value == 0.999 and box.proto.format == "%.4f"
    box.decrement().run()
    assert abs(playground(at).trainer.beta2 - 0.9989) < 1e-9
    assert at.number_input(key="set_beta1").proto.format == "%.3f"


def test_per_layer_activations_replace_the_main_selector():
    at = start()
    assert "set_activation" in {s.key for s in at.selectbox}
    at.toggle(key="per_layer_activation").set_value(True).run()
    keys = {s.key for s in at.selectbox}
    assert "set_activation" not in keys and {"set_layer_act_0", "set_layer_act_1"} <= keys
    at.toggle(key="per_layer_activation").set_value(False).run()
    assert "set_activation" in {s.key for s in at.selectbox}


def test_removing_a_layer_with_per_layer_activations_says_nothing_about_the_url():
    # The activations follow the layers quietly when the student changes the layers; the
    # note "'layer_activations' needs one entry per hidden layer" is for a URL that is wrong.
    at = start(layer_activations="relu,sigmoid")
    at.button(key="remove_layer").click().run()
    pg = at.session_state["playground"]
    assert pg.settings["hidden"] == (4,) and pg.settings["layer_activations"] == ("relu",)
    assert not [n for n in at.session_state["notes"] if "layer_activations" in n]
    at.button(key="add_layer").click().run()
    assert at.session_state["playground"].settings["layer_activations"] == ("relu", "tanh")
    assert not [n for n in at.session_state["notes"] if "layer_activations" in n]


def test_every_run_sends_the_sidebar_widgets_their_values():
    # A run cut short by a newer rerun can write a widget's value and stop before sending
    # the widget; the next run must still send the value (set_value), or the browser draws
    # the widget at its default (a neuron count of 1 after an edit on the network view).
    at = start(hidden="5,2")
    at.run()  # nothing changed: every value is already in the session state
    widgets = [
        at.number_input(key="set_hidden_0"),
        at.number_input(key="set_hidden_1"),
        at.selectbox(key="set_activation"),
        at.select_slider(key="set_learning_rate"),
    ]
    assert all(w.proto.set_value for w in widgets)
    assert [w.value for w in widgets[:2]] == [5, 2]
