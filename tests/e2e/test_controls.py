"""Training controls as a user sees them in Chromium: Step batch and the batch count above
the epoch, the slow batch speed, and a toolbar a teacher's link trimmed."""

from __future__ import annotations

from tests.e2e.test_page import TIMEOUT_MS, epoch, open_app, play_button, wait_label, wait_or_fail

EPOCH_LABEL_IS = (
    "(text) => document.querySelector('[data-live=epoch] span').innerText.trim() === text"
)
# True once the epoch's label has shown `n` different batch counts while playing.
BATCHES_SEEN = """
(n) => {
  const text = document.querySelector("[data-live=epoch] span").innerText.trim();
  const seen = (window.__batches = window.__batches || new Set());
  if (text.includes("batch")) seen.add(text);
  return seen.size >= n;
}
"""


def test_step_batch_shows_the_batch_count_and_the_epoch_counts_when_it_ends(
    new_page, playground_url
):
    page = open_app(new_page, playground_url, "?batch_size=100")  # 3 batches an epoch
    button = page.locator(".st-key-step_batch button:visible")
    for shown in ("Epoch · batch 1/3", "Epoch · batch 2/3", "Epoch"):
        button.click()
        wait_or_fail(page, EPOCH_LABEL_IS, shown, f"the epoch's label never read {shown!r}")
    assert epoch(page) == 1


def test_the_batch_speed_plays_one_batch_per_update(new_page, playground_url):
    page = open_app(new_page, playground_url, "?speed=batch")
    play_button(page).click()
    wait_label(page, "Pause")
    wait_or_fail(page, BATCHES_SEEN, 3, "playing at speed batch never showed 3 batch counts")
    play_button(page).click()
    wait_label(page, "Play")
    assert epoch(page) == 0  # 3 batches of 25: still inside the first epoch


def test_hidden_buttons_and_panels_are_not_on_the_page(new_page, playground_url):
    page = open_app(new_page, playground_url, "?hide=data,step,reset,regenerate")
    page.locator(".st-key-step_batch button:visible").wait_for(timeout=TIMEOUT_MS)
    for key in ("step", "reset", "regenerate", "ds_circle", "csv_upload"):
        assert page.locator(f".st-key-{key}").count() == 0, key
    headings = page.locator("section[data-testid=stSidebar] h3").all_inner_texts()
    assert headings == ["Network", "Training", "View"]
