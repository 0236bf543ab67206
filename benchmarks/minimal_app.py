"""The fastest a Textual app can reasonably start: Header, one Static, Footer.

``benchmarks/startup.py`` runs this next to ``briefing`` and reports
briefing's start-up as a ratio to it, which cancels out most of the noise of
a shared machine. Run it by hand with ``python benchmarks/minimal_app.py``.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

MARKER = "Minimal Textual app is ready"
"""The text the benchmark waits for on screen."""


class MinimalApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(MARKER)
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
