"""The settings a session's views are drawn with: its own, plus what its page holds."""

from typing import Any

from playground import config


def view_settings(session: Any) -> dict:
    """A copy of a lab session's settings for its views (call under its lock), with the
    names the page's assignment holds under config.HELD (the session's optional `held`,
    set by the page): a view then offers no control that changes one, e.g. the network
    view draws no + and - over its layers when the hidden layers are locked."""
    settings = dict(session.settings)
    settings[config.HELD] = frozenset(getattr(session, "held", ()))
    return settings
