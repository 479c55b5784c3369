"""Debian's Chromium and a Streamlit server on a free port: shared by the browser benchmark
and the browser tests (tests/e2e), so both drive the page the same way."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# --no-sandbox: we run as root. The --disable-* flags stop Chromium from calling Google's
# hosts, which this machine's closed network refuses (many connections at every start).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[1]
STARTUP_TIMEOUT_S = 60


class ServerError(RuntimeError):
    """The Streamlit server exited or did not become healthy in time."""


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, server: subprocess.Popen, timeout_s: float) -> None:
    """Poll ``url``/_stcore/health until it answers 200; ServerError if it dies or stalls."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServerError(f"streamlit exited early with code {server.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # polling the server's start, not timing a feature
    raise ServerError(f"streamlit did not become healthy within {timeout_s} s")


@contextmanager
def running_app(
    script: Path = REPO / "app.py", options: dict[str, str] | None = None, env=None
) -> Iterator[tuple[str, int]]:
    """Yield (base URL without trailing slash, server pid) of ``streamlit run script``,
    started in the script's folder; the server is stopped afterwards."""
    port = free_port()
    settings = {"server.headless": "true", "server.port": str(port), **(options or {})}
    cmd = [sys.executable, "-m", "streamlit", "run", str(script)]
    cmd += [arg for name, value in settings.items() for arg in (f"--{name}", value)]
    server = subprocess.Popen(
        cmd, cwd=script.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, server, STARTUP_TIMEOUT_S)
        yield url, server.pid
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
