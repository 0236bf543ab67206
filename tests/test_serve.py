"""``briefing serve`` in a real browser: headless Chromium driven by Playwright.

One server and one browser page for the module (each page is an app process,
started in a few seconds); the tests run in file order on that page. The
dashboard's text is read from the page's screen-reader DOM (xterm.js's
accessibility tree), which the shipped page template turns on.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import DEFAULT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="no Chromium: install Debian's chromium package (.ci/run does) to run the browser tests",
)

TITLE = "Ukraine–Russia talks in Geneva"
FONT_SIZE = 18
TREE = "document.querySelector('.xterm-accessibility-tree')"
LOCAL = {"127.0.0.1", "localhost"}
WAIT = 20_000  # ms: an app process starts per page, on a busy CI machine


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, server: subprocess.Popen[str], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"briefing serve exited: {server.communicate()[0]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail("briefing serve did not listen in time")


class Served:
    """The server, its briefing file, and what the page asked for."""

    def __init__(self, path: Path, port: int, process: subprocess.Popen[str]) -> None:
        self.path = path
        self.url = f"http://127.0.0.1:{port}/?fontsize={FONT_SIZE}"
        self.process = process
        self.requests: list[str] = []


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("serve")
    path = folder / "talks.yaml"
    shutil.copyfile(DEFAULT, path)
    port = _free_port()
    env = dict(os.environ)
    env.update(
        BRIEFING_CONFIG_DIR=str(folder / "config"),
        BRIEFING_CACHE_DIR=str(folder / "cache"),
        COLORTERM="truecolor",
        PYTHONPATH=os.pathsep.join([str(DEFAULT.parent.parent), env.get("PYTHONPATH", "")]),
    )
    env.pop("NO_COLOR", None)
    env.pop("TEXTUAL_DRIVER", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "serve", str(path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,  # its app processes go with it at the end
    )
    try:
        _wait_for_port(port, process)
        yield Served(path, port, process)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


@pytest.fixture(scope="module")
def page(served: Served):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        context = browser.new_context(viewport={"width": 1200, "height": 800}, accept_downloads=True)
        origin = served.url.split("/?")[0]
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        context.on("request", lambda request: served.requests.append(request.url))
        page = context.new_page()
        page.on("websocket", lambda ws: served.requests.append(ws.url))
        page.goto(served.url)
        yield page
        browser.close()


def screen_text(page) -> str:
    return page.evaluate(f"{TREE} ? {TREE}.innerText : ''")


def wait_for_text(page, text: str, *, gone: bool = False) -> None:
    test = "!" if gone else ""
    page.wait_for_function(
        f"(text) => {TREE} && {test}{TREE}.innerText.includes(text)", arg=text, timeout=WAIT
    )


def test_the_dashboard_is_in_the_page(page):
    wait_for_text(page, "Delegations")
    wait_for_text(page, TITLE)
    text = screen_text(page)
    assert "Quotes" in text and "Strike tally" in text and "Missiles" in text
    assert page.title() == "briefing: talks.yaml"
    # The footer's keys are there before anyone clicks into the page: the
    # page gives the terminal the keyboard once the app has started.
    wait_for_text(page, "Quit")
    assert page.evaluate("document.activeElement.classList.contains('xterm-helper-textarea')")


def test_nothing_is_fetched_from_outside(page, served: Served):
    wait_for_text(page, "Delegations")
    hosts = {urlsplit(url).hostname for url in served.requests}
    assert hosts <= LOCAL, [url for url in served.requests if urlsplit(url).hostname not in LOCAL]
    assert any(url.startswith("ws://127.0.0.1") for url in served.requests)  # the app's connection
    # The terminal's font comes from this server, not a public font service.
    assert any(url.endswith("RobotoMono-VariableFont_wght.ttf") for url in served.requests)
    assert page.evaluate("document.fonts.check('16px \"Roboto Mono\"')")


def test_fontsize_in_the_address_sets_the_size(page):
    assert page.evaluate("document.querySelector('#terminal').dataset.fontSize") == str(FONT_SIZE)
    wait_for_text(page, "Delegations")
    # The longest row: the panes' frames are drawn from edge to edge.
    columns = page.evaluate(f"Math.max(...Array.from({TREE}.children).map((row) => row.innerText.length))")
    # 1200 px at 18 px is about 111-120 columns (by the font's cell width);
    # the default 16 px gives 125 or more.
    assert 100 <= columns < 125, columns


def test_a_key_changes_the_screen_and_the_editor_is_not_offered(page):
    page.click("#terminal")
    page.keyboard.press("?")
    wait_for_text(page, "Show every key")
    text = screen_text(page)
    assert "$EDITOR" not in text  # e opens an editor on the server: hidden in a browser
    page.keyboard.press("Escape")
    wait_for_text(page, "Show every key", gone=True)


def test_a_citation_reaches_the_browser(page):
    page.keyboard.press("3")  # the quotes pane
    page.keyboard.press("c")
    wait_for_text(page, "Sent to your browser's clipboard")
    clipboard = page.evaluate("navigator.clipboard.readText()")
    assert clipboard.startswith("“wider range of issues” — Dmitry Peskov")
    with page.expect_download(timeout=WAIT) as download:
        page.keyboard.press("w")
    assert download.value.suggested_filename == "citation.txt"
    assert Path(download.value.path()).read_text(encoding="utf-8") == clipboard + "\n"
    page.keyboard.press("Escape")
    wait_for_text(page, "Sent to your browser's clipboard", gone=True)


def test_a_save_reaches_the_page(page, served: Served):
    wait_for_text(page, TITLE)
    text = served.path.read_text(encoding="utf-8")
    served.path.write_text(text.replace(f"title: {TITLE}", "title: Saved while served", 1), encoding="utf-8")
    wait_for_text(page, "Saved while served")
    assert TITLE not in screen_text(page)
