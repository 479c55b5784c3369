"""A limit holds over the epochs that reached the target, not only over the settings of
the moment (AppTest): a student who trains with a live setting beyond its limit and puts
it back afterwards gets no card for the epochs trained outside the limits, and the task
says from which epoch the target counts; epochs trained within the limits then count."""

from playground.teaching.assignment import LINK_PARAMS
from tests.ui.page_app import start
from tests.ui.test_app_flow import playground
from tests.ui.test_assignment_flow import make_link, open_link, secret  # noqa: F401
from tests.ui.test_assignment_limits_flow import texts

VALUE = 0.6  # reached within a few epochs on XOR with 4 hidden neurons


def _student():
    teacher = start(dataset="xor", hidden="4")
    query = make_link(teacher, hide=(), lock=(), value=VALUE, limit="batch_size", most=20)
    assert set(LINK_PARAMS) <= set(query)
    return open_link(query)


def _set_batch(at, size: int) -> None:
    at.number_input(key="set_batch_size").set_value(size).run()
    assert not at.exception and playground(at).settings["batch_size"] == size


def _cards(at) -> list[str]:
    return [c.value for c in at.code if c.value.startswith("nnp1.")]


def test_epochs_trained_beyond_a_limit_do_not_reach_the_target(secret):  # noqa: F811
    at = _student()
    _set_batch(at, 50)  # beyond the limit of 20
    for _ in range(40):  # train until the metric passes the target (outside the limits)
        at.button(key="step").click().run()
        if playground(at).record()["test_accuracy"] >= VALUE:
            break
    broken_until = playground(at).epoch
    assert playground(at).record()["test_accuracy"] >= VALUE and not _cards(at)
    _set_batch(at, 10)  # back within the limit: the epochs so far still do not count
    assert not _cards(at), "a card for epochs trained with batch size 50"
    counts_from = f"the target counts from epoch {broken_until + 1:,} on"
    assert any(counts_from in text for text in texts(at.caption)), texts(at.caption)
    at.button(key="step").click().run()  # an epoch within the limits reaches it
    assert _cards(at) and "Target reached at epoch" in at.success[0].value
    assert f"epoch {broken_until + 1:,}" in at.success[0].value
