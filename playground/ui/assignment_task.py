"""The student's side of an assignment: the task over the views, its target checked live
(a small fragment that reads the session's snapshot once a second while training plays)
and, once reached, the result card with its code to hand in."""

from dataclasses import dataclass

import streamlit as st

from playground.labs.restored_view import shown_row
from playground.teaching.assignment_codes import Result, result_code, verification_code
from playground.teaching.assignment_target import (
    Progress,
    format_metric,
    in_words,
    limit_checks,
    metric_label,
    progress,
    target_sentence,
)
from playground.ui import assignment_state, plain

CHECK_SECONDS = 1.0  # how often the target is checked while training plays
UNSIGNED_NOTE = (
    "Unsigned: this server has no assignment secret, so the link's locks and target could "
    "have been edited and result codes cannot be verified (see the README, Assignments)."
)


@dataclass(frozen=True)
class Card:
    """A reached target: the model it was reached with (model_version, epoch), the result,
    its code, and a line per limit of the target with the value the settings had then."""

    model: tuple[int, int]
    result: Result
    code: str
    limits: tuple[str, ...] = ()


def _card_key(lab) -> str:
    return f"assignment_card:{lab.name}"


def _result(now, session, value: float, epoch: int) -> Result:
    settings = {k: v for k, v in session.lab.to_query(session.settings).items() if k != "hide"}
    target = now.assignment.target
    return Result(now.id, now.assignment.title, session.lab.name, settings, target.metric,
                  value, epoch)  # fmt: skip


def _latest_card(now, session, snap) -> tuple[Card | None, Progress]:
    """The card of the target reached by this model, kept from when it was first seen
    (settings changed later do not change it); the last one if none now."""
    target, lab = now.assignment.target, session.lab
    since = assignment_state.counts_from(lab, session)
    found = progress(target, snap.history, session.settings, lab.table, counts_from=since)
    card = st.session_state.get(_card_key(lab))
    if found.reached_epoch is not None:
        model = (session.model_version, found.reached_epoch)
        if card is None or card.model != model:
            secret, _ = assignment_state.secret()
            result = _result(now, session, found.reached_value, found.reached_epoch)
            kept = tuple(line for line, _ in limit_checks(target, session.settings, lab.table))
            card = Card(model, result, result_code(result, secret), kept)
            st.session_state[_card_key(lab)] = card
    return card, found


def _status(target, found, snap, counts_from: int = 1) -> str:
    """The live line: the epoch, the metric of the weights the model holds (after a
    patience stop, the restored best weights': restored_view) and the best so far (of the
    epochs that count: from `counts_from`, after a limit was broken)."""
    name = metric_label(target.metric)
    if not found.measured:
        return f"This setup does not measure {name}."
    restored = getattr(snap, "restored", None)
    latest = found.latest if restored is None else shown_row(snap).get(target.metric)
    now = format_metric(target.metric, latest)
    best = format_metric(target.metric, found.best)
    budget = _budget(target.epochs, found.epoch)
    whose = "" if restored is None else f"the restored best weights of epoch {restored.epoch:,}; "
    text = f"Epoch {found.epoch:,}{budget}: {name} {now} ({whose}best {best})."
    if counts_from > 1:
        text += (" The training so far had a setting beyond a limit: the target counts "
                 f"from epoch {counts_from:,} on.")  # fmt: skip
    if found.over_budget:
        text += " The epoch budget is used up: press Reset to try again."
    return text


def _budget(epochs: int | None, epoch: int) -> str:
    """The budget beside the epoch: 'of at most 500', or past it (training may go on once
    the target is reached) 'the budget was 500'."""
    if not epochs:
        return ""
    return f" of at most {epochs:,}" if epoch <= epochs else f" (the budget was {epochs:,})"


def _result_card(card: Card, signed: bool) -> None:
    result = card.result
    with st.container(key="assignment_result", border=True):
        st.success(plain.literal(f"Target reached at epoch {result.epoch:,}: "
                                 f"{metric_label(result.metric)} "
                                 f"{format_metric(result.metric, result.value)}."))  # fmt: skip
        if card.limits:
            plain.caption(f"Within the limits: {in_words(list(card.limits))}.")
        st.caption("Your result code (copy it and hand it in):")
        st.code(card.code, language=None, wrap_lines=True)
        if signed:
            code = verification_code(card.code)
            plain.caption(f"Verification code {code}, signed by this server: your "
                          "teacher's checker can tell it is genuine.")  # fmt: skip
        else:
            plain.caption("Unsigned code: this server has no secret, so no one can verify it.")
        with st.expander("The settings of this result"):  # folded: the views stay in sight
            rows = [{"setting": k, "value": v} for k, v in result.settings.items()]
            st.dataframe(
                rows, hide_index=True, width="stretch", height=min(300, 36 + 35 * len(rows))
            )
            st.caption("Settings not listed are at their defaults.")


def _live(session) -> None:
    now = assignment_state.active(session.lab)
    target = now.assignment.target
    # The numbers only: a snapshot with the pictures costs ~4x more, once a second a page.
    with session.lock:  # the training thread may be mid-step
        snap = session.lab.light_snapshot(session)
    card, found = _latest_card(now, session, snap)
    for problem in found.problems:
        plain.warning(problem)
    since = assignment_state.counts_from(session.lab, session)
    plain.caption(_status(target, found, snap, since))
    if card is not None:
        _result_card(card, now.signed)
    if st.session_state.get("assignment_polling") and not session.playing:
        st.session_state["assignment_polling"] = False
        st.rerun()  # training stopped on its own: redraw the page (toolbar, views)


def assignment_task(session) -> None:
    """The task of the page's assignment, if any: its title, target, live progress and,
    once reached, the result card."""
    now = assignment_state.active(session.lab)
    if now is None:
        return
    with st.container(key="assignment_task", border=True):
        title = now.assignment.title or "Assignment"
        st.markdown(f"**Assignment:** {plain.literal(title)}")
        plain.info(target_sentence(now.assignment.target, session.lab.table))
        if not now.signed:
            plain.caption(UNSIGNED_NOTE)
        polling = session.playing
        st.session_state["assignment_polling"] = polling
        st.fragment(_live, run_every=CHECK_SECONDS if polling else None, key="assignment_live")(
            session
        )
