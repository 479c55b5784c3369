"""One epoch of the vision lab's default network (Conv2D(8, 3, "same", relu) -> MaxPool2D(2)
-> Flatten -> Dense(10, softmax)) written two more ways, for benchmarks/engine.py: a bare
NumPy im2col loop (plain arrays, one allocation per op) and PyTorch on one CPU thread.

Each does what Trainer.run_epochs does per epoch: shuffle, mini-batch steps with Adam
(PyTorch's rule), then loss and accuracy on the training and test sets.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _im2col(x, k):
    """x (n, 1, H, W) zero-padded for "same" -> cols (n * H * W, k * k)."""
    p = (k - 1) // 2
    padded = np.pad(x, ((0, 0), (0, 0), (p, k - 1 - p), (p, k - 1 - p)))
    patches = sliding_window_view(padded, (k, k), axis=(2, 3))  # (n, 1, H, W, k, k)
    return patches.reshape(-1, k * k)


def _forward(x, W, b, V, c):
    """Conv (W (8, 9), b) -> relu -> max-pool 2 -> dense (V (128, 10), c) -> softmax."""
    n, _, h, w = x.shape
    cols = _im2col(x, 3)
    z = (cols @ W.T + b).reshape(n, h, w, 8).transpose(0, 3, 1, 2)
    a = np.maximum(z, 0)
    blocks = a.reshape(n, 8, h // 2, 2, w // 2, 2).transpose(0, 1, 2, 4, 3, 5)
    blocks = blocks.reshape(n, 8, h // 2, w // 2, 4)
    arg = blocks.argmax(-1)
    flat = np.take_along_axis(blocks, arg[..., None], -1).reshape(n, -1)
    logits = flat @ V + c
    e = np.exp(logits - logits.max(1, keepdims=True))
    return cols, z, arg, flat, e / e.sum(1, keepdims=True)


def _backward(x, y1hot, W, V, cols, z, arg, flat, probs):
    n, _, h, w = x.shape
    d = (probs - y1hot) / n
    dV, dc = flat.T @ d, d.sum(0)
    dflat = (d @ V.T).reshape(n, 8, h // 2, w // 2)
    dblocks = (np.arange(4) == arg[..., None]) * dflat[..., None]
    da = dblocks.reshape(n, 8, h // 2, w // 2, 2, 2).transpose(0, 1, 2, 4, 3, 5)
    dz = da.reshape(n, 8, h, w) * (z > 0)
    dz_rows = dz.transpose(0, 2, 3, 1).reshape(-1, 8)
    return dz_rows.T @ cols, dz_rows.sum(0), dV, dc  # the first layer needs no dL/dx


def bare_conv_epochs(net, X, y, Xt, yt, batch, epochs, learning_rate, rng):
    """`epochs` epochs of the same network and Adam in plain NumPy (weights copied from net)."""
    conv, dense = net.layers[0], net.layers[3]
    params = [conv.params["W"].reshape(8, 9).copy(), conv.params["b"].copy(),
              dense.params["W"].copy(), dense.params["b"].copy()]  # fmt: skip
    moments = [[np.zeros_like(p) for p in params] for _ in range(2)]
    Y, Yt = np.eye(10)[y], np.eye(10)[yt]
    t = 0
    for _ in range(epochs):
        order = rng.permutation(len(X))
        Xs, Ys = X[order], Y[order]
        for s in range(0, len(X), batch):
            xb, yb = Xs[s : s + batch], Ys[s : s + batch]
            cache = _forward(xb, *params)
            grads = _backward(xb, yb, params[0], params[2], *cache)
            t += 1
            for p, g, m, v in zip(params, grads, *moments, strict=True):
                m *= 0.9
                m += 0.1 * g
                v *= 0.999
                v += 0.001 * g * g
                p -= learning_rate / (1 - 0.9**t) * m / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        for A, T in ((X, Y), (Xt, Yt)):
            probs = _forward(A, *params)[-1]
            loss = -np.mean(np.sum(T * np.log(probs + 1e-300), 1))
            _ = loss, np.mean(probs.argmax(1) == T.argmax(1))


def torch_conv_epochs(X, y, Xt, yt, batch, epochs, learning_rate):
    """The same in PyTorch (float64, one thread), or None if PyTorch is not installed."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(1, 8, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(128, 10)).double()  # fmt: skip
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    X, y, Xt, yt = (torch.from_numpy(np.array(a)) for a in (X, y, Xt, yt))  # writable copies
    for _ in range(epochs):
        order = torch.randperm(len(X))
        for s in range(0, len(X), batch):
            rows = order[s : s + batch]
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(X[rows]), y[rows]).backward()
            optimizer.step()
        with torch.no_grad():
            for A, T in ((X, y), (Xt, yt)):
                logits = model(A)
                loss = nn.functional.cross_entropy(logits, T).item()
                _ = loss, (logits.argmax(1) == T).double().mean().item()
    return True
