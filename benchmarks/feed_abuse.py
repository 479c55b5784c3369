"""Hostile use of the live feed's route on a real server (`python -m benchmarks.feed_abuse`).

Starts the app (streamlit run app.py). Oversized messages: notes the server's memory, then
opens SOCKETS sockets that each announce a MESSAGE_MB message and send its bytes as fast as
the server takes them, while /_stcore/health is polled. A leaked token: one student plays
(a browser-less page, benchmarks/streamlit_client.py) and pulls frames as the page does
for WINDOW_S, alone, then with FLOODERS sockets asking for its feed in a loop. Prints
tables: close codes, bytes taken before the close, memory before / at most / after, health
latency; the owner's frames and epochs a second alone and flooded.
"""

from __future__ import annotations

import argparse
import asyncio
import struct
import threading
import time
import urllib.request
from pathlib import Path

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from benchmarks.chromium import running_app
from benchmarks.streamlit_client import PageSession, header_of
from playground.live.routes import FEED_PATH

SOCKETS = 10
MESSAGE_MB = 100
CHUNK = 1 << 16
FLOODERS = 5
WINDOW_S = 8.0
DRAW_S = 0.03  # what the page takes to draw a frame before it asks for the next


def rss_mb(pid: int) -> float:
    """Resident memory of process `pid` in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def send_huge(url: str, results: list) -> None:
    """Announce a MESSAGE_MB text message and send it until the server closes."""
    size, sent, code = MESSAGE_MB * 1_000_000, 0, None
    with connect(url, max_size=None) as ws:
        header = b"\x81" + struct.pack("!BQ", 0x80 | 127, size) + b"\x00" * 4
        ws.socket.settimeout(10)
        try:
            ws.socket.sendall(header)
            while sent < size:
                ws.socket.sendall(b"x" * CHUNK)
                sent += CHUNK
        except OSError:
            pass  # the server closed the connection: what we want
        try:
            ws.recv(timeout=10)
        except ConnectionClosed as closed:
            code = closed.rcvd.code if closed.rcvd else None
        except (TimeoutError, OSError):
            pass
    results.append((code, sent))


def health_ms(url: str, stop: threading.Event, samples: list) -> None:
    """Poll the health endpoint until `stop`; latencies in ms."""
    while not stop.is_set():
        start = time.perf_counter()
        with urllib.request.urlopen(url + "/_stcore/health", timeout=30) as resp:
            resp.read()
        samples.append((time.perf_counter() - start) * 1000)
        time.sleep(0.05)  # a poll interval, not a measurement


async def owner_rate(session: PageSession, seconds: float) -> tuple[float, float]:
    """Frames and epochs a second the owner gets pulling as the page does."""
    async with await session.open_feed() as feed:
        start, frames, first_epoch, epoch = time.perf_counter(), 0, None, 0
        while time.perf_counter() - start < seconds:
            await feed.send(session.token)
            text = await feed.recv()
            if text:
                frames += 1
                epoch = int(header_of(text)["epoch"])
                first_epoch = epoch if first_epoch is None else first_epoch
            await asyncio.sleep(DRAW_S)
        elapsed = time.perf_counter() - start
    return frames / elapsed, (epoch - (first_epoch or 0)) / elapsed


async def flood(session: PageSession, stop: asyncio.Event) -> None:
    """Ask for the owner's frames again and again with its token, from another socket."""
    async with await session.open_feed() as feed:
        while not stop.is_set():
            await feed.send(session.token)
            await feed.recv()


async def leaked_token(url: str) -> list[tuple[float, float]]:
    """The owner's (frames/s, epochs/s) alone, then with FLOODERS sockets flooding."""
    async with PageSession(url) as session:
        await session.open()
        await session.click_play()
        alone = await owner_rate(session, WINDOW_S)
        stop = asyncio.Event()
        flooders = [asyncio.create_task(flood(session, stop)) for _ in range(FLOODERS)]
        flooded = await owner_rate(session, WINDOW_S)
        stop.set()
        await asyncio.gather(*flooders, return_exceptions=True)
    return [alone, flooded]


def oversized(url: str, pid: int) -> None:
    """SOCKETS sockets announce MESSAGE_MB each; print what the server did with them."""
    feed_url = url.replace("http", "ws") + "/" + FEED_PATH
    before, peak = rss_mb(pid), rss_mb(pid)
    results, samples, stop = [], [], threading.Event()
    poller = threading.Thread(target=health_ms, args=(url, stop, samples))
    poller.start()
    senders = [threading.Thread(target=send_huge, args=(feed_url, results)) for _ in range(SOCKETS)]
    for thread in senders:
        thread.start()
    while any(thread.is_alive() for thread in senders):
        peak = max(peak, rss_mb(pid))
        time.sleep(0.05)  # sampling the server's memory
    stop.set()
    poller.join()
    after = rss_mb(pid)
    codes = sorted({code for code, _ in results}, key=str)
    taken = max(sent for _, sent in results) / 1e6
    print(f"{SOCKETS} sockets x {MESSAGE_MB} MB announced")
    print("| measure | value |\n|---|---:|")
    print(f"| close codes | {', '.join(map(str, codes))} |")
    print(f"| most bytes a socket got through before the close | {taken:.2f} MB |")
    print(f"| server memory before / peak / after | {before:.0f} / {peak:.0f} / {after:.0f} MB |")
    print(f"| /_stcore/health worst | {max(samples):.0f} ms ({len(samples)} polls) |")


def main(argv: list[str] | None = None) -> None:
    """Run the hostile sockets against a fresh server and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--app", type=Path, default=None, help="another app.py (a checkout)")
    parser.add_argument("--flood-only", action="store_true", help="skip the oversized part")
    args = parser.parse_args(argv)
    with running_app(*([args.app] if args.app else [])) as (url, pid):
        rates = asyncio.run(leaked_token(url))
        if not args.flood_only:
            oversized(url, pid)
    print(f"\nA leaked token: the owner pulls frames as the page does ({WINDOW_S:g} s each)")
    print("| owner | frames/s | epochs/s |\n|---|---:|---:|")
    for name, (frames, epochs) in zip(
        ("alone", f"{FLOODERS} sockets flooding"), rates, strict=True
    ):
        print(f"| {name} | {frames:.1f} | {epochs:.0f} |")


if __name__ == "__main__":
    main()
