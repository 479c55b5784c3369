"""Save and load networks: a JSON-safe dict and .npz files. Never pickle.

Two formats: a Network (the MLP shorthand) is saved as "nn-playground-network" (sizes,
activations, weights, biases), as it always was; any other Sequential as
"nn-playground-model": its input shape and, per layer, the type name (a key of
LAYER_TYPES), the constructor config and the parameters by name. Loading rebuilds layers
from the registry, so a new layer type saves and loads without a change here.

Loaded data may be a user's upload, so every field is checked and errors are ValueErrors
that say what is wrong.
"""

import json
from math import prod

import numpy as np

from playground.engine.initializers import INITIALIZERS
from playground.engine.layers.base import LAYER_TYPES

FORMAT = "nn-playground-network"
VERSION = 1
MODEL_FORMAT = "nn-playground-model"
MODEL_VERSION = 1
MAX_UNITS = 4096  # per layer; guards against a hostile upload asking for a huge network
MAX_PARAMS = 5_000_000
MAX_LAYERS = 64
MAX_VALUES_PER_SAMPLE = 1_000_000  # any layer's output (or the input), one sample


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


def model_to_dict(net) -> dict:
    """A Network's network_to_dict(); for any other Sequential {"format", "version",
    "input_shape", "init", "seed", "layers": [{"type", "config", "params": {name: lists}}]}."""
    from playground.engine.network import Network

    if isinstance(net, Network):
        return network_to_dict(net)
    saved = _architecture(net)
    for entry, layer in zip(saved["layers"], net.layers, strict=True):
        entry["params"] = {name: array.tolist() for name, array in layer.params.items()}
    return saved


def _architecture(net) -> dict:
    return {
        "format": MODEL_FORMAT,
        "version": MODEL_VERSION,
        "input_shape": list(net.input_shape),
        "init": net.init,
        "seed": net.seed if isinstance(net.seed, int) else None,
        "layers": [{"type": layer.type_name, "config": layer.config()} for layer in net.layers],
    }


def model_from_dict(data, flat=None):
    """A model rebuilt from model_to_dict() output (a saved Network as a Network); with
    `flat`, the parameters come from that vector instead of per-layer lists."""
    if isinstance(data, dict) and data.get("format") == FORMAT:
        return network_from_dict(data)
    from playground.engine.sequential import Sequential, build_layers

    if not isinstance(data, dict):
        raise ValueError("a saved model must be a JSON object")
    if data.get("format") != MODEL_FORMAT or data.get("version") != MODEL_VERSION:
        raise ValueError(f"not a saved model (expected format {MODEL_FORMAT!r} "
                         f"version {MODEL_VERSION})")  # fmt: skip
    input_shape, entries = data.get("input_shape"), data.get("layers")
    if not isinstance(input_shape, list) or not all(type(s) is int for s in input_shape):
        raise ValueError("'input_shape' must be a list of integers")
    if not isinstance(entries, list) or not 1 <= len(entries) <= MAX_LAYERS:
        raise ValueError(f"'layers' must be a list of 1 to {MAX_LAYERS} layers")
    layers = [_layer(entry, i) for i, entry in enumerate(entries)]
    _check_model_limits(layers, input_shape, build_layers)
    net = Sequential(layers, input_shape=input_shape, init="zeros")
    net.init = data["init"] if data.get("init") in INITIALIZERS else "zeros"
    net.seed = data["seed"] if type(data.get("seed")) is int else None
    if flat is not None:
        net.params[...] = _array(flat, net.params.shape, "params")
        return net
    for i, (entry, layer) in enumerate(zip(entries, layers, strict=True)):
        saved = entry.get("params")
        if not isinstance(saved, dict) or set(saved) != set(layer.params):
            raise ValueError(f"layers[{i}].params must hold exactly {sorted(layer.params)}")
        for name, array in layer.params.items():
            array[...] = _array(saved[name], array.shape, f"layers[{i}].params[{name!r}]")
    return net


def _layer(entry, i: int):
    """One layer from its saved {"type", "config"}; ValueError naming layers[i] if bad."""
    kind = entry.get("type") if isinstance(entry, dict) else None
    if not isinstance(kind, str) or kind not in LAYER_TYPES:  # a list would not hash
        known = ", ".join(sorted(LAYER_TYPES))
        raise ValueError(f"layers[{i}] must name a layer type: one of {known}")
    config = entry.get("config", {})
    if not isinstance(config, dict) or not all(isinstance(key, str) for key in config):
        raise ValueError(f"layers[{i}].config must be an object of settings")
    try:
        return LAYER_TYPES[entry["type"]](**config)
    except (TypeError, ValueError, KeyError, OverflowError) as error:
        raise ValueError(f"layers[{i}] ({entry['type']}): {error}") from None


def _check_model_limits(layers, input_shape, build_layers) -> None:
    """Build the layers' shapes (allocating nothing) and refuse absurd sizes."""
    if not input_shape or min(input_shape) < 1 or prod(input_shape) > MAX_VALUES_PER_SAMPLE:
        raise ValueError("'input_shape' must be positive sizes of at most "
                         f"{MAX_VALUES_PER_SAMPLE:,} values")  # fmt: skip
    build_layers(layers, tuple(input_shape))
    if any(prod(layer.output_shape) > MAX_VALUES_PER_SAMPLE for layer in layers):
        raise ValueError(f"a layer gives more than {MAX_VALUES_PER_SAMPLE:,} values per sample")
    total = sum(prod(shape) for layer in layers for shape in layer.param_shapes().values())
    if total > MAX_PARAMS:
        raise ValueError(f"the network has more than {MAX_PARAMS:,} parameters")


def save_npz(net, file) -> None:
    """Write the network to `file` (a path or binary file object) as .npz, no pickles."""
    from playground.engine.network import Network

    if not isinstance(net, Network):
        architecture = json.dumps(_architecture(net))
        np.savez(file, format=np.array(MODEL_FORMAT), model=np.array(architecture),
                 params=net.params)  # fmt: skip
        return
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
    if "format" in fields and str(fields["format"]) == MODEL_FORMAT:
        return _model_from_npz(fields)
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


def _model_from_npz(fields):
    if not {"model", "params"} <= fields.keys() or fields["model"].dtype.kind != "U":
        raise ValueError("this .npz file does not hold a saved model")
    try:
        architecture = json.loads(str(fields["model"]))
    except ValueError:
        raise ValueError("the saved model's description is not valid JSON") from None
    return model_from_dict(architecture, flat=fields["params"])
