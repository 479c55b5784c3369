"""The assignment's live line names the epoch budget as what it is (ahead, or passed), and
its link has the page's path."""

from playground import config
from playground.labs.classify.session import Playground
from playground.teaching.assignment import Target
from playground.teaching.assignment_target import progress
from playground.ui.assignment_task import _status


def _line(epochs_trained: int, budget: int) -> str:
    pg = Playground(config.defaults())
    pg.trainer.run_epochs(epochs_trained)
    target = Target("test_accuracy", ">=", 0.5, epochs=budget)
    snap = pg.lab.light_snapshot(pg)
    return _status(target, progress(target, snap.history, pg.settings, pg.lab.table), snap)


def test_within_the_budget_the_line_says_of_at_most():
    assert _line(3, 5).startswith("Epoch 3 of at most 5:")


def test_past_the_budget_the_line_says_what_the_budget_was():
    # Training may go on after the target is reached; "Epoch 12 of at most 5" read wrong.
    line = _line(12, 5)
    assert line.startswith("Epoch 12 (the budget was 5):") and "of at most" not in line


def test_a_link_to_the_first_labs_page_has_a_path_before_its_query():
    from playground.ui.assignment_tools import _with_path

    assert _with_path("http://school.example:8501") == "http://school.example:8501/"
    assert _with_path("https://school.example/autoencoder") == "https://school.example/autoencoder"
    assert _with_path("") == ""  # AppTest and tests give no address: the link is its query
