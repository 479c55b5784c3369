"""The lab's measurements: PCA, principal angles, ROC, detection rates, neighbour R^2."""

import numpy as np
import pytest

from playground.labs.autoencoder.analysis import (
    detection_at,
    fit_pca,
    neighbour_r2,
    output_subspace,
    principal_angles,
    reconstruction_errors,
    roc_curve,
)


def _plane_data(rng, n=200):
    """Points near the plane spanned by two known directions of R^5, plus an offset."""
    basis = np.linalg.qr(rng.normal(size=(5, 2)))[0].T  # (2, 5) orthonormal rows
    coords = rng.normal(size=(n, 2)) * [3.0, 2.0]
    return coords @ basis + 7.0 + rng.normal(scale=0.01, size=(n, 5)), basis


def test_pca_finds_the_plane_and_reconstructs_it():
    X, basis = _plane_data(np.random.default_rng(0))
    pca = fit_pca(X, 2)
    assert principal_angles(pca.components, basis).max() < 1.0
    assert np.allclose(pca.components @ pca.components.T, np.eye(2))
    assert pca.variances[0] > pca.variances[1] > 0
    errors = reconstruction_errors(X, pca.reconstruct(X))
    assert errors.shape == (200,) and errors.mean() < 1e-3  # only the noise is lost
    one = fit_pca(X, 1)
    assert reconstruction_errors(X, one.reconstruct(X)).mean() > 1.0  # a line loses a lot


def test_reconstruction_error_is_half_the_squared_distance():
    X = np.array([[0.0, 0.0], [1.0, 1.0]])
    R = np.array([[3.0, 4.0], [1.0, 1.0]])
    assert reconstruction_errors(X, R).tolist() == [12.5, 0.0]


def test_principal_angles_of_equal_and_orthogonal_subspaces():
    e = np.eye(4)
    assert np.allclose(principal_angles(e[:2], e[[1, 0]] * 5), 0.0, atol=1e-6)
    assert np.allclose(principal_angles(e[:2], e[2:]), 90.0)
    tilted = np.array([[1.0, 0, 0, 0], [0, np.cos(0.3), np.sin(0.3), 0]])
    assert np.allclose(principal_angles(e[:2], tilted), [0.0, np.degrees(0.3)], atol=1e-6)


def test_output_subspace_of_a_linear_map():
    rng = np.random.default_rng(1)
    directions = rng.normal(size=(2, 6))
    R = rng.normal(size=(50, 2)) @ directions + 3.0
    assert principal_angles(output_subspace(R, 2), directions).max() < 1e-4


def _pairwise_area(scores, bad):
    above = scores[bad][:, None] > scores[~bad][None, :]
    ties = scores[bad][:, None] == scores[~bad][None, :]
    return (above.sum() + 0.5 * ties.sum()) / above.size


def test_roc_area_is_the_chance_an_anomaly_scores_higher():
    rng = np.random.default_rng(2)
    scores = np.round(rng.normal(size=300), 1)  # rounded: many ties
    bad = rng.random(300) < 0.2
    scores[bad] += 1.0
    roc = roc_curve(scores, bad)
    assert roc.area == pytest.approx(_pairwise_area(scores, bad))
    assert 0.7 < roc.area < 1.0
    assert (roc.false_alarms[0], roc.detections[0]) == (0.0, 0.0)
    assert (roc.false_alarms[-1], roc.detections[-1]) == (1.0, 1.0)
    assert np.all(np.diff(roc.false_alarms) >= 0) and np.all(np.diff(roc.detections) >= 0)


def test_roc_extremes():
    bad = np.array([False, False, True, True])
    assert roc_curve(np.array([1.0, 2, 3, 4]), bad).area == 1.0
    assert roc_curve(np.array([4.0, 3, 2, 1]), bad).area == 0.0
    assert roc_curve(np.ones(4), bad).area == 0.5
    with pytest.raises(ValueError):
        roc_curve(np.ones(3), np.zeros(3, dtype=bool))


def test_detection_and_false_alarms_at_a_threshold():
    scores = np.array([0.1, 0.5, 0.9, 0.2, 0.8])
    bad = np.array([False, False, True, False, True])
    assert detection_at(scores, bad, 0.5) == (1.0, 1 / 3)
    assert detection_at(scores, bad, 0.85) == (0.5, 0.0)
    assert np.isnan(detection_at(scores, np.zeros(5, dtype=bool), 0.5)[0])


def test_neighbour_r2_tells_an_unfolded_code_from_a_folded_one():
    t = np.linspace(0, 1, 200)
    unfolded = np.column_stack([t, np.zeros_like(t)])
    folded = np.column_stack([np.abs(t - 0.5), np.zeros_like(t)])  # two ends meet
    assert neighbour_r2(unfolded, t) > 0.99
    assert neighbour_r2(folded, t) < 0.2
