"""live_chart without a browser: the emitted element, its identity, its JS, the plotly.js copy."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from playground.ui import live_chart as lc

REPO = Path(__file__).resolve().parents[2]

APP = """
import sys
sys.path.insert(0, {repo!r})
import streamlit as st
from playground.ui.live_chart import live_chart

n = st.session_state.setdefault("n", 0)
st.session_state.n += 1
live_chart('{{"data": [{{"type": "scatter", "y": [' + str(n) + ']}}]}}', key="a", height=321)
live_chart('{{"data": []}}', key="b", height=200)
"""


def _run_app(tmp_path: Path, reruns: int = 1) -> tuple[AppTest, list[list]]:
    """Run the two-chart app ``reruns`` times; return it and the bidi protos of each run."""
    script = tmp_path / "app.py"
    script.write_text(APP.format(repo=str(REPO)), encoding="utf-8")
    at = AppTest.from_file(str(script))
    runs = []
    for _ in range(reruns):
        at.run()
        assert not at.exception
        runs.append([el.proto for el in at.get("bidi_component")])
    return at, runs


def test_element_carries_a_panel_header_and_the_figure_as_is(tmp_path):
    _, [protos] = _run_app(tmp_path)
    first = protos[0]
    assert first.component_name == "nn_playground_live_chart"
    header, figure = json.loads(first.json).split("\n")
    assert figure == '{"data": [{"type": "scatter", "y": [0]}]}'
    slots = json.loads(header)["slots"]
    assert [(s["key"], s["height"]) for s in slots] == [("a", 321)]
    assert first.id.endswith("-a")
    assert first.isolate_styles is False  # Plotly needs the page DOM, not a shadow root
    assert first.js_content == lc.LIVE_CHART_JS


def test_key_keeps_identity_while_the_figure_changes(tmp_path):
    _, runs = _run_app(tmp_path, reruns=2)
    (a1, b1), (a2, b2) = runs
    assert a1.json != a2.json
    assert a1.id == a2.id  # same id: the browser keeps the element, Plotly.react updates it
    assert a1.id != b1.id == b2.id


def test_first_run_copies_plotly_js_and_the_chart_script_beside_the_main_script(tmp_path):
    _run_app(tmp_path)
    copied = tmp_path / "static" / lc.PLOTLY_JS_NAME
    assert copied.stat().st_size == lc.PLOTLY_JS_SOURCE.stat().st_size
    script = tmp_path / "static" / lc.CHART_SCRIPT_NAME
    assert script.read_text(encoding="utf-8") == lc.CHART_SCRIPT


def test_ensure_plotly_js_replaces_a_stale_copy(tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    (static / lc.PLOTLY_JS_NAME).write_text("old")
    target = lc.ensure_plotly_js(static)
    assert target == static / lc.PLOTLY_JS_NAME
    assert target.read_bytes()[:200] == lc.PLOTLY_JS_SOURCE.read_bytes()[:200]
    assert [p.name for p in static.iterdir()] == [lc.PLOTLY_JS_NAME]  # no temp file left


def test_ensure_plotly_js_reports_an_unwritable_folder(tmp_path):
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("a file where the folder should be")
    assert lc.ensure_plotly_js(blocker / "static") is None


def test_chart_script_name_changes_with_its_content():
    assert lc.CHART_SCRIPT_NAME.startswith("live_chart.") and lc.CHART_SCRIPT_NAME.endswith(".js")
    digest = hashlib.sha256(lc.CHART_SCRIPT.encode()).hexdigest()[:12]
    assert digest in lc.CHART_SCRIPT_NAME


def test_element_script_only_loads_the_chart_module():
    assert f"app/static/{lc.CHART_SCRIPT_NAME}" in lc.LIVE_CHART_JS
    assert "import(" in lc.LIVE_CHART_JS and "Plotly" not in lc.LIVE_CHART_JS


def test_js_draws_once_then_reacts_in_place():
    js = lc.CHART_SCRIPT
    assert "export default function" in js
    assert "Plotly.newPlot" in js and "Plotly.react" in js
    assert "displaylogo: false" in js and "responsive: true" in js
    assert "uirevision" in js
    assert "app/static/plotly.min.js" in js


def test_js_sent_with_every_update_stays_small():
    raw = (Path(lc.__file__).parent / "live_chart_loader.js").read_text(encoding="utf-8")
    assert "//" in raw and not any(line.startswith("//") for line in lc.LIVE_CHART_JS.splitlines())
    assert len(lc.LIVE_CHART_JS) < 700  # bytes per element per update


def test_compact_js_keeps_code_and_strings():
    source = '// header\n  const a = "x // not a comment";\n\n    // note\n  f(a);\n'
    assert lc.compact_js(source) == 'const a = "x // not a comment";\nf(a);'
