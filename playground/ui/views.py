"""The live area: the epoch, the stats and every chart, in one live element.

Each run of the page draws the current snapshot. While playing, the element's JavaScript
pulls further frames from the session's live feed (playground/live) without rerunning the
page, and asks for a rerun when training stops on its own (diverged, or the stop epoch), so
the Play button and the message follow.
"""

from collections.abc import Callable

from playground.live.feed import next_frame_number
from playground.live.panel import capped_message
from playground.live.routes import FEED_PATH
from playground.live.view_settings import view_settings
from playground.ui import plain, state
from playground.ui.learn_links import sync_learning
from playground.ui.live_chart import live_panel
from playground.ui.network_edits import apply_edit

LIVE_KEY = "live"

FEED_LOST = (
    "The live view lost its connection to the server, so training paused. "
    "Press Play to go on; if this keeps happening, reload the page."
)


def _feed_lost() -> None:
    state.playground().set_playing(False)
    state.report_error(FEED_LOST)


def _ignore(key: str) -> None:
    """A lab whose views take no clicks: a stray pick trigger does nothing."""


def live_area(session, on_pick: Callable[[str], None] | None = None) -> None:
    """Draw a lab session's live views; while playing they keep updating from the live
    feed. on_pick(key): the lab's handler of a click on a view (the live element's "pick"
    trigger, in st.session_state[key]), None = clicks do nothing."""
    pick = on_pick or _ignore
    sync_learning(session)  # the 'How it learns' panel's gradient links and norms
    with session.lock:
        snap, playing = session.snapshot(), session.playing
        settings = view_settings(session)
        number = next_frame_number()
    if snap.status == "diverged":
        plain.error(snap.message, icon=":material/warning:")
    lab = session.lab
    slots = lab.chart_slots(snap, settings)
    text, refusal = capped_message(lab, slots, snap, settings, frame=number, playing=playing,
                                   feed=FEED_PATH, token=state.feed().token)  # fmt: skip
    if refusal:
        session.set_playing(False)
        plain.error(refusal)
    live_panel(text, key=LIVE_KEY, on_lost=_feed_lost, on_edit=lambda: apply_edit(LIVE_KEY),
               on_pick=lambda: pick(LIVE_KEY))  # fmt: skip
