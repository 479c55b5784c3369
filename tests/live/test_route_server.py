"""The live feed's route on a real server (uvicorn, as Streamlit runs it): a message longer
than a token needs is refused on its header, never buffered."""

import socket
import struct
import threading

import pytest
import uvicorn
from starlette.applications import Starlette
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from playground.live import routes

STREAMLIT_MAX_MESSAGE = 200 * 1024 * 1024  # server.maxMessageSize, the server-wide cap


@pytest.fixture(scope="module")
def server_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        Starlette(routes=routes.live_routes()), host="127.0.0.1", port=port,
        ws="websockets-sansio", ws_max_size=STREAMLIT_MAX_MESSAGE, log_level="warning",
    )  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        threading.Event().wait(0.02)
    yield f"ws://127.0.0.1:{port}/{routes.FEED_PATH}"
    server.should_exit = True
    thread.join(timeout=5)


def masked_text_header(length: int) -> bytes:
    """A client's text frame header announcing `length` bytes, with a zero mask."""
    return b"\x81" + struct.pack("!BQ", 0x80 | 127, length) + b"\x00" * 4


def test_a_huge_message_is_refused_on_its_header(server_url):
    with connect(server_url, max_size=None) as ws:
        # 100 MB announced, 64 KB sent: a server that buffered the message would wait for
        # the rest; this one closes at once.
        ws.socket.sendall(masked_text_header(100_000_000) + b"x" * 65536)
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=10)
    assert closed.value.rcvd.code == routes.MESSAGE_TOO_BIG


def test_a_message_just_over_the_cap_is_refused_and_a_token_is_answered(server_url):
    with connect(server_url) as ws:
        ws.send("x" * (routes.MAX_MESSAGE_BYTES + 1))
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=10)
    assert closed.value.rcvd.code == routes.MESSAGE_TOO_BIG
    with connect(server_url) as ws:  # a token-sized message is read (and this one unknown)
        ws.send("no-such-feed")
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=10)
    assert closed.value.rcvd.code == routes.UNKNOWN_FEED
