"""The checker holds a result against its assignment: the metric, the epoch budget and
every limit from the result's own settings; the links it reads from pasted text."""

from playground.labs.classify.lab import CLASSIFY
from playground.labs.registry import LABS
from playground.teaching.assignment import Assignment, Limit, Target, assignment_id, encode
from playground.teaching.assignment_codes import Result
from playground.teaching.assignment_review import assignments_in, review

LIMITS = (Limit("hidden", 6), Limit("batch_size", 20), Limit("learning_rate", 0.1))
TASK = Assignment("classify", "Few neurons", {"dataset": "xor"}, (), (),
                  Target("test_accuracy", ">=", 0.9, 100, LIMITS))  # fmt: skip
ID = assignment_id(encode(TASK))


def result(settings=None, value=0.95, epoch=40, metric="test_accuracy") -> Result:
    settings = {"dataset": "xor", "hidden": "4,2"} if settings is None else settings
    return Result(ID, TASK.title, "classify", settings, metric, value, epoch)


def test_a_result_within_every_limit_meets_the_target_and_says_each():
    assert review(result(), TASK, CLASSIFY) == (
        "meets the target; limits: 'Hidden layers' 6 in all (at most 6), "
        "'Batch size' 10 (at most 20), 'Learning rate' 0.03 (at most 0.1)"
    )


def test_every_miss_is_named():
    broken = result({"dataset": "xor", "hidden": "8", "batch_size": "32"}, value=0.8, epoch=120)
    verdict = review(broken, TASK, CLASSIFY)
    assert verdict.startswith("does NOT meet the target: ")
    for miss in ("80.0 % is not ≥ 90.0 %", "epoch 120 is past the budget of 100",
                 "'Hidden layers' 8 in all (at most 6) is broken",
                 "'Batch size' 32 (at most 20) is broken"):  # fmt: skip
        assert miss in verdict
    assert "Learning rate" not in verdict  # kept
    assert "not test accuracy" in review(result(metric="test_loss"), TASK, CLASSIFY)
    assert "does not take" in review(result({"hidden": "zz"}), TASK, CLASSIFY)
    assert "another lab" in review(result(), TASK, LABS["autoencoder"])


def test_links_are_read_from_pasted_text_for_this_lab_only():
    link = f"https://school.example/?dataset=xor&assignment={encode(TASK)}&assignment_sig=abc"
    other = Assignment("autoencoder", "x", {}, (), (), Target("test_loss", "<=", 1.0))
    text = f"codes: nnp1.x.y\n{link}\nmy_assignment=zzz assignment={encode(other)}"
    assert assignments_in(text, CLASSIFY) == {ID: TASK}
    assert assignments_in("assignment=broken", CLASSIFY) == {}
    assert assignments_in(None, CLASSIFY) == {}
