"""A blank page on a made-up origin whose /<name>.js is playground/ui/live_js/<name>.js: for
browser tests of the live view's JavaScript modules on their own, without a server."""

from collections.abc import Iterator
from pathlib import Path

JS = Path(__file__).resolve().parents[2] / "playground" / "ui" / "live_js"


def live_js_page(context, origin: str, title: str) -> Iterator:
    """Yield a page of `origin` (titled `title`) that serves live_js's modules; closed after."""

    def serve(route):
        name = route.request.url.removeprefix(origin + "/")
        if name.endswith(".js") and (JS / name).is_file():
            route.fulfill(body=(JS / name).read_text(), content_type="text/javascript")
        else:
            route.fulfill(body=f"<!doctype html><title>{title}</title>", content_type="text/html")

    tab = context.new_page()
    tab.route(origin + "/**", serve)
    tab.goto(origin + "/")
    yield tab
    tab.close()
