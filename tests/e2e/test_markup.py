"""Hostile text in real Chromium: a URL and a CSV whose values, names and classes carry
Markdown, HTML and Plotly markup. Nothing fetches from or links to the attacker's host, no
markup is rendered, and the payloads are visible as the text they are.

The attacker's host is a *.localhost name (Chromium resolves it to this machine without
DNS) and every request to it is aborted, so a regression cannot reach outside either.
"""

from __future__ import annotations

import urllib.parse

from tests.e2e.test_page import IS_DRAWN, TIMEOUT_MS, exception_count
from tests.markup_corpus import HOST, hostile_csv, named

URL_VALUES = {
    "dataset": f"![](//{HOST}/i)",
    "hidden": f"[x](//{HOST}/l)",
    "activation": f"http://{HOST}/u",
}
COLUMNS = [
    f"<img src=//{HOST}/c>",
    "<span style='font-size:90px;color:red'>big</span>",
    f"![](//{HOST}/m)",
    "<b>bold</b>",
]
CLASSES = [f"<a href=http://{HOST}/k>dog</a>", "<i>cat</i>"]
BAD_FILE = f"[f](http:{HOST}).csv"  # no '/' in a file name

# Elements anywhere (SVG included) whose URL-bearing attributes name the host.
HOST_REFERENCES = """
(host) => [...document.querySelectorAll("*")].flatMap((el) =>
  ["src", "srcset", "href", "xlink:href", "action", "formaction", "poster", "data", "style"]
    .map((a) => el.getAttribute(a)).filter((v) => v && v.includes(host))
    .map((v) => `${el.tagName} ${v}`))
"""
# Text of every SVG text element Plotly drew (titles, labels, legends, annotations).
PLOT_TEXTS = """
() => [...document.querySelectorAll("[data-chart] svg text")].map((t) => t.textContent)
"""
STYLED_BY_PAYLOAD = "[data-chart] svg [style*='90px'], [data-chart] svg tspan[style*='bold']"


def to_host(url: str) -> bool:
    """Whether a request goes to the attacker's host (the page's own URL only quotes it)."""
    return urllib.parse.urlsplit(url).hostname == HOST


def main_text(page) -> str:
    """The main column's visible text (without the invisible word joiners plain.py adds)."""
    return page.locator("[data-testid=stMain]").inner_text().replace("\u2060", "")


def test_hostile_url_and_csv_show_text_and_reach_nothing(new_page, playground_url):
    page = new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.route(to_host, lambda route: route.abort())
    page.goto(f"{playground_url}/?{urllib.parse.urlencode(URL_VALUES)}")
    page.wait_for_function(IS_DRAWN, arg="boundary", timeout=TIMEOUT_MS)
    shown = main_text(page)  # the notes about the URL (a later upload replaces them)
    for value in URL_VALUES.values():
        assert value in shown, value
    upload = page.locator(".st-key-csv_upload input[type=file]")  # not the model importer
    upload.set_input_files({"name": BAD_FILE, "mimeType": "text/csv", "buffer": b"\x89PNG\r\n"})
    page.get_by_text("This is a PNG image").wait_for(timeout=TIMEOUT_MS)
    assert BAD_FILE in main_text(page)  # the error quotes the file name (the upload replaces it)
    csv = {"name": "pets.csv", "mimeType": "text/csv", "buffer": hostile_csv(COLUMNS, CLASSES)}
    upload.set_input_files(csv)
    page.wait_for_function(
        "(name) => [...document.querySelectorAll('[data-chart=boundary] svg text')]"
        ".some((t) => t.textContent === name)",
        arg=named(COLUMNS[0]),
        timeout=TIMEOUT_MS,
    )
    page.wait_for_function(IS_DRAWN, arg="network", timeout=TIMEOUT_MS)

    assert page.evaluate(HOST_REFERENCES, HOST) == []
    assert [url for url in requests if to_host(url)] == []
    assert page.locator(STYLED_BY_PAYLOAD).count() == 0
    plot_texts = page.evaluate(PLOT_TEXTS)
    for name in [*map(named, COLUMNS), f"P({named(CLASSES[1])})"]:
        assert name in plot_texts, name
    assert exception_count(page) == 0
