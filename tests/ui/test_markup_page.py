"""The markup corpus through every place the page shows user text in Streamlit's Markdown:
URL notes, CSV captions, errors about a file or its columns, and widget labels and help.

Each text the page draws that quotes a payload must be one that Streamlit's Markdown shows
as plain text (``markdown_text`` is not None: every punctuation mark escaped, no link).
"""

import pytest
from streamlit.testing.v1 import AppTest

from tests.markup_corpus import PAYLOADS, markdown_text, named
from tests.ui.page_app import APP

MARKDOWN_FIELDS = ("body", "label", "help")  # Streamlit renders each as Markdown


def walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def markdown_texts(at: AppTest) -> list[str]:
    """Every Markdown text on the page: message bodies, widget labels and help."""
    texts = []
    for node in walk(at._tree):
        texts += [
            value for f in MARKDOWN_FIELDS if isinstance(value := getattr(node, f, None), str)
        ]
    return texts


def quoted(body: str, fragment: str) -> bool:
    """Whether ``body`` quotes ``fragment``, escaped for Markdown or not."""
    readings = (markdown_text(body) or "", body, body.replace("\\", "").replace("\u2060", ""))
    return any(fragment in reading for reading in readings)


def assert_quoted_as_text(at: AppTest, fragments: list[str]) -> None:
    """Each fragment is on the page, and every text quoting a payload shows literally."""
    texts = markdown_texts(at)
    assert not at.exception
    for fragment in fragments:
        quoting = [t for t in texts if quoted(t, fragment)]
        assert quoting, f"{fragment!r} is not shown"
        for body in quoting:
            shown = markdown_text(body)
            assert shown is not None, f"rendered as Markdown: {body[:160]!r}"
            assert fragment in shown


def url_fragment(payload: str) -> str:
    """The start of a payload as a note quotes it (ascii, cut short)."""
    return ascii(payload)[1:9]


# Where a URL value is quoted back: a choice, a number list, a name list, an unknown key.
URL_SLOTS = ("dataset", "hidden", "hide", "activation", None)


@pytest.mark.parametrize("start", range(0, len(PAYLOADS), len(URL_SLOTS)))
def test_url_values_are_quoted_as_text_in_the_notes(start):
    at = AppTest.from_file(APP, default_timeout=60)
    placed = PAYLOADS[start : start + len(URL_SLOTS)]
    for slot, payload in zip(URL_SLOTS, placed, strict=False):
        at.query_params[slot or payload] = payload if slot else "1"
    at.run()
    assert_quoted_as_text(at, [url_fragment(p) for p in placed])


def upload(at: AppTest, name: str, raw: bytes) -> AppTest:
    return at.file_uploader(key="csv_upload").set_value((name, raw, "text/csv")).run()


def csv_of(header: list[str], rows: list[list[str]]) -> bytes:
    quote = lambda text: '"' + text.replace('"', '""') + '"'  # noqa: E731
    return "\n".join(",".join(map(quote, row)) for row in [header, *rows]).encode()


def test_column_names_are_text_in_the_captions_about_them():
    names = [p for p in PAYLOADS if ";" not in p]  # so the header reads as comma-separated
    empty, target = names[:3], names[3]
    header = ["x", "y", *empty, target]
    rows = [[f"{i % 7}", f"{i % 5}", "", "", "", "ab"[i % 2]] for i in range(40)]
    at = upload(AppTest.from_file(APP, default_timeout=60).run(), "t.csv", csv_of(header, rows))
    assert at.session_state["playground"].settings["dataset"] == "csv"
    assert_quoted_as_text(at, [named(p).replace("\n", " ") for p in [*empty, target]])


@pytest.mark.parametrize("payload", PAYLOADS[:8])
def test_file_and_column_names_are_text_in_errors(payload):
    at = AppTest.from_file(APP, default_timeout=60).run()
    upload(at, f"{payload}.csv", b"\x89PNG\r\n\x1a\n not a table")
    assert_quoted_as_text(at, [f"{payload}.csv"])
    rows = [["1", "inf" if i == 3 else "2", "ab"[i % 2]] for i in range(20)]
    upload(at, "t.csv", csv_of(["x", payload, "label"], rows))
    assert_quoted_as_text(at, [named(payload).replace("\n", " ")])
