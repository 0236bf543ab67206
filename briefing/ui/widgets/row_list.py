"""A virtualised list of rows that the keyboard and the mouse move through.

Every pane is one of these. How rows are measured and drawn is RowsView's
(rows_view.py); here are the keys, the clicks and the messages they send.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from briefing.ui.widgets.rows_view import RowRenderer, RowsView, T

__all__ = ["RowList", "RowRenderer"]


class RowList(RowsView[T], can_focus=True):
    """A keyboard- and mouse-driven list of rows, rendered on demand.

    | Key | Action |
    | --- | --- |
    | up, k | Previous row |
    | down, j | Next row |
    | home, g | First row |
    | end, G | Last row |
    | pageup / pagedown | Move a page |
    | enter | Open the row |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, key_display="↑/k"),
        Binding("down,j", "cursor_down", "Down", show=False, key_display="↓/j"),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("enter", "select", "Open", tooltip="Open the selected item"),
    ]

    DEFAULT_CSS = """
    RowList {
        background: transparent;
        scrollbar-size-vertical: 1;
        & > .row-list--cursor { background: $boost; }
        &:focus > .row-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        /* 16 colours, or none (NO_COLOR): lines and reverse mark the selection */
        &:ansi > .row-list--cursor, &:nocolor > .row-list--cursor { text-style: underline; }
        &:ansi:focus > .row-list--cursor { text-style: none; }
        &:nocolor:focus > .row-list--cursor { text-style: reverse; }
        & > .row-list--placeholder { color: $text-muted; text-style: italic; }
    }
    """

    class RowMessage(Message):
        """Something happened to row ``index`` of ``row_list``."""

        def __init__(self, row_list: RowList[Any], index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

        @property
        def control(self) -> RowList[Any]:
            return self.row_list

    class Highlighted(RowMessage):
        """The cursor moved to another row."""

    class Selected(RowMessage):
        """A row was opened (Enter or a click on the selected row)."""

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        super().watch_cursor(old, new)
        if new is not None:
            self.post_message(self.Highlighted(self, new))

    # -- actions ------------------------------------------------------------

    def _move(self, delta: int) -> None:
        if not self._rows:
            return
        current = self.cursor if self.cursor is not None else 0
        self.cursor = max(0, min(len(self._rows) - 1, current + delta))

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_first(self) -> None:
        self._move(-len(self._rows))

    def action_last(self) -> None:
        self._move(len(self._rows))

    def _page(self) -> int:
        """How many rows from the cursor fill the visible height (at least one)."""
        view = self.scrollable_content_region.height
        if self.cursor is None or not self._heights.known:
            return max(1, view // self.row_height)
        rows, used, index = 0, 0, self.cursor
        while index < len(self._rows) and used + self.height_of(index) <= view:
            used += self.height_of(index)
            rows, index = rows + 1, index + 1
        return max(1, rows)

    def action_page_up(self) -> None:
        self._move(-self._page())

    def action_page_down(self) -> None:
        self._move(self._page())

    def action_select(self) -> None:
        if self.cursor is not None and self._rows:
            self.post_message(self.Selected(self, self.cursor))

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("row")
        if index is None:
            return
        # A first click selects; a second (or a double click) opens.
        if index == self.cursor or event.chain >= 2:
            self.cursor = index
            self.action_select()
        else:
            self.cursor = index
        self.focus()
