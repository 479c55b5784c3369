"""Conv2D: a 2-D convolution over images (rows, channels, height, width), by im2col.

What a convolution computes. A filter is a small stack of weights W[f] (in_channels, k, k).
It slides over the (padded) image with a step of `stride` pixels; at each position it
multiplies the k x k patch under it (all input channels) by its weights and sums: one
number of output feature map f. With F filters the output is (F, out_h, out_w):

    z[n, f, i, j] = b[f] + sum over c, u, v of
                    W[f, c, u, v] * x_padded[n, c, i * stride + u, j * stride + v]

(strictly a cross-correlation, as in every deep-learning library: the kernel is not flipped).

im2col ("image to columns") turns that into ONE matrix product. Lay every patch out as a
column of one matrix, and every filter as a row of another:

    patches   (C, k, k, rows, out_h, out_w)    a strided view of the padded input, no copy
    cols      (C * k * k, positions)           those patches copied into one matrix, one
                                               column per output position (positions =
                                               rows * out_h * out_w, in (sample, i, j) order)
    W_matrix  (F, C * k * k)                   each filter unrolled in the same (c, u, v) order
    z_cols    = W_matrix @ cols                (F, positions): every output, at once
    z         (rows, F, out_h, out_w)          z_cols with the sample axis first, plus b[f]

The backward pass is the same product read the other way. From delta = dL/dz:

    delta_cols (F, positions)                  delta laid out as z_cols
    dW_matrix  = delta_cols @ cols.T           (F, C * k * k): each filter's gradient
    db[f]      = delta[:, f].sum()
    dcols      = W_matrix.T @ delta_cols       (C * k * k, positions): the gradient of every
                                               patch ("col2im" adds them back into the image)

Patches overlap, so a pixel gets the sum of the gradients of every patch it is in. col2im
adds them back with one strided slice per kernel offset (u, v): k * k array additions, no
loop over pixels. Then the padding's border is cut off.

Padding: an int p adds p zeros on every side; "same" (stride 1 only, as in PyTorch) pads so
the output has the input's height and width: k - 1 zeros in all, (k - 1) // 2 before and the
rest after (an even kernel pads one more on the bottom and right, as PyTorch does).
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from playground.engine.initializers import initialize
from playground.engine.layers.base import Layer, activation_named, positive_int


class Conv2D(Layer):
    """Conv2D(filters, kernel_size, stride=1, padding=0, activation="linear").

    Input (rows, in_channels, height, width), output (rows, filters, out_h, out_w) with
    out_h = (height + padding_total - kernel_size) // stride + 1 (out_w alike).
    params["W"] (filters, in_channels, k, k) (PyTorch's layout) and params["b"] (filters,),
    live views into the network's flat vector; L1/L2 apply to W only. padding: an int >= 0
    or "same" (stride 1). activation: any hidden activation (not softmax).
    """

    penalized = ("W",)
    takes_dropout = True

    def __init__(self, filters: int, kernel_size: int, stride: int = 1, padding=0,
                 activation: str = "linear"):  # fmt: skip
        self.filters = positive_int(filters, "Conv2D filters")
        self.kernel_size = positive_int(kernel_size, "Conv2D kernel_size")
        self.stride = positive_int(stride, "Conv2D stride")
        self.padding = _check_padding(padding, self.stride)
        self.activation = activation_named(activation)
        if self.activation.mul_derivative is None:
            raise ValueError(f"Conv2D cannot use {activation!r}: its outputs are feature maps")

    # --- shapes and parameters -----------------------------------------------------------

    def build(self, input_shape):
        """Input (channels, height, width) -> output (filters, out_h, out_w)."""
        if len(input_shape) != 3:
            raise ValueError(f"Conv2D takes images (channels, height, width), not samples "
                             f"of shape {input_shape}")  # fmt: skip
        self.channels, height, width = input_shape
        k, s = self.kernel_size, self.stride
        if self.padding == "same":
            before, after = (k - 1) // 2, k - 1 - (k - 1) // 2
        else:
            before = after = self.padding
        self.pad = (before, after)
        self.padded_shape = (self.channels, height + before + after, width + before + after)
        _, padded_h, padded_w = self.padded_shape
        if k > padded_h or k > padded_w:
            raise ValueError(f"Conv2D kernel {k}x{k} is larger than its padded input "
                             f"{padded_h}x{padded_w}")  # fmt: skip
        self.out_hw = ((padded_h - k) // s + 1, (padded_w - k) // s + 1)
        self.patch = self.channels * k * k  # numbers in one patch: one row of cols
        return (self.filters, *self.out_hw)

    def param_shapes(self):
        """W (filters, in_channels, k, k), then b (filters,)."""
        k = self.kernel_size
        return {"W": (self.filters, self.channels, k, k), "b": (self.filters,)}

    def bind(self, params, flat):
        """Keep W viewed as the (filters, C * k * k) matrix the matmuls use."""
        super().bind(params, flat)
        self.w_matrix = params["W"].reshape(self.filters, self.patch)

    def initialize(self, init, rng):
        """W and b by `init`, with a convolution's fans: fan_in = C * k * k (the numbers one
        output sees), fan_out = filters * k * k."""
        fans = (self.patch, self.filters * self.kernel_size**2)
        initialize(init, self.params["W"], self.params["b"], rng, fans=fans)

    def config(self):
        """{"filters", "kernel_size", "stride", "padding", "activation"}."""
        return {"filters": self.filters, "kernel_size": self.kernel_size, "stride": self.stride,
                "padding": self.padding, "activation": self.activation.name}  # fmt: skip

    # --- passes -------------------------------------------------------------------------

    def workspace(self, rows, training):
        """padded (rows, C, H + pads, W + pads) (zero border, written once), cols (C * k * k,
        positions) and z_cols (filters, positions), positions = rows * out_h * out_w;
        training adds delta_cols, dcols and the padded input's gradient."""
        positions = rows * self.out_hw[0] * self.out_hw[1]
        work = {"cols": np.empty((self.patch, positions)),
                "z_cols": np.empty((self.filters, positions))}  # fmt: skip
        if self.pad != (0, 0):
            work["padded"] = np.zeros((rows, *self.padded_shape))
        if training:
            work["delta_cols"] = np.empty((self.filters, positions))
            work["dcols"] = np.empty((self.patch, positions))
            work["dpadded"] = np.empty((rows, *self.padded_shape))
        return work

    def forward(self, x, z, a, work):
        """z = conv(x, W) + b and a = f(z), (rows, filters, out_h, out_w), via cols (kept in
        work for backward)."""
        cols, z_cols = work["cols"], work["z_cols"]
        self._im2col(self._pad(x, work.get("padded")), cols)
        np.dot(self.w_matrix, cols, out=z_cols)
        self._add_bias(z_cols, z)
        self.activation.forward(z, a)

    def backward(self, x, delta, grads, delta_prev, work):
        """dW = delta_cols @ cols.T, db = sum of delta per filter; dL/dx by col2im."""
        delta_cols = work["delta_cols"]
        np.copyto(self._by_filter(delta_cols, len(delta)), delta.transpose(1, 0, 2, 3))
        np.dot(delta_cols, work["cols"].T, out=grads["W"].reshape(self.filters, self.patch))
        np.sum(delta, axis=(0, 2, 3), out=grads["b"])
        if delta_prev is None:
            return
        dcols = work["dcols"]
        np.dot(self.w_matrix.T, delta_cols, out=dcols)
        if self.pad == (0, 0):
            self._col2im(dcols, delta_prev)
            return
        dpadded = work["dpadded"]
        self._col2im(dcols, dpadded)
        before = self.pad[0]
        height, width = delta_prev.shape[2:]
        delta_prev[...] = dpadded[:, :, before : before + height, before : before + width]

    def infer(self, x):
        """f(conv(x, W) + b) as a new (rows, filters, out_h, out_w) array."""
        rows = len(x)
        padded = np.zeros((rows, *self.padded_shape)) if self.pad != (0, 0) else None
        cols = np.empty((self.patch, rows * self.out_hw[0] * self.out_hw[1]))
        self._im2col(self._pad(x, padded), cols)
        z = np.empty((rows, *self.output_shape))
        self._add_bias(self.w_matrix @ cols, z)
        a = z if self.activation.in_place else np.empty_like(z)
        self.activation.forward(z, a)
        return a

    # --- the steps, one idea each ---------------------------------------------------------

    def _pad(self, x, padded):
        """x with its zero border: `padded`'s interior overwritten (its border stays zero),
        or x itself without padding."""
        if padded is None:
            return x
        before = self.pad[0]
        height, width = x.shape[2:]
        padded[:, :, before : before + height, before : before + width] = x
        return padded

    def _patches(self, padded):
        """(rows, C, out_h, out_w, k, k): a read-only strided view, patch (i, j) is
        padded[:, :, i*s : i*s + k, j*s : j*s + k]; nothing is copied."""
        k, s = self.kernel_size, self.stride
        windows = sliding_window_view(padded, (k, k), axis=(2, 3))
        return windows[:, :, ::s, ::s]

    def _im2col(self, padded, cols):
        """Copy every patch into a column of cols (C * k * k, positions): rows of cols in
        (channel, u, v) order, as W_matrix's columns; columns in (sample, i, j) order."""
        k = self.kernel_size
        target = cols.reshape(self.channels, k, k, len(padded), *self.out_hw)
        np.copyto(target, self._patches(padded).transpose(1, 4, 5, 0, 2, 3))

    def _col2im(self, dcols, dpadded):
        """dpadded (rows, C, H + pads, W + pads) = the sum, over every patch, of its gradient
        (a column of dcols) added where the patch sat: one strided addition per (u, v)."""
        k, s = self.kernel_size, self.stride
        out_h, out_w = self.out_hw
        grid = dcols.reshape(self.channels, k, k, len(dpadded), out_h, out_w)
        dpadded.fill(0.0)
        for u in range(k):
            for v in range(k):
                # what every patch's (u, v) pixel gets: rows u, u + s, ..., columns v, v + s, ...
                below = dpadded[:, :, u : u + s * out_h : s, v : v + s * out_w : s]
                below += grid[:, u, v].transpose(1, 0, 2, 3)

    def _by_filter(self, z_cols, rows):
        """(filters, positions) viewed as (filters, rows, out_h, out_w)."""
        return z_cols.reshape(self.filters, rows, *self.out_hw)

    def _add_bias(self, z_cols, z):
        """z (rows, F, out_h, out_w) = z_cols (F, positions) sample axis first, + b[f]."""
        np.add(self._by_filter(z_cols, len(z)).transpose(1, 0, 2, 3),
               self.params["b"][:, None, None], out=z)  # fmt: skip


def _check_padding(padding, stride: int):
    """padding as an int >= 0 or "same"; ValueError otherwise or for "same" with stride > 1."""
    if padding == "same":
        if stride != 1:
            raise ValueError("Conv2D padding='same' needs stride 1 (as in PyTorch)")
        return "same"
    if isinstance(padding, bool) or not isinstance(padding, (int, np.integer)) or padding < 0:
        raise ValueError(f"Conv2D padding must be an integer >= 0 or 'same', got {padding!r}")
    return int(padding)
