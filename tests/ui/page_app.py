"""The page under AppTest: its path and a started session from URL query parameters."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "page.py")


def start(**query) -> AppTest:
    """The page run once, as opened with these URL query parameters."""
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()
