"""MaxPool2D and AvgPool2D: shrink feature maps by a size x size block at a time.

Each output pixel summarises one block of size x size input pixels of its own channel: the
largest (max) or the mean (average). Blocks do not overlap (the stride is the size, as in
PyTorch's default) and rows or columns left over at the bottom or right are dropped (PyTorch's
ceil_mode=False). Input (rows, C, H, W), output (rows, C, H // size, W // size).

How, without a loop over pixels: the pixel at offset (u, v) of every block is one strided
slice of the input, x[:, :, u::size, v::size] (cut to the output's shape), an array shaped
like the output. A pooling is size**2 element-wise operations on those slices: a running
maximum, or a sum divided by size**2. (Reducing a (..., size * size) copy of the blocks along
its last axis does the same arithmetic but is ~20x slower in NumPy for such short axes.)

Backward: the mean spreads each gradient evenly over its block (1 / size**2 each); the
maximum sends it whole to the pixel that won (the arg-max) and nothing to the others. When
several pixels tie for the maximum, the first in row-major order inside the block wins, as in
PyTorch: the running maximum takes a later offset only if it is strictly larger. Pixels
dropped at the edge get no gradient.
"""

import numpy as np

from playground.engine.layers.base import Layer, positive_int


class _Pool2D:
    """What both poolings share: the size, the shapes and the offset slices (a mixin, not a
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

    def offsets(self, x):
        """For each offset (u, v) of a block in row-major order, (index u * size + v, the
        view of x (rows, C, out_h, out_w) holding every block's pixel at that offset)."""
        s = self.size
        out_h, out_w = self.out_hw
        for u in range(s):
            for v in range(s):
                yield u * s + v, x[:, :, u : u + s * out_h : s, v : v + s * out_w : s]

    def infer(self, x):
        """The pooled x as a new (rows, C, out_h, out_w) array."""
        a = np.empty((len(x), *self.output_shape))
        self.forward(x, a, a, self.workspace(len(x), training=False))
        return a


class MaxPool2D(_Pool2D, Layer):
    """MaxPool2D(size=2): the largest value of each size x size block, per channel."""

    def workspace(self, rows, training):
        """winner (rows, C, out_h, out_w): the offset index of each block's maximum, and
        better (same shape, bool): scratch for the comparison."""
        shape = (rows, *self.output_shape)
        return {"winner": np.empty(shape, np.intp), "better": np.empty(shape, bool)}

    def forward(self, x, z, a, work):
        """a = the maximum of each block; the winning offset kept in work for backward."""
        winner, better = work["winner"], work["better"]
        for index, pixels in self.offsets(x):
            if index == 0:
                np.copyto(a, pixels)
                winner.fill(0)
                continue
            np.greater(pixels, a, out=better)  # strictly: a tie keeps the earlier pixel
            np.copyto(a, pixels, where=better)
            np.copyto(winner, index, where=better)

    def backward(self, x, delta, grads, delta_prev, work):
        """Each block's gradient goes whole to its winning pixel; the others get 0."""
        if delta_prev is None:
            return
        winner, won = work["winner"], work["better"]
        delta_prev.fill(0.0)  # also the rows and columns the blocks leave out
        for index, target in self.offsets(delta_prev):
            np.equal(winner, index, out=won)
            np.copyto(target, delta, where=won)


class AvgPool2D(_Pool2D, Layer):
    """AvgPool2D(size=2): the mean of each size x size block, per channel."""

    def forward(self, x, z, a, work):
        """a = the mean of each block: the sum of its size**2 offsets / size**2."""
        a.fill(0.0)
        for _, pixels in self.offsets(x):
            a += pixels
        a *= 1.0 / self.size**2

    def backward(self, x, delta, grads, delta_prev, work):
        """Each block's gradient spread evenly: delta / size**2 on each of its pixels."""
        if delta_prev is None:
            return
        delta_prev.fill(0.0)  # the rows and columns the blocks leave out
        share = 1.0 / self.size**2
        for _, target in self.offsets(delta_prev):
            np.multiply(delta, share, out=target)
