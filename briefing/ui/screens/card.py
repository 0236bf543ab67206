"""A card over the dashboard: the shared frame of detail, help and changes."""

from __future__ import annotations

from textual.screen import ModalScreen


class CardScreen(ModalScreen[None]):
    """A centred, scrollable card (a ``.card`` child) over a dimmed dashboard."""

    DEFAULT_CSS = """
    CardScreen {
        align: center middle;
        background: $background 60%;
        & > .card {
            width: 80;
            max-width: 95%;
            height: auto;
            max-height: 90%;
            border: round $accent;
            border-title-style: bold;
            background: $surface;
            padding: 1 2;
        }
    }
    """

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
