"""Hostile text for the markup tests: payloads a URL or a CSV can carry, and independent
checks of how Streamlit's Markdown and Plotly would read a text (not the app's helpers).

HOST is a *.localhost name, which Chromium resolves to this machine without DNS, so a
request that slipped through would reach nothing outside.
"""

import random
import re

from playground.data.names import shorten_names

HOST = "evil.localhost"

PAYLOADS = [
    f"![](//{HOST}/i)",
    f"[x](//{HOST}/l)",
    f"<img src=//{HOST}/h>",
    f"<a href=http://{HOST}/a>link</a>",
    "<b>bold</b><br>next",
    "<span style='font-size:90px;color:red'>big</span>",
    "[j](javascript:alert(1))",
    "<a href='javascript:alert(1)'>j</a>",
    "$x^2$ and $$y$$",
    ":red[red] :material/home: :smile:",
    "**bold** _it_ ~~s~~ `code` # head",
    f"http://{HOST}/auto www.{HOST}.com a@{HOST}",
    "%{x} &lt;b&gt; &amp; \\*",
    "line\nbreak\n\n- item",
    "long" + "x" * 300,
]

# Every ASCII punctuation mark: what CommonMark lets a backslash escape.
PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# GFM's autolink literals (mdast-util-gfm-autolink-literal), found in text after escapes.
GFM_AUTOLINKS = [
    re.compile(r"(https?://|www(?=\.))([-.\w]+)", re.IGNORECASE | re.ASCII),
    re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII),
]
WORD_JOINER = "\u2060"


def markdown_text(body: str) -> str | None:
    """The text Streamlit's Markdown shows for ``body`` if every punctuation mark in it is
    backslash-escaped, it has no line break and GFM finds no link in it; else None."""
    if "\n" in body or "\r" in body:
        return None
    shown, i = [], 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body) and body[i + 1] in PUNCTUATION:
            shown.append(body[i + 1])
            i += 2
            continue
        if char in PUNCTUATION:
            return None
        shown.append(char)
        i += 1
    text = "".join(shown)
    if any(pattern.search(text) for pattern in GFM_AUTOLINKS):
        return None
    return text.replace(WORD_JOINER, "")


PLOTLY_TAG = re.compile(r"<\s*/?\s*[a-z]", re.IGNORECASE)


def plotly_entities_decoded(text: str) -> str:
    """``text`` after Plotly's entity decoding (svg_text_utils.convertEntities)."""
    named = {"mu": "μ", "amp": "&", "lt": "<", "gt": ">", "nbsp": "\xa0", "times": "×",
             "plusmn": "±", "deg": "°"}  # fmt: skip

    def decode(match: re.Match) -> str:
        ref = match.group(1)
        if ref.startswith("#x"):
            return chr(int(ref[2:], 16))
        if ref.startswith("#"):
            return chr(int(ref[1:]))
        return named.get(ref, match.group(0))

    return re.sub(r"&(#\d+|#x[\da-fA-F]+|[a-z]+);", decode, text)


def named(payload: str) -> str:
    """A payload as the CSV loader names a column or class after it (long names are cut)."""
    return shorten_names([payload])[0][0]


def hostile_csv(names: list[str], classes: list[str], rows: int = 60, seed: int = 0) -> bytes:
    """A CSV with numeric columns named ``names`` and a last column ``classes`` cycling
    through its text values (header "label")."""
    rng = random.Random(seed)
    quote = lambda text: '"' + text.replace('"', '""') + '"'  # noqa: E731
    lines = [",".join(quote(n) for n in [*names, "label"])]
    for row in range(rows):
        values = [f"{rng.random():.3f}" for _ in names]
        lines.append(",".join([*values, quote(classes[row % len(classes)])]))
    return ("\n".join(lines) + "\n").encode()
