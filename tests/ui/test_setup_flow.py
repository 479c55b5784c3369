"""On the page: choosing a data set opens it with its suggested setup, and says so."""

from tests.markup_corpus import markdown_text
from tests.ui.page_app import start


def test_choosing_digits_applies_its_setup_with_a_note_and_a_short_url():
    at = start(learning_rate="0.3")
    at.button(key="ds_digits").click().run()
    pg = at.session_state["playground"]
    assert not at.exception
    assert pg.spec.sizes == (64, 32, 10) and pg.settings["optimizer"] == "adam"
    assert pg.trainer.learning_rate == 0.003  # the setup's, not the one chosen before
    assert any(i.value.startswith("Suggested setup") for i in at.info)
    assert dict(at.query_params) == {"dataset": "digits", "seed": "0"}
    at.button(key="ds_circle").click().run()
    assert at.session_state["playground"].spec.sizes == (2, 4, 2, 1)
    assert at.session_state["playground"].settings["optimizer"] == "sgd"


def test_a_url_value_wins_over_the_setup_and_the_note_says_so():
    at = start(dataset="digits", hidden="16")
    pg = at.session_state["playground"]
    assert pg.spec.sizes == (64, 16, 10) and pg.settings["activation"] == "leaky_relu"
    [note] = [markdown_text(i.value) for i in at.info]
    assert "Kept from the URL: hidden" in note


def test_the_default_page_has_no_setup_note():
    at = start()
    assert not at.info
