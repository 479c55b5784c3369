"""MaxPool2D and AvgPool2D: shrink feature maps by a size x size block at a time.

Each output pixel summarises one block of size x size input pixels of its own channel: the
largest (max) or the mean (average). Blocks do not overlap (the stride is the size, as in
PyTorch's default) and rows or columns left over at the bottom or right are dropped (PyTorch's
ceil_mode=False). Input (rows, C, H, W), output (rows, C, H // size, W // size).

    blocks  (rows, C, H // size, W // size, size, size)   a strided view of x, no copy

Backward: the mean spreads each gradient evenly over its block (1 / size**2 each); the
maximum sends it whole to the pixel that won (the arg-max) and nothing to the others. When
several pixels tie for the maximum, the first in row-major order inside the block wins, as
in PyTorch (and as np.argmax picks). Pixels dropped at the edge get no gradient.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from playground.engine.layers.base import Layer, positive_int


class _Pool2D:
    """What both poolings share: the size, the shapes and the block view (a mixin, not a
    Layer itself, so that it is no layer type a saved model could name)."""

    def __init__(self, size: int = 2):
        self.size = positive_int(size, f"{type(self).__name__} size")

    def build(self, input_shape):
        """Input (channels, height, width) -> (channels, height // size, width // size)."""
        if len(input_shape) != 3:
            raise ValueError(f"{self.type_name} takes images (channels, height, width), not "
                             f"samples of shape {input_shape}")  # fmt: skip
        channels, height, width = input_shape
        if self.size > min(height, width):
            raise ValueError(f"{self.type_name}({self.size}) is larger than its input "
                             f"{height}x{width}")  # fmt: skip
        self.out_hw = (height // self.size, width // self.size)
        return (channels, *self.out_hw)

    def config(self):
        """{"size"}."""
        return {"size": self.size}

    def blocks(self, x, writeable=False):
        """(rows, C, out_h, out_w, size, size): block (i, j) of every channel, a view of x
        (writeable only to write into an output, where blocks do not overlap)."""
        s = self.size
        return sliding_window_view(x, (s, s), axis=(2, 3), writeable=writeable)[:, :, ::s, ::s]

    def infer(self, x):
        """The pooled x as a new (rows, C, out_h, out_w) array."""
        a = np.empty((len(x), *self.output_shape))
        self.forward(x, a, a, self.workspace(len(x), training=False))
        return a


class MaxPool2D(_Pool2D, Layer):
    """MaxPool2D(size=2): the largest value of each size x size block, per channel."""

    def workspace(self, rows, training):
        """flat (rows, C, out_h, out_w, size * size): the blocks, copied; winner: each
        block's arg-max (int), and hits (one-hot of the winner, float) for backward."""
        shape = (rows, *self.output_shape)
        work = {"flat": np.empty((*shape, self.size**2)), "winner": np.empty(shape, np.intp)}
        if training:
            work["hits"] = np.empty((*shape, self.size**2))
        return work

    def forward(self, x, z, a, work):
        """a = the maximum of each block; the arg-max kept in work for backward."""
        flat = work["flat"]
        np.copyto(flat.reshape(*flat.shape[:-1], self.size, self.size), self.blocks(x))
        np.argmax(flat, axis=-1, out=work["winner"])
        np.max(flat, axis=-1, out=a)

    def backward(self, x, delta, grads, delta_prev, work):
        """Each block's gradient goes whole to its arg-max pixel; the others get 0."""
        if delta_prev is None:
            return
        hits = work["hits"]
        np.equal(np.arange(self.size**2), work["winner"][..., None], out=hits)
        hits *= delta[..., None]
        delta_prev.fill(0.0)  # also the rows and columns the blocks leave out
        target = self.blocks(delta_prev, writeable=True)
        np.copyto(target, hits.reshape(*hits.shape[:-1], self.size, self.size))


class AvgPool2D(_Pool2D, Layer):
    """AvgPool2D(size=2): the mean of each size x size block, per channel."""

    def forward(self, x, z, a, work):
        """a = the mean of each block."""
        np.mean(self.blocks(x), axis=(-2, -1), out=a)

    def backward(self, x, delta, grads, delta_prev, work):
        """Each block's gradient spread evenly: delta / size**2 on each of its pixels."""
        if delta_prev is None:
            return
        delta_prev.fill(0.0)  # the rows and columns the blocks leave out
        target = self.blocks(delta_prev, writeable=True)
        np.multiply(delta[..., None, None], 1.0 / self.size**2, out=target)
