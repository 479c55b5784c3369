"""The scale-out recipe for real: `deploy/run-local.sh 2 PORT` (nginx in front of two
playground processes), the page loaded through nginx in Chromium.

Plays and pauses through nginx (both WebSockets, /_stcore/stream and /live-feed, are
proxied), uploads a CSV (it must reach the process that holds the session), reloads, and
reads nginx's access log (its format names the upstream and the route key of every
request) to check that one browser's requests all went to one process while first visits
spread over both. Needs Chromium and nginx: skips without them, fails in CI
(PLAYGROUND_REQUIRE_BROWSER=1, PLAYGROUND_REQUIRE_NGINX=1).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from benchmarks.chromium import REPO, ServerError, free_port, wait_healthy
from tests.deploy.nginx_check import require_nginx
from tests.e2e.browser_check import require_browser
from tests.e2e.test_page import epoch, open_app, play_button, wait_epoch_above, wait_label

STARTUP_S = 120
LOG_WAIT_S = 15
ROUTE_COOKIE = "nnp_route"
LOG_LINE = re.compile(r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) .*'
                      r"upstream=(?P<upstream>\S+) route=(?P<route>\S+)")  # fmt: skip
CSV = "x,y,label\n" + "".join(f"{i % 7},{i % 5},{'ab'[i % 2]}\n" for i in range(40))


@pytest.fixture(scope="module")
def two_processes(request):
    """(nginx URL, run folder, upstreams) of `deploy/run-local.sh 2 <free port>`; the run
    folder (logs) is removed afterwards unless a test failed."""
    failed_before = request.session.testsfailed
    require_browser()
    require_nginx()
    run_dir = Path(tempfile.mkdtemp(prefix="run-local-test."))
    port = free_port()
    env = {**os.environ, "PLAYGROUND_RUN_DIR": str(run_dir), "PYTHON": sys.executable}
    script = subprocess.Popen(
        [str(REPO / "deploy" / "run-local.sh"), "2", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        upstreams = _wait_ready(script, run_dir, url)
        yield url, run_dir, upstreams
    finally:
        script.send_signal(signal.SIGTERM)  # its trap stops nginx and both processes
        try:
            script.wait(timeout=30)
        except subprocess.TimeoutExpired:
            script.kill()
            pytest.fail("run-local.sh did not stop within 30 s of SIGTERM")
        pids = {f.name: int(f.read_text() or 0) for f in run_dir.glob("*.pid")}
        if request.session.testsfailed == failed_before:
            shutil.rmtree(run_dir, ignore_errors=True)
        for name, pid in pids.items():
            assert not _alive(pid), f"{name}: process {pid} still runs after stop"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, ValueError):
        return False
    # A zombie (exited, not yet reaped by a parent outside our reach) counts as stopped.
    state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    return state != "Z"


def _wait_ready(script: subprocess.Popen, run_dir: Path, url: str) -> list[str]:
    deadline = time.monotonic() + STARTUP_S
    while not (run_dir / "upstreams").exists() and time.monotonic() < deadline:
        if script.poll() is not None:
            pytest.fail(f"run-local.sh exited early ({script.returncode}); logs in {run_dir}")
        time.sleep(0.2)  # waiting for the script to start its processes
    upstreams = (run_dir / "upstreams").read_text().split()
    try:
        for target in [*(f"http://{u}" for u in upstreams), url]:
            wait_healthy(target, script, max(1.0, deadline - time.monotonic()))
    except ServerError as error:
        pytest.fail(f"{error}; logs in {run_dir}")
    return upstreams


def access_log(run_dir: Path) -> list[dict]:
    """nginx's access log so far: method, path, status, upstream, route of each request."""
    path = run_dir / "access.log"
    text = path.read_text() if path.exists() else ""
    return [m.groupdict() for m in map(LOG_LINE.search, text.splitlines()) if m]


def wait_logged(run_dir: Path, route: str, path: str) -> list[dict]:
    """The log lines of ``route`` once one for ``path`` appears (a WebSocket is logged when
    it closes); fails after LOG_WAIT_S."""
    deadline = time.monotonic() + LOG_WAIT_S
    while time.monotonic() < deadline:
        mine = [e for e in access_log(run_dir) if e["route"] == route]
        if any(e["path"].startswith(path) for e in mine):
            return mine
        time.sleep(0.2)  # nginx writes the line when the request ends
    pytest.fail(f"no {path} request with this browser's route in {run_dir}/access.log")


def route_cookie(context) -> dict:
    """The sticky-session cookie the browser holds."""
    cookies = [c for c in context.cookies() if c["name"] == ROUTE_COOKIE]
    assert len(cookies) == 1, f"the browser holds no {ROUTE_COOKIE} cookie"
    return cookies[0]


def test_play_pause_upload_and_reload_all_stay_on_one_process(
    two_processes, chromium_context, new_page
):
    url, run_dir, upstreams = two_processes
    page = open_app(new_page, url)
    cookie = route_cookie(chromium_context)
    assert cookie["httpOnly"] and re.fullmatch(r"[0-9]+", cookie["value"])  # its process

    play_button(page).click()
    wait_label(page, "Pause")
    wait_epoch_above(page, 50)  # frames arrive through nginx's /live-feed
    play_button(page).click()
    wait_label(page, "Play")
    assert epoch(page) > 50

    page.locator(".st-key-csv_upload input[type=file]").set_input_files(
        files=[{"name": "tiny.csv", "mimeType": "text/csv", "buffer": CSV.encode()}]
    )
    page.get_by_text("Column to predict").first.wait_for(timeout=30_000)
    assert page.locator("[data-testid=stException]").count() == 0

    page.reload()
    page.locator("[data-live=epoch]").wait_for(timeout=30_000)
    page.close()  # ends its WebSockets, so nginx logs them

    mine = wait_logged(run_dir, cookie["value"], "/_stcore/stream")
    paths = [e["path"] for e in mine]
    assert any(p.startswith("/live-feed") for p in paths), paths
    assert any(p.startswith("/_stcore/upload_file") and e["status"] in ("200", "204")
               for p, e in zip(paths, mine, strict=True)), "the upload did not succeed"  # fmt: skip
    pages = [p for p in paths if p == "/" or p.startswith("/?")]
    assert len(pages) >= 2, f"the reload is not in the log: {paths}"
    assert {e["upstream"] for e in mine} <= set(upstreams)
    assert len({e["upstream"] for e in mine}) == 1, [(e["path"][:30], e["upstream"]) for e in mine]
    assert not [e for e in mine if e["status"].startswith("5")]


def test_first_visits_reach_both_processes(two_processes):
    url, run_dir, upstreams = two_processes
    for _ in range(40):  # cookie-less, like 40 new students: taken in turns
        urllib.request.urlopen(url + "/?first=visit", timeout=10).close()
    deadline = time.monotonic() + LOG_WAIT_S
    while time.monotonic() < deadline:
        firsts = [e for e in access_log(run_dir) if e["path"] == "/?first=visit"]
        if len(firsts) == 40:
            per_process = [sum(e["upstream"] == u for e in firsts) for u in upstreams]
            assert per_process == [20, 20], per_process
            return
        time.sleep(0.2)  # nginx writes the line as each request ends
    pytest.fail(f"first visits did not reach both processes {upstreams}")
