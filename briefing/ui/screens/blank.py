"""A blank screen for privacy while screen-sharing; any key brings the briefing back."""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class BlankScreen(Screen[None]):
    """Nothing at all on screen until a key is pressed or the mouse clicked."""

    DEFAULT_CSS = """
    BlankScreen { background: black; }
    """

    def on_key(self, event: events.Key) -> None:
        # Swallow the key: "any key" must not also quit or move anything.
        event.stop()
        event.prevent_default()
        self.dismiss()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.dismiss()
