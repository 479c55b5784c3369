"""Draw a digit: a canvas (a components-v2 element, draw_js/) the student draws on with the
mouse or a finger; each finished stroke reaches the server, which checks it, reduces it to
8×8 the way the digits were made (playground/data/drawn_digit.py) and shows it to the
network (ConvSession.set_drawing): the live views then show what the network makes of it.

The element's script and style are sent inline (a few KB, no CDN: works offline).
"""

from pathlib import Path
from typing import Any

import numpy as np
import streamlit as st

from playground.data.digits import DIGIT_IMAGE_SHAPE
from playground.data.drawn_digit import MAX_POINTS, MAX_STROKES, drawn_digit, parse_strokes
from playground.ui import plain, state
from playground.ui.live_chart import compact_js

_JS = Path(__file__).parent / "draw_js"
DRAW_KEY = "draw_digit"  # the element's key; its "strokes" trigger carries the drawing
TRIGGER = "strokes"
SHOWN_KEY = "draw_digit_shown"  # (seq, strokes) the server accepted last, sent back to it
MAX_SEQ = 10**9

_draw_element = st.components.v2.component(
    "nn_playground_draw_digit",
    js=compact_js((_JS / "draw_canvas.js").read_text(encoding="utf-8")),
    css=(_JS / "draw_canvas.css").read_text(encoding="utf-8"),
    isolate_styles=False,
)

HELP = (
    "Draw one digit, any size: like the digits set it is fitted into 32×32 pixels and the ink "
    "of each 4×4 block counted (0..16); the network reads those 8×8 counts divided by 16, "
    "live as it trains."
)


def parse_payload(raw: Any) -> tuple[int, list[np.ndarray]] | None:
    """(seq, strokes) from the element's trigger value {"seq": int, "strokes": [...]}, or
    None for anything else (see parse_strokes for the strokes' checks)."""
    if not isinstance(raw, dict) or set(raw) != {"seq", TRIGGER}:
        return None
    seq = raw["seq"]
    if isinstance(seq, float) and seq.is_integer():
        seq = int(seq)  # JSON has one number type
    if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq <= MAX_SEQ:
        return None
    strokes = parse_strokes(raw[TRIGGER])
    return None if strokes is None else (seq, strokes)


def apply_drawing(session, raw: Any) -> bool:
    """Show `session` (a ConvSession) the drawing in the trigger value `raw`; False (and
    nothing changes) if `raw` is not a valid drawing."""
    parsed = parse_payload(raw)
    if parsed is None or not hasattr(session, "set_drawing"):
        return False
    seq, strokes = parsed
    session.set_drawing(drawn_digit(strokes))
    st.session_state[SHOWN_KEY] = (seq, [s.tolist() for s in strokes])
    return True


def _on_strokes() -> None:
    result = st.session_state.get(DRAW_KEY)
    raw = result.get(TRIGGER) if hasattr(result, "get") else None
    apply_drawing(state.playground(), raw)  # anything else is ignored: a stray message


def draw_digit(session) -> None:
    """The canvas and a line on what happens to the drawing (the digits only: the shapes'
    images are another size, so there only a line says so)."""
    st.subheader("Draw a digit", anchor=False)
    if tuple(session.images.image_shape) != DIGIT_IMAGE_SHAPE:
        plain.caption("Drawing is for the digits: choose Images = Digits.")
        return
    seq, strokes = st.session_state.get(SHOWN_KEY, (0, []))
    data = {"seq": seq, "strokes": strokes, "max_strokes": MAX_STROKES, "max_points": MAX_POINTS}
    _draw_element(key=DRAW_KEY, data=data, width="stretch", height="content",
                  on_strokes_change=_on_strokes)  # fmt: skip
    plain.caption(HELP)
