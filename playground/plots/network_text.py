"""The network view's text: names beside the inputs and outputs, a header and controls over
every layer, activation names under it, "+N" markers, all as layout annotations.

Annotations, not text traces: while training only the links change, and Plotly.react
re-plots traces but leaves an unchanged layout alone. Their font sizes are pixels while the
boxes scale with the figure, so text that could collide (activation names under narrow
columns) is measured at the nominal scale (network_geometry.Canvas) and staggered onto a
second row when it would not fit; text_box gives the pixel extent the tests check.
"""

from playground.plots.colors import DARK, LINK_NEUTRAL
from playground.plots.network_edit import NetworkEdit, layer_count_targets, neuron_targets
from playground.plots.network_geometry import BOX, NEURON_GAP, NeuronBox, marker_slot

FONT = 11
SMALL_FONT = 10
CHAR_EM = 0.6  # a generous average glyph width of Helvetica / Arial, in em
MUTED = "#888888"
BUTTON_SHIFT_PX = 14  # the - and + of a layer sit this far left and right of its centre
CONTROL_ROW_PX = 6  # above the columns: per-layer controls (a second row 19 px higher)
SECOND_CONTROL_ROW_PX = 19
LAYER_ROW_PX = 46  # above those: the number of hidden layers
ACTIVATION_ROW_PX = 4  # below the columns: activation names (a second row 13 px lower)
SECOND_ROW_PX = 13
LINE_PX = 13.5  # height of one line of names beside a box
ROW_CLEARANCE_PX = 3  # the least room between two texts on one row

_ANCHORS = {  # where the label sits relative to its point -> annotation anchors
    "left": {"xanchor": "right", "yanchor": "middle"},
    "right": {"xanchor": "left", "yanchor": "middle"},
    "above": {"xanchor": "center", "yanchor": "bottom"},
    "below": {"xanchor": "center", "yanchor": "top"},
    "center": {"xanchor": "center", "yanchor": "middle"},
}


def text_width_px(text: str, size: int = FONT) -> float:
    """Estimated width in pixels of one line of text at font size `size`."""
    return CHAR_EM * size * len(text)


def text_box(note: dict, px_per_unit: float) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) in pixels (y up, from the data origin) of an annotation
    made here, at px_per_unit pixels per unit: for checking that texts do not overlap."""
    size = note.get("font", {}).get("size", FONT)
    pad = note.get("borderpad", 0) + note.get("borderwidth", 0)
    width = text_width_px(note["text"], size) + 2 * pad
    height = size * 1.2 + 2 * pad
    x = note["x"] * px_per_unit + note.get("xshift", 0)
    y = note["y"] * px_per_unit + note.get("yshift", 0)
    left = {"left": x, "center": x - width / 2, "right": x - width}[note["xanchor"]]
    bottom = {"bottom": y, "middle": y - height / 2, "top": y - height}[note["yanchor"]]
    return left, left + width, bottom, bottom + height


def label(x: float, y: float, text: str, side: str, size: int = FONT, **extra) -> dict:
    """A text annotation at (x, y) in data units on the given side of the point."""
    return {"x": round(x, 3), "y": round(y, 3), "text": text, "showarrow": False,
            "font": {"size": size, **extra.pop("font", {})}, **_ANCHORS[side], **extra}  # fmt: skip


def button(x: float, y: float, text: str, target: str | None, hover: str, **shift) -> dict:
    """A small clickable box with text; target: the edit payload its click sends (its
    annotation name), None for a disabled button (greyed, not clickable)."""
    style = {"bgcolor": "#f3f4f5" if target else "#fafafa", "bordercolor": LINK_NEUTRAL,
             "borderwidth": 1, "borderpad": 1.5,
             "font": {"color": DARK if target else "#cccccc"}}  # fmt: skip
    if target:
        style |= {"captureevents": True, "name": target, "hovertext": hover}
    return label(x, y, text, "above", **style, **shift)


def io_labels(boxes, names: list[list[str]], notes: list[str], px_per_unit: float) -> list[dict]:
    """Input names (and a second line, e.g. a value range, where two lines fit beside a
    box at the nominal scale) left of their boxes, output names right of theirs; names[0]
    are the input boxes' names, names[-1] the outputs'."""
    out = []
    two_lines = (BOX + NEURON_GAP) * px_per_unit >= 2 * LINE_PX + 2
    for box, name, note in zip(boxes[0], names[0], notes, strict=False):
        _, cy = box.center
        note = note if two_lines else ""
        out.append(label(box.left - 0.12, cy, name, "left", yshift=LINE_PX / 2 if note else 0))
        if note:
            out.append(label(box.left - 0.12, cy, note, "left", SMALL_FONT,
                             yshift=-LINE_PX / 2, font={"color": MUTED}))  # fmt: skip
    for box in boxes[-1]:
        _, cy = box.center
        out.append(label(box.right + 0.12, cy, names[-1][box.index], "right"))
    return out


def markers(boxes: list[list[NeuronBox]], sizes: list[int]) -> list[dict]:
    """'+N' in the last slot of each collapsed column (sizes: what each column stands for)."""
    out = []
    for column, size in zip(boxes, sizes, strict=True):
        more = size - len(column)
        if more > 0:
            x, y = marker_slot(column)
            out.append(label(x, y, f"+{more}", "center", SMALL_FONT, font={"color": MUTED},
                             hovertext=f"{more} more, not drawn"))  # fmt: skip
    return out


def stagger(groups: list[list[dict]], px_per_unit: float, step_px: int) -> list[dict]:
    """Texts grouped by column, left to right, each group on the first of two rows where it
    clears the group before it on that row at the nominal scale; the second row is step_px
    further out (positive: up). Returns all texts."""
    row_ends = [-1e9, -1e9]  # right edge (px) of the last group on each row
    out = []
    for group in groups:
        spans = [text_box(note, px_per_unit)[:2] for note in group]
        left, right = min(a for a, _ in spans), max(b for _, b in spans)
        row = 0 if left >= row_ends[0] + ROW_CLEARANCE_PX else 1
        row_ends[row] = right
        for note in group:
            note["yshift"] = note.get("yshift", 0) + row * step_px
        out += group
    return out


def activation_row(
    boxes, activation_names: list[str], bottom: float, px_per_unit: float
) -> list[dict]:
    """Activation names under the layers (not the inputs), staggered onto two rows where
    neighbours would touch."""
    groups = [[label(column[0].center[0], bottom, name, "below", SMALL_FONT,
                     font={"color": MUTED}, yshift=-ACTIVATION_ROW_PX)]
              for column, name in zip(boxes[1:], activation_names, strict=True)]  # fmt: skip
    return stagger(groups, px_per_unit, -SECOND_ROW_PX)


def _neuron_controls(x: float, top: float, hidden: list[int], layer: int, edit) -> list[dict]:
    """A hidden layer's neuron count, between - and + when editable."""
    size = hidden[layer]
    count = f"{size} neuron{'s' if size != 1 else ''} in layer {layer + 1}"
    out = [label(x, top, str(size), "above", yshift=CONTROL_ROW_PX + 1.5, hovertext=count)]
    if edit and edit.layers:
        fewer, more = neuron_targets(hidden, layer, edit)
        row = {"yshift": CONTROL_ROW_PX}
        out.append(button(x, top, "−", fewer, f"one neuron less in layer {layer + 1}",
                          xshift=-BUTTON_SHIFT_PX, **row))  # fmt: skip
        out.append(button(x, top, "+", more, f"one neuron more in layer {layer + 1}",
                          xshift=BUTTON_SHIFT_PX, **row))  # fmt: skip
    return out


def layer_controls(
    boxes, hidden: list[int], top: float, edit: NetworkEdit | None, px_per_unit: float
) -> list[dict]:
    """Over each hidden layer its neuron count, with - and + when editable, over the inputs
    and the output a plain header (staggered onto two rows where neighbours would touch);
    above all, the number of hidden layers with - and +."""
    row = {"yshift": CONTROL_ROW_PX}
    groups = [[label(boxes[0][0].center[0], top, "input", "above", **row)]]
    groups += [_neuron_controls(boxes[layer + 1][0].center[0], top, hidden, layer, edit)
               for layer in range(len(hidden))]  # fmt: skip
    groups.append([label(boxes[-1][0].center[0], top, "output", "above", **row)])
    return stagger(groups, px_per_unit, SECOND_CONTROL_ROW_PX) + _layer_count(
        boxes, hidden, top, edit
    )


def _layer_count(boxes, hidden: list[int], top: float, edit: NetworkEdit | None) -> list[dict]:
    """'N hidden layers' between - and +, starting over the inputs: the left of the top row
    stays clear of the chart's toolbar, which appears at the top right."""
    x = boxes[0][0].center[0]
    text = f"{len(hidden)} hidden layer{'s' if len(hidden) != 1 else ''}"
    offset = text_width_px(text) / 2 + 9
    row = {"yshift": LAYER_ROW_PX}
    out = [label(x, top, text, "above", yshift=LAYER_ROW_PX + 1.5, xshift=offset)]
    if edit and edit.layers:
        remove, add = layer_count_targets(hidden, edit)
        out.append(button(x, top, "−", remove, "remove the last hidden layer", **row))
        out.append(button(x, top, "+", add, "add a hidden layer", xshift=2 * offset, **row))
    return out
