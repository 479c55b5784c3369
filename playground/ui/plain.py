"""User text on the page as the text it is, never as Markdown.

st.info, st.caption, st.error and st.markdown render their text as Markdown with
Streamlit's extensions: ![](url) fetches an image in every visitor's browser, [x](url) and
bare http://..., www.... and a@b.c addresses become links, $...$ is typeset, :red[...] and
:material/...: style the text. Every message that may hold user text (URL values, CSV column
and file names, the errors about them) is drawn through the functions here, which escape it;
tests/ui/test_plain_guard.py checks the page draws no variable text any other way.
"""

import re

import streamlit as st

# Markdown lets a backslash escape every ASCII punctuation mark (CommonMark 2.4); escaped,
# each is literal text for the parser and for Streamlit's :directive[...] and $math$.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# GFM turns http://..., www.... and e-mail addresses in plain text into links after the
# escapes are read; an invisible word joiner after "http:", after "www" and before "@"
# breaks those patterns and shows nothing.
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\r\n?|\n")  # a blank line would start a new Markdown block


def literal(text: object) -> str:
    """Markdown that Streamlit shows as exactly ``text`` (line breaks become spaces)."""
    flat = _LINE_BREAK.sub(" ", str(text))
    return _PUNCTUATION.sub(r"\\\1", _AUTOLINK.sub(WORD_JOINER, flat))


def error(text: object, icon: str | None = None) -> None:
    """An error box showing ``text`` literally."""
    st.error(literal(text), icon=icon)


def info(text: object) -> None:
    """An info box showing ``text`` literally."""
    st.info(literal(text))


def caption(text: object) -> None:
    """A caption showing ``text`` literally."""
    st.caption(literal(text))


def warning(text: object) -> None:
    """A warning box showing ``text`` literally."""
    st.warning(literal(text))
