"""The live feed's WebSocket route, mounted beside Streamlit's own by app.py (st.App).

<base>/live-feed/<token>: for every message the browser sends, the server trains one slice
of that session's playground (if it is playing) and answers with one panel message. An
answer of "" means another request for this feed is still being answered.

A WebSocket rather than one HTTP request per frame: uvicorn writes a response's headers and
body separately, and on Streamlit's listening socket (no TCP_NODELAY) the body then waited
~40 ms for the client's delayed ACK -- measured here, a third of every frame.

Training runs in worker threads, at most MAX_TRAINING_THREADS at once per server process:
sessions share the GIL, so more threads would only make every frame slower.
"""

from __future__ import annotations

import logging

import anyio
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from playground.live.feed import find_feed

FEED_PATH = "live-feed"
MAX_TRAINING_THREADS = 4
MAX_TOKEN_LENGTH = 64
UNKNOWN_FEED = 4404  # WebSocket close code: no such feed (the page was reloaded elsewhere)
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


async def _answer(websocket: WebSocket, feed) -> None:
    if not feed.try_begin():
        await websocket.send_text(BUSY)
        return
    try:
        text = await anyio.to_thread.run_sync(feed.next_frame, limiter=_training_limiter())
    finally:
        feed.end()
    await websocket.send_text(text)


async def live_socket(websocket: WebSocket) -> None:
    """Answer each message of the browser with the next frame of the feed in the URL."""
    token = websocket.path_params["token"]
    feed = find_feed(token) if len(token) <= MAX_TOKEN_LENGTH else None
    await websocket.accept()
    if feed is None:
        await websocket.close(UNKNOWN_FEED, "No such live feed: reload the page.")
        return
    try:
        while (await websocket.receive())["type"] != "websocket.disconnect":
            await _answer(websocket, feed)  # whatever the message says: it asks for a frame
    except WebSocketDisconnect:
        pass
    except Exception:
        _LOGGER.exception("live feed: a frame failed")
        await websocket.close(FEED_FAILED, "The live view failed; see the server log.")


def live_routes(base_url_path: str = "") -> list[WebSocketRoute]:
    """The feed's route under the server's base URL path (server.baseUrlPath)."""
    base = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    return [WebSocketRoute(f"{base}/{FEED_PATH}/{{token}}", live_socket)]
