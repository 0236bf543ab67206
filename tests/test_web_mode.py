"""The app under ``briefing serve`` (Textual's web driver), without a browser.

``App.is_web`` is what the web driver sets; here it is forced on, so these
run in the ordinary Pilot harness. The real thing, in Chromium, is
tests/test_serve.py.
"""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from briefing.ui.app import BriefingApp
from briefing.ui.screens.citation import CitationScreen
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.web.server import BriefingServer, banner, screen_reader_script, viewer_command

from .apps import FrozenApp, screen_lines
from .conftest import DEFAULT


class WebApp(FrozenApp):
    """FrozenApp as if a browser were on the other end."""

    @property
    def is_web(self) -> bool:
        return True


class NoClipboardProgram:
    def __init__(self) -> None:
        self.copied: list[str] = []

    def copy(self, text: str) -> str | None:
        self.copied.append(text)
        return "xsel"


def footer(app: BriefingApp) -> str:
    return screen_lines(app)[-1]


async def test_in_a_browser_the_editor_is_hidden_everywhere():
    app = WebApp(DEFAULT)
    async with app.run_test(size=(160, 40)) as pilot:
        assert app.check_action("edit", ()) is False
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.id != "_suspended"  # nothing happened (no editor, no error notice)
        assert not app._notifications
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert "Cite" in footer(app) and "Edit" not in footer(app)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert "Show every key" in "\n".join(screen_lines(app))
        assert "$EDITOR" not in "\n".join(screen_lines(app))


async def test_the_editor_is_offered_in_a_terminal():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(160, 40)) as pilot:
        assert app.check_action("edit", ()) is True
        await pilot.press("3", "enter")
        await pilot.pause()
        assert "Edit" in footer(app)


async def test_in_a_browser_the_citation_goes_to_the_browser_not_the_server(monkeypatch):
    app = WebApp(DEFAULT)
    server_clipboard = NoClipboardProgram()
    app.system_clipboard = server_clipboard  # type: ignore[assignment]
    osc52: list[str] = []
    app.copy_to_clipboard = osc52.append  # type: ignore[method-assign]
    delivered: list[tuple[str, str | None]] = []

    def deliver_text(file: io.StringIO, *, save_filename: str | None = None, **_: object) -> None:
        delivered.append((file.getvalue(), save_filename))

    app.deliver_text = deliver_text  # type: ignore[method-assign,assignment]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "c")
        await pilot.pause()
        assert server_clipboard.copied == []  # the server's clipboard is not the viewer's
        assert len(osc52) == 1 and osc52[0].startswith("“wider range of issues”")
        screen = app.screen
        assert isinstance(screen, CitationScreen)
        assert "browser's clipboard" in str(screen.query_one("#citation-note").render())
        await pilot.press("w")
        await pilot.pause()
        assert delivered == [(osc52[0] + "\n", "citation.txt")]
        assert app.screen is screen  # no file name asked: nothing is written on the server


async def test_in_a_browser_a_theme_change_is_not_saved(tmp_path, monkeypatch):
    app = WebApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
    from briefing.paths import config_path

    assert not config_path().exists()


def test_served_apps_do_not_take_the_plain_path():
    # textual-serve runs each tab's app with stdout on a pipe and TEXTUAL_DRIVER set.
    env = {"TEXTUAL_DRIVER": "briefing.nowhere:NoDriver", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "briefing", str(DEFAULT)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**env, "PYTHONPATH": str(DEFAULT.parent.parent)},
    )
    # It tried to start the app with that driver instead of printing plain text.
    assert "Delegations\n" not in done.stdout
    assert "briefing.nowhere" in done.stderr


def test_the_viewer_command_quotes_the_path():
    command = viewer_command(DEFAULT.with_name("my talks; rm -rf x.yaml"), "briefing-mono")
    assert command.endswith("--theme briefing-mono -- '" + str(DEFAULT.parent) + "/my talks; rm -rf x.yaml'")


def test_the_page_script_gets_screen_reader_mode():
    script, on = screen_reader_script()
    assert on and "screenReaderMode:!0" in script


def test_the_page_template_fetches_from_this_server_only():
    from briefing.ui.web.server import TEMPLATES

    page = (TEMPLATES / "app_index.html").read_text(encoding="utf-8")
    assert "googleapis" not in page and "https://" not in page and "http://" not in page


@pytest.mark.parametrize(("host", "expected"), [("127.0.0.1", "ssh -N -L 8000"), ("0.0.0.0", "no login")])
def test_the_banner_says_how_to_share_it(host, expected):
    text = banner(display="talks.yaml", host=host, port=8000, url="http://x:8000", screen_reader=True)
    assert expected in text and "Read-only" in text


def test_the_public_url_defaults_to_host_and_port():
    assert BriefingServer("x", host="::1", port=8001, title="t").public_url == "http://[::1]:8001"
    server = BriefingServer("x", host="127.0.0.1", port=8001, title="t", public_url="https://a.example/b/")
    assert server.public_url == "https://a.example/b"


def test_serve_usage_errors(tmp_path):
    def serve(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "briefing", "serve", *args], capture_output=True, text=True, timeout=60
        )

    assert serve(str(tmp_path)).returncode == 2  # a folder
    assert serve(str(tmp_path / "missing.yaml")).returncode == 2
    assert serve("--port", "70000").returncode == 2
    helped = serve("--help")
    assert helped.returncode == 0 and "--host" in helped.stdout and "read-only" in helped.stdout
