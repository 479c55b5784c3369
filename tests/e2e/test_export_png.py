"""The modebar's "Download plot as a PNG" in real Chromium (live_js/export.js): while
playing, the output chart's download has the decision boundary painted in the browser (a
canvas Plotly's own image left out: it showed empty axes), as it has when paused (the
figure's own image); the network's pictures and links painted while playing are in its
image too.
"""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest

from playground.ui.live_chart import SCRIPT_DIR
from tests.e2e.test_page import (
    TIMEOUT_MS,
    exception_count,
    open_app,
    play_button,
    wait_epoch_above,
    wait_label,
)

BUTTON = '[data-chart={key}] .modebar-btn[data-title="Download plot as a PNG"]'
# True while the output chart's pictures are painted on its canvas (frames from the weights).
PAINTING = """() => {
  const gd = document.querySelector("[data-chart=boundary] .js-plotly-plot");
  const overlay = gd && gd.liveOverlay;
  return !!overlay && !overlay.canvas.hidden && overlay.items.length > 0;
}"""
# The network chart's image as export.js makes it and as Plotly.toImage alone does (data URLs).
EXPORT_JS = f"app/static/{SCRIPT_DIR}/export.js"
NETWORK_PICTURES = f"""async () => {{
  const {{ chartPicture }} = await import(new URL("{EXPORT_JS}", document.baseURI).href);
  const gd = document.querySelector("[data-chart=network] .js-plotly-plot");
  const {{ width, height }} = gd._fullLayout;
  return [await chartPicture(window.Plotly, gd, 1),
          await window.Plotly.toImage(gd, {{ format: "png", width, height, scale: 1 }})];
}}"""


def coloured_share(png: bytes) -> float:
    """The share of the image's pixels that are opaque and clearly coloured (the class
    colours of the boundary and the links; not white, grey or clear)."""
    from PIL import Image

    rgba = np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(int)
    saturation = rgba[..., :3].max(axis=-1) - rgba[..., :3].min(axis=-1)
    return float(((rgba[..., 3] > 200) & (saturation > 60)).mean())


def from_data_url(url: str) -> bytes:
    assert url.startswith("data:image/png;base64,"), url[:40]
    return base64.b64decode(url.split(",", 1)[1])


def download(page, key: str, tmp_path) -> tuple[bytes, str]:
    """Click chart `key`'s "Download plot as a PNG": (the file's bytes, its name)."""
    page.locator(f"[data-chart={key}] .js-plotly-plot").hover()
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.locator(BUTTON.format(key=key)).click()
    path = tmp_path / f"{key}.png"
    info.value.save_as(path)
    return path.read_bytes(), info.value.suggested_filename


@pytest.fixture
def playing(new_page, playground_url):
    page = open_app(new_page, playground_url)
    play_button(page).click()
    wait_epoch_above(page, 200)  # the boundary is clear by then (early on it is pale)
    page.wait_for_function(PAINTING, timeout=TIMEOUT_MS)
    return page


def test_the_output_charts_png_has_the_boundary_while_playing_and_paused(playing, tmp_path):
    # Its plot area is most of the image: painted, most pixels carry a class colour; Plotly's
    # image alone has only the data points coloured (about 6 %, measured).
    png, name = download(playing, "boundary", tmp_path)
    while_playing = coloured_share(png)
    assert while_playing > 0.4, (
        f"the download while playing lacks the boundary ({while_playing:.0%})"
    )
    assert name == "boundary.png"  # named by its chart
    play_button(playing).click()
    wait_label(playing, "Play")
    playing.wait_for_function(f"() => !({PAINTING})()", timeout=TIMEOUT_MS)
    paused = coloured_share(download(playing, "boundary", tmp_path)[0])
    assert paused > 0.4, f"the download when paused lacks the boundary ({paused:.0%})"
    assert exception_count(playing) == 0


def test_the_network_charts_image_has_its_painted_pictures_and_links(playing):
    composed, plotly_only = (from_data_url(u) for u in playing.evaluate(NETWORK_PICTURES))
    # Plotly's image alone has neither the neurons' pictures nor the links (both painted).
    assert coloured_share(composed) > 2 * coloured_share(plotly_only) > 0, (
        coloured_share(composed),
        coloured_share(plotly_only),
    )
