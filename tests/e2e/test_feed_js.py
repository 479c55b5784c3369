"""The live element's feed loop (live_js/live_chart.js, feed.js) when its feed stops, in real
Chromium against a scripted socket: the element of the session's views asks for the page's
rerun once (the "stopped" trigger); an element whose header says rerun_on_stop: false (the
comparison, which watches the same session) stops pulling frames and asks for none, and so
does an element told that the page paused the session (a click, whose own rerun redraws
the page): a stop costs the server one page run, not one per element or two per Pause.

The modules are served from a made-up origin through Playwright's routing, so no app runs.
"""

from __future__ import annotations

import pytest

from tests.e2e.js_page import live_js_page

ORIGIN = "http://feed-js.test"

# Streams one element from a socket that answers two playing frames and then a stop (with
# the fields `stop`); resolves with the triggers it set and the tokens the socket was asked
# with, once it stops pulling.
STREAM = f"""
async ([header, stopFields]) => {{
  const {{ default: liveChart }} = await import("{ORIGIN}/live_chart.js");
  const {{ panels }} = await import("{ORIGIN}/panel.js");
  const asked = [];
  window.WebSocket = class {{
    constructor(url) {{ this.url = url; setTimeout(() => this.onopen(), 0); }}
    send(token) {{
      asked.push(token);
      const stop = asked.length > 2;
      const answer = {{ frame: 10 + asked.length, playing: !stop, ...(stop ? stopFields : {{}}) }};
      const data = JSON.stringify(answer);
      setTimeout(() => this.onmessage({{ data }}), 0);
    }}
    close() {{}}
  }};
  const parent = document.createElement("div");
  document.body.append(parent);
  const triggers = [];
  liveChart({{ data: JSON.stringify(header), parentElement: parent,
    setTriggerValue: (name, value) => triggers.push([name, value]) }});
  const panel = panels.get(parent);
  while (panel.streaming) await new Promise((resolve) => setTimeout(resolve, 10));
  return {{ triggers, asked, playing: panel.playing }};
}}
"""

HEADER = {"frame": 1, "playing": True, "feed": "live-feed", "token": "tok"}


@pytest.fixture(scope="module")
def page(chromium_context):
    """A page of ORIGIN whose /name.js is live_js/name.js."""
    yield from live_js_page(chromium_context, ORIGIN, "feed.js")


def test_the_views_element_reruns_the_page_once_when_its_feed_stops(page):
    seen = page.evaluate(STREAM, [HEADER, {}])
    # Two playing frames, the stop, and the one asked ahead while the stop was applied.
    assert seen["asked"] == ["tok"] * 4, seen
    assert seen["triggers"] == [["stopped", 13]], seen
    assert not seen["playing"]


def test_an_element_that_follows_the_session_stops_without_a_rerun(page):
    seen = page.evaluate(STREAM, [{**HEADER, "rerun_on_stop": False}, {}])
    assert seen["asked"] == ["tok"] * 4, seen
    assert seen["triggers"] == [], "the comparison's element asked for a second page rerun"
    assert not seen["playing"], "it kept pulling frames after the stop"


def test_an_answer_that_the_page_paused_the_session_asks_for_no_rerun(page):
    # A click (Pause, Step) or an edit paused it; that page run's own message redraws the
    # page, so a rerun asked for here would be the click's second (feed.py's "paused").
    seen = page.evaluate(STREAM, [HEADER, {"paused": True}])
    assert seen["triggers"] == [], "a Pause reran the page twice"
    assert not seen["playing"], "it kept pulling frames after the pause"
