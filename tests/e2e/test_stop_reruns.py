"""A stop reruns the page once, in real Chromium: every rerun is ~50 ms of the server's CPU,
and a class pauses at once. Counted are the rerun requests the browser sends on
Streamlit's socket from the click (or the stop) until the live feed's socket has closed,
after which no live element asks for anything: Pause is the click's rerun alone (the feed's
answer that the page paused it asks for none), and a stop at the stop epoch with a pinned
run is one rerun, asked for by the views' element (the comparison's follows it).
"""

from __future__ import annotations

from tests.e2e.test_page import (
    TIMEOUT_MS,
    epoch,
    exception_count,
    open_app,
    play_button,
    wait_epoch_above,
    wait_label,
)

RERUN_BYTES = 200  # a rerun request carries the page's widget states: ~2.5 KB here


class Sockets:
    """The page's WebSockets: what the browser sent on Streamlit's, and the live feeds'."""

    def __init__(self, page):
        self.sent: list[int] = []
        self.feeds = []
        page.on("websocket", self._opened)

    def _opened(self, ws) -> None:
        if "_stcore/stream" in ws.url:
            ws.on("framesent", lambda payload: self.sent.append(len(payload)))
        elif "live-feed" in ws.url:
            self.feeds.append(ws)

    def reruns_since(self, start: int) -> int:
        """Rerun requests sent since `start` (a length of `sent`), once every live feed's
        socket has closed (an element asks for its rerun before it closes its socket)."""
        for ws in self.feeds:
            if not ws.is_closed():
                ws.wait_for_event("close", timeout=TIMEOUT_MS)
        return sum(size > RERUN_BYTES for size in self.sent[start:])


def test_pause_reruns_the_page_once(new_page, playground_url):
    page = new_page()
    sockets = Sockets(page)
    page = open_app(lambda: page, playground_url)
    play_button(page).click()
    wait_epoch_above(page, 30)
    start = len(sockets.sent)
    play_button(page).click()
    wait_label(page, "Play")
    assert sockets.reruns_since(start) == 1, "a Pause reran the page more than once"
    assert exception_count(page) == 0


def test_a_stop_with_a_pinned_run_reruns_the_page_once(new_page, playground_url):
    page = new_page()
    sockets = Sockets(page)
    page = open_app(lambda: page, playground_url, "?max_epochs=400")
    page.get_by_text("Compare runs (0 of 3 pinned)").click()  # open the expander
    page.locator(".st-key-compare_pin button:visible").click()
    page.get_by_text("Compare runs (1 of 3 pinned)").wait_for(timeout=TIMEOUT_MS)
    page.wait_for_selector("[data-chart=compare_loss] .main-svg", timeout=TIMEOUT_MS)
    start = len(sockets.sent)
    play_button(page).click()
    wait_label(page, "Pause")
    wait_label(page, "Play")  # stopped at the stop epoch: the views' element asked
    assert sockets.reruns_since(start) == 2, "Play, then one rerun for the stop"
    assert epoch(page) == 400
    assert exception_count(page) == 0
