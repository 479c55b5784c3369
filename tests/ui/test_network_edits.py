"""Edits sent from the network view: only a JSON object naming one setting the view may
edit gets through to the settings path; anything else a crafted message holds is refused."""

import pytest

from playground.ui.network_edits import MAX_PAYLOAD_CHARS, parse_edit

ALLOWED = frozenset({"hidden", "features"})


def test_a_payload_the_figure_carries_is_parsed():
    assert parse_edit('{"hidden":[5,2]}', ALLOWED) == {"hidden": [5, 2]}
    assert parse_edit('{"features":["x1"]}', ALLOWED) == {"features": ["x1"]}


@pytest.mark.parametrize(
    "raw",
    [
        None,
        5,
        ["hidden"],
        "",
        "not json",
        '{"hidden": [5, 2]',
        "[1, 2]",
        '{"dataset": "csv"}',  # a setting the view does not edit
        '{"hidden": [4], "features": ["x1"]}',  # one change at a time
        '{"hide": []}',
        "[" * 5000,  # deep nesting: refused unparsed (too long)
        "[" * 900 + "]" * 900,
        '{"hidden": [' + "1," * MAX_PAYLOAD_CHARS + "1]}",
    ],
)
def test_anything_else_is_refused(raw):
    assert parse_edit(raw, ALLOWED) is None


def test_a_setting_hidden_by_the_teacher_is_refused():
    assert parse_edit('{"hidden":[5,2]}', frozenset({"features"})) is None
