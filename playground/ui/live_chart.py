"""Plotly charts that update in place: from later runs of the page, or from a live feed.

``st.plotly_chart`` in Streamlit 1.67 rebuilds its chart whenever the figure changes (blank
frames, lost zoom). This element is a components-v2 component whose JavaScript (live_chart.js)
keeps one plot div per chart and calls ``Plotly.newPlot`` once, then ``Plotly.react`` on it.
While the page plays, it also pulls messages from the session's live feed over a WebSocket
(playground/live), so the page itself is not rerun for every frame.

Neither plotly.js (~4.8 MB) nor the chart modules (live_js/*.js) are sent with the element:
plotly.min.js is copied from the installed plotly package, and the modules written into a
content-hashed folder, under ``<app dir>/static/``, served by Streamlit's static file serving
(``server.enableStaticServing = true``) at ``app/static/`` and loaded once per tab. Streamlit
re-sends a component's script with every update, so the element carries only a small loader
(live_js/loader.js) that imports the real module.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import plotly
import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from playground.live.panel import ChartSlot, panel_text

_JS = Path(__file__).parent / "live_js"
PLOTLY_JS_SOURCE = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_JS_NAME = "plotly.min.js"
_LOGGER = logging.getLogger(__name__)


def compact_js(source: str) -> str:
    """Return ``source`` without whole-line ``//`` comments, indentation and blank lines.

    Streamlit re-sends a component's JS with every update, so this trims each message.
    Only whole comment lines are dropped, so string contents are never touched.
    """
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


# The chart modules (every .js file in live_js/ but the loader), served from one folder whose
# name hashes them all, so a new version never meets a stale cached module.
SCRIPTS = {path.name: path.read_text(encoding="utf-8")
           for path in sorted(_JS.glob("*.js")) if path.name != "loader.js"}  # fmt: skip


def script_dir(scripts: dict[str, str]) -> str:
    """The folder name for these modules (name -> source): it changes with any of them."""
    digest = hashlib.sha256(json.dumps(scripts, sort_keys=True).encode()).hexdigest()
    return f"live_chart.{digest[:12]}"


SCRIPT_DIR = script_dir(SCRIPTS)
LIVE_CHART_JS = compact_js(
    (_JS / "loader.js").read_text(encoding="utf-8").replace("__SCRIPT_DIR__", SCRIPT_DIR)
)
LIVE_CHART_CSS = (_JS / "live_chart.css").read_text(encoding="utf-8")

# Registered once at import; Streamlit re-registers it on each new runtime (e.g. AppTest).
# isolate_styles=False: Plotly puts its CSS in document.head and its drag layers in the page,
# which a shadow root would cut off.
_live_chart_element = st.components.v2.component(
    "nn_playground_live_chart",
    js=LIVE_CHART_JS,
    css=LIVE_CHART_CSS,
    isolate_styles=False,
)


@functools.cache
def ensure_plotly_js(static_dir: Path) -> Path | None:
    """Copy plotly.min.js from the plotly package into ``static_dir`` if missing or stale.

    The copy keeps the package file's mtime, so browsers can cache it. Written through a
    temporary file and an atomic rename, so concurrent sessions never see half a file.
    Returns the file's path, or None (with a logged warning) if it cannot be written.
    """
    target = static_dir / PLOTLY_JS_NAME
    try:
        if target.is_file() and target.stat().st_size == PLOTLY_JS_SOURCE.stat().st_size:
            return target
        static_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=static_dir, suffix=".tmp")
        os.close(fd)
        shutil.copy2(PLOTLY_JS_SOURCE, tmp_name)
        os.replace(tmp_name, target)
    except OSError as err:
        _LOGGER.warning("live_chart: cannot copy plotly.js to %s: %s", target, err)
        return None
    return target


@functools.cache
def ensure_chart_scripts(static_dir: Path) -> Path | None:
    """Write the chart modules to ``static_dir/SCRIPT_DIR/`` (a folder filled under a
    temporary name and then renamed, so no session ever imports half of it). Returns the
    folder, or None (with a logged warning) if it cannot be written."""
    target = static_dir / SCRIPT_DIR
    if all((target / name).is_file() for name in SCRIPTS):
        return target  # complete: its name says its content
    try:
        static_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=static_dir, prefix=".live_chart."))
        for name, text in SCRIPTS.items():
            (tmp / name).write_text(text, encoding="utf-8")
        tmp.chmod(0o755)  # mkdtemp makes it private; the static route must read it
        try:
            os.replace(tmp, target)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)  # another session wrote it first
            if not all((target / name).is_file() for name in SCRIPTS):
                raise
    except OSError as err:
        _LOGGER.warning("live_chart: cannot write %s: %s", target, err)
        return None
    return target


def _app_static_dir() -> Path | None:
    """The ``static`` folder Streamlit serves at app/static/ (beside the main script)."""
    ctx = get_script_run_ctx()
    return Path(ctx.main_script_path).resolve().parent / "static" if ctx else None


def _ignore() -> None:
    """The callback of the element's "stopped" trigger: the rerun it causes is the point."""


def live_panel(
    text: str,
    *,
    key: str,
    on_lost: Callable[[], None] = _ignore,
    on_edit: Callable[[], None] = _ignore,
    on_pick: Callable[[], None] = _ignore,
) -> None:
    """Show a panel message (see playground.live.panel) in the element ``key``; later
    calls with the same key update its charts in place.

    If the header names a live feed (``feed``) and ``playing`` is true, the browser pulls
    further messages from that feed until one says playing is false, and then reruns the
    page (the element's "stopped" trigger), unless the header says ``rerun_on_stop: false``
    (an element that watches a session whose own element on the page reruns it: one rerun
    for a stop, not one per element). If the feed fails for good (retried, or its
    session is gone), ``on_lost`` runs before the rerun (the "lost" trigger). Needs
    ``server.enableStaticServing = true``. ``on_edit`` runs on an edit made on the network
    chart (the "edit" trigger), ``on_pick`` on a click on a data point of the boundary chart
    (the "pick" trigger).
    """
    static_dir = _app_static_dir()
    if static_dir is not None:
        ensure_plotly_js(static_dir)
        ensure_chart_scripts(static_dir)
    _live_chart_element(key=key, data=text, width="stretch", height="content",
                        on_stopped_change=_ignore, on_lost_change=on_lost,
                        on_edit_change=on_edit, on_pick_change=on_pick)  # fmt: skip


def live_chart(figure_json: str, *, key: str, height: int) -> None:
    """One live chart: a panel with a single slot named ``key`` (see live_panel), updated in
    place by later calls with the same key.

    ``figure_json`` is ``fig.to_json()`` (NumPy arrays as base64 typed arrays); the chart
    fills the container's width and ``height`` pixels (the figure's own width/height are
    ignored). The browser skips a figure identical to the one it shows, and keeps the
    user's zoom (layout.uirevision defaults to a constant).
    """
    live_panel(panel_text([ChartSlot(key, figure_json, height)], [key], "1fr"), key=key)
