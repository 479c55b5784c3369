"""The teacher's side of assignments, in an expander under the views: make a link from the
page's current setup (controls to hide and lock, a target), and check the result codes
students hand in (several at once)."""

from urllib.parse import urlencode, urlsplit

import streamlit as st

from playground.config.boxes import BOXES
from playground.config.toolbar import BUTTONS
from playground.teaching.assignment import (
    ASSIGNMENT_PARAM,
    LIMIT_KINDS,
    MAX_EPOCH_BUDGET,
    MAX_LIMITS,
    MAX_METRIC_VALUE,
    MAX_TITLE_CHARS,
    OPS,
    SIGNATURE_PARAM,
    Assignment,
    Limit,
    Target,
    assignment_id,
    controls,
    decode,
    encode,
    hideable,
)
from playground.teaching.assignment_codes import (
    MAX_CHECK_CHARS,
    SECRET_ENV,
    SECRET_KEY,
    check_codes,
    link_signature,
)
from playground.teaching.assignment_locks import settings_named
from playground.teaching.assignment_review import assignments_in, review
from playground.teaching.assignment_target import (
    OP_SIGNS,
    default_op,
    format_metric,
    limit_problem,
    metric_label,
    target_sentence,
)
from playground.ui import assignment_state, plain

LINK = "assignment_made"  # session state: (lab name, the link's URL, its id) once made
NO_LIMIT = ""
LIMIT_ROWS = "assignment_limit_rows"  # session state: how many limit rows the builder shows
NO_SECRET = (
    f"This server has no assignment secret, so links and result codes are unsigned. The "
    f"host sets one with the environment variable {SECRET_ENV} or the key {SECRET_KEY} in "
    ".streamlit/secrets.toml (at least 16 characters)."
)


def control_label(name: str, table, buttons=BUTTONS) -> str:
    """A panel, setting or button name in words for the pickers (buttons: the lab's own
    toolbar, whose labels may differ, e.g. the RL lab's "Step move")."""
    labels = {button.name: button.label for button in buttons}
    if name in labels:
        return f"{labels[name]} button"
    if name in table:
        return table[name].label
    return BOXES.get(name) or f"{name.capitalize()} panel"


def _clean_title(raw) -> str:
    text = raw if isinstance(raw, str) else ""
    return "".join(ch for ch in text if ch.isprintable()).strip()[:MAX_TITLE_CHARS]


def _metrics(session) -> list[str]:
    names = [n for n in session.snapshot().history if n != "epoch"]
    first = next((n for n in ("test_accuracy", "test_r2", "test_loss") if n in names), None)
    return sorted(names, key=lambda n: n != first)


class LimitError(ValueError):
    """The builder's limits cannot go together (the text says why)."""


def _limits(rows, table) -> tuple[Limit, ...]:
    """The builder's (setting, at most) rows as limits, the rows left at "(none)" out;
    LimitError naming a setting limited twice."""
    limits = tuple(Limit(name, float(most)) for name, most in rows if name != NO_LIMIT)
    names = [limit.setting for limit in limits]
    twice = next((name for name in names if names.count(name) > 1), None)
    if twice is not None:
        raise LimitError(f"'{table[twice].label}' is limited twice: keep one limit for it.")
    return limits


def make_link(session, form: dict, secret: str | None, base: str) -> tuple[str | None, str]:
    """(the link's URL, "<its id>: <its target in words>") for the page's current setup
    and the builder's values, or (None, why it cannot be made). form: title, hide, lock,
    metric, op, value, epochs, limits (a list of (setting name or NO_LIMIT, at most), up
    to the format's MAX_LIMITS). The link is read back as a student's page would."""
    lab = session.lab
    if session.settings.get("dataset") == "csv":  # the file stays in this browser session
        return None, "An assignment cannot carry an uploaded CSV file: pick a built-in data set."
    setup = {k: v for k, v in lab.to_query(session.settings).items() if k != "hide"}
    hide = tuple(form["hide"])
    lock = tuple(n for n in form["lock"] if n not in hide)
    try:
        limits = _limits(form["limits"], lab.table)
    except LimitError as error:
        return None, str(error)
    try:
        target = Target(form["metric"], form["op"], float(form["value"]), int(form["epochs"]),
                        limits)  # fmt: skip
        assignment = Assignment(lab.name, _clean_title(form["title"]), setup, hide, lock, target)
        encoded = encode(assignment)
    except (TypeError, ValueError, OverflowError):
        return None, "The target's numbers are not usable."
    back, problem = decode(encoded, lab)
    if back is None:
        return None, problem
    fixed = settings_named((*hide, *lock), lab.table)
    found = (limit_problem(limit, session.settings, lab.table) for limit in target.limits
             if limit.setting in fixed)  # fmt: skip
    stuck = [problem for problem in found if problem]
    if stuck:
        return None, f"{stuck[0]} It is hidden or locked, so no student could reach the target."
    query = {**setup, ASSIGNMENT_PARAM: encoded}
    if secret:
        query[SIGNATURE_PARAM] = link_signature(secret, encoded)
    sentence = target_sentence(back.target, lab.table)
    return f"{_with_path(base)}?{urlencode(query)}", f"{assignment_id(encoded)}: {sentence}"


def _with_path(base: str) -> str:
    """The page's address with a path: 'http://host' (the first lab's page, as Streamlit
    gives it) becomes 'http://host/', the usual form of a link to it."""
    return base if not base or urlsplit(base).path else base + "/"


USUAL_OP = "usual"  # the builder's first choice of direction: default_op of the metric
USUAL_WORDS = "≤ a loss, ≥ a score"


def _builder_form(session) -> dict | None:
    """The builder's widgets; their values once "Make the link" is pressed, else None."""
    table = session.lab.table
    names, hideable_names = list(controls(table)), list(hideable(table))
    metrics = _metrics(session)
    with st.form("assignment_form", border=False):
        title = st.text_input("Task title", "My assignment", max_chars=MAX_TITLE_CHARS,
                              key="assignment_title")  # fmt: skip
        label = lambda n: control_label(n, table, session.lab.buttons)  # noqa: E731
        hidden_now = [n for n in session.settings.get("hide", ()) if n in hideable_names]
        hide = st.multiselect("Hide these controls", hideable_names, hidden_now,
                              key="assignment_hide",
                              format_func=label)  # fmt: skip
        lock = st.multiselect("Lock these controls (shown, but disabled)", names,
                              key="assignment_lock", format_func=label)  # fmt: skip
        left, middle, right = st.columns([2, 1, 1])
        metric = left.selectbox("Target metric", metrics, key="assignment_metric",
                                format_func=metric_label)  # fmt: skip
        # In a form the choice of metric reruns nothing, so the usual direction is an
        # option of its own, worked out from the metric when the link is made.
        op = middle.selectbox("Must be", (USUAL_OP, *OPS), key="assignment_op",
                              format_func=lambda o: OP_SIGNS.get(o, USUAL_WORDS))  # fmt: skip
        value = right.number_input("Value (an accuracy as a share: 0.95 = 95 %)",
                                   -MAX_METRIC_VALUE, MAX_METRIC_VALUE, 0.95, step=0.01,
                                   format="%.4f",
                                   key="assignment_value")  # fmt: skip
        epochs = st.number_input("Within epochs (0 = any)", 0, MAX_EPOCH_BUDGET, 500,
                                 key="assignment_epochs")  # fmt: skip
        rows = [_limit_row(index, table) for index in range(_limit_rows())]
        left, right = st.columns(2)  # on a phone: Add (by the limits) above Make
        make = right.form_submit_button("Make the link", key="assignment_make", type="primary")
        left.form_submit_button(
            "Add a limit", key="assignment_add_limit", icon=":material/add:",
            on_click=_add_limit_row, disabled=_limit_rows() >= MAX_LIMITS,
            help=f"A target may limit up to {MAX_LIMITS} settings; every one must hold.",
        )  # fmt: skip
        if not make:
            return None
    if op == USUAL_OP and metric is not None:
        op = default_op(metric)
    return {"title": title, "hide": hide, "lock": lock, "metric": metric, "op": op,
            "value": value, "epochs": epochs, "limits": rows}  # fmt: skip


def _limit_rows() -> int:
    """How many limit rows the builder shows (one, and one more per "Add a limit")."""
    return min(MAX_LIMITS, max(1, int(st.session_state.get(LIMIT_ROWS, 1))))


def _add_limit_row() -> None:
    st.session_state[LIMIT_ROWS] = min(MAX_LIMITS, _limit_rows() + 1)


def _limit_key(kind: str, index: int) -> str:
    """The widget key of a limit row's setting ("limit") or bound ("most"): the first
    row's are assignment_limit and assignment_most, the next _1, _2, ..."""
    return f"assignment_{kind}" + (f"_{index}" if index else "")


def _limit_row(index: int, table) -> tuple[str, float]:
    """One row of the builder's limits: (setting name or NO_LIMIT, at most)."""
    names = [NO_LIMIT, *(n for n, s in table.items() if s.kind in LIMIT_KINDS)]
    left, right = st.columns([2, 1])
    word = "Limit a setting (optional)" if index == 0 else f"Limit {index + 1} (optional)"
    name = left.selectbox(word, names, key=_limit_key("limit", index),
                          format_func=lambda n: "(none)" if n == NO_LIMIT
                          else f"{table[n].label} (a list: its sum)"
                          if table[n].kind == "int_list" else table[n].label)  # fmt: skip
    most = right.number_input(
        "At most", 0.0, MAX_METRIC_VALUE, 6.0, format="%g", key=_limit_key("most", index)
    )  # "%g": a rate's 0.001 too
    return name, most


def _builder(session) -> None:
    secret, _ = assignment_state.secret()
    form = _builder_form(session)
    if form is not None and form["metric"] is not None:
        base = (st.context.url or "").split("?")[0]
        url, detail = make_link(session, form, secret, base)
        if url is None:
            plain.error(detail)
            st.session_state.pop(LINK, None)
        else:
            st.session_state[LINK] = (session.lab.name, url, detail)
    made = st.session_state.get(LINK)
    if made and made[0] == session.lab.name:
        signed = "signed by this server" if secret else "unsigned"
        plain.caption(f"Assignment {made[2]} Send this link to the class ({signed}).")
        with st.container(key="assignment_link"):
            st.code(made[1], language=None, wrap_lines=True)


CHECKER_LABEL = (
    "Result codes to check (paste several at once, any text around them; with "
    "the assignment's link among them, each result is held against its target)"
)
UNKNOWN_TASK = "paste the assignment's link with the codes to check its target"
FORGED = "not held against the target: the code is not genuine, so its result is not either"


def _target_cell(check, known: dict, lab) -> str:
    result = check.result
    if result is None:
        return ""
    if check.verdict == "not genuine":  # an edited result must not read "meets the target"
        return FORGED
    if result.assignment not in known:
        return UNKNOWN_TASK
    return review(result, known[result.assignment], lab)


def _verdict_rows(checks, current_id: str | None, known: dict, lab) -> list[dict]:
    rows = []
    for check in checks:
        r = check.result
        mine = "" if r is None or current_id is None else (
            " (this page's)" if r.assignment == current_id else " (another one)")  # fmt: skip
        rows.append({
            "pasted with": check.pasted_with, "code": check.shown, "verdict": check.verdict,
            "assignment": "" if r is None else f"{r.assignment} {r.title}{mine}",
            "result": "" if r is None else f"{metric_label(r.metric)} "
                      f"{format_metric(r.metric, r.value)} at epoch {r.epoch:,}",
            "target": _target_cell(check, known, lab),
            "settings": "" if r is None else "&".join(f"{k}={v}" for k, v in r.settings.items()),
        })  # fmt: skip
    return rows


def _checker(session) -> None:
    secret, _ = assignment_state.secret()
    text = st.text_area(CHECKER_LABEL, key="assignment_codes", max_chars=MAX_CHECK_CHARS,
                        height=120)  # fmt: skip
    if not st.button("Check the codes", key="assignment_check"):
        return
    checks, note = check_codes(text, secret)
    if note:
        plain.caption(note)
    if not checks:
        plain.warning("No result codes found: a code starts with nnp1.")
        return
    if secret is None:
        plain.warning("This server has no assignment secret, so it cannot verify any code.")
    counts = {
        v: sum(c.verdict == v for c in checks) for v in dict.fromkeys(c.verdict for c in checks)
    }
    plain.caption(
        f"{len(checks)} code(s): " + ", ".join(f"{n} {v}" for v, n in counts.items()) + "."
    )
    now = assignment_state.active(session.lab)
    made = st.session_state.get(LINK)
    # The assignments the results are held against: this page's, the link made here, and
    # any link pasted among the codes.
    links = [text, made[1] if made else "", f"{ASSIGNMENT_PARAM}={now.encoded}" if now else ""]
    known = assignments_in(" ".join(links), session.lab)
    rows = _verdict_rows(checks, now.id if now else None, known, session.lab)
    with st.container(key="assignment_verdicts"):
        st.dataframe(rows, hide_index=True, width="stretch")


def assignment_tools(session) -> None:
    """The teacher's expander: the link builder (not on a page opened from an assignment,
    whose task is shown instead) and the code checker."""
    secret, problem = assignment_state.secret()
    now = assignment_state.active(session.lab)
    with st.expander("Assignments: make a link, check result codes", key="assignment_tools"):
        if problem:
            plain.warning(problem)
        elif secret is None:
            plain.caption(NO_SECRET)
        if now is None:
            st.subheader("Make an assignment link")
            st.caption("The link opens the page as it is now, with these controls and target.")
            _builder(session)
        st.subheader("Check result codes")
        _checker(session)
