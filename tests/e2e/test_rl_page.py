"""The reinforcement lab's page in Chromium: Play runs episodes, the agent moves and the
policy's arrows and values update in place, Pause stops, Watch greedy plays one episode;
the counter counts episodes; a click on a cell shows its Q-values (live) or paints it."""

from __future__ import annotations

from playground.plots.grid_world import CELL_KINDS
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


# The page coordinates of a cell's centre on a grid chart (world or policy).
CELL_XY = """
([key, row, column]) => {
  const gd = document.querySelector(`[data-chart=${key}] .js-plotly-plot`);
  const full = gd._fullLayout, box = gd.getBoundingClientRect();
  return { x: box.left + full.xaxis._offset + full.xaxis.l2p(column),
           y: box.top + full.yaxis._offset + full.yaxis.l2p(row) };
}
"""
# The cell view: its caption (which cell) and its bars' texts (the four values).
CELL_VIEW = """
() => {
  const gd = document.querySelector("[data-chart=cell] .js-plotly-plot");
  return JSON.stringify([gd.layout.annotations[0].text, gd.data[0].text]);
}
"""


def click_cell(page, key: str, row: int, column: int) -> None:
    """A real mouse click on the centre of cell (row, column) of a grid chart."""
    page.locator(f"[data-chart={key}]").scroll_into_view_if_needed()
    point = page.evaluate(CELL_XY, [key, row, column])
    page.mouse.move(point["x"], point["y"])
    page.mouse.click(point["x"], point["y"])


def click_mode(page, label: str) -> None:
    """Choose what a click on a cell does ("Inspect", "Wall", ...)."""
    page.locator(".st-key-rl_click").get_by_text(label, exact=True).click()


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


def test_a_clicked_cell_shows_its_q_values_live_and_the_counter_counts_episodes(
    playground_url, new_page
):
    page = open_rl(new_page, playground_url)
    assert page.locator("[data-live=epoch] span").inner_text().strip() == "Episode"
    page.wait_for_function("() => !!document.querySelector('[data-chart=cell] .js-plotly-plot')"
                           "?.data", timeout=TIMEOUT_MS)  # fmt: skip
    click_cell(page, "world", 3, 2)
    wait_or_fail(page, f"() => ({CELL_VIEW})().includes('row 4, column 3; greedy')",
                 why="the clicked cell's Q-values were not shown")  # fmt: skip
    assert "cell_row=4" in page.url and "cell_column=3" in page.url
    shown = page.evaluate(CELL_VIEW)
    play_button(page).click()
    wait_label(page, "Pause")
    wait_or_fail(page, f"() => ({CELL_VIEW})() !== {shown!r}",
                 why="the cell's Q-values did not change while training")  # fmt: skip
    play_button(page).click()
    wait_label(page, "Play")
    assert epoch(page) > 0
    assert page.locator("[data-live=epoch] span").inner_text().strip() == "Episode"
    assert page.locator("[data-testid=stException]").count() == 0


def test_clicking_cells_paints_the_layout_and_a_refused_one_says_why(playground_url, new_page):
    page = open_rl(new_page, playground_url)
    click_mode(page, "Wall")
    click_cell(page, "world", 1, 2)
    wait_or_fail(page, "() => decodeURIComponent(location.search)"
                 ".includes('layout=S...../..#.../')",
                 why="the painted wall did not reach the layout in the URL")  # fmt: skip
    wait_or_fail(page, "() => document.querySelector('[data-chart=world] .js-plotly-plot')"
                 f"._fullData[0].z[1][2] === {CELL_KINDS.index('#')}",
                 why="the world does not show the wall")  # fmt: skip
    click_mode(page, "Empty")
    click_cell(page, "world", 5, 5)  # the only goal
    alert = page.locator("[data-testid=stAlert]").first
    alert.wait_for(timeout=TIMEOUT_MS)
    assert "row 6, column 6 stays as it is: a layout needs at least one goal G" in (
        alert.inner_text()
    )
    assert decoded_layout(page)[-1] == ".....G"  # the goal stayed
    assert page.locator("[data-testid=stException]").count() == 0


def decoded_layout(page) -> list[str]:
    """The layout setting in the page's URL, as rows."""
    query = page.evaluate("() => decodeURIComponent(location.search)")
    value = next(p for p in query.lstrip("?").split("&") if p.startswith("layout="))
    return value.removeprefix("layout=").split("/")
