"""Bytes and build time of every figure at TF Playground's defaults, as a table.

Run: python -m benchmarks.figures
Inputs are synthetic but shaped like the live page's at the defaults: circle data (250 train,
250 test), a 100 x 100 boundary grid, network 2-4-2-1 with 20 x 20 neuron images, a loss
curve of 5,000 epochs, and the weights; plus the digits views for reference.
"""

import time

import numpy as np

from playground import plots
from playground.plots.serialize import figure_json
from playground.snapshot import BOUNDARY_GRID_SIZE, NEURON_GRID_SIZE

LIVE_BUDGET_BYTES = 45_000


def circle_points(rng: np.random.Generator, n: int = 500) -> tuple[np.ndarray, np.ndarray]:
    """TF Playground's circle: (n, 2) points in [-5, 5]^2 and labels 0 (outside) / 1 (inside)."""
    radius = np.concatenate([rng.uniform(0, 2.5, n // 2), rng.uniform(3.5, 5, n - n // 2)])
    angle = rng.uniform(0, 2 * np.pi, n)
    xy = np.column_stack([radius * np.sin(angle), radius * np.cos(angle)])
    order = rng.permutation(n)  # shuffled once, like TF Playground, so the split mixes classes
    return xy[order], (radius[order] < 2.5).astype(int)


def default_inputs(seed: int = 0) -> dict:
    """Every array the live figures take at the defaults, keyed by meaning."""
    rng = np.random.default_rng(seed)
    xy, labels = circle_points(rng)
    grid = np.linspace(-6, 6, BOUNDARY_GRID_SIZE)
    gx, gy = np.meshgrid(grid, grid)
    probability = 1 / (1 + np.exp(gx**2 + gy**2 - 9))
    sizes = [2, 4, 2, 1]
    g = NEURON_GRID_SIZE
    small = np.linspace(-6, 6, g)
    sx, sy = np.meshgrid(small, small)
    bases = [sx / 6, sy / 6, np.tanh(sx * sy / 8), np.tanh((sx + sy) / 4)]
    grids = [
        np.stack([bases[(k + n) % 4] * (-1) ** n for n in range(s)], -1)
        for k, s in enumerate(sizes)
    ]
    epochs = np.arange(1, 5001)
    loss = 0.5 * np.exp(-epochs / 800) + 0.02 + 0.01 * rng.random(5000)
    return {
        "xy": xy,
        "labels": labels,
        "grid": grid,
        "probability": probability,
        "sizes": sizes,
        "node_labels": [["x1", "x2"], ["h1.1", "h1.2", "h1.3", "h1.4"], ["h2.1", "h2.2"], ["out"]],
        "neuron_grids": grids,
        "weights": [
            rng.uniform(-1.5, 1.5, (a, b)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)
        ],
        "biases": [np.full(s, 0.1) for s in sizes[1:]],
        "activations": ["tanh", "tanh", "sigmoid"],
        "epochs": epochs,
        "train_loss": loss,
        "test_loss": loss * 1.1,
    }


def live_spec_builders(inputs: dict) -> dict:
    """name -> zero-argument function building one live figure's spec from default_inputs()."""
    xy, labels = inputs["xy"], inputs["labels"]
    return {
        "boundary": lambda: plots.boundary_spec(
            inputs["grid"],
            inputs["grid"],
            inputs["probability"],
            "binary",
            xy[:250],
            labels[:250],
            xy[250:],
            labels[250:],
            "x1",
            "x2",
        ),
        "network": lambda: plots.network_spec(
            inputs["sizes"],
            inputs["node_labels"],
            inputs["neuron_grids"],
            inputs["weights"],
            inputs["biases"],
            inputs["activations"],
        ),
        "loss": lambda: plots.loss_spec(
            inputs["epochs"], inputs["train_loss"], inputs["test_loss"]
        ),
        "weights": lambda: plots.weights_spec(
            inputs["weights"], inputs["biases"], ["hidden 1", "hidden 2", "output"], ["x1", "x2"]
        ),
    }


def live_figures(inputs: dict) -> dict:
    """The four figures the page updates while training, built from default_inputs()."""
    return {name: plots.as_figure(build()) for name, build in live_spec_builders(inputs).items()}


def digits_figures(seed: int = 0) -> dict:
    """The digits views with random stand-ins: 40 test images, W0 (64, 16), 10x10 confusion."""
    rng = np.random.default_rng(seed)
    true = rng.integers(0, 10, 40)
    predicted = np.where(rng.random(40) < 0.85, true, rng.integers(0, 10, 40))
    confusion = np.zeros((10, 10), int)
    np.add.at(confusion, (true, predicted), 1)
    return {
        "digit_grid": plots.digit_grid_figure(rng.random((40, 8, 8)) ** 3, true, predicted),
        "first_layer": plots.first_layer_images_figure(rng.normal(0, 0.3, (64, 16))),
        "confusion": plots.confusion_figure(confusion, [str(k) for k in range(10)]),
    }


def _ms(build, repeat: int = 20) -> tuple[float, object]:
    """Mean milliseconds of build() over repeat calls (after one warm-up) and its result."""
    result = build()
    start = time.perf_counter()
    for _ in range(repeat):
        result = build()
    return (time.perf_counter() - start) * 1000 / repeat, result


def main() -> None:
    """Print, per live figure: spec build + figure_json time and bytes (the live path),
    validated Figure build + to_json time and bytes (the static path); then totals."""
    inputs = default_inputs()
    header = ("figure", "spec ms", "json ms", "json B", "Figure ms", "to_json ms", "to_json B")
    print("{:<10}{:>9}{:>9}{:>9}{:>11}{:>12}{:>11}".format(*header))
    totals = np.zeros(6)
    for name, build in live_spec_builders(inputs).items():
        spec_ms, spec = _ms(build)
        json_ms, text = _ms(lambda spec=spec: figure_json(spec))
        fig_ms, fig = _ms(lambda build=build: plots.as_figure(build()), repeat=5)
        to_json_ms, full = _ms(fig.to_json, repeat=5)
        row = np.array([spec_ms, json_ms, len(text), fig_ms, to_json_ms, len(full)])
        totals += row
        print("{:<10}{:>9.2f}{:>9.2f}{:>9.0f}{:>11.2f}{:>12.2f}{:>11.0f}".format(name, *row))
    print("{:<10}{:>9.2f}{:>9.2f}{:>9.0f}{:>11.2f}{:>12.2f}{:>11.0f}".format("total", *totals))
    verdict = "met" if totals[5] <= LIVE_BUDGET_BYTES else "MISSED"
    print(f"budget {LIVE_BUDGET_BYTES} B for to_json: {verdict}")


if __name__ == "__main__":
    main()
