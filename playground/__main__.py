"""The playground's command line: `python -m playground labs`, `... train QUERY` and
`... lessons`.

    python -m playground labs [--json]
    python -m playground train 'dataset=xor&hidden=8' --epochs 100 [--lab classify] [--export DIR]
    python -m playground lessons [--json] [--check [NAME ...]]

`train` prints one JSON object per epoch, then {"final": {...}}. A query the page would
not use as given gets one line on stderr and exit status 2. --export DIR writes the
trained model's bundle there (model.json, model.npz, predict.py, history.csv).
"""

import argparse
import json
import os
import sys

# As in app.py: one BLAS thread (small matrices; a threaded BLAS mostly fights itself).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from playground.labs import headless  # noqa: E402
from playground.teaching import bundle  # noqa: E402

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse with its errors on one line (and the same exit status)."""

    def error(self, message: str):
        self.exit(USAGE_ERROR, f"{self.prog}: {message} (see --help)\n")


def _epochs(text: str) -> int:
    try:
        epochs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= epochs <= headless.MAX_EPOCHS:
        raise argparse.ArgumentTypeError(f"must be 0 to {headless.MAX_EPOCHS:,}")
    return epochs


def parser() -> argparse.ArgumentParser:
    """The command line's arguments."""
    top = _Parser(prog="python -m playground", description=__doc__.split("\n")[0])
    commands = top.add_subparsers(dest="command", required=True, parser_class=_Parser)
    labs = commands.add_parser("labs", help="list the labs and their settings")
    labs.add_argument("--json", action="store_true", help="one JSON list (name, path, settings)")
    train = commands.add_parser("train", help="train a lab from its URL query, print JSON lines")
    train.add_argument("query", help="the page's query, e.g. 'dataset=xor&hidden=8' (or its URL)")
    units = train.add_mutually_exclusive_group(required=True)
    units.add_argument("--epochs", type=_epochs, help="epochs to train")
    units.add_argument(
        "--episodes",
        type=_epochs,
        dest="epochs",
        help="episodes to train (the reinforcement lab's unit; as --epochs)",
    )
    train.add_argument("--lab", help="the lab's name or URL path (else lab= or the first lab)")
    train.add_argument("--export", metavar="DIR", help="write the model bundle into DIR")
    lessons = commands.add_parser("lessons", help="list the lessons, or --check their claims")
    lessons.add_argument("names", nargs="*", help="only these lessons (default: all)")
    lessons.add_argument("--json", action="store_true", help="one JSON list of the lessons")
    lessons.add_argument("--check", action="store_true",
                         help="train every run headless; exit status 1 if an expectation "
                         "is not met")  # fmt: skip
    return top


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = parser().parse_args(argv)
    if args.command == "labs":
        headless.print_labs(args.json)
        return 0
    if args.command == "lessons":
        from playground.teaching.lessons_cli import run_lessons

        return run_lessons(args.json, args.check, args.names)
    try:
        session = headless.open_session(args.query, args.lab)
    except headless.QueryError as error:
        print(f"python -m playground: not trained: {error}", file=sys.stderr)
        return USAGE_ERROR
    if args.export and not bundle.can_export(session):
        print("python -m playground: not trained: this lab has no model bundle", file=sys.stderr)
        return USAGE_ERROR
    for record in headless.train(session, args.epochs):
        print(json.dumps(record), flush=True)
    print(json.dumps({"final": headless.final_record(session)}), flush=True)
    return _export(session, args.export) if args.export else 0


def _export(session, directory: str) -> int:
    try:
        paths = bundle.write_bundle(session, directory)
    except OSError as error:
        print(f"python -m playground: the bundle cannot be written: {error}", file=sys.stderr)
        return USAGE_ERROR
    names = ", ".join(path.name for path in paths)
    print(f"python -m playground: wrote {names} to {directory}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # e.g. piped into `head`
        sys.exit(0)
