"""A deadline for work done in small units (a mini-batch, a chunk of evaluation, a shuffle).

A unit cannot be cut, so the question before each is whether it will end in time. The
answer comes from what the last unit of the same kind and size cost on the same clock:
costs are kept by the caller across calls (a trainer keeps them from frame to frame).
"""

from collections.abc import Callable

Costs = dict[tuple[str, int], float]
"""(kind, rows) -> clock seconds the last such unit took."""

STRETCH = 0.25
"""A call may run this share of its seconds longer to end an epoch rather than stop in it
(so a fast network's frames end on whole epochs, as a reader of the page expects)."""


class Deadline:
    """`seconds` of `clock` from now, for units of work measured in `costs`.

    The first unit always runs, so every call makes progress; a later one runs only if its
    predicted cost ends it by the deadline. A unit of a size never measured is predicted
    from the dearest rows measured so far (of its kind if any), so it errs on the safe side.
    Once per call the deadline may be stretched by up to STRETCH x seconds to end an epoch.
    """

    def __init__(self, clock: Callable[[], float], seconds: float, costs: Costs):
        self.clock, self.costs = clock, costs
        self.now = clock()
        self.end = self.now + seconds
        self.latest = self.end + STRETCH * seconds
        self.fresh, self.stretched = True, False

    def fits(self, kind: str, rows: int) -> bool:
        """Whether a unit of `kind` over `rows` rows may start now."""
        return self.fresh or self.now + self._estimate(kind, rows) <= self.end

    def spent(self, kind: str, rows: int) -> None:
        """Record that such a unit has just ended."""
        now = self.clock()
        self.costs[kind, rows] = now - self.now
        self.now, self.fresh = now, False

    def stretch(self, units: list[tuple[str, int, int]]) -> bool:
        """Once per call: move the deadline to the latest if `units` ((kind, rows, count):
        the rest of an epoch) are predicted to end by then; whether it moved."""
        if self.stretched:
            return False
        self.stretched = True
        cost = sum(count * self._estimate(kind, rows) for kind, rows, count in units if count)
        if self.now + cost > self.latest:
            return False
        self.end = self.latest  # predictions jitter: let the epoch end if it runs a little long
        return True

    def _estimate(self, kind: str, rows: int) -> float:
        known = self.costs.get((kind, rows))
        if known is not None:
            return known
        per_row = [cost / n for (k, n), cost in self.costs.items() if k == kind]
        per_row = per_row or [cost / n for (_, n), cost in self.costs.items()]
        return max(per_row, default=0.0) * rows


class NoDeadline:
    """Stands in for a Deadline when training runs to a count of epochs: always fits."""

    stretched = False

    def fits(self, kind: str, rows: int) -> bool:
        """Always True."""
        return True

    def spent(self, kind: str, rows: int) -> None:
        """Nothing to record."""

    def stretch(self, units) -> bool:
        """Never needed."""
        return False
