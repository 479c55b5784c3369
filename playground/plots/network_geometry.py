"""Where each neuron of the network view goes, in the view's own units (a box is 1 x 1).

Layers run left to right; each layer's neurons are stacked top to bottom and centred on
y = 0. A layer wider than MAX_SHOWN_NEURONS shows only its first COLLAPSED_SHOWN neurons.
"""

from dataclasses import dataclass

BOX = 1.0
NEURON_GAP = 0.45
LAYER_STEP = 2.8
MAX_SHOWN_NEURONS = 10
COLLAPSED_SHOWN = 6


@dataclass(frozen=True)
class NeuronBox:
    """One drawn neuron: its layer, index in the layer, and lower-left corner."""

    layer: int
    index: int
    left: float
    bottom: float

    @property
    def center(self) -> tuple[float, float]:
        """(x, y) of the box's middle."""
        return self.left + BOX / 2, self.bottom + BOX / 2

    @property
    def right(self) -> float:
        """x of the box's right edge."""
        return self.left + BOX


def shown_count(size: int) -> int:
    """How many of a layer's size neurons are drawn."""
    return size if size <= MAX_SHOWN_NEURONS else COLLAPSED_SHOWN


def layer_boxes(layer_sizes: list[int]) -> list[list[NeuronBox]]:
    """Boxes of the drawn neurons, one list per layer (input first)."""
    boxes = []
    for layer, size in enumerate(layer_sizes):
        count = shown_count(size)
        top = (count * BOX + (count - 1) * NEURON_GAP) / 2
        column = [
            NeuronBox(layer, i, layer * LAYER_STEP, top - BOX - i * (BOX + NEURON_GAP))
            for i in range(count)
        ]
        boxes.append(column)
    return boxes


def link_point(start: NeuronBox, end: NeuronBox, share: float) -> tuple[float, float]:
    """The point share of the way from start's right edge to end's left edge (centre heights)."""
    (_, y0), (_, y1) = start.center, end.center
    x0, x1 = start.right, end.left
    return x0 + (x1 - x0) * share, y0 + (y1 - y0) * share


def extent(boxes: list[list[NeuronBox]]) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of all drawn boxes."""
    flat = [b for column in boxes for b in column]
    return (
        min(b.left for b in flat),
        max(b.right for b in flat),
        min(b.bottom for b in flat),
        max(b.bottom + BOX for b in flat),
    )
