"""A card over the dashboard: the shared frame of detail, help and changes."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class ScrollCard(VerticalScroll):
    """A card's scrolling body: j / k / g / G as well as the arrows and pages.

    Its lower frame says what it holds and whether more follows
    ("↓ more · 40%"), so a long card never looks finished when it is not.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, *, hint: str, id: str | None = None) -> None:
        """``hint``: the keys to name in the lower frame ("Esc close")."""
        super().__init__(id=id, classes="card")
        self.hint = hint
        self.border_subtitle = hint

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._show_position)
        self.watch(self, "virtual_size", self._show_position)

    def on_resize(self) -> None:
        self._show_position()

    def _show_position(self, *_: object) -> None:
        limit = self.max_scroll_y
        if limit <= 0:
            self.border_subtitle = self.hint
            return
        percent = round(100 * self.scroll_y / limit)
        more = "↓ more" if self.scroll_y < limit else "end"
        self.border_subtitle = f"{more} · {percent}% · {self.hint}"


class CardScreen(ModalScreen[ResultT]):
    """A centred, scrollable card (a ``.card`` child) over a dimmed dashboard.

    Esc and q close it. A modal screen stops the app's keys, so the one
    that must work everywhere (b, blank the screen) is bound here again.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "b", "app.blank", "Blank", show=False, tooltip="Blank the screen (any key returns)", id="blank"
        ),
    ]

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

    async def action_dismiss(self, result: ResultT | None = None) -> None:
        self.dismiss(result)
