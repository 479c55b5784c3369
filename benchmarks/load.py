"""A class of simulated students on one server: `python -m benchmarks.load`.

    python -m benchmarks.load [--students 1,5,10,30] [--seconds 15] [--processes 2]
                              [--url http://127.0.0.1:8080/ --pids 123,456] [--query Q]

No browsers: each student is a client of Streamlit's own WebSocket protocol
(benchmarks/streamlit_client.py) that loads the page, presses Play, pulls frames from the
live feed as the page's JavaScript does (asks for the next frame as soon as one arrives,
"draws" each for --draw-ms, ~30 ms, before using the next), and presses Pause; the whole
class pauses within PAUSE_SPREAD_S. For each number of students, a fresh server (one
`streamlit run app.py`, or `deploy/run-local.sh N` with --processes N: nginx in front of N
processes) unless --url names a running one. Prints one Markdown table per class size.

Measures: chart updates/s and epochs/s per student (median, p10, worst) between its first
frame and its Pause; Play -> first live frame; Pause -> training stopped (a frame says
``playing: false``); Pause -> the button shows Play again (the rerun's button arrives);
page load (GET + socket + the first script run); /_stcore/health latency polled during the
run; errors; server CPU while everyone plays (all its processes, /proc) and memory per
session (RSS growth over the class). Loopback only, fixed duration, stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.chromium import REPO, free_port, running_app
from benchmarks.machine_speed import machine_speed
from benchmarks.streamlit_client import PageSession, header_of

RAMP_S = 2.0  # students open the page spread over this long
PAUSE_SPREAD_S = 2.0  # ... and press Pause spread over this long
BUSY_RETRY_S = 0.05  # as feed.js: the feed was still answering an earlier request
FRAME_TIMEOUT_S = 15.0
PAUSE_WATCH_S = 5.0  # a pause not seen by then counts as an error
HEALTH_EVERY_S = 0.25
STARTUP_TIMEOUT_S = 120


@dataclass
class Target:
    """Where the students go: the page's URL, the server processes (for CPU and memory;
    may be empty) and URLs of the single processes (to warm each one up)."""

    url: str
    pids: list[int]
    processes: list[str]


@dataclass
class Student:
    """One student's timeline (perf_counter seconds) and what went wrong."""

    page_load: float | None = None
    play_at: float | None = None
    play_shown_at: float | None = None  # the button reads Pause (the click's rerun)
    feed_open_at: float | None = None  # the live feed's socket is open
    first_frame_at: float | None = None
    frames: list[tuple[float, int]] = field(default_factory=list)  # (arrived, epoch)
    pause_at: float | None = None
    stopped_at: float | None = None
    flipped_at: float | None = None
    busy: int = 0
    errors: list[str] = field(default_factory=list)

    def window(self) -> list[tuple[float, int]]:
        """Frames from the first one to the Pause click."""
        end = self.pause_at or float("inf")
        return [f for f in self.frames if f[0] <= end]

    def updates_per_s(self) -> float | None:
        """Live frames per second while playing."""
        frames = self.window()
        if len(frames) < 2:
            return None
        return (len(frames) - 1) / (frames[-1][0] - frames[0][0])

    def epochs_per_s(self) -> float | None:
        """Epochs trained per second while playing (as the frames showed them)."""
        frames = self.window()
        if len(frames) < 2:
            return None
        return (frames[-1][1] - frames[0][1]) / (frames[-1][0] - frames[0][0])


async def _sleep_until(moment: float) -> None:
    await asyncio.sleep(max(0.0, moment - time.perf_counter()))


async def pull_frames(session: PageSession, student: Student, draw_s: float) -> None:
    """Pull frames as feed.js does, until one says training stopped."""
    async with await session.open_feed() as feed:
        student.feed_open_at = time.perf_counter()
        drawn_at = 0.0
        while True:
            await feed.send(session.token)
            await _sleep_until(drawn_at)  # the last frame is still being drawn
            text = await asyncio.wait_for(feed.recv(), FRAME_TIMEOUT_S)
            now = time.perf_counter()
            if not text:
                student.busy += 1
                await asyncio.sleep(BUSY_RETRY_S)
                continue
            header = header_of(text)
            if not header.get("playing"):
                student.stopped_at = now
                return
            student.first_frame_at = student.first_frame_at or now
            student.frames.append((now, int(header["epoch"])))
            drawn_at = now + draw_s


async def press_pause(session: PageSession, student: Student, moment: float) -> None:
    """Press Pause at ``moment`` and note when the button shows Play again."""
    await _sleep_until(moment)
    student.pause_at = time.perf_counter()
    run = await session.click_play()
    if run.play_label != "Play":
        raise RuntimeError(f"after Pause the button reads {run.play_label!r}")
    student.flipped_at = run.play_label_at


async def one_student(url: str, query: str, start: float, pause: float, draw_s: float) -> Student:
    """Load the page at ``start``, press Play, pull frames, press Pause at ``pause``."""
    student = Student()
    await _sleep_until(start)
    began = time.perf_counter()
    try:
        async with PageSession(url, query) as session:
            run = await session.open()
            student.page_load = time.perf_counter() - began
            if run.exceptions or run.header is None:
                raise RuntimeError(f"page shows {run.exceptions or 'no live element'}")
            student.play_at = time.perf_counter()
            run = await session.click_play()
            if run.play_label != "Pause":
                raise RuntimeError(f"after Play the button reads {run.play_label!r}")
            student.play_shown_at = run.play_label_at
            puller = asyncio.create_task(pull_frames(session, student, draw_s))
            try:
                await press_pause(session, student, pause)
                await asyncio.wait_for(asyncio.shield(puller), PAUSE_WATCH_S)
            finally:
                puller.cancel()  # done already, unless something failed
                await asyncio.gather(puller, return_exceptions=True)
    except Exception as err:  # a benchmark reports every failure, it does not stop
        student.errors.append(f"{type(err).__name__}: {err}"[:200])
    return student


def _health_once(url: str) -> float | None:
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/_stcore/health", timeout=5) as resp:
            resp.read()
            return time.perf_counter() - began if resp.status == 200 else None
    except OSError:
        return None


async def poll_health(url: str, until: float, latencies: list, failures: list) -> None:
    """GET /_stcore/health every HEALTH_EVERY_S until ``until``."""
    while time.perf_counter() < until:
        latency = await asyncio.to_thread(_health_once, url)
        (latencies.append(latency) if latency is not None else failures.append(1))
        await asyncio.sleep(HEALTH_EVERY_S)


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of these processes, from /proc."""
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def rss_mb(pids: list[int]) -> float:
    """Resident memory of these processes in MB, from /proc."""
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


async def warm_up(target: Target, query: str, draw_s: float) -> None:
    """One student per process first: imports, caches and static files are made once."""
    for url in target.processes:
        now = time.perf_counter()
        student = await one_student(url, query, now, now + 1.0, draw_s)
        if student.errors:
            raise RuntimeError(f"warm-up on {url} failed: {student.errors[0]}")


async def run_class(target: Target, n: int, seconds: float, query: str, draw_s: float) -> dict:
    """N students against ``target``; the raw measurements."""
    await warm_up(target, query, draw_s)
    await asyncio.sleep(1.0)
    base_rss = rss_mb(target.pids) if target.pids else None
    start = time.perf_counter() + 0.5
    all_playing, pause = start + RAMP_S + 1.0, start + RAMP_S + 1.0 + seconds
    health, health_failures = [], []
    poller = asyncio.create_task(
        poll_health(target.url, pause + PAUSE_SPREAD_S, health, health_failures)
    )
    students = [
        one_student(target.url, query, start + RAMP_S * i / n, pause + PAUSE_SPREAD_S * i / n,
                    draw_s)
        for i in range(n)
    ]  # fmt: skip
    server = asyncio.create_task(_server_usage(target.pids, all_playing, pause))
    client_cpu = time.process_time()
    results = await asyncio.gather(*students)
    client_cpu = time.process_time() - client_cpu
    await poller
    usage = await server
    return {
        "students": results,
        "health": health,
        "health_failures": len(health_failures),
        "base_rss": base_rss,
        "usage": usage,
        "window": (all_playing, pause),
        "client_cpu": client_cpu,
    }


async def _server_usage(pids: list[int], begin: float, end: float) -> dict | None:
    if not pids:
        return None
    await _sleep_until(begin)
    cpu0 = [cpu_seconds([pid]) for pid in pids]
    await _sleep_until(end)
    cpu = [cpu_seconds([pid]) - before for pid, before in zip(pids, cpu0, strict=True)]
    return {"cpu": cpu, "seconds": end - begin, "rss": rss_mb(pids)}


# --- servers ------------------------------------------------------------------------------
@contextmanager
def local_servers(processes: int) -> Iterator[Target]:
    """One `streamlit run app.py`, or `deploy/run-local.sh N` (nginx in front of N)."""
    if processes == 1:
        with running_app() as (url, pid):
            yield Target(url, [pid], [url])
        return
    with tempfile.TemporaryDirectory(prefix="load-run.") as run_dir:
        port = free_port()
        env = {**os.environ, "PLAYGROUND_RUN_DIR": run_dir, "PYTHON": sys.executable}
        script = subprocess.Popen(
            [str(REPO / "deploy" / "run-local.sh"), str(processes), str(port)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        try:
            _wait_ready(script)
            pids = [int((Path(run_dir) / f"streamlit-{i}.pid").read_text()) for i in
                    range(processes)]  # fmt: skip
            upstreams = (Path(run_dir) / "upstreams").read_text().split()
            yield Target(f"http://127.0.0.1:{port}", pids, [f"http://{u}" for u in upstreams])
        finally:
            script.send_signal(signal.SIGTERM)  # its trap stops nginx and the processes
            try:
                script.wait(timeout=30)
            except subprocess.TimeoutExpired:
                script.kill()


def _wait_ready(script: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    for line in script.stdout:  # run-local.sh prints "ready: ..." once all answer
        if line.startswith("ready:"):
            return
        if time.monotonic() > deadline:
            break
    raise RuntimeError("deploy/run-local.sh did not get ready")


# --- the table ----------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of ``values``, linearly interpolated."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _rates(values: list[float | None], n: int) -> str:
    got = [v for v in values if v is not None]
    if not got:
        return "—"
    worst = min(got) if len(got) == n else 0.0  # a student with no rate got nothing
    return f"{statistics.median(got):.1f} / {percentile(got, 10):.1f} / {worst:.1f}"


def _latencies(values: list[float]) -> str:
    if not values:
        return "—"
    return f"{percentile(values, 50):.2f} / {percentile(values, 95):.2f} / {max(values):.2f}"


def markdown(raw: dict, n: int, processes: str) -> str:
    """One class size's table."""
    students: list[Student] = raw["students"]
    ok = [s for s in students if not s.errors]
    errors = [e for s in students for e in s.errors]
    first = [s.first_frame_at - s.play_at for s in students if s.first_frame_at and s.play_at]
    stopped = [s.stopped_at - s.pause_at for s in ok if s.stopped_at and s.pause_at]
    flipped = [s.flipped_at - s.pause_at for s in ok if s.flipped_at and s.pause_at]
    loads = [s.page_load for s in students if s.page_load is not None]
    begin, end = raw["window"]
    frames = sum(1 for s in students for at, _ in s.frames if begin <= at <= end)
    rows = [
        ("students (server)", f"{n} ({processes})"),
        ("chart updates/s per student: median / p10 / worst",
         _rates([s.updates_per_s() for s in students], n)),
        ("epochs/s per student: median / p10 / worst",
         _rates([s.epochs_per_s() for s in students], n)),
        ("Play → first live frame, s: p50 / p95 / max", _latencies(first)),
        ("... of which: the click's rerun / the feed's socket / the frame, p50 s",
         _play_parts(students)),
        ("Pause → training stopped, s: p50 / p95 / max", _latencies(stopped)),
        ("Pause → button shows Play, s: p50 / p95 / max", _latencies(flipped)),
        ("page load, s: p50 / p95 / max", _latencies(loads)),
        (f"/_stcore/health, s: p50 / p95 / max ({len(raw['health'])} polls)",
         _latencies(raw["health"])),
        ("errors", _errors(errors, raw["health_failures"])),
        ("busy answers (feed still answering)", str(sum(s.busy for s in students))),
        ("client CPU (this benchmark)", f"{raw['client_cpu']:.1f} s"),
    ]  # fmt: skip
    rows += _server_rows(raw, n, frames)
    lines = ["| measure | value |", "|---|---:|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def _play_parts(students: list[Student]) -> str:
    """Where Play -> first frame went (medians): until the rerun showed Pause, then until
    the live feed's socket opened, then until its first frame arrived."""
    marks = [(s.play_at, s.play_shown_at, s.feed_open_at, s.first_frame_at) for s in students]
    marks = [m for m in marks if None not in m]
    if not marks:
        return "—"
    parts = [statistics.median(m[i + 1] - m[i] for m in marks) for i in range(3)]
    return " / ".join(f"{part:.2f}" for part in parts)


def _errors(errors: list[str], health_failures: int) -> str:
    if not errors and not health_failures:
        return "0"
    first = f" (first: {errors[0]})" if errors else ""
    return f"{len(errors)} student, {health_failures} health{first}".replace("|", "/")


def _server_rows(raw: dict, n: int, frames: int) -> list[tuple[str, str]]:
    usage = raw["usage"]
    if usage is None:
        return [("server CPU and memory", "n/a (no --pids)")]
    shares = [cpu / usage["seconds"] for cpu in usage["cpu"]]
    per_frame = 1000 * sum(shares) / max(1e-9, frames / usage["seconds"])
    per_session = (usage["rss"] - raw["base_rss"]) / n
    split = " + ".join(f"{share:.2f}" for share in shares)
    return [
        ("server CPU while all play, cores (per process)",
         f"{sum(shares):.2f} ({split}), {sum(shares) / n:.2f} per student, "
         f"{per_frame:.0f} ms per frame"),
        ("server memory: before → playing, per session",
         f"{raw['base_rss']:.0f} → {usage['rss']:.0f} MB, {per_session:.1f} MB"),
    ]  # fmt: skip


def machine() -> str:
    """The machine and how busy it was as the run began."""
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"load average {load} at start")  # fmt: skip


def _class_sizes(text: str) -> list[int]:
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1 or max(sizes) > 200:
        raise argparse.ArgumentTypeError("class sizes are 1-200, e.g. 1,5,10,30")
    return sizes


def main(argv: list[str] | None = None) -> None:
    """Run each class size and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=_class_sizes, default=[1, 5, 10, 30])
    parser.add_argument("--seconds", type=float, default=15.0, help="playing window")
    parser.add_argument("--processes", type=int, default=1, help="behind nginx if > 1")
    parser.add_argument("--url", help="a running server (loopback) instead of a fresh one")
    parser.add_argument("--pids", default="", help="its processes, for CPU and memory")
    parser.add_argument("--query", default="", help="the page's query, e.g. dataset=digits")
    parser.add_argument("--draw-ms", type=float, default=30.0)
    args = parser.parse_args(argv)
    if not 1 <= args.seconds <= 300:
        parser.error("--seconds must be 1-300")
    print(f"Machine: {machine()}. Window {args.seconds:g} s, draw {args.draw_ms:g} ms, "
          f"query {args.query or '(defaults)'!r}.\n")  # fmt: skip
    for n in args.students:
        speed = f"Machine speed before the run: {machine_speed():.3f} ms per epoch at the defaults."
        with _target(args) as target:
            raw = asyncio.run(run_class(target, n, args.seconds, args.query, args.draw_ms / 1000))
        label = "--url" if args.url else f"{args.processes} process(es)"
        label += " behind nginx" if args.processes > 1 else ""
        print(f"### {n} student(s)\n\n{speed}\n\n{markdown(raw, n, label)}\n", flush=True)


@contextmanager
def _target(args) -> Iterator[Target]:
    if args.url:
        host = args.url.split("//", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]
        if host not in ("127.0.0.1", "localhost", "[::1]"):
            raise SystemExit("--url must be on loopback (this benchmark floods its target)")
        pids = [int(p) for p in args.pids.split(",") if p.strip()]
        yield Target(args.url, pids, [args.url])
    else:
        with local_servers(args.processes) as target:
            yield target


if __name__ == "__main__":
    main()
