"""The markup corpus through every live figure: CSV column and class names that carry HTML,
Plotly tags, templates or TeX are shown as text in every chart the page sends."""

import json
import re

import pytest

from playground import config
from playground.labs.classify.session import CsvChoice, Playground
from playground.labs.classify.views import chart_slots
from playground.plots.network import MAX_LABEL_CHARS
from tests.markup_corpus import (
    PAYLOADS,
    PLOTLY_TAG,
    hostile_csv,
    named,
    plotly_entities_decoded,
)

# The builders' own markup inside hover templates (nothing else of theirs has tags).
BUILDER_TAGS = re.compile(r"<br>|<extra>|</extra>")


def strings(node, path=""):
    """(path, text) of every string in a parsed figure."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, f"{path}[{i}]")


def figures(raw: bytes, **settings) -> dict[str, dict]:
    """Every view the page sends for a CSV upload, key -> parsed figure."""
    pg = Playground({**config.defaults(), **settings}, csv=CsvChoice(raw, "x.csv"))
    pg.set_csv(CsvChoice(raw, "x.csv"))
    slots = chart_slots(pg.snapshot(), pg.settings)
    return {slot.key: json.loads(slot.figure_json) for slot in slots if slot.figure_json}


def assert_no_markup(views: dict[str, dict]) -> None:
    for key, figure in views.items():
        for path, text in strings(figure):
            if path.endswith(".bdata"):
                continue
            bare = BUILDER_TAGS.sub("", text)
            assert not PLOTLY_TAG.search(bare), f"{key}{path}: {text[:120]!r}"
            assert "$" not in bare and ">" not in bare, f"{key}{path}: {text[:120]!r}"


def shown(texts) -> list[str]:
    return [plotly_entities_decoded(t) for t in texts]


def cut(name: str) -> str:
    """A name as the network view labels it: cut to MAX_LABEL_CHARS shown characters."""
    return name if len(name) <= MAX_LABEL_CHARS else name[: MAX_LABEL_CHARS - 1] + "…"


def network_texts(network: dict) -> tuple[list[str], list[str]]:
    """(labels, hover texts of the neurons) of a network figure, as Plotly shows them."""
    (neurons,) = [t for t in network["data"] if t.get("name") == "neurons"]
    return shown(a["text"] for a in network["layout"]["annotations"]), shown(neurons["hovertext"])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_column_and_class_names_are_text_in_every_chart(payload):
    # Four columns: the header's commas outnumber the semicolons of "&lt;", so the loader
    # reads it as comma-separated.
    raw = hostile_csv([payload, "plain", "more"], [f"{payload} A", f"{payload} B"])
    views = figures(raw)
    assert set(views) >= {"network", "boundary", "loss", "weights", "confusion"}
    assert_no_markup(views)
    boundary, network = views["boundary"], views["network"]
    column, class_a, class_b = named(payload), named(f"{payload} A"), named(f"{payload} B")
    assert plotly_entities_decoded(boundary["layout"]["xaxis"]["title"]["text"]) == column
    labels, hovers = network_texts(network)
    for name in (column, f"P({class_b})"):
        assert cut(name) in labels and any(h.startswith(name) for h in hovers), name
    assert f"{class_a} (train)" in shown(t.get("name", "") for t in boundary["data"])
    assert class_a in shown(views["confusion"]["data"][0]["x"])


def test_three_hostile_classes_and_a_hostile_target_name_are_text_too():
    classes = PAYLOADS[:3]
    views = figures(hostile_csv(PAYLOADS[3:6], classes))
    assert_no_markup(views)
    labels, _ = network_texts(views["network"])
    assert {cut(named(c)) for c in classes} <= set(labels)
    views = figures(regression_csv(["a", "b"], "<b>mass</b>"), problem="regression")
    assert_no_markup(views)
    assert "<b>mass</b>" in network_texts(views["network"])[0]


def test_the_check_finds_raw_markup():
    with pytest.raises(AssertionError):
        assert_no_markup({"x": {"layout": {"title": {"text": "<b>raw</b>"}}}})


def regression_csv(names: list[str], target: str) -> bytes:
    """hostile_csv with a numeric target column named ``target``."""
    rows = hostile_csv(names, ["1"]).decode().splitlines()
    header = rows[0].rsplit(",", 1)[0] + ',"' + target.replace('"', '""') + '"'
    body = [f"{r.rsplit(',', 1)[0]},{i * 0.37:.2f}" for i, r in enumerate(rows[1:])]
    return "\n".join([header, *body]).encode()


def test_a_single_hostile_input_and_target_are_text_in_the_1d_view():
    column, classes = PAYLOADS[4], PAYLOADS[:2]
    views = figures(hostile_csv([column], classes))
    assert_no_markup(views)
    line = views["boundary"]
    assert plotly_entities_decoded(line["layout"]["xaxis"]["title"]["text"]) == named(column)
    assert any(named(classes[0]) in name for name in shown(t.get("name", "") for t in line["data"]))
    views = figures(regression_csv([column], PAYLOADS[5]), problem="regression")
    assert_no_markup(views)
    title = views["boundary"]["layout"]["yaxis"]["title"]["text"]
    assert plotly_entities_decoded(title) == named(PAYLOADS[5])
