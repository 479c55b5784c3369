"""A browser-less client of one playground page: Streamlit's own WebSocket protocol and the
live feed, as the page's JavaScript speaks them (for benchmarks/load.py).

The page: GET the HTML (as a browser does; it also collects the cookies a proxy sets, e.g.
the sticky-session cookie), then `<base>/_stcore/stream` with the "streamlit" subprotocol;
each run of the script is asked for with a BackMsg ``rerun_script`` carrying the query
string and the widget states, and answered with ForwardMsgs up to ``script_finished``.
A button click is a rerun whose widget states hold that button's ``trigger_value``.
The live element (a components-v2 element, ``bidi_component``) carries the panel message
as its JSON data: its first line is a JSON header with the epoch, ``playing``, the feed's
address and the session's feed token.

The live feed (`<base>/live-feed`, see playground/live/routes.py and ui/live_js/feed.js):
send the token, receive one frame (whose first line is again the header), repeat.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import json
import time
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

PLAY_KEY = "play"  # the Play / Pause button's key (ui/toolbar.py)
LIVE_KEY = "live"  # the live element's key (ui/views.py)
MAX_MESSAGE = 64 * 1024 * 1024
RUN_TIMEOUT_S = 30.0


class PageError(RuntimeError):
    """The page did not behave as a browser would need (no button, an exception, ...)."""


def header_of(message: str | bytes) -> dict:
    """The JSON header (first line) of a panel message or a live feed frame."""
    first = message.split(b"\n" if isinstance(message, bytes) else "\n", 1)[0]
    return json.loads(first)


def ws_url(http_url: str) -> str:
    """``http_url`` with the ws(s) scheme."""
    return "ws" + http_url.removeprefix("http")


@dataclass
class RunResult:
    """What one run of the script showed: the Play button's label and the live header,
    with the perf_counter() times each first arrived; exceptions shown on the page."""

    play_label: str | None = None
    play_label_at: float | None = None
    header: dict | None = None
    header_at: float | None = None
    play_id: str | None = None
    exceptions: list[str] = field(default_factory=list)


class PageSession:
    """One browser tab's Streamlit session (use ``async with``)."""

    def __init__(self, base_url: str, query: str = "") -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.query = query.lstrip("?")
        parts = urlsplit(self.base_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.cookies = http.cookiejar.CookieJar()
        self.socket: ClientConnection | None = None
        self.play_id: str | None = None
        self.token: str | None = None
        self.feed_url: str | None = None

    def _get_page(self) -> None:
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        url = self.base_url + (f"?{self.query}" if self.query else "")
        with opener.open(url, timeout=RUN_TIMEOUT_S) as response:
            response.read()
            if response.status != 200:
                raise PageError(f"GET {url}: HTTP {response.status}")

    def cookie_header(self) -> str:
        """The Cookie header a browser would send to this origin."""
        return "; ".join(f"{c.name}={c.value}" for c in self.cookies)

    async def open(self) -> RunResult:
        """GET the page, open Streamlit's socket and run the script once (a page load)."""
        await asyncio.to_thread(self._get_page)
        self.socket = await connect(
            ws_url(urljoin(self.base_url, "_stcore/stream")),
            subprotocols=["streamlit"],
            origin=self.origin,
            additional_headers={"Cookie": self.cookie_header()},
            max_size=MAX_MESSAGE,
            proxy=None,
        )
        return await self.run()

    async def close(self) -> None:
        """Close Streamlit's socket (the session ends as a closed tab's does)."""
        if self.socket is not None:
            await self.socket.close()

    async def __aenter__(self) -> PageSession:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def click_play(self) -> RunResult:
        """Press the Play / Pause button (one button, key "play")."""
        if self.play_id is None:
            raise PageError("no Play button on the page")
        return await self.run(trigger=self.play_id)

    async def run(self, trigger: str | None = None) -> RunResult:
        """One rerun (with the widget ``trigger`` pressed), read up to script_finished."""
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_script_hash = ""
        if trigger is not None:
            state = msg.rerun_script.widget_states.widgets.add()
            state.id = trigger
            state.trigger_value = True
        await self.socket.send(msg.SerializeToString())
        return await asyncio.wait_for(self._read_run(), RUN_TIMEOUT_S)

    async def _read_run(self) -> RunResult:
        result = RunResult()
        while True:
            fwd = ForwardMsg.FromString(await self.socket.recv())
            kind = fwd.WhichOneof("type")
            if kind == "script_finished":
                break
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                self._element(fwd.delta.new_element, result)
        if result.header is not None:
            self.token = result.header.get("token") or self.token
            feed = result.header.get("feed")
            self.feed_url = ws_url(urljoin(self.base_url, feed)) if feed else self.feed_url
        return result

    def _element(self, element, result: RunResult) -> None:
        kind = element.WhichOneof("type")
        now = time.perf_counter()
        if kind == "button" and element.button.id.endswith(f"-{PLAY_KEY}"):
            self.play_id = result.play_id = element.button.id
            result.play_label, result.play_label_at = element.button.label, now
        elif kind == "bidi_component" and element.bidi_component.id.endswith(f"-{LIVE_KEY}"):
            result.header, result.header_at = (
                header_of(json.loads(element.bidi_component.json)),
                now,
            )
        elif kind == "exception":
            result.exceptions.append(element.exception.message)

    async def open_feed(self) -> ClientConnection:
        """A new connection to the live feed, as the page's script opens one on Play."""
        if not self.feed_url or not self.token:
            raise PageError("the live element named no feed")
        return await connect(
            self.feed_url,
            origin=self.origin,
            additional_headers={"Cookie": self.cookie_header()},
            max_size=MAX_MESSAGE,
            proxy=None,
        )
