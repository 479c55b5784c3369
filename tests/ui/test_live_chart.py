"""live_chart without a browser: the emitted element, its identity, its JS, the plotly.js copy."""

from __future__ import annotations

import json
import re
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
    folder = tmp_path / "static" / lc.SCRIPT_DIR
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()} == lc.SCRIPTS
    assert [p.name for p in (tmp_path / "static").iterdir() if p.name.startswith(".")] == []


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


def test_chart_modules_are_all_served_and_their_folder_name_follows_their_content():
    modules = {
        "live_chart.js",
        "plot_view.js",
        "panel.js",
        "feed.js",
        "network_view.js",
        "boundary_pick.js",
        "grid_pick.js",
        "model.js",
        "paint.js",
        "links.js",
        "overlay.js",
        "loss_tail.js",
        "export.js",
    }
    assert set(lc.SCRIPTS) == modules
    imported = {name for js in lc.SCRIPTS.values()
                for name in re.findall(r'from "[.]/([a-z_]+[.]js)"', js)}  # fmt: skip
    assert imported == modules - {"live_chart.js"}
    assert lc.script_dir(lc.SCRIPTS) == lc.SCRIPT_DIR
    changed = {**lc.SCRIPTS, "feed.js": lc.SCRIPTS["feed.js"] + "\n// changed"}
    assert lc.script_dir(changed) != lc.SCRIPT_DIR


def test_a_second_writer_of_the_chart_modules_finds_them_complete(tmp_path):
    first = lc.ensure_chart_scripts.__wrapped__(tmp_path)
    second = lc.ensure_chart_scripts.__wrapped__(tmp_path)
    assert first == second == tmp_path / lc.SCRIPT_DIR
    assert [p.name for p in tmp_path.iterdir()] == [lc.SCRIPT_DIR]


def test_element_script_only_loads_the_chart_module():
    assert f"app/static/{lc.SCRIPT_DIR}/live_chart.js" in lc.LIVE_CHART_JS
    assert "import(" in lc.LIVE_CHART_JS and "Plotly" not in lc.LIVE_CHART_JS


def test_js_draws_once_then_reacts_in_place():
    js = lc.SCRIPTS["plot_view.js"]
    assert "export default function" in lc.SCRIPTS["live_chart.js"]
    assert "Plotly.newPlot" in js and "Plotly.react" in js
    assert "displaylogo: false" in js and "responsive: true" in js
    assert "uirevision" in js
    assert "app/static/plotly.min.js" in js


def test_js_sent_with_every_update_stays_small():
    raw = (Path(lc.__file__).parent / "live_js" / "loader.js").read_text(encoding="utf-8")
    assert "//" in raw and not any(line.startswith("//") for line in lc.LIVE_CHART_JS.splitlines())
    assert len(lc.LIVE_CHART_JS) < 700  # bytes per element per update


def test_compact_js_keeps_code_and_strings():
    source = '// header\n  const a = "x // not a comment";\n\n    // note\n  f(a);\n'
    assert lc.compact_js(source) == 'const a = "x // not a comment";\nf(a);'
