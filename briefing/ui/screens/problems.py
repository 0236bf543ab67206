"""Every problem of a broken save, while the last good version stays on screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.loading import BriefingError
from briefing.ui.screens.card import CardScreen
from briefing.ui.text_content import MUTED, lit


class ProblemsScreen(CardScreen):
    """The stale banner's full list: each problem as FILE:LINE:COL: message."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,exclamation_mark", "dismiss", "Close", id="close-problems"),
        Binding("e", "app.edit", "Edit", tooltip="Open $EDITOR at the first problem", id="edit-problem"),
    ]

    DEFAULT_CSS = """
    ProblemsScreen > .card { width: 100; border: round $error; }
    """

    def __init__(self, error: BriefingError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        card = VerticalScroll(id="problems-card", classes="card")
        count = len(self.error.problems)
        card.border_title = f"{count} problem{'s' if count != 1 else ''} in the saved file"
        card.border_subtitle = "Esc close · e edit"
        with card:
            yield Static(self._body(), markup=False, id="problems-body")

    def _body(self) -> Content:
        lines = [lit(str(problem), "bold") for problem in self.error.problems]
        lines.append(
            Content.styled(
                "\nThe dashboard shows the last good version until the file is fixed and saved.",
                MUTED,
            )
        )
        return Content("\n").join(lines)
