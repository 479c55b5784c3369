"""An edit on the network view while playing, in Chromium: the new layout stays.

After the + over a hidden layer while the model trains, the page is sampled in the browser
for a while of play: once the network is drawn with the new neuron, no later sample may
show the old layout again (a stale message must not replace the edit's page).
Waits are wait_for_function with timeouts, no sleeps.
"""

from __future__ import annotations

from tests.e2e.test_live_links import open_and_play
from tests.e2e.test_network_view import ANNOTATION_CENTRE, NEURON_DATA
from tests.e2e.test_page import exception_count

# Every 50 ms for `ms`: the first hidden layer's neuron count drawn, the epoch shown, the URL.
SAMPLE = f"""
(ms) => new Promise((resolve) => {{
  const out = [];
  const start = performance.now();
  const sample = () => {{
    let first = -1;
    try {{
      first = ({NEURON_DATA})().filter((d) => d[1].startsWith('neuron 1.')).length;
    }} catch (e) {{}}
    const epoch = document.querySelector('[data-live=epoch] b');
    out.push([first, epoch ? +epoch.innerText : -1, location.search]);
    if (performance.now() - start < ms) setTimeout(sample, 50); else resolve(out);
  }};
  sample();
}})
"""


def test_plus_while_playing_keeps_the_new_layout(new_page, playground_url):
    page = open_and_play(new_page, playground_url)
    centre = page.evaluate(ANNOTATION_CENTRE, '{"hidden":[5,2]}')
    assert centre, "no + control over the first hidden layer"
    page.mouse.click(*centre)
    samples = page.evaluate(SAMPLE, 3000)
    page.screenshot(path="/work/wt/shots/editrace/after_plus.png")
    new = [i for i, s in enumerate(samples) if s[0] == 5]
    assert new, "the network was never drawn with the new neuron"
    later = samples[new[0] :]
    assert all(s[0] == 5 for s in later), f"the old layout came back: {later}"
    assert all("hidden=5%2C2" in s[2] for s in later), f"the URL went back: {later}"
    sidebar = page.locator("[data-testid=stSidebar] input[aria-label='Layer 1']")
    assert sidebar.input_value() == "5", "the sidebar's Layer 1 does not show the edit"
    assert exception_count(page) == 0
