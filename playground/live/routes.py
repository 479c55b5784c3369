"""The live feed's WebSocket route, mounted beside Streamlit's own by app.py (st.App).

<base>/live-feed: every message the browser sends is its feed's token; the server trains
one slice of that session's playground (if it is playing) and answers with one panel
message. An answer of "" means another request for this feed is still being answered.
The token travels in messages, not in the URL, so it never lands in a proxy's access log.

A WebSocket rather than one HTTP request per frame: uvicorn writes a response's headers and
body separately, and on Streamlit's listening socket (no TCP_NODELAY) the body then waited
~40 ms for the client's delayed ACK -- measured here, a third of every frame.

Limits, enforced here: one frame of a feed at a time, their starts MIN_FRAME_SECONDS apart
at least (a playing frame trains longer than that, so only a client asking for paused
frames in a loop ever waits), or the feed's own min_frame_seconds at the slow speeds;
training in worker threads, at most MAX_TRAINING_THREADS at once per server process
(sessions share the GIL, so more threads would only make every frame slower).
"""

from __future__ import annotations

import contextlib
import logging
import time

import anyio
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from playground.live.feed import LiveFeed, find_feed

FEED_PATH = "live-feed"
MAX_TRAINING_THREADS = 4
MIN_FRAME_SECONDS = 0.04
MAX_TOKEN_LENGTH = 64
UNKNOWN_FEED = 4404  # WebSocket close code: no such feed, or its session has ended
FEED_FAILED = 4500  # a frame raised; the server log has the traceback
BUSY = ""
_LOGGER = logging.getLogger(__name__)
_limiter: anyio.CapacityLimiter | None = None


def _training_limiter() -> anyio.CapacityLimiter:
    # Created on first use: it belongs to the server's event loop.
    global _limiter
    if _limiter is None:
        _limiter = anyio.CapacityLimiter(MAX_TRAINING_THREADS)
    return _limiter


async def _answer(websocket: WebSocket, feed: LiveFeed, full: bool) -> None:
    if not feed.try_begin():
        await websocket.send_text(BUSY)
        return
    try:
        spacing = max(MIN_FRAME_SECONDS, feed.min_frame_seconds())  # slow speeds: slower
        await anyio.sleep(max(0.0, feed.last_start + spacing - time.monotonic()))
        feed.last_start = time.monotonic()
        text = await anyio.to_thread.run_sync(feed.next_frame, full, limiter=_training_limiter())
    finally:
        feed.end()
    await websocket.send_text(text)


def _feed_named(message: dict) -> LiveFeed | None:
    token = message.get("text") or ""
    return find_feed(token) if len(token) <= MAX_TOKEN_LENGTH else None


async def live_socket(websocket: WebSocket) -> None:
    """Answer each message (a feed's token) with the next frame of that feed."""
    await websocket.accept()
    first = True
    try:
        while (message := await websocket.receive())["type"] != "websocket.disconnect":
            feed = _feed_named(message)  # looked up each time: a session may end meanwhile
            if feed is None:
                await websocket.close(UNKNOWN_FEED, "No such live feed: reload the page.")
                return
            await _answer(websocket, feed, full=first)  # a new connection gets every view
            first = False
    except WebSocketDisconnect:
        pass
    except Exception:
        _LOGGER.exception("live feed: a frame failed")
        with contextlib.suppress(Exception):  # the socket may be gone already
            await websocket.close(FEED_FAILED, "The live view failed; see the server log.")


def live_routes(base_url_path: str = "") -> list[WebSocketRoute]:
    """The feed's route under the server's base URL path (server.baseUrlPath)."""
    base = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    return [WebSocketRoute(f"{base}/{FEED_PATH}", live_socket)]
