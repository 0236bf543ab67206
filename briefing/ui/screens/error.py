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
from briefing.ui.content import MUTED, lit


class ErrorScreen(Screen[None]):
    """The problems, each as FILE:LINE:COL: message, and what to do next."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.quit_with_error", "Quit", id="quit-error"),
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

    def __init__(self, error: BriefingError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        card = VerticalScroll(id="error-card")
        card.border_title = "This briefing cannot be shown"
        lines = [lit(str(problem), "bold") for problem in self.error.problems]
        lines.append(
            Content.styled(
                "\nFix the file in your editor and run briefing again; "
                "`briefing check FILE` lists every problem.",
                MUTED,
            )
        )
        with card:
            yield Static(Content("\n").join(lines), markup=False, id="error-body")
        yield Footer()
