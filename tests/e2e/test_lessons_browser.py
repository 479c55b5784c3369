"""Lessons in Chromium: an address opens a lesson beside the views, the student switches
to its second run, Play stops at the run's budget and the banner shows the checked figure;
the picker opens another lab's lesson on that lab's page."""

from __future__ import annotations

from tests.e2e.test_page import IS_DRAWN, TIMEOUT_MS, epoch, open_app, play_button

SIDEBAR = "section[data-testid=stSidebar]"


def test_a_lesson_opens_beside_the_views_and_its_second_run_trains_to_its_claim(
    playground_url, new_page
):
    page = open_app(new_page, playground_url, "?lesson=xor-hidden-layer")
    banner = page.locator(".st-key-lesson_banner")
    assert "run 1 of 2: No hidden layer" in banner.inner_text()
    sidebar = page.locator(SIDEBAR)
    assert "no single straight line puts" in sidebar.inner_text().lower()
    assert "What to try" in sidebar.inner_text()
    sidebar.get_by_text("2. One hidden layer of 4").click()
    page.wait_for_url(lambda url: "run=2" in url and "hidden=4" in url, timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => document.querySelector('.st-key-lesson_banner').innerText.includes('run 2 of 2')",
        timeout=TIMEOUT_MS,
    )
    page.wait_for_function(IS_DRAWN, arg="boundary", timeout=TIMEOUT_MS)
    assert epoch(page) == 0
    play_button(page).click()
    # Play stops at the run's 200 epochs on its own; the page reruns and checks the figure.
    page.wait_for_function(
        "() => document.querySelector('.st-key-lesson_banner').innerText"
        ".includes('At epoch 200: test accuracy ≥ 0.95: 0.96 (met)')",
        timeout=90_000,
    )
    assert epoch(page) == 200
    assert page.locator("[data-testid=stException]").count() == 0


def test_the_picker_opens_another_lab_s_lesson_on_its_page(playground_url, new_page):
    page = open_app(new_page, playground_url)
    sidebar = page.locator(SIDEBAR)
    sidebar.locator(".st-key-lesson_pick_classify").click()
    page.get_by_role("option", name="A 2-D map of the digits (Autoencoder)").click()
    page.wait_for_url(lambda url: "/autoencoder?" in url and "lesson=autoencoder-code" in url,
                      timeout=TIMEOUT_MS)  # fmt: skip
    banner = page.locator(".st-key-lesson_banner")
    banner.wait_for(timeout=TIMEOUT_MS)
    assert "Lesson: A 2-D map of the digits" in banner.inner_text()
    assert page.locator("[data-testid=stException]").count() == 0
