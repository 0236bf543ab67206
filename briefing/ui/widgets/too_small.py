"""What a terminal too small for the dashboard shows: "make the window larger".

Imported when first needed, so neither the class nor its styles cost a start.
"""

from __future__ import annotations

from textual.widgets import Static

from briefing.ui.layout import MIN_HEIGHT, MIN_WIDTH


class TooSmall(Static):
    """What a terminal too small for the dashboard shows (the screen shows it when ``-too-small``)."""

    DEFAULT_CSS = """
    TooSmall {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-align: center;
        color: $text-muted;
    }
    """


def too_small() -> Static:
    """The message, with the least size the dashboard needs."""
    return TooSmall(
        f"Make the window larger\n(at least {MIN_WIDTH}×{MIN_HEIGHT})", id="too-small", markup=False
    )
