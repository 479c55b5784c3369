"""The live feed's WebSocket route, mounted beside Streamlit's own by app.py (st.App).

<base>/live-feed: every message the browser sends is its feed's token; the server trains
one slice of that session's playground (if it is playing) and answers with one panel
message. The token travels in messages, not in the URL, so it never lands in a proxy's
access log.

A WebSocket rather than one HTTP request per frame: uvicorn writes a response's headers and
body separately, and on Streamlit's listening socket (no TCP_NODELAY) the body then waited
~40 ms for the client's delayed ACK -- measured here, a third of every frame.

Limits, enforced here (the numbers are the host's, playground/hosting.py):
- a message longer than a token needs (MAX_MESSAGE_BYTES) closes the socket with 1009
  before the server reads it: the server's WebSocket parser is told so at the handshake,
  so it refuses the frame on its header instead of buffering up to Streamlit's
  ``server.maxMessageSize`` (200 MB) first;
- a page on another web origin may not open it (``Origin`` must name the Host the request
  came to, or be one of the host's ``allowed_origins``): 4403;
- one frame of a feed is made at a time, and every socket asking for that feed meanwhile
  gets the same frame: a leaked token used from many sockets costs its owner nothing
  (no turn is taken from it) and the server no more training; frames of a feed start
  1 / max_frames_per_second apart at least; at most MAX_SOCKETS_PER_FEED sockets per feed
  (4429 beyond). A socket's next message is read only once its last one is answered, so
  no socket gets more than its feed's frames;
- training takes turns on one thread per process with a fair budget (scheduler.py), each
  turn making its frame too; a paused feed's answer (no turn) is made on at most
  MAX_RENDER_THREADS other threads.
"""

from __future__ import annotations

import contextlib
import logging
import time
import weakref
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import anyio
from starlette.routing import WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect

from playground.hosting import HOST
from playground.live.feed import LiveFeed, find_feed
from playground.live.scheduler import SCHEDULER

FEED_PATH = "live-feed"
MIN_FRAME_SECONDS = 1.0 / HOST.max_frames_per_second
MAX_TOKEN_LENGTH = 64
MAX_MESSAGE_BYTES = 256  # a token (at most 64 characters) with room to spare
MAX_SOCKETS_PER_FEED = 8
MAX_RENDER_THREADS = 2
UNKNOWN_FEED = 4404  # WebSocket close code: no such feed, or its session has ended
FORBIDDEN_ORIGIN = 4403  # the page that opened the socket is on another web origin
TOO_MANY_SOCKETS = 4429  # the feed has MAX_SOCKETS_PER_FEED sockets already
MESSAGE_TOO_BIG = 1009  # the WebSocket protocol's own code
FEED_FAILED = 4500  # a frame raised; the server log has the traceback
_LOGGER = logging.getLogger(__name__)
_render_limiter: anyio.CapacityLimiter | None = None


@dataclass
class _Frame:
    """One frame being made for a feed; every socket that asks meanwhile waits for it."""

    full: bool
    done: anyio.Event = field(default_factory=anyio.Event)
    text: str | None = None


_MAKING: weakref.WeakKeyDictionary[LiveFeed, _Frame] = weakref.WeakKeyDictionary()
_SOCKETS: weakref.WeakKeyDictionary[LiveFeed, set[int]] = weakref.WeakKeyDictionary()


def _renderers() -> anyio.CapacityLimiter:
    global _render_limiter  # created on first use: it belongs to the server's event loop
    if _render_limiter is None:
        _render_limiter = anyio.CapacityLimiter(MAX_RENDER_THREADS)
    return _render_limiter


async def _make_frame(feed: LiveFeed, frame: _Frame) -> None:
    try:
        spacing = max(MIN_FRAME_SECONDS, feed.min_frame_seconds())  # slow speeds: slower
        await anyio.sleep(max(0.0, feed.last_start + spacing - time.monotonic()))
        feed.last_start = time.monotonic()

        def render(was_playing: bool) -> str:
            return feed.render(was_playing, frame.full)

        if feed.session.playing:  # trained and made in one turn (scheduler.py says why)
            frame.text = await SCHEDULER.train(feed, first=frame.full, then=render)
        else:
            frame.text = await anyio.to_thread.run_sync(render, False, limiter=_renderers())
    finally:
        del _MAKING[feed]
        frame.done.set()


async def next_frame(feed: LiveFeed, full: bool) -> str:
    """The feed's next frame: the one being made, if any (and full enough), else a new one.
    full=True: every view rebuilt (a new connection)."""
    while (making := _MAKING.get(feed)) is not None:
        await making.done.wait()
        if making.full or not full:
            if making.text is None:
                raise RuntimeError("the frame this socket waited for failed")
            return making.text
    frame = _MAKING[feed] = _Frame(full)
    await _make_frame(feed, frame)
    return frame.text


def origin_allowed(headers) -> bool:
    """Whether the page that opened the socket may use it: no ``Origin`` (not a browser, so
    no page to protect from), the host it was sent to, or one of HOST.allowed_origins."""
    origin = headers.get("origin")
    if origin is None:
        return True
    origin = origin.strip().rstrip("/")
    hosts = {headers.get("host"), headers.get("x-forwarded-host")} - {None}
    return urlsplit(origin).netloc in hosts or origin in HOST.allowed_origins


def cap_message_size(receive: Receive) -> bool:
    """Tell the server's WebSocket parser (uvicorn's, behind `receive`) to refuse longer
    messages than MAX_MESSAGE_BYTES on this connection; False if the server is not one
    this knows (then a long message is refused only once read)."""
    protocol = getattr(receive, "__self__", None)
    conn = getattr(protocol, "conn", None)  # uvicorn's websockets-sansio (Streamlit's pick)
    if conn is not None and hasattr(conn, "max_message_size"):
        conn.max_message_size = MAX_MESSAGE_BYTES
        return True
    if protocol is not None and hasattr(protocol, "max_size"):  # uvicorn's legacy websockets
        protocol.max_size = MAX_MESSAGE_BYTES
        return True
    return False


def _feed_named(message: dict) -> LiveFeed | None:
    token = message.get("text") or ""
    return find_feed(token) if len(token) <= MAX_TOKEN_LENGTH else None


class _Socket:
    """One connection's claim on the feeds it asks for (a page rerun may bring a token)."""

    def __init__(self):
        self.feeds: weakref.WeakSet[LiveFeed] = weakref.WeakSet()

    def join(self, feed: LiveFeed) -> bool:
        """Count this socket among the feed's; False if it has too many already."""
        if feed in self.feeds:
            return True
        sockets = _SOCKETS.setdefault(feed, set())
        if len(sockets) >= MAX_SOCKETS_PER_FEED:
            return False
        sockets.add(id(self))
        self.feeds.add(feed)
        return True

    def leave(self) -> None:
        for feed in list(self.feeds):
            _SOCKETS.get(feed, set()).discard(id(self))


async def _serve(websocket: WebSocket) -> None:
    socket, first = _Socket(), True
    try:
        while (message := await websocket.receive())["type"] != "websocket.disconnect":
            feed = _feed_named(message)  # looked up each time: a session may end meanwhile
            if feed is None:
                await websocket.close(UNKNOWN_FEED, "No such live feed: reload the page.")
                return
            if not socket.join(feed):
                await websocket.close(TOO_MANY_SOCKETS, "Too many connections to this feed.")
                return
            text = await next_frame(feed, full=first)  # a new connection gets every view
            await websocket.send_text(text)
            first = False
    finally:
        socket.leave()


async def live_socket(websocket: WebSocket) -> None:
    """Answer each message (a feed's token) with the next frame of that feed."""
    if not origin_allowed(websocket.headers):
        await websocket.close(FORBIDDEN_ORIGIN)  # before accepting: the handshake fails
        return
    await websocket.accept()
    try:
        await _serve(websocket)
    except WebSocketDisconnect:
        pass
    except Exception:
        _LOGGER.exception("live feed: a frame failed")
        with contextlib.suppress(Exception):  # the socket may be gone already
            await websocket.close(FEED_FAILED, "The live view failed; see the server log.")


class LiveFeedApp:
    """The route's ASGI app: caps the message size at the handshake, then live_socket."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not cap_message_size(receive):
            _LOGGER.debug("live feed: long messages are refused only once read")
        await live_socket(WebSocket(scope, receive, send))


def live_routes(base_url_path: str = "") -> list[WebSocketRoute]:
    """The feed's route under the server's base URL path (server.baseUrlPath)."""
    base = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    return [WebSocketRoute(f"{base}/{FEED_PATH}", LiveFeedApp())]
