"""One user's reinforcement lab: a grid world, an agent, and training by a time budget.

A TrainingSession (playground/labs/session.py: settings changes, what they reset, Reset,
Regenerate, the lock, the snapshot cache) without the engine's Trainer: the world is the
lab's data (_load_data), the agent its model (_build_model). The unit of training is an
environment step; step() is one episode, step_batch() one environment step,
advance(seconds) a live frame's worth (as the speed setting says). A
frame may stop in the middle of an episode and the next goes on there, bitwise as if
uninterrupted. "Watch the greedy agent" plays one episode with epsilon = 0 on a copy of
the world, one move per frame, without learning. No streamlit.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from playground.data import DataError
from playground.engine.rl import DQNAgent, LinearEpsilon, Runner, TabularQAgent, greedy_episode
from playground.envs import GridWorld, LayoutError
from playground.envs.paths import policy_rows, shortest_path_share
from playground.labs.rl.snapshot import RLSnapshot, take_snapshot
from playground.labs.rl.table import MAX_EPISODES, SLOW_SPEEDS
from playground.labs.session import TrainingSession, locked

TRAINING_CLOCK = time.perf_counter  # wall time, as every lab's frames (see labs/session.py)
# Seconds between live frames at the slow speeds and while watching: a pace to follow.
SLOW_FRAME_SECONDS = {"step": 0.15, "episode": 0.3, "watch": 0.15}
HISTORY = ("episode", "return", "length", "epsilon", "loss")


class RLSession(TrainingSession):
    """One user's grid world and agent (see the module docstring).

    settings: validated against the RL table. env (GridWorld), agent (DQNAgent or
    TabularQAgent), runner (Runner). history: {name: list} per finished episode for
    HISTORY. watching: the greedy episode being played back, or None. playing, lock,
    model_version as the protocol says; epoch = episodes finished.
    """

    lab = None  # the Lab (set by playground/labs/rl/lab.py)

    # --- the TrainingSession hooks -----------------------------------------------------
    def _load_data(self) -> None:
        """The world the settings describe (self.env; raises DataError for a layout it
        cannot use, and the world shown stays)."""
        s = self.settings
        try:
            self.env = GridWorld(
                s["layout"], start=s["start"], slip=s["slip"], step_cost=s["step_cost"],
                encoding=s["encoding"],
            )  # fmt: skip
        except LayoutError as error:
            raise DataError(f"Layout: {error}.") from None

    def _build_model(self) -> None:
        """A new agent (weights from the seed's weight round), its runner, no history."""
        s, env = self.settings, self.env
        seed = self._weight_seed()
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

    def _apply_change(self, kind: str | None, old) -> None:
        """A new agent for a new world and for a new agent alike: the network's input is the
        world's state encoding (a "network" setting), so both rebuild the world."""
        if kind in ("data", "network"):
            self._load()
        else:
            super()._apply_change(kind, old)

    def _take_snapshot(self) -> RLSnapshot:
        return take_snapshot(self)

    @locked
    def network_edited(self) -> None:
        """The agent's values were changed from outside training: the views show them."""
        self._snapshot_cache = None

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
