"""Lesson files: every one under lessons/ reads, and a broken one is a clear error naming
its file; expectations compare the final line's figures as they say."""

import pytest

from playground.labs.registry import LABS
from playground.teaching import lessons
from playground.teaching.lessons import Expectation, LessonError, load_lesson, load_lessons

GOOD = """
title = "XOR needs a hidden layer"
lab = "classify"
order = 5
goal = "One goal."
text = \"\"\"
First paragraph,
two lines.

Second paragraph.
\"\"\"
try = ["Press Play."]

[[runs]]
label = "No hidden layer"
query = "dataset=xor&hidden="
epochs = 20
expect = [{metric = "test_accuracy", op = "<", value = 0.75}]
"""


def write(tmp_path, text, name="xor"):
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_lesson_reads_and_the_issue_s_topics_are_there():
    found = load_lessons()
    assert len(found) >= 14
    assert {lesson.lab for lesson in found.values()} == set(LABS)  # one for every lab at least
    for topic in ("single-neuron", "xor-hidden-layer", "circle-features", "learning-rate",
                  "batch-size", "zero-init", "deep-activations", "loss-functions",
                  "overfitting", "overfitting-fixes", "penguins", "digits-first-layer",
                  "autoencoder-code", "autoencoder-anomaly"):  # fmt: skip
        assert topic in found
    orders = [lesson.order for lesson in found.values()]
    assert orders == sorted(orders)


def test_a_good_file_reads_into_its_parts(tmp_path):
    lesson = load_lesson(write(tmp_path, GOOD))
    assert (lesson.name, lesson.lab, lesson.order) == ("xor", "classify", 5)
    assert lesson.text == ("First paragraph, two lines.", "Second paragraph.")
    (run,) = lesson.runs
    assert (run.label, run.query, run.epochs) == ("No hidden layer", "dataset=xor&hidden=", 20)
    assert run.expect == (Expectation("test_accuracy", "<", 0.75),)
    assert lesson.as_json()["runs"][0]["expect"] == [
        {"metric": "test_accuracy", "op": "<", "value": 0.75}
    ]


BROKEN = [
    (GOOD.replace('lab = "classify"', 'lab = "nope"'), "'lab' must be one of"),
    (GOOD.replace("dataset=xor&hidden=", "dataset=xor&hidden=999"), "is not valid"),
    (GOOD.replace("dataset=xor&hidden=", "dataset=xor&colour=red"), "unknown URL parameter"),
    (GOOD.replace("dataset=xor&hidden=", "lab=rl"), "more than one lab"),
    (GOOD.replace("epochs = 20", "epochs = 0"), "'epochs' must be a whole number"),
    (GOOD.replace("epochs = 20", "epochs = 99999999"), "'epochs' must be a whole number"),
    (GOOD.replace("epochs = 20", 'epochs = "20"'), "'epochs' must be a whole number"),
    (GOOD.replace('op = "<"', 'op = "=<"'), "'op' must be one of"),
    (GOOD.replace("value = 0.75", 'value = "high"'), "'value' must be a number"),
    (GOOD.replace("value = 0.75", "value = nan"), "finite number"),
    (GOOD.replace("value = 0.75", "value = true"), "'value' must be a number"),
    (GOOD.replace('metric = "test_accuracy"', 'metric = "Test Accuracy!"'), "'metric'"),
    (GOOD.replace('metric = "test_accuracy", ', ""), "'metric'"),
    (GOOD.replace("expect = [", "expect = [] #"), "'expect' must list"),
    (GOOD.replace("[[runs]]", "[[runz]]"), "unknown key(s) runz"),
    (GOOD.replace('label = "No hidden layer"', 'labl = "x"'), "unknown key(s) labl"),
    (GOOD.replace('title = "XOR needs a hidden layer"', 'title = ""'), "'title' must be"),
    (GOOD.replace("One goal.", "x" * 400), "'goal' has 400 characters"),
    (GOOD.replace('try = ["Press Play."]', "try = []"), "'try' must list"),
    (GOOD.replace("order = 5", "order = 1.5"), "'order' must be a whole number"),
    (GOOD.replace('title = "XOR', 'title = "XOR\nneeds'), "cannot be read"),
    (GOOD + "\n[[runs]]\n" * 7, "'runs' must be 1 to 6"),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_a_broken_file_is_an_error_naming_the_file_and_the_fault(tmp_path, text, message):
    with pytest.raises(LessonError) as error:
        load_lesson(write(tmp_path, text))
    assert str(error.value).startswith("lesson file xor.toml")
    assert message in str(error.value)


def test_bad_names_bytes_and_sizes_are_refused(tmp_path):
    with pytest.raises(LessonError, match="lower-case letters"):
        load_lesson(write(tmp_path, GOOD, name="Bad Name"))
    (tmp_path / "bin.toml").write_bytes(b"title = '\xff'")
    with pytest.raises(LessonError, match="bin.toml cannot be read"):
        load_lesson(tmp_path / "bin.toml")
    big = write(tmp_path, GOOD + "#" * lessons.MAX_FILE_BYTES, name="big")
    with pytest.raises(LessonError, match="big.toml: .* bytes; at most"):
        load_lesson(big)


def test_load_lessons_names_the_first_broken_file(tmp_path):
    write(tmp_path, GOOD, name="a-good")
    write(tmp_path, GOOD.replace('op = "<"', 'op = "~"'), name="b-bad")
    with pytest.raises(LessonError, match="b-bad.toml"):
        load_lessons(tmp_path)


@pytest.mark.parametrize(
    ("expectation", "record", "met"),
    [
        (Expectation("test_accuracy", ">=", 0.95), {"test_accuracy": 0.95}, True),
        (Expectation("test_accuracy", ">=", 0.95), {"test_accuracy": 0.9499}, False),
        (Expectation("test_accuracy", "<", 0.75), {"test_accuracy": 0.75}, False),
        (Expectation("test_accuracy", "<", 0.75), {}, False),  # a missing figure is not met
        (Expectation("test_loss", "<", 1.0), {"test_loss": None}, False),  # nor a null one
        (Expectation("status", "==", "diverged"), {"status": "diverged"}, True),
        (Expectation("status", "==", "diverged"), {"status": "ok"}, False),
        (Expectation("epoch", "==", 3), {"epoch": 3}, True),
        (Expectation("epoch", "!=", 3), {"epoch": 3}, False),
        (Expectation("status", "<", 1), {"status": "ok"}, False),  # text vs number: not met
    ],
)
def test_an_expectation_is_met_only_as_it_says(expectation, record, met):
    assert expectation.met(record) is met


def test_a_page_opens_a_run_with_the_stop_setting_of_its_lab_at_the_run_s_budget():
    found = load_lessons()
    xor, rl = found["xor-hidden-layer"], found["rl-values"]
    assert lessons.page_query(xor, xor.runs[1]) == {
        "dataset": ["xor"], "hidden": ["4"], "max_epochs": ["200"]
    }  # fmt: skip
    assert lessons.page_query(rl, rl.runs[0]) == {"max_episodes": ["20"]}  # no lab= either
    early = next(r for r in found["overfitting-fixes"].runs if "patience" in r.query)
    own = lessons.Run("own", early.query + "&max_epochs=7", 300, early.expect)
    assert lessons.page_query(found["overfitting-fixes"], own)["max_epochs"] == ["7"]
    assert lessons.unit_word(rl.lab) == "episode" and lessons.unit_word(xor.lab) == "epoch"


def test_expectations_read_as_words_for_the_page():
    assert lessons.expectation_words(Expectation("test_accuracy", ">=", 0.95)) == (
        "test accuracy ≥ 0.95"
    )
    assert lessons.expectation_words(Expectation("status", "==", "diverged")) == (
        "status = diverged"
    )
    assert lessons.expectation_words(Expectation("roc_area", ">=", 0.9)) == "ROC area ≥ 0.9"
    assert lessons.expectation_words(Expectation("test_r2", "<", 0)) == "test R² < 0"
