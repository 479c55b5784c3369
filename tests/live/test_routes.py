"""The live feed's WebSocket route, driven as an ASGI app (no server, no browser)."""

import dataclasses
import json
import time

import anyio
import pytest
from starlette.applications import Starlette

from playground import config
from playground.labs.classify.session import Playground
from playground.labs.session import SLOW_SPEED_FRAME_SECONDS
from playground.live import feed as feed_module
from playground.live import routes
from playground.live.feed import LiveFeed


def scope(path: str = "/live-feed", headers: tuple = ()) -> dict:
    return {"type": "websocket", "path": path, "raw_path": path.encode(), "query_string": b"",
            "headers": list(headers), "scheme": "ws", "server": ("test", 80),
            "subprotocols": []}  # fmt: skip


def talk(app, token: str, requests: int, path: str = "/live-feed", headers=()) -> list[dict]:
    """Connect to ``path``, ask for ``requests`` frames of the feed ``token``, disconnect;
    returns what the server sent (ASGI messages)."""
    incoming = [{"type": "websocket.connect"}]
    incoming += [{"type": "websocket.receive", "text": token}] * requests
    incoming += [{"type": "websocket.disconnect", "code": 1000}]
    sent = []

    async def receive():
        return incoming.pop(0)

    async def send(message):
        sent.append(message)

    anyio.run(app, scope(path, headers), receive, send)
    return sent


def frames(sent: list[dict]) -> list[dict]:
    return [json.loads(m["text"].split("\n", 1)[0]) for m in sent if m.get("text")]


def app(base: str = "") -> Starlette:
    return Starlette(routes=routes.live_routes(base))


# Every feed here plays at a fixed speed on a still clock: frames train whole epochs.
pytestmark = pytest.mark.usefixtures("still_clock")


def playing_feed(**changes) -> LiveFeed:
    pg = Playground({**config.defaults(), "speed": "1", **changes})
    feed = LiveFeed(pg)
    pg.set_playing(True)
    return feed


def test_each_message_gets_the_next_frame():
    feed = playing_feed(speed="10")
    sent = talk(app(), feed.token, 3)
    assert sent[0]["type"] == "websocket.accept"
    assert [f["epoch"] for f in frames(sent)] == [10, 20, 30]


def weights_line(text: str) -> str:
    """The weights chart's figure line of a panel message ("" = kept as shown)."""
    head, *figures = text.split("\n")
    keys = [slot["key"] for slot in json.loads(head)["slots"]]
    return figures[keys.index("weights")]


def test_a_new_connection_first_gets_every_view():
    feed = playing_feed(speed="1")
    sent = [m["text"] for m in talk(app(), feed.token, 2) if m.get("text")]
    assert weights_line(sent[0]) and not weights_line(sent[1])  # all, then fast views only
    assert feed.frames % feed_module.SLOW_VIEW_EVERY not in (0, feed_module.SLOW_VIEW_EVERY - 1)
    again = [m["text"] for m in talk(app(), feed.token, 1) if m.get("text")]
    assert weights_line(again[0]), "a new connection's first frame left a view out"


def test_frames_of_one_feed_are_spaced_out():
    feed = playing_feed(speed="1")
    start = time.monotonic()
    talk(app(), feed.token, 6)
    assert time.monotonic() - start >= 5 * routes.MIN_FRAME_SECONDS


def test_a_paused_feed_answers_with_a_header_only():
    feed = LiveFeed(Playground(config.defaults()))
    text = [m["text"] for m in talk(app(), feed.token, 1) if m.get("text")][0]
    assert json.loads(text).keys() == {"frame", "playing", "paused"} and "\n" not in text


def test_unknown_overlong_or_ended_feeds_are_closed_with_a_reason():
    ended = LiveFeed(Playground(config.defaults()), alive=lambda: False)
    for token in ("no-such-feed", "x" * 500, ended.token):
        sent = talk(app(), token, 1)
        close = next(m for m in sent if m["type"] == "websocket.close")
        assert close["code"] == routes.UNKNOWN_FEED and "reload" in close["reason"]
        assert not frames(sent)


async def owner_among_flooders(feed: LiveFeed, wanted: int, flooders: int) -> list[str]:
    """The owner asks for `wanted` frames as the page does (the next once one arrived)
    while `flooders` sockets with the same token ask again and again without waiting;
    returns what the owner got."""
    got, done = [], anyio.Event()

    async def owner():
        steps = iter(["connect"] + ["ask"] * wanted + ["leave"])
        answered = anyio.Event()

        async def receive():
            nonlocal answered
            step = next(steps)
            if step != "connect":
                await answered.wait()
                answered = anyio.Event()
            return {"connect": {"type": "websocket.connect"},
                    "ask": {"type": "websocket.receive", "text": feed.token},
                    "leave": {"type": "websocket.disconnect", "code": 1000}}[step]  # fmt: skip

        async def send(message):
            if message["type"] == "websocket.send":
                got.append(message["text"])
            answered.set()  # the accept, then each frame

        await app()(scope(), receive, send)
        done.set()

    async def flooder():
        messages = iter([{"type": "websocket.connect"}])

        async def receive():
            await anyio.sleep(0)
            if done.is_set():
                return {"type": "websocket.disconnect", "code": 1000}
            return next(messages, {"type": "websocket.receive", "text": feed.token})

        async def send(message):
            pass

        await app()(scope(), receive, send)

    async with anyio.create_task_group() as group:
        group.start_soon(owner)
        for _ in range(flooders):
            group.start_soon(flooder)
    return got


def test_a_leaked_token_flooding_from_five_sockets_costs_its_owner_no_frames():
    feed = playing_feed(speed="1")
    made_before, wanted = feed.frames, 8
    got = anyio.run(owner_among_flooders, feed, wanted, 5)
    assert len(got) == wanted and all(got)  # a frame every time, never "busy"
    # The flooders got copies of the owner's frames, not frames of their own: the feed made
    # about as many frames as the owner asked for (a flooder may start one the owner joins).
    assert feed.frames - made_before <= wanted + 2


def test_a_page_on_another_origin_cannot_open_the_feed(monkeypatch):
    feed = playing_feed()
    foreign = ((b"host", b"nn.school.example"), (b"origin", b"https://evil.example"))
    sent = talk(app(), feed.token, 1, headers=foreign)
    assert sent[0] == {"type": "websocket.close", "code": routes.FORBIDDEN_ORIGIN, "reason": ""}
    assert not frames(sent)
    own = ((b"host", b"nn.school.example"), (b"origin", b"https://nn.school.example"))
    assert frames(talk(app(), feed.token, 1, headers=own))
    assert frames(talk(app(), feed.token, 1))  # no Origin: not a browser page
    # Behind a proxy that sends its own Host, the page's origin is listed by the host.
    proxied = ((b"host", b"10.0.0.5:8501"), (b"origin", b"https://nn.school.example"))
    assert not frames(talk(app(), feed.token, 1, headers=proxied))
    allowed = dataclasses.replace(routes.HOST, allowed_origins=("https://nn.school.example",))
    monkeypatch.setattr(routes, "HOST", allowed)
    assert frames(talk(app(), feed.token, 1, headers=proxied))


def test_a_feed_takes_a_limited_number_of_sockets(monkeypatch):
    feed = playing_feed(speed="1")
    monkeypatch.setattr(routes, "MAX_SOCKETS_PER_FEED", 0)
    sent = talk(app(), feed.token, 1)
    close = next(m for m in sent if m["type"] == "websocket.close")
    assert close["code"] == routes.TOO_MANY_SOCKETS and not frames(sent)
    monkeypatch.setattr(routes, "MAX_SOCKETS_PER_FEED", 1)
    assert len(frames(talk(app(), feed.token, 2))) == 2  # a socket's own count stays one
    assert frames(talk(app(), feed.token, 1))  # and is given back when it closes


def test_route_lives_under_the_base_url_path():
    feed = playing_feed()
    sent = talk(app("/school/nn/"), feed.token, 1, path="/school/nn/live-feed")
    assert frames(sent)[0]["playing"] is True


def test_slow_speeds_space_their_frames_further_apart(monkeypatch):
    waits = []
    real_sleep = anyio.sleep

    async def recording_sleep(seconds):
        waits.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr(routes.anyio, "sleep", recording_sleep)
    for speed, spacing in (("batch", SLOW_SPEED_FRAME_SECONDS), ("1", 0.0)):
        waits.clear()
        feed = playing_feed(speed=speed)
        assert feed.min_frame_seconds() == spacing
        talk(app(), feed.token, 3)
        # The route waits for (almost) the feed's spacing before each frame after the first.
        slow = [w for w in waits[1:] if w > routes.MIN_FRAME_SECONDS]
        assert len(slow) == (2 if spacing else 0), waits
