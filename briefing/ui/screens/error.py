"""Shown when a briefing cannot be loaded and there is nothing good to show."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing.loading import BriefingError
from briefing.ui.text_content import MUTED, lit


class ErrorScreen(Screen[None]):
    """The problems, each as FILE:LINE:COL: message, and what to do next."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.quit_with_error", "Quit", id="quit-error"),
        Binding("e", "app.edit", "Edit", tooltip="Open $EDITOR at the problem", id="edit-error"),
        Binding("r", "app.reload", "Reload", id="reload-error"),
    ]

    DEFAULT_CSS = """
    ErrorScreen {
        align: center middle;
        & > #error-card {
            width: 90%;
            height: auto;
            max-height: 90%;
            border: round $error;
            border-title-color: $error;
            border-title-style: bold;
            padding: 1 2;
        }
    }
    """

    def __init__(self, error: BriefingError, *, watching: bool = False) -> None:
        super().__init__()
        self.error = error
        self.watching = watching
        """Whether the app reloads the file when it is saved."""

    def compose(self) -> ComposeResult:
        card = VerticalScroll(id="error-card")
        card.border_title = "This briefing cannot be shown"
        with card:
            yield Static(self._body(), markup=False, id="error-body")
        yield Footer()

    def show(self, error: BriefingError) -> None:
        """Replace the problems shown (the file changed but is still broken)."""
        self.error = error
        self.query_one("#error-body", Static).update(self._body())

    def _body(self) -> Content:
        lines = [lit(str(problem), "bold") for problem in self.error.problems]
        lines.append(
            Content.styled(
                "\nFix the file in your editor and save: "
                + (
                    "the briefing appears as soon as it is valid. "
                    if self.watching
                    else "then run briefing again. "
                )
                + "`briefing check FILE` lists every problem. q quits.",
                MUTED,
            )
        )
        return Content("\n").join(lines)
