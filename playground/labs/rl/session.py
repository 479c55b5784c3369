"""One user's reinforcement lab: a grid world, an agent, and training by a time budget.

Implements the LabSession protocol (playground/labs/base.py) without the engine's Trainer:
the unit of training is an environment step; step() is one episode, step_batch() one
environment step, advance(seconds) a live frame's worth (as the speed setting says). A
frame may stop in the middle of an episode and the next goes on there, bitwise as if
uninterrupted. "Watch the greedy agent" plays one episode with epsilon = 0 on a copy of
the world, one move per frame, without learning. No streamlit.
"""

from __future__ import annotations

import functools
import secrets
import threading
import time
from collections.abc import Mapping
from typing import Any

import numpy as np

from playground import config
from playground.data import DataError
from playground.engine.rl import DQNAgent, LinearEpsilon, Runner, TabularQAgent, greedy_episode
from playground.envs import GridWorld, LayoutError
from playground.envs.paths import policy_rows, shortest_path_share
from playground.labs.rl.snapshot import RLSnapshot, take_snapshot
from playground.labs.rl.table import MAX_EPISODES, SLOW_SPEEDS, TABLE

TRAINING_CLOCK = time.perf_counter  # wall time, as every lab's frames (see labs/session.py)
# Seconds between live frames at the slow speeds and while watching: a pace to follow.
SLOW_FRAME_SECONDS = {"step": 0.15, "episode": 0.3, "watch": 0.15}
HISTORY = ("episode", "return", "length", "epsilon", "loss")


def locked(method):
    """Run a session method while holding the session's (reentrant) lock."""

    @functools.wraps(method)
    def locked_method(self, *args, **kwargs):
        with self.lock:
            return method(self, *args, **kwargs)

    return locked_method


class RLSession:
    """One user's grid world and agent (see the module docstring).

    settings: validated against the RL table. env (GridWorld), agent (DQNAgent or
    TabularQAgent), runner (Runner). history: {name: list} per finished episode for
    HISTORY. watching: the greedy episode being played back, or None. playing, lock,
    model_version as the protocol says; epoch = episodes finished.
    """

    lab = None  # the Lab (set by playground/labs/rl/lab.py)

    def __init__(self, settings: Mapping[str, Any]):
        self.lock = threading.RLock()
        self.settings = dict(settings)
        self.playing = False
        self.weight_round = 0
        self.model_version = 0
        self._snapshot_cache: RLSnapshot | None = None
        self._build_world()
        self._build_agent()

    # --- building --------------------------------------------------------------------
    def _build_world(self) -> None:
        s = self.settings
        try:
            self.env = GridWorld(
                s["layout"], start=s["start"], slip=s["slip"], step_cost=s["step_cost"],
                encoding=s["encoding"],
            )  # fmt: skip
        except LayoutError as error:
            raise DataError(f"Layout: {error}.") from None

    def _build_agent(self) -> None:
        s, env = self.settings, self.env
        seed = int(s["seed"]) * 1000 + self.weight_round
        if s["agent"] == "tabular":
            self.agent = TabularQAgent(env.n_cells, env.n_actions, index=env.cell_of, seed=seed)
        else:
            self.agent = DQNAgent(
                env.state_size, env.n_actions, hidden=tuple(s["hidden"]),
                activation=s["activation"], optimizer=s["optimizer"],
                buffer_size=s["buffer_size"], seed=seed,
            )  # fmt: skip
        self.env.reset(seed=seed)
        self.runner = Runner(env, self.agent, seed=seed, where=lambda: env.cell)
        self.history: dict[str, list] = {name: [] for name in HISTORY}
        self.watching: dict | None = None
        self.last_greedy: list[int] | None = None
        self.model_version += 1
        self._apply_live_settings()

    def _apply_live_settings(self) -> None:
        s, agent = self.settings, self.agent
        agent.learning_rate, agent.gamma = s["learning_rate"], s["gamma"]
        agent.schedule = LinearEpsilon(s["epsilon_start"], s["epsilon_end"], s["epsilon_steps"])
        if isinstance(agent, DQNAgent):
            agent.batch_size, agent.target_sync = s["batch_size"], s["target_sync"]
            agent.loss = s["td_loss"]
            agent.learn_start = s["batch_size"]
        self.runner.max_steps = s["max_steps"]
        self._snapshot_cache = None

    # --- changes from the page ---------------------------------------------------------
    @locked
    def update(self, new_settings: Mapping[str, Any]) -> str | None:
        """Apply new settings; returns what was reset ("data", "network", "live", "view")
        or None. On an error (DataError) the old settings and world stay and it propagates."""
        new_settings = dict(new_settings)
        kind = config.diff_kind(self.settings, new_settings, TABLE)
        old, old_env = self.settings, self.env
        self.settings = new_settings
        try:
            if kind in ("data", "network"):  # the state input is the world's encoding
                self._build_world()
        except DataError:
            self.settings, self.env = old, old_env
            raise
        if kind in ("data", "network"):
            self._build_agent()
            self.playing = False
        elif kind == "live":
            self._apply_live_settings()
        self._snapshot_cache = None
        return kind

    @locked
    def reset(self) -> None:
        """New weights (the seed's next draw), same world, episode 0; stops playing."""
        self.weight_round += 1
        self._build_agent()
        self.playing = False

    @locked
    def regenerate(self) -> int:
        """A new random seed (new weights, exploration, replay and slips); returns it."""
        seed = secrets.randbelow(TABLE["seed"].high + 1)
        self.update({**self.settings, "seed": seed})
        return seed

    @locked
    def take_notes(self) -> list[str]:
        """Sentences about settings the world could not use (none: the table checks all)."""
        return []

    # --- training ----------------------------------------------------------------------
    @property
    def epoch(self) -> int:
        """Episodes finished."""
        return self.runner.finished

    @locked
    def set_playing(self, playing: bool) -> bool:
        """Start or stop live training (or the greedy playback); returns whether it plays.
        At the stop episode it does not start."""
        self.playing = bool(playing) and (self.watching is not None or self._episodes_left() > 0)
        return self.playing

    @locked
    def step(self) -> int:
        """Train until the episode under way (or a new one) ends; returns 1."""
        self.watching = None
        self._finish(self.runner.run_episode())
        return 1

    @locked
    def step_batch(self) -> int:
        """One environment step of training; returns 1 if it ended an episode, else 0."""
        self.watching = None
        episode = self.runner.step()
        self._finish(episode)
        return int(episode is not None)

    @locked
    def watch_greedy(self) -> None:
        """Play one episode with epsilon = 0 (no learning) on a copy of the world, one move
        per live frame; training waits until it is over. Starts playing."""
        env = GridWorld(
            self.env.layout, start=self.env.start_mode, slip=self.env.slip,
            step_cost=self.env.step_cost, encoding=self.env.encoding,
        )  # fmt: skip
        episode = greedy_episode(
            env,
            self.agent,
            self.runner.max_steps,
            seed=self.runner.finished,
            where=lambda: env.cell,
        )
        self.watching = {"trace": episode.trace, "shown": 1, "return": episode.total}
        self.playing = True
        self._snapshot_cache = None

    @locked
    def advance(self, seconds: float = 0.055) -> int:
        """One live frame: a move of the greedy playback, or training as the speed says
        within `seconds` of wall time; returns the episodes finished."""
        if self.watching is not None:
            self._watch_frame()
            return 0
        speed, done = self.settings["speed"], 0
        deadline = TRAINING_CLOCK() + seconds
        while self._episodes_left() > 0:
            episode = self.runner.step()
            self._finish(episode)
            done += episode is not None
            if speed == "step" or (speed == "episode" and done) or TRAINING_CLOCK() >= deadline:
                break
        if self._episodes_left() == 0:
            self.playing = False
        self._snapshot_cache = None
        return done

    def _watch_frame(self) -> None:
        watch = self.watching
        watch["shown"] += 1
        if watch["shown"] >= len(watch["trace"]):
            self.last_greedy, self.watching, self.playing = watch["trace"], None, False
        self._snapshot_cache = None

    def _finish(self, episode) -> None:
        if episode is None:
            return
        record = episode.record()
        for name in HISTORY:
            value = record[name]
            self.history[name].append(np.nan if value is None else value)
        self._snapshot_cache = None

    def _episodes_left(self) -> int:
        cap = self.settings["max_episodes"] or MAX_EPISODES
        return max(0, cap - self.runner.finished)

    def min_frame_seconds(self) -> float:
        """The least time between live frames: a pace to follow at the slow speeds and
        while watching, else 0."""
        if self.watching is not None:
            return SLOW_FRAME_SECONDS["watch"]
        speed = self.settings["speed"]
        return SLOW_FRAME_SECONDS[speed] if speed in SLOW_SPEEDS else 0.0

    # --- what is shown -----------------------------------------------------------------
    def q_table(self) -> np.ndarray:
        """Q(s, a) of every cell (n_cells, 4) as the agent sees it now."""
        return self.agent.q_values(self.env.encode(np.arange(self.env.n_cells)))

    def greedy_actions(self) -> np.ndarray:
        """The greedy action of every cell (n_cells,)."""
        return self.q_table().argmax(axis=1)

    @locked
    def snapshot(self) -> RLSnapshot:
        """Everything the views show at this moment (cached until the next change)."""
        if self._snapshot_cache is None:
            self._snapshot_cache = take_snapshot(self)
        return self._snapshot_cache

    @locked
    def record(self) -> dict[str, Any]:
        """JSON-safe numbers of this moment: the last episode's {"episode", "return",
        "length", "epsilon", "loss"} (None before the first), "epoch" (episodes), "steps",
        and "shortest_paths" (share of free cells the greedy policy walks from to a goal by
        a shortest path)."""
        last = {name: None for name in HISTORY}
        if self.history["episode"]:
            last = {name: _json(self.history[name][-1]) for name in HISTORY}
        share = shortest_path_share(self.env, self.greedy_actions())
        return {**last, "epoch": self.epoch, "steps": self.agent.steps,
                "shortest_paths": round(share, 4)}  # fmt: skip

    @locked
    def final_record(self) -> dict[str, Any]:
        """record() plus "layout" (the world's rows) and "policy" (the same rows with
        ^ v < > for the greedy action in each free cell), for the command line's last line."""
        return {
            **self.record(),
            "layout": list(self.env.layout),
            "policy": policy_rows(self.env, self.greedy_actions()),
        }


def _json(value):
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value.item() if isinstance(value, np.generic) else value
