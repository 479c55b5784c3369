"""Live training as the browser sees it: `python -m benchmarks.browser [--seconds 20] [--query Q]`.

Starts the app on a free port, opens it in Debian's Chromium (Playwright, 1500x1000), presses
Play and watches for N seconds, then prints Markdown tables:
- per chart: figures drawn per second (the live chart's own counter), frames where the
  chart was blank out of requestAnimationFrame samples, and browser ms per Plotly call
  (Plotly.react, or Plotly.relayout when only image pixels changed);
- epochs per second (epoch counter at start and end); live feed frames per second and
  bytes per frame (messages on the feed's WebSocket); server CPU per frame (/proc); page
  reruns while playing (``script_finished`` messages on Streamlit's WebSocket: none are
  needed); the browser main thread's busy share (Chrome's TaskDuration); the time from a
  click on "Show test data" while playing to the boundary chart showing it (median of 3);
  and the pause latency (median of 3; time of the counter's last change after the click).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import statistics
import subprocess
import time
from pathlib import Path

from google.protobuf.message import DecodeError
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS, running_app

CHART_KEYS = ("network", "boundary", "digits", "loss", "weights", "first_layer", "confusion")
PAUSE_WATCH_S = 5.0  # a pause that has not taken effect by then counts as this long

# Wraps Plotly.react on the object live_chart.js resolved (it looks the method up per call)
# and samples every animation frame for blank charts.
PROBE = """
(keys) => {
  const probe = { frames: 0, charts: {} };
  for (const key of keys) probe.charts[key] = { reacts: 0, calls: 0, ms: 0, blank: 0, pictures: 0 };
  // live_chart redraws with Plotly.react, or with Plotly.relayout when only image pixels
  // changed; time both, and count figures drawn from its own per-div counter.
  for (const name of ["react", "relayout", "extendTraces"]) {
    const original = window.Plotly[name];
    window.Plotly[name] = async function (gd, ...rest) {
      const t0 = performance.now();
      const result = await original.call(this, gd, ...rest);
      const host = gd.closest("[data-chart]");
      const key = host && host.dataset.chart;
      const chart = probe.charts[key];
      if (chart) { chart.calls++; chart.ms += performance.now() - t0; }
      return result;
    };
  }
  probe.drawnAtStart = {};
  for (const key of keys) {
    const gd = document.querySelector(`[data-chart=${key}] .js-plotly-plot`);
    probe.drawnAtStart[key] = gd ? gd.liveStats.drawn : 0;
  }
  const drawn = (key) => {
    const gd = document.querySelector(`[data-chart=${key}] .js-plotly-plot`);
    // Attributes only: reading offsetHeight here would force a layout every frame and slow
    // the very page being measured.
    const svg = gd && gd.querySelector(".main-svg");
    if (!svg || !(+svg.getAttribute("height") > 0)) return false;
    if (key === "loss") return !!gd.querySelector("path.js-line");
    // A picture painted on the overlay canvas (overlay.js) counts as drawn while shown.
    const overlay = gd.liveOverlay;
    const painted = overlay && !overlay.canvas.hidden && overlay.canvas.isConnected
      && overlay.items.length;
    return !!painted || !!gd.querySelector("image:not([visibility=hidden])");
  };
  // What a chart shows, as a short signature: its images' pixels (data URLs sampled) and
  // its traces' data (lengths and last values, or base64 samples). A new signature on an
  // animation frame is a new picture.
  const sampled = (text) => {
    let h = text.length;
    const step = Math.max(1, Math.floor(text.length / 48));
    for (let i = text.length - 1; i >= 0; i -= step) h = (h * 31 + text.charCodeAt(i)) | 0;
    return h;
  };
  const valueSig = (v) => {
    if (v === undefined || v === null) return "-";
    if (typeof v === "string") return sampled(v);
    if (v.bdata !== undefined) return sampled(v.bdata);
    if (v.length !== undefined) return v.length + ":" + v[v.length - 1] + ":" + v[v.length - 2];
    return String(v);
  };
  const signature = (gd) => {
    const images = ((gd.layout && gd.layout.images) || []).map((im) => sampled(im.source || ""));
    const traces = (gd.data || []).map((t) => valueSig(t.x) + valueSig(t.y) + valueSig(t.z));
    // gd.dataset.links: how often the browser drew the network's links (live_js/links.js);
    // the overlay canvas counts each new picture it draws (not redraws after a zoom).
    const painted = gd.liveOverlay && !gd.liveOverlay.canvas.hidden ? gd.liveOverlay.version : "-";
    return images.join(",") + "|" + traces.join(",") + "|" + (gd.dataset.links || "") + "|"
      + painted;
  };
  const last = {};
  const sample = () => {
    probe.frames++;
    for (const key of keys) if (!drawn(key)) probe.charts[key].blank++;
    for (const key of keys) {
      const gd = document.querySelector(`[data-chart=${key}] .js-plotly-plot`);
      const sig = gd ? signature(gd) : "";
      if (last[key] !== undefined && sig !== last[key]) probe.charts[key].pictures++;
      last[key] = sig;
    }
    for (const key of keys) {
      const gd = document.querySelector(`[data-chart=${key}] .js-plotly-plot`);
      if (gd) probe.charts[key].reacts = gd.liveStats.drawn - probe.drawnAtStart[key];
    }
    if (!probe.stop) requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  window.__bench = probe;
}
"""


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of proc(5)
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process (from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):  # it ended meanwhile
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def browser_cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + system) of this process's Chromium: (its renderers, all its
    processes). Less sensitive to the neighbours' load than the main thread's busy time
    (Chrome's TaskDuration is wall time: a task descheduled by the OS counts on)."""
    parents = _parents()
    mine = {os.getpid()}
    for pid in sorted(parents):  # children have larger pids than their parents, mostly
        if parents[pid] in mine:
            mine.add(pid)
    for _ in range(3):  # pids wrap: repeat until no descendant is missing
        mine |= {pid for pid, parent in parents.items() if parent in mine}
    renderers = total = 0.0
    for pid in mine - {os.getpid()}:
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"chrom" not in cmdline:
                continue  # Playwright's driver, not the browser
            seconds = cpu_seconds(pid)
        except OSError:
            continue
        total += seconds
        if b"--type=renderer" in cmdline:
            renderers += seconds
    return renderers, total


class SocketCounter:
    """What the page receives: live feed frames and their bytes (the feed's WebSocket), and
    finished page runs and their bytes (Streamlit's own WebSocket)."""

    def __init__(self, page) -> None:
        self.frames = self.frame_bytes = 0
        self.runs = self.run_bytes = 0
        page.on("websocket", self._opened)

    def _opened(self, ws) -> None:
        on_frame = self._feed if ws.url.endswith("/live-feed") else self._streamlit
        ws.on("framereceived", on_frame)

    def _feed(self, payload) -> None:
        if payload:  # "" = busy, no frame
            self.frames += 1
            self.frame_bytes += len(payload.encode() if isinstance(payload, str) else payload)

    def _streamlit(self, payload) -> None:
        data = payload if isinstance(payload, bytes) else payload.encode()
        self.run_bytes += len(data)
        try:
            if ForwardMsg.FromString(data).WhichOneof("type") == "script_finished":
                self.runs += 1
        except DecodeError:
            pass  # not a ForwardMsg: still counted as bytes

    def totals(self) -> tuple[int, int, int, int]:
        """(frames, frame bytes, page runs, page bytes) so far."""
        return self.frames, self.frame_bytes, self.runs, self.run_bytes


EPOCH = "[data-live=epoch] b"


def epoch(page) -> int:
    """The page's epoch counter."""
    return int(page.locator(EPOCH).inner_text().strip())


def play_button(page):
    """The visible Play/Pause button."""
    return page.locator(".st-key-play button:visible")


CLICK_PAUSE = """() => {
  const button = [...document.querySelectorAll('.st-key-play button')].find(b => b.offsetParent);
  const clicked = performance.now();
  button.click();
  return clicked;
}"""
READ_EPOCH = f"() => [performance.now(), document.querySelector('{EPOCH}').innerText]"


# Clicks the "Show test data" toggle and resolves with the seconds until the boundary chart
# shows a different number of points (test points appear or go): a page rerun while playing.
TOGGLE_TEST_POINTS = """() => new Promise((resolve) => {
  const points = () => document.querySelectorAll(
    "[data-chart=boundary] .scatterlayer .point").length;
  const before = points();
  const clicked = performance.now();
  document.querySelector(".st-key-set_show_test input").click();
  const check = () => {
    if (points() !== before) resolve((performance.now() - clicked) / 1000);
    else if (performance.now() - clicked > 10000) resolve(NaN);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})"""


def widget_latency(page) -> float:
    """Seconds from a click on a view setting, while training, to the chart showing it."""
    if not page.locator("[data-chart=boundary]").count():
        return float("nan")  # no plane to show test points on (digits)
    return page.evaluate(TOGGLE_TEST_POINTS)


def pause_latency(page) -> float:
    """Press Pause (a DOM click, timed in the page, so Playwright's own waits do not count);
    seconds from the click to the epoch counter's last change."""
    clicked = page.evaluate(CLICK_PAUSE)
    last_text, last_change = page.evaluate(READ_EPOCH)[1], clicked
    now = clicked
    while now - clicked < PAUSE_WATCH_S * 1000:
        now, text = page.evaluate(READ_EPOCH)
        if text != last_text:
            last_text, last_change = text, now
        page.wait_for_timeout(20)
    return (last_change - clicked) / 1000


def main_thread_seconds(cdp) -> float:
    """Seconds the page's main thread has been busy (Chrome's TaskDuration metric)."""
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration")


def _readings(page, cdp, sockets: SocketCounter, pid: int) -> tuple:
    return (time.perf_counter(), epoch(page), cpu_seconds(pid), main_thread_seconds(cdp),
            *browser_cpu_seconds(), *sockets.totals())  # fmt: skip


def measure(page, sockets: SocketCounter, pid: int, seconds: float) -> dict:
    """Press Play, watch for ``seconds``, return the raw figures (see the module docstring)."""
    keys = [k for k in CHART_KEYS if page.locator(f"[data-chart={k}] .js-plotly-plot").count()]
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.evaluate(PROBE, keys)
    play_button(page).click()
    page.wait_for_function(f"() => +document.querySelector('{EPOCH}').innerText > 0")
    start = _readings(page, cdp, sockets, pid)
    page.wait_for_timeout(seconds * 1000)
    probe = page.evaluate("() => { window.__bench.stop = true; return window.__bench; }")
    end = _readings(page, cdp, sockets, pid)
    elapsed, epochs, cpu, busy, renderer, chromium, frames, frame_bytes, runs, run_bytes = (
        b - a for a, b in zip(start, end, strict=True)
    )
    widgets = [widget_latency(page) for _ in range(3)]
    latencies = [pause_latency(page)]
    for _ in range(2):
        play_button(page).click()
        page.wait_for_timeout(1500)  # let training run before pausing again
        latencies.append(pause_latency(page))
    return {
        "elapsed": elapsed,
        "epochs": epochs,
        "feed_frames": frames,
        "frame_bytes": frame_bytes,
        "runs": runs,
        "run_bytes": run_bytes,
        "cpu": cpu,
        "main_thread": busy,
        "renderer_cpu": renderer,
        "browser_cpu": chromium,
        "frames": probe["frames"],
        "charts": probe["charts"],
        "pauses": latencies,
        "widgets": widgets,
    }


def markdown(m: dict) -> str:
    """The figures of ``measure`` as two Markdown tables."""
    rows = [
        "| chart | new pictures/s | figures drawn/s | blank frames / sampled "
        "| browser ms per Plotly call |"
    ]
    rows.append("|---|---:|---:|---:|---:|")
    for key, c in m["charts"].items():
        ms = c["ms"] / c["calls"] if c["calls"] else float("nan")
        rows.append(
            f"| {key} | {c['pictures'] / m['elapsed']:.1f} | {c['reacts'] / m['elapsed']:.1f} "
            f"| {c['blank']} / {m['frames']} | {ms:.1f} |"
        )
    frames, t = max(m["feed_frames"], 1), m["elapsed"]
    pauses = ", ".join(f"{p:.2f}" for p in m["pauses"])
    widgets = ", ".join(f"{w:.2f}" for w in m["widgets"])
    rows += [
        "",
        "| measure | value |",
        "|---|---:|",
        f"| window | {t:.1f} s |",
        f"| epochs per second | {m['epochs'] / t:.0f} |",
        f"| live feed frames per second | {m['feed_frames'] / t:.1f} |",
        f"| server CPU per frame | {1000 * m['cpu'] / frames:.1f} ms |",
        f"| server CPU share | {100 * m['cpu'] / t:.0f} % of one core |",
        f"| bytes per frame | {m['frame_bytes'] / frames / 1024:.1f} KB |",
        f"| page reruns while playing | {m['runs']} ({m['run_bytes'] / 1024:.0f} KB) |",
        f"| browser main thread busy | {100 * m['main_thread'] / t:.0f} % |",
        f"| browser main thread per frame | {1000 * m['main_thread'] / frames:.1f} ms |",
        f"| page's renderer CPU per frame | {1000 * m['renderer_cpu'] / frames:.1f} ms |",
        f"| all of Chromium's CPU per frame | {1000 * m['browser_cpu'] / frames:.1f} ms |",
        f"| pause latency, median of 3 | {statistics.median(m['pauses']):.2f} s ({pauses}) |",
        f"| a view setting while playing, median of 3 | {statistics.median(m['widgets']):.2f} s "
        f"({widgets}) |",
    ]
    return "\n".join(rows)


def machine() -> str:
    """nproc, memory and the Chromium version, as one line."""
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    chromium = subprocess.run(
        [CHROMIUM, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return (
        f"{os.cpu_count()} CPUs (nproc), {mem_kb / 2**20:.0f} GiB RAM, {platform.machine()}, "
        f"{chromium}, Python {platform.python_version()}"
    )


def main() -> None:
    """Parse the arguments, run one measurement and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--query", default="", help="URL query, e.g. '?dataset=spiral'")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with running_app() as (url, pid), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        sockets = SocketCounter(page)
        page.goto(f"{url}/{args.query}")
        page.wait_for_selector("[data-chart=network] .js-plotly-plot image", timeout=60_000)
        page.wait_for_function("() => window.Plotly && window.Plotly.react")
        result = measure(page, sockets, pid, args.seconds)
        browser.close()
    print(f"Page: `/{args.query}`, {args.seconds:g} s of training. Machine: {machine()}\n")
    print(markdown(result))


if __name__ == "__main__":
    main()
