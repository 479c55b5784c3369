"""Take the model home, in Chromium: the sidebar's panel has the download button and the
importer; the downloaded zip's predict.py runs with NumPy only; importing its model.json
in a fresh page puts the penguin model on it; a bad file gets a message and changes
nothing; an autoencoder's bundle downloaded through its page comes back on a fresh page at
its epoch, and on a phone a vision model does (a model of another lab is refused, named).
Screenshots (1280x720 and 390x844) go to PLAYGROUND_SHOTS if it is set."""

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
        page.set_viewport_size({"width": width, "height": 720 if width > 500 else 844})
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


def _open_lab(new_page, base_url: str, path: str):
    """A fresh tab on a lab's page, connected, its epoch counter shown."""
    page = new_page()
    page.goto(f"{base_url}/{path}")
    page.wait_for_selector(CONNECTED, timeout=TIMEOUT_MS)
    page.locator("[data-live=epoch] b").wait_for(timeout=TIMEOUT_MS)
    return page


def _import(page, raw: bytes) -> None:
    _open_panel(page)
    uploader = page.locator(".st-key-model_import input[type=file]")
    uploader.set_input_files({"name": "model.json", "mimeType": "application/json", "buffer": raw})
    page.get_by_text("Imported the model in model.json").wait_for(timeout=TIMEOUT_MS)


def test_an_autoencoder_goes_home_and_comes_back_on_a_fresh_page(new_page, playground_url):
    """Another lab than the first: train a little, download the bundle through the page,
    import its model.json on a fresh page of the lab, and the counter shows its epoch."""
    page = _open_lab(new_page, playground_url, "autoencoder")
    _step(page, 2)
    archive = _download(page)
    assert sorted(archive.namelist()) == [
        "model/history.csv",
        "model/model.json",
        "model/model.npz",
    ]
    raw = archive.read("model/model.json")
    model = json.loads(raw)
    assert model["lab"] == "autoencoder" and model["epoch"] == 2

    fresh = _open_lab(new_page, playground_url, "autoencoder")
    fresh.set_viewport_size({"width": 1280, "height": 720})  # the screenshot's, from here
    assert epoch(fresh) == 0
    _import(fresh, raw)
    fresh.wait_for_function(
        "() => +document.querySelector('[data-live=epoch] b').innerText === 2",
        timeout=TIMEOUT_MS,
    )
    assert (
        exception_count(fresh) == 0
        and fresh.locator("[data-testid=stAlert]").filter(has_text="Nothing was changed").count()
        == 0
    )
    fresh.locator(".st-key-model_import").scroll_into_view_if_needed()
    _shot(fresh, "import_autoencoder_1280.png")
    fresh.locator(".st-key-step button:visible").click()  # Step trains on from epoch 2
    fresh.wait_for_function(
        "() => +document.querySelector('[data-live=epoch] b').innerText === 3",
        timeout=TIMEOUT_MS,
    )


def _show_sidebar(page) -> None:
    """Open the sidebar on a narrow screen unless it is open: the browser keeps it open for
    the next page of the context once a test opened it (Streamlit's local storage)."""
    expand = page.locator('[data-testid="stExpandSidebarButton"]')
    collapse = page.locator('[data-testid="stSidebarCollapseButton"]')
    expand.or_(collapse).first.wait_for(state="attached", timeout=TIMEOUT_MS)
    if expand.count():
        expand.click(timeout=TIMEOUT_MS)
    collapse.wait_for(state="attached", timeout=TIMEOUT_MS)


def test_on_a_phone_a_vision_model_comes_back_with_its_note(chromium_context, playground_url):
    """The vision lab at 390 px: a model of another lab is refused naming that lab, then a
    vision model.json is imported; the panel and the note fit the narrow screen."""
    from playground.labs.headless import open_session
    from playground.teaching.bundle import bundle_files

    source = open_session("lab=convnet&conv_filters=4")
    source.step()
    page = chromium_context.new_page()
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(f"{playground_url}/convnet")
        page.wait_for_selector(CONNECTED, timeout=TIMEOUT_MS)
        page.locator("[data-live=epoch] b").wait_for(timeout=TIMEOUT_MS)
        _show_sidebar(page)
        page.locator(PANEL).scroll_into_view_if_needed()
        other = bundle_files(open_session("lab=rnn&units=4"))["model.json"]
        _open_panel(page)
        page.locator(".st-key-model_import input[type=file]").set_input_files(
            {"name": "model.json", "mimeType": "application/json", "buffer": other}
        )
        refused = page.locator("[data-testid=stAlert]").filter(has_text="another lab, Sequences")
        refused.wait_for(timeout=TIMEOUT_MS)
        assert epoch(page) == 0
        page.locator(".st-key-model_import input[type=file]").set_input_files(
            {"name": "model.json", "mimeType": "application/json",
             "buffer": bundle_files(source)["model.json"]}
        )  # fmt: skip
        page.get_by_text("Imported the model in model.json").wait_for(timeout=TIMEOUT_MS)
        page.wait_for_function(
            "() => +document.querySelector('[data-live=epoch] b').innerText === 1",
            timeout=TIMEOUT_MS,
        )
        page.locator(".st-key-model_import").scroll_into_view_if_needed()
        box = page.locator(".st-key-model_import").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        _shot(page, "import_convnet_panel_390.png", width=390)
        page.locator('[data-testid="stSidebarCollapseButton"] button').click(timeout=5_000)
        note = page.get_by_text("Imported the model in model.json")
        note.scroll_into_view_if_needed()
        note_box = note.bounding_box()
        assert note_box["x"] >= 0 and note_box["x"] + note_box["width"] <= 390
        _shot(page, "import_convnet_note_390.png", width=390)
        assert exception_count(page) == 0
    finally:
        page.close()
