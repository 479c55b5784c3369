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

    def units_that_fit(self, kind: str, rows: int, most: int) -> int:
        """How many units of `kind` over `rows` rows may run one after another from now
        (at most `most`) before the clock is read again (spent). The first unit of a call
        always runs; a kind and size never measured runs alone (to be measured); else half
        of those predicted to end by the deadline, at least one if one fits. Half: the
        clock is read again half-way to the deadline, then a quarter of the way, ..., so a
        prediction that drifts (the machine got busier) is caught on the way, while a
        frame of many small steps reads the clock a dozen times, not once per step."""
        if most <= 0:
            return 0
        cost = self.costs.get((kind, rows))
        if cost is None:
            return 1 if self.fits(kind, rows) else 0
        room = self.end - self.now
        if room < 0:
            return 1 if self.fresh else 0
        if cost <= 0:  # a clock that did not move: every unit fits while time is left
            return most
        fit = int(room / cost)
        if fit == 0:
            return 1 if self.fresh else 0
        return min(most, max(1, fit // 2))

    def spent(self, kind: str, rows: int, count: int = 1) -> None:
        """Record that `count` such units (run one after another) have just ended."""
        now = self.clock()
        self.costs[kind, rows] = (now - self.now) / count
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

    def units_that_fit(self, kind: str, rows: int, most: int) -> int:
        """All of them: `most`."""
        return most

    def spent(self, kind: str, rows: int, count: int = 1) -> None:
        """Nothing to record."""

    def stretch(self, units) -> bool:
        """Never needed."""
        return False
