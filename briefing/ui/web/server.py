"""``briefing serve``: a textual-serve server with our page and a read-only viewer.

Every browser tab that connects starts ``python -m briefing FILE`` as its own
process with Textual's web driver; the app knows it is in a browser
(``App.is_web``) and hides what would act on this machine (the editor,
writing files, saving the theme).
"""

from __future__ import annotations

import shlex
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

TEMPLATES = Path(__file__).with_name("templates")
SCRIPT_ROUTE = "/briefing/textual.js"
FONT_SIZES = range(8, 65)
"""``?fontsize=`` the page accepts (pixels); others fall back to the default 16."""

SCREEN_READER_OFF = "scrollback:0,"
SCREEN_READER_ON = "scrollback:0,screenReaderMode:!0,"
"""textual-serve's script builds its terminal with ``{..., scrollback:0, ...}`` and
no way to pass options; the copy we serve adds xterm.js's screen-reader mode there."""

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def viewer_command(path: Path | None, theme: str | None) -> str:
    """The shell command textual-serve runs for each browser tab."""
    args = [sys.executable, "-m", "briefing"]
    if theme is not None:
        args += ["--theme", theme]
    if path is not None:
        args += ["--", str(path)]
    return shlex.join(args)


def screen_reader_script() -> tuple[str, bool]:
    """textual-serve's terminal script with screen-reader mode on, and whether that took."""
    text = (files("textual_serve") / "static" / "js" / "textual.js").read_text(encoding="utf-8")
    if text.count(SCREEN_READER_OFF) != 1:
        return text, False
    return text.replace(SCREEN_READER_OFF, SCREEN_READER_ON), True


class BriefingServer(Server):
    """textual-serve's server with our page template and the screen-reader script."""

    def __init__(
        self, command: str, *, host: str, port: int, title: str, public_url: str | None = None
    ) -> None:
        url_host = f"[{host}]" if ":" in host else host
        super().__init__(
            command,
            host=host,
            port=port,
            title=title,
            public_url=public_url or f"http://{url_host}:{port}",
            templates_path=TEMPLATES,
        )
        self.public_url = self.public_url.rstrip("/")
        self.script, self.screen_reader = screen_reader_script()
        self.banner = ""
        """Printed once the server listens (instead of textual-serve's logo)."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get(SCRIPT_ROUTE, self.handle_script)
        return app

    async def handle_script(self, request: web.Request) -> web.Response:
        return web.Response(text=self.script, content_type="application/javascript")

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        context: dict[str, Any] = await Server.handle_index.__wrapped__(self, request)  # type: ignore[attr-defined]
        if context["font_size"] not in FONT_SIZES:
            context["font_size"] = 16
        context["script_url"] = self.public_url + SCRIPT_ROUTE
        return context

    async def on_startup(self, app: web.Application) -> None:
        print(self.banner, flush=True)


def banner(*, display: str, host: str, port: int, url: str, screen_reader: bool) -> str:
    """What ``briefing serve`` says when it starts: where, what viewers can do, how to share."""
    lines = [
        f"Serving {display} at {url}/  (add ?fontsize=24 for a projector)",
        "",
        "Read-only: each browser tab runs its own viewer of the file; saves to the",
        "file show up in every tab. Viewers cannot edit the file, open an editor or",
        "write anything on this machine.",
        "",
    ]
    if host in LOCAL_HOSTS:
        lines += [
            "Only this machine can connect. To show it to someone elsewhere, without",
            "opening the port to the network:",
            f"  ssh -N -L {port}:127.0.0.1:{port} YOU@THIS-HOST   (on their machine), then open",
            f"  http://127.0.0.1:{port}/ there; or put a reverse proxy with TLS and a login",
            f"  in front of 127.0.0.1:{port} and pass --public-url https://THAT-ADDRESS.",
        ]
    else:
        lines += [
            f"Listening on {host}: anyone who can reach port {port} can watch; there",
            "is no login. Prefer the default 127.0.0.1 with an ssh tunnel, or a",
            "reverse proxy with TLS and a login (and --public-url).",
        ]
    if not screen_reader:
        lines += [
            "",
            "Note: the terminal's screen-reader mode could not be turned on (unknown textual-serve).",
        ]
    lines += ["", "Press Ctrl+C to stop."]
    return "\n".join(lines)


__all__ = ["BriefingServer", "banner", "viewer_command"]
