"""Hostile messages at the live feed's route of a real server (`python -m benchmarks.feed_abuse`).

Starts the app (streamlit run app.py), notes the server's memory, then opens SOCKETS
sockets that each announce a MESSAGE_MB message and send its bytes as fast as the server
takes them, while /_stcore/health is polled. Prints a table: close codes, bytes the server
took before closing, its memory before / at most / after, and the health latency.
"""

from __future__ import annotations

import struct
import threading
import time
import urllib.request
from pathlib import Path

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from benchmarks.chromium import running_app
from playground.live.routes import FEED_PATH

SOCKETS = 10
MESSAGE_MB = 100
CHUNK = 1 << 16


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


def main() -> None:
    """Run the hostile sockets against a fresh server and print the table."""
    with running_app() as (url, pid):
        feed_url = url.replace("http", "ws") + "/" + FEED_PATH
        before, peak = rss_mb(pid), rss_mb(pid)
        results, samples, stop = [], [], threading.Event()
        poller = threading.Thread(target=health_ms, args=(url, stop, samples))
        poller.start()
        senders = [
            threading.Thread(target=send_huge, args=(feed_url, results)) for _ in range(SOCKETS)
        ]
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


if __name__ == "__main__":
    main()
