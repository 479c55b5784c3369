"""The teacher's checker, beyond the signature: a result held against its assignment.

A result code names its assignment by id (assignment.assignment_id) and carries the
settings, the metric, its value and the epoch. Given the assignment (the one the page runs
under, the link made on the page, or a link pasted among the codes), the checker says
whether the result meets the target: the metric, the epoch budget, and every limit, each
with the value the result's settings have. Pure Python.

    known = assignments_in(pasted_text, lab)        # id -> Assignment, links of this lab
    verdict = review(result, known[result.assignment], lab)   # one line of plain text
"""

import re

from playground.teaching.assignment import MAX_LINK_CHARS, Assignment, assignment_id, decode
from playground.teaching.assignment_target import (
    OP_SIGNS,
    format_metric,
    limit_checks,
    metric_label,
)

MAX_LINKS = 10  # links read from one pasted text (each decoded: bounded work)
_LINK = re.compile(rf"(?<![A-Za-z0-9_])assignment=([A-Za-z0-9_-]{{1,{MAX_LINK_CHARS}}})")


def assignments_in(text: str, lab, most: int = MAX_LINKS) -> dict[str, Assignment]:
    """Assignment id -> assignment for every `assignment=` value in `text` (a link, or
    several) that is a valid assignment of `lab`; the first `most` values only."""
    found = {}
    for match in list(_LINK.finditer(text if isinstance(text, str) else ""))[:most]:
        encoded = match.group(1)
        assignment, _ = decode(encoded, lab)
        if assignment is not None:
            found[assignment_id(encoded)] = assignment
    return found


def _target_misses(result, assignment: Assignment) -> list[str]:
    target = assignment.target
    if result.metric != target.metric:
        return [f"its metric is {metric_label(result.metric)}, not {metric_label(target.metric)}"]
    misses = []
    met = result.value >= target.value if target.op == ">=" else result.value <= target.value
    if not met:
        goal = f"{OP_SIGNS[target.op]} {format_metric(target.metric, target.value)}"
        misses.append(f"{format_metric(result.metric, result.value)} is not {goal}")
    if target.epochs and result.epoch > target.epochs:
        misses.append(f"epoch {result.epoch:,} is past the budget of {target.epochs:,}")
    return misses


def review(result, assignment: Assignment, lab) -> str:
    """One line on whether `result` (an assignment_codes.Result) meets `assignment`'s
    target: "meets the target; limits: 'Hidden layers' 4 in all (at most 6), ..." or
    "does NOT meet the target: <every miss>". The result's settings are read as the page
    reads a URL (a value the page would not take counts against it)."""
    if result.lab != lab.name or result.lab != assignment.lab:
        return "does NOT meet the target: the result is of another lab"
    settings, notes = lab.settings_from_query(dict(result.settings))
    misses = _target_misses(result, assignment)
    if notes:
        misses.append("its settings have values the page does not take")
    checks = limit_checks(assignment.target, settings, lab.table)
    misses += [f"{line} is broken" for line, kept in checks if not kept]
    if misses:
        return "does NOT meet the target: " + "; ".join(misses)
    kept = ", ".join(line for line, _ in checks)
    return "meets the target" + (f"; limits: {kept}" if kept else "")
