"""Exploration schedules: epsilon for epsilon-greedy as a function of the steps taken."""


class LinearEpsilon:
    """epsilon falls linearly from `start` to `end` over `decay_steps` environment steps,
    then stays at `end`. LinearEpsilon(start=1.0, end=0.05, decay_steps=1000)."""

    def __init__(self, start: float = 1.0, end: float = 0.05, decay_steps: int = 1000):
        for name, value in (("start", start), ("end", end)):
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"epsilon {name} must be in 0..1, got {value}")
        self.start, self.end, self.decay_steps = float(start), float(end), max(int(decay_steps), 0)

    def __call__(self, step: int) -> float:
        """epsilon after `step` environment steps."""
        if step >= self.decay_steps:
            return self.end
        return self.start + (self.end - self.start) * step / self.decay_steps
