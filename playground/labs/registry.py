"""Every lab, in menu order: drives the pages, the URL and the command line.

Registering a lab is one line in LABS below.
"""

from collections.abc import Mapping
from types import MappingProxyType

from playground.labs.autoencoder.lab import AUTOENCODER
from playground.labs.base import LAB_PARAM, Lab
from playground.labs.classify.lab import CLASSIFY
from playground.labs.convnet.lab import CONVNET
from playground.labs.rl.lab import RL
from playground.labs.rnn.lab import SEQUENCES

LABS: Mapping[str, Lab] = MappingProxyType({
    lab.name: lab
    for lab in (
        CLASSIFY,  # first: the app's root
        AUTOENCODER,
        RL,
        CONVNET,
        SEQUENCES,
    )
})  # fmt: skip
"""Lab name -> Lab, in menu order (the first is the default)."""

DEFAULT_LAB = next(iter(LABS.values()))

ALIASES: Mapping[str, str] = MappingProxyType({
    "cnn": CONVNET.name,  # the usual short name of a convolutional network
})  # fmt: skip
"""Other names a lab answers to on the command line and in `lab=` (alias -> lab name)."""


def aliases_of(lab: Lab) -> tuple[str, ...]:
    """The other names `lab` answers to (ALIASES), in their order; () for none."""
    return tuple(alias for alias, name in ALIASES.items() if name == lab.name)


class UnknownLabError(ValueError):
    """A lab name no lab has; the text lists the ones there are."""


def lab_named(name: str) -> Lab:
    """The lab with this name, alias or URL path (raises UnknownLabError with the choices)."""
    name = ALIASES.get(name, name)
    for lab in LABS.values():
        if name in (lab.name, lab.path) and name:
            return lab
    known = ", ".join(LABS)
    also = "; ".join(f"{alias} is another name for {lab}" for alias, lab in ALIASES.items())
    raise UnknownLabError(f"No lab is called {name!r}; the labs are {known} ({also}).")


def lab_for_query(query: Mapping[str, str | list[str]]) -> Lab:
    """The lab a query names with `lab=` (the last value if repeated), else the first lab.
    Raises UnknownLabError for a name no lab has."""
    raw = query.get(LAB_PARAM)
    if isinstance(raw, list | tuple):
        raw = raw[-1] if raw else None
    return DEFAULT_LAB if not raw else lab_named(str(raw).strip())
