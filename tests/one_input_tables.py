"""CSV files with a single input column, shared by the tests of the 1-D view."""

import numpy as np


def one_input_csv(task: str = "binary", rows: int = 60) -> bytes:
    """hours_studied and one target: passed (0/1), grade (A..D) or score (a number)."""
    hours = np.linspace(0.5, 9.5, rows)
    if task == "binary":
        name, target = "passed", [str(int(h + np.sin(7 * h) > 5)) for h in hours]
    elif task == "multiclass":
        name, target = "grade", ["DCBA"[min(3, int(h // 2.5))] for h in hours]
    else:
        name, target = "score", [f"{10 * h + 3 * np.sin(5 * h):.2f}" for h in hours]
    lines = [f"{h:.2f},{t}\n" for h, t in zip(hours, target, strict=True)]
    return (f"hours_studied,{name}\n" + "".join(lines)).encode()
