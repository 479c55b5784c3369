"""The live feed's WebSocket route, driven as an ASGI app (no server, no browser)."""

import json

import anyio
from starlette.applications import Starlette

from playground import config
from playground.live import routes
from playground.live.feed import LiveFeed
from playground.session import Playground


def talk(app, path: str, requests: int) -> list[dict]:
    """Connect to ``path``, ask for ``requests`` frames, disconnect; returns what the
    server sent (ASGI messages)."""
    incoming = [{"type": "websocket.connect"}]
    incoming += [{"type": "websocket.receive", "text": "next"}] * requests
    incoming += [{"type": "websocket.disconnect", "code": 1000}]
    sent = []

    async def receive():
        return incoming.pop(0)

    async def send(message):
        sent.append(message)

    scope = {"type": "websocket", "path": path, "raw_path": path.encode(), "query_string": b"",
             "headers": [], "scheme": "ws", "server": ("test", 80), "subprotocols": []}  # fmt: skip
    anyio.run(app, scope, receive, send)
    return sent


def frames(sent: list[dict]) -> list[dict]:
    return [json.loads(m["text"].split("\n", 1)[0]) for m in sent if m.get("text")]


def test_each_message_gets_the_next_frame():
    pg = Playground({**config.defaults(), "speed": "10"})
    feed = LiveFeed(pg)
    pg.set_playing(True)
    sent = talk(Starlette(routes=routes.live_routes()), f"/live-feed/{feed.token}", 3)
    assert sent[0]["type"] == "websocket.accept"
    assert [f["epoch"] for f in frames(sent)] == [10, 20, 30]


def test_unknown_or_overlong_tokens_are_closed_with_a_reason():
    app = Starlette(routes=routes.live_routes())
    for token in ("no-such-feed", "x" * 500):
        sent = talk(app, f"/live-feed/{token}", 1)
        close = next(m for m in sent if m["type"] == "websocket.close")
        assert close["code"] == routes.UNKNOWN_FEED and "reload" in close["reason"]
        assert not frames(sent)


def test_a_busy_feed_answers_empty():
    feed = LiveFeed(Playground(config.defaults()))
    feed.try_begin()
    sent = talk(Starlette(routes=routes.live_routes()), f"/live-feed/{feed.token}", 1)
    assert [m.get("text") for m in sent if m["type"] == "websocket.send"] == [routes.BUSY]


def test_route_lives_under_the_base_url_path():
    feed = LiveFeed(Playground(config.defaults()))
    app = Starlette(routes=routes.live_routes("/school/nn/"))
    sent = talk(app, f"/school/nn/live-feed/{feed.token}", 1)
    assert frames(sent)[0]["epoch"] == 0
