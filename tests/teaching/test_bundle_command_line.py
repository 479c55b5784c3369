"""`python -m playground train QUERY --epochs N --export DIR` writes the model bundle of
the model it trained; a lab without one is refused before training."""

import json

import numpy as np

from playground.__main__ import main
from playground.engine import load_npz
from playground.engine.serialize import model_from_dict


def test_export_writes_the_bundle_of_the_trained_model(capsys, tmp_path):
    folder = tmp_path / "penguin_model"
    status = main(["train", "dataset=penguins&inputs=island,bill_length_mm", "--epochs", "3",
                   "--export", str(folder)])  # fmt: skip
    out, err = capsys.readouterr()
    assert status == 0 and "wrote model.json, model.npz, predict.py, history.csv" in err
    final = json.loads(out.splitlines()[-1])["final"]  # stdout stays JSON lines only
    model = json.loads((folder / "model.json").read_text())
    assert model["metrics"] == {key: final[key] for key in model["metrics"]}
    assert model["epoch"] == 3 and model["metrics"]["epoch"] == 3
    assert model["query"] == "dataset=penguins&inputs=bill_length_mm%2Cisland&seed=0"
    npz = load_npz(folder / "model.npz")
    assert np.array_equal(npz.params, model_from_dict(model["network"]).params)
    assert len((folder / "history.csv").read_text().splitlines()) == 1 + 4


def test_export_after_a_restored_stop_has_the_final_lines_restored_figures(capsys, tmp_path):
    query = ("dataset=xor&noise=50&train_pct=10&hidden=16,16&learning_rate=0.3&patience=10"
             "&restore_best=1")  # fmt: skip
    assert main(["train", query, "--epochs", "500", "--export", str(tmp_path)]) == 0
    final = json.loads(capsys.readouterr()[0].splitlines()[-1])["final"]
    model = json.loads((tmp_path / "model.json").read_text())
    best = final["restored_epoch"]
    assert best is not None and model["metrics"]["restored_epoch"] == best
    assert model["metrics"]["test_loss"] == final["test_loss"] == final["best_test_loss"]
    history = model["history"]
    assert history["test_loss"][history["epoch"].index(best)] == final["test_loss"]
    assert history["epoch"][-1] == model["epoch"] == final["epoch"]


def test_another_lab_exports_its_network_without_predict_py(capsys, tmp_path):
    status = main(["train", "lab=convnet", "--epochs", "1", "--export", str(tmp_path)])
    capsys.readouterr()
    assert status == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.csv", "model.json", "model.npz"]
    model = json.loads((tmp_path / "model.json").read_text())
    assert model["lab"] == "convnet" and model["network"]["format"] == "nn-playground-model"
    assert "encoder" not in model


def test_a_lab_without_a_bundle_is_refused_before_training(capsys, tmp_path):
    status = main(["train", "lab=rl", "--episodes", "1", "--export", str(tmp_path / "x")])
    out, err = capsys.readouterr()
    assert status == 2 and out == "" and "no model bundle" in err
    assert not (tmp_path / "x").exists()
