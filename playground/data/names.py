"""Names from a user's file (columns, classes, categories), cut to a length the page shows."""

from collections.abc import Sequence

from playground.data.limits import MAX_NAME_CHARS

CUT_MARK = "…"


def _cut(name: str, limit: int) -> str:
    head = (limit - 1) * 2 // 3
    return name[:head] + CUT_MARK + name[len(name) - (limit - 1 - head) :]


def shorten_names(names: Sequence[str], limit: int = MAX_NAME_CHARS) -> tuple[list[str], int]:
    """Each name cut to at most ``limit`` characters and still unique. A cut keeps the
    start and the end ("a_very_long…name_v2": names often differ at their ends) with "…"
    between; a name that would repeat an earlier one ends in a number instead ("…2").

    Returns (the names in the same order, how many were changed).
    """
    shortened: list[str] = []
    taken: set[str] = set()
    for name in names:
        short = name if len(name) <= limit else _cut(name, limit)
        number = 2
        while short in taken:
            tail = f"{CUT_MARK}{number}"
            short, number = name[: limit - len(tail)] + tail, number + 1
        taken.add(short)
        shortened.append(short)
    return shortened, sum(a != b for a, b in zip(names, shortened, strict=True))


def shortened_note(count: int, what: str) -> str:
    """The sentence for the page when ``count`` names of a kind (``what``) were cut."""
    return (
        f"{count} {what} longer than {MAX_NAME_CHARS} characters are shortened (the middle "
        f"left out, marked {CUT_MARK})."
    )
