"""Save and load networks: a JSON-safe dict and .npz files. Never pickle.

Loaded data may be a user's upload, so every field is checked and errors are ValueErrors
that say what is wrong.
"""

import numpy as np

FORMAT = "nn-playground-network"
VERSION = 1
MAX_UNITS = 4096  # per layer; guards against a hostile upload asking for a huge network
MAX_PARAMS = 5_000_000


def network_to_dict(net) -> dict:
    """{"format", "version", "sizes", "activations" (hidden layers), "output", "init",
    "seed", "weights" (nested lists, [i] is sizes[i] x sizes[i+1]), "biases" (lists)}."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "sizes": list(net.sizes),
        "activations": list(net.activations[:-1]),
        "output": net.output,
        "init": net.init,
        "seed": net.seed if isinstance(net.seed, int) else None,
        "weights": [w.tolist() for w in net.weights],
        "biases": [b.tolist() for b in net.biases],
    }


def network_from_dict(data):
    """A Network rebuilt from network_to_dict() output; ValueError if anything is invalid."""
    from playground.engine.network import Network

    if not isinstance(data, dict):
        raise ValueError("a saved network must be a JSON object")
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValueError(f"not a saved network (expected format {FORMAT!r} version {VERSION})")
    sizes = data.get("sizes")
    if not isinstance(sizes, list) or not all(type(s) is int for s in sizes):
        raise ValueError("'sizes' must be a list of integers")
    _check_size_limits(sizes)
    activations = data.get("activations")
    if not isinstance(activations, list):
        raise ValueError("'activations' must be a list of names, one per hidden layer")
    net = Network(sizes, activation=activations, output=data.get("output"), init="zeros")
    weights, biases = data.get("weights"), data.get("biases")
    if not isinstance(weights, list) or not isinstance(biases, list):
        raise ValueError("'weights' and 'biases' must be lists, one entry per layer")
    if len(weights) != len(net.layers) or len(biases) != len(net.layers):
        raise ValueError(f"expected {len(net.layers)} weight and bias entries")
    for i, layer in enumerate(net.layers):
        layer.weights[...] = _array(weights[i], layer.weights.shape, f"weights[{i}]")
        layer.bias[...] = _array(biases[i], layer.bias.shape, f"biases[{i}]")
    return net


def _check_size_limits(sizes) -> None:
    if len(sizes) < 2 or min(sizes) < 1 or max(sizes) > MAX_UNITS:
        raise ValueError(f"'sizes' must hold at least 2 layer sizes between 1 and {MAX_UNITS}")
    if sum((m + 1) * n for m, n in zip(sizes, sizes[1:], strict=False)) > MAX_PARAMS:
        raise ValueError(f"the network has more than {MAX_PARAMS:,} parameters")


def _array(values, shape, name) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must hold only numbers") from None
    if array.shape != shape:
        raise ValueError(f"{name} must have shape {shape}, got {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must hold only finite numbers")
    return array


def save_npz(net, file) -> None:
    """Write the network to `file` (a path or binary file object) as .npz, no pickles."""
    saved = network_to_dict(net)
    np.savez(
        file,
        format=np.array(FORMAT),
        version=np.array(VERSION),
        sizes=np.array(net.sizes, dtype=np.int64),
        activations=np.array(saved["activations"], dtype=str),
        output=np.array(net.output),
        params=net.params,
    )


def load_npz(file):
    """Read a network written by save_npz; ValueError if the file is not a valid one."""
    from playground.engine.network import Network

    try:
        with np.load(file, allow_pickle=False) as archive:
            fields = {key: archive[key] for key in archive.files}
    except (OSError, ValueError, EOFError) as error:
        raise ValueError(f"not a readable .npz file: {error}") from None
    needed = {"format", "version", "sizes", "activations", "output", "params"}
    if not needed <= fields.keys() or str(fields["format"]) != FORMAT:
        raise ValueError("this .npz file does not hold a saved network")
    if int(fields["version"]) != VERSION or fields["sizes"].dtype.kind not in "iu":
        raise ValueError("unsupported saved-network version or sizes")
    sizes = [int(s) for s in fields["sizes"].ravel()]
    _check_size_limits(sizes)
    names = [str(name) for name in fields["activations"].ravel()]
    net = Network(sizes, activation=names, output=str(fields["output"]), init="zeros")
    net.params[...] = _array(fields["params"], net.params.shape, "params")
    return net
