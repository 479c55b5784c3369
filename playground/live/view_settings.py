"""The settings a session's views are drawn with: its own, plus what its page holds."""

from typing import Any

from playground import config

LIVE_FRAMES = "_live_frames"
"""True in the views' settings of a live frame that later frames update in the browser
(feed.py's light frames): the figures then leave to the browser what it draws from the
frames' values (the network's links) and leave out what would go stale until the next
whole figure (the points' predicted probabilities: shown again on pause)."""


def view_settings(session: Any) -> dict:
    """A copy of a lab session's settings for its views (call under its lock), with the
    names the page's assignment holds under config.HELD (the session's optional `held`,
    set by the page): a view then offers no control that changes one, e.g. the network
    view draws no + and - over its layers when the hidden layers are locked."""
    settings = dict(session.settings)
    settings[config.HELD] = frozenset(getattr(session, "held", ()))
    return settings
