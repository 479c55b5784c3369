"""Assignments in Chromium: a teacher builds a link with a hidden and a locked control; a
student opens it in a fresh browser context, sees the locked control disabled and the
hidden one absent, trains to the target, copies the result code, and the teacher's
checker says it is genuine (a server with a secret, as a school would host it)."""

from __future__ import annotations

import os

import pytest

from benchmarks.chromium import ServerError, running_app
from playground.teaching.assignment_codes import SECRET_ENV
from tests.e2e.browser_check import require_browser
from tests.e2e.test_page import IS_DRAWN, play_button

SECRET = "a-class-secret-of-32-characters!"
CONNECTED = "[data-testid=stApp][data-test-connection-state=CONNECTED]"
TIMEOUT_MS = 90_000  # two pages and two servers' worth of work on a shared, busy machine


@pytest.fixture(scope="module")
def signed_url():
    """A server whose host set an assignment secret."""
    require_browser()
    try:
        with running_app(env={**os.environ, SECRET_ENV: SECRET}) as (url, _):
            yield url
    except ServerError as error:
        pytest.fail(str(error))


def open_page(context, url: str):
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(CONNECTED, timeout=TIMEOUT_MS)
    page.wait_for_function(IS_DRAWN, arg="boundary", timeout=TIMEOUT_MS)
    return page


def pick(page, key: str, text: str) -> None:
    """Choose the option starting with `text` in a selectbox or multiselect."""
    page.locator(f".st-key-{key} input[role=combobox]").click()
    page.keyboard.type(text)
    page.get_by_role("option", name=text).first.click()
    page.keyboard.press("Escape")


def open_tools(page):
    page.locator(".st-key-assignment_tools summary").click()
    page.locator(".st-key-assignment_title input").wait_for(timeout=TIMEOUT_MS)


def build_link(page) -> str:
    open_tools(page)
    page.locator(".st-key-assignment_title input").fill("XOR with at most 6 neurons")
    pick(page, "assignment_hide", "Data set")
    pick(page, "assignment_lock", "Learning rate")
    page.locator(".st-key-assignment_value input").fill("0.9")
    pick(page, "assignment_limit", "Hidden layers")
    page.locator(".st-key-assignment_make button:visible").click()
    code = page.locator(".st-key-assignment_link code")
    code.wait_for(timeout=TIMEOUT_MS)
    return code.inner_text().strip()


def test_a_student_reaches_the_target_and_the_teacher_verifies_the_code(
    signed_url, chromium_browser
):
    teacher_context = chromium_browser.new_context(viewport={"width": 1500, "height": 1000})
    teacher = open_page(teacher_context, f"{signed_url}/?dataset=xor&hidden=4")
    link = build_link(teacher)
    assert link.startswith(signed_url) and "assignment_sig=" in link

    student_context = chromium_browser.new_context(viewport={"width": 1500, "height": 1000})
    student_context.grant_permissions(["clipboard-read", "clipboard-write"])
    student = open_page(student_context, link)
    task = student.locator(".st-key-assignment_task")
    assert "XOR with at most 6 neurons" in task.inner_text()
    slider = student.locator(".st-key-set_learning_rate input[type=range]")
    slider.wait_for(state="attached", timeout=TIMEOUT_MS)
    assert slider.is_disabled()  # locked: shown, but disabled
    assert student.locator(".st-key-set_noise input[type=range]").is_enabled()
    assert student.locator(".st-key-ds_xor").count() == 0  # hidden: not drawn
    assert student.locator("[data-testid=stSidebar] .st-key-set_hidden_0").count() == 1

    play_button(student).click()
    card = student.locator(".st-key-assignment_result")
    card.wait_for(timeout=2 * TIMEOUT_MS)  # the live check finds the target while it trains
    assert "Target reached at epoch" in card.inner_text()
    block = card.locator("[data-testid=stCode]")
    # In the middle of the window: scrolled only "into view", the block can sit under the
    # page's fixed header, which then takes the click (CI saw that once).
    block.evaluate("(element) => element.scrollIntoView({block: 'center'})")
    block.hover()
    block.locator("button").first.click()  # the code block's copy button
    code = student.evaluate("navigator.clipboard.readText()").strip()
    assert code.startswith("nnp1.") and code == block.locator("code").inner_text().strip()
    assert student.locator("[data-testid=stException]").count() == 0

    teacher.locator(".st-key-assignment_codes textarea").fill(f"Ana: {code}\nBo: {code[:-2]}AA")
    teacher.locator(".st-key-assignment_check button").click()
    summary = teacher.get_by_text("2 code(s): 1 genuine, 1 not genuine.")
    summary.wait_for(timeout=TIMEOUT_MS)
    teacher.locator(".st-key-assignment_verdicts").wait_for(timeout=TIMEOUT_MS)
    assert teacher.locator("[data-testid=stException]").count() == 0
    student_context.close()
    teacher_context.close()
