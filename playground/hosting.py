"""The host's limits, in one place: how much one server process lets its users ask for.

Each limit has a default (below) that a school can change without touching the code:
a TOML file named by ``PLAYGROUND_LIMITS_FILE`` sets any of them (top-level keys, e.g.
``max_layers = 4``), and an environment variable ``PLAYGROUND_<NAME>`` (e.g.
``PLAYGROUND_MAX_LAYERS=4``) overrides the file. They are read once, when the server
starts; a bad value stops it with a message naming the limit. The modules that enforce a
limit take it from ``HOST`` (the settings table, the CSV loader, the live feed, the page).

No imports from the rest of the package: every layer may read its limits from here.
"""

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields

LIMITS_FILE_VARIABLE = "PLAYGROUND_LIMITS_FILE"
ENV_PREFIX = "PLAYGROUND_"


@dataclass(frozen=True)
class HostLimits:
    """Every limit of one server process (the defaults are the project's).

    max_layers, max_neurons: hidden layers of a network and neurons per layer.
    max_csv_rows: data rows of an uploaded CSV. max_upload_mb: size of a CSV upload (MB as
    Streamlit counts them, MiB); Streamlit's own ``server.maxUploadSize`` must not be
    smaller (.streamlit/config.toml, or STREAMLIT_SERVER_MAX_UPLOAD_SIZE). max_sessions: browser
    sessions one process serves at once (a new one past it gets a "server is full" page).
    max_frames_per_second: live frames one session may ask for each second.
    frame_budget_ms: most training time in one live frame, when one session plays;
    min_frame_budget_ms: the least a frame gets however many play (the process's time is
    shared between them; see playground.live.scheduler); target_frames_per_second: the
    live frames a second the process aims to give every playing session (the training
    time of a frame shrinks as more play, to its floor). allowed_origins: web origins
    besides the page's own host that may open the live feed (comma-separated, e.g.
    ``https://nn.school.example``), for a proxy that rewrites the Host header.
    """

    max_layers: int = 8
    max_neurons: int = 64
    max_csv_rows: int = 10_000
    max_upload_mb: int = 10
    max_sessions: int = 100
    max_frames_per_second: int = 60
    frame_budget_ms: int = 20
    min_frame_budget_ms: int = 4
    target_frames_per_second: int = 12
    allowed_origins: tuple[str, ...] = ()


# Inclusive range of each number: beyond it the server refuses to start. The frame bound
# (no frame trains longer than 1.5x its budget) is tested at the default layers and neurons.
RANGES = {
    "max_layers": (1, 16),
    "max_neurons": (1, 256),
    "max_csv_rows": (10, 1_000_000),
    "max_upload_mb": (1, 200),
    "max_sessions": (1, 100_000),
    "max_frames_per_second": (1, 60),
    "frame_budget_ms": (1, 10_000),
    "min_frame_budget_ms": (1, 10_000),
    "target_frames_per_second": (1, 60),
}


def _value(name: str, raw, default):
    """raw (from TOML or an environment variable) as the limit's type, checked."""
    if isinstance(default, tuple):
        items = raw.split(",") if isinstance(raw, str) else raw
        if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
            raise ValueError(f"host limit {name!r} must be a list of origins, got {raw!r}")
        return tuple(item.strip().rstrip("/") for item in items if item.strip())
    if isinstance(raw, int) and not isinstance(raw, bool):
        number = raw
    elif isinstance(raw, str) and raw.strip().isdigit():
        number = int(raw)
    else:
        raise ValueError(f"host limit {name!r} must be a whole number, got {raw!r}")
    low, high = RANGES[name]
    if not low <= number <= high:
        raise ValueError(f"host limit {name!r} must be from {low} to {high}, got {number}")
    return number


def load(environ: Mapping[str, str] = os.environ) -> HostLimits:
    """The limits from the file named by PLAYGROUND_LIMITS_FILE, then the environment."""
    given: dict = {}
    path = environ.get(LIMITS_FILE_VARIABLE)
    if path:
        with open(path, "rb") as file:
            given.update(tomllib.load(file))
    known = {field.name: field.default for field in fields(HostLimits)}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise ValueError(f"unknown host limits in {path}: {', '.join(unknown)}")
    for name in known:
        variable = ENV_PREFIX + name.upper()
        if variable in environ:
            given[name] = environ[variable]
    values = {name: _value(name, raw, known[name]) for name, raw in given.items()}
    limits = HostLimits(**values)
    if limits.min_frame_budget_ms > limits.frame_budget_ms:
        raise ValueError("host limit 'min_frame_budget_ms' must not exceed 'frame_budget_ms'")
    return limits


HOST = load()
"""This process's limits."""
