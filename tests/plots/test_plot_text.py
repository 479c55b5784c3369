"""plots/text.py: user text becomes Plotly text that shows exactly those characters."""

import pytest

from playground.plots.text import cut_plot_text, plot_text, plot_texts
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


def test_a_cut_counts_an_entity_as_one_character_and_never_splits_one():
    text = plot_text("<b>&amp;</b> tail")  # shows 17 characters
    assert plotly_entities_decoded(cut_plot_text(text, 5)) == "<b>&…"
    assert plotly_entities_decoded(cut_plot_text(text, 8)) == "<b>&amp…"
    assert cut_plot_text(text, 17) == text
    assert plotly_entities_decoded(cut_plot_text(text, 15)) == "<b>&amp;</b> t…"
