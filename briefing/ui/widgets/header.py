"""The top line: briefing title and place on the left, its status on the right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from briefing.format import Briefing
from briefing.ui.content import MUTED, join, lit


class BriefingHeader(Horizontal):
    """Shows what briefing is open and where things stand."""

    DEFAULT_CSS = """
    BriefingHeader {
        height: 1;
        background: $panel;
        color: $foreground;
        & > #header-title { width: 1fr; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
        & > #header-status { width: auto; max-width: 50%; padding: 0 1; color: $warning; text-wrap: nowrap; text-overflow: ellipsis; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="header-title", markup=False)
        yield Static(id="header-status", markup=False)

    def show(self, briefing: Briefing) -> None:
        meta = briefing.meta
        title = join(
            [
                lit(meta.title, "bold"),
                lit(meta.place, MUTED) if meta.place else Content(""),
            ]
        )
        self.query_one("#header-title", Static).update(title)
        self.query_one("#header-status", Static).update(lit(meta.status or ""))
