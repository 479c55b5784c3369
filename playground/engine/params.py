"""The flat parameter vector and each layer's named views into it (the one place this is
explained).

Every parameter of a network lives in ONE float64 vector, `net.params`. Each layer declares
its parameters in order (`param_shapes()`); the layout puts the layers one after another and,
inside a layer, each parameter after the previous one, row-major. Every layer's arrays
(`layer.params["W"]`, `net.weights[i]`, ...) are views of slices of that vector: no copies.

Worked example: Sequential([Dense(3, activation="tanh"), Dense(1)], input_shape=(2,))

    layer 0  W (2, 3)  params[0:6]    W[r, c] = params[0 + 3 r + c]
             b (3,)    params[6:9]
    layer 1  W (3, 1)  params[9:12]
             b (1,)    params[12:13]     13 numbers in all

Dense's W followed by its b is one (fan_in + 1, fan_out) block ([W; b], the bias as the
last row), which is why Dense can compute x @ W + b with one matmul on inputs that carry a
column of ones. The gradient (`net.flat_gradient`, the trainer's buffer) and the optimizer's
state are vectors of the same layout, so one optimizer step is a handful of vector
operations whatever the depth, and L1/L2 use one mask of the same layout (1.0 on the names
each layer lists in `penalized`, 0.0 on biases).

Why `net.weights[0][...] = W` works and `net.weights[0] = W` does not: `net.weights[0]` is
a view, so assigning INTO it (`[...] =`, `[0, 1] =`, `+=`) writes the numbers into
`net.params`, where the forward pass, the trainer and the optimizer read them. Assigning
TO the list slot would only rebind that slot to a new array that nothing else reads, and
the network would silently ignore it; so `net.weights` and `net.biases` refuse it
(LiveViews) and `layer.params` is a read-only mapping. The same holds for the vector itself:
`net.params[...] = v` loads weights, `net.params = v` would detach them.
"""

from math import prod

import numpy as np


class ParamLayout:
    """Where each layer's parameters live in a flat vector.

    ParamLayout(layers) for built layers. size: the vector's length; offsets[i], sizes[i]:
    layer i's slice; shapes[i]: its {name: shape}.
    """

    def __init__(self, layers):
        self.shapes = [dict(layer.param_shapes()) for layer in layers]
        self.sizes = [sum(prod(shape) for shape in s.values()) for s in self.shapes]
        self.offsets = [sum(self.sizes[:i]) for i in range(len(self.sizes))]
        self.size = sum(self.sizes)

    def spans(self, flat: np.ndarray) -> list[np.ndarray]:
        """Per layer, its slice of `flat` (a vector of this layout) as a 1-D view."""
        self._check(flat)
        return [flat[o : o + n] for o, n in zip(self.offsets, self.sizes, strict=True)]

    def views(self, flat: np.ndarray) -> list[dict[str, np.ndarray]]:
        """Per layer, {name: view of `flat` shaped like that parameter}."""
        out = []
        for span, shapes in zip(self.spans(flat), self.shapes, strict=True):
            named, start = {}, 0
            for name, shape in shapes.items():
                size = prod(shape)
                named[name] = span[start : start + size].reshape(shape)
                start += size
            out.append(named)
        return out

    def mask(self, layers) -> np.ndarray:
        """(size,) 1.0 where a parameter is one a layer lists in `penalized`, else 0.0."""
        mask = np.zeros(self.size)
        for layer, named in zip(layers, self.views(mask), strict=True):
            for name in layer.penalized:
                named[name][...] = 1.0
        return mask

    def _check(self, flat) -> None:
        if flat.shape != (self.size,) or not flat.flags.c_contiguous:
            raise ValueError(f"expected a contiguous vector of {self.size} parameters")


class LiveViews(list):
    """A list of live parameter views (net.weights, net.biases) that refuses `views[i] = x`,
    which would detach slot i from the network; write into the view instead."""

    def __setitem__(self, index, value):
        raise TypeError(
            "this list holds live views of the network's parameters: write into one "
            "(net.weights[i][...] = W), do not replace it (see playground.engine.params)"
        )
