"""The reinforcement lab's page in Chromium: Play runs episodes, the agent moves and the
policy's arrows and values update in place, Pause stops, Watch greedy plays one episode."""

from __future__ import annotations

from tests.e2e.test_page import TIMEOUT_MS, epoch, play_button, wait_label, wait_or_fail

CONNECTED = "[data-testid=stApp][data-test-connection-state=CONNECTED]"

# The drawn chart's Plotly div, once it holds its heatmap image.
IS_DRAWN = """
(key) => {
  const gd = document.querySelector(`[data-chart=${key}] .js-plotly-plot`);
  return !!(gd && gd.offsetHeight > 0 && gd.querySelector(".main-svg image"));
}
"""
# What a chart shows now: the agent's marker and path (world), the arrows (policy).
WORLD_STATE = """
() => {
  const gd = document.querySelector("[data-chart=world] .js-plotly-plot");
  return JSON.stringify([gd.data.slice(1).map((t) => [t.x, t.y]), gd.liveStats.drawn]);
}
"""
POLICY_STATE = """
() => JSON.stringify(document.querySelector("[data-chart=policy] .js-plotly-plot").data[2].text)
"""


def open_rl(new_page, base_url: str, query: str = ""):
    """The RL page with its world and policy drawn."""
    page = new_page()
    page.goto(f"{base_url}/rl{query}")
    page.wait_for_selector(CONNECTED, timeout=TIMEOUT_MS)
    for key in ("world", "policy"):
        page.wait_for_function(IS_DRAWN, arg=key, timeout=TIMEOUT_MS)
    return page


def test_play_runs_episodes_the_agent_moves_and_the_policy_changes(playground_url, new_page):
    page = open_rl(new_page, playground_url, "?speed=step&layout=cliff")
    assert epoch(page) == 0
    world, policy = page.evaluate(WORLD_STATE), page.evaluate(POLICY_STATE)
    graph_div = page.evaluate("() => !!(window.__gd = document.querySelector("
                              "'[data-chart=world] .js-plotly-plot'))")  # fmt: skip
    play_button(page).click()
    wait_label(page, "Pause")
    wait_or_fail(page, f"() => ({WORLD_STATE})() !== {world!r}",
                 why="the agent never moved while playing")  # fmt: skip
    wait_or_fail(page, f"() => ({POLICY_STATE})() !== {policy!r}",
                 why="the greedy arrows never changed while playing")  # fmt: skip
    # in place: the same Plotly div, redrawn (no new chart, no rerun)
    assert graph_div and page.evaluate(
        "() => window.__gd === document.querySelector('[data-chart=world] .js-plotly-plot')"
    )
    play_button(page).click()
    wait_label(page, "Play")
    assert page.locator("[data-testid=stException]").count() == 0


def test_watch_greedy_plays_one_episode_and_stops(playground_url, new_page):
    page = open_rl(new_page, playground_url, "?start=fixed")
    page.get_by_role("button", name="Step", exact=True).click()
    page.wait_for_function("() => document.querySelector('[data-live=epoch] b')"
                           ".innerText.trim() === '1'", timeout=TIMEOUT_MS)  # fmt: skip
    page.get_by_role("button", name="Watch greedy").click()
    wait_or_fail(page, "() => document.querySelector('[data-chart=world]')"
                 ".innerText.includes('greedy agent')",
                 why="the world never showed the greedy agent")  # fmt: skip
    wait_label(page, "Play")  # the playback ends by itself
    assert epoch(page) == 1  # watching trains nothing
    assert page.locator("[data-testid=stException]").count() == 0


def test_a_bad_layout_in_the_url_gets_a_message_and_the_default_world(playground_url, new_page):
    page = open_rl(new_page, playground_url, "?layout=S..%2F...")
    alert = page.locator("[data-testid=stAlert]").first
    alert.wait_for(timeout=TIMEOUT_MS)
    assert "at least one goal G" in alert.inner_text()
    assert page.locator("[data-testid=stException]").count() == 0
