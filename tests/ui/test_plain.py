"""ui/plain.py: user text becomes Markdown that Streamlit shows as exactly that text."""

import pytest

from playground.ui.plain import literal
from tests.markup_corpus import PAYLOADS, markdown_text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_payload_is_shown_as_its_own_text(payload):
    assert markdown_text(literal(payload)) == payload.replace("\n", " ")


def test_the_payloads_unescaped_would_be_markup():
    assert all(markdown_text(p) is None for p in PAYLOADS if not p.startswith("long"))


def test_every_ascii_punctuation_mark_is_escaped_and_plain_words_are_not():
    marks = "!\"#$%&'()*+,-./:;<=>?[\\]^_`{|}~"  # "@" also gets a word joiner (below)
    assert literal(marks) == "".join("\\" + m for m in marks)
    assert literal("Hours studied 12") == "Hours studied 12"


def test_web_and_mail_addresses_are_broken_invisibly_so_gfm_links_nothing():
    shown = markdown_text(literal("see https://x.io, www.y.org or me@z.net"))
    assert shown == "see https://x.io, www.y.org or me@z.net"


def test_line_breaks_of_any_kind_become_spaces():
    assert literal("a\r\nb\rc\nd") == "a b c d"


def test_non_text_values_are_shown_as_their_str():
    assert literal(3.5) == "3\\.5"


def _boxes_page():
    from playground.ui import plain

    plain.error("*e*", icon=":material/warning:")
    plain.info("[i](//h)")
    plain.warning("![w](//h)")
    plain.caption("$c$")


def test_the_message_boxes_show_their_text_literally():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_boxes_page).run()
    bodies = [at.error[0].value, at.info[0].value, at.warning[0].value, at.caption[0].value]
    assert [markdown_text(b) for b in bodies] == ["*e*", "[i](//h)", "![w](//h)", "$c$"]
    assert at.error[0].icon == ":material/warning:"
