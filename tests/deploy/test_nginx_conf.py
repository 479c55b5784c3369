"""deploy/nginx_conf.py: the generated nginx config, checked by nginx itself and run for real
in front of two tiny stand-in backends (each answers with its port and the request headers
it got), so stickiness, header forwarding and the upload limit are seen, not assumed."""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from benchmarks.chromium import free_port
from deploy.nginx_conf import (
    ROUTE_COOKIE,
    addresses,
    app_upload_mb,
    main,
    site_conf,
    standalone_conf,
)
from tests.deploy.nginx_check import require_nginx

STARTUP_S = 10


class _EchoHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # nginx keeps upstream connections alive

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        headers = {k.lower(): v for k, v in self.headers.items()}
        body = json.dumps({"port": self.server.server_address[1], "headers": headers}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer  # noqa: N815 (http.server's names)

    def log_message(self, *args) -> None:  # quiet
        pass


def _run_dir() -> Path:
    # Not pytest's tmp_path: nginx's workers run as nobody under root and must reach it.
    path = Path(tempfile.mkdtemp(prefix="nginx-test."))
    path.chmod(0o755)
    return path


def _user() -> str | None:
    return "nobody nogroup" if os.geteuid() == 0 else None


@pytest.fixture(scope="module")
def proxy():
    """nginx on a free port in front of two echo backends: (base URL, backend ports)."""
    nginx = require_nginx()
    backends = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), _EchoHandler) for _ in "ab"]
    for server in backends:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    ports = [server.server_address[1] for server in backends]
    run_dir, port = _run_dir(), free_port()
    conf = standalone_conf([f"127.0.0.1:{p}" for p in ports], f"127.0.0.1:{port}", run_dir,
                           _user(), upload_mb=1)  # fmt: skip
    (run_dir / "nginx.conf").write_text(conf)
    args = [
        nginx,
        "-p",
        str(run_dir),
        "-c",
        str(run_dir / "nginx.conf"),
        "-e",
        str(run_dir / "error.log"),
    ]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_answering(url, process)
        yield url, ports
    finally:
        process.send_signal(signal.SIGQUIT)
        process.wait(timeout=15)
        for server in backends:
            server.shutdown()
        shutil.rmtree(run_dir, ignore_errors=True)


def _wait_answering(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited: {process.stderr.read().decode()}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)  # waiting for nginx to listen, not timing anything
    pytest.fail("nginx did not answer")


def _get(url: str, cookie: str | None = None, headers: dict | None = None, data=None):
    request = urllib.request.Request(url, data=data, headers={**(headers or {})})
    if cookie:
        request.add_header("Cookie", f"{ROUTE_COOKIE}={cookie}")
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read()), response.headers.get_all("Set-Cookie") or []


def _route_cookie(set_cookies: list[str]) -> str:
    values = [re.match(rf"{ROUTE_COOKIE}=([^;]*)", c) for c in set_cookies]
    found = [m.group(1) for m in values if m]
    assert len(found) == 1, f"expected one {ROUTE_COOKIE} cookie, got {set_cookies}"
    return found[0]


def test_generated_config_passes_nginx_own_check():
    nginx = require_nginx()
    run_dir = _run_dir()
    try:
        upstreams = ["127.0.0.1:8501", "10.0.0.7:8501", "[::1]:8502"]
        conf = standalone_conf(upstreams, f"127.0.0.1:{free_port()}", run_dir, _user())
        (run_dir / "nginx.conf").write_text(conf)
        check = subprocess.run(
            [nginx, "-t", "-p", str(run_dir), "-c", str(run_dir / "nginx.conf"), "-e",
             str(run_dir / "error.log")], capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        assert check.returncode == 0, check.stderr
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)


def test_first_visits_get_their_process_number_and_are_shared_evenly(proxy):
    url, ports = proxy
    counts = dict.fromkeys(ports, 0)
    for _ in range(40):  # one after the other: the fewest open connections is a tie
        answer, cookies = _get(url)
        assert _route_cookie(cookies) == str(ports.index(answer["port"]))
        assert any("HttpOnly" in c and "Path=/" in c for c in cookies)
        counts[answer["port"]] += 1
    assert abs(counts[ports[0]] - counts[ports[1]]) <= 2, counts  # random keys: often 25/15


def test_a_cookie_that_names_no_process_is_a_first_visit(proxy):
    url, ports = proxy
    for junk in ("7", "abc", "01", "-1"):
        answer, cookies = _get(url, cookie=junk)
        assert _route_cookie(cookies) == str(ports.index(answer["port"]))


def test_a_host_name_upstream_is_known_by_its_addresses():
    assert addresses("localhost:8501")[0] == "localhost:8501"
    assert "127.0.0.1:8501" in addresses("localhost:8501")
    assert addresses("10.0.0.7:8501") == ["10.0.0.7:8501"]
    assert addresses("[::1]:8502") == ["[::1]:8502"]
    conf = site_conf(["localhost:8501", "10.0.0.7:8501"], "8080")
    assert '"127.0.0.1:8501" 0;' in conf and '"10.0.0.7:8501" 1;' in conf


def test_a_cookie_keeps_every_request_on_one_process_and_is_not_set_again(proxy):
    url, _ = proxy
    for _ in range(4):  # a few first visits, each then followed
        first, cookies = _get(url)
        route = _route_cookie(cookies)
        for path in ("/", "/_stcore/stream", "/live-feed", "/_stcore/upload_file/x"):
            answer, again = _get(url + path, cookie=route)
            assert answer["port"] == first["port"], f"{path} left its process"
            assert not any(c.startswith(ROUTE_COOKIE) for c in again)


def test_websocket_upgrades_pass_on_any_path_with_host_and_origin_intact(proxy):
    url, _ = proxy
    port = url.rsplit(":", 1)[1]
    upgrade = {"Upgrade": "websocket", "Connection": "Upgrade", "Origin": url}
    for path in ("/live-feed", "/_stcore/stream", "/base/live-feed"):
        answer, _ = _get(url + path, headers=upgrade)
        got = answer["headers"]
        assert got["upgrade"] == "websocket" and got["connection"].lower() == "upgrade"
        assert got["host"] == f"127.0.0.1:{port}"  # with the port: Origin checks compare them
        assert got["origin"] == url
    plain, _ = _get(url)
    assert "upgrade" not in plain["headers"]


def test_uploads_above_the_app_limit_are_refused_by_nginx(proxy):
    url, _ = proxy
    small, _ = _get(url + "/_stcore/upload_file", data=b"x" * 100_000)
    assert small["port"]
    with pytest.raises(urllib.error.HTTPError) as refused:
        _get(url + "/_stcore/upload_file", data=b"x" * 2_500_000)  # limit: 1 MB + 1 envelope
    assert refused.value.code == 413


@pytest.mark.parametrize("bad", ["host", "a;b:1", "h:0", "h:99999", "h:1 ; evil", "{x}:1"])
def test_upstreams_that_are_not_host_port_are_refused(bad, capsys):
    with pytest.raises(SystemExit) as refused:
        main([bad])
    assert refused.value.code == 2
    assert "not host:port" in capsys.readouterr().err


def test_the_upload_limit_follows_the_apps_config(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[server]\nmaxUploadSize = 7\n")
    assert app_upload_mb(config) == 7
    assert app_upload_mb(tmp_path / "missing.toml") == 200  # Streamlit's own default
    limit = app_upload_mb()  # the app's .streamlit/config.toml
    assert f"client_max_body_size {limit + 1}m;" in site_conf(["127.0.0.1:8501"], "8080")
