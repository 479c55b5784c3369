"""User text (column, class and target names) as Plotly text that shows literally.

Plotly renders a pseudo-HTML subset in every text it draws (titles, axis and tick labels,
legends, hover boxes, annotations, colour-bar titles): <b>, <i>, <br>, <sub>, <sup>,
<span style=...> and live <a href=...> links; it decodes entities (&lt;, &#36;) after
reading those tags; it fills %{...} from the data inside a hovertemplate; and it typesets
$...$ as LaTeX where MathJax is loaded. Writing &, <, >, $ and % as entities defeats all
of these, and Plotly's own entity decoding then shows the original characters.
"""

import re
from collections.abc import Iterable

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "$": "&#36;", "%": "&#37;"})
# One shown character of Plotly text: an entity (as Plotly decodes them) or one character.
_SHOWN_CHAR = re.compile(r"&(?:#\d+|#x[\da-fA-F]+|[a-z]+);|.", re.DOTALL)
CUT_MARK = "…"


def plot_text(text: object) -> str:
    """``text`` as Plotly text that shows those very characters, e.g. "<b>" -> "&lt;b&gt;"."""
    return str(text).translate(_ENTITIES)


def plot_texts(texts: Iterable[object]) -> list[str]:
    """Each of ``texts`` as Plotly text (see ``plot_text``)."""
    return [plot_text(text) for text in texts]


def cut_plot_text(text: str, limit: int) -> str:
    """Plotly text cut to at most ``limit`` shown characters, ending in "…" when cut; an
    entity counts as the one character it shows and is never split (a cut "&l" would
    show as those two characters)."""
    shown = _SHOWN_CHAR.findall(text)
    return text if len(shown) <= limit else "".join(shown[: limit - 1]) + CUT_MARK
