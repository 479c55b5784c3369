"""Compare runs on the page (AppTest): pin two runs, change a setting, and the comparison
table shows the difference with each run's final numbers; unpin and clear; the limit; and
while playing the comparison's element pulls frames from a feed that watches the session
(and leaves the page's rerun at a stop to the views' element)."""

import json

from streamlit.testing.v1 import AppTest

from playground.live.feed import find_feed
from playground.teaching.compare_feed import CompareFeed
from tests.ui.page_app import start


def table(at: AppTest):
    return at.dataframe[0].value


def pin(at: AppTest) -> None:
    at.button(key="compare_pin").click().run()


def test_pin_two_runs_change_a_setting_and_the_table_shows_the_difference():
    at = start(dataset="xor")
    at.button(key="step").click().run()
    pin(at)
    assert at.expander[0].label.startswith("Compare runs (1 of 3")
    at.select_slider(key="set_learning_rate").set_value(0.3).run()
    for _ in range(3):
        at.button(key="step").click().run()
    pin(at)
    at.select_slider(key="set_learning_rate").set_value(1.0).run()
    at.button(key="step").click().run()
    frame = table(at)
    assert list(frame["run"]) == ["Run 1", "Run 2", "Current"]
    assert list(frame["learning_rate"]) == ["0.03", "0.3", "1.0"]
    assert list(frame["epoch"]) == ["1", "4", "5"]
    pg = at.session_state["playground"]
    assert frame["test_accuracy"].iloc[-1] == f"{pg.record()['test_accuracy']:.4g}"
    assert "seed" not in frame.columns and not at.exception


def test_unpin_clear_and_the_limit():
    at = start(dataset="xor")
    for _ in range(3):
        pin(at)
    assert at.button(key="compare_pin").disabled  # three pinned: the button says no more
    at.button(key="compare_unpin_2").click().run()
    assert list(table(at)["run"]) == ["Run 1", "Run 3", "Current"]
    assert not at.button(key="compare_pin").disabled
    at.button(key="compare_clear").click().run()
    assert len(at.dataframe) == 0 and at.expander[0].label.startswith("Compare runs (0 of 3")


def element_header(at: AppTest, key: str) -> dict:
    """The header of the last message of the live element `key`."""
    (element,) = [e for e in at.get("bidi_component") if e.proto.id.endswith(f"-{key}")]
    return json.loads(json.loads(element.proto.json).split("\n", 1)[0])


def compare_header(at: AppTest) -> dict:
    """The header of the comparison element's last message."""
    return element_header(at, "compare_panel")


def test_a_stop_reruns_the_page_once_the_views_element_asks_for_it():
    at = start(dataset="xor")
    pin(at)
    at.button(key="play").click().run()
    views, comparison = element_header(at, "live"), compare_header(at)
    assert views["playing"] and comparison["playing"]  # both pull frames while playing
    # When training stops, only the views' element asks for the page's rerun (live_js/feed.js).
    assert views.get("rerun_on_stop", True) is True
    assert comparison["rerun_on_stop"] is False


def test_while_playing_the_comparison_pulls_frames_from_a_feed_that_watches_the_session():
    at = start(dataset="xor")
    at.button(key="step").click().run()
    pin(at)
    head = compare_header(at)
    feed = find_feed(head["token"])
    assert head["feed"] == "live-feed" and not head["playing"]  # paused: nothing to pull
    assert isinstance(feed, CompareFeed) and feed.watched is at.session_state["playground"]
    at.button(key="play").click().run()
    playing = compare_header(at)
    assert playing["playing"] and playing["token"] == head["token"]  # the same feed
    assert json.loads(feed.render(False, full=True).split("\n", 1)[0])["playing"]
    at.button(key="play").click().run()  # pause
    assert not compare_header(at)["playing"]
