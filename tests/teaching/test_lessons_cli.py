"""`python -m playground lessons`: the list, its JSON, and --check, which trains every run
headless (this is the check CI runs: a lesson's claim cannot silently become false)."""

import json
import subprocess
import sys

from playground.__main__ import main
from playground.teaching.lessons import load_lessons
from playground.teaching.lessons_cli import run_lessons
from tests.teaching.test_lessons import GOOD


def test_json_lists_every_lesson_with_its_runs(capsys):
    assert main(["lessons", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [x["name"] for x in listed] == list(load_lessons())
    for lesson in listed:
        assert {"name", "title", "lab", "runs"} <= set(lesson)
        for run in lesson["runs"]:
            assert isinstance(run["query"], str) and run["epochs"] >= 1
            for expectation in run["expect"]:
                assert set(expectation) == {"metric", "op", "value"}


def test_the_text_list_names_each_lesson_and_run(capsys):
    assert main(["lessons"]) == 0
    out = capsys.readouterr().out
    assert "xor-hidden-layer" in out and "'dataset=xor&hidden=4', 200 epochs" in out


def test_check_reports_a_claim_that_is_false_and_exits_1(tmp_path):
    (tmp_path / "wrong.toml").write_text(GOOD.replace('op = "<"', 'op = ">="'))
    (tmp_path / "right.toml").write_text(GOOD)
    lines: list[str] = []
    assert run_lessons(False, True, out=lines.append, directory=tmp_path) == 1
    text = "\n".join(lines)
    assert "right · No hidden layer" in text and "met      test_accuracy < 0.75: 0." in text
    assert "NOT MET  test_accuracy >= 0.75: 0." in text
    assert lines[-1].startswith("2 lessons, 2 runs in ") and "1 with an expectation not met" in text


def test_a_broken_file_or_an_unknown_name_exits_2(tmp_path, capsys):
    (tmp_path / "bad.toml").write_text("title = ")
    assert run_lessons(False, True, directory=tmp_path) == 2
    assert "lesson file bad.toml cannot be read" in capsys.readouterr().err
    assert main(["lessons", "--check", "no-such-lesson"]) == 2
    assert "no lesson is called no-such-lesson" in capsys.readouterr().err


def test_every_lesson_s_claims_hold_when_trained_headless():
    # The check itself, in a fresh interpreter as a teacher runs it: every run's figures.
    done = subprocess.run([sys.executable, "-m", "playground", "lessons", "--check"],
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    runs = sum(len(lesson.runs) for lesson in load_lessons().values())
    assert done.stdout.count("\n  met ") >= runs and "NOT MET" not in done.stdout
    assert done.stdout.splitlines()[-1].endswith("all met.")
