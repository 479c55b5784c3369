"""User text (column, class and target names) as Plotly text that shows literally.

Plotly renders a pseudo-HTML subset in every text it draws (titles, axis and tick labels,
legends, hover boxes, annotations, colour-bar titles): <b>, <i>, <br>, <sub>, <sup>,
<span style=...> and live <a href=...> links; it decodes entities (&lt;, &#36;) after
reading those tags; it fills %{...} from the data inside a hovertemplate; and it typesets
$...$ as LaTeX where MathJax is loaded. Writing &, <, >, $ and % as entities defeats all
of these, and Plotly's own entity decoding then shows the original characters.
"""

from collections.abc import Iterable

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "$": "&#36;", "%": "&#37;"})


def plot_text(text: object) -> str:
    """``text`` as Plotly text that shows those very characters, e.g. "<b>" -> "&lt;b&gt;"."""
    return str(text).translate(_ENTITIES)


def plot_texts(texts: Iterable[object]) -> list[str]:
    """Each of ``texts`` as Plotly text (see ``plot_text``)."""
    return [plot_text(text) for text in texts]
