"""The command line: `labs` lists every lab and its settings, `train` prints one JSON
object per epoch and a final one, and a bad query gets one line and exit status 2."""

import json
import subprocess
import sys

import pytest

from playground import config
from playground.__main__ import main
from playground.labs.registry import LABS


def run(capsys, *argv) -> tuple[int, list[str], str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def test_train_prints_one_record_per_epoch_then_the_final_one(capsys):
    status, lines, err = run(capsys, "train", "dataset=xor&hidden=8", "--epochs", "3")
    assert status == 0 and err == ""
    records = [json.loads(line) for line in lines]
    assert [r["epoch"] for r in records[:-1]] == [1, 2, 3]
    assert set(records[0]) == {"epoch", "train_loss", "test_loss", "train_accuracy",
                               "test_accuracy", "status"}  # fmt: skip
    final = records[-1]["final"]
    assert final.items() >= records[-2].items()  # the last record, plus the run's figures:
    assert set(final) - set(records[-2]) == {"best_test_loss", "best_test_epoch",
                                             "train_loss_rises", "first_layer_gradient",
                                             "last_layer_gradient"}  # fmt: skip
    best = min(records[:-1], key=lambda r: r["test_loss"])
    assert (final["best_test_loss"], final["best_test_epoch"]) == (best["test_loss"], best["epoch"])
    rises = sum(
        b["train_loss"] > a["train_loss"] for a, b in zip(records, records[1:-1], strict=False)
    )
    assert final["train_loss_rises"] == rises


def test_train_reads_the_query_as_the_page_does(capsys):
    # the same query through the page's settings and through the command line: same run
    _, lines, _ = run(capsys, "train", "?lab=classify&dataset=penguins&problem=regression",
                      "--epochs", "2", "--lab", "classify")  # fmt: skip
    final = json.loads(lines[-1])["final"]
    assert "train_r2" in final and final["epoch"] == 2
    settings, _ = config.from_query({"dataset": "penguins", "problem": "regression"})
    session = LABS["classify"].open(settings)
    session.step(), session.step()
    assert final.items() >= session.record().items()  # bitwise the same from the same seed


@pytest.mark.parametrize(
    "query, says",
    [
        ("dataset=xor&hidden=abc", "'hidden': 'abc' is not a whole number"),
        ("dataset=xor&bogus=1", "unknown URL parameter(s) 'bogus'"),
        ("learning_rate=1e999", "not a finite number"),
        ("dataset=csv", "Upload a CSV file"),
        ("lab=<script>", "No lab is called '<script>'"),
        ("x" * 5000, "at most"),
    ],
)
def test_a_bad_query_gets_one_line_and_status_2(capsys, query, says):
    status, lines, err = run(capsys, "train", query, "--epochs", "1")
    assert status == 2 and lines == []
    assert err.count("\n") == 1 and says in err and "Traceback" not in err


def test_labs_disagreeing_or_bad_epochs_are_refused(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["train", "dataset=xor", "--epochs", "lots"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_labs_lists_every_lab_with_its_settings(capsys):
    status, lines, _ = run(capsys, "labs", "--json")
    labs = json.loads(lines[0])
    assert status == 0 and [lab["name"] for lab in labs] == list(LABS)
    classify = labs[0]
    assert classify["path"] == "/" and classify["summary"]
    by_name = {s["name"]: s for s in classify["settings"]}
    assert by_name["hidden"]["default"] == [4, 2] and by_name["hidden"]["high"] > 1
    assert by_name["dataset"]["choices"][0] == "circle"
    assert set(by_name) == set(config.SETTINGS_BY_NAME)
    status, lines, _ = run(capsys, "labs")
    assert lines[0].startswith("classify  (page /)")
    assert any(line.split()[:3] == ["learning_rate", "default", "0.03"] for line in lines)


def test_the_module_runs_as_a_program():
    command = [sys.executable, "-m", "playground", "train", "hidden=zz", "--epochs", "1"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "'hidden'" in done.stderr and "Traceback" not in done.stderr


def test_the_final_line_s_run_figures_follow_the_history():
    from playground.labs.headless import final_record, open_session, run_figures, train

    session = open_session("dataset=circle&batch_size=1&learning_rate=0.1")
    records = list(train(session, 12))
    figures = run_figures(session)
    rises = sum(
        b["train_loss"] > a["train_loss"] for a, b in zip(records, records[1:], strict=False)
    )
    assert figures["train_loss_rises"] == rises >= 1  # noisy single-point steps
    best = min(records, key=lambda r: r["test_loss"])
    assert figures["best_test_epoch"] == best["epoch"] < 12  # it got worse again
    assert final_record(session) == {**records[-1], **figures}


def test_the_gradient_figures_show_a_deep_sigmoid_network_s_vanishing_gradient():
    from playground.labs.headless import open_session, run_figures, train

    deep = open_session("dataset=circle&hidden=8,8,8,8,8,8&activation=sigmoid")
    list(train(deep, 5))
    figures = run_figures(deep)
    assert figures["first_layer_gradient"] < figures["last_layer_gradient"] / 100
    mean_first = deep.gradient_log.norms[:, 0].mean()
    assert figures["first_layer_gradient"] == mean_first


def test_a_lab_without_a_trainer_s_history_adds_no_figures():
    from playground.labs.headless import open_session, run_figures, train

    session = open_session("lab=rl")
    list(train(session, 2))
    assert run_figures(session) == {}
