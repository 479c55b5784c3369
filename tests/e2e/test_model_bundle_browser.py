"""Take the model home, in Chromium: the sidebar's panel has the download button and the
importer; the downloaded zip's predict.py runs with NumPy only; importing its model.json
in a fresh page puts the penguin model on it; a bad file gets a message and changes
nothing. Screenshots (1280 and 390 px wide) go to PLAYGROUND_SHOTS if it is set."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

from playground.teaching.model_import import imported_session
from tests.e2e.test_page import IS_DRAWN, TIMEOUT_MS, epoch, exception_count, open_app
from tests.teaching.bundle_helpers import PENGUINS_ALL, numpy_only_path, run_isolated

CONNECTED = "[data-testid=stApp][data-test-connection-state=CONNECTED]"
QUERY = f"?dataset=penguins&inputs={PENGUINS_ALL.replace(',', '%2C')}"
PANEL = "[data-testid=stExpander]:has-text('Take the model home')"
SHOTS = os.environ.get("PLAYGROUND_SHOTS")


def _open_panel(page):
    panel = page.locator(PANEL)
    panel.locator("summary").click()
    button = page.locator(".st-key-bundle_download button")
    button.wait_for(state="visible", timeout=TIMEOUT_MS)
    return button


def _shot(page, name: str, width: int = 1280) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": width, "height": 900 if width > 500 else 844})
        page.screenshot(path=str(Path(SHOTS) / name), full_page=False)


def _download(page) -> zipfile.ZipFile:
    button = _open_panel(page)
    with page.expect_download(timeout=TIMEOUT_MS) as caught:
        button.click()
    return zipfile.ZipFile(io.BytesIO(Path(caught.value.path()).read_bytes()))


def _step(page, times: int) -> None:
    for n in range(1, times + 1):
        page.locator(".st-key-step button:visible").click()
        page.wait_for_function(
            "(n) => +document.querySelector('[data-live=epoch] b').innerText >= n",
            arg=n,
            timeout=TIMEOUT_MS,
        )


def test_download_a_bundle_run_its_predict_py_and_import_it_back(
    new_page, playground_url, tmp_path
):
    page = open_app(new_page, playground_url, QUERY)
    _step(page, 3)
    archive = _download(page)
    _shot(page, "export_panel_1280.png")
    names = sorted(archive.namelist())
    assert names == sorted(
        f"model/{n}" for n in ("model.json", "model.npz", "predict.py", "history.csv")
    )
    archive.extractall(tmp_path)
    model = json.loads((tmp_path / "model/model.json").read_text())
    assert model["epoch"] == 3 and model["dataset"] == "penguins"
    rows = "island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex\n"
    (tmp_path / "model/rows.csv").write_text(rows + "Biscoe,48.6,16,230,5800,male\n")
    result = run_isolated(["predict.py", "rows.csv"], tmp_path / "model", numpy_only_path(tmp_path))
    assert result.returncode == 0, result.stderr
    header, line = result.stdout.splitlines()
    assert header == "row,species,P(Adelie),P(Chinstrap),P(Gentoo)"
    assert line.startswith("1,Gentoo,")  # a big bird from Biscoe, after 3 epochs at 100 %

    fresh = open_app(new_page, playground_url)  # a new session, on the default data set
    _open_panel(fresh)
    uploader = fresh.locator(".st-key-model_import input[type=file]")
    raw = (tmp_path / "model/model.json").read_bytes()
    uploader.set_input_files({"name": "model.json", "mimeType": "application/json", "buffer": raw})
    fresh.wait_for_url(lambda url: "dataset=penguins" in url, timeout=TIMEOUT_MS)
    fresh.get_by_text("Imported the model in model.json").wait_for(timeout=TIMEOUT_MS)
    fresh.wait_for_function(IS_DRAWN, arg="boundary", timeout=TIMEOUT_MS)
    assert epoch(fresh) == 3 and exception_count(fresh) == 0  # the counter goes on
    _shot(fresh, "export_imported_1280.png")
    # the imported model gives what the exported one gave (checked here on its own rows)
    assert (
        imported_session(raw, _default_session()).record()["test_accuracy"]
        == (model["metrics"]["test_accuracy"])
    )


def _default_session():
    from playground.labs.classify.lab import CLASSIFY

    return CLASSIFY.start({})[0]


def test_a_bad_model_file_gets_a_message_and_the_page_stays(new_page, playground_url):
    page = open_app(new_page, playground_url, "?dataset=xor")
    _open_panel(page)
    before = page.url
    uploader = page.locator(".st-key-model_import input[type=file]")
    uploader.set_input_files(
        {
            "name": "model.json",
            "mimeType": "application/json",
            "buffer": b'{"format": "nn-playground-bundle", "version": 7}',
        }
    )
    page.locator("[data-testid=stAlert]").filter(has_text="Nothing was changed").wait_for(
        timeout=TIMEOUT_MS
    )
    assert page.url == before and exception_count(page) == 0
    _shot(page, "export_bad_file_1280.png")


def test_on_a_phone_the_panel_fits_in_the_sidebar(chromium_context, playground_url):
    page = chromium_context.new_page()
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(f"{playground_url}/{QUERY}")
        page.wait_for_function(IS_DRAWN, arg="boundary", timeout=TIMEOUT_MS)
        page.locator('[data-testid="stExpandSidebarButton"]').click(timeout=5_000)
        panel = page.locator(PANEL)
        panel.scroll_into_view_if_needed()
        button = _open_panel(page)
        page.locator(".st-key-model_import").scroll_into_view_if_needed()
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert page.locator(".st-key-model_import input[type=file]").count() == 1
        _shot(page, "export_panel_390.png", width=390)
    finally:
        page.close()


def test_another_labs_page_offers_the_download_but_no_importer(new_page, playground_url):
    page = new_page()
    page.goto(f"{playground_url}/autoencoder")
    page.wait_for_selector(CONNECTED, timeout=TIMEOUT_MS)
    button = _open_panel(page)
    assert button.is_visible() and page.locator(".st-key-model_import").count() == 0
    with page.expect_download(timeout=TIMEOUT_MS) as caught:
        button.click()
    archive = zipfile.ZipFile(io.BytesIO(Path(caught.value.path()).read_bytes()))
    assert sorted(archive.namelist()) == [
        "model/history.csv",
        "model/model.json",
        "model/model.npz",
    ]
    assert json.loads(archive.read("model/model.json"))["lab"] == "autoencoder"
