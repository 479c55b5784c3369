"""Where each neuron of the network view goes, in the view's own units (a box is 1 x 1).

Layers run left to right; each layer's neurons are stacked top to bottom and centred on
y = 0. A column holds at most MAX_SLOTS boxes: a wider layer shows its first
MAX_SLOTS - 1 neurons and a "+N" marker in the last slot.

Text (layer headers, controls) has a fixed size in pixels while the boxes scale with the
figure, so the layout is judged at the plot size of a 1500 px wide page (NOMINAL_PLOT_PX):
the layer step widens while there is room, so few layers spread out and many stay apart.
"""

from dataclasses import dataclass

BOX = 1.0
NEURON_GAP = 0.45
MIN_LAYER_STEP = 2.3  # room for the links between two columns and a header over each
MAX_LAYER_STEP = 5.0
MAX_SLOTS = 10  # digits' ten outputs and a 2-D set's seven features fit in one column
SIDE_PAD = 0.35  # units left and right of the outer columns
NOMINAL_PLOT_PX = (520, 356)  # figure width, plot height at a 1500 px page (5fr of 9fr)
TOP_ROOM_PX = 68  # above the columns: two rows of per-layer controls, the layer count
BOTTOM_ROOM_PX = 34  # below the columns: activation names (two rows when staggered)


@dataclass(frozen=True)
class NeuronBox:
    """One drawn box: its layer, its neuron's index in the layer (-1: an input feature the
    network does not use), its slot (row) in the column, and its lower-left corner."""

    layer: int
    index: int
    left: float
    bottom: float
    slot: int = 0

    @property
    def center(self) -> tuple[float, float]:
        """(x, y) of the box's middle."""
        return self.left + BOX / 2, self.bottom + BOX / 2

    @property
    def right(self) -> float:
        """x of the box's right edge."""
        return self.left + BOX


@dataclass(frozen=True)
class Canvas:
    """The drawing's scale: layer_step in units, px_per_unit at the nominal plot size."""

    layer_step: float
    px_per_unit: float


def shown_count(size: int) -> int:
    """How many of a layer's size neurons are drawn as boxes."""
    return size if size <= MAX_SLOTS else MAX_SLOTS - 1


def column_height(slots: int) -> float:
    """Height in units of a column of `slots` boxes."""
    return slots * BOX + max(slots - 1, 0) * NEURON_GAP


def canvas(column_slots: list[int], side_px: int) -> Canvas:
    """The layer step and scale for columns of these slot counts (markers included), in a
    figure whose left + right margins take side_px pixels."""
    width_px = NOMINAL_PLOT_PX[0] - side_px
    height_px = NOMINAL_PLOT_PX[1] - TOP_ROOM_PX - BOTTOM_ROOM_PX
    by_height = height_px / column_height(max(column_slots))
    gaps = max(len(column_slots) - 1, 1)
    fixed = BOX + 2 * SIDE_PAD
    step = (width_px / by_height - fixed) / gaps  # the step that fills the width
    step = min(MAX_LAYER_STEP, max(MIN_LAYER_STEP, step))
    by_width = width_px / (gaps * step + fixed)
    return Canvas(step, min(by_height, by_width))


def column_sizes(layer_sizes: list[int], input_rows: list[int] | None = None) -> list[int]:
    """Boxes each column stands for: the input features drawn (input_rows, if given) and
    every layer's neurons."""
    return [len(input_rows) if input_rows is not None else layer_sizes[0], *layer_sizes[1:]]


def column_indices(layer_sizes: list[int], input_rows: list[int] | None = None) -> list[list[int]]:
    """Per layer, the neuron index of each drawn box, top to bottom.

    input_rows: for every input box, the network input it feeds (-1 for a feature drawn but
    not used); default one box per network input.
    """
    sizes = column_sizes(layer_sizes, input_rows)
    columns = [list(range(shown_count(size))) for size in sizes]
    if input_rows is not None:
        columns[0] = list(input_rows[: shown_count(len(input_rows))])
    return columns


def slot_counts(sizes: list[int]) -> list[int]:
    """Slots per column of these column_sizes: its boxes, plus one for the "+N" marker of a
    collapsed layer."""
    return [shown_count(size) + (1 if size > MAX_SLOTS else 0) for size in sizes]


def layer_boxes(columns: list[list[int]], slots: list[int], step: float) -> list[list[NeuronBox]]:
    """Boxes of the drawn neurons, one list per layer (input first), each column centred on
    y = 0 over its slots (see column_indices, slot_counts)."""
    boxes = []
    for layer, (indices, count) in enumerate(zip(columns, slots, strict=True)):
        top = column_height(count) / 2
        boxes.append([
            NeuronBox(layer, index, layer * step, top - BOX - i * (BOX + NEURON_GAP), i)
            for i, index in enumerate(indices)
        ])  # fmt: skip
    return boxes


def marker_slot(column: list[NeuronBox]) -> tuple[float, float]:
    """(x, y) centre of the slot under a collapsed column's last box (its "+N" marker)."""
    x, y = column[-1].center
    return x, y - (BOX + NEURON_GAP)


def link_point(start: NeuronBox, end: NeuronBox, share: float) -> tuple[float, float]:
    """The point share of the way from start's right edge to end's left edge (centre heights)."""
    (_, y0), (_, y1) = start.center, end.center
    x0, x1 = start.right, end.left
    return x0 + (x1 - x0) * share, y0 + (y1 - y0) * share


def extent(boxes: list[list[NeuronBox]], slots: list[int]) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of all drawn boxes and markers' slots."""
    flat = [b for column in boxes for b in column]
    half = column_height(max(slots)) / 2
    return min(b.left for b in flat), max(b.right for b in flat), -half, half
