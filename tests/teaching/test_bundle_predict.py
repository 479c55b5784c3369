"""The exported predict.py, run where only NumPy can be imported, predicts what the page
predicts (to 1e-12) from rows in real units, and reports the rows it cannot use."""

import json

import numpy as np
import pytest

from playground.data.csv_table import MISSING_MARKERS
from playground.data.features import FEATURES_2D, expand_features
from playground.engine import activations as engine_activations
from playground.teaching import bundle
from playground.teaching import predict_template as template
from tests.teaching.bundle_helpers import (
    FRUIT_CSV,
    PENGUINS_ALL,
    numpy_only_path,
    page_predictions,
    read_output,
    run_isolated,
    text_rows,
    trained,
)


def _export_and_predict(session, tmp_path, rows_text: str):
    folder = tmp_path / "bundle"
    bundle.write_bundle(session, folder)
    (folder / "rows.csv").write_text(rows_text, encoding="utf-8")
    numpy_folder = numpy_only_path(tmp_path)
    # The environment predict.py runs in can import NumPy and nothing of this project's.
    probe = run_isolated(
        [
            "-c",
            "import importlib.util as u; print([u.find_spec(m) is None for m in "
            "('numpy', 'pandas', 'playground', 'streamlit', 'plotly')])",
        ],
        folder,
        numpy_folder,
    )
    assert probe.stdout.strip() == "[False, True, True, True, True]", probe.stderr
    return run_isolated(["predict.py", "rows.csv"], folder, numpy_folder)


CASES = {
    "penguins, island and sex one-hot": (f"dataset=penguins&inputs={PENGUINS_ALL}", None),
    "penguins body mass (regression)": (
        f"dataset=penguins&problem=regression&inputs={PENGUINS_ALL.replace(',body_mass_g', '')}",
        None,
    ),
    "a CSV with text labels and a text feature": ("dataset=csv", FRUIT_CSV),
    "circle with x1², x2², sin x1": ("dataset=circle&features=x1,x2,x1^2,x2^2,sin(x1)", None),
    "spiral3 with x1x2, sin x2 (softmax)": ("dataset=spiral3&features=x1,x2,x1*x2,sin(x2)", None),
    "xor with a tanh output (squared error)": ("dataset=xor&loss=squared_error", None),
    "gauss×6 regression with derived features": ("dataset=multigauss&features=x1,x2,x1^2", None),
    "digits, 64 pixel columns": ("dataset=digits", None),
}


@pytest.mark.parametrize("case", CASES)
def test_predict_py_gives_the_pages_predictions(case, tmp_path):
    query, csv_text = CASES[case]
    session = trained(query, epochs=4, csv_text=csv_text)
    result = _export_and_predict(session, tmp_path, text_rows(session))
    assert result.returncode == 0, result.stderr
    header, numbers, predicted, probabilities = read_output(result.stdout)
    names, expected = page_predictions(session)
    ds = session.dataset
    assert header[:2] == ["row", ds.target_name]
    assert numbers == list(range(1, len(names) + 1))
    if ds.task == "regression":
        assert np.allclose(
            [float(v) for v in predicted], [float(v) for v in names], rtol=1e-12, atol=1e-12
        )
    else:
        assert header[2:] == [f"P({name})" for name in ds.class_names]
        assert predicted == names
        assert np.abs(probabilities - expected).max() <= 1e-12
        assert len(set(predicted)) >= 1


def test_rows_it_cannot_use_are_reported_on_stderr_not_guessed(tmp_path):
    session = trained(f"dataset=penguins&inputs={PENGUINS_ALL}", epochs=2)
    good = "39.1,18.7,181,3750,Torgersen,male"
    rows = (
        f"{PENGUINS_ALL}\n{good}\n"
        "39.1,18.7,181,3750,Atlantis,male\n"  # a category the model never saw
        "NA,18.7,181,3750,Dream,female\n"  # an empty measurement
        "long,18.7,181,3750,Dream,female\n"  # a word where a number belongs
        "39.1,18.7,inf,3750,Dream,female\n"  # not a finite number
        f"{good}\n"
    )
    result = _export_and_predict(session, tmp_path, rows)
    assert result.returncode == 1
    _, numbers, _, _ = read_output(result.stdout)
    assert numbers == [1, 6]
    errors = result.stderr.splitlines()
    assert len(errors) == 4
    assert errors[0].startswith("row 2:") and "'Atlantis'" in errors[0] and "Biscoe" in errors[0]
    assert errors[1].startswith("row 3:") and "bill_length_mm" in errors[1]
    assert "'NA', which marks a missing value" in errors[1]
    assert errors[2].startswith("row 4:") and "not a number" in errors[2]
    assert errors[3].startswith("row 5:") and "finite" in errors[3]


def test_a_file_without_a_column_the_model_needs_is_refused(tmp_path):
    session = trained("dataset=circle", epochs=1)
    result = _export_and_predict(session, tmp_path, "x1,y\n1,2\n")
    assert result.returncode == 2 and "no column x2" in result.stderr and not result.stdout


def test_an_empty_file_or_a_broken_model_stops_with_status_2(tmp_path):
    session = trained("dataset=circle", epochs=1)
    result = _export_and_predict(session, tmp_path, "")
    assert result.returncode == 2 and "is empty" in result.stderr and not result.stdout
    (tmp_path / "bundle" / "model.json").write_text('{"format": "something else"}')
    result = run_isolated(["predict.py", "rows.csv"], tmp_path / "bundle", tmp_path / "numpy_only")
    assert result.returncode == 2 and "not a playground model" in result.stderr


def test_semicolons_and_decimal_commas_are_read_as_the_page_reads_them(tmp_path):
    session = trained("dataset=circle", epochs=1)
    result = _export_and_predict(session, tmp_path, "x1;x2\n1,5;-2,25\n")
    assert result.returncode == 0, result.stderr
    expected = session.network.predict(session.dataset.encoder.encode(np.array([[1.5, -2.25]])))
    _, _, _, probabilities = read_output(result.stdout)
    assert abs(probabilities[0, 1] - expected[0, 0]) <= 1e-12


def test_predict_py_lists_the_models_columns_and_is_valid_python():
    session = trained(f"dataset=penguins&inputs={PENGUINS_ALL}", epochs=1)
    script = bundle.bundle_files(session)["predict.py"].decode()
    assert "  island: one of Biscoe, Dream, Torgersen\n" in script
    assert bundle.COLUMNS_MARK not in script
    compile(script, "predict.py", "exec")


def test_a_column_name_with_quotes_and_backslashes_keeps_the_script_valid():
    model = {"encoder": {"columns": [{"name": 'a"""\\N{x', "type": "number"}], "derived": None}}
    compile(bundle.predict_script(model), "predict.py", "exec")


def test_the_templates_tables_are_the_apps():
    """predict.py cannot import the playground, so it has its own copies: they must agree."""
    assert set(MISSING_MARKERS) == template.MISSING
    assert tuple(template.DERIVED) == FEATURES_2D
    points = np.random.default_rng(0).normal(0, 3, (50, 2))
    mine = np.column_stack([template.DERIVED[n](points[:, 0], points[:, 1]) for n in FEATURES_2D])
    assert np.array_equal(mine, expand_features(points, FEATURES_2D))
    assert set(template.ACTIVATIONS) == set(engine_activations.ACTIVATIONS)
    z = np.random.default_rng(1).normal(0, 4, (20, 5))
    for name, entry in engine_activations.ACTIVATIONS.items():
        out = np.empty_like(z)
        entry.forward(z.copy(), out)
        assert np.abs(template.ACTIVATIONS[name](z) - out).max() <= 1e-14, name
    assert template.LEAKY_SLOPE == engine_activations.LEAKY_SLOPE
    assert engine_activations.ELU_ALPHA == 1.0  # the template's ELU has alpha 1


def test_model_json_holds_the_encoder_and_the_weights_and_history_every_epoch():
    session = trained(f"dataset=penguins&inputs={PENGUINS_ALL}", epochs=3)
    files = bundle.bundle_files(session)
    assert set(files) == set(bundle.BUNDLE_FILES)
    model = json.loads(files["model.json"])
    assert model["format"] == "nn-playground-bundle" and model["lab"] == "classify"
    columns = {c["name"]: c for c in model["encoder"]["columns"]}
    assert columns["island"]["categories"] == ["Biscoe", "Dream", "Torgersen"]
    assert columns["sex"]["categories"] == ["female", "male"]
    assert model["encoder"]["mean"][0] == session.dataset.encoder.mean[0]
    assert model["output"]["classes"] == ["Adelie", "Chinstrap", "Gentoo"]
    assert model["network"]["weights"][0] == session.network.weights[0].tolist()
    lines = files["history.csv"].decode().splitlines()
    assert lines[0].startswith("epoch,train_loss,test_loss") and len(lines) == 1 + 4
    assert float(lines[-1].split(",")[1]) == session.trainer.history[-1]["train_loss"]
