"""The labs' pages in Chromium: the home lists the labs and links to each; the menu on top
of every page picks a lab; the root still opens the first lab with its query."""

from __future__ import annotations

from playground.labs.registry import LABS
from tests.e2e.test_page import IS_DRAWN, TIMEOUT_MS, epoch, open_app

CONNECTED = "[data-testid=stApp][data-test-connection-state=CONNECTED]"


def test_the_home_lists_the_labs_and_its_link_opens_the_first_one(playground_url, new_page):
    page = new_page()
    page.goto(f"{playground_url}/labs")
    page.wait_for_selector(CONNECTED, timeout=TIMEOUT_MS)
    classify = LABS["classify"]
    box = page.locator(".st-key-lab_classify")
    box.wait_for(timeout=TIMEOUT_MS)
    assert "labelled examples" in box.inner_text()
    box.get_by_text(classify.title).click()
    page.wait_for_function(IS_DRAWN, arg="boundary", timeout=TIMEOUT_MS)
    assert page.url.split("?")[0].rstrip("/") == playground_url
    assert epoch(page) == 0
    assert page.locator("[data-testid=stException]").count() == 0


def test_the_menu_on_top_picks_a_lab_and_the_root_keeps_its_query(playground_url, new_page):
    page = open_app(new_page, playground_url, "?dataset=xor&hidden=8,8")
    assert "dataset=xor" in page.url and "hidden=8%2C8" in page.url.replace(",", "%2C")
    nav = page.locator("[data-testid=stTopNavLink]")
    assert nav.count() == len(LABS) + 1  # every lab and the home
    nav.filter(has_text="All labs").click()
    page.wait_for_url(f"{playground_url}/labs", timeout=TIMEOUT_MS)
    page.locator(".st-key-lab_classify").wait_for(timeout=TIMEOUT_MS)
    nav.filter(has_text=LABS["classify"].title).click()
    page.wait_for_function(IS_DRAWN, arg="boundary", timeout=TIMEOUT_MS)
    # the lab came back as it was left, with its settings in the address again
    page.wait_for_url(lambda url: "dataset=xor" in url and "hidden=8" in url, timeout=TIMEOUT_MS)
