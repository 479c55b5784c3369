"""plots/text.py: user text becomes Plotly text that shows exactly those characters."""

import pytest

from playground.plots.text import plot_text, plot_texts
from tests.markup_corpus import PAYLOADS, PLOTLY_TAG, plotly_entities_decoded


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_tag_template_or_tex_survives_and_plotly_decodes_the_original(payload):
    text = plot_text(payload)
    assert not PLOTLY_TAG.search(text)
    assert "<" not in text and ">" not in text and "$" not in text and "%{" not in text
    assert plotly_entities_decoded(text) == payload


def test_entities_in_user_text_stay_as_typed():
    assert plotly_entities_decoded(plot_text("&lt;b&gt; &#36;")) == "&lt;b&gt; &#36;"


def test_plot_texts_escapes_each_and_keeps_the_order():
    assert plot_texts(["<i>", 2]) == ["&lt;i&gt;", "2"]
