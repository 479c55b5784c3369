"""The sequence lab's tasks by name: the one place that maps a task's name to its data."""

from playground.data.sequences.echo import echo_task
from playground.data.sequences.task import SequenceTask
from playground.data.sequences.text import text
from playground.data.sequences.waves import waves

TASKS: tuple[str, ...] = ("echo", "waves", "text")


def load_task(name: str, delay: int = 4, seed: int = 0, answer: str = "every") -> SequenceTask:
    """The task `name` (one of TASKS) drawn from `seed`; `delay` and `answer` (see
    echo_task) are echo's only."""
    if name == "echo":
        return echo_task(delay, seed=seed, answer=answer)
    if name == "waves":
        return waves(seed=seed)
    if name == "text":
        return text(seed=seed)
    raise ValueError(f"unknown sequence task {name!r}; choose one of {TASKS}")
