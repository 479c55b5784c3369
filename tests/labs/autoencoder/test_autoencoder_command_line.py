"""The autoencoder trains headless from its page's query, as the page would."""

import json

from playground.__main__ import main
from playground.labs.registry import LABS, lab_for_query


def test_the_lab_is_registered_with_its_page():
    lab = lab_for_query({"lab": "autoencoder"})
    assert LABS["autoencoder"] is lab and lab.path == "autoencoder"


def test_train_prints_reconstruction_losses_pca_and_the_roc_area(capsys):
    query = "lab=autoencoder&dataset=penguins&leave_out_species=Gentoo"
    assert main(["train", query, "--epochs", "3"]) == 0
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert err == "" and [r["epoch"] for r in records[:-1]] == [1, 2, 3]
    assert {"train_loss", "test_loss", "pca_test_loss", "roc_area"} <= set(records[0])
    assert records[-1]["final"].items() >= records[-2].items()  # + the run's figures
    assert main(["train", "dataset=s_curve", "--lab", "autoencoder", "--epochs", "1"]) == 0
    final = json.loads(capsys.readouterr()[0].splitlines()[-1])["final"]
    assert "roc_area" not in final and final["epoch"] == 1
